"""The new-call form: what a police crew says on the phone, typed in a few keys.

(Over 400 lines: one form, its fields in the crew's order; split, it would read in two places.)

The fields follow the order a crew speaks in: where (sector, then the precise place),
what is needed, how urgent, how many people, then who calls and the number to call back.
Problems are shown beside their field; nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Priority
from operline.incidents.intake import (
    NOTES_LIMIT,
    PERSONS_RANGE,
    CallForm,
    FieldProblem,
    IntakeProblem,
)
from operline.incidents.routing import SectorChoice, SectorSuggestions
from operline.notes_check import Flagged, identifying_text
from operline.paris_time import Clock, paris_date
from operline.phones import normalise_phone
from operline.ui import palette, shortcuts
from operline.ui.intake.fields import (
    CATEGORY_ORDER,
    CategoryList,
    DeskLineEdit,
    NotesEdit,
    ReceivedAtField,
    SectorField,
    UrgentBox,
)
from operline.ui.intake.form_rows import (
    ERROR_STYLE,
    FieldProblems,
    buddy_label,
    chain_tab_order,
    keys_action,
    side_by_side,
)
from operline.ui.intake.notes_prompt import describe_flagged
from operline.ui.intake.sector_refusal import sector_refusal

# Keys of the form, declared with every other in operline.ui.shortcuts.
SAVE_CALL_KEYS = (shortcuts.SAVE_CALL.keys, *shortcuts.SAVE_CALL.more)
TOGGLE_URGENT_KEYS = shortcuts.TOGGLE_URGENT.keys
#: Alt+1 … Alt+7 choose the need from any field.
CATEGORY_KEYS = (shortcuts.CHOOSE_NEED.keys, *shortcuts.CHOOSE_NEED.more)

_REMINDER_STYLE = "color: $caution; font-style: italic;"

#: How often « Received at » is set to the desk's clock again while the form is untouched.
RECEIVED_AT_TICK_MS = 5_000


class NewCallForm(QWidget):
    """The fields of one call, their problems, and what a draft of them holds."""

    #: The operator changed something.
    changed = Signal()
    #: The chosen sector's id, or None.
    sector_changed = Signal(object)
    #: When the call was received (UTC).
    received_at_changed = Signal(object)
    #: Ctrl+Enter or the Save button.
    save_requested = Signal()

    def __init__(self, *, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCallForm")
        self.setAccessibleName(self.tr("New call"))
        self._clock = clock
        # A call's time is the moment its first key is typed: until then the empty form
        # follows the desk's clock, however long it waits (a shift change, a quiet hour).
        # The operator's own time, or a draft's, is never moved.
        self._stamped = False
        self.received_tick = QTimer(self)
        self.received_tick.setObjectName("receivedAtTick")
        self.received_tick.setInterval(RECEIVED_AT_TICK_MS)
        self.received_tick.timeout.connect(self._follow_clock)
        self.received_tick.start()
        self._filling = False
        self._problems = FieldProblems(self)
        self._build()
        self._connect()
        self.reset()

    # What the form holds

    @property
    def received_at(self) -> datetime:
        return self.received.instant

    @property
    def follows_clock(self) -> bool:
        """Whether « Received at » still moves with the clock: nothing of a call typed yet."""
        return not self._stamped and not self.received.typed

    @property
    def sector_id(self) -> int | None:
        return self.sector.sector_id

    def set_sectors(self, sectors: list[SectorChoice]) -> None:
        self.sector.set_sectors(sectors)

    def set_known_callers(self, names: list[str]) -> None:
        self.caller_service.proposals.set_names(names)

    def set_known_locations(self, names: list[str]) -> None:
        self.location.proposals.set_names(names)

    def call_form(self) -> CallForm:
        """The call as typed, for the intake service to check and save."""
        self.sector.resolve()
        return CallForm(
            received_at=self.received.instant,
            sector_id=self.sector.sector_id,
            category=self.category.category,
            priority=Priority.URGENT if self.urgent.isChecked() else Priority.NORMAL,
            persons=self.persons.value(),
            caller_service=self.caller_service.text(),
            callback_number=self.callback_number.text(),
            location=self.location.text(),
            notes=self.notes.toPlainText(),
        )

    def identifying_notes(self) -> tuple[Flagged, ...]:
        """What in the notes looks like a name, a date of birth or a phone number."""
        return identifying_text(self.notes.toPlainText(), today=paris_date(self._clock()))

    def problems(self, found: list[FieldProblem]) -> list[FieldProblem]:
        """The service's problems, plus a sector typed that names none."""
        if self.sector.typed_unknown:
            found = [p for p in found if p.field != "sector_id"]
            found.append(FieldProblem("sector_id", IntakeProblem.SECTOR_UNKNOWN))
        return found

    def has_content(self) -> bool:
        """Whether anything of a call was typed (the time alone is not a call)."""
        return bool(
            self.sector.text().strip()
            or self.location.text().strip()
            or self.category.category is not None
            or self.urgent.isChecked()
            or self.persons.value() != 1
            or self.caller_service.text().strip()
            or self.callback_number.text().strip()
            or self.notes.toPlainText().strip()
        )

    def fill(self, fill: Callable[[], None]) -> None:
        """Change the fields from code (a draft given back): no change is reported."""
        self._filling = True
        try:
            self.reset()
            self._stamped = True
            fill()
        finally:
            self._filling = False
        self.sector_changed.emit(self.sector.sector_id)
        self.received_at_changed.emit(self.received.instant)

    def reset(self) -> None:
        """Empty every field, for the next call."""
        was_filling, self._filling = self._filling, True
        try:
            self.clear_problems()
            for line in (self.sector, self.location, self.caller_service, self.callback_number):
                line.clear()
            self.sector.choose(None)
            self.category.set_category(None)
            self.category.setCurrentRow(-1)
            self.urgent.setChecked(False)
            self.persons.setValue(1)
            self.notes.clear()
            self._stamped = False
            self.received.show_instant(self._clock())
        finally:
            self._filling = was_filling

    def start(self) -> None:
        """A call is picked up: the sector comes first; its time is set at its first key."""
        self.sector.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sector.selectAll()
        self._follow_clock()

    # Problems beside their fields

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under its field, in red; the first field with one gets the focus."""
        self._problems.clear()
        for problem in problems:
            if problem.code is IntakeProblem.SECTOR_UNKNOWN and self.sector.typed_unknown:
                self._sector_refused(self.sector.suggestions())
            else:
                self._problems.show(problem)
        for field, widget in self._fields_in_order():
            if self._problems.shown(field):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def clear_problems(self) -> None:
        self._problems.clear()

    def problem_shown(self, field: str) -> str:
        """The sentence shown under a field, or ''."""
        return self._problems.shown(field)

    # Building

    def _build(self) -> None:
        title = QLabel(self.tr("New call"), self)
        title.setObjectName("newCallTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self.received = ReceivedAtField(self._clock, self)
        self.received.setObjectName("receivedAt")
        self.received.setAccessibleName(self.tr("Received at"))
        self.received.setMaximumWidth(220)
        self.sector = SectorField(self)
        self.location = DeskLineEdit(self)
        self.category = CategoryList(self)
        self.urgent = UrgentBox(self.tr("Urgent (U)"), self)
        self.persons = QSpinBox(self)
        self.persons.setRange(PERSONS_RANGE.start, PERSONS_RANGE.stop - 1)
        self.caller_service = DeskLineEdit(self)
        self.callback_number = DeskLineEdit(self)
        self.callback_number.setPlaceholderText(self.tr("e.g. 01 99 00 12 34"))
        # Room for a number written the French way, or with its country code.
        self.callback_number.setMinimumWidth(
            self.callback_number.fontMetrics().horizontalAdvance("+33 1 99 00 12 34 · · · ·") + 16
        )
        self.notes = NotesEdit(self)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 12)
        self.notes_count = QLabel(self)
        self.reminder = QLabel(self._reminder_text(), self)
        self.reminder.setWordWrap(True)
        palette.styled(self.reminder, _REMINDER_STYLE)
        named = {
            self.sector: ("sector", self.tr("Sector")),
            self.location: ("location", self.tr("Location")),
            self.category: ("category", self.tr("Need")),
            self.urgent: ("urgent", self.tr("Urgent")),
            self.persons: ("persons", self.tr("Persons")),
            self.caller_service: ("callerService", self.tr("Calling crew")),
            self.callback_number: ("callbackNumber", self.tr("Callback number")),
            self.notes: ("notes", self.tr("Notes")),
        }
        for widget, (name, accessible) in named.items():
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)
        # Labels carry no name of their own: a screen reader reads what they show.
        self.notes_count.setObjectName("notesCount")
        self.reminder.setObjectName("privacyReminder")
        self.sector.setPlaceholderText(self.tr("Type a few letters, then Enter"))
        self.location.setPlaceholderText(self.tr("Address, landmark"))

        keys = shortcuts.SAVE_CALL.key_text()
        self.save_button = QPushButton(self.tr("Save the call ({keys})").format(keys=keys), self)
        self.save_button.setObjectName("saveCallButton")
        self.save_button.setAccessibleName(self.tr("Save the call"))
        # Tab from the notes ends here, and Enter on it saves; never back into the time. A
        # click or a screen reader may put the focus on it too.
        self.save_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.save_button.setAutoDefault(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._row(form, self.tr("&Sector *"), "sector_id", self.sector, required=True)
        self._row(form, self.tr("&Location"), "location", self.location)
        self._row(form, self.tr("Nee&d *"), "category", self.category, required=True)
        people = buddy_label(self, self.tr("P&ersons"), "personsLabel", self.persons)
        self._row(
            form,
            self.tr("Priority"),
            "persons",
            side_by_side(self, self.urgent, 24, people, self.persons, 1),
            self.urgent,
        )
        callback = buddy_label(
            self, self.tr("Call&back"), "callbackNumberLabel", self.callback_number
        )
        self._row(
            form,
            self.tr("Callin&g crew"),
            "caller_service",
            side_by_side(
                self,
                self._problems.holding("caller_service", self.caller_service),
                12,
                callback,
                self._problems.holding("callback_number", self.callback_number),
                0,
            ),
            self.caller_service,
            holds_problem=False,
        )
        notes = QVBoxLayout()
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.notes)
        under = QHBoxLayout()
        under.addWidget(self.reminder, 1)
        under.addWidget(self.notes_count, 0, Qt.AlignmentFlag.AlignTop)
        notes.addLayout(under)
        notes_holder = QWidget(self)
        notes_holder.setLayout(notes)
        self._row(form, self.tr("&Notes"), "notes", notes_holder, self.notes)

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(buddy_label(self, self.tr("Received a&t"), "receivedAtLabel", self.received))
        top.addWidget(self._problems.holding("received_at", self.received))
        self.status = QLabel(self)
        self.status.setObjectName("callStatus")
        self.status.setWordWrap(True)
        # Shown with a sentence only: an empty line on screen is read as nothing.
        keep_place = self.status.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.status.setSizePolicy(keep_place)
        self.status.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)

        # In the order the form reads: the time at its top, the fields, then saving.
        chain_tab_order(
            [self.received]
            + [widget for field, widget in self._fields_in_order() if field != "received_at"]
            + [self.save_button]
        )

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field: str,
        widget: QWidget,
        focus: QWidget | None = None,
        *,
        holds_problem: bool = True,
        required: bool = False,
    ) -> None:
        label = buddy_label(self, text, f"{field}Label", focus or widget)
        if holds_problem:
            form.addRow(label, self._problems.holding(field, widget, required=required))
        else:
            form.addRow(label, widget)

    def _fields_in_order(self) -> list[tuple[str, QWidget]]:
        return [
            ("sector_id", self.sector),
            ("location", self.location),
            ("category", self.category),
            ("priority", self.urgent),
            ("persons", self.persons),
            ("caller_service", self.caller_service),
            ("callback_number", self.callback_number),
            ("notes", self.notes),
            ("received_at", self.received),
        ]

    def _connect(self) -> None:
        # Keys of the whole form, whatever field has the focus.
        save = keys_action(self, "saveCallAction", SAVE_CALL_KEYS)
        save.triggered.connect(self.save_requested)
        self.save_button.clicked.connect(self.save_requested)
        keys_action(self, "toggleUrgentAction", (TOGGLE_URGENT_KEYS,)).triggered.connect(
            self.urgent.toggle
        )
        for keys, category in zip(CATEGORY_KEYS, CATEGORY_ORDER, strict=True):
            choose = keys_action(self, f"category{category.value.title()}Action", (keys,))
            choose.triggered.connect(lambda _=False, c=category: self.category.set_category(c))

        self.sector.chosen.connect(self._sector_chosen)
        self.sector.refused.connect(self._sector_refused)
        self.sector.textEdited.connect(lambda: self._edited("sector_id"))
        self.location.textEdited.connect(lambda: self._edited("location"))
        self.category.chosen.connect(lambda: self._edited("category"))
        self.urgent.toggled.connect(lambda: self._edited("priority"))
        self.persons.valueChanged.connect(lambda: self._edited("persons"))
        self.caller_service.textEdited.connect(lambda: self._edited("caller_service"))
        self.callback_number.textEdited.connect(lambda: self._edited("callback_number"))
        self.callback_number.editingFinished.connect(self._check_phone)
        self.urgent.digit_typed = self._need_from_digit
        self.notes.textChanged.connect(self._notes_changed)
        self.received.edited.connect(self._received_changed)

    # Reacting to the operator

    def focusNextPrevChild(self, next: bool) -> bool:
        if next and self.save_button.hasFocus():
            return True  # the last stop: Tab does not wrap round into the call's time
        return super().focusNextPrevChild(next)

    def _need_from_digit(self, digit: int) -> bool:
        """A need's digit typed one field too far, while no need is chosen, still picks it."""
        if self.category.category is not None or not 1 <= digit <= len(CATEGORY_ORDER):
            return False
        self.category.set_category(CATEGORY_ORDER[digit - 1])
        return True

    def _edited(self, field: str) -> None:
        if self._filling:
            return
        self._problems.hide(field)
        if self.follows_clock:
            self._stamped = True
            self.received.show_instant(self._clock())
            self.received_at_changed.emit(self.received.instant)
        self.changed.emit()

    def _sector_chosen(self, sector_id: int | None) -> None:
        self.sector_changed.emit(sector_id)
        self._edited("sector_id")

    def _sector_refused(self, suggestions: SectorSuggestions) -> None:
        sentence = sector_refusal(self.sector.text(), suggestions)
        self._problems.show_sentence("sector_id", sentence)

    def _notes_changed(self) -> None:
        count = len(self.notes.toPlainText().strip())
        self.notes_count.setText(f"{count} / {NOTES_LIMIT}")
        palette.styled(self.notes_count, ERROR_STYLE if count > NOTES_LIMIT else "color: $quiet;")
        self._warn_about_identifying_notes()
        self._edited("notes")

    def _reminder_text(self) -> str:
        return self.tr("No name, no identity: only what coordination needs")

    def _warn_about_identifying_notes(self) -> None:
        flagged = self.identifying_notes()
        if not flagged:
            self.reminder.setText(self._reminder_text())
            palette.styled(self.reminder, _REMINDER_STYLE)
            return
        self.reminder.setText(
            self.tr("These notes seem to hold {found}: remove it.").format(
                found=describe_flagged(flagged)
            )
        )
        palette.styled(self.reminder, ERROR_STYLE)

    def _check_phone(self) -> None:
        typed = self.callback_number.text()
        if not typed.strip():
            return
        try:
            normalise_phone(typed)
        except ValueError:
            self._problems.show(FieldProblem("callback_number", IntakeProblem.PHONE_INVALID))

    def _follow_clock(self) -> None:
        # Never under the operator's fingers: they may be typing a time into the field.
        if self._filling or not self.follows_clock or self.received.hasFocus():
            return
        self.received.show_instant(self._clock())
        self.received_at_changed.emit(self.received.instant)

    def _received_changed(self, instant: datetime) -> None:
        if self._filling:
            return
        self._stamped = True
        self._problems.hide("received_at")
        self.received_at_changed.emit(instant)
        self.changed.emit()
