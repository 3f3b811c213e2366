"""Following an incident: routed, acknowledged, on scene, closed; reassigned; notes.

Each action checks the incident has not changed at another desk (its version), writes the
change and its timeline lines in one transaction, and names the operator. A stage time
may be set back in time with a reason, never before the previous stage, never ahead.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction
from operline.changes import Changes, IncidentChange
from operline.codes import Outcome, Status
from operline.db.engine import Database
from operline.db.models import Facility, Incident, IncidentEvent, Team
from operline.incidents.audited import audit_incident_write
from operline.incidents.conflicts import Attempt, conflicts_recorded, stored_text
from operline.incidents.events import (
    EventKind,
    IncidentChanged,
    IncidentRefused,
    Refusal,
    refuse_control_characters,
)
from operline.incidents.intake import NOTES_LIMIT
from operline.incidents.stage_times import STAGE_COLUMN, check_stage_time
from operline.roster.duty import on_duty_as_stood_in
from operline.roster.engine import on_duty_teams
from operline.roster.store import load_roster

#: A stage time older than this is a correction, and needs a reason.
BACKDATING_NEEDS_REASON = timedelta(minutes=2)

#: The stage each stage follows.
_COMES_AFTER = {
    Status.ROUTED: Status.NEW,
    Status.ACKNOWLEDGED: Status.ROUTED,
    Status.ON_SCENE: Status.ACKNOWLEDGED,
}
_STILL_WITH_A_TEAM = (Status.ROUTED, Status.ACKNOWLEDGED, Status.ON_SCENE)


@dataclass(frozen=True)
class IncidentState:
    """An incident after an action: what the board and the detail need to redraw."""

    incident_id: int
    reference: str
    status: Status
    version: int
    assigned_team_id: int | None
    received_at: datetime
    routed_at: datetime | None
    acknowledged_at: datetime | None
    on_scene_at: datetime | None
    closed_at: datetime | None
    outcome: Outcome | None
    #: What the action changed, for the screens to redraw.
    changes: Changes


@dataclass(frozen=True)
class Action:
    """Who acts, when the thing happened, and why when it needs saying."""

    actor: Actor
    at: datetime
    now: datetime
    reason: str = ""


def route_incident(
    database: Database, incident_id: int, team_id: int, *, version: int, action: Action
) -> IncidentState:
    """Record that a team was contacted; a team not on duty needs a reason."""
    require(action.actor, Right.HANDLE_CALLS)
    attempt = _attempt(action, Status.ROUTED, assigned_team_id=team_id)
    with _recorded(database, incident_id, attempt, action), database.write() as session:
        incident = locked_incident(session, incident_id, version)
        _require_status(incident, (Status.NEW,), "routed")
        team = _active_team(session, team_id)
        # The panel proposed the teams on duty when the call came in; a handoff since then
        # does not make routing to them a matter needing a reason.
        on_duty = _on_duty(session, team.id, incident.sector_id, incident.received_at, action.at)
        if not on_duty and not _reason(action):
            raise IncidentRefused(Refusal.TEAM_NOT_ON_DUTY, team=team.name)
        _check_time(incident, Status.ROUTED, action)
        incident.assigned_team_id = team.id
        _set_stage(session, incident, Status.ROUTED, action)
        _event(session, incident, action, EventKind.ASSIGNED, "assigned_team_id", None, team.id)
        audit_incident_write(
            session, action.actor, AuditAction.INCIDENT_ROUTE, incident, now=action.now
        )
        return incident_state(session, incident, IncidentChange.TEAM)


def advance_incident(
    database: Database, incident_id: int, stage: Status, *, version: int, action: Action
) -> IncidentState:
    """Record that the team acknowledged, or is on scene."""
    if stage not in (Status.ACKNOWLEDGED, Status.ON_SCENE):
        raise ValueError(f"advance_incident moves to acknowledged or on_scene, not {stage}")
    require(action.actor, Right.HANDLE_CALLS)
    attempt = _attempt(action, stage)
    with _recorded(database, incident_id, attempt, action), database.write() as session:
        incident = locked_incident(session, incident_id, version)
        _require_status(incident, (_COMES_AFTER[stage],), stage.value)
        _check_time(incident, stage, action)
        _set_stage(session, incident, stage, action)
        audit_incident_write(
            session, action.actor, AuditAction.INCIDENT_ADVANCE, incident, now=action.now
        )
        return incident_state(session, incident, IncidentChange.STAGE)


def close_incident(
    database: Database,
    incident_id: int,
    outcome: Outcome,
    *,
    facility_id: int | None,
    version: int,
    action: Action,
) -> IncidentState:
    """Close with an outcome; an orientation names the place the person was oriented to."""
    require(action.actor, Right.HANDLE_CALLS)
    attempt = _attempt(
        action, Status.CLOSED, outcome=outcome.value, orientation_facility_id=facility_id
    )
    with _recorded(database, incident_id, attempt, action), database.write() as session:
        incident = locked_incident(session, incident_id, version)
        if incident.status == Status.CLOSED.value:
            raise IncidentRefused(Refusal.ALREADY_CLOSED, reference=incident.reference)
        if outcome is Outcome.ORIENTED:
            if facility_id is None:
                raise IncidentRefused(Refusal.PLACE_NEEDED)
            facility = session.get(Facility, facility_id)
            if facility is None or not facility.active:
                raise IncidentRefused(Refusal.PLACE_UNKNOWN)
        elif facility_id is not None:
            raise IncidentRefused(Refusal.PLACE_ONLY_FOR_ORIENTATION)
        _check_time(incident, Status.CLOSED, action)
        incident.outcome = outcome.value
        incident.orientation_facility_id = facility_id
        _set_stage(session, incident, Status.CLOSED, action)
        if facility_id is not None:
            _event(
                session,
                incident,
                action,
                EventKind.UPDATED,
                "orientation_facility_id",
                None,
                facility_id,
            )
        _event(session, incident, action, EventKind.CLOSED, "outcome", None, outcome.value)
        audit_incident_write(
            session, action.actor, AuditAction.INCIDENT_CLOSE, incident, now=action.now
        )
        return incident_state(session, incident, IncidentChange.STAGE)


def reassign_incident(
    database: Database, incident_id: int, team_id: int, *, version: int, action: Action
) -> IncidentState:
    """Hand the incident to another team, with a reason; it waits for that team's answer."""
    require(action.actor, Right.HANDLE_CALLS)
    if not _reason(action):
        raise IncidentRefused(Refusal.REASON_NEEDED)
    attempt = _attempt(action, Status.ROUTED, assigned_team_id=team_id)
    with _recorded(database, incident_id, attempt, action), database.write() as session:
        incident = locked_incident(session, incident_id, version)
        _require_status(incident, _STILL_WITH_A_TEAM, "reassigned")
        team = _active_team(session, team_id)
        if team.id == incident.assigned_team_id:
            raise IncidentRefused(Refusal.SAME_TEAM, team=team.name)
        _check_time(incident, Status.ACKNOWLEDGED, action)
        previous_team = incident.assigned_team_id
        previous_status = Status(incident.status)
        incident.assigned_team_id = team.id
        # The new team has neither accepted nor arrived: the call waits for its answer, and
        # delays count from when it was contacted (the timeline keeps the first contact).
        incident.status = Status.ROUTED.value
        incident.routed_at = action.at
        incident.acknowledged_at = None
        incident.on_scene_at = None
        incident.updated_at = action.now
        _event(
            session,
            incident,
            action,
            EventKind.REASSIGNED,
            "assigned_team_id",
            previous_team,
            team.id,
        )
        if previous_status is not Status.ROUTED:
            _event(session, incident, action, EventKind.STAGE, "status", previous_status, "routed")
        audit_incident_write(
            session, action.actor, AuditAction.INCIDENT_REASSIGN, incident, now=action.now
        )
        return incident_state(session, incident, IncidentChange.TEAM)


