"""Filling an empty database with the Paris reference data and plausible incidents.

Backs ``operline demo``: a training or benchmark database that looks like a real desk's,
from the same seed always the same. Rows go in by batched executemany in one
transaction, so a million incidents take minutes, not hours, and a failure leaves the
database as it was.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from operline import reference_data as ref
from operline.audit import AuditAction, append_audit_entry
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import (
    Base,
    Facility,
    Incident,
    IncidentEvent,
    ReferenceCounter,
    Sector,
    ShiftPattern,
    Team,
)
from operline.db.search_index import indexed_at_the_end
from operline.demo.incidents import DemoSetting, IncidentPlanner, PlannedIncident
from operline.demo.reference import LoadedReference, load_reference_data
from operline.errors import InvalidInput
from operline.incidents.suggestions import SuggestionTally
from operline.paris_reference import table_of
from operline.paris_time import as_utc
from operline.roster.engine import Roster
from operline.roster.store import load_roster
from operline.sentences import QT_TRANSLATE_NOOP

#: Incidents per executemany; their events go in right after, in one statement too.
BATCH_SIZE = 5000
DEMO_ACTOR = "operline demo"


@dataclass(frozen=True)
class DemoSummary:
    """What the demo filler wrote."""

    sectors: int
    teams: int
    facilities: int
    shift_patterns: int
    operators: int
    incidents: int
    events: int
    open_incidents: int


def fill_demo_database(
    database: Database, *, incidents: int = 2000, weeks: int = 8, seed: int = 1, now: datetime
) -> DemoSummary:
    """Load the Paris reference data and ``incidents`` calls over the ``weeks`` before now.

    Refuses a database that already holds reference data or incidents.
    """
    if incidents < 0:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "DemoMessages", "The number of demo incidents must be 0 or more, not {count}."
            ),
            count=incidents,
        )
    if weeks < 1:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "DemoMessages", "The demo needs at least 1 week of history, not {weeks}."
            ),
            weeks=weeks,
        )
    now = as_utc(now)
    rng = random.Random(seed)
    with database.write() as session:
        _refuse_filled(session, database.name)
        # The reference data existed before the first call of the demo history.
        loaded = load_reference_data(session, created_at=now - timedelta(weeks=weeks, days=1))
        setting = _setting(loaded, load_roster(session))
        planner = IncidentPlanner(setting, rng, now)
        # The free-text index is built once at the end: row by row, it doubles the time.
        with indexed_at_the_end(session):
            written, events, still_open = _write_incidents(session, planner.plan(incidents, weeks))
        append_audit_entry(
            session,
            at=now,
            operator_id=None,
            actor=DEMO_ACTOR,
            action=AuditAction.DEMO_FILLED,
            details=f"{written} incidents over {weeks} weeks, seed {seed}",
        )
    _refresh_planner_statistics(database)
    return DemoSummary(
        sectors=len(ref.SECTORS),
        teams=len(ref.TEAMS),
        facilities=len(ref.FACILITIES),
        shift_patterns=loaded.shift_patterns,
        operators=loaded.operators_added,
        incidents=written,
        events=events,
        open_incidents=still_open,
    )


def _refresh_planner_statistics(database: Database) -> None:
    # After a bulk load PostgreSQL's planner still believes the tables empty and would scan
    # them rather than use the partial index of open calls, until autovacuum catches up.
    if database.url.get_backend_name() == "postgresql":
        # The demo's own tables (in the schema it fills), not every table of the database:
        # on a server shared by many schemas that outlasts the statement timeout.
        with database.errors(), database.engine.connect() as connection:
            quote = connection.dialect.identifier_preparer.quote
            tables = ", ".join(quote(table.name) for table in Base.metadata.sorted_tables)
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                f"ANALYZE {tables}"
            )
    else:
        # SQLite picks among the history's indexes by their statistics; a sample will do.
        with database.errors(), database.engine.begin() as connection:
            connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
            connection.exec_driver_sql("ANALYZE")


def _refuse_filled(session: Session, where: str) -> None:
    checked = (
        ("sectors", Sector.id),
        ("teams", Team.id),
        ("places", Facility.id),
        ("shift patterns", ShiftPattern.id),
        ("incidents", Incident.id),
    )
    held = [what for what, column in checked if session.scalar(select(column).limit(1)) is not None]
    if held:
        listed = held[0] if len(held) == 1 else f"{', '.join(held[:-1])} and {held[-1]}"
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "DemoMessages",
                "The database {where} already holds {listed}; the demo only fills an "
                "empty database, so nothing was changed.",
            ),
            where=where,
            listed=listed,
        )


def _setting(loaded: LoadedReference, roster: Roster) -> DemoSetting:
    by_order = sorted(ref.SECTORS, key=lambda s: s.sort_order)
    order = {s.name: s.sort_order for s in ref.SECTORS}
    ids = loaded.sector_ids
    return DemoSetting(
        sector_ids=ids,
        sector_order=tuple(ids[s.name] for s in by_order),
        neighbours={
            ids[s.name]: tuple(ids[n] for n in sorted(s.neighbours, key=order.__getitem__))
            for s in ref.SECTORS
        },
        team_kinds={loaded.team_ids[team.name]: team.kind for team in ref.TEAMS},
        facility_ids=loaded.facility_ids,
        desk_operator_ids=tuple(
            loaded.operator_ids[spec.name]
            for spec in ref.OPERATORS
            if spec.role is OperatorRole.OPERATOR
        ),
        roster=roster,
    )


def _write_incidents(session: Session, plans: Iterable[PlannedIncident]) -> tuple[int, int, int]:
    """Insert incidents batch by batch with their references and events; return the counts."""
    counters: dict[int, int] = {
        year: last
        for year, last in session.execute(
            select(ReferenceCounter.year, ReferenceCounter.last_number)
        )
    }
    known_years = set(counters)
    incidents = events = still_open = 0
    # Ids are given here rather than returned by the database: SQLite can only return
    # ids of a multi-row insert one row at a time, which would triple the run time.
    next_id = (session.scalar(select(func.max(Incident.id))) or 0) + 1
    batch: list[PlannedIncident] = []
    # The form's suggestions are counted as the desk would, then written in a few statements.
    suggestions = SuggestionTally()

    def flush() -> None:
        nonlocal incidents, events, still_open, next_id
        rows = []
        for planned in batch:
            number = counters.get(planned.year, 0) + 1
            counters[planned.year] = number
            rows.append({**planned.row, "reference": f"OPL-{planned.year}-{number:06d}"})
            row = planned.row
            suggestions.add(
                sector_id=row["sector_id"],  # type: ignore[arg-type]
                caller_service=row["caller_service"],  # type: ignore[arg-type]
                location=row["location"],  # type: ignore[arg-type]
                at=row["received_at"],  # type: ignore[arg-type]
            )
        ids = range(next_id, next_id + len(rows))
        for row, incident_id in zip(rows, ids, strict=True):
            row["id"] = incident_id
        session.execute(insert(table_of(Incident)), rows)
        timeline = [
            {**event, "incident_id": incident_id}
            for planned, incident_id in zip(batch, ids, strict=True)
            for event in planned.events
        ]
        session.execute(insert(table_of(IncidentEvent)), timeline)
        incidents += len(batch)
        events += len(timeline)
        still_open += sum(1 for planned in batch if planned.is_open)
        next_id += len(batch)
        batch.clear()

    for planned in plans:
        batch.append(planned)
        if len(batch) >= BATCH_SIZE:
            flush()
    if batch:
        flush()
    suggestions.write(session)
    if incidents and session.get_bind().dialect.name == "postgresql":
        # Given ids leave the id sequence behind; the desk's next call must not collide.
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('incident', 'id'), :last)"),
            {"last": next_id - 1},
        )
    counter = table_of(ReferenceCounter)
    for year, last in sorted(counters.items()):
        if year in known_years:
            session.execute(update(counter).where(counter.c.year == year).values(last_number=last))
        else:
            session.execute(insert(counter).values(year=year, last_number=last))
    return incidents, events, still_open
