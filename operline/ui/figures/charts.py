"""Charts of the desk's figures: Qt Charts, French numbers, readable printed in black and white.

Every chart sits in a ``ChartPanel``, which draws it onto any paint device through one
function, ``render_into(painter, rect)``: the screen, a PNG file ("Save as PNG") and the
printed or PDF pages all draw the same thing. Series differ by shade and by hatching, never
by hue alone, so a black-and-white printout still tells them apart.
"""

from __future__ import annotations

import math
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
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageWriter,
    QPainter,
    QPaintEvent,
    QPen,
)
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
    Qt.BrushStyle.HorPattern,  # its grey is the first one's, once printed
    Qt.BrushStyle.CrossPattern,
    Qt.BrushStyle.FDiagPattern,
    Qt.BrushStyle.SolidPattern,
    Qt.BrushStyle.DiagCrossPattern,
)
OUTLINE = QColor("#202020")
#: How much larger than on screen a saved PNG is drawn, so it prints sharply.
PNG_SCALE = 2
#: The text of every chart, the hour grid included: labels and legends, and titles (bold).
LABEL_POINTS = 9.0
TITLE_POINTS = 10.5
#: On paper all of it is written smaller (8 points for the labels), to fit five to a page.
PRINT_TEXT_SCALE = 8.0 / 9.0
#: At most this many steps on a count axis (six lines across a chart stay readable).
MOST_STEPS = 6


def label_font(points: float = LABEL_POINTS, *, bold: bool = False) -> QFont:
    """The font of the charts' labels, in points: the same size on screen and on paper."""
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def title_font(text_scale: float = 1.0) -> QFont:
    return label_font(TITLE_POINTS * text_scale, bold=True)


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
    bars.setLabelFont(label_font())
    return bars


def new_chart(title: str) -> QChart:
    """A chart with French numbers, a white background and no animation (printing)."""
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(title_font())
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(label_font())
    return chart


def day_label(day: date) -> str:
    """A day as the desk reads it on an axis: « lun. 23 »."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d")


def number_text(value: float, decimals: int = 0) -> str:
    """A number in the desk's language (« 1 234 », « 4,5 »)."""
    return QLocale().toString(float(value), "f", decimals)


def count_steps(top: float) -> tuple[int, int]:
    """The step and the end of an axis of whole counts up to ``top``: (1, 1) for none.

    The step is 1, 2 or 5 times a power of ten, so that every tick is a whole number
    written once (never « 0 0 1 1 » for a week of one call), in at most ``MOST_STEPS``.
    """
    needed = max(1, math.ceil(top - 1e-9))
    power = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * power
            if math.ceil(needed / step) <= MOST_STEPS:
                return step, step * math.ceil(needed / step)
        power *= 10


