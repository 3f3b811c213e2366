"""Every text and mark of the desk on the colour it stands on, with the WCAG contrast it
must reach: 4.5:1 for text, 3:1 for a mark, 7:1 for both in high contrast. A test
computes every pair's ratio in every scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from operline.ui.palette import Colours, Scheme
from operline.ui.week_colours import WeekColours

TEXT_MINIMUM = 4.5
MARK_MINIMUM = 3.0
HIGH_CONTRAST_MINIMUM = 7.0


@dataclass(frozen=True)
class Pair:
    """A colour on another, what it is and the contrast it needs."""

    what: str
    foreground: str
    background: str
    minimum: float


def minimums(scheme: Scheme) -> tuple[float, float]:
    """The contrast a scheme asks of text, then of a mark."""
    if scheme is Scheme.HIGH_CONTRAST:
        return HIGH_CONTRAST_MINIMUM, HIGH_CONTRAST_MINIMUM
    return TEXT_MINIMUM, MARK_MINIMUM


def pairs(colours: Colours, scheme: Scheme) -> tuple[Pair, ...]:
    """Every text and mark of a scheme on what it stands on, with the contrast it needs."""
    text, mark = minimums(scheme)
    c = colours
    grounds = (("window", c.window), ("field", c.base), ("alternate row", c.alternate_base))
    return (
        *(Pair(f"text on the {name}", c.text, ground, text) for name, ground in grounds),
        Pair("text on a button", c.text, c.button, text),
        Pair("selected row", c.selection_text, c.selection, text),
        Pair("placeholder", c.placeholder, c.base, text),
        Pair("placeholder on an alternate row", c.placeholder, c.alternate_base, text),
        Pair("link", c.link, c.window, text),
        # Words of a control out of use: WCAG asks nothing of them; a mark's contrast still
        # lets the desk read what it will be able to do.
        Pair("disabled words", c.disabled, c.window, mark),
        Pair("tooltip", c.text, c.tooltip, text),
        *(
            Pair(f"{what} on the {name}", colour, ground, text)
            for name, ground in grounds
            for what, colour in (
                ("problem", c.problem),
                ("caution", c.caution),
                ("fine", c.fine),
                ("quiet", c.quiet),
            )
        ),
        Pair("focus frame on a field", c.focus_frame, c.base, mark),
        Pair("field border", c.mid, c.base, mark),
        Pair("text on a focused list", c.text, c.focus_background, text),
        Pair("a red strip", c.alarm_text, c.alarm, text),
        Pair("an amber row", c.late_text, c.late, text),
        Pair("a problem strip", c.problem_strip_text, c.problem_strip, text),
        Pair("a caution strip", c.caution_strip_text, c.caution_strip, text),
        Pair("the rule of a caution strip", c.caution_mark, c.caution_strip, mark),
        Pair("the rule of a problem strip", c.problem, c.problem_strip, mark),
        Pair("a pending strip", c.pending_strip_text, c.pending_strip, text),
        Pair("a fine strip", c.fine_strip_text, c.fine_strip, text),
        Pair("text on a note", c.text, c.note_strip, text),
        Pair("the frame of a note", c.note_mark, c.note_strip, mark),
        Pair("problem words on a problem strip", c.problem, c.problem_strip, text),
        Pair("text on a problem strip", c.text, c.problem_strip, text),
        Pair("quiet words on a problem strip", c.quiet, c.problem_strip, text),
        Pair("caution words on a problem strip", c.caution, c.problem_strip, text),
        Pair("caution words on a caution strip", c.caution, c.caution_strip, text),
        Pair("the other desks' banner", c.other_desks_text, c.other_desks, text),
        Pair("the masked window", c.lock_text, c.lock, text),
        Pair("a problem on the masked window", c.lock_problem, c.lock, text),
        *(
            Pair(f"{what} on a {state} tile", colour, background, text)
            for state, background in (("checked", c.checked_tile), ("plain", c.tile))
            for what, colour in (
                ("very late count", c.tile_very_late),
                ("late count", c.tile_late),
                ("nothing late", c.tile_nothing_late),
                ("key", c.quiet),
                ("no team", c.problem),
                ("sector", c.text),
            )
        ),
    )


def week_pairs(colours: WeekColours, scheme: Scheme) -> tuple[Pair, ...]:
    """The week chart's words and marks on its rows and bands, in one scheme."""
    text, mark = minimums(scheme)
    w = colours
    bands = (
        ("a first-call band", w.first_call),
        ("a backup band", w.backup_only),
        ("a gap", w.uncovered),
    )
    return (
        *(
            Pair(f"{what} on a row", colour, row, text)
            for row in w.rows
            for what, colour in (("sector", w.text), ("hour", w.hours), ("today", w.today))
        ),
        Pair("names on a first-call band", w.first_call_text, w.first_call, text),
        Pair("names on a backup band", w.backup_text, w.backup_only, text),
        Pair("no team written on a gap", w.gap_text, w.uncovered, text),
        *(
            Pair(f"{what} on a row", colour, row, mark)
            for row in w.rows
            for what, colour in (
                ("gap", w.uncovered),
                ("no-phone hatching", w.no_phone),
                ("unfocused cursor", w.cursor_unfocused),
                ("now line", w.now_line),
            )
        ),
        *(
            Pair(f"{what} on {name}", _seen_on(rings, ground), ground, mark)
            for name, ground in (*bands, ("a row", w.rows[0]), ("the other row", w.rows[1]))
            for what, rings in (
                ("cursor", (w.cursor, w.cursor_inner)),
                ("day line", (w.day_line, w.day_line_inner)),
            )
        ),
    )


def _seen_on(rings: tuple[str, str], ground: str) -> str:
    # A mark drawn in two rings (the cursor, a day line): the one that stands out more.
    return max(rings, key=lambda ring: contrast(ring, ground))


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour written #rrggbb."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)))[::-1]
    return (lighter + 0.05) / (darker + 0.05)
