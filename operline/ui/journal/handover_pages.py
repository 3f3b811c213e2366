"""The shift handovers on the printed day log: after the last call, on further pages if need be.

A handover and its note are painted together, never cut across two pages, and the
section's title never ends a page alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QFontMetrics, QPainter

from operline.handover import DayHandover
from operline.ui.journal.handovers import handover_text, none_text, note_text, section_title
from operline.ui.journal.page_fonts import WRAP, PageFonts, text_height


@dataclass(frozen=True)
class Block:
    """Lines painted together across the page: (font, its metrics, text, left indent)."""

    height: int
    parts: list[tuple[QFont, QFontMetrics, str, int]]


def handover_blocks(fonts: PageFonts, width: int, handovers: Sequence[DayHandover]) -> list[Block]:
    """The section: its title (or that there was no handover), then each handover with its note."""
    line = fonts.body_metrics.height()
    indent = fonts.body_metrics.horizontalAdvance("x") * 4
    title = f"{section_title()} ({len(handovers)})" if handovers else none_text()
    blocks = [Block(line, [(fonts.bold, fonts.bold_metrics, title, 0)])]
    for handover in handovers:
        parts = [
            (fonts.body, fonts.body_metrics, handover_text(handover), 0),
            (fonts.italic, fonts.italic_metrics, note_text(handover), indent),
        ]
        heights = [text_height(metrics, text, width - left) for _, metrics, text, left in parts]
        blocks.append(Block(sum(heights) + line // 3, parts))
    return blocks


def gap(blocks: Sequence[Block]) -> int:
    """The space left between the last call and the section."""
    return blocks[0].height // 2 if blocks else 0


def handover_pages(blocks: list[Block], room: int, page_room: int) -> list[list[Block]]:
    """The blocks fitting in ``room`` under the last call first, then further pages of
    ``page_room``; the first list may be empty, when nothing fits under the calls."""
    pages: list[list[Block]] = [[]]
    used = gap(blocks)
    for number, block in enumerate(blocks):
        needed = block.height
        if number == 0 and len(blocks) > 1:
            needed += blocks[1].height  # the title goes with the first handover
        if used + needed > room and (pages[-1] or len(pages) == 1):
            pages.append([])
            used, room = gap(blocks), page_room
        pages[-1].append(block)
        used += block.height
    return pages


def paint_blocks(painter: QPainter, width: int, y: int, blocks: Sequence[Block]) -> None:
    """Paint the blocks of one page from ``y`` down, across ``width``."""
    y += gap(blocks)
    for block in blocks:
        top = y
        for font, metrics, text, left in block.parts:
            painter.setFont(font)
            height = text_height(metrics, text, width - left)
            painter.drawText(QRect(left, top, width - left, height), WRAP, text)
            top += height
        y += block.height
