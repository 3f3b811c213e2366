"""Undoing a step recorded by mistake: one key on the wrong row, noticed within minutes.

Only the last step of an incident (route, acknowledged, on scene, close, reassign) can be
undone, by the operator who recorded it, within the desk's undo window of recording it
(``desk.undo_minutes``, five minutes unless a supervisor set it). The timeline stays
append-only: the undo is one more line, and the incident's state before
the step is found by replaying the timeline, since a step does not keep what it replaced.
An undo on a call another desk changed since it was read is refused as a conflict, with the
call as it is now beside what the undo would have put back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction
from operline.changes import IncidentChange
from operline.codes import Outcome, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent, Operator
from operline.errors import OperlineError
from operline.incidents.audited import audit_incident_write
from operline.incidents.conflicts import Attempt, conflicts_recorded, stored_text
from operline.incidents.events import EventKind, IncidentChanged, IncidentRefused, Refusal
from operline.incidents.stage_times import STAGE_COLUMN
from operline.incidents.stages import IncidentState, incident_state
from operline.paris_time import format_paris
from operline.sentences import QT_TRANSLATE_NOOP, Template
from operline.settings import stored_settings

#: Lines that are no step: a note or a call linked in can follow a step and leave it undoable.
_NOT_STEPS = (EventKind.NOTE.value, EventKind.LINKED_CALL.value, EventKind.CONFLICT.value)
#: Lines no undo reaches behind: the last undo, the call logged, the call imported (whose
#: steps are the earlier log's history, typed by nobody at this desk).
_NO_UNDO_PAST = (EventKind.UNDO.value, EventKind.CREATED.value, EventKind.IMPORTED.value)


class UndoRefusal(StrEnum):
    """Why the last step of an incident cannot be undone."""

    NOTHING = "nothing"
    TOO_LATE = "too_late"
    NOT_YOURS = "not_yours"


#: The sentence of each refusal, as the window and the logs tell it.
UNDO_REFUSALS: dict[UndoRefusal, Template] = {
    UndoRefusal.NOTHING: QT_TRANSLATE_NOOP("UndoRefusals", "{reference} has no step to undo."),
    UndoRefusal.TOO_LATE: QT_TRANSLATE_NOOP(
        "UndoRefusals",
        "{reference}: the last step was recorded at {time}; "
        "a step can be undone for {minutes} minutes only.",
    ),
    UndoRefusal.NOT_YOURS: QT_TRANSLATE_NOOP(
        "UndoRefusals",
        "{reference}: the last step was recorded by {name}; only they can undo it.",
    ),
}


class UndoRefused(OperlineError):
    """The last step cannot be undone; nothing was written."""

    exit_code = 2

    def __init__(self, code: UndoRefusal, **values: object) -> None:
        self.code = code
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(UNDO_REFUSALS[code], **self.values)


@dataclass(frozen=True)
class _Stages:
    """What the steps of the timeline set on the incident."""

    status: Status = Status.NEW
    team_id: int | None = None
    routed_at: datetime | None = None
    acknowledged_at: datetime | None = None
    on_scene_at: datetime | None = None
    closed_at: datetime | None = None
    outcome: Outcome | None = None
    facility_id: int | None = None


def undo_last_stage(
    database: Database, incident_id: int, *, version: int, actor: Actor, now: datetime
) -> IncidentState:
    """Put the incident back as it was before its last step, and say so in its timeline."""
    require(actor, Right.HANDLE_CALLS)

    def attempt(session: Session) -> Attempt:
        return _undo_attempt(session, incident_id, actor)

    recorded = conflicts_recorded(database, incident_id, attempt, actor=actor, now=now)
    with recorded, database.write() as session:
        incident = session.get(Incident, incident_id, with_for_update=True)
        if incident is None:
            raise IncidentRefused(Refusal.NOT_FOUND)
        if incident.version != version:
            raise IncidentChanged(incident.reference)
        events = _timeline(session, incident_id)
        steps = [event for event in events if event.kind not in _NOT_STEPS]
        before = _state_before_last_step(steps)
        if before is None or Status(incident.status) is not _replay(steps).status:
            # Nothing but the intake, the last step already undone, or a row changed
            # outside the timeline: there is no step this service could take back.
            raise UndoRefused(UndoRefusal.NOTHING, reference=incident.reference)
        restored, leading = before
        if leading.operator_id != actor.operator_id:
            name = session.get(Operator, leading.operator_id) if leading.operator_id else None
            raise UndoRefused(
                UndoRefusal.NOT_YOURS,
                reference=incident.reference,
                name=name.name if name is not None else "?",
            )
        recorded_at = _recorded_at(incident, leading, events)
        window = stored_settings(session).undo_window
        if now - recorded_at > window:
            raise UndoRefused(
                UndoRefusal.TOO_LATE,
                reference=incident.reference,
                time=format_paris(recorded_at, "%H:%M"),
                minutes=int(window / timedelta(minutes=1)),
            )
        # Only what the step set goes back: a supervisor's correction since (an earlier
        # stage's time, say) stays as corrected.
        values = _values(restored)
        for field in _fields_of_step(leading):
            setattr(incident, field, values[field])
        incident.updated_at = now
        session.add(
            IncidentEvent(
                incident_id=incident.id,
                at=now,
                operator_id=actor.operator_id,
                kind=EventKind.UNDO.value,
                field=leading.field,
                old_value=leading.new_value,
                new_value=leading.old_value,
            )
        )
        audit_incident_write(session, actor, AuditAction.INCIDENT_UNDO, incident, now=now)
        kind = (
            IncidentChange.TEAM
            if leading.kind == EventKind.REASSIGNED.value
            else IncidentChange.STAGE
        )
        return incident_state(session, incident, kind)


def _timeline(session: Session, incident_id: int) -> Sequence[IncidentEvent]:
    return session.scalars(
        select(IncidentEvent)
        .where(IncidentEvent.incident_id == incident_id)
        .order_by(IncidentEvent.id)
    ).all()


def _undo_attempt(session: Session, incident_id: int, actor: Actor) -> Attempt:
    """What an undo refused for a conflict would have put back: the fields of the last step
    this person recorded that still stands, as they were before it (none if there is none)."""
    steps = [event for event in _timeline(session, incident_id) if event.kind not in _NOT_STEPS]
    mine = [
        (state, event)
        for state, event in _replay_with_stack(steps)[1]
        if event.operator_id == actor.operator_id
    ]
    if not mine:
        return {}
    restored, leading = mine[-1]
    values = _values(restored)
    return {field: stored_text(values[field]) for field in _fields_of_step(leading)}


def _values(state: _Stages) -> dict[str, object]:
    """The incident's columns as ``state`` has them."""
    return {
        "status": state.status.value,
        "assigned_team_id": state.team_id,
        "routed_at": state.routed_at,
        "acknowledged_at": state.acknowledged_at,
        "on_scene_at": state.on_scene_at,
        "closed_at": state.closed_at,
        "outcome": state.outcome.value if state.outcome else None,
        "orientation_facility_id": state.facility_id,
    }


