"""Short ways to write rosters and instants in roster tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from hypothesis import strategies as st

from operline.paris_time import parse_instant
from operline.roster.engine import (
    ChangeKind,
    Roster,
    RosterChange,
    TeamContact,
    WeeklyShift,
    on_duty_teams,
)

NAMES = {
    1: "Aurore",
    2: "Boréal",
    3: "Cap Nord",
    4: "Équipe Est",
    5: "Zénith",
    6: "Ourcq Nuit",
}
DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
EVERY_DAY = "mon tue wed thu fri sat sun"

#: The nights the clocks change in Paris: (spring Sunday, autumn Sunday) per year.
DST_SUNDAYS = {
    2025: (date(2025, 3, 30), date(2025, 10, 26)),
    2026: (date(2026, 3, 29), date(2026, 10, 25)),
    2027: (date(2027, 3, 28), date(2027, 10, 31)),
}
SPRING_SUNDAYS = [spring for spring, _ in DST_SUNDAYS.values()]
AUTUMN_SUNDAYS = [autumn for _, autumn in DST_SUNDAYS.values()]


def at(text: str) -> datetime:
    """An instant: ISO with an offset, or an unambiguous Paris wall time ("2026-03-29T04:00")."""
    return parse_instant(text)


def shift(
    team_id: int,
    days: str,
    start: str,
    end: str,
    *,
    tier: int = 1,
    sectors: Iterable[int] | None = None,
    valid_from: date | None = None,
    valid_until: date | None = None,
) -> WeeklyShift:
    """``shift(1, "mon tue", "20:00", "08:00", sectors=[1])``."""
    return WeeklyShift(
        team_id=team_id,
        tier=tier,
        weekdays=frozenset(DAYS[day] for day in days.split()),
        start=time.fromisoformat(start),
        end=time.fromisoformat(end),
        sector_ids=None if sectors is None else frozenset(sectors),
        valid_from=valid_from,
        valid_until=valid_until,
    )


def change(
    team_id: int,
    kind: ChangeKind,
    starts_at: str,
    ends_at: str,
    *,
    sectors: Iterable[int] | None = None,
    replacement: int | None = None,
    tier: int = 1,
) -> RosterChange:
    return RosterChange(
        team_id=team_id,
        kind=kind,
        starts_at=at(starts_at),
        ends_at=at(ends_at),
        sector_ids=None if sectors is None else frozenset(sectors),
        replacement_team_id=replacement,
        tier=tier,
    )


def roster(
    *shifts: WeeklyShift,
    changes: Iterable[RosterChange] = (),
    phones: dict[int, str | None] | None = None,
    teams: Iterable[int] | None = None,
) -> Roster:
    """A roster of the teams in ``NAMES`` (or ``teams``), each with a phone unless told."""
    numbers = {team_id: f"+3361234560{team_id}" for team_id in NAMES}
    numbers.update(phones or {})
    known = NAMES if teams is None else teams
    return Roster(
        teams={i: TeamContact(i, NAMES[i], numbers[i]) for i in known},
        shifts=tuple(shifts),
        changes=tuple(changes),
    )


def names(the_roster: Roster, sector_id: int, when: str | datetime) -> list[str]:
    """Who is on duty, by name, in the order the desk sees them."""
    instant = at(when) if isinstance(when, str) else when
    return [team.name for team in on_duty_teams(the_roster, sector_id, instant)]


# Random rosters for property tests, around the clock changes where mistakes hide.
ANCHORS = [datetime.combine(sunday, time(), UTC) for sunday in (*SPRING_SUNDAYS, *AUTUMN_SUNDAYS)]
wall_times = st.one_of(
    st.sampled_from([time(0), time(2), time(2, 30), time(3), time(8), time(20), time(23, 30)]),
    st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
)
some_sectors = st.one_of(st.none(), st.frozensets(st.integers(1, 2), min_size=1))


@st.composite
def weekly_shifts(draw: st.DrawFn, anchor: datetime) -> WeeklyShift:
    near = st.integers(-3, 3).map(lambda days: anchor.date() + timedelta(days=days))
    valid_from = draw(st.one_of(st.none(), near))
    valid_until = draw(st.one_of(st.none(), near.filter(lambda d: d >= (valid_from or d))))
    return WeeklyShift(
        team_id=draw(st.integers(1, 6)),
        tier=draw(st.integers(1, 2)),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        start=draw(wall_times),
        end=draw(wall_times),
        sector_ids=draw(some_sectors),
        valid_from=valid_from,
        valid_until=valid_until,
    )


@st.composite
def roster_changes(draw: st.DrawFn, anchor: datetime) -> RosterChange:
    starts_at = anchor + timedelta(minutes=draw(st.integers(-4 * 24 * 60, 4 * 24 * 60)))
    team_id = draw(st.integers(1, 6))
    kind = draw(st.sampled_from(["off", "replace", "add"]))
    replacement = draw(st.integers(1, 6).filter(lambda other: other != team_id))
    return RosterChange(
        team_id=team_id,
        kind=kind,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=draw(st.integers(1, 2 * 24 * 60))),
        sector_ids=draw(some_sectors),
        replacement_team_id=replacement if kind == "replace" else None,
        tier=draw(st.integers(1, 2)),
    )


@st.composite
def random_rosters(draw: st.DrawFn) -> tuple[Roster, datetime]:
    anchor = draw(st.sampled_from(ANCHORS))
    the_roster = roster(
        *draw(st.lists(weekly_shifts(anchor), max_size=6)),
        changes=draw(st.lists(roster_changes(anchor), max_size=4)),
        teams=draw(st.frozensets(st.integers(1, 6), min_size=4)),
        phones=draw(st.dictionaries(st.integers(1, 6), st.none(), max_size=2)),
    )
    return the_roster, anchor
