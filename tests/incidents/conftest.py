"""A desk with the Paris reference data and roster, no calls yet, at a controlled time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from operline import reference_data as ref
from operline.actors import Actor
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Facility, Operator, Sector, Team
from operline.demo import fill_demo_database
from operline.roster.engine import OnDuty, on_duty_teams
from operline.roster.store import load_roster
from tests.actors import WORKSTATION

#: A Wednesday, 22:00 in Paris: the night teams are on duty.
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Desk:
    database: Database
    sectors: dict[str, int]
    teams: dict[str, int]
    places: dict[str, int]
    operator_id: int
    #: That operator, signed in at the test workstation.
    actor: Actor

    def on_duty(self, sector: str, at: datetime = NOW) -> list[OnDuty]:
        with self.database.read() as session:
            return on_duty_teams(load_roster(session), self.sectors[sector], at)


@pytest.fixture
def desk(database: Database) -> Desk:
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=NOW)
    with database.read() as session:
        sectors = dict(session.execute(select(Sector.name, Sector.id)).all())
        teams = dict(session.execute(select(Team.name, Team.id)).all())
        places = dict(session.execute(select(Facility.name, Facility.id)).all())
        operator = session.scalars(select(Operator).order_by(Operator.id)).first()
        assert operator is not None
        actor = Actor(operator.id, operator.name, OperatorRole(operator.role), WORKSTATION)
    assert ref.STALINGRAD in sectors
    return Desk(database, sectors, teams, places, operator.id, actor)
