"""The table behind the live board: every open incident, coloured by how late it is.

(Over 400 lines: one table model, its merge, its cells and their painting cache.)

Open incidents are few (dozens, a few hundred on a very bad night), so the model holds
them all. Each refresh is merged into the rows already shown: incidents that closed are
removed, new ones inserted at their place, and only rows that changed are redrawn, so
the selection and the scroll position stay on the incident the operator is looking at.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from operline.incidents.live_board import Alert, BoardIncident, alert_for
from operline.paris_time import format_paris
from operline.settings import DeskSettings
from operline.ui import palette
from operline.ui.labels import category_label, priority_label, status_label
from operline.ui.palette import Scheme
from operline.ui.table_model import INCIDENT_ID_ROLE, DeskTableModel, Index
from operline.ui.theme import desk_theme

#: The row's alert level (an ``Alert``), for screens and tests that read it.
ALERT_ROLE = Qt.ItemDataRole.UserRole + 2

_NONE = "—"

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
        #: The row of each incident id, worked out again after rows come, go or move.
        self._row_index: dict[int, int] | None = None
        self._now: datetime | None = None
        self._settings = DeskSettings()
        self._bold: QFont | None = None
        #: The roles of the rows drawn since they last changed, by row.
        self._painted: dict[int, tuple[dict[int, Any], ...]] = {}
        desk_theme().changed.connect(self._scheme_changed)

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
        if self._row_index is None:
            self._row_index = {incident.incident_id: n for n, incident in enumerate(self._rows)}
        return self._row_index.get(incident_id)

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
        alerts = [self.alert_of(incident) for incident in wanted]
        changed = [
            row
            for row, (shown, fresh, alert) in enumerate(
                zip(self._rows, wanted, alerts, strict=True)
            )
            if alert is not self._alerts[row] or shown != fresh
        ]
        self._rows = wanted
        self._alerts = alerts
        self._rows_changed()
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(BoardColumn) - 1))
        self._ages_changed()  # ages move on every refresh, whatever else changed

    def redraw_ages(self, now: datetime) -> None:
        """Move the ages shown to ``now``, from the rows held (colours move with a read)."""
        if self._now is not None:
            self._now = now
            self._painted.clear()
            self._ages_changed()

    def _scheme_changed(self, _scheme: Scheme) -> None:
        """The late rows take the new scheme's colours at once."""
        self._painted.clear()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(BoardColumn) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [_BACKGROUND, _FOREGROUND])

    def _ages_changed(self) -> None:
        if self._rows:
            last = len(self._rows) - 1
            age = BoardColumn.AGE
            self.dataChanged.emit(
                self.index(0, age), self.index(last, age), [Qt.ItemDataRole.DisplayRole]
            )

    def replace(self, incidents: Sequence[BoardIncident]) -> bool:
        """Put these calls in their rows, in place; False if one is not shown or would move.

        A stage, a note or a team changes neither a call's urgency nor its time received,
        so it keeps its row: that row alone is redrawn, not the whole board.
        """
        fresh = {incident.incident_id: incident for incident in incidents}
        rows: dict[int, int] = {}
        for incident_id, new in fresh.items():
            row = self.row_of(incident_id)
            if row is None:
                return False
            shown = self._rows[row]
            if (shown.urgent, shown.received_at) != (new.urgent, new.received_at):
                return False
            rows[incident_id] = row
        for incident_id, row in rows.items():
            self._rows[row] = fresh[incident_id]
            self._alerts[row] = self.alert_of(fresh[incident_id])
            self._painted.pop(row, None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(BoardColumn) - 1))
        return True

    def alert_of(self, incident: BoardIncident) -> Alert:
        """The colour a row of this incident takes at the instant the board shows."""
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
            self._rows_changed()
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
        self._rows_changed()
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
            self._alerts.insert(row, self.alert_of(incident))
            self._rows_changed()
            self.endInsertRows()

    # Qt's model interface

    def row_total(self) -> int:
        return len(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        # Asked for every cell painted (whether it is selected): straight to the rows.
        return 0 if parent.isValid() else len(self._rows)

    def title_of(self, column: BoardColumn) -> str:
        return column_title(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(_COLUMNS):
            return None
        if role == _TOOLTIP:
            row, column = index.row(), _COLUMNS[index.column()]
            return self._tooltip(self._rows[row], self._alerts[row], column)
        return self._cells(index.row())[index.column()].get(role)

    def multiData(self, index: Index, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """Every role a cell is drawn with, in one call, as ``data`` answers each.

        The view asks seven roles of each cell it paints, some two hundred cells for a
        table in sight: one call into Python per cell instead of seven.
        """
        row, column = index.row(), index.column()
        cell = (
            self._cells(row)[column]
            if 0 <= row < len(self._rows) and 0 <= column < len(_COLUMNS)
            else {}
        )
        for role_data in _roles(roleDataSpan):
            value = cell.get(role_data.role())
            if value is None:
                role_data.clearData()  # the view reuses its span from cell to cell
            else:
                role_data.setData(value)

    def _cells(self, row: int) -> tuple[dict[int, Any], ...]:
        """Each column's roles of a row, worked out once until the row or the time moves."""
        cells = self._painted.get(row)
        if cells is None:
            incident, alert = self._rows[row], self._alerts[row]
            cells = tuple(self._roles_of(incident, alert, column) for column in _COLUMNS)
            self._painted[row] = cells
        return cells

    def _roles_of(
        self, incident: BoardIncident, alert: Alert, column: BoardColumn
    ) -> dict[int, Any]:
        roles: dict[int, Any] = {
            _DISPLAY: self._text(incident, alert, column),
            INCIDENT_ID_ROLE: incident.incident_id,
            ALERT_ROLE: alert,
        }
        urgent_priority = column is BoardColumn.PRIORITY and incident.urgent
        if alert is not Alert.NONE:
            background, foreground = _ALERT_COLOURS[alert]
            roles[_BACKGROUND] = QBrush(palette.colour(background))
            roles[_FOREGROUND] = QBrush(palette.colour(foreground))
        elif urgent_priority:
            roles[_FOREGROUND] = QBrush(palette.colour("problem"))
        if urgent_priority or (column in _BOLD_WHEN_LATE and alert is not Alert.NONE):
            roles[_FONT] = self._bold_font()
        if column in _RIGHT_ALIGNED:
            roles[_ALIGNMENT] = _RIGHT
        return roles

    def _rows_changed(self) -> None:
        """Rows came, went or moved: rows are found and drawn anew."""
        self._row_index = None
        self._painted.clear()

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

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


#: The background and the text of a late row, by their names in the palette.
_ALERT_COLOURS = {Alert.AMBER: ("late", "late_text"), Alert.RED: ("alarm", "alarm_text")}
_COLUMNS = tuple(BoardColumn)
_BOLD_WHEN_LATE = (BoardColumn.ALERT, BoardColumn.AGE)
_RIGHT_ALIGNED = (BoardColumn.AGE, BoardColumn.PERSONS)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The roles as plain numbers, as the view asks them.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)


def _roles(span: QModelRoleDataSpan | QModelRoleData) -> Iterable[QModelRoleData]:
    """The roles asked; PySide indexes a span like a list, which its stubs do not say."""
    if isinstance(span, QModelRoleData):
        return (span,)
    return cast("Iterable[QModelRoleData]", span)
