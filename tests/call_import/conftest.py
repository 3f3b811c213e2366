"""A desk with the Paris reference data and roster, no calls yet, and call log files."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from operline.actors import Actor
from operline.call_import.service import CallImport, import_calls
from operline.db.engine import Database
from operline.db.models import Facility, Sector, Team
from operline.demo import fill_demo_database
from tests.actors import COMMAND_LINE

#: A Wednesday evening in Paris, after the earlier log ends.
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
HEADER = "received_at;sector;category;team;acknowledged_at;closed_at;outcome;orientation"


@dataclass(frozen=True)
class Desk:
    database: Database
    sectors: dict[str, int]
    teams: dict[str, int]
    places: dict[str, int]

    def run(
        self,
        text: str | bytes,
        *,
        actor: Actor = COMMAND_LINE,
        skip_invalid: bool = False,
        dry_run: bool = False,
        encoding: str = "utf-8",
    ) -> CallImport:
        content = text.encode(encoding) if isinstance(text, str) else text
        return import_calls(
            self.database,
            content,
            file_name="journal-2024.csv",
            actor=actor,
            now=NOW,
            skip_invalid=skip_invalid,
            dry_run=dry_run,
        )


@pytest.fixture
def desk(database: Database) -> Desk:
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=NOW)
    with database.read() as session:
        sectors = dict(session.execute(select(Sector.name, Sector.id)).all())
        teams = dict(session.execute(select(Team.name, Team.id)).all())
        places = dict(session.execute(select(Facility.name, Facility.id)).all())
    return Desk(database, sectors, teams, places)


def problems_of(result: CallImport) -> list[str]:
    return [str(problem) for problem in result.problems]
