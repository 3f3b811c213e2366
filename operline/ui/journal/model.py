"""The table behind the journal of a day, built to stay instant over a million incidents.

The model holds only the ordered ids of the day. Rows are read when the view first
shows them, a page at a time, into a small cache; a day with a thousand calls costs
one indexed query for the ids and a handful of page reads as the supervisor scrolls.
Pages are asked of the desk's runner, off the GUI thread: rows not read yet show
empty, and fill in when their page arrives.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from operline.codes import Priority
from operline.errors import OperlineError
from operline.journal import JournalRow
from operline.ui.journal.cells import (
    JournalColumn,
    cell_text,
    column_title,
    corrected_after_sign_off,
    corrected_mark,
    tooltip_text,
)
from operline.ui.messages import error_sentence
from operline.ui.table_model import INCIDENT_ID_ROLE, DeskTableModel

__all__ = ["CACHE_LIMIT", "PAGE_SIZE", "JournalColumn", "JournalModel", "column_title"]

#: Asks for the rows of these ids; the answer comes to one callback or the other.
RowFetcher = Callable[
    [Sequence[int], Callable[[list[JournalRow]], None], Callable[[OperlineError], None]], None
]

#: Rows read in one query when the view reaches a row not yet read.
PAGE_SIZE = 150
#: Rows kept in memory; the oldest pages read are dropped first.
CACHE_LIMIT = 8 * PAGE_SIZE


_URGENT_COLOUR = QColor("#b00020")

Index = QModelIndex | QPersistentModelIndex


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
        #: The first rows of the pages asked and not answered yet.
        self._pages_asked: set[int] = set()
        #: Grows at each new day shown: a page of an earlier day arriving late is dropped.
        self._generation = 0
        # After a failed read, stop asking until the day is loaded again: the view
        # repaints often, and each repaint would otherwise retry and report again.
        self._read_failed = False

    # The day's content

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these incidents, in this order; rows are read only when shown."""
        self.beginResetModel()
        self._ids = tuple(ids)
        self._cache.clear()
        self._pages_asked.clear()
        self._generation += 1
        self._read_failed = False
        self.endResetModel()

    def read_again(self, incident_ids: Sequence[int]) -> None:
        """Forget these incidents' rows, so the view reads them again (after a change)."""
        for incident_id in incident_ids:
            if self._cache.pop(incident_id, None) is None:
                continue
            row = self._ids.index(incident_id)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(JournalColumn) - 1))

    def row_of(self, incident_id: int) -> int | None:
        """The row showing an incident, if the day shown has it."""
        try:
            return self._ids.index(incident_id)
        except ValueError:
            return None

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
        if start in self._pages_asked:
            return
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        generation = self._generation
        asking = True

        def arrived(rows: list[JournalRow]) -> None:
            if generation != self._generation:
                return
            self._pages_asked.discard(start)
            for journal_row in rows:
                self._cache[journal_row.id] = journal_row
            while len(self._cache) > CACHE_LIMIT:
                self._cache.popitem(last=False)
            if not asking:  # answered later, off the GUI thread: the view repaints those rows
                last = min(start + PAGE_SIZE, len(self._ids)) - 1
                self.dataChanged.emit(
                    self.index(start, 0), self.index(last, len(JournalColumn) - 1)
                )

        def refused(error: OperlineError) -> None:
            if generation != self._generation:
                return
            self._pages_asked.discard(start)
            self._read_failed = True
            self.fetch_failed.emit(error_sentence(error))

        self._pages_asked.add(start)
        self._pages_read += 1
        self._fetch_rows(wanted, arrived, refused)
        asking = False

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
            return cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole text, for a name longer than its column, the exact instant (the
            # repeated autumn hour shows two identical times) and the value first recorded.
            return tooltip_text(row, column)
        if role == Qt.ItemDataRole.FontRole and corrected_mark(row, column):
            # A value corrected reads in italics; corrected after the sign-off, in bold too.
            italic = QFont()
            italic.setItalic(True)
            italic.setBold(corrected_after_sign_off(row, column))
            return italic
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
