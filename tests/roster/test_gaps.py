"""Coverage gaps: no first-call team, no phone, merged, never in the past."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operline.roster.engine import Roster, on_duty_teams
from operline.roster.gaps import CoverageGap, coverage_gaps

from . import EVERY_DAY, at, change, random_rosters, roster, shift


def spans(gaps: list[CoverageGap]) -> list[tuple[int, str, datetime, datetime]]:
    return [(gap.sector_id, gap.kind, gap.start, gap.end) for gap in gaps]


def test_each_night_without_a_team_is_a_gap_over_the_next_seven_days() -> None:
    the_roster = roster(shift(1, EVERY_DAY, "08:00", "20:00", sectors=[1]))
    now = at("2026-01-05T10:00")
    gaps = coverage_gaps(the_roster, [1, 2], now=now)
    nights = [
        (1, "no_team", at(f"2026-01-{day:02}T20:00"), at(f"2026-01-{day + 1:02}T08:00"))
        for day in range(5, 12)
    ]
    assert spans(gaps) == [*nights, (2, "no_team", now, now + timedelta(days=7))]


def test_touching_stretches_without_a_first_call_team_are_one_gap() -> None:
    the_roster = roster(
        shift(1, EVERY_DAY, "08:00", "20:00"),
        shift(2, "tue", "20:00", "23:00", tier=2),
        shift(3, "tue", "23:00", "08:00", tier=2),
    )
    gaps = coverage_gaps(the_roster, [1], start=at("2026-01-06T12:00"), end=at("2026-01-07T12:00"))
    assert spans(gaps) == [(1, "no_team", at("2026-01-06T20:00"), at("2026-01-07T08:00"))]


@pytest.mark.parametrize(("hole", "reported"), [("12:00:30", False), ("12:01", True)])
def test_holes_under_a_minute_are_left_out(hole: str, reported: bool) -> None:
    the_roster = roster(shift(1, "mon", "08:00", "12:00"), shift(2, "mon", hole, "20:00"))
    gaps = coverage_gaps(the_roster, [1], start=at("2026-01-05T09:00"), end=at("2026-01-05T19:00"))
    expected = [(1, "no_team", at("2026-01-05T12:00"), at(f"2026-01-05T{hole}"))]
    assert spans(gaps) == (expected if reported else [])


def test_nothing_is_reported_before_now() -> None:
    the_roster = roster(shift(1, EVERY_DAY, "08:00", "20:00"))
    now = at("2026-01-06T02:00")
    gaps = coverage_gaps(
        the_roster, [1], start=at("2026-01-05T00:00"), end=at("2026-01-07T00:00"), now=now
    )
    assert spans(gaps) == [
        (1, "no_team", now, at("2026-01-06T08:00")),
        (1, "no_team", at("2026-01-06T20:00"), at("2026-01-07T00:00")),
    ]
    assert coverage_gaps(the_roster, [1], end=now, now=now) == []
    last_second = coverage_gaps(
        the_roster, [1], now=at("2026-01-06T07:59:30"), end=now + timedelta(hours=6)
    )
    assert last_second == []


def test_a_team_on_duty_without_a_phone_is_reported() -> None:
    the_roster = roster(
        shift(1, "mon", "08:00", "20:00"),
        shift(2, "mon", "18:00", "22:00", tier=2),
        shift(3, "mon", "20:00", "08:00"),
        phones={1: None, 2: None},
    )
    gaps = coverage_gaps(the_roster, [1], start=at("2026-01-05T09:00"), end=at("2026-01-06T09:00"))
    assert spans(gaps) == [
        (1, "no_phone", at("2026-01-05T09:00"), at("2026-01-05T22:00")),
        (1, "no_team", at("2026-01-06T08:00"), at("2026-01-06T09:00")),
    ]


def test_a_backup_team_without_a_phone_is_both_kinds_of_gap() -> None:
    the_roster = roster(shift(1, "mon", "08:00", "20:00", tier=2), phones={1: None})
    gaps = coverage_gaps(the_roster, [1], start=at("2026-01-05T08:00"), end=at("2026-01-05T20:00"))
    assert spans(gaps) == [
        (1, "no_team", at("2026-01-05T08:00"), at("2026-01-05T20:00")),
        (1, "no_phone", at("2026-01-05T08:00"), at("2026-01-05T20:00")),
    ]


def test_the_spring_night_gap_is_one_hour_shorter() -> None:
    the_roster = roster(shift(1, EVERY_DAY, "08:00", "20:00"))
    [night] = coverage_gaps(
        the_roster, [1], start=at("2026-03-28T12:00"), end=at("2026-03-29T12:00")
    )
    assert night.end - night.start == timedelta(hours=11)


def test_a_replacement_by_a_retired_team_leaves_a_gap() -> None:
    the_roster = roster(
        shift(1, "mon", "08:00", "20:00"),
        changes=[change(1, "replace", "2026-01-05T14:00", "2026-01-05T16:00", replacement=3)],
        teams=[1, 2],
    )
    gaps = coverage_gaps(the_roster, [1], start=at("2026-01-05T08:00"), end=at("2026-01-05T20:00"))
    assert spans(gaps) == [(1, "no_team", at("2026-01-05T14:00"), at("2026-01-05T16:00"))]


def test_a_window_needs_a_start_or_now() -> None:
    with pytest.raises(ValueError, match="start"):
        coverage_gaps(roster(), [1], end=at("2026-01-05T08:00"))


@settings(max_examples=100, deadline=None)
@given(random_rosters(), st.integers(-2 * 24 * 60, 0), st.lists(st.integers(0, 4 * 24 * 60)))
def test_gaps_agree_with_who_is_on_duty(
    drawn: tuple[Roster, datetime], now_offset: int, offsets: list[int]
) -> None:
    the_roster, anchor = drawn
    start, end = anchor - timedelta(days=2), anchor + timedelta(days=2)
    now = anchor + timedelta(minutes=now_offset)
    gaps = coverage_gaps(the_roster, [1, 2], start=start, end=end, now=now)
    for gap in gaps:
        assert now <= gap.start < gap.end <= end
        assert gap.end - gap.start >= timedelta(minutes=1)
    for kind in ("no_team", "no_phone"):
        for sector_id in (1, 2):
            mine = [g for g in gaps if g.kind == kind and g.sector_id == sector_id]
            assert all(a.end < b.start for a, b in pairwise(mine))
    # Every change in the generated rosters falls on a whole minute, so no hole is shorter.
    for offset in offsets:
        instant = start + timedelta(minutes=offset)
        if instant < now or instant >= end:
            continue
        duty = on_duty_teams(the_roster, 1, instant)
        found = {g.kind for g in gaps if g.sector_id == 1 and g.start <= instant < g.end}
        assert ("no_team" in found) == all(team.tier != 1 for team in duty)
        assert ("no_phone" in found) == any(team.phone is None for team in duty)
