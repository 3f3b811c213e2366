"""Reading the roster from the database into the engine's plain values.

History is kept in the rows themselves. A shift pattern or an exception is never deleted:
each row carries the instants of its life in the roster, ``recorded_at`` (it entered: an
add, an edit, an import) and ``retired_at`` (it left: deleted, edited, replaced by an
import; NULL while in force). An edit retires the old row and records a new one, and an
import retires the patterns it replaces and records the new ones at the instant of the
import, so the rows current at any past instant are exactly the roster as it stood then.
``valid_from``/``valid_until`` are another matter: the days a shift runs, as planned.

Two readings, one engine:

- ``load_roster``: the roster in force, for the screens that show or route by the present
  roster (the board, the call form's routing, gaps, the week view, the editor, export).
  Its rows count at every instant, past ones included: that is the roster as it is now.
- ``load_roster_as_stood``: every row that was in force at some instant of a period, each
  with its life, so the engine answers each instant of the period from the rows current
  at that instant (the day log, the "team on duty at intake" check, ``roster on-duty``).

Teams are read as they are now: a team retired since is never on duty, even in the past.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Column, ColumnElement, Select, or_, select
from sqlalchemy.orm import QueryableAttribute, Session

from operline.db.models import (
    RosterException,
    ShiftPattern,
    Team,
    roster_exception_sector,
    shift_pattern_sector,
)
from operline.paris_time import as_utc
from operline.roster.engine import (
    LOOKOUT,
    ChangeKind,
    Roster,
    RosterChange,
    TeamContact,
    WeeklyShift,
)

_KINDS: dict[str, ChangeKind] = {"off": "off", "replace": "replace", "add": "add"}
#: Around an instant asked about, how much history to read so that the unbroken duty
#: around it (``OnDuty.since``/``until``, at most ``LOOKOUT`` plus a week away) is whole.
AROUND = LOOKOUT * 2


def load_roster(session: Session, *, changes_ending_after: datetime | None = None) -> Roster:
    """The roster in force: the active teams, their weekly shifts and the exceptions.

    Exceptions over before ``changes_ending_after`` are left out, for callers that only ask
    about the present and future. Exceptions carry no tier in the database: an added team
    is tier 1.
    """
    patterns = select(ShiftPattern).where(ShiftPattern.retired_at.is_(None))
    exceptions = select(RosterException).where(RosterException.retired_at.is_(None))
    if changes_ending_after is not None:
        exceptions = exceptions.where(RosterException.ends_at > as_utc(changes_ending_after))
    return _read(session, patterns, exceptions, with_life=False)


def load_roster_as_stood(session: Session, start: datetime, end: datetime | None = None) -> Roster:
    """The roster as it stood at each instant of ``[start, end]`` (``end`` None: ``start``).

    Every shift and exception in force at some instant of the period, each with the
    instants of its life, so ``on_duty_teams`` at an instant of the period answers from the
    rows that were current at that instant. Questions about instants outside the period
    may miss rows; widen it by ``AROUND`` for ``OnDuty.since``/``until`` to be whole.
    """
    start = as_utc(start)
    end = start if end is None else as_utc(end)
    patterns = select(ShiftPattern).where(
        ShiftPattern.recorded_at <= end, _alive_after(ShiftPattern.retired_at, start)
    )
    exceptions = select(RosterException).where(
        RosterException.recorded_at <= end,
        _alive_after(RosterException.retired_at, start),
        RosterException.ends_at > start,
        RosterException.starts_at <= end,
    )
    return _read(session, patterns, exceptions, with_life=True)


def _alive_after(
    retired_at: QueryableAttribute[datetime | None], instant: datetime
) -> ColumnElement[bool]:
    return or_(retired_at.is_(None), retired_at > instant)


def _read(
    session: Session,
    patterns: Select[ShiftPattern],
    exceptions: Select[RosterException],
    *,
    with_life: bool,
) -> Roster:
    teams = {
        team.id: TeamContact(team.id, team.name, team.phone)
        for team in session.scalars(select(Team).where(Team.active).order_by(Team.id))
    }
    # Sorted here, not in SQL: an ORDER BY id would have SQLite walk the whole table, past
    # rows included, instead of the indexes on retired_at.
    pattern_rows = sorted(
        (row for row in session.scalars(patterns) if row.team_id in teams), key=lambda r: r.id
    )
    exception_rows = sorted(session.scalars(exceptions), key=lambda r: (r.starts_at, r.id))
    pattern_sectors = _sectors_by_owner(
        session, shift_pattern_sector.c.pattern_id, patterns.with_only_columns(ShiftPattern.id)
    )
    exception_sectors = _sectors_by_owner(
        session,
        roster_exception_sector.c.exception_id,
        exceptions.with_only_columns(RosterException.id),
    )
    nowhere: frozenset[int] = frozenset()
    shifts = tuple(
        WeeklyShift(
            team_id=pattern.team_id,
            tier=pattern.tier,
            weekdays=frozenset(day for day in range(7) if pattern.days & (1 << day)),
            start=pattern.start_time,
            end=pattern.end_time,
            sector_ids=None if pattern.all_sectors else pattern_sectors.get(pattern.id, nowhere),
            valid_from=pattern.valid_from,
            valid_until=pattern.valid_until,
            recorded_at=pattern.recorded_at if with_life else None,
            retired_at=pattern.retired_at if with_life else None,
        )
        for pattern in pattern_rows
    )
    changes = tuple(
        RosterChange(
            team_id=row.team_id,
            kind=_KINDS[row.kind],
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            sector_ids=None if row.all_sectors else exception_sectors.get(row.id, nowhere),
            replacement_team_id=row.replacement_team_id,
            recorded_at=row.recorded_at if with_life else None,
            retired_at=row.retired_at if with_life else None,
        )
        for row in exception_rows
    )
    return Roster(teams=teams, shifts=shifts, changes=changes)


def _sectors_by_owner(
    session: Session, owner: Column[int], owners: Select[int]
) -> dict[int, frozenset[int]]:
    # One query per link table rather than one per pattern or exception.
    found: defaultdict[int, set[int]] = defaultdict(set)
    sector = owner.table.c.sector_id
    for owner_id, sector_id in session.execute(select(owner, sector).where(owner.in_(owners))):
        found[owner_id].add(sector_id)
    return {owner_id: frozenset(sectors) for owner_id, sectors in found.items()}
