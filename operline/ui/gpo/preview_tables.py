"""The preview's two tables: the summary per sector with its total, and the hot spots.

A few rows each (the sectors, twenty places): ``QTableWidget`` holds them whole. The
cells are those of the files; the headings are the desk's words, each with the file's
column name in its tooltip, so a supervisor can find it in the GPO's spreadsheet.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from operline.gpo.preview import GpoPreview
from operline.gpo.tally import SUMMARY_COLUMNS, TOTAL

_CONTEXT = "GpoPreviewTables"

#: The heading of each column of the summary file, as the table shows it.
SUMMARY_HEADINGS: dict[str, str] = {
    "sector": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Sector")),
    "calls": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Calls")),
    "urgent": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Urgent")),
    "no_team_on_duty": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "No team\non duty")),
    "routed": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Team\ncontacted")),
    "acknowledged": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Acknow-\nledged")),
    "closed": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Closed")),
    "still_open": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Still\nopen")),
    "median_minutes_to_acknowledge": str(
        QT_TRANSLATE_NOOP("GpoPreviewTables", "Ack. median\n(min)")
    ),
    "p90_minutes_to_acknowledge": str(
        QT_TRANSLATE_NOOP("GpoPreviewTables", "Ack. 90th\npercentile (min)")
    ),
    "taken_in_charge": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Taken\nin charge")),
    "oriented": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Oriented")),
    "refused": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Refused")),
    "not_found": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Not\nfound")),
    "cancelled": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Cancelled")),
    "no_follow_up": str(QT_TRANSLATE_NOOP("GpoPreviewTables", "No\nfollow-up")),
}
HOTSPOT_HEADINGS = (
    ("sector", str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Sector"))),
    ("location", str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Place"))),
    ("calls", str(QT_TRANSLATE_NOOP("GpoPreviewTables", "Calls"))),
    ("calls_previous_week", str(QT_TRANSLATE_NOOP("GpoPreviewTables", "The week\nbefore"))),
)
_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _heading(source: str, column: str) -> QTableWidgetItem:
    item = QTableWidgetItem(QCoreApplication.translate(_CONTEXT, source))
    item.setToolTip(
        QCoreApplication.translate("GpoPreviewTables", "Column {column} of the file").format(
            column=column
        )
    )
    return item


def _cell(text: str, *, number: bool, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if number:
        item.setTextAlignment(_NUMBER)
    if bold:
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
    return item


class _PreviewTable(QTableWidget):
    def __init__(self, headings: list[tuple[str, str]], parent: QWidget | None) -> None:
        super().__init__(0, len(headings), parent)
        for position, (column, source) in enumerate(headings):
            self.setHorizontalHeaderItem(position, _heading(source, column))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTabKeyNavigation(False)  # Tab leaves the table: the dialog is walked by Tab
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def clear_rows(self) -> None:
        self.setRowCount(0)


class SummaryTable(_PreviewTable):
    """One row a sector, then the total in bold: the summary file's rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([(column, SUMMARY_HEADINGS[column]) for column in SUMMARY_COLUMNS], parent)
        self.setObjectName("gpoSummaryTable")
        self.setAccessibleName(self.tr("Summary per sector"))
        # Each column as wide as its text, sector names whole (a stretched column would
        # cut them first); a scroll bar comes when the window is too narrow for them all.
        self.horizontalHeader().setStretchLastSection(False)

    def show_preview(self, preview: GpoPreview) -> None:
        self.setRowCount(len(preview.summary))
        for row, cells in enumerate(preview.summary):
            total = cells[0] == TOTAL
            for column, text in enumerate(cells):
                if total and column == 0:
                    text = self.tr("TOTAL")
                self.setItem(row, column, _cell(text, number=column > 0, bold=total))
        self._fit_rows()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        self._fit_rows()  # the scroll bar across may have come or gone

    def _fit_rows(self) -> None:
        """Every sector and the total in sight: the hot spots below take what is left."""
        if not self.rowCount():
            return  # an empty table keeps the height of the last week shown
        header = self.horizontalHeader().sizeHint().height()
        scroll = self.horizontalScrollBar()
        below = scroll.sizeHint().height() if scroll.maximum() > 0 else 0
        rows = self.verticalHeader().defaultSectionSize() * self.rowCount()
        height = header + rows + below + 2 * self.frameWidth()
        if self.height() != height:
            self.setFixedHeight(height)


class HotSpotTable(_PreviewTable):
    """The places with the most calls, with their calls the week before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(list(HOTSPOT_HEADINGS), parent)
        self.setObjectName("gpoHotSpotTable")
        self.setAccessibleName(self.tr("Hot spots"))
        self.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def show_preview(self, preview: GpoPreview) -> None:
        self.setRowCount(len(preview.hotspots))
        for row, spot in enumerate(preview.hotspots):
            self.setItem(row, 0, _cell(spot.sector, number=False))
            self.setItem(row, 1, _cell(spot.location, number=False))
            self.setItem(row, 2, _cell(str(spot.calls), number=True))
            self.setItem(row, 3, _cell(str(spot.calls_previous_week), number=True))
