"""Filling an empty database with the Paris reference data and plausible incidents.

Backs ``operline demo``: a training or benchmark database that looks like a real desk's,
from the same seed always the same. Rows go in by batched executemany in one
transaction, so a million incidents take minutes, not hours, and a failure leaves the
database as it was.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.orm import Session

from operline import reference_data as ref
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import (
    AuditLog,
    Facility,
    Incident,
    IncidentEvent,
    Operator,
    ReferenceCounter,
    Sector,
    ShiftPattern,
    Team,
    sector_neighbour,
    shift_pattern_sector,
)
from operline.demo_incidents import DemoSetting, IncidentPlanner, PlannedIncident
from operline.errors import InvalidInput
from operline.incidents.suggestions import SuggestionTally
from operline.paris_time import as_utc
from operline.roster.engine import Roster
from operline.roster.store import load_roster

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


@dataclass(frozen=True)
class _Loaded:
    sector_ids: Mapping[str, int]
    team_ids: Mapping[str, int]
    facility_ids: Mapping[str, int]
    operator_ids: Mapping[str, int]
    operators_added: int
    shift_patterns: int


def fill_demo_database(
    database: Database, *, incidents: int = 2000, weeks: int = 8, seed: int = 1, now: datetime
) -> DemoSummary:
    """Load the Paris reference data and ``incidents`` calls over the ``weeks`` before now.

    Refuses a database that already holds reference data or incidents.
    """
    if incidents < 0:
        raise InvalidInput(f"The number of demo incidents must be 0 or more, not {incidents}.")
    if weeks < 1:
        raise InvalidInput(f"The demo needs at least 1 week of history, not {weeks}.")
    now = as_utc(now)
    rng = random.Random(seed)
    with database.write() as session:
        _refuse_filled(session, database.name)
        # The reference data existed before the first call of the demo history.
        loaded = _load_reference_data(session, created_at=now - timedelta(weeks=weeks, days=1))
        setting = _setting(loaded, load_roster(session))
        planner = IncidentPlanner(setting, rng, now)
        written, events, still_open = _write_incidents(session, planner.plan(incidents, weeks))
        session.execute(
            insert(_table(AuditLog)).values(
                at=now,
                operator_id=None,
                actor=DEMO_ACTOR,
                action="demo_filled",
                target=None,
                details=f"{written} incidents over {weeks} weeks, seed {seed}",
            )
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
        with database.errors(), database.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")


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
            f"The database {where} already holds {listed}; the demo only fills an "
            "empty database, so nothing was changed."
        )


def _table(model: type[object]) -> Table:
    table = getattr(model, "__table__")  # noqa: B009 - mapped classes carry their Table
    assert isinstance(table, Table)
    return table


def _insert_ids(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> list[int]:
    """Insert a few reference rows and return their new ids, in the rows' order."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def _load_reference_data(session: Session, *, created_at: datetime) -> _Loaded:
    sector_ids = _named_ids(
        ref.SECTORS,
        _insert_ids(
            session,
            _table(Sector),
            [
                {
                    "name": s.name,
                    "active": True,
                    "sort_order": s.sort_order,
                    "created_at": created_at,
                }
                for s in ref.SECTORS
            ],
        ),
    )
    neighbours = [
        {"sector_id": sector_ids[s.name], "neighbour_id": sector_ids[other]}
        for s in ref.SECTORS
        for other in s.neighbours
    ]
    if neighbours:
        session.execute(insert(sector_neighbour), neighbours)
    team_rows = [
        {
            "name": team.name,
            "organisation": team.organisation,
            "phone": team.phone,
            "active": True,
            "created_at": created_at,
        }
        for team in ref.TEAMS
    ]
    team_ids = _named_ids(ref.TEAMS, _insert_ids(session, _table(Team), team_rows))
    facility_rows = [
        {
            "name": place.name,
            "kind": place.kind,
            "address": place.address,
            "phone": place.phone,
            "capacity": place.capacity,
            "opening_hours": place.opening_hours,
            "active": place.active,
            "created_at": created_at,
        }
        for place in ref.FACILITIES
    ]
    facility_ids = _named_ids(ref.FACILITIES, _insert_ids(session, _table(Facility), facility_rows))
    operator_ids, operators_added = _load_operators(session, created_at)
    _load_shifts(session, created_at, sector_ids, team_ids)
    return _Loaded(
        sector_ids=sector_ids,
        team_ids=team_ids,
        facility_ids=facility_ids,
        operator_ids=operator_ids,
        operators_added=operators_added,
        shift_patterns=len(ref.SHIFTS),
    )


def _named_ids(
    specs: Iterable[ref.SectorSpec | ref.TeamSpec | ref.FacilitySpec], ids: list[int]
) -> dict[str, int]:
    return {spec.name: id_ for spec, id_ in zip(specs, ids, strict=True)}


def _load_operators(session: Session, created_at: datetime) -> tuple[dict[str, int], int]:
    """Add the demo desk staff; someone already signed up under a name is kept as is."""
    existing = {name: id_ for name, id_ in session.execute(select(Operator.name, Operator.id))}
    missing = [spec for spec in ref.OPERATORS if spec.name not in existing]
    rows = [
        {
            "name": spec.name,
            "role": spec.role.value,
            "active": True,
            "password_hash": None,
            "created_at": created_at,
        }
        for spec in missing
    ]
    added = dict(
        zip(
            (spec.name for spec in missing),
            _insert_ids(session, _table(Operator), rows),
            strict=True,
        )
    )
    return {**existing, **added}, len(missing)


def _load_shifts(
    session: Session,
    created_at: datetime,
    sector_ids: Mapping[str, int],
    team_ids: Mapping[str, int],
) -> None:
    rows = [
        {
            "team_id": team_ids[shift.team],
            "tier": shift.tier,
            "days": shift.days_mask,
            "start_time": shift.start,
            "end_time": shift.end,
            "all_sectors": shift.sectors is None,
            "valid_from": None,
            "valid_until": None,
            "created_at": created_at,
        }
        for shift in ref.SHIFTS
    ]
    pattern_ids = _insert_ids(session, _table(ShiftPattern), rows)
    links = [
        {"pattern_id": pattern_id, "sector_id": sector_ids[name]}
        for pattern_id, shift in zip(pattern_ids, ref.SHIFTS, strict=True)
        for name in shift.sectors or ()
    ]
    if links:
        session.execute(insert(shift_pattern_sector), links)


def _setting(loaded: _Loaded, roster: Roster) -> DemoSetting:
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
        session.execute(insert(_table(Incident)), rows)
        timeline = [
            {**event, "incident_id": incident_id}
            for planned, incident_id in zip(batch, ids, strict=True)
            for event in planned.events
        ]
        session.execute(insert(_table(IncidentEvent)), timeline)
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
    counter = _table(ReferenceCounter)
    for year, last in sorted(counters.items()):
        if year in known_years:
            session.execute(update(counter).where(counter.c.year == year).values(last_number=last))
        else:
            session.execute(insert(counter).values(year=year, last_number=last))
    return incidents, events, still_open
