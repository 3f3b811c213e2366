"""The week the GPO asks for: an ISO week ``YYYY-Www`` in Paris time, and the default one.

A week runs from Monday 00:00 to the next Monday 00:00 in Paris (167 or 169 hours on the
weeks the clocks change); an incident belongs to the week it was received in. Only a week
that is over can be exported: its file must not change once it has left the desk.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from operline.errors import InvalidInput
from operline.figures.buckets import IsoWeek
from operline.paris_time import as_utc, format_paris, paris_date
from operline.sentences import QT_TRANSLATE_NOOP

_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def parse_week(text: str) -> IsoWeek:
    """The ISO week written ``2026-W13``; anything else is refused in one sentence."""
    found = _WEEK.fullmatch(text.strip().upper())
    if found is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "GpoExport", "{text} is not an ISO week (expected YYYY-Www, e.g. 2026-W13)."
            ),
            text=repr(text.strip()),
        )
    year, number = int(found[1]), int(found[2])
    try:
        return IsoWeek(year, number)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "GpoExport", "{year} has no week {number} (ISO weeks run from W01 to W52 or W53)."
            ),
            year=year,
            number=number,
        ) from None


def last_complete_week(now: datetime) -> IsoWeek:
    """The last ISO week that is over in Paris at ``now``."""
    return IsoWeek.of(paris_date(as_utc(now))).shifted(-1)


def check_week_is_over(week: IsoWeek, now: datetime) -> None:
    """Refuse a week that has not ended yet in Paris: its figures would still change."""
    _, end = week.bounds()
    if as_utc(now) < end:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "GpoExport",
                "The week {week} is not over yet (it ends on {end}, Paris time); "
                "the last complete week is {last}.",
            ),
            week=str(week),
            end=format_paris(end),
            last=str(last_complete_week(now)),
        )


def week_hours(week: IsoWeek) -> int:
    """How long the week lasts in Paris: 167, 168 or 169 hours."""
    start, end = week.bounds()
    return round((end - start) / timedelta(hours=1))
