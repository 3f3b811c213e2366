"""The teams a call can go to, as lines of a table: who, in what standing, phone, until when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum, IntEnum

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from operline.incidents.routing import RoutingChoices
from operline.paris_time import format_paris
from operline.phones import format_phone
from operline.ui import palette
from operline.ui.table_model import DeskTableModel

_CONTEXT = "RoutingPanel"

#: The RoutingRow of a line.
ROW_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class Standing(Enum):
    """Why a team is in the list; all but the sector's own need a reason to be routed to."""

    FIRST_CALL = "first_call"
    BACKUP = "backup"
    NEIGHBOUR = "neighbour"
    BACKUP_ELSEWHERE = "backup_elsewhere"
    OFF_DUTY = "off_duty"


class RoutingColumn(IntEnum):
    TEAM = 0
    STANDING = 1
    PHONE = 2
    UNTIL = 3


@dataclass(frozen=True)
class RoutingRow:
    team_id: int
    name: str
    phone: str | None
    standing: Standing
    until: datetime | None = None
    #: The neighbouring sector the team is on duty in.
    where: str = ""

    @property
    def on_duty_here(self) -> bool:
        return self.standing in (Standing.FIRST_CALL, Standing.BACKUP)


def routing_rows(choices: RoutingChoices, *, everyone: bool) -> list[RoutingRow]:
    """The sector's teams; the others after them when asked or when no team answers first."""
    rows = [
        RoutingRow(
            team.team_id,
            team.name,
            team.phone,
            Standing.FIRST_CALL if team.tier == 1 else Standing.BACKUP,
            team.until,
        )
        for team in choices.on_duty
    ]
    if choices.first_call and not everyone:
        return rows
    for neighbour in choices.neighbours:
        rows.extend(
            RoutingRow(t.team_id, t.name, t.phone, Standing.NEIGHBOUR, t.until, neighbour.sector)
            for t in neighbour.teams
        )
    rows.extend(
        RoutingRow(t.team_id, t.name, t.phone, Standing.BACKUP_ELSEWHERE, t.until)
        for t in choices.backups
    )
    rows.extend(
        RoutingRow(t.team_id, t.name, t.phone, Standing.OFF_DUTY) for t in choices.other_teams
    )
    return rows


_HEADINGS = {
    RoutingColumn.TEAM: QT_TRANSLATE_NOOP("RoutingPanel", "Team"),
    RoutingColumn.STANDING: QT_TRANSLATE_NOOP("RoutingPanel", "Standing"),
    RoutingColumn.PHONE: QT_TRANSLATE_NOOP("RoutingPanel", "Phone"),
    RoutingColumn.UNTIL: QT_TRANSLATE_NOOP("RoutingPanel", "Until"),
}

_STANDINGS = {
    Standing.FIRST_CALL: QT_TRANSLATE_NOOP("RoutingPanel", "first call"),
    Standing.BACKUP: QT_TRANSLATE_NOOP("RoutingPanel", "backup"),
    Standing.NEIGHBOUR: QT_TRANSLATE_NOOP("RoutingPanel", "on duty in {sector}"),
    Standing.BACKUP_ELSEWHERE: QT_TRANSLATE_NOOP("RoutingPanel", "backup, other sector"),
    Standing.OFF_DUTY: QT_TRANSLATE_NOOP("RoutingPanel", "not on duty"),
}


def _translate(source: object) -> str:
    return QCoreApplication.translate(_CONTEXT, str(source))


def standing_text(row: RoutingRow) -> str:
    return _translate(_STANDINGS[row.standing]).format(sector=row.where)


class RoutingModel(DeskTableModel):
    """The lines of the routing panel; a few dozen at most, held whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(RoutingColumn, parent)
        self._rows: list[RoutingRow] = []
        self._at: datetime | None = None

    @property
    def rows(self) -> list[RoutingRow]:
        return list(self._rows)

    def set_rows(self, rows: list[RoutingRow], at: datetime | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._at = at
        self.endResetModel()

    def row_at(self, row: int) -> RoutingRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_total(self) -> int:
        return len(self._rows)

    def title_of(self, column: RoutingColumn) -> str:
        return _translate(_HEADINGS[column])

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.row_at(index.row())
        if row is None or not 0 <= index.column() < len(RoutingColumn):
            return None
        column = RoutingColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} · {standing_text(row)}"
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == RoutingColumn.PHONE and row.phone is None:
                return QBrush(palette.colour("caution"))
            return None if row.on_duty_here else QBrush(palette.colour("quiet"))
        if role == Qt.ItemDataRole.FontRole and row.standing is Standing.FIRST_CALL:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _text(self, row: RoutingRow, column: RoutingColumn) -> str:
        if column == RoutingColumn.TEAM:
            return row.name
        if column == RoutingColumn.STANDING:
            return standing_text(row)
        if column == RoutingColumn.PHONE:
            return format_phone(row.phone) if row.phone else "⚠ " + _translate(_NO_PHONE_TEXT)
        if row.until is None:
            return ""
        if self._at is not None and row.until - self._at >= timedelta(hours=24):
            return format_paris(row.until, "%d/%m %H:%M")
        return format_paris(row.until, "%H:%M")


_NO_PHONE_TEXT = QT_TRANSLATE_NOOP("RoutingPanel", "no phone")
