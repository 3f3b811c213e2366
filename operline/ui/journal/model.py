"""The table behind the journal of a day, built to stay instant over a million incidents.

The paged table of the history, with the day's columns: the model holds the ordered ids
of the day, and rows are read when the view first shows them, a page at a time, on the
desk's runner, into a small cache (see ``operline.ui.paged_model``). A day with a
thousand calls costs one indexed query for the ids and a handful of page reads as the
supervisor scrolls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from operline.codes import Priority
from operline.journal import JournalRow
from operline.ui.journal.cells import (
    JournalColumn,
    cell_text,
    column_title,
    corrected_after_sign_off,
    corrected_mark,
    tooltip_text,
)
from operline.ui.paged_model import (
    CACHED_PAGES,
    PAGE_SIZE,
    PagedTableModel,
    PageReader,
    urgent_style,
)
from operline.ui.table_model import INCIDENT_ID_ROLE
from operline.ui.tasks import TaskRunner

__all__ = [
    "CACHE_LIMIT",
    "INCIDENT_ID_ROLE",
    "PAGE_SIZE",
    "JournalColumn",
    "JournalModel",
    "column_title",
]

#: Rows kept in memory; the pages read least recently are dropped first.
CACHE_LIMIT = CACHED_PAGES * PAGE_SIZE


class JournalModel(PagedTableModel[JournalRow]):
    """One row per incident of the day, newest first, read on demand."""

    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(JournalColumn, runner, parent=parent)
        self._ids: tuple[int, ...] = ()
        self._rows_by_id: dict[int, int] | None = None

    # The day's content

    def show_ids(
        self,
        ids: Sequence[int],
        read_page: PageReader[JournalRow],
        first: Sequence[JournalRow] = (),
    ) -> None:
        """Show these incidents, in this order: rows ``first`` at once, the others when shown.

        ``read_page(database, start, count)`` reads the rows of ``ids[start:start + count]``.
        """
        self._ids = tuple(ids)
        self._rows_by_id = None
        self.show_rows(len(self._ids), read_page, first)

    def read_again(self, incident_ids: Iterable[int]) -> None:
        """Read these incidents' rows again, as the view paints them (after a change)."""
        rows = (self.row_of(incident_id) for incident_id in incident_ids)
        self.forget_rows(row for row in rows if row is not None)

    def row_of(self, incident_id: int) -> int | None:
        """The row showing an incident, if the day shown has it."""
        if self._rows_by_id is None:
            self._rows_by_id = {shown: row for row, shown in enumerate(self._ids)}
        return self._rows_by_id.get(incident_id)

    def incident_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    # The columns

    def title_of(self, column: JournalColumn) -> str:
        return column_title(column)

    def cell(self, row: JournalRow, column: JournalColumn, role: int) -> Any:
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
            return urgent_style(role)
        return None
