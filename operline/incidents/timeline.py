"""An incident's detail and its whole timeline, read from the append-only event rows.

Opening an incident is a consultation of the history: the audit log records who did.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline.actors import Actor, Right, require, require_recent
from operline.audit import AuditAction, write_audit
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import (
    Facility,
    Incident,
    IncidentEvent,
    Operator,
    Sector,
    Team,
)
from operline.incidents.events import EventKind, IncidentRefused, Refusal

#: Fields whose values are ids, shown by name.
_TEAM_FIELDS = ("assigned_team_id",)
_FACILITY_FIELDS = ("orientation_facility_id",)
_SECTOR_FIELDS = ("sector_id",)


@dataclass(frozen=True)
class TimelineLine:
    at: datetime
    kind: EventKind
    operator: str | None
    field: str | None
    old_value: str | None
    new_value: str | None
    reason: str | None


@dataclass(frozen=True)
class IncidentDetail:
    incident_id: int
    reference: str
    version: int
    received_at: datetime
    caller_service: str | None
    callback_number: str | None
    sector_id: int
    location: str | None
    category: Category
    priority: Priority
    persons: int
    notes: str | None
    status: Status
    team_id: int | None
    team_on_duty_at_intake: bool
    outcome: Outcome | None
    facility_id: int | None
    routed_at: datetime | None
    acknowledged_at: datetime | None
    on_scene_at: datetime | None
    closed_at: datetime | None
    timeline: tuple[TimelineLine, ...]
    #: Names as the desk reads them, so a screen needs no second query.
    sector: str = ""
    team: str | None = None
    facility: str | None = None


def read_incident(
    database: Database, incident_id: int, *, actor: Actor, now: datetime
) -> IncidentDetail:
    """The incident and its timeline in time order; the consultation is audited.

    An operator opens the calls received in the last 24 hours (``require_recent``), and
    any call still open: the board lists it, and the operator follows it up.
    """
    require(actor, Right.CONSULT_HISTORY)
    with database.write() as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise IncidentRefused(Refusal.NOT_FOUND)
        if incident.status == Status.CLOSED.value:
            require_recent(actor, incident.received_at, now=now)
        operators = dict(session.execute(select(Operator.id, Operator.name)).all())
        teams = {str(k): v for k, v in session.execute(select(Team.id, Team.name))}
        places = {str(k): v for k, v in session.execute(select(Facility.id, Facility.name))}
        sectors = {str(k): v for k, v in session.execute(select(Sector.id, Sector.name))}
        events = session.scalars(
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == incident_id)
            .order_by(IncidentEvent.at, IncidentEvent.id)
        ).all()

        def shown(field: str | None, value: str | None) -> str | None:
            if value is None:
                return None
            if field in _TEAM_FIELDS:
                return teams.get(value, value)
            if field in _FACILITY_FIELDS:
                return places.get(value, value)
            if field in _SECTOR_FIELDS:
                return sectors.get(value, value)
            return value

        timeline = tuple(
            TimelineLine(
                at=event.at,
                kind=EventKind(event.kind),
                operator=operators.get(event.operator_id) if event.operator_id else None,
                field=event.field,
                old_value=shown(event.field, event.old_value),
                new_value=shown(event.field, event.new_value),
                reason=event.reason,
            )
            for event in events
        )
        write_audit(session, actor, AuditAction.INCIDENT_VIEW, now=now, target=incident.reference)
        sector = session.get(Sector, incident.sector_id)
        return IncidentDetail(
            incident_id=incident.id,
            reference=incident.reference,
            version=incident.version,
            received_at=incident.received_at,
            caller_service=incident.caller_service,
            callback_number=incident.callback_number,
            sector_id=incident.sector_id,
            location=incident.location,
            category=Category(incident.category),
            priority=Priority(incident.priority),
            persons=incident.persons,
            notes=incident.notes,
            status=Status(incident.status),
            team_id=incident.assigned_team_id,
            team_on_duty_at_intake=incident.team_on_duty_at_intake,
            outcome=Outcome(incident.outcome) if incident.outcome else None,
            facility_id=incident.orientation_facility_id,
            routed_at=incident.routed_at,
            acknowledged_at=incident.acknowledged_at,
            on_scene_at=incident.on_scene_at,
            closed_at=incident.closed_at,
            timeline=timeline,
            sector=sector.name if sector is not None else "",
            team=shown("assigned_team_id", _text(incident.assigned_team_id)),
            facility=shown("orientation_facility_id", _text(incident.orientation_facility_id)),
        )


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)
