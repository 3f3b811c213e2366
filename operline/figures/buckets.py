"""Paris days and hours as UTC bounds, and the calls received in each, counted on the index.

Figures are bucketed by Paris wall-clock time: a Paris day lasts 23 to 25 hours and an ISO
week 167 to 169. Paris is always a whole number of hours from UTC, so every Paris hour is
one UTC hour: the buckets are worked out here in Python (a few hundred at most) and the
database only counts the calls between each pair of bounds, one range of the received_at
index a bucket. That reads the index alone, never the incidents' rows, and never asks
either database to know Paris time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Integer, column, func, select, values
from sqlalchemy.orm import Session

from operline.db.models import Incident
from operline.db.types import UTCDateTime
from operline.paris_time import paris_day_bounds, paris_week_bounds, to_paris

_HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class Bucket:
    """A stretch of time ``[start, end)`` in UTC, and what the desk calls it."""

    start: datetime
    end: datetime


@dataclass(frozen=True, slots=True)
class DayBucket(Bucket):
    """A Paris calendar day (23, 24 or 25 hours)."""

    day: date


@dataclass(frozen=True, slots=True)
class HourBucket(Bucket):
    """One hour of Paris wall-clock time: the weekday (0 = Monday) and the hour it reads."""

    weekday: int
    hour: int


@dataclass(frozen=True, slots=True)
class IsoWeek:
    """An ISO 8601 week (Monday to Sunday), as the GPO names it: 2026-W48."""

    year: int
    week: int

    def __post_init__(self) -> None:
        # Raises ValueError for a week the year does not have (W53 of most years).
        date.fromisocalendar(self.year, self.week, 1)

    @classmethod
    def of(cls, day: date) -> IsoWeek:
        year, week, _ = day.isocalendar()
        return cls(year, week)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=offset) for offset in range(7))

    def shifted(self, weeks: int) -> IsoWeek:
        return IsoWeek.of(self.monday + timedelta(weeks=weeks))

    def bounds(self) -> tuple[datetime, datetime]:
        """The UTC instants where the week starts and ends in Paris."""
        return paris_week_bounds(self.monday)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"


def day_buckets(first: date, count: int) -> list[DayBucket]:
    """``count`` consecutive Paris days from ``first``."""
    found = []
    for offset in range(count):
        day = first + timedelta(days=offset)
        start, end = paris_day_bounds(day)
        found.append(DayBucket(start, end, day))
    return found


def hour_buckets(start: datetime, end: datetime) -> list[HourBucket]:
    """Every hour between two instants that fall on a Paris hour, read in Paris time.

    On the spring night one wall-clock hour is missing from the list; on the autumn night
    the hour from 2 to 3 comes twice.
    """
    found = []
    moment = start
    while moment < end:
        local = to_paris(moment)
        found.append(HourBucket(moment, moment + _HOUR, local.weekday(), local.hour))
        moment += _HOUR
    return found


def calls_in(
    session: Session, buckets: Sequence[Bucket], *, sector_id: int | None = None
) -> list[int]:
    """The calls received in each bucket (of one sector, or all), in the order given.

    One statement: each bucket's count is a range of the index on (sector, received_at) or
    on received_at, so the cost is the number of calls counted, with no sort and no read
    of the incidents' rows.
    """
    if not buckets:
        return []
    listed = values(
        column("position", Integer),
        column("low", UTCDateTime()),
        column("high", UTCDateTime()),
        name="bucket",
    ).data([(position, b.start, b.end) for position, b in enumerate(buckets)])
    # A common table expression: SQLite cannot name the columns of VALUES in FROM.
    bounds = listed.cte("bucket")
    inside = [Incident.received_at >= bounds.c.low, Incident.received_at < bounds.c.high]
    if sector_id is not None:
        inside.append(Incident.sector_id == sector_id)
    counted = select(func.count()).where(*inside).correlate(bounds).scalar_subquery()
    rows = session.execute(select(bounds.c.position, counted).order_by(bounds.c.position))
    counts = [0] * len(buckets)
    for position, count in rows:
        counts[position] = int(count)
    return counts
