"""What the history's filters offer: every sector, team and place, retired ones included.

History keeps the sector, team and place a call was logged with, so a retired one is
still offered (and said to be retired).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import Facility, Sector, Team
from operline.names import fold_name


@dataclass(frozen=True)
class Choice:
    id: int
    name: str
    active: bool


@dataclass(frozen=True)
class HistoryChoices:
    sectors: tuple[Choice, ...]
    teams: tuple[Choice, ...]
    places: tuple[Choice, ...]


def history_choices(database: Database) -> HistoryChoices:
    """Sectors in the desk's order; teams and places by name, those in use first."""
    with database.read() as session:
        sectors = session.execute(
            select(Sector.id, Sector.name, Sector.active).order_by(Sector.sort_order, Sector.name)
        ).all()
        teams = session.execute(select(Team.id, Team.name, Team.active)).all()
        places = session.execute(select(Facility.id, Facility.name, Facility.active)).all()

    def by_name(rows: list[tuple[int, str, bool]]) -> tuple[Choice, ...]:
        ordered = sorted(rows, key=lambda row: (not row[2], fold_name(row[1]), row[0]))
        return tuple(Choice(*row) for row in ordered)

    return HistoryChoices(
        sectors=tuple(Choice(*row) for row in sectors),
        teams=by_name([tuple(row) for row in teams]),  # type: ignore[misc]
        places=by_name([tuple(row) for row in places]),  # type: ignore[misc]
    )
