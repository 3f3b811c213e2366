"""Beside the call form: the teams on duty for the call's sector, and routing the call.

As soon as a sector is chosen the panel shows its teams (first call first). Once the call
is saved, the first team is selected: Enter records that the team was contacted. When no
team covers the sector, the panel says so in red and offers the neighbours' teams, the
backups on duty elsewhere, and any other team, with a short reason. When another desk
changed the call before the routing was recorded, the conflict dialog shows the call now
beside the routing, which the operator may apply over it (at the version now current).

(Over 400 lines: one panel, its list, its problems and its keys share their state.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes
from operline.errors import OperlineError
from operline.incidents.conflicts import Conflict, IncidentConflict
from operline.incidents.events import IncidentRefused, Refusal
from operline.incidents.intake import LoggedCall
from operline.incidents.routing import RoutingChoices, routing_choices
from operline.incidents.stages import Action, IncidentState, route_incident
from operline.paris_time import format_paris
from operline.phones import format_phone
from operline.ui import palette, shortcuts
from operline.ui.board.stage_dialogs import stage_refusal
from operline.ui.conflict_dialog import ConflictDialog, conflict_notice
from operline.ui.desk_context import DeskContext
from operline.ui.intake.routing_panel_model import (
    ROW_ROLE,
    RoutingColumn,
    RoutingModel,
    RoutingRow,
    routing_rows,
)
from operline.ui.refusals import action_problem

# Keys of the panel, declared with every other in operline.ui.shortcuts.
COPY_PHONE_KEYS = shortcuts.COPY_PHONE.keys
ALL_TEAMS_KEYS = shortcuts.ALL_TEAMS.keys

_WARNING = "color: $alarm_text; background: $alarm; font-weight: bold; padding: 6px;"
_CAUTION = (
    "color: $caution_strip_text; background: $caution_strip; font-weight: bold; padding: 6px;"
)
_PENDING = (
    "color: $pending_strip_text; background: $pending_strip; font-weight: bold; padding: 6px;"
)
_DONE = "color: $fine_strip_text; background: $fine_strip; font-weight: bold; padding: 6px;"
_PROBLEM = "color: $problem; font-weight: bold;"


class TeamTable(QTableView):
    """The list of teams; Enter chooses the selected one."""

    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            self.chosen.emit()
            return
        super().keyPressEvent(event)


class RoutingPanel(QWidget):
    """Teams on duty for a sector at an instant; routes the saved call to one of them."""

    #: The call was routed: carries the IncidentState the service returned.
    routed = Signal(object)
    #: A sentence for the status bar.
    notice = Signal(str)

    def __init__(self, desk: DeskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routingPanel")
        self.setAccessibleName(self.tr("Teams to route the call to"))
        self._desk = desk
        self._clock = clock = desk.clock
        self._operator = desk.operator
        self._sector_id: int | None = None
        self._at: datetime | None = None
        self._choices: RoutingChoices | None = None
        #: The teams read last, kept when the form empties after a save: the saved call's.
        self._last_read: RoutingChoices | None = None
        #: The saved call waiting for its team, if any.
        self.pending: LoggedCall | None = None
        #: The team chosen is being recorded.
        self.routing_in_flight = False
        #: What the problem shown was about: the team chosen then, and whether a reason.
        self._problem_team: int | None = None
        self._problem_wants_reason = False
        #: Both versions of a call another desk changed before its routing, while shown.
        self.conflict: ConflictDialog | None = None
        self.model = RoutingModel(self)
        self._build()
        self.show_sector(None, clock())
        desk.changes.changed.connect(self._forget_if_roster_changed)

    # What the panel shows

    def show_sector(self, sector_id: int | None, at: datetime) -> None:
        """Show the teams on duty for a sector at ``at`` (the call's time)."""
        if self.pending is not None:
            if sector_id is None or (sector_id, at) == (self._sector_id, self._at):
                return  # the form was emptied: the saved call still waits for its team
            self.notice.emit(
                self.tr("{reference} was not routed: it waits on the live board.").format(
                    reference=self.pending.reference
                )
            )
            self.pending = None
            self._show_pending()
        self._sector_id, self._at = sector_id, at
        self._outcome.hide()
        self._load()

    def route_call(self, call: LoggedCall) -> None:
        """The call is saved: select its first team and wait for Enter.

        The teams are those on duty now, when they are called, even for a call typed in
        late; the call itself keeps whether a team was on duty when it came in.
        """
        self.pending = None
        now = self._clock()
        self._sector_id, self._at = call.sector_id, now
        self.pending = call
        self._show_pending()
        self._outcome.hide()
        shown = self._last_read
        if shown is not None and shown.sector_id == call.sector_id and shown.holds_at(now):
            # The teams read for the sector typed are still the ones on duty now.
            self._problem.hide()
            self._show_choices(shown, now)
            self._select_first()
        else:
            self._load(then=self._select_first)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, RoutingColumn.TEAM))

    def _select_team(self, team_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            index = self.model.index(row, RoutingColumn.TEAM)
            shown = index.data(ROW_ROLE)
            if team_id is not None and isinstance(shown, RoutingRow) and shown.team_id == team_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(index)
                return
        if self.pending is not None:
            self._select_first()

    def selected_row(self) -> RoutingRow | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, RoutingRow) else None

    @property
    def choices(self) -> RoutingChoices | None:
        return self._choices

    # Actions

    def route_selected(self) -> None:
        """Record that the selected team was contacted for the saved call."""
        if self.routing_in_flight:
            return  # Enter pressed again while the first is being recorded
        team = self.selected_row()
        if self.pending is None:
            self._tell_problem(
                self.tr("Save the call first ({keys}); then Enter records the team.").format(
                    keys=shortcuts.SAVE_CALL.key_text()
                )
            )
            return
        if team is None:
            self._tell_problem(self.tr("Choose a team in the list."))
            return
        if not team.on_duty_here and not self.reason.text().strip():
            # The reason it will most likely ask for takes the focus at once, not once the
            # database answers: what the operator types meanwhile is not lost in the list.
            # The desk still decides (a team on duty when the call came in needs none).
            self._show_reason(True)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)
        now = self._clock()
        action = Action(
            actor=self._desk.actor(),
            at=now,
            now=now,
            reason=self.reason.text(),
        )
        self._route(self.pending, team, action, self.pending.version)

    def _route(self, call: LoggedCall, team: RoutingRow, action: Action, version: int) -> None:
        """Route the call at ``version``: the one saved, or the one a conflict carries."""
        self.routing_in_flight = True
        self._desk.runner.run(
            lambda database: route_incident(
                database, call.incident_id, team.team_id, version=version, action=action
            ),
            lambda state: self._routed(call, team, state, action.at),
            lambda error: self._not_routed(error, call, team, action),
            owner=self,
        )

    def _not_routed(
        self, error: OperlineError, call: LoggedCall, team: RoutingRow, action: Action
    ) -> None:
        self.routing_in_flight = False
        if isinstance(error, IncidentConflict):
            self._offer(call, team, action, error.conflict)
            return
        wants_reason = isinstance(error, IncidentRefused) and error.code is Refusal.TEAM_NOT_ON_DUTY
        self._tell_problem(stage_refusal(error), wants_reason=wants_reason)
        if wants_reason:
            self._show_reason(True)
            self.reason.setFocus(Qt.FocusReason.OtherFocusReason)

    def _routed(
        self, call: LoggedCall, team: RoutingRow, state: IncidentState, now: datetime
    ) -> None:
        self.routing_in_flight = False
        self._desk.changes.publish(state.changes)
        self.pending = None
        self._show_pending()
        self._problem.hide()
        if self.reason.hasFocus():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.reason.clear()
        self._show_reason(False)
        sentence = self.tr("{reference}: {team} contacted at {time}.").format(
            reference=call.reference, team=team.name, time=format_paris(now, "%H:%M")
        )
        self._outcome.setText("✔ " + sentence)
        self._outcome.setAccessibleName(sentence)
        self._outcome.show()
        self.notice.emit(sentence)
        self.routed.emit(state)

    def _offer(
        self, call: LoggedCall, team: RoutingRow, action: Action, conflict: Conflict
    ) -> None:
        """Both versions; "apply my entry" routes the call again over the current one."""
        if self.pending == call:
            # Still waiting for its team, now at the version the other desk left it at.
            self.pending = replace(call, version=conflict.version)
        self._tell_problem(conflict_notice(conflict))
        dialog = ConflictDialog(
            conflict,
            now=self._clock(),
            apply=lambda version: self._route(call, team, action, version),
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._conflict_closed(dialog))
        self.conflict = dialog
        dialog.open()

    def _conflict_closed(self, dialog: ConflictDialog) -> None:
        if self.conflict is not dialog:
            return  # applying met another conflict, shown in its own dialog already
        self.conflict = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def copy_phone(self) -> None:
        """Put the selected team's phone, as the desk reads it, on the clipboard."""
        team = self.selected_row()
        if team is None:
            self.notice.emit(self.tr("No team selected: nothing was copied."))
        elif team.phone is None:
            self.notice.emit(self.tr("{team} has no phone number.").format(team=team.name))
        else:
            readable = format_phone(team.phone)
            QGuiApplication.clipboard().setText(readable)
            self.notice.emit(
                self.tr("Phone of {team} copied: {phone}").format(team=team.name, phone=readable)
            )

    # Inside

    def _forget_if_roster_changed(self, changes: Changes) -> None:
        """An edited roster may change who is on duty: the next call reads the teams again."""
        if changes.roster:
            self._last_read = None

    def _load(self, then: Callable[[], None] | None = None) -> None:
        self._problem.hide()
        if self._sector_id is None or self._at is None:
            self._choices = None
            self.model.set_rows([], None)
            self._heading.setText(self.tr("Teams on duty"))
            self._warning.setText(self.tr("Choose the sector: its teams on duty appear here."))
            palette.styled(self._warning, "color: $quiet; padding: 6px;")
            self._warning.show()
            self._show_reason(False)
            return
        sector_id, at = self._sector_id, self._at
        asked = (sector_id, at)

        def read(choices: RoutingChoices) -> None:
            if (self._sector_id, self._at) == asked:  # else another sector is on its way
                self._show_choices(choices, at)
                if then is not None:
                    then()

        def refused(error: OperlineError) -> None:
            self._choices = None
            self.model.set_rows([], None)
            self._tell_problem(action_problem(error))

        self._desk.runner.run(
            lambda database: routing_choices(database, sector_id, at), read, refused, owner=self
        )

    def _show_choices(self, choices: RoutingChoices, at: datetime) -> None:
        chosen = self.selected_row()
        same_sector = self._choices is not None and self._choices.sector_id == choices.sector_id
        self._choices = self._last_read = choices
        self.model.set_rows(routing_rows(choices, everyone=self.all_teams.isChecked()), at)
        # Read again for the same sector (a roster changed at another desk, the time typed):
        # the team chosen stays chosen. Another sector starts afresh, even where the team
        # chosen before is on duty there too. A saved call waiting for Enter always has one.
        kept = chosen.team_id if chosen is not None and same_sector else None
        self._select_team(kept)
        self._heading.setText(
            self.tr("Teams on duty at {time}").format(time=format_paris(at, "%H:%M"))
        )
        if choices.nobody_on_duty:
            self._warning.setText("⚠ " + self.tr("No team on duty for this sector"))
            palette.styled(self._warning, _WARNING)
            self._warning.show()
        elif not choices.first_call:
            self._warning.setText(self.tr("No first-call team on duty: backups only"))
            palette.styled(self._warning, _CAUTION)
            self._warning.show()
        else:
            self._warning.hide()
        self._warning.setAccessibleName(self._warning.text())
        self._current_changed()

    def _show_pending(self) -> None:
        if self.pending is None:
            self._pending.hide()
            return
        self._pending.setText(
            self.tr("{reference} saved: call the team, then Enter to record it.").format(
                reference=self.pending.reference
            )
        )
        self._pending.setAccessibleName(self._pending.text())
        self._pending.show()

    def _current_changed(self, *_: object) -> None:
        row = self.selected_row()
        if (row.team_id if row is not None else None) != self._problem_team:
            self._problem.hide()  # the problem was about the team chosen before, or none
        needs_reason = row is not None and not row.on_duty_here
        self._show_reason(needs_reason or bool(self.reason.text().strip()))

    def _show_reason(self, shown: bool) -> None:
        self._reason_label.setVisible(shown)
        self.reason.setVisible(shown)

    def _reason_edited(self, typed: str) -> None:
        if self._problem_wants_reason and typed.strip():
            self._problem.hide()

    def _tell_problem(self, sentence: str, *, wants_reason: bool = False) -> None:
        row = self.selected_row()
        self._problem_team = row.team_id if row is not None else None
        self._problem_wants_reason = wants_reason
        self._problem.setText("⚠ " + sentence)
        self._problem.setAccessibleName(sentence)
        self._problem.show()
        self.notice.emit(sentence)

    def _build(self) -> None:
        self._heading = QLabel(self)
        self._heading.setObjectName("routingHeading")
        font = self._heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self._heading.setFont(font)
        self._pending = self._banner("routingPending", _PENDING)
        self._warning = self._banner("routingWarning", _WARNING)
        self._outcome = self._banner("routingOutcome", _DONE)

        self.table = TeamTable(self)
        self.table.setObjectName("routingTeams")
        self.table.setAccessibleName(self.tr("Teams"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        lines = self.table.verticalHeader()
        lines.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(RoutingColumn.TEAM, QHeaderView.ResizeMode.Stretch)
        for column in (RoutingColumn.STANDING, RoutingColumn.PHONE, RoutingColumn.UNTIL):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.chosen.connect(self.route_selected)
        self.table.doubleClicked.connect(lambda _: self.route_selected())
        selection = self.table.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._current_changed)

        self._reason_label = QLabel(self.tr("&Reason (team not on duty here)"), self)
        self._reason_label.setObjectName("routingReasonLabel")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("routingReason")
        self.reason.setAccessibleName(self.tr("Reason for a team not on duty here"))
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("e.g. no answer from the team on duty"))
        self._reason_label.setBuddy(self.reason)
        self.reason.returnPressed.connect(self.route_selected)
        self.reason.textEdited.connect(self._reason_edited)
        reason_row = QHBoxLayout()
        reason_row.addWidget(self._reason_label)
        reason_row.addWidget(self.reason, 1)

        self._problem = QLabel(self)
        self._problem.setObjectName("routingProblem")
        self._problem.setWordWrap(True)
        palette.styled(self._problem, _PROBLEM)
        self._problem.hide()

        self.all_teams = QCheckBox(self.tr("Show every team"), self)
        self.all_teams.setObjectName("routingAllTeams")
        self.all_teams.setAccessibleName(self.tr("Show every team"))
        self.all_teams.toggled.connect(lambda _: self._load())
        hint = QLabel(
            self.tr("Enter: team contacted · {copy}: copy its phone · {all}: every team").format(
                copy=_native(COPY_PHONE_KEYS), all=_native(ALL_TEAMS_KEYS)
            ),
            self,
        )
        hint.setObjectName("routingHint")
        hint.setWordWrap(True)
        palette.styled(hint, "color: $quiet;")
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(self.all_teams)

        copy = self._action("copyPhoneAction", self.tr("Copy the team's phone"), COPY_PHONE_KEYS)
        copy.triggered.connect(self.copy_phone)
        everyone = self._action("allTeamsAction", self.tr("Show every team"), ALL_TEAMS_KEYS)
        everyone.triggered.connect(self.all_teams.toggle)

        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self._pending)
        layout.addWidget(self._warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(reason_row)
        layout.addWidget(self._problem)
        layout.addWidget(self._outcome)
        layout.addLayout(bottom)
        self.setFocusProxy(self.table)

    def _banner(self, name: str, style: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        palette.styled(label, style)
        label.hide()
        return label

    def _action(self, name: str, text: str, keys: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        # Only while the panel has the focus: elsewhere Ctrl+C copies text as usual.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
