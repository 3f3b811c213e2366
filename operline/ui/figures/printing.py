"""The week's charts on paper or in a PDF, with the day log's print machinery.

The same A4 landscape page as the day log (``page_layout``), the same dialog to pick a
printer, the same foot (« Imprimé le … par … », « Page 1 / 1 »): the dashboard's
``render_charts`` fills the page between the head and the foot, on a printer
(``QPrinter``) or a file (``QPdfWriter``) alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QMarginsF, QRect, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPagedPaintDevice, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from operline.paris_time import format_paris
from operline.private_files import make_private, prepare_private_file
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.figures.charts import PRINT_TEXT_SCALE
from operline.ui.journal.printing import page_layout

_FOOT_POINTS = 7.5


class RendersCharts(Protocol):
    """What the page needs of the dashboard: to draw every chart into a rectangle."""

    def render_charts(self, painter: QPainter, rect: QRectF) -> None: ...


class ChartsPage:
    """One page of the week's charts: what draws them and who prints them, when."""

    def __init__(self, dashboard: RendersCharts, *, printed_by: str, at: datetime) -> None:
        self.dashboard = dashboard
        self.printed_by = printed_by
        self.at = at

    def paint(self, device: QPagedPaintDevice) -> int:
        """Paint the page on ``device``; returns the number of pages (one)."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(
                QCoreApplication.translate(
                    "WeekChartsPrint", "The printer or the file cannot be written."
                )
            )
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            foot = QFont(painter.font())
            foot.setPointSizeF(_FOOT_POINTS)
            line = QFontMetrics(foot, device).height()
            width, height = device.width(), device.height()
            self.dashboard.render_charts(painter, QRectF(0, 0, width, height - 2 * line))
            painter.setFont(foot)
            box = QRect(0, height - line, width, line)
            printed = QCoreApplication.translate(
                "DayLogPrint", "Printed on {when} by {name}"
            ).format(when=format_paris(self.at, "%d/%m/%Y %H:%M"), name=self.printed_by)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft, f"Operline · {printed}")
            painter.drawText(
                box,
                Qt.AlignmentFlag.AlignRight,
                QCoreApplication.translate("DayLogPrint", "Page {page} / {pages}").format(
                    page=1, pages=1
                ),
            )
        finally:
            painter.end()
        return 1


def lay_out_charts(
    painter: QPainter, rect: QRectF, heading: str, panels: Sequence[ChartPanel]
) -> None:
    """The heading over the week's five charts, on ``rect`` of any device, in print type.

    Two columns on the landscape page, the last chart across both; the middle row, with its
    two bars a sector, taller: each chart gets room for its French labels.
    """
    line = painter.fontMetrics().height() * 2
    bold = QFont(painter.font())
    bold.setBold(True)
    painter.save()
    painter.setFont(bold)
    painter.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), line),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        heading,
    )
    painter.restore()
    places = ((0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1), (2, 0, 2))
    shares = (0.32, 0.40, 0.28)
    width = rect.width() / 2
    space = rect.height() - line
    for panel, (row, column, span) in zip(panels, places, strict=True):
        cell = QRectF(
            rect.left() + column * width,
            rect.top() + line + sum(shares[:row]) * space,
            width * span,
            shares[row] * space,
        )
        panel.render_into(
            painter, cell.marginsRemoved(QMarginsF(4, 4, 4, 4)), text_scale=PRINT_TEXT_SCALE
        )


def write_charts_pdf(page: ChartsPage, path: Path, *, title: str) -> int:
    """Write the week's charts to a PDF file; returns the number of pages."""
    prepare_private_file(path)  # the writer fills the file and keeps its permissions
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    writer.setTitle(title)
    writer.setCreator("Operline")
    pages = page.paint(writer)
    del writer
    make_private(path)
    return pages


def print_charts(page: ChartsPage, parent: QWidget) -> int:
    """Print the week's charts through the system's print dialog; 0 when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    return page.paint(printer)
