"""Seeding a new desk with the Paris reference data: sectors, teams, places, weekly shifts.

The same rows the demo starts from (``operline.reference_data``), without its fictional
staff or calls: a real desk's first administrator can start from them and edit them.
Seeding is refused, and nothing written, once the database holds any sector, team,
place or shift: it never merges into reference data a supervisor already keeps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from operline import reference_data as ref
from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import (
    Facility,
    Sector,
    ShiftPattern,
    Team,
    sector_neighbour,
    shift_pattern_sector,
)
from operline.errors import InvalidInput
from operline.sentences import QT_TRANSLATE_NOOP, Sentence, Template

_SECTORS = QT_TRANSLATE_NOOP("ReferenceMessages", "sectors")
_TEAMS = QT_TRANSLATE_NOOP("ReferenceMessages", "teams")
_PLACES = QT_TRANSLATE_NOOP("ReferenceMessages", "places")
_SHIFTS = QT_TRANSLATE_NOOP("ReferenceMessages", "shift patterns")
_AND = QT_TRANSLATE_NOOP("ReferenceMessages", "{first} and {last}")
_THEN = QT_TRANSLATE_NOOP("ReferenceMessages", "{first}, {rest}")
_ALREADY_HELD = QT_TRANSLATE_NOOP(
    "ReferenceMessages",
    "The database {where} already holds {listed}; the Paris reference data only goes into "
    "a database without any, so nothing was changed.",
)


@dataclass(frozen=True)
class PlacedReference:
    """The ids of the reference rows just written, by name, and of the shifts in order."""

    sector_ids: Mapping[str, int]
    team_ids: Mapping[str, int]
    facility_ids: Mapping[str, int]
    pattern_ids: tuple[int, ...]


@dataclass(frozen=True)
class ParisReferenceSeeded:
    """What the seeding wrote: the names of the sectors, teams and places, and the shifts."""

    sectors: tuple[str, ...]
    teams: tuple[str, ...]
    places: tuple[str, ...]
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


def reference_held(session: Session) -> list[Template]:
    """Which kinds of reference rows the database already holds, named for a sentence."""
    checked = (
        (_SECTORS, Sector.id),
        (_TEAMS, Team.id),
        (_PLACES, Facility.id),
        (_SHIFTS, ShiftPattern.id),
    )
    return [what for what, column in checked if session.scalar(select(column).limit(1)) is not None]


def listed(held: list[Template]) -> Template | Sentence:
    """``sectors``, ``sectors and teams``, ``sectors, teams and places``, in any language."""
    if len(held) == 1:
        return held[0]
    told: Sentence = _AND(first=held[-2], last=held[-1])
    for earlier in reversed(held[:-2]):
        told = _THEN(first=earlier, rest=told)
    return told


def seed_paris_reference(
    database: Database, *, actor: Actor, now: datetime
) -> ParisReferenceSeeded:
    """Write the Paris sectors, teams, places and weekly shifts, each audited; no calls.

    Refused when the database already holds any of them (see the module's docstring).
    """
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        held = reference_held(session)
        if held:
            raise InvalidInput(_ALREADY_HELD, where=database.name, listed=listed(held))
        placed = place_paris_reference(session, created_at=now)
        audited = (
            (AuditAction.SECTOR_ADD, "sector", placed.sector_ids),
            (AuditAction.TEAM_ADD, "team", placed.team_ids),
            (AuditAction.FACILITY_ADD, "facility", placed.facility_ids),
        )
        for action, kind, ids in audited:
            for name, row_id in ids.items():
                write_audit(
                    session,
                    actor,
                    action,
                    now=now,
                    target=f"{kind} {row_id}",
                    details=f"name: {name!r} (Paris reference data)",
                )
        for pattern_id, shift in zip(placed.pattern_ids, ref.SHIFTS, strict=True):
            write_audit(
                session,
                actor,
                AuditAction.PATTERN_ADD,
                now=now,
                target=f"pattern {pattern_id}",
                details=f"team: {shift.team!r} (Paris reference data)",
            )
    return ParisReferenceSeeded(
        sectors=tuple(placed.sector_ids),
        teams=tuple(placed.team_ids),
        places=tuple(placed.facility_ids),
        shift_patterns=len(placed.pattern_ids),
    )


def place_paris_reference(session: Session, *, created_at: datetime) -> PlacedReference:
    """Insert the Paris reference rows into a database that holds none, by batched inserts."""
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
    pattern_ids = _place_shifts(session, created_at, sector_ids, team_ids)
    return PlacedReference(sector_ids, team_ids, facility_ids, pattern_ids)


def _named_ids(
    specs: Iterable[ref.SectorSpec | ref.TeamSpec | ref.FacilitySpec], ids: list[int]
) -> dict[str, int]:
    return {spec.name: id_ for spec, id_ in zip(specs, ids, strict=True)}


def _place_shifts(
    session: Session,
    created_at: datetime,
    sector_ids: Mapping[str, int],
    team_ids: Mapping[str, int],
) -> tuple[int, ...]:
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
    return tuple(pattern_ids)