def add_note(
    database: Database, incident_id: int, text: str, *, actor: Actor, now: datetime
) -> Changes:
    """Add a short note to the timeline, open or closed."""
    require(actor, Right.HANDLE_CALLS)
    refuse_control_characters(text, Refusal.NOTE_CONTROL_CHARACTER)
    note = text.strip()
    if not note:
        raise IncidentRefused(Refusal.NOTE_EMPTY)
    if len(note) > NOTES_LIMIT:
        raise IncidentRefused(Refusal.NOTE_TOO_LONG, limit=NOTES_LIMIT)
    with database.write() as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise IncidentRefused(Refusal.NOT_FOUND)
        session.add(
            IncidentEvent(
                incident_id=incident_id,
                at=now,
                operator_id=actor.operator_id,
                kind=EventKind.NOTE.value,
                new_value=note,
            )
        )
        audit_incident_write(session, actor, AuditAction.INCIDENT_NOTE, incident, now=now)
    return Changes.of_incident(incident_id, IncidentChange.NOTE)


def locked_incident(session: Session, incident_id: int, version: int) -> Incident:
    """The incident, locked for this write, if it is still at the version the screen read."""
    # Locked until commit where the database can (PostgreSQL), so the version seen is the
    # version replaced; SQLite's write transactions are exclusive already.
    incident = session.get(Incident, incident_id, with_for_update=True)
    if incident is None:
        raise IncidentRefused(Refusal.NOT_FOUND)
    if incident.version != version:
        raise IncidentChanged(incident.reference)
    return incident


