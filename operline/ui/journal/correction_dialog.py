"""Correct one field or stage time of a call, with a reason (supervisors, from the day log).

The dialog shows the value recorded, takes the new one and the reason, and hands them to
a ``submit`` callback that records them off the GUI thread and answers with the sentence
of a refusal or None; on a refusal the dialog stays open with the sentence, nothing typed
is lost. Times are typed in Paris time; inside the repeated autumn hour the reading of the
value recorded is kept, and a time of the missing spring hour is refused in words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Category, Outcome, Priority
from operline.incidents.corrections import (
    REASON_LIMIT,
    STAGE_OF_TIME,
    Correction,
    CorrectionChoices,
    LogField,
)
from operline.incidents.timeline import IncidentDetail
from operline.paris_time import (
    InFold,
    InGap,
    LocalTimeError,
    format_paris,
    format_paris_clock,
    is_ambiguous,
    paris_to_utc,
    to_paris,
)
from operline.ui import palette
from operline.ui.labels import category_label, outcome_label, priority_label

# Answers a correction: the sentence of a refusal, or None when it was recorded.
Reply = Callable[["str | None"], None]
Submit = Callable[[Correction, Reply], None]

_CONTEXT = "CorrectionDialog"
FIELD_NAMES: dict[LogField, str] = {
    LogField.RECEIVED_AT: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Time received")),
    LogField.ROUTED_AT: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Time the team was contacted")),
    LogField.ACKNOWLEDGED_AT: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Time acknowledged")),
    LogField.ON_SCENE_AT: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Time on scene")),
    LogField.CLOSED_AT: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Time closed")),
    LogField.SECTOR: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Sector")),
    LogField.CATEGORY: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Need")),
    LogField.PRIORITY: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Priority")),
    LogField.PERSONS: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Persons")),
    LogField.LOCATION: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Location")),
    LogField.CALLER: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Calling crew")),
    LogField.TEAM: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Team")),
    LogField.OUTCOME: str(QT_TRANSLATE_NOOP("CorrectionDialog", "Outcome")),
}
_NONE = "—"


def field_name(field: LogField) -> str:
    return QCoreApplication.translate(_CONTEXT, str(FIELD_NAMES.get(field, field.value)))


class CorrectionDialog(QDialog):
    """The field to correct, its value recorded, the new value and the reason."""

    def __init__(
        self,
        detail: IncidentDetail,
        choices: CorrectionChoices,
        submit: Submit,
        *,
        field: LogField | None = None,
        signed_off: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("correctionDialog")
        title = self.tr("Correct {reference}").format(reference=detail.reference)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.detail = detail
        self._submit = submit
        self.field_choice = QComboBox(self)
        self.field_choice.setObjectName("correctionField")
        self.field_choice.setAccessibleName(self.tr("Field to correct"))
        for each in FIELD_NAMES:
            self.field_choice.addItem(field_name(each), each)
        self.recorded = QLabel(self)
        self.recorded.setObjectName("correctionRecorded")
        self.editors = QStackedWidget(self)
        # One line high, whichever editor it shows.
        self.editors.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.time_edit = QDateTimeEdit(self)
        self.time_edit.setObjectName("correctionTime")
        self.time_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.time_edit.setAccessibleName(self.tr("New time (Paris)"))
        self.choice_edit = QComboBox(self)
        self.choice_edit.setObjectName("correctionChoice")
        self.choice_edit.setAccessibleName(self.tr("New value"))
        self.place_edit = QComboBox(self)
        self.place_edit.setObjectName("correctionPlace")
        self.place_edit.setAccessibleName(self.tr("Place oriented to"))
        for place_id, name in choices.places:
            self.place_edit.addItem(name, place_id)
        self.number_edit = QSpinBox(self)
        self.number_edit.setObjectName("correctionNumber")
        self.number_edit.setRange(1, 50)
        self.number_edit.setAccessibleName(self.tr("New value"))
        self.text_edit = QLineEdit(self)
        self.text_edit.setObjectName("correctionText")
        self.text_edit.setAccessibleName(self.tr("New value"))
        for editor in (self.time_edit, self.choice_edit, self.number_edit, self.text_edit):
            self.editors.addWidget(editor)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("correctionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setMaxLength(REASON_LIMIT)
        self.reason.setPlaceholderText(self.tr("Why the value recorded was wrong (required)"))
        self._choices = choices

        explained = QLabel(
            self.tr(
                "The value recorded stays in the call's timeline; the correction is added "
                "to it with your name and the reason."
            ),
            self,
        )
        explained.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Field"), self.field_choice)
        form.addRow(self.tr("Recorded"), self.recorded)
        # The buddy follows the editor shown (_field_changed): the stack itself takes no focus.
        self.new_value_label = QLabel(self.tr("&New value"), self)
        form.addRow(self.new_value_label, self.editors)
        self.place_label = QLabel(self.tr("&Place"), self)
        self.place_label.setBuddy(self.place_edit)
        form.addRow(self.place_label, self.place_edit)
        form.addRow(self.tr("&Reason"), self.reason)
        self.problem = QLabel(self)
        self.problem.setObjectName("correctionProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record the correction"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel(
            f"{detail.reference} · {detail.sector} · "
            f"{format_paris(detail.received_at, '%d/%m/%Y')} "
            f"{format_paris_clock(detail.received_at)}",
            self,
        )
        heading.setObjectName("correctionIncident")
        bold = heading.font()
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.2)
        heading.setFont(bold)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explained)
        if signed_off:
            warning = QLabel(
                self.tr("This day is signed off: the correction will be flagged in its log."),
                self,
            )
            warning.setObjectName("correctionSignedOff")
            warning.setWordWrap(True)
            palette.styled(warning, "font-weight: bold;")
            layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.field_choice.currentIndexChanged.connect(self._field_changed)
        self.choice_edit.currentIndexChanged.connect(self._show_place)
        chosen = field if field in FIELD_NAMES else LogField.RECEIVED_AT
        self.field_choice.setCurrentIndex(list(FIELD_NAMES).index(chosen))
        self._field_changed()
        # A refusal speaks of what was typed: it goes as soon as the field or value changes.
        self.field_choice.currentIndexChanged.connect(self._clear_problem)
        self.time_edit.dateTimeChanged.connect(self._clear_problem)
        self.choice_edit.currentIndexChanged.connect(self._clear_problem)
        self.place_edit.currentIndexChanged.connect(self._clear_problem)
        self.number_edit.valueChanged.connect(self._clear_problem)
        self.text_edit.textEdited.connect(self._clear_problem)
        self.reason.textEdited.connect(self._clear_problem)
        # The field to correct comes first, then its new value, then the reason.
        self.setTabOrder(self.field_choice, self.time_edit)
        self.setTabOrder(self.time_edit, self.choice_edit)
        self.setTabOrder(self.choice_edit, self.number_edit)
        self.setTabOrder(self.number_edit, self.text_edit)
        self.setTabOrder(self.text_edit, self.place_edit)
        self.setTabOrder(self.place_edit, self.reason)
        self.field_choice.setFocus()

    @property
    def field(self) -> LogField:
        return LogField(self.field_choice.currentData())

    def _field_changed(self) -> None:
        field, detail = self.field, self.detail
        self.recorded.setText(self._recorded_text(field))
        if field in STAGE_OF_TIME:
            at = _time_of(detail, field) or detail.received_at
            local = to_paris(at)
            self.time_edit.setDateTime(
                QDateTime(
                    QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
                )
            )
            self.editors.setCurrentWidget(self.time_edit)
        elif field is LogField.PERSONS:
            self.number_edit.setValue(detail.persons)
            self.editors.setCurrentWidget(self.number_edit)
        elif field in (LogField.LOCATION, LogField.CALLER):
            current = detail.location if field is LogField.LOCATION else detail.caller_service
            self.text_edit.setText(current or "")
            self.editors.setCurrentWidget(self.text_edit)
        else:
            self._fill_choices(field)
            self.editors.setCurrentWidget(self.choice_edit)
        shown = self.editors.currentWidget()
        if shown is not None:
            self.new_value_label.setBuddy(shown)
        self._show_place()

    def _clear_problem(self) -> None:
        if self.problem.isVisible() or self.problem.text():
            self.problem.clear()
            self.problem.setAccessibleName("")
            self.problem.hide()

    def _fill_choices(self, field: LogField) -> None:
        self.choice_edit.blockSignals(True)
        self.choice_edit.clear()
        detail = self.detail
        entries: list[tuple[str, object]]
        current: object
        if field is LogField.SECTOR:
            entries, current = [(n, i) for i, n in self._choices.sectors], detail.sector_id
        elif field is LogField.TEAM:
            entries, current = [(n, i) for i, n in self._choices.teams], detail.team_id
        elif field is LogField.CATEGORY:
            entries, current = [(category_label(c), c.value) for c in Category], detail.category
        elif field is LogField.PRIORITY:
            entries, current = [(priority_label(p), p.value) for p in Priority], detail.priority
        else:
            entries, current = [(outcome_label(o), o.value) for o in Outcome], detail.outcome
        for text, value in entries:
            self.choice_edit.addItem(text, value)
        found = self.choice_edit.findData(current)
        self.choice_edit.setCurrentIndex(max(found, 0))
        if field is LogField.OUTCOME and detail.facility_id is not None:
            self.place_edit.setCurrentIndex(max(self.place_edit.findData(detail.facility_id), 0))
        self.choice_edit.blockSignals(False)

    def _show_place(self) -> None:
        oriented = (
            self.field is LogField.OUTCOME and self.choice_edit.currentData() == Outcome.ORIENTED
        )
        self.place_edit.setVisible(oriented)
        self.place_label.setVisible(oriented)

    def _recorded_text(self, field: LogField) -> str:
        detail = self.detail
        if field in STAGE_OF_TIME:
            at = _time_of(detail, field)
            return f"{format_paris(at, '%d/%m/%Y')} {format_paris_clock(at)}" if at else _NONE
        values: dict[LogField, str | None] = {
            LogField.SECTOR: detail.sector,
            LogField.CATEGORY: category_label(detail.category),
            LogField.PRIORITY: priority_label(detail.priority),
            LogField.PERSONS: str(detail.persons),
            LogField.LOCATION: detail.location,
            LogField.CALLER: detail.caller_service,
            LogField.TEAM: detail.team,
            LogField.OUTCOME: outcome_label(detail.outcome) if detail.outcome else None,
        }
        text = values.get(field) or _NONE
        if field is LogField.OUTCOME and detail.facility:
            text = f"{text} ({detail.facility})"
        return text

    def correction(self) -> Correction | None:
        """What the fields hold, or None after saying why it cannot be recorded."""
        field = self.field
        value: datetime | int | str | None
        place_id = None
        if field in STAGE_OF_TIME:
            typed = self.time_edit.dateTime().toPython()
            assert isinstance(typed, datetime)
            value = self._instant(field, typed.replace(second=0, microsecond=0, tzinfo=None))
            if value is None:
                return None
        elif field is LogField.PERSONS:
            value = self.number_edit.value()
        elif field in (LogField.LOCATION, LogField.CALLER):
            value = self.text_edit.text()
        else:
            value = self.choice_edit.currentData()
            if field is LogField.OUTCOME and value == Outcome.ORIENTED:
                place_id = self.place_edit.currentData()
        return Correction(field, value, self.reason.text(), place_id)

    def _instant(self, field: LogField, local: datetime) -> datetime | None:
        recorded = _time_of(self.detail, field)
        fold = InFold.EARLIER
        if recorded is not None and is_ambiguous(local):
            # The same wall time as recorded keeps its reading; 02:30 typed over the
            # second 02:xx of the autumn night means that second one.
            second = to_paris(recorded).fold == 1 or recorded > paris_to_utc(
                local, in_gap=InGap.RAISE, in_fold=InFold.EARLIER
            )
            fold = InFold.LATER if second else InFold.EARLIER
        try:
            return paris_to_utc(local, in_gap=InGap.RAISE, in_fold=fold)
        except LocalTimeError:
            self.refuse(
                self.tr(
                    "{time} does not exist in Paris: the clocks jump forward that night."
                ).format(time=f"{local:%H:%M}")
            )
            return None

    def refuse(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()

    def accept(self) -> None:
        if not self.buttons.isEnabled():
            return
        chosen = self.correction()
        if chosen is None:
            return
        self.buttons.setEnabled(False)
        self._submit(chosen, self._answered)

    def _answered(self, sentence: str | None) -> None:
        self.buttons.setEnabled(True)
        if sentence:
            self.refuse(sentence)
            return
        super().accept()


def _time_of(detail: IncidentDetail, field: LogField) -> datetime | None:
    times = {
        LogField.RECEIVED_AT: detail.received_at,
        LogField.ROUTED_AT: detail.routed_at,
        LogField.ACKNOWLEDGED_AT: detail.acknowledged_at,
        LogField.ON_SCENE_AT: detail.on_scene_at,
        LogField.CLOSED_AT: detail.closed_at,
    }
    return times[field]
