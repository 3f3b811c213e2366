"""Whom the desk can route a call to: the sector's teams on duty, and where to look next.

When nobody covers the sector, the operator looks at the neighbouring sectors' teams, then
at the backup teams on duty anywhere, and may hand the call to any active team with a
reason (the routing service asks for it). Everything comes from ``on_duty_teams``, so this
list, the board and the routing rule never disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from difflib import SequenceMatcher

from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import Sector, sector_neighbour
from operline.names import fold_name
from operline.reference_data import HORS_SECTEUR
from operline.roster.board import active_sectors
from operline.roster.engine import OnDuty, TeamContact, next_handoff, on_duty_teams
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
    #: The first handoff after ``at`` in any sector: until then this answer stays true
    #: (unless the roster is edited). None when nothing changes within the engine's look-out.
    holds_until: datetime | None = None

    def holds_at(self, instant: datetime) -> bool:
        """Whether the same teams, in the same order, would be proposed at ``instant``."""
        return self.at <= instant and (self.holds_until is None or instant < self.holds_until)

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


#: How alike a typed name and a sector's must be (difflib's ratio) to propose the sector.
CLOSE_ENOUGH = 0.7
#: At most this many sectors are proposed for a name that names none.
NEAREST_LIMIT = 3


@dataclass(frozen=True)
class SectorSuggestions:
    """What to propose for a typed name that names no sector.

    ``nearest`` holds the closest active sectors, nearest first; when none is close,
    ``outside`` is the active "Hors secteur" (a call can come from outside the sectors).
    """

    nearest: tuple[SectorChoice, ...]
    outside: SectorChoice | None


def nearest_sectors(typed: str, sectors: Sequence[SectorChoice]) -> SectorSuggestions:
    """The active sectors closest to a mistyped name, accents and case ignored."""
    wanted = fold_name(typed)
    scored: list[tuple[float, float, int, SectorChoice]] = []
    for position, sector in enumerate(sectors):
        name = fold_name(sector.name)
        score = _closeness(wanted, name)
        if score >= CLOSE_ENOUGH:
            # Equally close by a word, the name closest as a whole comes first.
            whole = SequenceMatcher(None, wanted, name).ratio()
            scored.append((score, whole, position, sector))
    scored.sort(key=lambda found: (-found[0], -found[1], found[2]))
    nearest = tuple(found[3] for found in scored[:NEAREST_LIMIT])
    if nearest:
        return SectorSuggestions(nearest, None)
    outside = fold_name(HORS_SECTEUR)
    return SectorSuggestions((), next((s for s in sectors if fold_name(s.name) == outside), None))


def _closeness(wanted: str, name: str) -> float:
    """The best likeness of ``wanted`` to the name, one of its words, or its start.

    A crew says "la Chapelle" or "Ourcq" as often as the whole name, and an operator
    types the first letters: each of those is compared, the best counts.
    """
    if len(wanted) < 2:
        return 0.0
    words = name.replace("'", " ").replace("-", " ").split()
    compared = {name, name[: len(wanted)]}
    compared.update(" ".join(words[start:]) for start in range(len(words)))
    compared.update(word for word in words if len(word) >= 3)
    return max(SequenceMatcher(None, wanted, other).ratio() for other in compared)


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
    handoffs = [found[0] for s, _ in sectors if (found := next_handoff(roster, s, at))]
    return RoutingChoices(
        sector_id=sector_id,
        at=at,
        on_duty=on_duty,
        neighbours=tuple(neighbours),
        backups=unique_backups,
        other_teams=tuple(others),
        holds_until=min(handoffs, default=None),
    )


def _once_each(teams: list[OnDuty]) -> list[OnDuty]:
    kept: dict[int, OnDuty] = {}
    for team in teams:
        kept.setdefault(team.team_id, team)
    return list(kept.values())
