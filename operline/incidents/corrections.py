"""A supervisor corrects a call in the day log: one field or one stage time, with a reason.

The timeline stays append-only: a correction is one more line naming the field, the value
recorded before and the new one, the reason and who corrected; the lines it corrects stay
as they were, so the original is always there to read. Stage times keep their order
(received ≤ team contacted ≤ acknowledged ≤ on scene ≤ closed) and are never ahead of
now, by the same checks that record them. A correction to a day already signed off is
allowed, and its line is of the kind that flags it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction
from operline.changes import Changes, IncidentChange
from operline.codes import Category, Outcome, Priority, Status
from operline.day_sign_off import is_signed_off
from operline.db.engine import Database
from operline.db.models import Facility, Incident, IncidentEvent, Sector, Team
from operline.incidents.audited import audit_incident_write
from operline.incidents.conflicts import conflicts_recorded, stored_text
from operline.incidents.events import (
    EventKind,
    IncidentRefused,
    Refusal,
    refuse_control_characters,
)
from operline.incidents.intake import PERSONS_RANGE
from operline.incidents.stage_times import check_corrected_time
from operline.incidents.stages import locked_incident
from operline.paris_time import as_utc, format_paris, paris_date

#: The longest reason kept, as for a stage set back.
REASON_LIMIT = 300


class LogField(StrEnum):
    """What a correction may change; the values are the incident's column names."""

    RECEIVED_AT = "received_at"
    ROUTED_AT = "routed_at"
    ACKNOWLEDGED_AT = "acknowledged_at"
    ON_SCENE_AT = "on_scene_at"
    CLOSED_AT = "closed_at"
    SECTOR = "sector_id"
    CATEGORY = "category"
    PRIORITY = "priority"
    PERSONS = "persons"
    LOCATION = "location"
    CALLER = "caller_service"
    TEAM = "assigned_team_id"
    OUTCOME = "outcome"
    PLACE = "orientation_facility_id"


#: The stage whose time each time field holds (NEW: when the call came in).
STAGE_OF_TIME: dict[LogField, Status] = {
    LogField.RECEIVED_AT: Status.NEW,
    LogField.ROUTED_AT: Status.ROUTED,
    LogField.ACKNOWLEDGED_AT: Status.ACKNOWLEDGED,
    LogField.ON_SCENE_AT: Status.ON_SCENE,
    LogField.CLOSED_AT: Status.CLOSED,
}
_TEXT_LIMITS = {LogField.LOCATION: 200, LogField.CALLER: 120}

Value = datetime | int | str | None
_Code = TypeVar("_Code", Category, Priority, Outcome)


@dataclass(frozen=True)
class Correction:
    """The new value of one field, and why."""

    field: LogField
    value: Value
    reason: str
    #: With an outcome corrected to "oriented": the place the person was oriented to.
    place_id: int | None = None


@dataclass(frozen=True)
class Corrected:
    """The call after a correction."""

    incident_id: int
    reference: str
    version: int
    #: The correction touched a day already signed off: its line is flagged.
    after_sign_off: bool
    changes: Changes


def correct_incident(
    database: Database,
    incident_id: int,
    correction: Correction,
    *,
    version: int,
    actor: Actor,
    now: datetime,
) -> Corrected:
    """Write one correction and its timeline line; the audit log keeps who corrected what."""
    require(actor, Right.CORRECT_LOG)
    refuse_control_characters(correction.reason, Refusal.REASON_CONTROL_CHARACTER)
    reason = correction.reason.strip()[:REASON_LIMIT]
    if not reason:
        raise IncidentRefused(Refusal.CORRECTION_NEEDS_REASON)
    attempt = {correction.field.value: stored_text(correction.value)}
    if correction.place_id is not None:
        attempt[LogField.PLACE.value] = stored_text(correction.place_id)
    recorded = conflicts_recorded(database, incident_id, attempt, actor=actor, now=now)
    with recorded, database.write() as session:
        incident = locked_incident(session, incident_id, version)
        days = {paris_date(incident.received_at)}
        changed = _apply(session, incident, correction, now)
        days.add(paris_date(incident.received_at))
        flagged = any(is_signed_off(session, day) for day in days)
        kind = EventKind.CORRECTED_AFTER_SIGN_OFF if flagged else EventKind.CORRECTED
        for field, old, new in changed:
            session.add(
                IncidentEvent(
                    incident_id=incident.id,
                    at=now,
                    operator_id=actor.operator_id,
                    kind=kind.value,
                    field=field.value,
                    old_value=old,
                    new_value=new,
                    reason=reason,
                )
            )
        incident.updated_at = now
        audit_incident_write(session, actor, AuditAction.INCIDENT_CORRECT, incident, now=now)
        session.flush()
        return Corrected(
            incident.id,
            incident.reference,
            incident.version,
            flagged,
            Changes.of_incident(incident.id, IncidentChange.CORRECTED),
        )


#: What a correction changed: the field, its stored text before and after.
_Changed = list[tuple[LogField, str | None, str | None]]


def _apply(session: Session, incident: Incident, correction: Correction, now: datetime) -> _Changed:
    field, value = correction.field, correction.value
    if field in STAGE_OF_TIME:
        return _stage_time(incident, field, value, now)
    if field is LogField.OUTCOME:
        return _outcome(session, incident, value, correction.place_id)
    if correction.place_id is not None:
        raise IncidentRefused(Refusal.PLACE_ONLY_FOR_ORIENTATION)
    old = getattr(incident, field.value)
    new = _checked(session, incident, field, value)
    if new == old:
        raise IncidentRefused(Refusal.NOTHING_CHANGED)
    setattr(incident, field.value, new)
    return [(field, stored_text(old), stored_text(new))]


