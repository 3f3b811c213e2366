"""The table behind the live board: every open incident, coloured by how late it is.

Open incidents are few (dozens, a few hundred on a very bad night), so the model holds
them all. Each refresh is merged into the rows already shown: incidents that closed are
removed, new ones inserted at their place, and only rows that changed are redrawn, so
the selection and the scroll position stay on the incident the operator is looking at.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from operline.incidents.live_board import Alert, BoardIncident, alert_for
from operline.paris_time import format_paris
from operline.settings import DeskSettings
from operline.ui.labels import category_label, priority_label, status_label
from operline.ui.table_model import INCIDENT_ID_ROLE, DeskTableModel

#: The row's alert level (an ``Alert``), for screens and tests that read it.
ALERT_ROLE = Qt.ItemDataRole.UserRole + 2

AMBER_BACKGROUND = QColor("#ffd37a")
AMBER_TEXT = QColor("#3d2a00")
RED_BACKGROUND = QColor("#c62828")
RED_TEXT = QColor("#ffffff")
SELECTION_FRAME = QColor("#0d47a1")
_URGENT_TEXT = QColor("#b00020")
_NONE = "—"

Index = QModelIndex | QPersistentModelIndex

_CONTEXT = "LiveBoardModel"

#: The cue beside the colour, for those who do not tell amber from red.
ALERT_SOURCES: dict[Alert, str] = {
    Alert.NONE: "",
    Alert.AMBER: str(QT_TRANSLATE_NOOP("LiveBoardModel", "⚠ Late")),
    Alert.RED: str(QT_TRANSLATE_NOOP("LiveBoardModel", "‼ Very late")),
}
_ALERT_TIPS: dict[Alert, str] = {
    Alert.NONE: "",
    Alert.AMBER: str(
        QT_TRANSLATE_NOOP("LiveBoardModel", "No team has acknowledged this call in time.")
    ),
    Alert.RED: str(
        QT_TRANSLATE_NOOP(
            "LiveBoardModel",
            "No team has acknowledged this call for twice the time allowed: call the next team.",
        )
    ),
}


class BoardColumn(IntEnum):
    ALERT = 0
    AGE = 1
    PRIORITY = 2
    SECTOR = 3
    CATEGORY = 4
    PERSONS = 5
    LOCATION = 6
    TEAM = 7
    STAGE = 8
    REFERENCE = 9


_TITLES: dict[BoardColumn, str] = {
    BoardColumn.ALERT: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Alert")),
    BoardColumn.AGE: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Age")),
    BoardColumn.PRIORITY: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Priority")),
    BoardColumn.SECTOR: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Sector")),
    BoardColumn.CATEGORY: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Need")),
    BoardColumn.PERSONS: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Pers.")),
    BoardColumn.LOCATION: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Location")),
    BoardColumn.TEAM: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Team")),
    BoardColumn.STAGE: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Stage")),
    BoardColumn.REFERENCE: str(QT_TRANSLATE_NOOP("LiveBoardModel", "Reference")),
}


def column_title(column: BoardColumn) -> str:
    return QCoreApplication.translate(_CONTEXT, _TITLES[column])


def alert_text(alert: Alert) -> str:
    source = ALERT_SOURCES[alert]
    return QCoreApplication.translate(_CONTEXT, source) if source else ""


def age_text(age: timedelta) -> str:
    """How long ago a call came in, as the desk says it: "12 min", "1 h 05"."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 1:
        return QCoreApplication.translate("LiveBoardModel", "< 1 min")
    if minutes < 60:
        return QCoreApplication.translate("LiveBoardModel", "{minutes} min").format(minutes=minutes)
    return QCoreApplication.translate("LiveBoardModel", "{hours} h {minutes}").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


