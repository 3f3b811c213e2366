"""Calls by hour of day and weekday: a grid of greys, darker for more calls, counts written in.

Qt Charts has no heat map, so this one is painted; ``paint(painter, rect)`` draws it onto
any paint device, the screen and the printed page alike. Greys alone carry the figure, so
it prints in black and white as it shows. Hours are Paris wall-clock time: the spring hour
that does not exist is hatched, the autumn hour lived twice is marked ×2.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from operline.ui.figures.charts import LABEL_POINTS, day_label, label_font, number_text, title_font

_EMPTY = QColor("#ffffff")
_DARKEST = 35  # the grey of the busiest hour, out of 255
_GRID = QColor("#b0b0b0")
_TEXT = QColor("#000000")


class HourHeatMap(QWidget):
    """Seven rows (Monday to Sunday) of 24 hours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourHeatMap")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self.title = ""
        self.days: tuple[date, ...] = ()
        self.counts: tuple[tuple[int, ...], ...] = ()
        self.lived: tuple[tuple[int, ...], ...] = ()

    def show_counts(
        self,
        title: str,
        days: tuple[date, ...],
        counts: tuple[tuple[int, ...], ...],
        lived: tuple[tuple[int, ...], ...],
    ) -> None:
        self.title = title
        self.days = days
        self.counts = counts
        self.lived = lived
        self.setAccessibleName(title)
        self.update()

    def grey_of(self, count: int) -> QColor:
        """The fill of a cell: white for none, darker as the count nears the busiest hour."""
        busiest = max((max(row) for row in self.counts), default=0)
        if count <= 0 or busiest <= 0:
            return _EMPTY
        level = 255 - round((255 - _DARKEST) * count / busiest)
        return QColor(level, level, level)

    def note(self) -> str:
        """What the grid says about the change of time that week, if the clocks changed."""
        if any(0 in row for row in self.lived):
            return self.tr("Hatched: the hour that did not exist (the clocks went forward).")
        if any(2 in row for row in self.lived):
            return self.tr("×2: the hour lived twice (the clocks went back), both counted.")
        return ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF, *, text_scale: float = 1.0) -> None:
        """Draw the whole figure, title included, to fill ``rect``; text in points × scale."""
        painter.save()
        painter.fillRect(rect, QColor("#ffffff"))
        # The charts' own type, so that on paper the grid reads like the charts beside it.
        font = label_font(LABEL_POINTS * text_scale)
        heading = title_font(text_scale)
        line = QFontMetrics(heading, painter.device()).height()
        painter.setFont(heading)
        painter.setPen(_TEXT)
        title_box = QRectF(rect.left(), rect.top() + 4, rect.width(), line)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, self.title)
        note = self.note()
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        small_line = QFontMetrics(small, painter.device()).height()
        bottom = rect.bottom() - (small_line + 4 if note else 0)
        # Measured on the device drawn on: a printer's dots are not the screen's pixels.
        metrics = QFontMetrics(font, painter.device())
        label_width = max(
            (metrics.horizontalAdvance(day_label(day)) for day in self.days), default=40
        )
        left = rect.left() + label_width + 12
        top = title_box.bottom() + 6 + metrics.height()
        cell_width = (rect.right() - 6 - left) / 24
        cell_height = (bottom - top) / 7 if self.days else 0
        painter.setFont(font)
        for hour in range(24):
            box = QRectF(left + hour * cell_width, top - metrics.height() - 2, cell_width, 0)
            box.setHeight(metrics.height())
            if hour % 2 == 0 or cell_width > metrics.horizontalAdvance("23 h") + 4:
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, f"{hour}")
        for row, day in enumerate(self.days):
            y = top + row * cell_height
            painter.setPen(_TEXT)
            painter.drawText(
                QRectF(rect.left() + 4, y, label_width + 4, cell_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                day_label(day),
            )
            for hour in range(24):
                self._cell(
                    painter,
                    QRectF(left + hour * cell_width, y, cell_width, cell_height),
                    row,
                    hour,
                    metrics,
                )
        if note:
            painter.setFont(small)
            painter.setPen(_TEXT)
            painter.drawText(
                QRectF(rect.left() + 4, bottom + 2, rect.width() - 8, small_line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                note,
            )
        painter.restore()

    def _cell(
        self, painter: QPainter, box: QRectF, row: int, hour: int, metrics: QFontMetrics
    ) -> None:
        lived = self.lived[row][hour] if self.lived else 1
        count = self.counts[row][hour] if self.counts else 0
        painter.setPen(QPen(_GRID, 0.5))
        if lived == 0:
            painter.setBrush(QBrush(QColor("#808080"), Qt.BrushStyle.BDiagPattern))
            painter.drawRect(box)
            return
        fill = self.grey_of(count)
        painter.setBrush(QBrush(fill))
        painter.drawRect(box)
        text = number_text(count) if count else ""
        if lived == 2:
            text = f"{text} ×2" if text else "×2"
        if text and metrics.horizontalAdvance(text) <= box.width() - 2:
            painter.setPen(QColor("#ffffff") if fill.lightness() < 128 else _TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
