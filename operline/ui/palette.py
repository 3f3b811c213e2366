"""The desk's colours for text and for the marks that must be seen, each with the colour it
stands on, and the WCAG contrast each pair must reach (4.5:1 for text, 3:1 for a mark).

Fusion's own selection (white on #308cc6, 3.69:1) and placeholder (half-black, 4.0:1) are
too pale to read at a desk; `apply_palette` puts the colours below in their place for the
whole application. A test computes every pair's ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

TEXT_MINIMUM = 4.5
MARK_MINIMUM = 3.0

WHITE = "#ffffff"
BASE = WHITE
ALTERNATE_BASE = "#f7f7f7"  # Fusion's alternate rows, under the selection's neighbours
SELECTION = "#1f5f9e"
SELECTION_TEXT = WHITE
PLACEHOLDER = "#5f6368"

#: A sector tile pressed down: Fusion paints a checked button this grey.
CHECKED_TILE = "#dbdbdb"
TILE = "#fafafa"
TILE_VERY_LATE = "#a31515"
TILE_LATE = "#6b4500"
TILE_NOTHING_LATE = "#1b5e20"
TILE_NO_TEAM = "#a31515"
TILE_KEY = "#4a4a4a"

#: The week's cursor: a dark frame seen on the pale rows and bands, a white line inside it
#: seen on the dark bands.
WEEK_ROWS = ("#ffffff", "#f3f5f8")
WEEK_FIRST_CALL = "#1f5f9e"
WEEK_BACKUP_ONLY = "#b9d4ee"
WEEK_NO_PHONE = "#e65100"
WEEK_UNCOVERED = "#b71c1c"
WEEK_CURSOR = "#111111"
WEEK_CURSOR_INNER = WHITE
WEEK_CURSOR_UNFOCUSED = "#595959"


@dataclass(frozen=True)
class Pair:
    """A colour on another, what it is and the contrast it needs."""

    what: str
    foreground: str
    background: str
    minimum: float


PAIRS: tuple[Pair, ...] = (
    Pair("selected row", SELECTION_TEXT, SELECTION, TEXT_MINIMUM),
    Pair("placeholder", PLACEHOLDER, BASE, TEXT_MINIMUM),
    Pair("placeholder on an alternate row", PLACEHOLDER, ALTERNATE_BASE, TEXT_MINIMUM),
    *(
        Pair(f"{what} on a {state} tile", colour, background, TEXT_MINIMUM)
        for state, background in (("checked", CHECKED_TILE), ("plain", TILE))
        for what, colour in (
            ("very late count", TILE_VERY_LATE),
            ("late count", TILE_LATE),
            ("nothing late", TILE_NOTHING_LATE),
            ("no team", TILE_NO_TEAM),
            ("key", TILE_KEY),
        )
    ),
    *(Pair("week cursor on a row", WEEK_CURSOR, row, MARK_MINIMUM) for row in WEEK_ROWS),
    Pair("week cursor on a backup band", WEEK_CURSOR, WEEK_BACKUP_ONLY, MARK_MINIMUM),
    Pair("week cursor on a first-call band", WEEK_CURSOR_INNER, WEEK_FIRST_CALL, MARK_MINIMUM),
    Pair("week cursor on a band without phone", WEEK_CURSOR_INNER, WEEK_NO_PHONE, MARK_MINIMUM),
    Pair("week cursor on a gap", WEEK_CURSOR_INNER, WEEK_UNCOVERED, MARK_MINIMUM),
    *(
        Pair("unfocused week cursor on a row", WEEK_CURSOR_UNFOCUSED, row, MARK_MINIMUM)
        for row in WEEK_ROWS
    ),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)


def apply_palette(app: QApplication) -> None:
    """Put the readable selection and placeholder colours in the application's palette."""
    palette = app.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTION))
        palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor(SELECTION_TEXT))
        palette.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(PLACEHOLDER))
    app.setPalette(palette)
