"""The fonts of a printed day log and how tall a wrapped text runs on the device painted."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPagedPaintDevice

#: Left, top, wrapped at words: every cell and line of the printed log.
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


class PageFonts:
    """The fonts of the page and their metrics on the device painted."""

    def __init__(
        self, body: QFont, bold: QFont, italic: QFont, title: QFont, device: QPagedPaintDevice
    ) -> None:
        self.body, self.bold, self.italic, self.title = body, bold, italic, title
        self.body_metrics = QFontMetrics(body, device)
        self.bold_metrics = QFontMetrics(bold, device)
        self.italic_metrics = QFontMetrics(italic, device)
        self.title_metrics = QFontMetrics(title, device)

    def font_of(self, metrics: QFontMetrics) -> QFont:
        if metrics is self.bold_metrics:
            return self.bold
        if metrics is self.italic_metrics:
            return self.italic
        return self.body


def text_height(metrics: QFontMetrics, text: str, width: int) -> int:
    """The height ``text`` takes wrapped in ``width``; none for no text."""
    if not text:
        return 0
    return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), WRAP, text).height()
