"""Loading the Paris reference data into an empty database: sectors, teams, places,
operators and the weekly shifts, by batched inserts that return their ids."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from operline import reference_data as ref
from operline.db.models import (
    Facility,
    Operator,
    Sector,
    ShiftPattern,
    Team,
    sector_neighbour,
    shift_pattern_sector,
)


@dataclass(frozen=True)
class LoadedReference:
    sector_ids: Mapping[str, int]
    team_ids: Mapping[str, int]
    facility_ids: Mapping[str, int]
    operator_ids: Mapping[str, int]
    operators_added: int
    shift_patterns: int


def table_of(model: type[object]) -> Table:
    table = getattr(model, "__table__")  # noqa: B009 - mapped classes carry their Table
    assert isinstance(table, Table)
    return table


def insert_ids(session: Session, table: Table, rows: Sequence[Mapping[str, object]]) -> list[int]:
    """Insert a few reference rows and return their new ids, in the rows' order."""
    if not rows:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(session.execute(statement, rows).scalars())


def load_reference_data(session: Session, *, created_at: datetime) -> LoadedReference:
    sector_ids = _named_ids(
        ref.SECTORS,
        insert_ids(
            session,
            table_of(Sector),
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
    team_ids = _named_ids(ref.TEAMS, insert_ids(session, table_of(Team), team_rows))
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
    facility_ids = _named_ids(
        ref.FACILITIES, insert_ids(session, table_of(Facility), facility_rows)
    )
    operator_ids, operators_added = _load_operators(session, created_at)
    _load_shifts(session, created_at, sector_ids, team_ids)
    return LoadedReference(
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
            insert_ids(session, table_of(Operator), rows),
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
    pattern_ids = insert_ids(session, table_of(ShiftPattern), rows)
    links = [
        {"pattern_id": pattern_id, "sector_id": sector_ids[name]}
        for pattern_id, shift in zip(pattern_ids, ref.SHIFTS, strict=True)
        for name in shift.sectors or ()
    ]
    if links:
        session.execute(insert(shift_pattern_sector), links)
