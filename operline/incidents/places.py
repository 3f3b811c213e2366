"""Places people can be oriented to, and how many places they reported free tonight."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.changes import Changes
from operline.db.engine import Database
from operline.db.models import Facility, FacilityReport
from operline.incidents.events import IncidentRefused, Refusal

#: A report older than this says nothing about tonight.
REPORT_FRESHNESS = timedelta(hours=12)

#: What a report of free places changes: the places' room, nothing else.
PLACES_CHANGED = Changes(places=True)


@dataclass(frozen=True)
class PlaceRoom:
    """A place, its capacity, and its latest fresh report of free places if any."""

    facility_id: int
    name: str
    kind: str
    capacity: int | None
    free_places: int | None
    reported_at: datetime | None

    @property
    def has_room(self) -> bool | None:
        """True or False when a fresh report says, None when nobody knows tonight."""
        return None if self.free_places is None else self.free_places > 0


@dataclass(frozen=True)
class PlacesReported:
    """A report of free places just recorded, and what it changed."""

    place: PlaceRoom
    changes: Changes = PLACES_CHANGED


def places_with_room(database: Database, *, now: datetime) -> list[PlaceRoom]:
    """Active places, those reported with room first, then unknown, then full."""
    latest = (
        select(FacilityReport.facility_id, func.max(FacilityReport.reported_at).label("at"))
        .where(FacilityReport.reported_at > now - REPORT_FRESHNESS)
        .group_by(FacilityReport.facility_id)
        .subquery()
    )
    query = (
        select(Facility, FacilityReport.free_places, FacilityReport.reported_at)
        .outerjoin(latest, latest.c.facility_id == Facility.id)
        .outerjoin(
            FacilityReport,
            (FacilityReport.facility_id == Facility.id)
            & (FacilityReport.reported_at == latest.c.at),
        )
        .where(Facility.active)
    )
    with database.read() as session:
        rows = session.execute(query).all()
    places = [
        PlaceRoom(facility.id, facility.name, facility.kind, facility.capacity, free, at)
        for facility, free, at in rows
    ]
    order = {True: 0, None: 1, False: 2}
    return sorted(places, key=lambda p: (order[p.has_room], p.name))


def report_free_places(
    database: Database,
    facility_id: int,
    free_places: int,
    *,
    actor: Actor,
    reported_at: datetime,
) -> PlacesReported:
    """Record how many places a team or the place itself reported free."""
    require(actor, Right.HANDLE_CALLS)
    with database.write() as session:
        facility = session.get(Facility, facility_id)
        if facility is None or not facility.active:
            raise IncidentRefused(Refusal.PLACE_UNKNOWN)
        if free_places < 0 or (facility.capacity is not None and free_places > facility.capacity):
            raise IncidentRefused(Refusal.FREE_PLACES, capacity=facility.capacity or "?")
        session.add(
            FacilityReport(
                facility_id=facility_id,
                free_places=free_places,
                reported_at=reported_at,
                operator_id=actor.operator_id,
            )
        )
        write_audit(
            session,
            actor,
            AuditAction.PLACES_REPORT,
            now=reported_at,
            target=facility.name,
            details=f"free_places: {free_places}",
        )
        return PlacesReported(
            PlaceRoom(
                facility.id,
                facility.name,
                facility.kind,
                facility.capacity,
                free_places,
                reported_at,
            )
        )
