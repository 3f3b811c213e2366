"""The stage keys of the live board: one key per step of a call, on the selected call.

(Over 400 lines: every stage key with its dialog and its answer; one table of keys.)

Each step is timed by the desk's clock, recorded off the GUI thread with the operator
signed in, and refused in one translated sentence when the desk's rules say no. What a
step changed goes on the desk's change bus, and the board redraws that call alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from operline.changes import Changes, IncidentChange
from operline.codes import Status
from operline.errors import OperlineError
from operline.incidents.conflicts import Conflict, IncidentConflict
from operline.incidents.events import IncidentChanged, IncidentRefused, Refusal
from operline.incidents.live_board import BoardIncident
from operline.incidents.places import PlaceRoom, places_with_room
from operline.incidents.stages import (
    Action,
    IncidentState,
    add_note,
    advance_incident,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.incidents.timeline import read_incident
from operline.operators import OperatorInfo
from operline.paris_time import format_paris
from operline.ui import shortcuts
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.board.sector_strip import ALL_SECTORS_KEY, SECTOR_KEYS
from operline.ui.board.stage_dialogs import (
    Closing,
    NoteDialog,
    Reply,
    StageTime,
    StageTimeDialog,
    stage_refusal,
)
from operline.ui.board.team_choices import (
    CloseDialog,
    TeamChange,
    TeamChoice,
    TeamDialog,
    team_choices,
)
from operline.ui.conflict_dialog import ConflictDialog, VersionedStep, conflict_notice
from operline.ui.desk_context import DeskContext
from operline.ui.labels import outcome_label, status_label
from operline.ui.tasks import Work

# The board's keys, active while the focus is on the board; declared with every other
# key in operline.ui.shortcuts.
OPEN_DETAIL_KEYS = (shortcuts.OPEN_CALL.keys, *shortcuts.OPEN_CALL.more)
ROUTE_KEY = shortcuts.ROUTE.keys
ACKNOWLEDGED_KEY = shortcuts.ACKNOWLEDGED.keys
ON_SCENE_KEY = shortcuts.ON_SCENE.keys
CLOSE_KEY = shortcuts.CLOSE_CALL.keys
REASSIGN_KEY = shortcuts.REASSIGN.keys
NOTE_KEY = shortcuts.NOTE.keys
ACKNOWLEDGED_EARLIER_KEY = shortcuts.ACKNOWLEDGED_EARLIER.keys
ON_SCENE_EARLIER_KEY = shortcuts.ON_SCENE_EARLIER.keys

T = TypeVar("T")

#: The stage each stage key needs the call to be at.
_NEEDS = {Status.ACKNOWLEDGED: Status.ROUTED, Status.ON_SCENE: Status.ACKNOWLEDGED}


class BoardCursor(Protocol):
    """What the keys need of the board beyond its widget: the call under the cursor, and
    a line to say what was recorded or refused."""

    def selected_incident(self) -> BoardIncident | None: ...

    def say(self, sentence: str, *, problem: bool = False) -> None: ...


class StageKeys(QObject):
    """The actions of the board's keys and the dialogs they open."""

    def __init__(self, board: QWidget, desk: DeskContext, cursor: BoardCursor) -> None:
        super().__init__(board)
        self.setObjectName("stageKeys")
        #: The widget the keys act in: their actions and dialogs belong to it.
        self.board = board
        self.desk = desk
        self.cursor = cursor
        #: The dialog a key opened, while it is open.
        self.dialog: QDialog | None = None
        #: The last step this desk recorded and the sentence that told it, for Ctrl+Z.
        self.last_step: tuple[IncidentState, str] | None = None
        self._actions: list[QAction] = []
        self.detail_action = self._action(
            self.tr("Open the call"), "openDetailAction", OPEN_DETAIL_KEYS, self.open_detail
        )
        self.route_action = self._action(
            self.tr("Route to a team…"), "routeAction", (ROUTE_KEY,), self.route
        )
        self.acknowledged_action = self._action(
            self.tr("Acknowledged"),
            "acknowledgedAction",
            (ACKNOWLEDGED_KEY,),
            lambda: self.advance(Status.ACKNOWLEDGED),
        )
        self.on_scene_action = self._action(
            self.tr("On scene"),
            "onSceneAction",
            (ON_SCENE_KEY,),
            lambda: self.advance(Status.ON_SCENE),
        )
        self.close_action = self._action(self.tr("Close…"), "closeAction", (CLOSE_KEY,), self.close)
        self.reassign_action = self._action(
            self.tr("Hand to another team…"), "reassignAction", (REASSIGN_KEY,), self.reassign
        )
        self.note_action = self._action(
            self.tr("Add a note…"), "noteAction", (NOTE_KEY,), self.note
        )
        self.acknowledged_earlier_action = self._action(
            self.tr("Acknowledged at an earlier time…"),
            "acknowledgedEarlierAction",
            (ACKNOWLEDGED_EARLIER_KEY,),
            lambda: self.set_back(Status.ACKNOWLEDGED),
        )
        self.on_scene_earlier_action = self._action(
            self.tr("On scene at an earlier time…"),
            "onSceneEarlierAction",
            (ON_SCENE_EARLIER_KEY,),
            lambda: self.set_back(Status.ON_SCENE),
        )

    def actions(self) -> list[QAction]:
        """Every key's action, in the order a menu lists them."""
        return list(self._actions)

    def hint(self) -> str:
        return self.tr(
            "Enter: open · {route}: route · {ack}: acknowledged · {scene}: on scene · "
            "{close}: close · {reassign}: other team · {note}: note · "
            "{ack_earlier}, {scene_earlier}: at an earlier time · "
            "{first}…{last}: one sector, {all}: all"
        ).format(
            route=ROUTE_KEY,
            ack=ACKNOWLEDGED_KEY,
            scene=ON_SCENE_KEY,
            close=CLOSE_KEY,
            reassign=REASSIGN_KEY,
            note=NOTE_KEY,
            ack_earlier=_native(ACKNOWLEDGED_EARLIER_KEY),
            scene_earlier=_native(ON_SCENE_EARLIER_KEY),
            first=_native(SECTOR_KEYS[0]),
            last=_native(SECTOR_KEYS[min(5, len(SECTOR_KEYS) - 1)]),
            all=_native(ALL_SECTORS_KEY),
        )

    # The keys

    def open_detail(self) -> None:
        ready = self._ready(self.tr("Sign in before opening a call: each opening is recorded."))
        if ready is None:
            return
        _signed_in, incident = ready
        now = self.desk.clock()
        actor = self.desk.actor()
        self._read(
            lambda database: read_incident(database, incident.incident_id, actor=actor, now=now),
            lambda detail: self.open_dialog(
                IncidentDetailDialog(detail, now=now, parent=self.board)
            ),
        )

    def advance(self, stage: Status) -> None:
        """Record that the team acknowledged, or is on scene, now."""
        ready = self._ready()
        if ready is None:
            return
        _signed_in, incident = ready
        now = self.desk.clock()
        action = Action(self.desk.actor(), now, now)
        self._record(
            incident,
            lambda database, version: advance_incident(
                database, incident.incident_id, stage, version=version, action=action
            ),
            self._stage_done(incident, stage, action.at),
        )

    def set_back(self, stage: Status) -> None:
        """Record a stage at an earlier time, with the reason it is recorded late."""
        ready = self._ready()
        if ready is None:
            return
        _signed_in, incident = ready
        if incident.status is not _NEEDS[stage]:
            self._refuse_stage(incident, stage.value)
            return

        def submit(chosen: StageTime, reply: Reply) -> None:
            action = Action(self.desk.actor(), chosen.at, self.desk.clock(), chosen.reason)
            self._record(
                incident,
                lambda database, version: advance_incident(
                    database, incident.incident_id, stage, version=version, action=action
                ),
                self._stage_done(incident, stage, chosen.at),
                reply,
            )

        self.open_dialog(StageTimeDialog(stage, incident, self.desk.clock, submit, self.board))

    def route(self) -> None:
        """Give a new call to a team: those on duty first, first call first."""
        self._team_step(reassign=False)

    def reassign(self) -> None:
        """Hand a call to another team, with the reason; the backups are proposed first."""
        self._team_step(reassign=True)

    def _team_step(self, *, reassign: bool) -> None:
        ready = self._ready()
        if ready is None:
            return
        _signed_in, incident = ready
        if reassign == (incident.status is Status.NEW):
            self._refuse_stage(incident, "reassigned" if reassign else Status.ROUTED.value)
            return
        now = self.desk.clock()
        self._read(
            lambda database: team_choices(database, incident, now=now, routing=not reassign),
            lambda choices: self._choose_team(incident, choices, reassign=reassign),
        )

    def _choose_team(
        self,
        incident: BoardIncident,
        choices: list[TeamChoice],
        *,
        reassign: bool,
    ) -> None:
        names = {choice.team_id: choice.name for choice in choices}
        service = reassign_incident if reassign else route_incident

        def submit(change: TeamChange, reply: Reply) -> None:
            team = names.get(change.team_id, "")
            if reassign:
                done = self.tr("{reference} handed to {team}.")
            else:
                done = self.tr("{reference}: {team} contacted at {time}.")
            action = Action(self.desk.actor(), change.at, self.desk.clock(), change.reason)
            self._record(
                incident,
                lambda database, version: service(
                    database, incident.incident_id, change.team_id, version=version, action=action
                ),
                done.format(
                    reference=incident.reference,
                    team=team,
                    time=format_paris(change.at, "%H:%M"),
                ),
                reply,
            )

        if reassign:
            title = self.tr("Hand {reference} to another team")
        else:
            title = self.tr("Route {reference} to a team")
        dialog = TeamDialog(
            title.format(reference=incident.reference),
            incident,
            choices,
            self.desk.clock,
            submit,
            reason_required=reassign,
            parent=self.board,
        )
        self.open_dialog(dialog)

    def close(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        _signed_in, incident = ready
        now = self.desk.clock()
        self._read(
            lambda database: places_with_room(database, now=now),
            lambda places: self._close_with(incident, places),
        )

    def _close_with(self, incident: BoardIncident, places: list[PlaceRoom]) -> None:
        names = {place.facility_id: place.name for place in places}

        def submit(closing: Closing, reply: Reply) -> None:
            action = Action(self.desk.actor(), closing.at, self.desk.clock(), closing.reason)
            if closing.facility_id is not None:
                done = self.tr("{reference} closed: oriented to {place}.").format(
                    reference=incident.reference, place=names.get(closing.facility_id, "")
                )
            else:
                done = self.tr("{reference} closed: {outcome}.").format(
                    reference=incident.reference, outcome=outcome_label(closing.outcome)
                )
            self._record(
                incident,
                lambda database, version: close_incident(
                    database,
                    incident.incident_id,
                    closing.outcome,
                    facility_id=closing.facility_id,
                    version=version,
                    action=action,
                ),
                done,
                reply,
            )

        self.open_dialog(CloseDialog(incident, places, self.desk.clock, submit, self.board))

    def note(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        _signed_in, incident = ready

        def submit(text: str, reply: Reply) -> None:
            now, actor = self.desk.clock(), self.desk.actor()
            self._record(
                incident,
                # A note names no version: it never conflicts.
                lambda database, _version: add_note(
                    database, incident.incident_id, text, actor=actor, now=now
                ),
                self.tr("Note added to {reference}.").format(reference=incident.reference),
                reply,
            )

        self.open_dialog(NoteDialog(incident, submit, self.board))

    # Doing

    def _ready(self, signed_out: str = "") -> tuple[OperatorInfo, BoardIncident] | None:
        incident = self.cursor.selected_incident()
        if incident is None:
            self.cursor.say(self.tr("Select a call first (arrow keys)."), problem=True)
            return None
        operator = self.desk.operator()
        if operator is None:
            self.cursor.say(
                signed_out or self.tr("Nobody is signed in at this desk: sign in first."),
                problem=True,
            )
            return None
        return operator, incident

    def _record(
        self,
        incident: BoardIncident,
        step: VersionedStep[IncidentState | Changes],
        done: str,
        reply: Reply | None = None,
        *,
        version: int | None = None,
    ) -> None:
        """Run a step off the GUI thread, at the version the board read unless told;
        its refusal goes to ``reply`` (else the board).

        A refusal because another desk changed the call first opens the conflict dialog;
        applying the entry there runs the same step again at the version now current.
        The stage keys stay greyed until the step is answered: a key pressed twice does
        not record twice.
        """
        changes = self.desk.changes
        at_version = incident.version if version is None else version

        def recorded(result: IncidentState | Changes) -> None:
            if isinstance(result, IncidentState):
                self.last_step = (result, done)
            changes.publish(result if isinstance(result, Changes) else result.changes)
            self.cursor.say(done)
            if reply is not None:
                reply(None)

        def refused(error: OperlineError) -> None:
            sentence = stage_refusal(error)
            if isinstance(error, IncidentChanged):
                # Another desk moved this call: show it as it is now, and say so.
                changes.publish(Changes.of_incident(incident.incident_id, IncidentChange.STAGE))
                if isinstance(error, IncidentConflict):
                    sentence = conflict_notice(error.conflict)
                self.cursor.say(sentence, problem=True)
                if reply is not None:
                    reply(None)
                if isinstance(error, IncidentConflict):
                    self._offer(incident, error.conflict, step, done)
            elif reply is not None:
                reply(error)
            else:
                self.cursor.say(sentence, problem=True)

        self.desk.runner.run(
            lambda database: step(database, at_version),
            recorded,
            refused,
            owner=self.board,
            busy=self._actions,
        )

    def _offer(
        self,
        incident: BoardIncident,
        conflict: Conflict,
        step: VersionedStep[IncidentState | Changes],
        done: str,
    ) -> None:
        """Show both versions; "apply my entry" runs the step again over the current call."""

        def apply(version: int) -> None:
            self._record(incident, step, done, version=version)

        self.open_dialog(
            ConflictDialog(conflict, now=self.desk.clock(), apply=apply, parent=self.board)
        )

    def _read(self, work: Work[T], then: Callable[[T], None]) -> None:
        """Read what a dialog needs off the GUI thread, then open it."""
        self.desk.runner.run(
            work,
            then,
            lambda error: self.cursor.say(stage_refusal(error), problem=True),
            owner=self.board,
            busy=self._actions,
        )

    def _refuse_stage(self, incident: BoardIncident, wanted: str) -> None:
        refused = IncidentRefused(
            Refusal.WRONG_STAGE,
            reference=incident.reference,
            status=incident.status.value,
            wanted=wanted,
        )
        self.cursor.say(stage_refusal(refused), problem=True)

    def _stage_done(self, incident: BoardIncident, stage: Status, at: datetime) -> str:
        when = format_paris(at, "%H:%M")
        return self.tr("{reference}: {stage} at {time}.").format(
            reference=incident.reference, stage=status_label(stage), time=when
        )

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a dialog of the board's keys; the focus comes back to the board when it closes."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is not dialog:
            return  # it opened another as it closed (a conflict met again): that one counts
        self.dialog = None
        # Back to the board, keys and all, without reaching for the mouse.
        self.board.activateWindow()
        self.board.setFocus(Qt.FocusReason.OtherFocusReason)

    def _action(
        self, text: str, name: str, keys: Sequence[str], triggered: Callable[[], None]
    ) -> QAction:
        action = QAction(text, self.board)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in keys])
        # Only while the focus is on the board: a letter typed in a form stays a letter.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(triggered)
        self.board.addAction(action)
        self._actions.append(action)
        return action


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
