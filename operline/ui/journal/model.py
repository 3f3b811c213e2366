"""The table behind the journal of a day, built to stay instant over a million incidents.

The paged table of the history, with the day's columns: the model holds how many calls
the day has, and rows are read when the view first shows them, a page at a time, on the
desk's runner, into a small cache (see ``operline.ui.paged_model``); the pages are the
day's keyset pages (``operline.journal_pages``). A day with a thousand calls costs one
count, the first page, and a handful of page reads as the supervisor scrolls.
"""

from __future__ import annotations

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