def count_axis(top: float) -> QValueAxis:
    """A vertical or horizontal axis of counts from zero, with whole French numbers."""
    axis = QValueAxis()
    # With the chart's numbers localised, "%.0f" writes « 1 200 » (and "%d" nothing).
    axis.setLabelFormat("%.0f")
    step, end = count_steps(top)
    axis.setRange(0, end)
    axis.setTickCount(end // step + 1)
    axis.setMinorTickCount(0)
    axis.setLabelsFont(label_font())
    return axis


def category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    axis.setLabelsFont(label_font())
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
    up = count_axis(top * 1.05)
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
    stacked: bool = False,
) -> QChart:
    """Bars across, one row per category (long names such as sectors and outcomes).

    Stacked, the bars carry no numbers (they would cover the thin parts of the stack).
    """
    chart = new_chart(title)
    series = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    for bars in sets:
        series.append(bars)
    series.setLabelsVisible(not stacked)
    series.setLabelsFormat(value_format)
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    down = category_axis(categories)
    chart.addAxis(down, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(down)
    if stacked:
        top = max((sum(b.at(i) for b in sets) for i in range(len(categories))), default=0.0)
        across = count_axis(top * 1.05)
    else:
        top = max((b.at(i) for b in sets for i in range(b.count())), default=0.0)
        across = count_axis(top * 1.15)
    if axis_title:
        across.setTitleText(axis_title)
        across.setTitleFont(label_font(bold=True))
    chart.addAxis(across, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(across)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def minutes(delay: timedelta | None) -> float:
    return 0.0 if delay is None else delay.total_seconds() / 60


class PaintedFigure(Protocol):
    """A figure that draws itself onto any paint device (the hour grid)."""

    def paint(self, painter: QPainter, rect: QRectF, *, text_scale: float = 1.0) -> None: ...


class Sentence(QWidget):
    """A chart's title over one sentence, shown instead of a chart with nothing to draw."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.title = ""
        self.sentence = ""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, rect: QRectF, *, text_scale: float = 1.0) -> None:
        painter.save()
        painter.fillRect(rect, QColor("#ffffff"))
        painter.setPen(QColor("#000000"))
        heading = title_font(text_scale)
        line = QFontMetrics(heading, painter.device()).height()
        painter.setFont(heading)
        painter.drawText(
            QRectF(rect.left(), rect.top() + 4, rect.width(), line),
            Qt.AlignmentFlag.AlignCenter,
            self.title,
        )
        painter.setFont(label_font(LABEL_POINTS * text_scale))
        painter.drawText(
            rect.adjusted(8, line + 8, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.sentence,
        )
        painter.restore()


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
        #: What is shown instead of the chart when there is nothing to draw.
        self.sentence = Sentence(self)
        self.sentence.setObjectName(f"{name}Sentence")
        self.sentence.hide()
        self.save_button = QPushButton(self.tr("Save as PNG…"), self)
        self.save_button.setObjectName(f"{name}Save")
        self.save_button.clicked.connect(self.ask_where_to_save)
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(self.save_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(4, 4, 4, 4)
        self._layout.addWidget(self.view, 1)
        self._layout.addWidget(self.sentence, 1)
        self._layout.addLayout(bar)
        self._title = ""

    def title(self) -> str:
        return self._title

    def show_chart(self, chart: QChart) -> None:
        """Show a new chart in place of the last one (or of a sentence)."""
        old = self.view.chart()
        self._title = chart.title()
        self.setAccessibleName(self._title)
        self.sentence.hide()
        self.view.show()
        self.view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

    def show_sentence(self, title: str, sentence: str) -> None:
        """Say in one sentence why there is no chart (a week with nothing to count)."""
        self._title = title
        self.setAccessibleName(f"{title} : {sentence}")
        self.sentence.title = title
        self.sentence.sentence = sentence
        self.view.hide()
        self.sentence.show()
        self.sentence.update()

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

    def shown(self) -> QWidget:
        """The widget showing the figure: the chart's view, the painted figure or the sentence."""
        if self.figure is not None:
            return self.figure
        return self.sentence if self.sentence.isVisibleTo(self) else self.view

    def render_into(self, painter: QPainter, rect: QRectF, *, text_scale: float = 1.0) -> None:
        """Draw the chart to fill ``rect`` of any paint device (screen, PNG, printer).

        The chart is laid out afresh for ``rect`` at the device's resolution, so its text
        keeps its size in points, as the painted figures' text does: on paper every chart
        reads in the same type, whatever the size of the window it was printed from.
        ``text_scale`` sizes all of that text at once (smaller on paper).
        """
        if self._painted is not None:
            self._painted.paint(painter, rect, text_scale=text_scale)
            return
        if self.shown() is self.sentence:
            self.sentence.paint(painter, rect, text_scale=text_scale)
            return
        chart = self.view.chart()
        device = painter.device()
        dots = device.logicalDpiY() / self.view.logicalDpiY() if device is not None else 1.0
        scale = dots * text_scale
        on_screen = chart.size()
        size = QSizeF(rect.width() / scale, rect.height() / scale)
        chart.resize(size)
        painter.save()
        painter.fillRect(rect, QColor("#ffffff"))
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        scene = chart.scene()
        scene.render(
            painter,
            QRectF(QPointF(0, 0), size),
            chart.mapRectToScene(QRectF(QPointF(0, 0), size)),
            Qt.AspectRatioMode.IgnoreAspectRatio,
        )
        painter.restore()
        chart.resize(on_screen)

    def picture(self) -> QImage:
        """The chart as an image, at twice its size on screen."""
        size = self.shown().size() * PNG_SCALE
        image = QImage(size, QImage.Format.Format_ARGB32)
        # Twice the screen's resolution: the text keeps its size against the chart.
        dots_per_metre = round(self.view.logicalDpiY() * PNG_SCALE / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
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