def _fields_of_step(leading: IncidentEvent) -> list[str]:
    """The incident's columns a step sets, from the first line of that step."""
    if leading.kind == EventKind.REASSIGNED.value:
        return ["status", "assigned_team_id", "routed_at", "acknowledged_at", "on_scene_at"]
    stage = Status(leading.new_value or Status.NEW.value)
    fields = ["status", STAGE_COLUMN[stage]] if stage in STAGE_COLUMN else ["status"]
    if stage is Status.ROUTED:
        fields.append("assigned_team_id")
    elif stage is Status.CLOSED:
        fields += ["outcome", "orientation_facility_id"]
    return fields


def _recorded_at(
    incident: Incident, leading: IncidentEvent, events: Sequence[IncidentEvent]
) -> datetime:
    """When the last step was typed in: its line holds the stage time, maybe set back."""
    later_lines = [event for event in events if event.id > leading.id]
    if all(event.kind not in _NOT_STEPS for event in later_lines):
        # Nothing but the step itself touched the incident since: its last update is it.
        return incident.updated_at
    return leading.at


def _state_before_last_step(
    steps: Sequence[IncidentEvent],
) -> tuple[_Stages, IncidentEvent] | None:
    """The state before the last step still standing, with that step's first line."""
    if not steps or steps[-1].kind in _NO_UNDO_PAST:
        return None  # one undo at a time: a second Ctrl+Z must not take back more
    standing = _replay_with_stack(steps)[1]
    return standing[-1] if standing else None


