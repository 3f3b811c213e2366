"""The table behind the journal of a day, built to stay instant over a million incidents.

The model holds only the ordered ids of the day. Rows are read when the view first
shows them, a page at a time, into a small cache; a day with a thousand calls costs
one indexed query for the ids and a handful of page reads as the supervisor scrolls.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from operline.codes import Priority
from operline.errors import OperlineError
from operline.journal import JournalRow
from operline.paris_time import format_paris, isoformat_paris
from operline.ui.labels import category_label, outcome_label, priority_label, status_label
from operline.ui.messages import error_sentence
from operline.ui.table_model import INCIDENT_ID_ROLE, DeskTableModel

RowFetcher = Callable[[Sequence[int]], list[JournalRow]]

#: Rows read in one query when the view reaches a row not yet read.
PAGE_SIZE = 150
#: Rows kept in memory; the oldest pages read are dropped first.
CACHE_LIMIT = 8 * PAGE_SIZE


_URGENT_COLOUR = QColor("#b00020")
_NONE = "—"

Index = QModelIndex | QPersistentModelIndex


class JournalColumn(IntEnum):
    TIME = 0
    REFERENCE = 1
    SECTOR = 2
    CATEGORY = 3
    PRIORITY = 4
    STATUS = 5
    TEAM = 6
    OUTCOME = 7


class JournalModel(DeskTableModel):
    """One row per incident of the day, newest first, read on demand."""

    #: A page of rows could not be read; carries the sentence to show.
    fetch_failed = Signal(str)

    def __init__(self, fetch_rows: RowFetcher, parent: Any = None) -> None:
        super().__init__(JournalColumn, parent)
        self._fetch_rows = fetch_rows
        self._ids: tuple[int, ...] = ()
        self._cache: OrderedDict[int, JournalRow] = OrderedDict()
        self._pages_read = 0
        # After a failed read, stop asking until the day is loaded again: the view
        # repaints often, and each repaint would otherwise retry and report again.
        self._read_failed = False

    # The day's content

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these incidents, in this order; rows are read only when shown."""
        self.beginResetModel()
        self._ids = tuple(ids)
        self._cache.clear()
        self._read_failed = False
        self.endResetModel()

    @property
    def pages_read(self) -> int:
        """How many page queries this model has run (to measure its cost)."""
        return self._pages_read

    @property
    def cached_rows(self) -> int:
        return len(self._cache)

    def journal_row(self, row: int) -> JournalRow | None:
        """The incident shown on a row, read if needed; None if it cannot be read."""
        if not 0 <= row < len(self._ids):
            return None
        incident_id = self._ids[row]
        cached = self._cache.get(incident_id)
        if cached is None and not self._read_failed:
            self._read_page_around(row)
            cached = self._cache.get(incident_id)
        return cached

    def _read_page_around(self, row: int) -> None:
        start = row - row % PAGE_SIZE
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        try:
            rows = self._fetch_rows(wanted)
        except OperlineError as error:
            self._read_failed = True
            self.fetch_failed.emit(error_sentence(error))
            return
        finally:
            self._pages_read += 1
        for journal_row in rows:
            self._cache[journal_row.id] = journal_row
        while len(self._cache) > CACHE_LIMIT:
            self._cache.popitem(last=False)

    # Qt's model interface

    def row_total(self) -> int:
        return len(self._ids)

    def title_of(self, column: JournalColumn) -> str:
        return column_title(column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(JournalColumn):
            return None
        if role == INCIDENT_ID_ROLE:
            return self._ids[index.row()] if index.row() < len(self._ids) else None
        if role not in _ROLES_SHOWN:
            return None
        row = self.journal_row(index.row())
        if row is None:
            return None
        column = JournalColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == JournalColumn.TIME:
                # The repeated autumn hour shows two identical times: the offset tells
                # them apart.
                return isoformat_paris(row.received_at)
            # The whole text, for a team or sector name longer than its column.
            return _cell_text(row, column)
        if column == JournalColumn.PRIORITY and row.priority is Priority.URGENT:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(_URGENT_COLOUR)
            if role == Qt.ItemDataRole.FontRole:
                bold = QFont()
                bold.setBold(True)
                return bold
        return None


_ROLES_SHOWN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    }
)


def _cell_text(row: JournalRow, column: JournalColumn) -> str:
    match column:
        case JournalColumn.TIME:
            return format_paris(row.received_at, "%H:%M")
        case JournalColumn.REFERENCE:
            return row.reference
        case JournalColumn.SECTOR:
            return row.sector
        case JournalColumn.CATEGORY:
            return category_label(row.category)
        case JournalColumn.PRIORITY:
            return priority_label(row.priority)
        case JournalColumn.STATUS:
            return status_label(row.status)
        case JournalColumn.TEAM:
            return row.team or _NONE
        case JournalColumn.OUTCOME:
            return outcome_label(row.outcome) if row.outcome is not None else _NONE


def column_title(column: JournalColumn) -> str:
    """The translated heading of a journal column."""
    titles = {
        JournalColumn.TIME: QCoreApplication.translate("JournalModel", "Time"),
        JournalColumn.REFERENCE: QCoreApplication.translate("JournalModel", "Reference"),
        JournalColumn.SECTOR: QCoreApplication.translate("JournalModel", "Sector"),
        JournalColumn.CATEGORY: QCoreApplication.translate("JournalModel", "Need"),
        JournalColumn.PRIORITY: QCoreApplication.translate("JournalModel", "Priority"),
        JournalColumn.STATUS: QCoreApplication.translate("JournalModel", "Stage"),
        JournalColumn.TEAM: QCoreApplication.translate("JournalModel", "Team"),
        JournalColumn.OUTCOME: QCoreApplication.translate("JournalModel", "Outcome"),
    }
    return titles[column]
