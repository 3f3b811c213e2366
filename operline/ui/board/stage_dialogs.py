"""The small dialogs of the stage keys: a stage at an earlier time, closing, a note.

Each dialog hands what was chosen to a ``submit`` callback that records it (off the GUI
thread) and answers, later, with the refusal or None: on a refusal the dialog stays open
with its sentence shown and the focus on the field it is about, so nothing typed is lost;
while the answer is awaited, Record is greyed so nothing is recorded twice. Everything
works from the keyboard: digits pick an entry of a list, Enter records, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Generic, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTime
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Outcome, Status
from operline.errors import OperlineError
from operline.incidents.events import IncidentRefused, Refusal
from operline.incidents.intake import NOTES_LIMIT
from operline.incidents.live_board import BoardIncident
from operline.notes_check import identifying_text
from operline.paris_time import Clock, InFold, InGap, now_utc, paris_date, paris_to_utc, to_paris
from operline.ui import palette
from operline.ui.intake.form_rows import ERROR_STYLE
from operline.ui.intake.notes_prompt import describe_flagged, select_flagged
from operline.ui.labels import status_label
from operline.ui.refusals import action_problem
from operline.ui.shortcuts import key_text

T = TypeVar("T")
#: Answers a choice: what refused it, or None when it was recorded.
Reply = Callable[["OperlineError | None"], None]
#: Records a choice, then calls the reply.
Submit = Callable[[T, Reply], None]

#: Outcomes in the order their digit keys pick them.
OUTCOME_KEYS: tuple[Outcome, ...] = tuple(Outcome)
#: What the reason field of a stage holds at most (the service keeps 300 characters).
REASON_LIMIT = 300
# The desk's refusals that a reason typed would answer.
_WANTS_REASON = (Refusal.TEAM_NOT_ON_DUTY, Refusal.REASON_NEEDED, Refusal.BACKDATED_NEEDS_REASON)


@dataclass(frozen=True)
class StageTime:
    """When a stage happened, and why it is recorded late if it is."""

    at: datetime
    reason: str


@dataclass(frozen=True)
class Closing:
    outcome: Outcome
    facility_id: int | None
    at: datetime
    reason: str


def recent_instant(wall: time, now: datetime) -> datetime:
    """The latest instant not after now whose Paris clock read ``wall`` (to the minute)."""
    local_now = to_paris(now).replace(tzinfo=None)
    if (wall.hour, wall.minute) == (local_now.hour, local_now.minute):
        return now  # "now", to the second: not a time set back
    day = local_now.date()
    for candidate_day in (day, day - timedelta(days=1)):
        naive = datetime.combine(candidate_day, wall.replace(second=0, microsecond=0))
        for fold in (InFold.LATER, InFold.EARLIER):
            instant = paris_to_utc(naive, in_gap=InGap.NEXT_VALID, in_fold=fold)
            if instant <= now:
                return instant
    raise AssertionError("yesterday's reading of a wall time is always in the past")


# What a refused step wanted, as the sentence "it cannot be … now" says it.
_WANTED = {
    "routed": str(QT_TRANSLATE_NOOP("StageRefusal", "routed to a team")),
    "acknowledged": str(QT_TRANSLATE_NOOP("StageRefusal", "marked acknowledged")),
    "on_scene": str(QT_TRANSLATE_NOOP("StageRefusal", "marked on scene")),
    "reassigned": str(QT_TRANSLATE_NOOP("StageRefusal", "handed to another team")),
}


def stage_refusal(error: OperlineError) -> str:
    """The sentence of a refusal, its stage codes read as the desk names them."""
    if isinstance(error, IncidentRefused) and error.code is Refusal.WRONG_STAGE:
        values = dict(error.values)
        status = values.get("status", "")
        if status in {code.value for code in Status}:
            values["status"] = status_label(Status(status))
        wanted = values.get("wanted", "")
        if wanted in _WANTED:
            values["wanted"] = QCoreApplication.translate("StageRefusal", _WANTED[wanted])
        error = IncidentRefused(Refusal.WRONG_STAGE, **values)
    return action_problem(error)


_REMINDER_STYLE = "color: $caution;"


class KeyedList(QListWidget):
    """A list where the digits 1 to 9 pick the entry of that number; the first arrow
    pressed while none is picked picks the entry the list starts on, not the next one."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.chosen() is None:
            self.setCurrentRow(max(self.currentRow(), 0))
            return
        if (
            len(text) == 1
            and text in "123456789"
            and not event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier)
        ):
            row = int(text) - 1
            if row < self.count():
                self.setCurrentRow(row)
                self.itemActivated.emit(self.item(row))
            return
        super().keyPressEvent(event)

    def chosen(self) -> QListWidgetItem | None:
        """The entry picked, by a digit, the arrows or a click.

        Not merely the current one: a list given the focus makes its first entry
        current without anyone choosing it, and Enter must not record that.
        """
        picked = self.selectedItems()
        return picked[0] if picked else None