def _replay(steps: Sequence[IncidentEvent]) -> _Stages:
    return _replay_with_stack(steps)[0]


def _replay_with_stack(
    steps: Sequence[IncidentEvent],
) -> tuple[_Stages, list[tuple[_Stages, IncidentEvent]]]:
    """Apply the timeline's lines in order; each undo puts back the state its step replaced."""
    state = _Stages()
    standing: list[tuple[_Stages, IncidentEvent]] = []
    for event in steps:
        if event.kind == EventKind.UNDO.value:
            if standing:
                state = standing.pop()[0]
            continue
        if _starts_a_step(event):
            standing.append((state, event))
        state = _apply(state, event)
    return state, standing


def _starts_a_step(event: IncidentEvent) -> bool:
    if event.kind == EventKind.REASSIGNED.value:
        return True
    if event.kind != EventKind.STAGE.value:
        return False  # the team of a route, the place and outcome of a close follow it
    # A reassignment from a later stage back to "routed" writes this line after its own.
    return not (event.new_value == Status.ROUTED.value and event.old_value != Status.NEW.value)


def _apply(state: _Stages, event: IncidentEvent) -> _Stages:
    kind, field, value = event.kind, event.field, event.new_value
    if kind == EventKind.STAGE.value and value in _STATUSES:
        return _at_stage(state, Status(value), event.at)
    if kind == EventKind.ASSIGNED.value:
        return replace(state, team_id=_id(value))
    if kind == EventKind.REASSIGNED.value:
        # As the service does: the new team has neither accepted nor arrived.
        return replace(
            state,
            team_id=_id(value),
            status=Status.ROUTED,
            routed_at=event.at,
            acknowledged_at=None,
            on_scene_at=None,
        )
    if kind == EventKind.CLOSED.value and value in _OUTCOMES:
        return replace(state, outcome=Outcome(value))
    if kind == EventKind.UPDATED.value and field == "orientation_facility_id":
        return replace(state, facility_id=_id(value))
    if kind in _CORRECTIONS:
        return _corrected(state, field, value)
    return state


def _corrected(state: _Stages, field: str | None, value: str | None) -> _Stages:
    """A supervisor's correction of a field the steps set: the steps go on from it."""
    if field in _SET_TIME:
        return _SET_TIME[field](state, datetime.fromisoformat(value) if value else None)
    if field == "assigned_team_id":
        return replace(state, team_id=_id(value))
    if field == "orientation_facility_id":
        return replace(state, facility_id=_id(value))
    if field == "outcome":
        return replace(state, outcome=Outcome(value) if value in _OUTCOMES else None)
    return state  # the sector, the place, the category: no step sets them


def _at_stage(state: _Stages, status: Status, at: datetime) -> _Stages:
    if status is Status.ROUTED:
        return replace(state, status=status, routed_at=at)
    if status is Status.ACKNOWLEDGED:
        return replace(state, status=status, acknowledged_at=at)
    if status is Status.ON_SCENE:
        return replace(state, status=status, on_scene_at=at)
    if status is Status.CLOSED:
        return replace(state, status=status, closed_at=at)
    return replace(state, status=status)


_CORRECTIONS = (EventKind.CORRECTED.value, EventKind.CORRECTED_AFTER_SIGN_OFF.value)
#: The stage times a correction may set.
_SET_TIME: dict[str, Callable[[_Stages, datetime | None], _Stages]] = {
    "routed_at": lambda state, at: replace(state, routed_at=at),
    "acknowledged_at": lambda state, at: replace(state, acknowledged_at=at),
    "on_scene_at": lambda state, at: replace(state, on_scene_at=at),
    "closed_at": lambda state, at: replace(state, closed_at=at),
}
_STATUSES = frozenset(code.value for code in Status)
_OUTCOMES = frozenset(code.value for code in Outcome)


def _id(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() else None
