"""Paris wall-clock time: the two daylight-saving nights, midnight, weeks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from operline.paris_time import (
    PARIS,
    InFold,
    InGap,
    LocalTimeError,
    format_paris,
    is_ambiguous,
    is_nonexistent,
    isoformat_paris,
    paris_date,
    paris_day_bounds,
    paris_to_utc,
    paris_week_bounds,
    parse_instant,
)

STRICT = {"in_gap": InGap.RAISE, "in_fold": InFold.RAISE}


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("spring_day", "autumn_day"),
    [(date(2025, 3, 30), date(2025, 10, 26)), (date(2026, 3, 29), date(2026, 10, 25))],
)
def test_the_two_changed_hours_are_recognised(spring_day: date, autumn_day: date) -> None:
    assert is_nonexistent(datetime.combine(spring_day, datetime.min.time()).replace(hour=2))
    assert not is_nonexistent(datetime.combine(spring_day, datetime.min.time()).replace(hour=3))
    assert is_ambiguous(datetime.combine(autumn_day, datetime.min.time()).replace(hour=2))
    assert not is_ambiguous(datetime.combine(autumn_day, datetime.min.time()).replace(hour=3))


def test_a_time_in_the_spring_gap_is_refused_or_moved_to_the_jump() -> None:
    missing = datetime(2026, 3, 29, 2, 30)
    with pytest.raises(LocalTimeError, match="does not exist"):
        paris_to_utc(missing, **STRICT)
    moved = paris_to_utc(missing, in_gap=InGap.NEXT_VALID, in_fold=InFold.RAISE)
    assert moved == utc(2026, 3, 29, 1, 0)
    assert isoformat_paris(moved) == "2026-03-29T03:00:00+02:00"


def test_a_time_in_the_autumn_fold_is_refused_or_chosen() -> None:
    twice = datetime(2026, 10, 25, 2, 30)
    with pytest.raises(LocalTimeError, match="happens twice"):
        paris_to_utc(twice, **STRICT)
    earlier = paris_to_utc(twice, in_gap=InGap.RAISE, in_fold=InFold.EARLIER)
    later = paris_to_utc(twice, in_gap=InGap.RAISE, in_fold=InFold.LATER)
    assert earlier == utc(2026, 10, 25, 0, 30)
    assert later == utc(2026, 10, 25, 1, 30)


def test_ordinary_times_convert_with_the_season_offset() -> None:
    assert paris_to_utc(datetime(2026, 1, 15, 12, 0), **STRICT) == utc(2026, 1, 15, 11, 0)
    assert paris_to_utc(datetime(2026, 7, 15, 12, 0), **STRICT) == utc(2026, 7, 15, 10, 0)


def test_days_around_the_changes_last_23_and_25_hours() -> None:
    start, end = paris_day_bounds(date(2026, 3, 29))
    assert end - start == timedelta(hours=23)
    start, end = paris_day_bounds(date(2026, 10, 25))
    assert (start, end - start) == (utc(2026, 10, 24, 22, 0), timedelta(hours=25))
    start, end = paris_day_bounds(date(2026, 11, 27))
    assert (start, end) == (utc(2026, 11, 26, 23, 0), utc(2026, 11, 27, 23, 0))


def test_just_after_midnight_in_paris_is_the_next_day_although_utc_is_not() -> None:
    late = utc(2026, 7, 14, 22, 30)  # 00:30 on the 15th in Paris
    assert paris_date(late) == date(2026, 7, 15)
    assert format_paris(late) == "15/07/2026 00:30"


def test_a_week_runs_from_monday_midnight_to_the_next_monday_in_paris() -> None:
    # The week of the autumn change: 168 + 1 hours.
    start, end = paris_week_bounds(date(2026, 10, 22))
    assert isoformat_paris(start) == "2026-10-19T00:00:00+02:00"
    assert isoformat_paris(end) == "2026-10-26T00:00:00+01:00"
    assert end - start == timedelta(hours=169)
    sunday_night = utc(2026, 10, 25, 22, 59)  # 23:59 on Sunday in Paris
    assert start <= sunday_night < end
    assert paris_week_bounds(date(2026, 10, 26))[0] == end


def test_parse_instant_takes_an_offset_or_paris_wall_time() -> None:
    assert parse_instant("2026-10-25T02:30+01:00") == utc(2026, 10, 25, 1, 30)
    assert parse_instant("2026-07-01T08:00") == utc(2026, 7, 1, 6, 0)
    with pytest.raises(ValueError, match="happens twice"):
        parse_instant("2026-10-25T02:30")
    with pytest.raises(ValueError, match="not a date"):
        parse_instant("tomorrow")


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31)))
def test_every_wall_time_resolves_to_an_instant_that_reads_back(local: datetime) -> None:
    instant = paris_to_utc(local, in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER)
    reading = instant.astimezone(PARIS)
    if is_nonexistent(local):
        assert reading.replace(tzinfo=None) > local
        assert reading.replace(tzinfo=None) - local <= timedelta(hours=1)
    else:
        assert reading.replace(tzinfo=None) == local
