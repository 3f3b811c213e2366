"""The day log on paper or in a PDF: Qt's print support, pages laid out by hand.

Each page has the header (the day, the desk, who signed the log off, and whether it was
corrected since), the table's headings, as many calls as fit, and « Page n / N » at its
foot; the day's shift handovers follow the last call. Nothing depends on colour: headings
are bold over a thick rule, corrected values are marked in words and in italics, urgent
calls in bold, so a black and white printer loses nothing. The same painting serves a
printer (``QPrinter``) and a file (``QPdfWriter``), with no window: it runs under the
offscreen platform too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QMarginsF, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from operline.codes import Priority
from operline.day_log import DayLog
from operline.journal import JournalRow
from operline.paris_time import format_paris
from operline.private_files import make_private, prepare_private_file
from operline.ui.journal.cells import (
    JournalColumn,
    column_title,
    corrected_mark,
    delay_text,
    value_text,
)
from operline.ui.journal.handover_pages import handover_blocks, handover_pages, paint_blocks
from operline.ui.journal.page_fonts import WRAP, PageFonts, text_height
from operline.ui.shell.language import install_language

_CONTEXT = "DayLogPrint"

#: The share of the width each printed column takes.
_WEIGHTS: dict[JournalColumn, int] = {
    JournalColumn.TIME: 5,
    JournalColumn.REFERENCE: 12,
    JournalColumn.SECTOR: 10,
    JournalColumn.CATEGORY: 12,
    JournalColumn.PRIORITY: 6,
    JournalColumn.ROUTED: 8,
    JournalColumn.ACKNOWLEDGED: 8,
    JournalColumn.ON_SCENE: 8,
    JournalColumn.CLOSED: 8,
    JournalColumn.TEAM: 11,
    JournalColumn.ON_DUTY: 12,
    JournalColumn.OUTCOME: 12,
}
_BODY_POINTS = 7.5
_TITLE_POINTS = 13.0
_STRIPE = QColor("#eeeeee")


def page_layout() -> QPageLayout:
    """A4 landscape with 12 mm margins: the day log's thirteen columns fit across."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        QMarginsF(12, 12, 12, 12),
        QPageLayout.Unit.Millimeter,
    )


def write_pdf(log: DayLog, path: Path, *, printed_by: str) -> int:
    """Write the day log as a PDF file; returns the number of pages."""
    prepare_private_file(path)  # the writer fills the file and keeps its permissions
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(page_layout())
    writer.setTitle(title_text(log))
    writer.setCreator("Operline")
    pages = DayLogPages(log, printed_by=printed_by).paint(writer)
    del writer
    make_private(path)
    return pages


def write_pdf_without_window(log: DayLog, path: Path, *, printed_by: str, lang: str) -> int:
    """Write the PDF from a program with no window (the command line), in ``lang``."""
    application = QGuiApplication.instance() or QGuiApplication(["operline"])
    installed = install_language(lang)
    try:
        return write_pdf(log, path, printed_by=printed_by)
    finally:
        installed.uninstall()
        del application


def title_text(log: DayLog) -> str:
    """« Journal du dimanche 29 mars 2026 — <desk> »."""
    day = QLocale().toString(QDate(log.day.year, log.day.month, log.day.day), "dddd d MMMM yyyy")
    return QCoreApplication.translate("DayLogPrint", "Day log of {day} — {desk}").format(
        day=day, desk=log.desk
    )


def header_lines(log: DayLog) -> list[tuple[str, bool]]:
    """What the head of every page says under the title, in order; True: in bold."""
    lines: list[tuple[str, bool]] = []
    if log.hours != 24:
        text = QCoreApplication.translate(
            "DayLogPrint", "A day of {hours} hours: the clocks changed that night."
        )
        lines.append((text.format(hours=log.hours), False))
    status = log.status
    lines.append((sign_off_text(log), True))
    if status.last is not None:
        earlier = [
            QCoreApplication.translate("DayLogPrint", "{name} on {when}").format(
                name=sign_off.signed_by, when=format_paris(sign_off.signed_at, "%d/%m/%Y %H:%M")
            )
            for sign_off in status.sign_offs[:-1]
        ]
        if earlier:
            lines.append(
                (
                    QCoreApplication.translate("DayLogPrint", "Signed off before: {list}").format(
                        list="; ".join(earlier)
                    ),
                    False,
                )
            )
    if status.corrected_after_sign_off:
        lines.append((corrected_after_text(log), True))
    return lines


