"""Who is on duty and where nobody is, read from the database for one question."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import Sector
from operline.errors import InvalidInput
from operline.names import find_by_name
from operline.roster.engine import OnDuty, on_duty_teams
from operline.roster.gaps import CoverageGap, coverage_gaps
from operline.roster.store import load_roster


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


def on_duty_in(database: Database, sector_name: str, at: datetime) -> SectorDuty:
    """The teams on duty in the named sector (case and accents ignored) at ``at``."""
    with database.read() as session:
        sectors = session.scalars(select(Sector).where(Sector.active)).all()
        sector = find_by_name(sector_name, ((s.name, s) for s in sectors))
        if sector is None:
            known = ", ".join(s.name for s in sorted(sectors, key=lambda s: s.sort_order))
            raise InvalidInput(f"unknown sector {sector_name!r} (sectors: {known})")
        roster = load_roster(session)
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
