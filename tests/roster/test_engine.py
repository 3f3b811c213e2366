"""Who is on duty: wall-clock shifts across DST, handoffs, tiers, exceptions."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from operline.paris_time import InFold, InGap, paris_date, paris_to_utc
from operline.roster.engine import (
    LOOKOUT,
    DutySpan,
    Roster,
    RosterChange,
    WeeklyShift,
    duty_intervals,
    duty_timeline,
    next_handoff,
    on_duty_teams,
)

from . import (
    AUTUMN_SUNDAYS,
    EVERY_DAY,
    SPRING_SUNDAYS,
    at,
    change,
    names,
    random_rosters,
    roster,
    shift,
)

TICK = timedelta(microseconds=1)


def covered_every_minute(the_roster, sector_id: int, start: datetime, end: datetime) -> bool:
    instant = start
    while instant < end:
        if not on_duty_teams(the_roster, sector_id, instant):
            return False
        instant += timedelta(minutes=1)
    return True


@pytest.mark.parametrize("sunday", SPRING_SUNDAYS + AUTUMN_SUNDAYS)
def test_a_day_shift_keeps_its_wall_clock_hours_on_dst_sundays(sunday: date) -> None:
    the_roster = roster(shift(1, "sun", "08:00", "20:00"))
    day = sunday.isoformat()
    assert names(the_roster, 1, f"{day}T07:59") == []
    assert names(the_roster, 1, f"{day}T08:00") == ["Aurore"]
    assert names(the_roster, 1, f"{day}T19:59") == ["Aurore"]
    assert names(the_roster, 1, f"{day}T20:00") == []
    [duty] = on_duty_teams(the_roster, 1, at(f"{day}T12:00"))
    assert duty.until - duty.since == timedelta(hours=12)
    # The clocks changed during the night: 08:00 is already summer (or winter) time.
    assert duty.since.hour == (6 if sunday in SPRING_SUNDAYS else 7)


@pytest.mark.parametrize("sunday", SPRING_SUNDAYS)
def test_the_spring_night_shift_is_one_hour_shorter_and_has_no_hole(sunday: date) -> None:
    saturday = sunday - timedelta(days=1)
    the_roster = roster(shift(1, "sat", "20:00", "08:00"))
    [duty] = on_duty_teams(the_roster, 1, at(f"{sunday}T01:59"))
    assert duty.since == at(f"{saturday}T20:00+01:00")
    assert duty.until == at(f"{sunday}T08:00+02:00")
    assert duty.until - duty.since == timedelta(hours=11)
    jump = at(f"{sunday}T03:00+02:00")
    assert names(the_roster, 1, jump - TICK) == ["Aurore"]
    assert names(the_roster, 1, jump) == ["Aurore"]
    assert covered_every_minute(the_roster, 1, duty.since, duty.until)


@pytest.mark.parametrize("sunday", AUTUMN_SUNDAYS)
def test_the_autumn_night_shift_lasts_one_hour_longer(sunday: date) -> None:
    saturday = sunday - timedelta(days=1)
    the_roster = roster(shift(1, "sat", "20:00", "08:00"))
    assert names(the_roster, 1, f"{sunday}T02:30+02:00") == ["Aurore"]
    assert names(the_roster, 1, f"{sunday}T02:30+01:00") == ["Aurore"]
    [duty] = on_duty_teams(the_roster, 1, at(f"{sunday}T02:30+01:00"))
    assert duty.since == at(f"{saturday}T20:00+02:00")
    assert duty.until == at(f"{sunday}T08:00+01:00")
    assert duty.until - duty.since == timedelta(hours=13)
    assert covered_every_minute(the_roster, 1, duty.since, duty.until)


@pytest.mark.parametrize("sunday", SPRING_SUNDAYS)
def test_a_handoff_inside_the_missing_hour_happens_when_the_clocks_jump(sunday: date) -> None:
    saturday = sunday - timedelta(days=1)
    the_roster = roster(shift(1, "sat", "20:00", "02:30"), shift(2, "sun", "02:30", "10:00"))
    jump = at(f"{sunday}T03:00+02:00")
    assert names(the_roster, 1, jump - TICK) == ["Aurore"]
    assert names(the_roster, 1, jump) == ["Boréal"]
    [incoming] = on_duty_teams(the_roster, 1, jump)
    assert incoming.since == jump
    assert incoming.until - incoming.since == timedelta(hours=7)
    assert covered_every_minute(the_roster, 1, at(f"{saturday}T20:00"), at(f"{sunday}T10:00"))


@pytest.mark.parametrize("sunday", AUTUMN_SUNDAYS)
def test_a_handoff_inside_the_repeated_hour_overlaps_for_that_hour(sunday: date) -> None:
    saturday = sunday - timedelta(days=1)
    the_roster = roster(shift(1, "sat", "20:00", "02:30"), shift(2, "sun", "02:30", "10:00"))
    assert names(the_roster, 1, f"{sunday}T02:29+02:00") == ["Aurore"]
    assert names(the_roster, 1, f"{sunday}T02:30+02:00") == ["Aurore", "Boréal"]
    assert names(the_roster, 1, f"{sunday}T02:29+01:00") == ["Aurore", "Boréal"]
    assert names(the_roster, 1, f"{sunday}T02:30+01:00") == ["Boréal"]
    outgoing, incoming = on_duty_teams(the_roster, 1, at(f"{sunday}T02:00+01:00"))
    assert outgoing.until - outgoing.since == timedelta(hours=7, minutes=30)
    assert incoming.until - incoming.since == timedelta(hours=8, minutes=30)
    assert covered_every_minute(the_roster, 1, at(f"{saturday}T20:00"), at(f"{sunday}T10:00"))


@pytest.mark.parametrize(
    ("days", "start", "spring", "autumn"),
    [
        ("sun", "00:00", 23, 25),
        ("sat", "09:00", 23, 25),
        ("sat", "02:30", 23.5, 25),
        ("sun", "02:30", 23.5, 25),
        ("sun", "09:00", 24, 24),
    ],
)
def test_a_24_hour_shift_runs_until_the_same_wall_time_next_day(
    days: str, start: str, spring: float, autumn: float
) -> None:
    the_roster = roster(shift(1, days, start, start))
    for sundays, hours in ((SPRING_SUNDAYS, spring), (AUTUMN_SUNDAYS, autumn)):
        for sunday in sundays:
            first_day = sunday if days == "sun" else sunday - timedelta(days=1)
            inside = at(f"{first_day}T12:00")
            [duty] = on_duty_teams(the_roster, 1, inside)
            assert duty.until - duty.since == timedelta(hours=hours), (sunday, days, start)


def test_a_shift_crossing_midnight_belongs_to_the_day_it_starts() -> None:
    # 5 January 2026 is a Monday.
    the_roster = roster(shift(1, "mon", "22:00", "02:00"))
    assert names(the_roster, 1, "2026-01-05T21:59") == []
    assert names(the_roster, 1, "2026-01-05T22:00") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-06T00:00") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-06T01:59") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-06T02:00") == []
    assert names(the_roster, 1, "2026-01-06T23:00") == []
    assert names(the_roster, 1, "2026-01-05T01:00") == []


def test_the_sunday_night_shift_carries_into_monday_morning() -> None:
    the_roster = roster(shift(1, "sun", "20:00", "08:00"), shift(2, "mon", "08:00", "20:00"))
    assert names(the_roster, 1, "2026-01-11T19:59") == []
    assert names(the_roster, 1, "2026-01-12T00:00") == ["Aurore"]
    # Monday 00:00 UTC, where the engine starts a new week of its cache.
    [duty] = on_duty_teams(the_roster, 1, at("2026-01-12T00:00+00:00"))
    assert (duty.since, duty.until) == (at("2026-01-11T20:00"), at("2026-01-12T08:00"))
    assert names(the_roster, 1, "2026-01-12T07:59") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-12T08:00") == ["Boréal"]
    assert names(the_roster, 1, "2026-01-12T20:00") == []


def test_at_a_handoff_only_the_incoming_team_is_on_duty() -> None:
    the_roster = roster(
        shift(1, EVERY_DAY, "08:00", "20:00"), shift(2, EVERY_DAY, "20:00", "08:00")
    )
    handoff = at("2026-02-03T20:00")
    assert names(the_roster, 1, handoff - TICK) == ["Aurore"]
    assert names(the_roster, 1, handoff) == ["Boréal"]
    assert next_handoff(the_roster, 1, at("2026-02-03T10:00")) == (
        handoff,
        on_duty_teams(the_roster, 1, handoff),
    )
    instant, incoming = next_handoff(the_roster, 1, handoff) or (None, [])
    assert instant == at("2026-02-04T08:00")
    assert [team.name for team in incoming] == ["Aurore"]


def test_back_to_back_shifts_of_one_team_are_one_unbroken_duty() -> None:
    the_roster = roster(shift(1, "mon", "08:00", "20:00"), shift(1, "mon", "20:00", "08:00"))
    [duty] = on_duty_teams(the_roster, 1, at("2026-01-05T09:00"))
    assert (duty.since, duty.until) == (at("2026-01-05T08:00"), at("2026-01-06T08:00"))
    assert next_handoff(the_roster, 1, at("2026-01-05T09:00")) == (at("2026-01-06T08:00"), [])


def test_a_team_on_duty_around_the_clock_has_no_handoff() -> None:
    the_roster = roster(shift(1, EVERY_DAY, "00:00", "00:00"))
    for sunday in SPRING_SUNDAYS + AUTUMN_SUNDAYS:
        assert covered_every_minute(the_roster, 1, at(f"{sunday}T00:00"), at(f"{sunday}T04:00"))
    [duty] = on_duty_teams(the_roster, 1, at("2026-06-10T12:00"))
    assert duty.until - duty.since >= LOOKOUT
    assert next_handoff(the_roster, 1, at("2026-06-10T12:00")) is None


def test_teams_are_ordered_by_tier_then_name() -> None:
    the_roster = roster(
        shift(5, "mon", "08:00", "20:00"),
        shift(5, "mon", "08:00", "20:00", tier=2),
        shift(1, "mon", "08:00", "20:00", tier=2),
        shift(4, "mon", "08:00", "20:00"),
        shift(3, "mon", "08:00", "20:00", tier=2),
        shift(2, "mon", "08:00", "20:00"),
    )
    duty = on_duty_teams(the_roster, 1, at("2026-01-05T12:00"))
    assert [(team.name, team.tier) for team in duty] == [
        ("Boréal", 1),
        ("Équipe Est", 1),
        ("Zénith", 1),
        ("Aurore", 2),
        ("Cap Nord", 2),
    ]


def test_shifts_cover_only_their_sectors() -> None:
    the_roster = roster(
        shift(1, "mon", "08:00", "20:00", sectors=[1, 2]), shift(2, "mon", "08:00", "20:00")
    )
    assert names(the_roster, 2, "2026-01-05T12:00") == ["Aurore", "Boréal"]
    assert names(the_roster, 3, "2026-01-05T12:00") == ["Boréal"]


def test_valid_until_lets_the_last_shift_run_to_its_end() -> None:
    # Wednesday 7 to Friday 9 January 2026.
    the_roster = roster(
        shift(
            1,
            EVERY_DAY,
            "20:00",
            "08:00",
            valid_from=date(2026, 1, 7),
            valid_until=date(2026, 1, 9),
        )
    )
    assert names(the_roster, 1, "2026-01-07T07:00") == []  # Tuesday's night: not yet valid
    assert names(the_roster, 1, "2026-01-07T20:00") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-10T07:59") == ["Aurore"]  # Friday's night, past midnight
    assert names(the_roster, 1, "2026-01-10T08:00") == []
    assert names(the_roster, 1, "2026-01-10T20:00") == []


def test_an_off_period_cuts_the_shift_in_its_sectors_only() -> None:
    the_roster = roster(
        shift(1, EVERY_DAY, "20:00", "08:00", sectors=[1, 2]),
        changes=[change(1, "off", "2026-01-06T22:00", "2026-01-07T02:00", sectors=[1])],
    )
    [before] = on_duty_teams(the_roster, 1, at("2026-01-06T21:59"))
    assert (before.since, before.until) == (at("2026-01-06T20:00"), at("2026-01-06T22:00"))
    assert names(the_roster, 1, "2026-01-06T22:00") == []
    assert names(the_roster, 1, "2026-01-07T01:59") == []
    [after] = on_duty_teams(the_roster, 1, at("2026-01-07T02:00"))
    assert (after.since, after.until) == (at("2026-01-07T02:00"), at("2026-01-07T08:00"))
    assert names(the_roster, 2, "2026-01-06T23:00") == ["Aurore"]


def test_an_off_period_across_the_autumn_change_covers_both_repeated_hours() -> None:
    the_roster = roster(
        shift(1, "sat", "20:00", "08:00"),
        changes=[change(1, "off", "2026-10-25T01:30+02:00", "2026-10-25T02:30+01:00")],
    )
    assert names(the_roster, 1, "2026-10-25T01:29+02:00") == ["Aurore"]
    assert names(the_roster, 1, "2026-10-25T02:15+02:00") == []
    assert names(the_roster, 1, "2026-10-25T02:15+01:00") == []
    [back] = on_duty_teams(the_roster, 1, at("2026-10-25T02:30+01:00"))
    assert back.since == at("2026-10-25T01:30Z")
    assert back.until == at("2026-10-25T08:00")


def test_an_off_period_across_the_spring_change() -> None:
    the_roster = roster(
        shift(1, "sat", "20:00", "08:00"),
        changes=[change(1, "off", "2026-03-29T01:30", "2026-03-29T03:30")],
    )
    assert names(the_roster, 1, "2026-03-29T01:29") == ["Aurore"]
    assert names(the_roster, 1, "2026-03-29T01:59") == []
    assert names(the_roster, 1, "2026-03-29T03:29") == []
    [back] = on_duty_teams(the_roster, 1, at("2026-03-29T03:30"))
    assert back.since - at("2026-03-29T01:30") == timedelta(hours=1)


def test_a_replacement_takes_the_tier_and_sectors_of_the_replaced_team() -> None:
    the_roster = roster(
        shift(1, EVERY_DAY, "20:00", "08:00", tier=2, sectors=[1]),
        changes=[change(1, "replace", "2026-01-07T00:00", "2026-01-07T10:00", replacement=3)],
    )
    [stand_in] = on_duty_teams(the_roster, 1, at("2026-01-07T01:00"))
    assert (stand_in.name, stand_in.tier) == ("Cap Nord", 2)
    assert (stand_in.since, stand_in.until) == (at("2026-01-07T00:00"), at("2026-01-07T08:00"))
    assert names(the_roster, 1, "2026-01-06T23:59") == ["Aurore"]
    assert names(the_roster, 1, "2026-01-07T09:00") == []
    assert names(the_roster, 2, "2026-01-07T01:00") == []


def test_a_replace_while_the_team_is_off_duty_changes_nothing() -> None:
    the_roster = roster(
        shift(1, EVERY_DAY, "20:00", "08:00"),
        changes=[change(1, "replace", "2026-01-07T10:00", "2026-01-07T18:00", replacement=3)],
    )
    assert names(the_roster, 1, "2026-01-07T12:00") == []
    assert names(the_roster, 1, "2026-01-07T20:00") == ["Aurore"]


def test_a_replacement_covers_even_if_the_replaced_team_is_off_but_not_if_it_is_off() -> None:
    night = shift(1, EVERY_DAY, "20:00", "08:00")
    replaced = change(1, "replace", "2026-01-07T00:00", "2026-01-07T04:00", replacement=3)
    replaced_off = change(1, "off", "2026-01-06T20:00", "2026-01-07T08:00")
    stand_in_off = change(3, "off", "2026-01-07T02:00", "2026-01-07T03:00")
    the_roster = roster(night, changes=[replaced, replaced_off, stand_in_off])
    assert names(the_roster, 1, "2026-01-06T21:00") == []
    assert names(the_roster, 1, "2026-01-07T01:00") == ["Cap Nord"]
    assert names(the_roster, 1, "2026-01-07T02:30") == []
    assert names(the_roster, 1, "2026-01-07T05:00") == []


def test_an_added_team_is_tier_1_unless_stated_and_an_off_removes_it() -> None:
    the_roster = roster(
        shift(2, "mon", "08:00", "20:00", tier=2),
        changes=[
            change(6, "add", "2026-01-05T10:00", "2026-01-05T14:00", sectors=[1]),
            change(2, "add", "2026-01-05T10:00", "2026-01-05T12:00"),
            change(5, "add", "2026-01-05T10:00", "2026-01-05T14:00", tier=2),
            change(6, "off", "2026-01-05T13:00", "2026-01-05T15:00"),
        ],
    )
    duty = on_duty_teams(the_roster, 1, at("2026-01-05T11:00"))
    assert [(team.name, team.tier) for team in duty] == [
        ("Boréal", 1),
        ("Ourcq Nuit", 1),
        ("Zénith", 2),
    ]
    assert [(t.name, t.tier) for t in on_duty_teams(the_roster, 1, at("2026-01-05T13:00"))] == [
        ("Boréal", 2),
        ("Zénith", 2),
    ]
    assert names(the_roster, 2, "2026-01-05T11:00") == ["Boréal", "Zénith"]


def test_retired_teams_are_never_on_duty() -> None:
    the_roster = roster(
        shift(1, "mon", "08:00", "20:00"),
        shift(2, "mon", "08:00", "20:00"),
        changes=[change(2, "replace", "2026-01-05T08:00", "2026-01-05T20:00", replacement=3)],
        teams=[2],
    )
    assert names(the_roster, 1, "2026-01-05T12:00") == []


def test_a_sector_with_nobody_on_duty() -> None:
    the_roster = roster(shift(1, "mon", "08:00", "20:00", sectors=[1]))
    when = at("2026-01-05T12:00")
    assert on_duty_teams(the_roster, 2, when) == []
    assert next_handoff(the_roster, 2, when) is None
    assert duty_timeline(the_roster, 2, when, when + timedelta(days=3)) == [
        DutySpan(when, when + timedelta(days=3), ())
    ]


def test_the_week_view_lists_each_unbroken_duty_clipped_to_the_window() -> None:
    the_roster = roster(
        shift(1, "mon tue", "08:00", "20:00"),
        shift(2, "mon", "20:00", "08:00", sectors=[1]),
        shift(3, "tue", "12:00", "14:00", tier=2),
    )
    runs = duty_intervals(the_roster, 1, at("2026-01-05T12:00"), at("2026-01-06T13:00"))
    assert [(run.name, run.tier, run.since, run.until) for run in runs] == [
        ("Aurore", 1, at("2026-01-05T12:00"), at("2026-01-05T20:00")),
        ("Boréal", 1, at("2026-01-05T20:00"), at("2026-01-06T08:00")),
        ("Aurore", 1, at("2026-01-06T08:00"), at("2026-01-06T13:00")),
        ("Cap Nord", 2, at("2026-01-06T12:00"), at("2026-01-06T13:00")),
    ]


def test_the_timeline_tiles_the_window_and_merges_across_weeks() -> None:
    the_roster = roster(shift(1, "sun", "20:00", "08:00"))
    spans = duty_timeline(the_roster, 1, at("2026-01-11T00:00"), at("2026-01-13T00:00"))
    assert [(span.start, span.end, [t.name for t in span.teams]) for span in spans] == [
        (at("2026-01-11T00:00"), at("2026-01-11T20:00"), []),
        (at("2026-01-11T20:00"), at("2026-01-12T08:00"), ["Aurore"]),
        (at("2026-01-12T08:00"), at("2026-01-13T00:00"), []),
    ]


@pytest.mark.parametrize("when", ["1999-06-15T12:00", "2031-03-30T12:00", "2040-10-28T12:00"])
def test_far_past_and_future_instants_are_answered(when: str) -> None:
    the_roster = roster(shift(1, EVERY_DAY, "08:00", "20:00"))
    assert names(the_roster, 1, when) == ["Aurore"]


def test_naive_instants_and_malformed_roster_entries_are_refused() -> None:
    the_roster = roster(shift(1, "mon", "08:00", "20:00"))
    with pytest.raises(ValueError, match="naive"):
        on_duty_teams(the_roster, 1, datetime(2026, 1, 5, 12))
    with pytest.raises(ValueError, match="weekdays"):
        WeeklyShift(1, 1, frozenset({7}), time(8), time(20), None)
    with pytest.raises(ValueError, match="end after"):
        RosterChange(1, "off", at("2026-01-05T12:00"), at("2026-01-05T12:00"), None)
    with pytest.raises(ValueError, match="replacement"):
        RosterChange(1, "replace", at("2026-01-05T12:00"), at("2026-01-05T13:00"), None)


NAME_ORDER = {1: 0, 2: 1, 3: 2, 4: 3, 6: 4, 5: 5}


# A second, naive reading of the rules, instant by instant, against which the cached
# week-by-week timeline is checked on random rosters around the clock changes.
def expected_on_duty(the_roster: Roster, sector_id: int, instant: datetime) -> set[tuple[int, int]]:
    scheduled: list[tuple[int, int]] = []
    for weekly in the_roster.shifts:
        if weekly.sector_ids is not None and sector_id not in weekly.sector_ids:
            continue
        for back in range(3):
            day = paris_date(instant) - timedelta(days=back)
            if day.weekday() not in weekly.weekdays:
                continue
            if (weekly.valid_from and day < weekly.valid_from) or (
                weekly.valid_until and day > weekly.valid_until
            ):
                continue
            start = paris_to_utc(
                datetime.combine(day, weekly.start), in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER
            )
            end_day = day if weekly.end > weekly.start else day + timedelta(days=1)
            end = paris_to_utc(
                datetime.combine(end_day, weekly.end), in_gap=InGap.NEXT_VALID, in_fold=InFold.LATER
            )
            if start <= instant < end:
                scheduled.append((weekly.team_id, weekly.tier))
    live = sorted(
        (
            c
            for c in the_roster.changes
            if c.starts_at <= instant < c.ends_at
            and (c.sector_ids is None or sector_id in c.sector_ids)
        ),
        key=lambda c: c.starts_at,
    )
    handed: list[tuple[int, int]] = []
    for c in live:
        if c.kind == "replace" and c.replacement_team_id is not None:
            handed += [
                (c.replacement_team_id, tier) for team, tier in scheduled if team == c.team_id
            ]
            scheduled = [(team, tier) for team, tier in scheduled if team != c.team_id]
    added = [(c.team_id, c.tier) for c in live if c.kind == "add"]
    off = {c.team_id for c in live if c.kind == "off"}
    best: dict[int, int] = {}
    for team, tier in scheduled + handed + added:
        if team in the_roster.teams and team not in off:
            best[team] = min(tier, best.get(team, tier))
    return set(best.items())


@settings(max_examples=150, deadline=None)
@given(
    random_rosters(),
    st.lists(
        st.one_of(st.integers(-4 * 24 * 60, 4 * 24 * 60), st.integers(-60, 180)),
        min_size=1,
        max_size=20,
    ),
)
def test_the_timeline_agrees_with_a_naive_reading_of_the_rules(
    drawn: tuple[Roster, datetime], offsets: list[int]
) -> None:
    the_roster, anchor = drawn
    for sector_id in (1, 2):
        for offset in offsets:
            instant = anchor + timedelta(minutes=offset)
            duty = on_duty_teams(the_roster, sector_id, instant)
            assert {(team.team_id, team.tier) for team in duty} == expected_on_duty(
                the_roster, sector_id, instant
            )
            ranks = [(team.tier, NAME_ORDER[team.team_id]) for team in duty]
            assert ranks == sorted(ranks)
            for team in duty:
                key = (team.team_id, team.tier)
                assert team.since <= instant < team.until
                assert key in expected_on_duty(the_roster, sector_id, team.since)
                assert key in expected_on_duty(the_roster, sector_id, team.until - TICK)
                if team.until - team.since < LOOKOUT:
                    assert key not in expected_on_duty(the_roster, sector_id, team.since - TICK)
                    assert key not in expected_on_duty(the_roster, sector_id, team.until)
        found = next_handoff(the_roster, sector_id, anchor + timedelta(minutes=offsets[0]))
        if found is not None:
            instant, incoming = found
            before = expected_on_duty(the_roster, sector_id, instant - TICK)
            assert before == expected_on_duty(
                the_roster, sector_id, anchor + timedelta(minutes=offsets[0])
            )
            assert {(team.team_id, team.tier) for team in incoming} != before
