"""The brief's page, laid out as a column of pieces cut into pages, with the day log's foot.

A piece is a stretch of the page's width of known height that paints itself: a heading, a
sentence, a chart, a table's heading row, one row of a table. Pieces go down the page in
order and move to the next page when they do not fit; a heading stays with what follows
it, and a table cut across pages repeats its heading row. Every page ends with the foot
of the printed day log (« Operline · Imprimé le … par … », « Page n / N »).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPagedPaintDevice, QPainter, QPen

from operline.paris_time import format_paris
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.figures.charts import PRINT_TEXT_SCALE
from operline.ui.journal.page_fonts import WRAP, PageFonts, text_height

_STRIPE = QColor("#eeeeee")
_RULE = QColor("#777777")
# Right-aligned and wrapped: the columns of numbers.
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


@dataclass(frozen=True)
class Piece:
    """A stretch of the page: its height, and how it paints itself ``y`` from the top."""

    height: int
    paint: Callable[[QPainter, int], None]
    # Kept on the same page as the next piece (a heading and what it heads).
    keep_with_next: bool = False
    # Painted again at the top of a page this piece starts (a table's heading row).
    repeat: Piece | None = None


@dataclass(frozen=True)
class Column:
    title: str
    # Its share of the width.
    weight: int
    numeric: bool = False


class PageFrame:
    """The fonts and width of the page painted, and the pieces that fill it."""

    def __init__(self, fonts: PageFonts, width: int) -> None:
        self.fonts = fonts
        self.width = width
        self.padding = fonts.body_metrics.height() // 4

    def space(self, lines: float = 1.0) -> Piece:
        """Blank space, ``lines`` body lines high."""
        return Piece(round(self.fonts.body_metrics.height() * lines), lambda painter, y: None)

    def text(self, text: str, font: QFont, *, spaced: bool = False) -> Piece:
        """A wrapped line (or a few) of text across the page; ``spaced``: a little below
        what is above it (a table)."""
        metrics = self.fonts.bold_metrics if font is self.fonts.bold else self.fonts.body_metrics
        if font is self.fonts.title:
            metrics = self.fonts.title_metrics
        above = self.padding if spaced else 0
        height = text_height(metrics, text, self.width)

        def paint(painter: QPainter, y: int) -> None:
            painter.setFont(font)
            painter.drawText(QRect(0, y + above, self.width, height), WRAP, text)

        return Piece(above + height, paint)

    def heading(self, text: str) -> Piece:
        """A section's title, bold, a little space above it, kept with what follows."""
        above = self.fonts.body_metrics.height()
        height = above + text_height(self.fonts.bold_metrics, text, self.width) + self.padding

        def paint(painter: QPainter, y: int) -> None:
            painter.setFont(self.fonts.bold)
            painter.drawText(QRect(0, y + above, self.width, height - above), WRAP, text)

        return Piece(height, paint, keep_with_next=True)

    def chart(self, panel: ChartPanel, height: int) -> Piece:
        """A chart across the page, in the print type of the week's charts."""

        def paint(painter: QPainter, y: int) -> None:
            panel.render_into(
                painter, QRectF(0, y, self.width, height), text_scale=PRINT_TEXT_SCALE
            )

        return Piece(height, paint)

    def table(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[str]],
        *,
        bold_first: bool = False,
        whole: bool = False,
        then: Piece | None = None,
    ) -> list[Piece]:
        """A table's heading row (repeated on the next page) and its rows, striped.

        A ``whole`` table is never cut across pages; a long one may be, but never before
        its last row. What follows it (``then``: a legend) stays with the last row.
        """
        total = sum(column.weight for column in columns)
        widths = [self.width * column.weight // total for column in columns]
        head = self._row(
            columns, widths, [column.title for column in columns], heading=True, striped=False
        )
        pieces = [head]
        for number, cells in enumerate(rows):
            row = self._row(columns, widths, cells, striped=number % 2 == 1, bold_first=bold_first)
            last = number == len(rows) - 1
            kept = then is not None if last else whole or number == len(rows) - 2
            pieces.append(Piece(row.height, row.paint, keep_with_next=kept, repeat=head))
        return pieces if then is None else [*pieces, then]

    def _row(
        self,
        columns: Sequence[Column],
        widths: Sequence[int],
        cells: Sequence[str],
        *,
        striped: bool,
        heading: bool = False,
        bold_first: bool = False,
    ) -> Piece:
        fonts, padding = self.fonts, self.padding

        def font_of(position: int) -> tuple[QFont, QFontMetrics]:
            if heading or (bold_first and position == 0):
                return fonts.bold, fonts.bold_metrics
            return fonts.body, fonts.body_metrics

        heights = [
            text_height(font_of(position)[1], text, width - 2 * padding)
            for position, (text, width) in enumerate(zip(cells, widths, strict=True))
        ]
        height = max(heights, default=0) + 2 * padding
        total = sum(widths)

        def paint(painter: QPainter, y: int) -> None:
            if striped:
                painter.fillRect(QRect(0, y, total, height), _STRIPE)
            x = 0
            for position, (column, text, width) in enumerate(
                zip(columns, cells, widths, strict=True)
            ):
                painter.setFont(font_of(position)[0])
                flags = RIGHT if column.numeric else WRAP
                inner = QRect(x + padding, y + padding, width - 2 * padding, height - 2 * padding)
                painter.drawText(inner, flags, text)
                x += width
            if heading:
                painter.setPen(QPen(Qt.GlobalColor.black, max(2, padding // 2)))
            else:
                painter.setPen(QPen(_RULE, 1))
            painter.drawLine(0, y + height, total, y + height)
            painter.setPen(QPen(Qt.GlobalColor.black))

        return Piece(height, paint, keep_with_next=heading)


def cut_into_pages(pieces: Sequence[Piece], room: int) -> list[list[tuple[Piece, int]]]:
    """Each page's pieces with their ``y``; at least one page.

    A run of pieces kept with the next one moves to a new page with it; a piece that
    repeats a heading gets it again at the top of the page it starts.
    """
    pages: list[list[tuple[Piece, int]]] = [[]]
    y = 0
    index = 0
    while index < len(pieces):
        run_end = index
        while run_end < len(pieces) - 1 and pieces[run_end].keep_with_next:
            run_end += 1
        run = list(pieces[index : run_end + 1])
        needed = sum(piece.height for piece in run)
        if pages[-1] and y + needed > room:
            pages.append([])
            y = 0
            repeated = run[0].repeat
            if repeated is not None:
                pages[-1].append((repeated, y))
                y += repeated.height
        for piece in run:
            pages[-1].append((piece, y))
            y += piece.height
        index = run_end + 1
    return pages


def paint_pages(
    painter: QPainter,
    device: QPagedPaintDevice,
    fonts: PageFonts,
    pages: Sequence[Sequence[tuple[Piece, int]]],
    *,
    foot: str,
) -> None:
    """Paint the pages laid out, each with its foot."""
    width, height = device.width(), device.height()
    for number, page in enumerate(pages, start=1):
        if number > 1:
            device.newPage()
        painter.setPen(QPen(Qt.GlobalColor.black))
        for piece, y in page:
            piece.paint(painter, y)
        painter.setFont(fonts.body)
        line = fonts.body_metrics.height()
        box = QRect(0, height - line, width, line)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft, foot)
        painter.drawText(
            box,
            Qt.AlignmentFlag.AlignRight,
            QCoreApplication.translate("DayLogPrint", "Page {page} / {pages}").format(
                page=number, pages=len(pages)
            ),
        )


def printed_line(desk: str, at: datetime, printed_by: str) -> str:
    """« Operline · <desk> · Imprimé le 02/12/2026 08:00 par <name> »."""
    printed = QCoreApplication.translate("DayLogPrint", "Printed on {when} by {name}").format(
        when=format_paris(at, "%d/%m/%Y %H:%M"), name=printed_by
    )
    return f"Operline · {desk} · {printed}"


def foot_height(fonts: PageFonts) -> int:
    """The foot's line and the space above it."""
    return fonts.body_metrics.height() * 2
