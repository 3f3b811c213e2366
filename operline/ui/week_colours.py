"""The week chart's colours in each scheme: it paints its rows, bands and cursor itself.

`operline.ui.contrast.week_pairs` lists what must read on what, and a test checks each
pair in each scheme.
"""

from __future__ import annotations

from dataclasses import dataclass

from operline.ui import palette
from operline.ui.palette import Scheme


@dataclass(frozen=True)
class WeekColours:
    """The week chart's colours in one scheme: it paints its rows and bands itself."""

    rows: tuple[str, str]  # a sector's row, one on two
    text: str  # the sectors' names and the days
    hours: str
    grid: str
    grid_strong: str  # every six hours
    day_line: str
    #: Drawn inside the day line: one of the two stands out on the rows and on the bands.
    day_line_inner: str
    today: str  # today's date
    first_call: str
    first_call_text: str  # the teams' names on a first-call band
    backup_only: str
    backup_text: str
    no_phone: str  # hatched
    uncovered: str  # a gap
    gap_text: str  # "no team on duty" written on a gap
    past_veil: str
    past_veil_alpha: int  # how much of the past the veil hides, 0 to 255
    now_line: str
    cursor: str  # the outer ring of the hour cursor
    cursor_inner: str  # its inner ring: one of the two stands out on every ground
    cursor_unfocused: str


WEEK = {
    Scheme.LIGHT: WeekColours(
        rows=("#ffffff", "#f3f5f8"),
        text="#1b1b1b",
        hours="#555555",
        grid="#d5dbe3",
        grid_strong="#9aa5b1",
        day_line="#37474f",
        day_line_inner="#ffffff",
        today="#b71c1c",
        first_call="#1f5f9e",
        first_call_text="#ffffff",
        backup_only="#b9d4ee",
        backup_text="#1b1b1b",
        no_phone="#e65100",
        uncovered="#b71c1c",
        gap_text="#ffffff",
        past_veil="#ececec",
        past_veil_alpha=215,
        now_line="#111111",
        cursor="#111111",
        cursor_inner="#ffffff",
        cursor_unfocused="#595959",
    ),
    # Dark: the first-call bands are the bright ones, as the dark ones are in light.
    Scheme.DARK: WeekColours(
        rows=("#1e1e1e", "#262a30"),
        text="#e8e8e8",
        hours="#b0b0b0",
        grid="#3a3f47",
        grid_strong="#5c6570",
        day_line="#9aa5b1",
        day_line_inner="#000000",
        today="#ff8a80",
        first_call="#90caf9",
        first_call_text="#000000",
        backup_only="#3d5f80",
        backup_text="#e8e8e8",
        no_phone="#ffab40",
        uncovered="#ef5350",
        gap_text="#000000",
        past_veil="#000000",
        past_veil_alpha=120,
        now_line="#ffffff",
        cursor="#ffffff",
        cursor_inner="#000000",
        cursor_unfocused="#9e9e9e",
    ),
    Scheme.HIGH_CONTRAST: WeekColours(
        rows=("#000000", "#141414"),
        text="#ffffff",
        hours="#ffffff",
        grid="#5a5a5a",
        grid_strong="#bdbdbd",
        day_line="#ffffff",
        day_line_inner="#000000",
        today="#ffff00",
        first_call="#ffffff",
        first_call_text="#000000",
        backup_only="#00e5ff",
        backup_text="#000000",
        no_phone="#ff9800",
        uncovered="#ff8a80",
        gap_text="#000000",
        past_veil="#000000",
        past_veil_alpha=140,
        now_line="#ffff00",
        cursor="#ffff00",
        cursor_inner="#000000",
        cursor_unfocused="#bdbdbd",
    ),
}


def week() -> WeekColours:
    """The week chart's colours in the scheme in use."""
    return WEEK[palette.scheme()]