def _attempt(action: Action, stage: Status, **fields: object) -> Attempt:
    """What a step would set: the stage, its time, and the fields it names."""
    return {
        "status": stage.value,
        STAGE_COLUMN[stage]: stored_text(action.at),
        **{field: stored_text(value) for field, value in fields.items()},
    }


def _recorded(
    database: Database, incident_id: int, attempt: Attempt, action: Action
) -> AbstractContextManager[None]:
    return conflicts_recorded(database, incident_id, attempt, actor=action.actor, now=action.now)


def _require_status(incident: Incident, allowed: tuple[Status, ...], wanted: str) -> None:
    if Status(incident.status) not in allowed:
        raise IncidentRefused(
            Refusal.WRONG_STAGE, reference=incident.reference, status=incident.status, wanted=wanted
        )


def _active_team(session: Session, team_id: int) -> Team:
    team = session.get(Team, team_id)
    if team is None or not team.active:
        raise IncidentRefused(Refusal.TEAM_UNKNOWN)
    return team


def _on_duty(
    session: Session, team_id: int, sector_id: int, received_at: datetime, at: datetime
) -> bool:
    """On duty when the call came in or now, by the roster in force or as it stood then."""
    roster = load_roster(session, changes_ending_after=min(received_at, at))
    if any(
        duty.team_id == team_id
        for moment in (received_at, at)
        for duty in on_duty_teams(roster, sector_id, moment)
    ):
        return True
    return any(
        duty.team_id == team_id for duty in on_duty_as_stood_in(session, sector_id, received_at)
    )


def _reason(action: Action) -> str:
    refuse_control_characters(action.reason, Refusal.REASON_CONTROL_CHARACTER)
    return action.reason.strip()[:300]


def _check_time(incident: Incident, stage: Status, action: Action) -> None:
    check_stage_time(incident, stage, action.at, action.now)
    if action.now - action.at > BACKDATING_NEEDS_REASON and not _reason(action):
        raise IncidentRefused(Refusal.BACKDATED_NEEDS_REASON)


def _set_stage(session: Session, incident: Incident, stage: Status, action: Action) -> None:
    previous = incident.status
    incident.status = stage.value
    setattr(incident, STAGE_COLUMN[stage], action.at)
    incident.updated_at = action.now
    _event(session, incident, action, EventKind.STAGE, "status", previous, stage.value)


def _event(
    session: Session,
    incident: Incident,
    action: Action,
    kind: EventKind,
    field: str,
    old: object,
    new: object,
) -> None:
    session.add(
        IncidentEvent(
            incident_id=incident.id,
            at=action.at,
            operator_id=action.actor.operator_id,
            kind=kind.value,
            field=field,
            old_value=None if old is None else str(old),
            new_value=None if new is None else str(new),
            reason=_reason(action) or None,
        )
    )


def incident_state(session: Session, incident: Incident, kind: IncidentChange) -> IncidentState:
    """The incident as an action left it, with what the action changed."""
    session.flush()
    return IncidentState(
        incident_id=incident.id,
        reference=incident.reference,
        status=Status(incident.status),
        version=incident.version,
        assigned_team_id=incident.assigned_team_id,
        received_at=incident.received_at,
        routed_at=incident.routed_at,
        acknowledged_at=incident.acknowledged_at,
        on_scene_at=incident.on_scene_at,
        closed_at=incident.closed_at,
        outcome=Outcome(incident.outcome) if incident.outcome else None,
        changes=Changes.of_incident(incident.id, kind),
    )