def _stage_time(incident: Incident, field: LogField, value: Value, now: datetime) -> _Changed:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise IncidentRefused(Refusal.VALUE_INVALID)
    old: datetime | None = getattr(incident, field.value)
    if old is None:
        raise IncidentRefused(Refusal.NO_STAGE_TIME, reference=incident.reference)
    at = as_utc(value)
    # The desk types minutes: a time equal to the minute is the one recorded.
    if format_paris(at, "%Y-%m-%d %H:%M") == format_paris(old, "%Y-%m-%d %H:%M"):
        raise IncidentRefused(Refusal.NOTHING_CHANGED)
    check_corrected_time(incident, STAGE_OF_TIME[field], at, now)
    setattr(incident, field.value, at)
    return [(field, stored_text(old), stored_text(at))]


def _outcome(session: Session, incident: Incident, value: Value, place_id: int | None) -> _Changed:
    if Status(incident.status) is not Status.CLOSED or incident.outcome is None:
        raise IncidentRefused(Refusal.OUTCOME_NOT_CLOSED, reference=incident.reference)
    outcome = _code(Outcome, value)
    if outcome is Outcome.ORIENTED:
        if place_id is None:
            raise IncidentRefused(Refusal.PLACE_NEEDED)
        _active_place(session, place_id)
    elif place_id is not None:
        raise IncidentRefused(Refusal.PLACE_ONLY_FOR_ORIENTATION)
    old_outcome, old_place = incident.outcome, incident.orientation_facility_id
    if outcome.value == old_outcome and place_id == old_place:
        raise IncidentRefused(Refusal.NOTHING_CHANGED)
    incident.outcome = outcome.value
    incident.orientation_facility_id = place_id
    changed: _Changed = []
    if outcome.value != old_outcome:
        changed.append((LogField.OUTCOME, old_outcome, outcome.value))
    if place_id != old_place:
        changed.append((LogField.PLACE, stored_text(old_place), stored_text(place_id)))
    return changed


def _checked(session: Session, incident: Incident, field: LogField, value: Value) -> object:
    """The value to store in ``field``, or a refusal saying why it cannot be."""
    match field:
        case LogField.SECTOR:
            sector = session.get(Sector, value) if isinstance(value, int) else None
            if sector is None or not sector.active:
                raise IncidentRefused(Refusal.SECTOR_UNKNOWN)
            return sector.id
        case LogField.CATEGORY:
            return _code(Category, value).value
        case LogField.PRIORITY:
            return _code(Priority, value).value
        case LogField.PERSONS:
            if not isinstance(value, int) or isinstance(value, bool):
                raise IncidentRefused(Refusal.VALUE_INVALID)
            if value not in PERSONS_RANGE:
                raise IncidentRefused(Refusal.PERSONS_RANGE)
            return value
        case LogField.LOCATION | LogField.CALLER:
            if value is not None and not isinstance(value, str):
                raise IncidentRefused(Refusal.VALUE_INVALID)
            refuse_control_characters(value or "", Refusal.TEXT_CONTROL_CHARACTER)
            text = " ".join((value or "").split())
            if len(text) > _TEXT_LIMITS[field]:
                raise IncidentRefused(Refusal.TEXT_TOO_LONG, limit=_TEXT_LIMITS[field])
            return text or None
        case LogField.TEAM:
            if incident.assigned_team_id is None:
                raise IncidentRefused(Refusal.NO_STAGE_TIME, reference=incident.reference)
            team = session.get(Team, value) if isinstance(value, int) else None
            if team is None or not team.active:
                raise IncidentRefused(Refusal.TEAM_UNKNOWN)
            return team.id
        case LogField.PLACE:
            if incident.outcome != Outcome.ORIENTED.value:
                raise IncidentRefused(Refusal.PLACE_ONLY_FOR_ORIENTATION)
            if not isinstance(value, int):
                raise IncidentRefused(Refusal.PLACE_UNKNOWN)
            return _active_place(session, value).id
    raise IncidentRefused(Refusal.VALUE_INVALID)  # a time or the outcome: handled above


def _code(kind: type[_Code], value: Value) -> _Code:
    if not isinstance(value, str):
        raise IncidentRefused(Refusal.VALUE_INVALID)
    try:
        return kind(value)
    except ValueError:
        raise IncidentRefused(Refusal.VALUE_INVALID) from None


def _active_place(session: Session, place_id: int) -> Facility:
    place = session.get(Facility, place_id)
    if place is None or not place.active:
        raise IncidentRefused(Refusal.PLACE_UNKNOWN)
    return place


@dataclass(frozen=True)
class CorrectionChoices:
    """What a correction can name: the active sectors, teams and places, by name."""

    sectors: tuple[tuple[int, str], ...]
    teams: tuple[tuple[int, str], ...]
    places: tuple[tuple[int, str], ...]


def correction_choices(database: Database) -> CorrectionChoices:
    """The active sectors, teams and places, in the order the desk lists them."""
    with database.read() as session:
        sectors = session.execute(
            select(Sector.id, Sector.name)
            .where(Sector.active)
            .order_by(Sector.sort_order, Sector.name)
        ).all()
        teams = session.execute(
            select(Team.id, Team.name).where(Team.active).order_by(Team.name)
        ).all()
        places = session.execute(
            select(Facility.id, Facility.name).where(Facility.active).order_by(Facility.name)
        ).all()
    return CorrectionChoices(
        tuple((row[0], row[1]) for row in sectors),
        tuple((row[0], row[1]) for row in teams),
        tuple((row[0], row[1]) for row in places),
    )
