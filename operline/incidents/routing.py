"""Whom the desk can route a call to: the sector's teams on duty, and where to look next.

When nobody covers the sector, the operator looks at the neighbouring sectors' teams, then
at the backup teams on duty anywhere, and may hand the call to any active team with a
reason (the routing service asks for it). Everything comes from ``on_duty_teams``, so this
list, the board and the routing rule never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import Sector, sector_neighbour
from operline.names import fold_name
from operline.roster.board import active_sectors
from operline.roster.engine import OnDuty, TeamContact, on_duty_teams
from operline.roster.store import load_roster


@dataclass(frozen=True)
class SectorChoice:
    """An active sector a call can be logged in."""

    sector_id: int
    name: str


@dataclass(frozen=True)
class NeighbourDuty:
    """A neighbouring sector and its teams on duty, tier 1 first."""

    sector_id: int
    sector: str
    teams: tuple[OnDuty, ...]


@dataclass(frozen=True)
class RoutingChoices:
    """The teams a call of a sector can go to at an instant, nearest first.

    A team appears once, in the first group that holds it: the sector's own teams, then
    the neighbours', then the backups on duty elsewhere, then every other active team.
    """

    sector_id: int
    at: datetime
    on_duty: tuple[OnDuty, ...]
    neighbours: tuple[NeighbourDuty, ...]
    backups: tuple[OnDuty, ...]
    other_teams: tuple[TeamContact, ...]

    @property
    def nobody_on_duty(self) -> bool:
        return not self.on_duty

    @property
    def first_call(self) -> tuple[OnDuty, ...]:
        return tuple(team for team in self.on_duty if team.tier == 1)


def intake_sectors(database: Database) -> list[SectorChoice]:
    """The active sectors, in the desk's order."""
    with database.read() as session:
        return [SectorChoice(sector_id, name) for sector_id, name in active_sectors(session)]


def routing_choices(database: Database, sector_id: int, at: datetime) -> RoutingChoices:
    """The teams on duty for a sector at ``at``, its neighbours', backups, then the rest."""
    with database.read() as session:
        roster = load_roster(session, changes_ending_after=at)
        sectors = active_sectors(session)
        links = session.execute(
            select(sector_neighbour.c.sector_id, sector_neighbour.c.neighbour_id).where(
                (sector_neighbour.c.sector_id == sector_id)
                | (sector_neighbour.c.neighbour_id == sector_id)
            )
        ).all()
        names = dict(session.execute(select(Sector.id, Sector.name)).all())
    # Neighbours are stored one way or both; either way they border each other.
    bordering = {a if b == sector_id else b for a, b in links}
    seen: set[int] = set()

    def first_time(teams: list[OnDuty]) -> tuple[OnDuty, ...]:
        fresh = tuple(team for team in teams if team.team_id not in seen)
        seen.update(team.team_id for team in fresh)
        return fresh

    on_duty = first_time(on_duty_teams(roster, sector_id, at))
    neighbours = []
    for neighbour_id, _ in sectors:
        if neighbour_id in bordering:
            teams = first_time(on_duty_teams(roster, neighbour_id, at))
            if teams:
                neighbours.append(NeighbourDuty(neighbour_id, names[neighbour_id], teams))
    backups: list[OnDuty] = []
    for other_id, _ in sectors:
        backups.extend(team for team in on_duty_teams(roster, other_id, at) if team.tier > 1)
    backups.sort(key=lambda team: (team.tier, fold_name(team.name)))
    unique_backups = first_time(_once_each(backups))
    others = sorted(
        (team for team in roster.teams.values() if team.team_id not in seen),
        key=lambda team: fold_name(team.name),
    )
    return RoutingChoices(
        sector_id=sector_id,
        at=at,
        on_duty=on_duty,
        neighbours=tuple(neighbours),
        backups=unique_backups,
        other_teams=tuple(others),
    )


def _once_each(teams: list[OnDuty]) -> list[OnDuty]:
    kept: dict[int, OnDuty] = {}
    for team in teams:
        kept.setdefault(team.team_id, team)
    return list(kept.values())
