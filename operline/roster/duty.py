"""Who is on duty and where nobody is, read from the database for one question.

``on_duty_as_stood`` is the answer the day log gives for each call: who was on duty for the
call's sector when it came in, as the roster stood then, whatever was edited, removed or
imported since (see ``operline.roster.store``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.db.models import Sector
from operline.errors import InvalidInput
from operline.names import find_by_name
from operline.paris_time import as_utc
from operline.roster.engine import DutyTeam, OnDuty, on_duty_teams
from operline.roster.gaps import CoverageGap, coverage_gaps
from operline.roster.store import AROUND, load_roster, load_roster_as_stood
from operline.sentences import QT_TRANSLATE_NOOP

#: A sector name that matches none of the database, with the names it holds.
UNKNOWN_SECTOR = QT_TRANSLATE_NOOP("RosterMessages", "unknown sector {name} (sectors: {known})")


@dataclass(frozen=True)
class SectorDuty:
    """The teams on duty in a sector at an instant, tier 1 first."""

    sector: str
    at: datetime
    teams: tuple[OnDuty, ...]


@dataclass(frozen=True)
class SectorGap:
    sector: str
    start: datetime
    end: datetime
    kind: str


def on_duty_as_stood(database: Database, sector_id: int, at: datetime) -> tuple[DutyTeam, ...]:
    """Who was on duty for a sector at an instant, as the roster stood at that instant.

    The teams with their tier, tier 1 first then by name; for an instant still to come,
    the roster in force. Names and phones are the teams' present ones.
    """
    with database.read() as session:
        return on_duty_as_stood_in(session, sector_id, at)


def on_duty_as_stood_in(session: Session, sector_id: int, at: datetime) -> tuple[DutyTeam, ...]:
    """``on_duty_as_stood`` within a session already open (the write that logs a call)."""
    roster = load_roster_as_stood(session, at)
    return tuple(_duty_team(duty) for duty in on_duty_teams(roster, sector_id, at))


def duties_as_stood(
    database: Database, questions: Sequence[tuple[int, datetime]]
) -> list[tuple[DutyTeam, ...]]:
    """``on_duty_as_stood`` for each (sector id, instant), reading the roster's history once."""
    if not questions:
        return []
    instants = [as_utc(at) for _, at in questions]
    with database.read() as session:
        roster = load_roster_as_stood(session, min(instants), max(instants))
    return [
        tuple(_duty_team(duty) for duty in on_duty_teams(roster, sector_id, at))
        for (sector_id, _), at in zip(questions, instants, strict=True)
    ]


def _duty_team(duty: OnDuty) -> DutyTeam:
    return DutyTeam(duty.team_id, duty.name, duty.phone, duty.tier)


def on_duty_in(database: Database, sector_name: str, at: datetime) -> SectorDuty:
    """The teams on duty in the named sector (case and accents ignored) at ``at``.

    As the roster stood at ``at``; each team's unbroken duty around it as the roster
    stood through that time.
    """
    with database.read() as session:
        sectors = session.scalars(select(Sector).where(Sector.active)).all()
        sector = find_by_name(sector_name, ((s.name, s) for s in sectors))
        if sector is None:
            known = ", ".join(s.name for s in sorted(sectors, key=lambda s: s.sort_order))
            raise InvalidInput(UNKNOWN_SECTOR, name=repr(sector_name), known=known)
        roster = load_roster_as_stood(session, at - AROUND, at + AROUND)
        return SectorDuty(sector.name, at, tuple(on_duty_teams(roster, sector.id, at)))


def gaps_between(
    database: Database, start: datetime, end: datetime, *, now: datetime
) -> list[SectorGap]:
    """Every coverage gap of the active sectors between two instants, never before ``now``."""
    with database.read() as session:
        sectors = sorted(
            session.scalars(select(Sector).where(Sector.active)).all(),
            key=lambda s: (s.sort_order, s.name),
        )
        roster = load_roster(session)
    names = {s.id: s.name for s in sectors}
    order = {s.id: index for index, s in enumerate(sectors)}
    gaps: list[CoverageGap] = coverage_gaps(
        roster, [s.id for s in sectors], start=start, end=end, now=now
    )
    gaps.sort(key=lambda g: (order[g.sector_id], g.start, g.kind))
    return [SectorGap(names[g.sector_id], g.start, g.end, g.kind) for g in gaps]