def sign_off_text(log: DayLog) -> str:
    """« Journal signé par X le 30/03/2026 à 08:10 », or « Non signé »."""
    last = log.status.last
    if last is None:
        return QCoreApplication.translate("DayLogPrint", "Not signed off")
    return QCoreApplication.translate(
        "DayLogPrint", "Log signed off by {name} on {date} at {time}"
    ).format(
        name=last.signed_by,
        date=format_paris(last.signed_at, "%d/%m/%Y"),
        time=format_paris(last.signed_at, "%H:%M"),
    )


def corrected_after_text(log: DayLog) -> str:
    """« Corrigé après signature (2 corrections) »."""
    text = QCoreApplication.translate(
        "DayLogPrint", "Corrected after sign-off (corrections since: {count})"
    )
    return text.format(count=log.status.corrections_since)


@dataclass(frozen=True)
class _Placed:
    row: JournalRow
    height: int


class DayLogPages:
    """Lays out a day log on the pages of a printer or PDF writer, then paints them."""

    def __init__(self, log: DayLog, *, printed_by: str) -> None:
        self.log = log
        self.printed_by = printed_by

    def paint(self, device: QPagedPaintDevice) -> int:
        """Paint every page on ``device``; returns the number of pages."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError("the printer or file cannot be written")
        try:
            return self._paint(painter, device)
        finally:
            painter.end()

    def _paint(self, painter: QPainter, device: QPagedPaintDevice) -> int:
        body = QFont(painter.font())
        body.setPointSizeF(_BODY_POINTS)
        bold = QFont(body)
        bold.setBold(True)
        italic = QFont(body)
        italic.setItalic(True)
        title = QFont(body)
        title.setPointSizeF(_TITLE_POINTS)
        title.setBold(True)
        fonts = PageFonts(body, bold, italic, title, device)
        width, height = device.width(), device.height()
        widths = _column_widths(width)
        padding = fonts.body_metrics.height() // 4
        header_height = self._header_height(fonts)
        headings_height = (
            max(
                text_height(fonts.bold_metrics, column_title(column), widths[column] - 2 * padding)
                for column in JournalColumn
            )
            + 2 * padding
        )
        footer_height = fonts.body_metrics.height() * 2
        room = height - header_height - headings_height - footer_height
        pages = _pages(
            [_Placed(row, self._row_height(fonts, row, widths, padding)) for row in self.log.rows],
            room,
        )
        # The handovers follow the last call, on as many further pages as they need.
        no_calls = 0 if self.log.rows else fonts.body_metrics.height() * 2
        handovers = handover_pages(
            handover_blocks(fonts, width, self.log.handovers),
            room - no_calls - sum(placed.height for placed in pages[-1]),
            height - header_height - footer_height,
        )
        total = len(pages) + len(handovers) - 1
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            y = self._paint_header(painter, fonts, width)
            y = self._paint_headings(painter, fonts, widths, padding, y, headings_height)
            if not self.log.rows:
                painter.setFont(fonts.body)
                painter.drawText(
                    QRect(0, y + padding, width, fonts.body_metrics.height() * 2),
                    Qt.AlignmentFlag.AlignLeft,
                    QCoreApplication.translate("JournalView", "No calls that day"),
                )
                y += no_calls
            for index, placed in enumerate(page):
                self._paint_row(painter, fonts, widths, padding, y, placed, index % 2 == 1)
                y += placed.height
            if number == len(pages):
                paint_blocks(painter, width, y, handovers[0])
            self._paint_footer(painter, fonts, width, height, number, total)
        for number, blocks in enumerate(handovers[1:], start=len(pages) + 1):
            device.newPage()
            y = self._paint_header(painter, fonts, width)
            paint_blocks(painter, width, y, blocks)
            self._paint_footer(painter, fonts, width, height, number, total)
        return total

    def _header_height(self, fonts: PageFonts) -> int:
        lines = len(header_lines(self.log)) + 1  # and the count of calls
        return fonts.title_metrics.height() + lines * fonts.body_metrics.height() + 12

    def _paint_header(self, painter: QPainter, fonts: PageFonts, width: int) -> int:
        y = 0
        painter.setPen(QPen(Qt.GlobalColor.black))
        painter.setFont(fonts.title)
        painter.drawText(
            QRect(0, y, width, fonts.title_metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            title_text(self.log),
        )
        y += fonts.title_metrics.height()
        count = len(self.log.rows)
        counted = (
            QCoreApplication.translate(
                "DayLogPrint", "Calls: {count}, in the order received"
            ).format(count=count),
            False,
        )
        for line, emphasised in [*header_lines(self.log), counted]:
            painter.setFont(fonts.bold if emphasised else fonts.body)
            painter.drawText(
                QRect(0, y, width, fonts.body_metrics.height()), Qt.AlignmentFlag.AlignLeft, line
            )
            y += fonts.body_metrics.height()
        return y + 12

    def _paint_headings(
        self,
        painter: QPainter,
        fonts: PageFonts,
        widths: dict[JournalColumn, int],
        padding: int,
        y: int,
        height: int,
    ) -> int:
        painter.setFont(fonts.bold)
        x = 0
        for column in JournalColumn:
            cell = QRect(x + padding, y + padding, widths[column] - 2 * padding, height)
            painter.drawText(cell, WRAP, column_title(column))
            x += widths[column]
        painter.setPen(QPen(Qt.GlobalColor.black, max(2, padding // 2)))
        painter.drawLine(0, y + height, x, y + height)
        painter.setPen(QPen(Qt.GlobalColor.black))
        return y + height

    def _row_height(
        self, fonts: PageFonts, row: JournalRow, widths: dict[JournalColumn, int], padding: int
    ) -> int:
        tallest = 0
        for column in JournalColumn:
            inner = widths[column] - 2 * padding
            height = sum(
                text_height(metrics, text, inner)
                for metrics, text in _cell_parts(fonts, row, column)
            )
            tallest = max(tallest, height)
        return tallest + 2 * padding

    def _paint_row(
        self,
        painter: QPainter,
        fonts: PageFonts,
        widths: dict[JournalColumn, int],
        padding: int,
        y: int,
        placed: _Placed,
        striped: bool,
    ) -> None:
        total = sum(widths.values())
        if striped:
            painter.fillRect(QRect(0, y, total, placed.height), _STRIPE)
        x = 0
        for column in JournalColumn:
            inner = widths[column] - 2 * padding
            top = y + padding
            for metrics, text in _cell_parts(fonts, placed.row, column):
                painter.setFont(fonts.font_of(metrics))
                height = text_height(metrics, text, inner)
                painter.drawText(QRect(x + padding, top, inner, height), WRAP, text)
                top += height
            x += widths[column]
        painter.setPen(QPen(QColor("#777777"), 1))
        painter.drawLine(0, y + placed.height, total, y + placed.height)
        painter.setPen(QPen(Qt.GlobalColor.black))

    def _paint_footer(
        self, painter: QPainter, fonts: PageFonts, width: int, height: int, number: int, pages: int
    ) -> None:
        painter.setFont(fonts.body)
        line = fonts.body_metrics.height()
        box = QRect(0, height - line, width, line)
        printed = QCoreApplication.translate("DayLogPrint", "Printed on {when} by {name}").format(
            when=format_paris(self.log.read_at, "%d/%m/%Y %H:%M"), name=self.printed_by
        )
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, f"Operline · {self.log.desk} · {printed}")
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignRight,
            QCoreApplication.translate("DayLogPrint", "Page {page} / {pages}").format(
                page=number, pages=pages
            ),
        )


def _cell_parts(
    fonts: PageFonts, row: JournalRow, column: JournalColumn
) -> list[tuple[QFontMetrics, str]]:
    """A printed cell, line by line: the value, its correction mark, its delay."""
    value = value_text(row, column)
    urgent = column is JournalColumn.PRIORITY and row.priority is Priority.URGENT
    parts = [(fonts.bold_metrics if urgent else fonts.body_metrics, value)]
    mark = corrected_mark(row, column)
    if mark:
        parts.append((fonts.italic_metrics, mark))
    delay = delay_text(row, column)
    if delay:
        parts.append((fonts.body_metrics, delay))
    return [(metrics, text) for metrics, text in parts if text]


def _column_widths(width: int) -> dict[JournalColumn, int]:
    total = sum(_WEIGHTS.values())
    return {column: width * _WEIGHTS[column] // total for column in JournalColumn}


def _pages(rows: list[_Placed], room: int) -> list[list[_Placed]]:
    """The rows cut into pages of at most ``room`` height; at least one page."""
    pages: list[list[_Placed]] = [[]]
    used = 0
    for placed in rows:
        if pages[-1] and used + placed.height > room:
            pages.append([])
            used = 0
        pages[-1].append(placed)
        used += placed.height
    return pages
