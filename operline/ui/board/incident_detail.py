"""One incident in full: its fields, then its whole timeline as the events recorded it.

Reading an incident is a consultation of the history (``read_incident`` audits it), so
the dialog shows what was read once and never reads again behind the operator's back.
Times are Paris wall-clock times; codes are shown by their labels, teams and places
by their names, each change as "before → after" with its reason.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Category, Outcome, Priority, Status
from operline.incidents.events import CORRECTIONS, EventKind
from operline.incidents.timeline import IncidentDetail, TimelineLine
from operline.paris_time import format_paris, format_paris_clock, isoformat_paris, paris_date
from operline.phones import format_phone
from operline.ui import palette
from operline.ui.labels import category_label, outcome_label, priority_label, status_label
from operline.ui.table_model import DeskTableModel

Index = QModelIndex | QPersistentModelIndex

_CONTEXT = "IncidentTimeline"
_NONE = "—"


class TimelineColumn(IntEnum):
    TIME = 0
    OPERATOR = 1
    WHAT = 2
    CHANGE = 3
    REASON = 4


_TITLES = {
    TimelineColumn.TIME: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Time")),
    TimelineColumn.OPERATOR: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Operator")),
    TimelineColumn.WHAT: str(QT_TRANSLATE_NOOP("IncidentTimeline", "What")),
    TimelineColumn.CHANGE: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Change")),
    TimelineColumn.REASON: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Reason")),
}

_KINDS = {
    EventKind.CREATED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Call logged")),
    EventKind.STAGE: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Stage")),
    EventKind.ASSIGNED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Team")),
    EventKind.REASSIGNED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Handed to another team")),
    EventKind.CLOSED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Outcome")),
    EventKind.UPDATED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Changed")),
    EventKind.NOTE: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Note")),
    EventKind.LINKED_CALL: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Another call about it")),
    EventKind.UNDO: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Step undone")),
    EventKind.CORRECTED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Corrected")),
    EventKind.CORRECTED_AFTER_SIGN_OFF: str(
        QT_TRANSLATE_NOOP("IncidentTimeline", "Corrected after sign-off")
    ),
    EventKind.IMPORTED: str(QT_TRANSLATE_NOOP("IncidentTimeline", "Call imported")),
    EventKind.CONFLICT: str(
        QT_TRANSLATE_NOOP("IncidentTimeline", "Refused: changed at another desk first")
    ),
}

#: Fields a correction may name, as the desk calls them.
_FIELDS = {
    "orientation_facility_id": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Place")),
    "assigned_team_id": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Team")),
    "status": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Stage")),
    "outcome": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Outcome")),
    "priority": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Priority")),
    "category": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Need")),
    "persons": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Persons")),
    "location": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Location")),
    "received_at": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Received at")),
    "routed_at": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Team contacted at")),
    "acknowledged_at": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Acknowledged at")),
    "on_scene_at": str(QT_TRANSLATE_NOOP("IncidentTimeline", "On scene at")),
    "closed_at": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Closed at")),
    "sector_id": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Sector")),
    "caller_service": str(QT_TRANSLATE_NOOP("IncidentTimeline", "Calling crew")),
}
#: Fields holding an instant, stored in ISO 8601 and shown in Paris time.
_TIME_FIELDS = frozenset(
    ("received_at", "routed_at", "acknowledged_at", "on_scene_at", "closed_at")
)


_CORRECTED_FIELD = str(QT_TRANSLATE_NOOP("IncidentTimeline", "Corrected: {field}"))
_CORRECTED_AFTER_FIELD = str(
    QT_TRANSLATE_NOOP("IncidentTimeline", "Corrected after sign-off: {field}")
)


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def field_label(field: str) -> str:
    """A column of the call as the desk names it (the column's own name if it has none)."""
    source = _FIELDS.get(field)
    return _tr(source) if source is not None else field


def is_time_field(field: str | None) -> bool:
    """Whether a column holds an instant (stored in ISO 8601, shown in Paris time)."""
    return field in _TIME_FIELDS


def value_text(field: str | None, value: str | None) -> str:
    """A stored value as the desk reads it: labels for codes, names already resolved."""
    if value is None:
        return _NONE
    if field in _TIME_FIELDS:
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            return value
        if instant.tzinfo is None:
            return value
        return f"{format_paris(instant, '%d/%m')} {format_paris_clock(instant)}"
    codes: dict[str, Any] = {
        "status": (Status, status_label),
        "outcome": (Outcome, outcome_label),
        "priority": (Priority, priority_label),
        "category": (Category, category_label),
    }
    if field in codes:
        kind, label = codes[field]
        try:
            return str(label(kind(value)))
        except ValueError:
            return value  # a code this version does not know: shown as stored
    return value


def what_text(line: TimelineLine) -> str:
    if line.kind is EventKind.UPDATED and line.field in _FIELDS:
        return QCoreApplication.translate("IncidentTimeline", "Changed: {field}").format(
            field=field_label(line.field)
        )
    if line.kind in CORRECTIONS and line.field in _FIELDS:
        after = line.kind is EventKind.CORRECTED_AFTER_SIGN_OFF
        template = _CORRECTED_AFTER_FIELD if after else _CORRECTED_FIELD
        return _tr(template).format(field=field_label(line.field))
    return _tr(_KINDS[line.kind])


def change_text(line: TimelineLine) -> str:
    new = value_text(line.field, line.new_value)
    if line.old_value is None:
        return new
    return f"{value_text(line.field, line.old_value)} → {new}"


class TimelineModel(DeskTableModel):
    """The timeline lines of one incident, oldest first."""

    def __init__(self, lines: tuple[TimelineLine, ...] = (), parent: Any = None) -> None:
        super().__init__(TimelineColumn, parent)
        self._lines = lines

    def set_lines(self, lines: tuple[TimelineLine, ...]) -> None:
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def row_total(self) -> int:
        return len(self._lines)

    def title_of(self, column: TimelineColumn) -> str:
        return _tr(_TITLES[column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if not 0 <= index.column() < len(TimelineColumn):
            return None
        line = self._lines[index.row()]
        column = TimelineColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == TimelineColumn.TIME:
                return isoformat_paris(line.at)  # tells the two readings of the autumn hour
            return self._text(line, column)
        return None

    def _text(self, line: TimelineLine, column: TimelineColumn) -> str:
        match column:
            case TimelineColumn.TIME:
                return format_paris(line.at, "%d/%m %H:%M")
            case TimelineColumn.OPERATOR:
                return line.operator or _NONE
            case TimelineColumn.WHAT:
                return what_text(line)
            case TimelineColumn.CHANGE:
                return change_text(line)
            case TimelineColumn.REASON:
                return line.reason or ""


class IncidentDetailDialog(QDialog):
    """The incident's fields over its timeline; Escape closes it."""

    def __init__(
        self, detail: IncidentDetail, *, now: datetime, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.detail = detail
        self._now = now
        self.setObjectName("incidentDetail")
        title = self.tr("Call {reference}").format(reference=detail.reference)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.fields: dict[str, QLabel] = {}

        heading = QLabel(
            f"{detail.reference} · {status_label(detail.status)} · "
            f"{priority_label(detail.priority)}",
            self,
        )
        heading.setObjectName("incidentDetailHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        heading.setFont(font)
        audited = QLabel(self.tr("Opening a call is recorded in the audit log."), self)
        audited.setObjectName("incidentDetailAudited")
        palette.styled(audited, "color: $quiet;")

        left, right = QFormLayout(), QFormLayout()
        self._add(left, "received", self.tr("Received"), self._when(detail.received_at))
        self._add(left, "sector", self.tr("Sector"), detail.sector)
        self._add(left, "location", self.tr("Location"), detail.location or _NONE)
        self._add(left, "need", self.tr("Need"), category_label(detail.category))
        self._add(left, "persons", self.tr("Persons"), str(detail.persons))
        self._add(left, "caller", self.tr("Calling crew"), detail.caller_service or _NONE)
        phone = format_phone(detail.callback_number) if detail.callback_number else _NONE
        self._add(left, "callback", self.tr("Callback number"), phone)
        self._add(right, "team", self.tr("Team"), self._team_text(detail))
        self._add(right, "routed", self.tr("Team contacted"), self._when(detail.routed_at))
        self._add(
            right, "acknowledged", self.tr("Acknowledged"), self._when(detail.acknowledged_at)
        )
        self._add(right, "on_scene", self.tr("On scene"), self._when(detail.on_scene_at))
        self._add(right, "closed", self.tr("Closed"), self._when(detail.closed_at))
        outcome = outcome_label(detail.outcome) if detail.outcome else _NONE
        self._add(right, "outcome", self.tr("Outcome"), outcome)
        self._add(right, "place", self.tr("Place"), detail.facility or _NONE)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(24)
        columns.addLayout(right, 1)
        notes = QLabel(self.tr("Notes: {notes}").format(notes=detail.notes or _NONE), self)
        notes.setObjectName("incidentDetailNotes")
        notes.setWordWrap(True)
        self.fields["notes"] = notes

        self.timeline_model = TimelineModel(detail.timeline, self)
        self.timeline = QTableView(self)
        self.timeline.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.timeline.setObjectName("incidentTimeline")
        self.timeline.setAccessibleName(self.tr("Timeline of the call, oldest first"))
        self.timeline.setModel(self.timeline_model)
        self.timeline.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.timeline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline.setWordWrap(False)
        self.timeline.verticalHeader().hide()
        header = self.timeline.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TimelineColumn.REASON, QHeaderView.ResizeMode.Stretch)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("incidentDetailButtons")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(audited)
        layout.addLayout(columns)
        layout.addWidget(notes)
        timeline_title = QLabel(self.tr("Timeline"), self)
        timeline_title.setObjectName("incidentTimelineTitle")
        bold = timeline_title.font()
        bold.setBold(True)
        timeline_title.setFont(bold)
        layout.addWidget(timeline_title)
        layout.addWidget(self.timeline, 1)
        layout.addWidget(buttons)
        self.resize(1100, 680)
        self.timeline.setFocus()
        if detail.timeline:
            self.timeline.selectRow(len(detail.timeline) - 1)

    def field_text(self, name: str) -> str:
        return self.fields[name].text()

    def _add(self, form: QFormLayout, name: str, label: str, text: str) -> None:
        value = QLabel(text, self)
        value.setObjectName(f"incidentField_{name}")
        value.setAccessibleName(label)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(label, value)
        self.fields[name] = value

    def _team_text(self, detail: IncidentDetail) -> str:
        team = detail.team or _NONE
        if not detail.team_on_duty_at_intake:
            return self.tr("{team} (no team on duty when the call came in)").format(team=team)
        return team

    def _when(self, instant: datetime | None) -> str:
        if instant is None:
            return _NONE
        if paris_date(instant) == paris_date(self._now):
            return format_paris(instant, "%H:%M")
        return format_paris(instant, "%d/%m/%Y %H:%M")
