"""The weekly cache of the timeline: handoffs and unbroken duty across its UTC weeks.

The timeline is computed one UTC week (Monday 00:00 UTC) at a time; these tests put
handoffs, duties and window ends on and around those week bounds and at the end of the
look-out, where a cache gets things wrong without any test of ordinary days noticing.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operline.roster.engine import (
    LOOKOUT,
    Roster,
    RosterChange,
    WeeklyShift,
    duty_intervals,
    duty_timeline,
    next_handoff,
    on_duty_teams,
)

from . import EVERY_DAY, at, change, names, random_rosters, roster, shift
from .test_engine import TICK, expected_on_duty

#: Monday 00:00 UTC, where one week of the cache ends and the next begins (01:00 in Paris).
MONDAY = datetime(2026, 1, 12, tzinfo=UTC)
WEEK = timedelta(weeks=1)


def test_the_look_out_is_five_weeks() -> None:
    assert timedelta(weeks=5) == LOOKOUT


def test_a_handoff_in_the_next_week_is_found_where_it_is() -> None:
    # The team is added from the week before until Friday noon of the next week.
    the_roster = roster(changes=[change(1, "add", "2026-01-05T09:00", "2026-01-23T12:00")])
    found = next_handoff(the_roster, 1, MONDAY + timedelta(days=2))
    assert found is not None
    assert found[0] == at("2026-01-23T12:00")
    assert found[1] == []


def test_a_handoff_on_the_next_monday_at_midnight_utc_is_found_there() -> None:
    ends = (MONDAY + WEEK).isoformat()
    the_roster = roster(changes=[change(1, "add", "2026-01-05T09:00", ends)])
    found = next_handoff(the_roster, 1, MONDAY + timedelta(days=3))
    assert found is not None
    assert found[0] == MONDAY + WEEK


def test_a_handoff_later_in_the_same_week_after_an_earlier_one() -> None:
    the_roster = roster(shift(1, "tue", "08:00", "20:00"), shift(2, "thu", "08:00", "20:00"))
    found = next_handoff(the_roster, 1, at("2026-01-13T21:00"))  # Tuesday evening
    assert found is not None
    instant, incoming = found
    assert instant == at("2026-01-15T08:00")
    assert [team.name for team in incoming] == ["Boréal"]


@pytest.mark.parametrize("weeks_later", [1, 2, 3, 4, 5])
def test_a_handoff_within_the_look_out_is_found(weeks_later: int) -> None:
    # The only change: the team is added on a Tuesday, weeks after the week of ``at``.
    starts = MONDAY + weeks_later * WEEK + timedelta(days=1)
    the_roster = roster(changes=[RosterChange(1, "add", starts, starts + WEEK, None)])
    found = next_handoff(the_roster, 1, MONDAY + timedelta(hours=6))
    assert found is not None
    assert found[0] == starts
    assert [team.name for team in found[1]] == ["Aurore"]


def test_nothing_within_the_look_out_is_none() -> None:
    starts = MONDAY + 6 * WEEK + timedelta(days=1)
    the_roster = roster(changes=[RosterChange(1, "add", starts, starts + WEEK, None)])
    assert next_handoff(the_roster, 1, MONDAY + timedelta(hours=6)) is None
    assert next_handoff(roster(), 1, MONDAY) is None


def test_a_duty_across_monday_midnight_utc_runs_from_sunday_evening_to_monday_morning() -> None:
    the_roster = roster(shift(1, "sun", "20:00", "08:00"))
    for instant in (MONDAY - timedelta(hours=2), MONDAY, MONDAY + timedelta(hours=3)):
        [duty] = on_duty_teams(the_roster, 1, instant)
        assert (duty.since, duty.until) == (at("2026-01-11T20:00"), at("2026-01-12T08:00"))


def test_a_duty_ending_at_monday_midnight_utc_ends_there() -> None:
    # 01:00 in Paris on a winter Monday is 00:00 UTC: the end of a cached week.
    the_roster = roster(shift(1, "sun", "20:00", "01:00"))
    [duty] = on_duty_teams(the_roster, 1, MONDAY - TICK)
    assert duty.until == MONDAY
    assert on_duty_teams(the_roster, 1, MONDAY) == []
    found = next_handoff(the_roster, 1, MONDAY - timedelta(hours=1))
    assert found == (MONDAY, [])


def test_a_shift_starting_monday_at_one_in_paris_starts_a_cached_week() -> None:
    the_roster = roster(shift(1, "mon", "01:00", "09:00"))
    assert names(the_roster, 1, MONDAY - TICK) == []
    [duty] = on_duty_teams(the_roster, 1, MONDAY)
    assert (duty.since, duty.until) == (MONDAY, at("2026-01-12T09:00"))
    found = next_handoff(the_roster, 1, MONDAY - timedelta(hours=3))
    assert found is not None
    assert found[0] == MONDAY
    # In summer 01:00 in Paris is Sunday 23:00 UTC, inside the week before.
    [summer] = on_duty_teams(the_roster, 1, at("2026-06-15T02:00"))
    assert summer.since == datetime(2026, 6, 14, 23, tzinfo=UTC)


def test_a_duty_after_a_break_at_the_week_bound_starts_after_the_break() -> None:
    # On duty until Monday 00:00 UTC, off for an hour, on again: the second duty is its own.
    the_roster = roster(shift(1, "sun", "20:00", "01:00"), shift(1, "mon", "02:00", "09:00"))
    [duty] = on_duty_teams(the_roster, 1, MONDAY + timedelta(hours=3))
    assert (duty.since, duty.until) == (MONDAY + timedelta(hours=1), at("2026-01-12T09:00"))
    [before] = on_duty_teams(the_roster, 1, MONDAY - timedelta(hours=1))
    assert (before.since, before.until) == (at("2026-01-11T20:00"), MONDAY)


def test_a_duty_around_the_clock_is_cut_beyond_the_look_out_either_side() -> None:
    the_roster = roster(shift(1, EVERY_DAY, "00:00", "00:00"))
    [duty] = on_duty_teams(the_roster, 1, MONDAY + timedelta(days=3))
    assert duty.since == MONDAY - 5 * WEEK
    assert duty.until == MONDAY + 6 * WEEK


def test_a_duty_of_five_weeks_and_a_day_is_whole() -> None:
    starts, ends = MONDAY - 2 * WEEK - timedelta(days=1), MONDAY + 3 * WEEK
    the_roster = roster(changes=[RosterChange(1, "add", starts, ends, None)])
    [duty] = on_duty_teams(the_roster, 1, MONDAY + timedelta(hours=1))
    assert (duty.since, duty.until) == (starts, ends)


def test_a_timeline_ending_on_a_handoff_has_no_empty_span() -> None:
    the_roster = roster(shift(1, "sun", "20:00", "01:00"), shift(2, "mon", "01:00", "09:00"))
    for start, end in (
        (at("2026-01-11T12:00"), MONDAY),  # ends on a handoff on a week bound
        (at("2026-01-11T12:00"), at("2026-01-11T20:00")),  # ends on a handoff in a week
        (MONDAY - timedelta(hours=1), at("2026-01-12T09:00")),
        (MONDAY, MONDAY + 2 * WEEK),  # starts on a week bound, crosses another one
    ):
        spans = duty_timeline(the_roster, 1, start, end)
        assert all(span.start < span.end for span in spans)
        assert spans[0].start == start
        assert spans[-1].end == end
        assert all(a.end == b.start for a, b in pairwise(spans))
        assert all(a.teams != b.teams for a, b in pairwise(spans))
    spans = duty_timeline(the_roster, 1, at("2026-01-11T12:00"), MONDAY)
    assert [[t.name for t in span.teams] for span in spans] == [[], ["Aurore"]]
    assert duty_timeline(the_roster, 1, MONDAY, MONDAY) == []


def test_the_week_view_merges_a_duty_across_the_week_bound() -> None:
    the_roster = roster(shift(1, "sun", "20:00", "08:00"))
    [run] = duty_intervals(the_roster, 1, at("2026-01-11T00:00"), at("2026-01-13T00:00"))
    assert (run.since, run.until) == (at("2026-01-11T20:00"), at("2026-01-12T08:00"))


SHIFT_ERRORS = {
    "no day": (dict(weekdays=frozenset()), r"^weekdays must be a non-empty set of 0\.\.6, not "),
    "a day past Sunday": (dict(weekdays=frozenset({0, 7})), "weekdays"),
    "a day before Monday": (dict(weekdays=frozenset({-1})), "weekdays"),
    "tier 0": (dict(tier=0), "^tier must be 1 or more, not 0$"),
    "a start with a zone": (
        dict(start=time(8, tzinfo=UTC)),
        "^shift times are naive Paris wall-clock times$",
    ),
    "an end with a zone": (dict(end=time(20, tzinfo=UTC)), "^shift times are naive"),
    "valid until before valid from": (
        dict(valid_from=MONDAY.date(), valid_until=MONDAY.date() - timedelta(days=1)),
        "^valid_from is after valid_until$",
    ),
}


@pytest.mark.parametrize("case", SHIFT_ERRORS)
def test_a_malformed_weekly_shift_is_refused(case: str) -> None:
    changes, message = SHIFT_ERRORS[case]
    values: dict[str, object] = dict(
        team_id=1, tier=1, weekdays=frozenset({0}), start=time(8), end=time(20), sector_ids=None
    )
    values.update(changes)
    with pytest.raises(ValueError, match=message):
        WeeklyShift(**values)  # type: ignore[arg-type]


def test_the_edges_of_a_weekly_shift_are_allowed() -> None:
    WeeklyShift(1, 1, frozenset(range(7)), time(8), time(8), None)
    one_day = MONDAY.date()
    WeeklyShift(1, 2, frozenset({6}), time(8), time(20), None, one_day, one_day)
    WeeklyShift(1, 1, frozenset({0}), time(8), time(20), None, None, one_day)
    WeeklyShift(1, 1, frozenset({0}), time(8), time(20), None, one_day, None)


CHANGE_ERRORS = {
    "ends when it starts": (dict(ends_at=MONDAY), "^a roster change must end after it starts$"),
    "ends before it starts": (dict(ends_at=MONDAY - TICK), "^a roster change must end after it"),
    "an unknown kind": (dict(kind="swap"), "^unknown roster change 'swap'$"),
    "a replace without a replacement": (
        dict(kind="replace"),
        "^a replacement team is given exactly for a replace$",
    ),
    "an add with a replacement": (dict(replacement_team_id=2), "^a replacement team is given"),
    "tier 0": (dict(tier=0), "^tier must be 1 or more, not 0$"),
    "a naive start": (dict(starts_at=datetime(2026, 1, 12)), "naive"),
    "a naive end": (dict(ends_at=datetime(2026, 1, 13)), "naive"),
}


@pytest.mark.parametrize("case", CHANGE_ERRORS)
def test_a_malformed_roster_change_is_refused(case: str) -> None:
    changes, message = CHANGE_ERRORS[case]
    values: dict[str, object] = dict(
        team_id=1, kind="add", starts_at=MONDAY, ends_at=MONDAY + TICK, sector_ids=None
    )
    values.update(changes)
    with pytest.raises(ValueError, match=message):
        RosterChange(**values)  # type: ignore[arg-type]


def test_a_roster_change_is_kept_in_utc() -> None:
    paris = at("2026-01-12T10:00")  # with its +01:00 offset
    made = RosterChange(1, "replace", paris, paris + TICK, None, replacement_team_id=2, tier=2)
    assert (made.starts_at.utcoffset(), made.starts_at) == (timedelta(0), paris)
    assert made.ends_at.tzinfo is UTC


def _state(the_roster: Roster, sector_id: int, instant: datetime) -> set[tuple[int, int]]:
    return {(team.team_id, team.tier) for team in on_duty_teams(the_roster, sector_id, instant)}


@settings(max_examples=80, deadline=None)
@given(random_rosters(), st.integers(-5 * 24 * 60, 5 * 24 * 60))
def test_a_handoff_is_the_first_change_after_now_and_none_means_none_in_the_look_out(
    drawn: tuple[Roster, datetime], offset: int
) -> None:
    the_roster, anchor = drawn
    now = anchor + timedelta(minutes=offset)
    for sector_id in (1, 2):
        before = expected_on_duty(the_roster, sector_id, now)
        found = next_handoff(the_roster, sector_id, now)
        if found is None:
            # Nothing changes from now to the end of the look-out.
            [span] = duty_timeline(the_roster, sector_id, now, now + LOOKOUT)
            assert {(t.team_id, t.tier) for t in span.teams} == before
            for minutes in range(0, 7 * 24 * 60, 97):
                assert expected_on_duty(
                    the_roster, sector_id, now + timedelta(minutes=minutes)
                ) == (before)
            continue
        instant, incoming = found
        assert instant > now
        # Nothing changes between now and the handoff, which changes who is on duty.
        [span] = duty_timeline(the_roster, sector_id, now, instant)
        assert {(t.team_id, t.tier) for t in span.teams} == before
        assert expected_on_duty(the_roster, sector_id, instant - TICK) == before
        after = {(team.team_id, team.tier) for team in incoming}
        assert (
            after
            == expected_on_duty(the_roster, sector_id, instant)
            == _state(the_roster, sector_id, instant)
        )
        assert after != before


# The roster as it stood: rows with a life in the roster, cut inside a cached week.

RECORDED = at("2026-01-14T15:00")  # Wednesday of the cached week starting MONDAY


def test_a_shift_retired_mid_week_answers_either_side_whichever_is_asked_first() -> None:
    retired = replace(shift(1, EVERY_DAY, "08:00", "20:00"), retired_at=RECORDED)
    recorded = replace(shift(2, EVERY_DAY, "08:00", "20:00"), recorded_at=RECORDED)
    for order in (1, -1):
        the_roster = roster(retired, recorded)
        asked = ["2026-01-13T12:00", "2026-01-14T14:59", "2026-01-14T15:00", "2026-01-16T12:00"]
        answers = {when: names(the_roster, 1, when) for when in asked[::order]}
        assert answers == {
            "2026-01-13T12:00": ["Aurore"],
            "2026-01-14T14:59": ["Aurore"],
            "2026-01-14T15:00": ["Boréal"],
            "2026-01-16T12:00": ["Boréal"],
        }
        # One cached week, cut where the roster changed.
        assert [
            (span.start, [team.name for team in span.teams])
            for span in duty_timeline(the_roster, 1, at("2026-01-14T08:00"), at("2026-01-14T20:00"))
        ] == [(at("2026-01-14T08:00"), ["Aurore"]), (RECORDED, ["Boréal"])]


def test_an_exception_removed_mid_week_counts_until_its_removal() -> None:
    off = replace(change(1, "off", "2026-01-13T00:00", "2026-01-17T00:00"), retired_at=RECORDED)
    the_roster = roster(shift(1, EVERY_DAY, "08:00", "20:00"), changes=[off])
    assert names(the_roster, 1, "2026-01-15T12:00") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-14T12:00") == []
    found = next_handoff(the_roster, 1, at("2026-01-14T12:00"))
    assert found is not None
    assert found[0] == RECORDED


def test_a_row_retired_as_it_is_recorded_never_counts() -> None:
    never = replace(
        shift(1, EVERY_DAY, "00:00", "00:00"), recorded_at=RECORDED, retired_at=RECORDED
    )
    assert names(roster(never), 1, RECORDED) == []
    with pytest.raises(ValueError, match="retired before"):
        replace(never, retired_at=RECORDED - timedelta(seconds=1))


def _alive(row: WeeklyShift | RosterChange, instant: datetime) -> bool:
    return (row.recorded_at is None or row.recorded_at <= instant) and (
        row.retired_at is None or instant < row.retired_at
    )


@st.composite
def _lives(draw: st.DrawFn, anchor: datetime) -> tuple[datetime | None, datetime | None]:
    minutes = st.integers(-4 * 24 * 60, 4 * 24 * 60).map(lambda m: anchor + timedelta(minutes=m))
    recorded = draw(st.one_of(st.none(), minutes))
    retired = draw(
        st.one_of(st.none(), minutes.filter(lambda r: recorded is None or r >= recorded))
    )
    return recorded, retired


@settings(max_examples=80, deadline=None)
@given(random_rosters(), st.data())
def test_a_roster_with_its_history_answers_each_instant_from_the_rows_current_then(
    drawn: tuple[Roster, datetime], data: st.DataObject
) -> None:
    base, anchor = drawn
    shifts = [
        replace(s, recorded_at=recorded, retired_at=retired)
        for s in base.shifts
        for recorded, retired in [data.draw(_lives(anchor))]
    ]
    changes = [
        replace(c, recorded_at=recorded, retired_at=retired)
        for c in base.changes
        for recorded, retired in [data.draw(_lives(anchor))]
    ]
    history = Roster(teams=base.teams, shifts=tuple(shifts), changes=tuple(changes))
    bounds = [i for row in (*shifts, *changes) for i in (row.recorded_at, row.retired_at) if i]
    asked = data.draw(
        st.lists(
            st.one_of(
                st.integers(-5 * 24 * 60, 5 * 24 * 60).map(lambda m: anchor + timedelta(minutes=m)),
                *([st.sampled_from(bounds).map(lambda b: b - TICK)] if bounds else []),
                *([st.sampled_from(bounds)] if bounds else []),
            ),
            min_size=1,
            max_size=10,
        )
    )
    for instant in asked:
        stood = Roster(
            teams=base.teams,
            shifts=tuple(
                replace(s, recorded_at=None, retired_at=None) for s in shifts if _alive(s, instant)
            ),
            changes=tuple(
                replace(c, recorded_at=None, retired_at=None) for c in changes if _alive(c, instant)
            ),
        )
        for sector_id in (1, 2):
            assert _state(history, sector_id, instant) == _state(stood, sector_id, instant)