class StageDialog(QDialog, Generic[T]):
    """A header naming the incident, the fields, a refusal line, Record and Cancel."""

    def __init__(
        self, title: str, incident: BoardIncident, submit: Submit[T], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self._submit = submit
        heading = QLabel(title, self)
        heading.setObjectName("stageDialogTitle")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        header = QLabel(_describe(incident), self)
        header.setObjectName("stageDialogIncident")
        header.setAccessibleName(header.text())
        header.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.problem = QLabel(self)
        self.problem.setObjectName("stageDialogProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("stageDialogButtons")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("StageDialog", "Record"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(header)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(720)
        # The reason field (set by TimeFields), and the field the sentence shown is about.
        self.reason_field: QLineEdit | None = None
        self._refused_field: QWidget | None = None

    def choice(self) -> T | None:
        """What the fields hold, or None after showing why it is not complete."""
        raise NotImplementedError

    def refuse(self, sentence: str, field: QWidget | None = None) -> None:
        """Show why it is not recorded; the field it is about takes the focus, read with it."""
        self.problem.setText(sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()
        self._describe(field, sentence)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        if self.waiting:
            return
        self._describe(None, "")
        chosen = self.choice()
        if chosen is None:
            return
        self._wait(True)
        self._submit(chosen, self._answered)

    @property
    def waiting(self) -> bool:
        """A choice was submitted and its answer has not come back yet."""
        return not self.buttons.isEnabled()

    def _answered(self, error: OperlineError | None) -> None:
        self._wait(False)
        if error is not None:
            wants_reason = isinstance(error, IncidentRefused) and error.code in _WANTS_REASON
            self.refuse(stage_refusal(error), self.reason_field if wants_reason else None)
            return
        super().accept()

    def _describe(self, field: QWidget | None, sentence: str) -> None:
        """Tie the sentence to the field (and the field before it no more)."""
        for widget, text in ((self._refused_field, ""), (field, sentence)):
            if widget is None:
                continue
            # A description of its own hides a field's placeholder from a screen reader.
            hint = widget.placeholderText() if isinstance(widget, QLineEdit) and text else ""
            widget.setAccessibleDescription(" · ".join(part for part in (text, hint) if part))
        self._refused_field = field

    def _wait(self, waiting: bool) -> None:
        self.buttons.setEnabled(not waiting)


class TimeFields:
    """The time a stage happened (Paris time, now by default) and the reason it is late."""

    def __init__(self, dialog: StageDialog[T], clock: Clock) -> None:
        self._clock = clock
        local = to_paris(clock())
        self._initial = QTime(local.hour, local.minute)
        self.time_edit = QTimeEdit(self._initial, dialog)
        self.time_edit.setObjectName("stageTime")
        self.time_edit.setAccessibleName(
            QCoreApplication.translate("StageTimeFields", "Time it happened")
        )
        self.time_edit.setDisplayFormat("HH:mm")
        self.reason_edit = QLineEdit(dialog)
        self.reason_edit.setObjectName("stageReason")
        self.reason_edit.setAccessibleName(QCoreApplication.translate("StageTimeFields", "Reason"))
        self.reason_edit.setMaxLength(REASON_LIMIT)
        self.reason_edit.setPlaceholderText(
            QCoreApplication.translate(
                "StageTimeFields", "Needed when the time is set back by more than 2 minutes"
            )
        )
        dialog.form.addRow(
            QCoreApplication.translate("StageTimeFields", "&At (Paris time)"), self.time_edit
        )
        dialog.form.addRow(
            QCoreApplication.translate("StageTimeFields", "&Reason"), self.reason_edit
        )
        dialog.reason_field = self.reason_edit

    def stage_time(self) -> StageTime:
        """The instant typed; the time left as it was means now, when the key is pressed."""
        now = self._clock()
        typed = self.time_edit.time()
        if typed == self._initial:
            at = now  # the dialog may have stayed open a while: "now" is when it is recorded
        else:
            at = recent_instant(time(typed.hour(), typed.minute()), now)
        return StageTime(at, self.reason_edit.text().strip())


class StageTimeDialog(StageDialog[StageTime]):
    """Record a stage at an earlier time, with the reason (Shift+A, Shift+S)."""

    def __init__(
        self,
        stage: Status,
        incident: BoardIncident,
        clock: Clock,
        submit: Submit[StageTime],
        parent: QWidget | None = None,
    ) -> None:
        title = QCoreApplication.translate("StageTimeDialog", "{stage} at an earlier time")
        title = title.format(stage=status_label(stage))
        super().__init__(title, incident, submit, parent)
        self.setObjectName("stageTimeDialog")
        explained = QLabel(
            self.tr("Type the time it happened and why it is recorded only now."), self
        )
        explained.setObjectName("stageTimeExplained")
        explained.setWordWrap(True)
        self.form.addRow(explained)
        self.fields = TimeFields(self, clock)
        self.fields.reason_edit.setPlaceholderText(self.tr("Why it is recorded late"))
        self.fields.time_edit.setFocus()
        self.fields.time_edit.selectAll()

    def choice(self) -> StageTime | None:
        return self.fields.stage_time()


class NoteDialog(StageDialog[str]):
    """A short note in the timeline; Ctrl+Enter records it, Enter starts a new line."""

    def __init__(
        self, incident: BoardIncident, submit: Submit[str], parent: QWidget | None = None
    ) -> None:
        title = QCoreApplication.translate("NoteDialog", "Add a note")
        super().__init__(title, incident, submit, parent)
        self.setObjectName("noteDialog")
        self.warning = warning = QLabel(self._reminder(), self)
        warning.setObjectName("noteWarning")
        warning.setWordWrap(True)
        palette.styled(warning, _REMINDER_STYLE)
        #: The note as it was when the operator was asked to remove what looks identifying.
        self._warned_about: str | None = None
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("noteText")
        self.text.setAccessibleName(self.tr("Note"))
        self.text.setTabChangesFocus(True)
        self.count = QLabel(self)
        self.count.setObjectName("noteCount")
        self.text.textChanged.connect(self._count)
        self.form.addRow(warning)
        self.form.addRow(self.tr("&Note"), self.text)
        self.form.addRow("", self.count)
        record = QAction(self)
        record.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        record.triggered.connect(self.accept)
        self.addAction(record)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record ({keys})").format(keys=key_text("Ctrl+Return")))
        self._count()
        self.text.setFocus()

    def choice(self) -> str | None:
        return self.text.toPlainText()

    def accept(self) -> None:
        """Record the note; one that looks identifying is shown first, and recorded as it
        is only at a second Ctrl+Enter."""
        text = self.text.toPlainText()
        flagged = identifying_text(text, today=paris_date(now_utc()))
        if flagged and text != self._warned_about:
            self._warned_about = text
            select_flagged(self.text, flagged[0])
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            self.warning.setText(
                self.tr(
                    "This note seems to hold {found}: remove it, or press {keys} again to "
                    "record it as it is."
                ).format(found=describe_flagged(flagged), keys=key_text("Ctrl+Return"))
            )
            return
        super().accept()

    def _reminder(self) -> str:
        return self.tr("No name, no identity: only what the coordination needs.")

    def _count(self) -> None:
        length = len(self.text.toPlainText().strip())
        self.count.setText(
            self.tr("{count} / {limit} characters").format(count=length, limit=NOTES_LIMIT)
        )
        palette.styled(self.count, "color: $problem;" if length > NOTES_LIMIT else "color: $quiet;")
        flagged = identifying_text(self.text.toPlainText(), today=paris_date(now_utc()))
        if flagged:
            self.warning.setText(
                self.tr("This note seems to hold {found}: remove it.").format(
                    found=describe_flagged(flagged)
                )
            )
        else:
            self.warning.setText(self._reminder())
        palette.styled(self.warning, ERROR_STYLE if flagged else _REMINDER_STYLE)


def _describe(incident: BoardIncident) -> str:
    """The call a dialog acts on, so the operator sees which one: its place above all."""
    place = " ".join((incident.location or "").split()) or QCoreApplication.translate(
        "StageDialog", "no place given"
    )
    parts = [incident.reference, incident.sector, place, incident.team or "—"]
    return " · ".join([*parts, status_label(incident.status)])
