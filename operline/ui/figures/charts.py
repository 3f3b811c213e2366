"""Charts of the desk's figures: Qt Charts, French numbers, readable printed in black and white.

Every chart sits in a ``ChartPanel``, which draws it onto any paint device through one
function, ``render_into(painter, rect)``: the screen, a PNG file ("Save as PNG") and the
printed or PDF pages all draw the same thing. Series differ by shade and by hatching, never
by hue alone, so a black-and-white printout still tells them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QImageWriter, QPainter, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: Fills of the series, dark to light, so their greys differ once printed.
SHADES = (
    QColor("#1f3b5a"),
    QColor("#e39b3b"),
    QColor("#8fb8de"),
    QColor("#4d4d4d"),
    QColor("#f2d4a0"),
    QColor("#2e7d5b"),
    QColor("#c7c7c7"),
    QColor("#7a3b69"),
)
#: Hatching on every other series, for the shades a printer renders alike.
PATTERNS = (
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.BDiagPattern,
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.DiagCrossPattern,
)
OUTLINE = QColor("#202020")
#: How much larger than on screen a saved PNG is drawn, so it prints sharply.
PNG_SCALE = 2


def styled_set(label: str, number: int) -> QBarSet:
    """A bar set with the ``number``-th fill and hatching, outlined in near-black."""
    bars = QBarSet(label)
    shade = SHADES[number % len(SHADES)]
    pattern = PATTERNS[number % len(PATTERNS)]
    if pattern is Qt.BrushStyle.SolidPattern:
        bars.setBrush(QBrush(shade))
    else:
        # Hatching drawn in a dark tone of the shade, on white: readable in grey too.
        bars.setBrush(QBrush(shade.darker(170), pattern))
    bars.setPen(QPen(OUTLINE, 0.8))
    bars.setLabelColor(QColor("#000000"))
    return bars


def new_chart(title: str) -> QChart:
    """A chart with French numbers, a white background and no animation (printing)."""
    chart = QChart()
    chart.setTitle(title)
    title_font = QFont(chart.titleFont())
    title_font.setBold(True)
    title_font.setPointSizeF(max(title_font.pointSizeF(), 10.0))
    chart.setTitleFont(title_font)
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def day_label(day: date) -> str:
    """A day as the desk reads it on an axis: « lun. 23 »."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d")


def number_text(value: float, decimals: int = 0) -> str:
    """A number in the desk's language (« 1 234 », « 4,5 »)."""
    return QLocale().toString(float(value), "f", decimals)


def count_axis(top: float) -> QValueAxis:
    """A vertical or horizontal axis of counts from zero, with whole French numbers."""
    axis = QValueAxis()
    # With the chart's numbers localised, "%.0f" writes « 1 200 » (and "%d" nothing).
    axis.setLabelFormat("%.0f")
    axis.setRange(0, max(1.0, top * 1.08))
    axis.applyNiceNumbers()
    axis.setMinorTickCount(0)
    return axis


def category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    return axis


def vertical_bars(
    title: str, categories: Sequence[str], sets: Sequence[QBarSet], *, stacked: bool = False
) -> QChart:
    """Bars up from a count axis, one group (or one stack) per category."""
    chart = new_chart(title)
    series = QStackedBarSeries() if stacked else QBarSeries()
    for bars in sets:
        series.append(bars)
    chart.addSeries(series)
    across = category_axis(categories)
    chart.addAxis(across, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(across)
    if stacked:
        top = max((sum(b.at(i) for b in sets) for i in range(len(categories))), default=0.0)
    else:
        top = max((b.at(i) for b in sets for i in range(b.count())), default=0.0)
    up = count_axis(top)
    chart.addAxis(up, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(up)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def horizontal_bars(
    title: str,
    categories: Sequence[str],
    sets: Sequence[QBarSet],
    *,
    value_format: str = "@value",
    axis_title: str = "",
) -> QChart:
    """Bars across, one row per category (long names such as sectors and outcomes)."""
    chart = new_chart(title)
    series = QHorizontalBarSeries()
    for bars in sets:
        series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsFormat(value_format)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    down = category_axis(categories)
    chart.addAxis(down, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(down)
    top = max((b.at(i) for b in sets for i in range(b.count())), default=0.0)
    across = count_axis(top * 1.15)
    if axis_title:
        across.setTitleText(axis_title)
    chart.addAxis(across, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(across)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def minutes(delay: timedelta | None) -> float:
    return 0.0 if delay is None else delay.total_seconds() / 60


class PaintedFigure(Protocol):
    """A figure that draws itself onto any paint device (the hour grid)."""

    def paint(self, painter: QPainter, rect: QRectF) -> None: ...


class ChartPanel(QFrame):
    """A chart, or a painted figure, with its "Save as PNG" button."""

    #: A sentence for the status line: where the picture was saved, or why not.
    notice = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.view = QChartView(self)
        self.view.setObjectName(f"{name}View")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setMinimumHeight(240)
        # A painted figure shown instead of a chart (the hour grid), if any.
        self.figure: QWidget | None = None
        self._painted: PaintedFigure | None = None
        self.save_button = QPushButton(self.tr("Save as PNG…"), self)
        self.save_button.setObjectName(f"{name}Save")
        self.save_button.clicked.connect(self.ask_where_to_save)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.view, 1)
        self._layout.addLayout(bar)
        self._title = ""

    def title(self) -> str:
        return self._title

    def show_chart(self, chart: QChart) -> None:
        """Show a new chart in place of the last one."""
        old = self.view.chart()
        self._title = chart.title()
        self.setAccessibleName(self._title)
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def show_figure(self, figure: QWidget, painted: PaintedFigure, title: str) -> None:
        """Show a painted figure (a widget that can ``paint`` itself) instead of a chart."""
        self._title = title
        self.setAccessibleName(title)
        if self.figure is None:
            self.view.hide()
            self._layout.insertWidget(0, figure, 1)
        self.figure = figure
        self._painted = painted

    def chart(self) -> QChart | None:
        return self.view.chart() if self.figure is None else None

    def render_into(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the chart to fill ``rect`` of any paint device (screen, PNG, printer)."""
        if self._painted is not None:
            self._painted.paint(painter, rect)
            return
        painter.save()
        painter.fillRect(rect, QColor("#ffffff"))
        self.view.render(painter, rect, self.view.viewport().rect())
        painter.restore()

    def picture(self) -> QImage:
        """The chart as an image, at twice its size on screen."""
        shown = self.figure if self.figure is not None else self.view
        size = shown.size() * PNG_SCALE
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.render_into(painter, QRectF(image.rect()))
        painter.end()
        return image

    def save_png(self, path: Path) -> bool:
        """Write the chart to a PNG file; tells where, or why not, on ``notice``."""
        if QImageWriter(str(path), b"png").write(self.picture()):
            self.notice.emit(self.tr("Chart saved in {path}.").format(path=path))
            return True
        self.notice.emit(
            self.tr("The chart could not be written to {path}: check the folder.").format(path=path)
        )
        return False

    def ask_where_to_save(self) -> None:
        suggested = Path.home() / f"{_file_stem(self._title)}.png"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the chart"), str(suggested), self.tr("PNG images (*.png)")
        )
        if chosen:
            path = Path(chosen)
            self.save_png(path if path.suffix.lower() == ".png" else path.with_suffix(".png"))


def _file_stem(title: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in title.lower())
    return "-".join(part for part in kept.split("-") if part)[:60] or "graphique"


class Headline(QLabel):
    """A bold title line over a screen of figures."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.setFont(font)
