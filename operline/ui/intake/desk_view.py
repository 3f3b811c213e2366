"""The operator's screen for a call: the form, the teams to route to, places with room.

(Over 400 lines: the one path from Ctrl+N to a saved call, its questions asked in order.)

Ctrl+N picks up a call; Ctrl+Enter saves it (after asking about notes that look
identifying, a time far back and a possible duplicate); the focus then goes to the team
to contact, and Enter records it. The call being typed is kept on this computer every few
seconds, and offered back after a crash.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes
from operline.drafts import DraftStore
from operline.errors import OperlineError
from operline.incidents.intake import (
    CallForm,
    CallRefused,
    LoggedCall,
    check_call,
    link_call,
    log_call,
)
from operline.incidents.live_board import BoardIncident
from operline.incidents.routing import SectorChoice, intake_sectors
from operline.incidents.suggestions import known_callers, known_locations
from operline.notes_check import Flagged
from operline.paris_time import format_paris
from operline.ui import palette, shortcuts
from operline.ui.desk_context import DeskContext
from operline.ui.intake.before_saving import BeforeSaving, LateEntryPrompt, read_before_saving
from operline.ui.intake.call_form import NewCallForm
from operline.ui.intake.draft import DraftKeeper, restore_draft
from operline.ui.intake.duplicate_prompt import DuplicateAnswer, DuplicateChoice, DuplicatePrompt
from operline.ui.intake.notes_prompt import IdentifyingNotesPrompt, select_flagged
from operline.ui.intake.places_panel import PlacesPanel
from operline.ui.intake.routing_panel import RoutingPanel
from operline.ui.refusals import action_problem

# Keys of the desk, declared with every other in operline.ui.shortcuts.
NEW_CALL_KEYS = shortcuts.NEW_CALL.keys
FOCUS_ROUTING_KEYS = shortcuts.FOCUS_ROUTING.keys
FOCUS_PLACES_KEYS = shortcuts.FOCUS_PLACES.keys

#: Quiet time after the call's time is edited before its teams are read again.
RECEIVED_AT_PAUSE_MS = 400

_PROBLEM = "color: $problem; font-weight: bold;"
_DONE = "color: $fine; font-weight: bold;"


class DeskView(QWidget):
    """The call form beside the routing panel and the places with room."""

    #: A call became an incident: carries the LoggedCall.
    call_logged = Signal(object)
    #: A call was linked to an open incident: carries the incident id.
    call_linked = Signal(object)
    #: A call was routed to a team: carries the IncidentState.
    call_routed = Signal(object)
    #: A sentence for the status bar.
    notice = Signal(str)

    def __init__(
        self,
        desk: DeskContext,
        *,
        drafts: DraftStore,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("deskView")
        self.setAccessibleName(self.tr("Calls"))
        self._desk = desk
        self._runner = desk.runner
        self._clock = clock = desk.clock
        self._operator = desk.operator
        #: A call is being checked or saved: Ctrl+Enter again does nothing meanwhile.
        self.saving = False
        self.form = NewCallForm(clock=clock, parent=self)
        self.routing = RoutingPanel(desk, parent=self)
        self.places = PlacesPanel(desk, parent=self)
        # A draft is offered back only on the database it was typed for.
        drafts.belong_to(desk.database_name)
        self.keeper = DraftKeeper(self.form, drafts, clock=clock, parent=self)
        #: The prompts while they are open (identifying notes, time far back, possible
        #: duplicate, draft found, new call).
        self.late_prompt: LateEntryPrompt | None = None
        self.notes_prompt: IdentifyingNotesPrompt | None = None
        self.duplicate_prompt: DuplicatePrompt | None = None
        self.draft_prompt: QMessageBox | None = None
        self.new_call_prompt: QMessageBox | None = None
        self._build()
        self._connect()
        self.refresh_reference()

    # Taking a call

    def start_new_call(self) -> None:
        """Pick up a call: an empty form timed now, the sector first.

        A call typed and not saved is never dropped silently: the operator is asked.
        """
        if not self.form.has_content():
            self._begin_call()
            return
        box = QMessageBox(self)
        box.setObjectName("newCallPrompt")
        box.setAccessibleName(self.tr("A call is being typed"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("New call"))
        box.setText(self.tr("A call is being typed and is not saved. Drop it to take a new call?"))
        keep = box.addButton(self.tr("Keep typing"), QMessageBox.ButtonRole.RejectRole)
        drop = box.addButton(self.tr("Drop it, new call"), QMessageBox.ButtonRole.DestructiveRole)
        keep.setObjectName("keepTypingButton")
        drop.setObjectName("dropCallButton")
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered(button: QAbstractButton) -> None:
            self.new_call_prompt = None
            if button is drop:
                self.keeper.discard()
                self._begin_call()
            else:
                self.form.setFocus()

        box.buttonClicked.connect(answered)
        self.new_call_prompt = box
        box.open()

    def save_call(self) -> None:
        """Check the call, ask about a time far back and a possible duplicate, then save it."""
        if self.saving or any((self.duplicate_prompt, self.late_prompt, self.notes_prompt)):
            return
        form = self.form.call_form()
        now = self._clock()
        problems = self.form.problems(check_call(form, now=now))
        if problems:
            self.form.show_problems(problems)
            self._say(self.tr("The call is not saved yet: correct the fields in red."), False)
            return
        flagged = self.form.identifying_notes()
        if flagged:
            self._ask_about_notes(form, now, flagged)
            return
        self._read_before_saving(form, now)

    def _read_before_saving(self, form: CallForm, now: datetime) -> None:
        sector_id = form.sector_id
        assert sector_id is not None
        self._saving(True)
        self._runner.run(
            lambda database: read_before_saving(database, sector_id, form.received_at, now=now),
            lambda found: self._before_saving_read(form, now, found),
            self._not_saved,
            owner=self,
        )

    def _before_saving_read(self, form: CallForm, now: datetime, found: BeforeSaving) -> None:
        self._saving(False)
        if not found.settings.late_entry(form.received_at, now):
            self._ask_about_duplicates(form, found.possible_duplicates)
            return
        prompt = LateEntryPrompt(form.received_at, now, self)

        def answered() -> None:
            self.late_prompt = None
            if prompt.confirmed:
                self._ask_about_duplicates(form, found.possible_duplicates)
            else:
                self.form.received.setFocus(Qt.FocusReason.OtherFocusReason)
                self._say(self.tr("The call is not saved yet: check its time."), False)

        prompt.finished.connect(lambda _: answered())
        self.late_prompt = prompt
        prompt.open()

    def _ask_about_notes(self, form: CallForm, now: datetime, flagged: tuple[Flagged, ...]) -> None:
        prompt = IdentifyingNotesPrompt(flagged, self)

        def answered() -> None:
            self.notes_prompt = None
            if prompt.confirmed:
                self._read_before_saving(form, now)
                return
            select_flagged(self.form.notes, flagged[0])
            self.form.notes.setFocus(Qt.FocusReason.OtherFocusReason)
            self._say(self.tr("The call is not saved yet: remove from the notes who it is."), False)

        prompt.finished.connect(lambda _: answered())
        self.notes_prompt = prompt
        prompt.open()

    def _ask_about_duplicates(self, form: CallForm, incidents: list[BoardIncident]) -> None:
        if not incidents:
            self._log(form)
            return
        prompt = DuplicatePrompt(form, incidents, self)
        prompt.answered.connect(lambda answer: self._duplicate_answered(form, incidents, answer))
        self.duplicate_prompt = prompt
        prompt.open()

    def offer_saved_draft(self) -> bool:
        """Offer back a call left unsaved by a crash; False when there is none."""
        found = self.keeper.load()
        if found is None:
            return False
        saved_at, fields = found
        box = QMessageBox(self)
        box.setObjectName("draftPrompt")
        box.setAccessibleName(self.tr("Unsaved call"))
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Unsaved call"))
        sector = self.form.sector.name_of(fields.get("sector_id"))
        box.setText(self.keeper.describe(saved_at, fields, now=self._clock(), sector=sector))
        resume = box.addButton(self.tr("Resume the call"), QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton(self.tr("Drop it"), QMessageBox.ButtonRole.DestructiveRole)
        resume.setObjectName("resumeDraftButton")
        drop.setObjectName("dropDraftButton")
        box.setDefaultButton(resume)

        def answered(button: QAbstractButton) -> None:
            self.draft_prompt = None
            if button is resume:
                restore_draft(self.form, fields)
                self.form.sector.setFocus(Qt.FocusReason.OtherFocusReason)
                self._say(self.tr("The unsaved call is back in the form."), True)
            elif button is drop:
                self.keeper.discard()

        box.buttonClicked.connect(answered)
        self.draft_prompt = box
        box.open()
        return True

    def refresh_reference(self) -> None:
        """Read the sectors and the services already seen again (after an edit elsewhere)."""
        now = self._clock()
        self._runner.run(
            lambda database: (intake_sectors(database), known_callers(database, now=now)),
            self._reference_read,
            lambda error: self._say(action_problem(error), False),
            owner=self,
        )

    def _reference_read(self, read: tuple[list[SectorChoice], list[str]]) -> None:
        sectors, callers = read
        self.form.set_sectors(sectors)
        self.form.set_known_callers(callers)

    def focus_routing(self) -> None:
        self.routing.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_places(self) -> None:
        self.places.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Inside

    def _begin_call(self) -> None:
        self.form.reset()
        self.refresh_reference()
        self.form.start()
        self._message.clear()
        self._message.hide()

    def _duplicate_answered(
        self, form: CallForm, duplicates: list[BoardIncident], answer: DuplicateAnswer
    ) -> None:
        self.duplicate_prompt = None
        if answer.choice is DuplicateChoice.NEW_INCIDENT:
            self._log(form)
        elif answer.choice is DuplicateChoice.LINK and answer.incident_id is not None:
            reference = next(d.reference for d in duplicates if d.incident_id == answer.incident_id)
            self._link(form, answer.incident_id, reference)
        else:
            self.form.setFocus()
            self.form.sector.setFocus(Qt.FocusReason.OtherFocusReason)

    def _log(self, form: CallForm) -> None:
        actor, now = self._desk.actor(), self._clock()
        self._saving(True)
        self._runner.run(
            lambda database: log_call(database, form, actor=actor, now=now),
            self._logged,
            self._not_saved,
            owner=self,
        )

    def _not_saved(self, error: OperlineError) -> None:
        self._saving(False)
        if isinstance(error, CallRefused):
            self.form.show_problems(self.form.problems(error.problems))
            self._say(self.tr("The call is not saved yet: correct the fields in red."), False)
        else:
            # The form and its draft stay: nothing typed is lost.
            self._say(action_problem(error), False)

    def _saving(self, saving: bool) -> None:
        self.saving = saving
        if saving:
            self._say(self.tr("Saving the call…"), True)

    def _logged(self, logged: LoggedCall) -> None:
        self._saving(False)
        self._desk.changes.publish(logged.changes)
        self.keeper.discard()
        self.form.reset()
        self._say(
            self.tr("{reference} saved ({time}).").format(
                reference=logged.reference, time=format_paris(logged.received_at, "%H:%M")
            ),
            True,
        )
        self.call_logged.emit(logged)
        self.routing.route_call(logged)

    def _link(self, form: CallForm, incident_id: int, reference: str) -> None:
        actor, now = self._desk.actor(), self._clock()
        self._saving(True)
        self._runner.run(
            lambda database: link_call(database, incident_id, form, actor=actor, now=now),
            lambda changes: self._linked(changes, incident_id, reference),
            self._not_saved,
            owner=self,
        )

    def _linked(self, changes: Changes, incident_id: int, reference: str) -> None:
        self._saving(False)
        self._desk.changes.publish(changes)
        self.keeper.discard()
        self.form.reset()
        self._say(
            self.tr("Call linked to {reference}: it is in its timeline.").format(
                reference=reference
            ),
            True,
        )
        self.call_linked.emit(incident_id)
        self.form.sector.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sector_changed(self, sector_id: int | None) -> None:
        self.routing.show_sector(sector_id, self.form.received_at)
        if sector_id is None:
            self.form.set_known_locations([])
            return
        now = self._clock()
        self._runner.run(
            lambda database: known_locations(database, sector_id, now=now),
            lambda places: self._locations_read(sector_id, places),
            lambda error: self._say(action_problem(error), False),
            owner=self,
        )

    def _locations_read(self, sector_id: int, places: list[str]) -> None:
        if self.form.sector_id == sector_id:  # the operator may have moved on meanwhile
            self.form.set_known_locations(places)

    def _show_teams_at_received_time(self) -> None:
        if self.form.sector_id is not None:
            self.routing.show_sector(self.form.sector_id, self.form.received_at)

    def _say(self, sentence: str, done: bool) -> None:
        self._message.setText(sentence)
        palette.styled(self._message, _DONE if done else _PROBLEM)
        self._message.show()
        self.notice.emit(sentence)

    def _build(self) -> None:
        self._message = self.form.status
        # A short screen scrolls the form rather than squeezing its fields together.
        scroller = QScrollArea(self)
        scroller.setObjectName("callFormScroller")
        # Only a frame around the form: no Tab stop of its own, the form inside has them.
        scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroller.setAccessibleName(self.tr("New call"))
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setWidget(self.form)
        right = QVBoxLayout()
        right.addWidget(self.routing, 3)
        right.addWidget(self.places, 2)
        layout = QHBoxLayout(self)
        layout.addWidget(scroller, 5)
        layout.addLayout(right, 4)
        self.setFocusProxy(self.form)

    def _connect(self) -> None:
        self.form.sector_changed.connect(self._sector_changed)
        # The time is typed digit by digit: read the roster once the typing pauses.
        self.received_at_pause = QTimer(self)
        self.received_at_pause.setObjectName("receivedAtPause")
        self.received_at_pause.setSingleShot(True)
        self.received_at_pause.setInterval(RECEIVED_AT_PAUSE_MS)
        self.received_at_pause.timeout.connect(self._show_teams_at_received_time)
        self.form.received_at_changed.connect(lambda _: self.received_at_pause.start())
        self.form.save_requested.connect(self.save_call)
        self.routing.routed.connect(self.call_routed)
        for panel in (self.routing, self.places):
            panel.notice.connect(self.notice)
        for keys, slot, name in (
            (FOCUS_ROUTING_KEYS, self.focus_routing, "focusRoutingAction"),
            (FOCUS_PLACES_KEYS, self.focus_places, "focusPlacesAction"),
        ):
            action = QAction(self)
            action.setObjectName(name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
