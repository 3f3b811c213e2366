"""Charts of the desk's figures: Qt Charts, French numbers, readable printed in black and white.

Every chart sits in a ``chart_panel.ChartPanel``, which draws it onto any paint device:
the screen, a PNG file and the printed or PDF pages. All the figures take their type from
here (``label_font``, ``title_font``), so the page reads in one size. Series differ by
shade and by hatching, never by hue alone, so a black-and-white printout tells them apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QLocale, QMargins, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPen,
)
from PySide6.QtWidgets import (
    QLabel,
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
TEXT = QColor("#000000")
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
    # Black text, not the theme's greys: a printer's grey text fades on paper.
    chart.setTitleBrush(QBrush(TEXT))
    chart.setLocalizeNumbers(True)
    chart.setLocale(QLocale())
    chart.setBackgroundBrush(QBrush(QColor("#ffffff")))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.legend().setFont(label_font())
    chart.legend().setLabelColor(TEXT)
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
    axis.setLabelsColor(TEXT)
    return axis


def category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    # Sector and outcome names are read whole: the plot gives way, never the names.
    axis.setTruncateLabels(False)
    axis.setLabelsFont(label_font())
    axis.setLabelsColor(TEXT)
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
        across.setTitleBrush(QBrush(TEXT))
    chart.addAxis(across, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(across)
    chart.legend().setVisible(len(sets) > 1)
    return chart


def minutes(delay: timedelta | None) -> float:
    return 0.0 if delay is None else delay.total_seconds() / 60


class Headline(QLabel):
    """A bold title line over a screen of figures."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.setFont(font)
