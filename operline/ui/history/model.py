"""The table of the history: a count of rows, each page read on the runner when shown."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from operline.codes import Priority
from operline.history.search import HistoryRow
from operline.paris_time import format_paris, isoformat_paris
from operline.ui.labels import category_label, outcome_label, priority_label, status_label
from operline.ui.paged_model import PagedTableModel, urgent_style
from operline.ui.tasks import TaskRunner

_NONE = "—"


class HistoryColumn(IntEnum):
    TIME = 0
    REFERENCE = 1
    SECTOR = 2
    LOCATION = 3
    CATEGORY = 4
    PRIORITY = 5
    STATUS = 6
    TEAM = 7
    #: The outcome; an orientation names its place instead, shorter and more telling.
    OUTCOME = 8


class HistoryModel(PagedTableModel[HistoryRow]):
    """One row per incident the search found, in its order, read on demand."""

    def __init__(self, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(HistoryColumn, runner, parent=parent)

    def title_of(self, column: HistoryColumn) -> str:
        return column_title(column)

    def cell(self, row: HistoryRow, column: HistoryColumn, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell_text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == HistoryColumn.TIME:
                # The repeated autumn hour shows two identical times: the offset tells them
                # apart.
                return isoformat_paris(row.received_at)
            return _cell_text(row, column)  # the whole text of a narrow column
        if column == HistoryColumn.PRIORITY and row.priority is Priority.URGENT:
            return urgent_style(role)
        return None


def _cell_text(row: HistoryRow, column: HistoryColumn) -> str:
    match column:
        case HistoryColumn.TIME:
            return format_paris(row.received_at, "%d/%m/%Y %H:%M")
        case HistoryColumn.REFERENCE:
            return row.reference
        case HistoryColumn.SECTOR:
            return row.sector
        case HistoryColumn.LOCATION:
            return row.location or _NONE
        case HistoryColumn.CATEGORY:
            return category_label(row.category)
        case HistoryColumn.PRIORITY:
            return priority_label(row.priority)
        case HistoryColumn.STATUS:
            return status_label(row.status)
        case HistoryColumn.TEAM:
            return row.team or _NONE
        case HistoryColumn.OUTCOME:
            if row.outcome is None:
                return _NONE
            if row.place is not None:
                oriented = QCoreApplication.translate("HistoryModel", "Oriented to {place}")
                return oriented.format(place=row.place)
            return outcome_label(row.outcome)


def column_title(column: HistoryColumn) -> str:
    """The translated heading of a history column."""
    titles = {
        HistoryColumn.TIME: QCoreApplication.translate("HistoryModel", "Received"),
        HistoryColumn.REFERENCE: QCoreApplication.translate("HistoryModel", "Reference"),
        HistoryColumn.SECTOR: QCoreApplication.translate("HistoryModel", "Sector"),
        HistoryColumn.LOCATION: QCoreApplication.translate("HistoryModel", "Place"),
        HistoryColumn.CATEGORY: QCoreApplication.translate("HistoryModel", "Need"),
        HistoryColumn.PRIORITY: QCoreApplication.translate("HistoryModel", "Priority"),
        HistoryColumn.STATUS: QCoreApplication.translate("HistoryModel", "Stage"),
        HistoryColumn.TEAM: QCoreApplication.translate("HistoryModel", "Team"),
        HistoryColumn.OUTCOME: QCoreApplication.translate("HistoryModel", "Outcome"),
    }
    return titles[column]
