"""When two weekly shifts meet: the same team booked twice, or two teams called first.

Shifts are compared in Paris wall-clock minutes, on the concrete days both can run, so a
team whose hours change on the 1st of a month (old shift until the 31st, new one from the
1st) is not warned about itself. Daylight saving moves both shifts alike and is ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from typing import Protocol

_DAY = 24 * 60
#: Days looked at when a validity is open-ended: enough for every pair of weekdays to
#: meet, with the day before and after for shifts crossing midnight.
_SPAN = 10
#: Any Monday: where to look when neither shift has a validity at all.
_A_MONDAY = date(2024, 1, 1)


class Shift(Protocol):
    """What comparing two weekly shifts needs; ``sector_ids`` None means every sector."""

    @property
    def weekdays(self) -> frozenset[int]: ...
    @property
    def start(self) -> time: ...
    @property
    def end(self) -> time: ...
    @property
    def sector_ids(self) -> frozenset[int] | None: ...
    @property
    def valid_from(self) -> date | None: ...
    @property
    def valid_until(self) -> date | None: ...


def shared_sectors(a: Shift, b: Shift) -> frozenset[int] | None:
    """The sectors both shifts cover: None for every sector, empty for none."""
    if a.sector_ids is None:
        return b.sector_ids
    if b.sector_ids is None:
        return a.sector_ids
    return a.sector_ids & b.sector_ids


def shifts_meet(a: Shift, b: Shift) -> bool:
    """Whether some occurrence of ``a`` and some occurrence of ``b`` share a minute."""
    days = _days_to_look_at(a, b)
    if days is None:
        return False
    first, last = days
    mine = list(_occurrences(a, first, last))
    return any(
        start < other_end and other_start < end
        for start, end in mine
        for other_start, other_end in _occurrences(b, first, last)
    )


def shift_minutes(shift: Shift) -> int:
    """How long one occurrence lasts: an end at or before the start is the next day."""
    start = shift.start.hour * 60 + shift.start.minute
    end = shift.end.hour * 60 + shift.end.minute
    return (end - start) % _DAY or _DAY


def _days_to_look_at(a: Shift, b: Shift) -> tuple[date, date] | None:
    froms = [d for d in (a.valid_from, b.valid_from) if d is not None]
    untils = [d for d in (a.valid_until, b.valid_until) if d is not None]
    low = max(froms) if froms else None
    high = min(untils) if untils else None
    one_day = timedelta(days=1)
    # A night shift starting the day before the other's first day can still meet it.
    if low is not None and high is not None:
        if high < low - one_day:
            return None
        return low - one_day, min(high + one_day, low + timedelta(days=_SPAN))
    if low is not None:
        return low - one_day, low + timedelta(days=_SPAN)
    if high is not None:
        return high - timedelta(days=_SPAN), high + one_day
    return _A_MONDAY - one_day, _A_MONDAY + timedelta(days=_SPAN)


def _occurrences(shift: Shift, first: date, last: date) -> Iterator[tuple[int, int]]:
    """Each run of the shift starting between two days, in minutes since ``first``."""
    length = shift_minutes(shift)
    start = shift.start.hour * 60 + shift.start.minute
    day = first
    while day <= last:
        runs = day.weekday() in shift.weekdays
        if shift.valid_from is not None and day < shift.valid_from:
            runs = False
        if shift.valid_until is not None and day > shift.valid_until:
            runs = False
        if runs:
            begin = (day - first).days * _DAY + start
            yield begin, begin + length
        day += timedelta(days=1)
