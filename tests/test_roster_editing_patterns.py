"""Weekly shift patterns through the roster editor's services, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.roster.editing import (
    SCHEDULE,
    PatternDraft,
    Problem,
    RosterEditRefused,
    add_shift_pattern,
    check_shift_pattern,
    delete_shift_pattern,
    list_shift_patterns,
    retire_sector,
    retire_team,
    update_shift_pattern,
)
from operline.roster.editing_overlaps import shifts_meet
from operline.roster.engine import WeeklyShift, on_duty_teams, shift_occurrence
from operline.roster.store import load_roster

from .test_roster_editing import (
    ACTOR,
    EVERY_DAY,
    KARIM,
    NOW,
    audit_rows,
    codes,
    sector,
    team,
    warning_codes,
)


def night(team_id: int, sectors: frozenset[int] | None, **changes: object) -> PatternDraft:
    draft = PatternDraft(team_id, 1, EVERY_DAY, time(20), time(8), sectors)
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_a_night_pattern_puts_the_team_on_duty_past_midnight(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    team_id = team(database, "Maraude de nuit")

    saved = add_shift_pattern(
        database, night(team_id, frozenset({stalingrad}), weekdays=frozenset({4})),
        actor=ACTOR, now=NOW,
    )  # fmt: skip

    assert (saved.team, saved.sectors, saved.weekdays) == (
        "Maraude de nuit",
        ("Stalingrad",),
        frozenset({4}),
    )
    assert list_shift_patterns(database) == [saved]
    with database.read() as session:
        roster = load_roster(session)
    saturday_3am = datetime(2026, 11, 28, 2, tzinfo=UTC)
    assert [d.name for d in on_duty_teams(roster, stalingrad, saturday_3am)] == ["Maraude de nuit"]
    assert audit_rows(database)[-1] == (
        ACTOR.audit_name,
        "roster.pattern.add",
        f"pattern {saved.id}",
    )


def test_pattern_fields_are_checked(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    gone = team(database, "Ancienne équipe")
    retire_team(database, gone, actor=ACTOR, now=NOW)

    nothing = PatternDraft(None, 3, frozenset(), time(8), time(20), frozenset())
    retired = night(gone, frozenset({stalingrad, 999}))
    backwards = night(
        team(database, "Maraude"),
        None,
        valid_from=date(2026, 12, 1),
        valid_until=date(2026, 11, 30),
    )

    assert codes(check_shift_pattern(database, nothing)) == [
        ("team", Problem.REQUIRED),
        ("tier", Problem.TIER_INVALID),
        ("weekdays", Problem.DAYS_MISSING),
        ("sectors", Problem.SECTORS_MISSING),
    ]
    assert codes(check_shift_pattern(database, retired)) == [
        ("team", Problem.TEAM_RETIRED),
        ("sectors", Problem.SECTOR_UNKNOWN),
    ]
    assert codes(check_shift_pattern(database, backwards)) == [
        ("valid_until", Problem.UNTIL_BEFORE_FROM)
    ]
    with pytest.raises(RosterEditRefused):
        add_shift_pattern(database, backwards, actor=ACTOR, now=NOW)
    assert list_shift_patterns(database) == []


def test_a_pattern_naming_a_retired_sector_is_only_warned_about(database: Database) -> None:
    forceval = sector(database, "Forceval")
    retire_sector(database, forceval, actor=ACTOR, now=NOW)

    check = check_shift_pattern(database, night(team(database, "Maraude"), frozenset({forceval})))

    assert check.ok
    assert warning_codes(check) == [("sectors", Problem.SECTOR_RETIRED)]


def test_a_team_booked_twice_on_the_same_night_and_sector_is_warned_about(
    database: Database,
) -> None:
    stalingrad, eole = sector(database, "Stalingrad"), sector(database, "Éole")
    team_id = team(database, "Maraude de nuit")
    first = add_shift_pattern(
        database, night(team_id, frozenset({stalingrad}), weekdays=frozenset({6})),
        actor=ACTOR, now=NOW,
    )  # fmt: skip

    # Monday 06:00–10:00 meets the Sunday night that ends Monday 08:00.
    monday_morning = night(team_id, None, weekdays=frozenset({0}), start=time(6), end=time(10))
    elsewhere = night(team_id, frozenset({eole}), weekdays=frozenset({6}))
    check = check_shift_pattern(database, monday_morning)

    assert check.ok
    assert warning_codes(check) == [(SCHEDULE, Problem.SAME_TEAM_OVERLAP)]
    assert check.warnings[0].message == (
        "This team already works then: Sun 20:00–08:00 in Stalingrad."
    )
    assert ("pattern_id", str(first.id)) in check.warnings[0].values
    assert warning_codes(check_shift_pattern(database, elsewhere)) == []
    assert warning_codes(check_shift_pattern(database, first.draft(), pattern_id=first.id)) == []


def test_new_hours_from_the_first_of_the_month_are_not_an_overlap(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    team_id = team(database, "Maraude")
    until_30th = date(2026, 11, 30)
    add_shift_pattern(
        database, night(team_id, None, start=time(8), end=time(20), valid_until=until_30th),
        actor=ACTOR, now=NOW,
    )  # fmt: skip
    add_shift_pattern(
        database, night(team_id, None, weekdays=frozenset({0}), valid_until=until_30th),
        actor=ACTOR, now=NOW,
    )  # fmt: skip

    later = night(team_id, frozenset({stalingrad}), start=time(9), end=time(21))
    # The last Monday night, from the 30th, runs until 08:00 on Tuesday the 1st.
    early_start = replace(later, start=time(7), valid_from=date(2026, 12, 1))

    def warned(draft: PatternDraft) -> list[str]:
        check = check_shift_pattern(database, draft)
        return [dict(problem.values)["start"] for problem in check.warnings]

    assert warned(replace(later, valid_from=date(2026, 12, 1))) == []
    assert warned(replace(later, valid_from=until_30th)) == ["20:00", "08:00"]
    assert warned(early_start) == ["20:00"]


def test_two_teams_called_first_in_one_sector_at_once_are_warned_about(
    database: Database,
) -> None:
    stalingrad = sector(database, "Stalingrad")
    maraude, uasa = team(database, "Maraude"), team(database, "UASA binôme 1", phone="")
    add_shift_pattern(database, night(maraude, frozenset({stalingrad})), actor=ACTOR, now=NOW)

    first_call = night(uasa, None, start=time(21), end=time(23))
    backup = replace(first_call, tier=2)

    check = check_shift_pattern(database, first_call)
    assert warning_codes(check) == [
        ("team", Problem.TEAM_NO_PHONE),
        (SCHEDULE, Problem.FIRST_CALL_OVERLAP),
    ]
    assert check.warnings[1].message == (
        "Maraude is also called first then: Mon Tue Wed Thu Fri Sat Sun 20:00–08:00 in Stalingrad."
    )
    assert warning_codes(check_shift_pattern(database, backup)) == [("team", Problem.TEAM_NO_PHONE)]


def test_updating_and_deleting_a_pattern_are_audited_with_what_it_said(
    database: Database,
) -> None:
    stalingrad = sector(database, "Stalingrad")
    team_id = team(database, "Maraude")
    saved = add_shift_pattern(database, night(team_id, None), actor=ACTOR, now=NOW)

    moved = update_shift_pattern(
        database, saved.id, night(team_id, frozenset({stalingrad}), tier=2),
        actor=ACTOR, now=NOW,
    )  # fmt: skip
    # The change is a new row: the pattern as it was is no longer there to delete.
    with pytest.raises(RosterEditRefused):
        delete_shift_pattern(database, saved.id, actor=KARIM, now=NOW)
    deleted = delete_shift_pattern(database, moved.id, actor=KARIM, now=NOW)

    assert (moved.tier, moved.sectors) == (2, ("Stalingrad",))
    assert moved.id != saved.id
    assert deleted == moved
    assert list_shift_patterns(database) == []
    with database.read() as session:
        details = dict(
            session.execute(
                select(AuditLog.action, AuditLog.details).where(
                    AuditLog.action.startswith("roster.pattern.")
                )
            ).all()
        )
    assert details["roster.pattern.update"] == (
        f"tier: 1 → 2; sectors: '*' → 'Stalingrad'; now pattern {moved.id}"
    )
    assert "days: '*'; start: '20:00'; end: '08:00'" in details["roster.pattern.delete"]
    assert audit_rows(database)[-1] == (
        KARIM.audit_name,
        "roster.pattern.delete",
        f"pattern {moved.id}",
    )


# Overlaps, against the engine's own idea of when a shift runs


WINTER_MONDAY = date(2026, 1, 5)  # no change of clocks for weeks either side

clock_times = st.builds(time, st.integers(0, 23), st.sampled_from([0, 30]))
validity_days = st.one_of(
    st.none(), st.integers(0, 20).map(lambda n: WINTER_MONDAY + timedelta(days=n))
)


@st.composite
def weekly_shifts(draw: st.DrawFn) -> WeeklyShift:
    bounds = sorted([draw(validity_days), draw(validity_days)], key=lambda d: d or date.min)
    return WeeklyShift(
        team_id=1,
        tier=1,
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        start=draw(clock_times),
        end=draw(clock_times),
        sector_ids=None,
        valid_from=bounds[0] if bounds[0] and bounds[1] else draw(validity_days),
        valid_until=bounds[1] if bounds[0] and bounds[1] else None,
    )


@settings(max_examples=300, deadline=None)
@given(weekly_shifts(), weekly_shifts())
def test_shifts_meet_exactly_when_the_engine_runs_them_at_once(
    a: WeeklyShift, b: WeeklyShift
) -> None:
    days = [WINTER_MONDAY + timedelta(days=n) for n in range(-9, 35)]
    runs_a = [r for r in (shift_occurrence(a, day) for day in days) if r]
    runs_b = [r for r in (shift_occurrence(b, day) for day in days) if r]
    engine_says = any(s1 < e2 and s2 < e1 for s1, e1 in runs_a for s2, e2 in runs_b)

    assert shifts_meet(a, b) == engine_says
