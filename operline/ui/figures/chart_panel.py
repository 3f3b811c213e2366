"""A chart, or a painted figure, in a frame with its "Save as PNG" button.

``ChartPanel.render_into(painter, rect)`` draws what the panel shows onto any paint device:
the screen, a PNG file ("Save as PNG") and the printed or PDF pages all draw the same thing,
in the same type (``charts.label_font``) laid out for the device's resolution.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QImage, QImageWriter, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from operline.ui.figures.charts import LABEL_POINTS, PNG_SCALE, label_font, title_font


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
        # The view takes a Tab stop: a screen reader says which chart it is on.
        self.view.setAccessibleName(self._title)
        self.view.viewport().setAccessibleName(self._title)
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
