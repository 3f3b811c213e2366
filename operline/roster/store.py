"""Reading the roster from the database into the engine's plain values."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from operline.db.models import (
    RosterException,
    ShiftPattern,
    Team,
    roster_exception_sector,
    shift_pattern_sector,
)
from operline.paris_time import as_utc
from operline.roster.engine import ChangeKind, Roster, RosterChange, TeamContact, WeeklyShift

_KINDS: dict[str, ChangeKind] = {"off": "off", "replace": "replace", "add": "add"}


def load_roster(session: Session, *, changes_ending_after: datetime | None = None) -> Roster:
    """The roster of the active teams: their weekly shifts and the exceptions.

    Exceptions over before ``changes_ending_after`` are left out, for callers that only ask
    about the present and future. Exceptions carry no tier in the database: an added team
    is tier 1.
    """
    teams = {
        team.id: TeamContact(team.id, team.name, team.phone)
        for team in session.scalars(select(Team).where(Team.active).order_by(Team.id))
    }
    pattern_sectors = _sectors_by_owner(session, shift_pattern_sector, "pattern_id")
    nowhere: frozenset[int] = frozenset()
    shifts = tuple(
        WeeklyShift(
            team_id=pattern.team_id,
            tier=pattern.tier,
            weekdays=frozenset(day for day in range(7) if pattern.days & (1 << day)),
            start=pattern.start_time,
            end=pattern.end_time,
            sector_ids=None
            if pattern.all_sectors
            else pattern_sectors.get(pattern.id, frozenset()),
            valid_from=pattern.valid_from,
            valid_until=pattern.valid_until,
        )
        for pattern in session.scalars(select(ShiftPattern).order_by(ShiftPattern.id))
        if pattern.team_id in teams
    )
    query = select(RosterException).order_by(RosterException.starts_at, RosterException.id)
    if changes_ending_after is not None:
        query = query.where(RosterException.ends_at > as_utc(changes_ending_after))
    exception_sectors = _sectors_by_owner(session, roster_exception_sector, "exception_id")
    changes = tuple(
        RosterChange(
            team_id=row.team_id,
            kind=_KINDS[row.kind],
            starts_at=row.starts_at,
            ends_at=row.ends_at,
            sector_ids=None if row.all_sectors else exception_sectors.get(row.id, nowhere),
            replacement_team_id=row.replacement_team_id,
        )
        for row in session.scalars(query)
    )
    return Roster(teams=teams, shifts=shifts, changes=changes)


def _sectors_by_owner(session: Session, table: Table, owner: str) -> dict[int, frozenset[int]]:
    # One query per link table rather than one per pattern or exception.
    found: defaultdict[int, set[int]] = defaultdict(set)
    for owner_id, sector_id in session.execute(select(table.c[owner], table.c.sector_id)):
        found[owner_id].add(sector_id)
    return {owner_id: frozenset(sectors) for owner_id, sectors in found.items()}