class LiveBoardModel(DeskTableModel):
    """One row per open incident, urgent first then oldest first, as the service orders."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(BoardColumn, parent)
        self._rows: list[BoardIncident] = []
        self._alerts: list[Alert] = []
        self._now: datetime | None = None
        self._settings = DeskSettings()

    # What the board shows

    @property
    def now(self) -> datetime | None:
        """The instant the ages and colours are computed for."""
        return self._now

    def incidents(self) -> list[BoardIncident]:
        return list(self._rows)

    def incident(self, row: int) -> BoardIncident | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def alert(self, row: int) -> Alert:
        return self._alerts[row] if 0 <= row < len(self._alerts) else Alert.NONE

    def row_of(self, incident_id: int) -> int | None:
        for row, incident in enumerate(self._rows):
            if incident.incident_id == incident_id:
                return row
        return None

    def show(
        self, incidents: Sequence[BoardIncident], *, now: datetime, settings: DeskSettings
    ) -> None:
        """Merge a fresh reading of the open incidents into the rows shown."""
        self._now = now
        self._settings = settings
        wanted = list(incidents)
        wanted_ids = {incident.incident_id for incident in wanted}
        self._remove_closed(wanted_ids)
        self._follow_order(wanted)
        self._insert_new(wanted)
        alerts = [self._alert_of(incident) for incident in wanted]
        changed = [
            row
            for row, (shown, fresh, alert) in enumerate(
                zip(self._rows, wanted, alerts, strict=True)
            )
            if alert is not self._alerts[row] or shown != fresh
        ]
        self._rows = wanted
        self._alerts = alerts
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(BoardColumn) - 1))
        if self._rows:
            # Ages move on every refresh, whatever else changed.
            last = len(self._rows) - 1
            self.dataChanged.emit(
                self.index(0, BoardColumn.AGE),
                self.index(last, BoardColumn.AGE),
                [Qt.ItemDataRole.DisplayRole],
            )

    def replace(self, incidents: Sequence[BoardIncident]) -> bool:
        """Put these calls in their rows, in place; False if one is not shown or would move.

        A stage, a note or a team changes neither a call's urgency nor its time received,
        so it keeps its row: that row alone is redrawn, not the whole board.
        """
        fresh = {incident.incident_id: incident for incident in incidents}
        rows = {
            incident.incident_id: row
            for row, incident in enumerate(self._rows)
            if incident.incident_id in fresh
        }
        if len(rows) != len(fresh):
            return False
        for incident_id, row in rows.items():
            shown, new = self._rows[row], fresh[incident_id]
            if (shown.urgent, shown.received_at) != (new.urgent, new.received_at):
                return False
        for incident_id, row in rows.items():
            self._rows[row] = fresh[incident_id]
            self._alerts[row] = self._alert_of(fresh[incident_id])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(BoardColumn) - 1))
        return True

    def _alert_of(self, incident: BoardIncident) -> Alert:
        if self._now is None:
            return incident.alert
        return alert_for(
            urgent=incident.urgent,
            received_at=incident.received_at,
            acknowledged_at=incident.acknowledged_at,
            now=self._now,
            settings=self._settings,
        )

    def _remove_closed(self, wanted_ids: set[int]) -> None:
        row = len(self._rows) - 1
        while row >= 0:
            if self._rows[row].incident_id in wanted_ids:
                row -= 1
                continue
            # Remove the whole run of gone rows ending here in one go.
            first = row
            while first > 0 and self._rows[first - 1].incident_id not in wanted_ids:
                first -= 1
            self.beginRemoveRows(QModelIndex(), first, row)
            del self._rows[first : row + 1]
            del self._alerts[first : row + 1]
            self.endRemoveRows()
            row = first - 1

    def _follow_order(self, wanted: list[BoardIncident]) -> None:
        # Rows move only if a priority was changed at another desk; the persistent
        # indexes (the selection) follow their incident.
        position = {incident.incident_id: n for n, incident in enumerate(wanted)}
        order = sorted(range(len(self._rows)), key=lambda r: position[self._rows[r].incident_id])
        if order == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        old_indexes = self.persistentIndexList()
        new_row_of = {old: new for new, old in enumerate(order)}
        self._rows = [self._rows[old] for old in order]
        self._alerts = [self._alerts[old] for old in order]
        self.changePersistentIndexList(
            old_indexes,
            [self.index(new_row_of[index.row()], index.column()) for index in old_indexes],
        )
        self.layoutChanged.emit()

    def _insert_new(self, wanted: list[BoardIncident]) -> None:
        for row, incident in enumerate(wanted):
            if row < len(self._rows) and self._rows[row].incident_id == incident.incident_id:
                continue
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, incident)
            self._alerts.insert(row, self._alert_of(incident))
            self.endInsertRows()

    # Qt's model interface

    def row_total(self) -> int:
        return len(self._rows)

    def title_of(self, column: BoardColumn) -> str:
        return column_title(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(BoardColumn):
            return None
        incident = self._rows[index.row()]
        alert = self._alerts[index.row()]
        column = BoardColumn(index.column())
        if role == INCIDENT_ID_ROLE:
            return incident.incident_id
        if role == ALERT_ROLE:
            return alert
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(incident, alert, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(incident, alert, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _BACKGROUNDS.get(alert)
        if role == Qt.ItemDataRole.ForegroundRole:
            if alert is not Alert.NONE:
                return _FOREGROUNDS[alert]
            if column == BoardColumn.PRIORITY and incident.urgent:
                return QBrush(_URGENT_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole:
            bold = column in (BoardColumn.ALERT, BoardColumn.AGE) and alert is not Alert.NONE
            if bold or (column == BoardColumn.PRIORITY and incident.urgent):
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            BoardColumn.AGE,
            BoardColumn.PERSONS,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, incident: BoardIncident, alert: Alert, column: BoardColumn) -> str:
        match column:
            case BoardColumn.ALERT:
                return alert_text(alert)
            case BoardColumn.AGE:
                now = self._now if self._now is not None else incident.received_at
                return age_text(incident.age(now))
            case BoardColumn.PRIORITY:
                return priority_label(incident.priority)
            case BoardColumn.SECTOR:
                return incident.sector
            case BoardColumn.CATEGORY:
                return category_label(incident.category)
            case BoardColumn.PERSONS:
                return str(incident.persons)
            case BoardColumn.LOCATION:
                return incident.location or _NONE
            case BoardColumn.TEAM:
                return incident.team or _NONE
            case BoardColumn.STAGE:
                return status_label(incident.status)
            case BoardColumn.REFERENCE:
                return incident.reference

    def _tooltip(self, incident: BoardIncident, alert: Alert, column: BoardColumn) -> str:
        if column in (BoardColumn.ALERT, BoardColumn.AGE):
            received = QCoreApplication.translate("LiveBoardModel", "Received at {time}").format(
                time=format_paris(incident.received_at, "%H:%M")
            )
            tip = _ALERT_TIPS[alert]
            if not tip:
                return received
            return f"{QCoreApplication.translate(_CONTEXT, tip)}\n{received}"
        return self._text(incident, alert, column)


_BACKGROUNDS = {Alert.AMBER: QBrush(AMBER_BACKGROUND), Alert.RED: QBrush(RED_BACKGROUND)}
_FOREGROUNDS = {Alert.AMBER: QBrush(AMBER_TEXT), Alert.RED: QBrush(RED_TEXT)}


class AlertRowDelegate(QStyledItemDelegate):
    """Keeps a late row's colour when it is selected, and marks the selection by a frame.

    The usual selection colour would hide the very thing the operator must see.
    """

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        late = index.data(ALERT_ROLE) not in (None, Alert.NONE)
        if not (selected and late):
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        painter.save()
        pen = QPen(SELECTION_FRAME)
        pen.setWidth(3)
        painter.setPen(pen)
        rect = option.rect
        painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
        painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
        painter.restore()
