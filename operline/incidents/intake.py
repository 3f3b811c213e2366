"""Logging a call: what the form must hold, the possible duplicate, the incident written.

The desk records what coordination needs, never who the person is: there is no identity
field, and notes are short.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction
from operline.changes import Changes, IncidentChange
from operline.codes import Category, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent, Sector
from operline.incidents.audited import audit_incident_write
from operline.incidents.events import EventKind, IncidentRefused, Refusal
from operline.incidents.references import next_reference
from operline.incidents.suggestions import count_suggestions
from operline.paris_time import to_paris
from operline.phones import normalise_phone
from operline.roster.duty import on_duty_as_stood_in
from operline.text_input import ControlCharacter, first_control

NOTES_LIMIT = 500
PERSONS_RANGE = range(1, 51)
#: An open incident of the same sector received this recently may be the same call.
DUPLICATE_WINDOW = timedelta(minutes=30)
#: Clocks of two desks may differ a little; "now" at one desk is not the future.
CLOCK_TOLERANCE = timedelta(seconds=60)


class IntakeProblem(StrEnum):
    REQUIRED = "required"
    IN_FUTURE = "in_future"
    PHONE_INVALID = "phone_invalid"
    SECTOR_UNKNOWN = "sector_unknown"
    PERSONS_RANGE = "persons_range"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"


_MESSAGES = {
    IntakeProblem.REQUIRED: "Required.",
    IntakeProblem.IN_FUTURE: "A call cannot be received in the future.",
    IntakeProblem.PHONE_INVALID: "Not a phone number (e.g. 01 99 00 12 34).",
    IntakeProblem.SECTOR_UNKNOWN: "This sector does not exist or is retired.",
    IntakeProblem.PERSONS_RANGE: "Between 1 and 50 people.",
    IntakeProblem.TOO_LONG: "At most {limit} characters.",
    IntakeProblem.CONTROL_CHARACTER: (
        "Character {position} is an invisible control character ({character}): remove it."
    ),
}


@dataclass(frozen=True)
class FieldProblem:
    """A problem of one field of the call form, with its English sentence."""

    field: str
    code: IntakeProblem
    limit: int = 0
    #: For a control character: its position (from 1) and its code (``U+0000``).
    position: int = 0
    character: str = ""

    @property
    def message(self) -> str:
        return _MESSAGES[self.code].format(
            limit=self.limit, position=self.position, character=self.character
        )


@dataclass(frozen=True)
class CallForm:
    """What the operator typed for a call; ``callback_number`` as typed."""

    received_at: datetime
    sector_id: int | None
    category: Category | None
    priority: Priority = Priority.NORMAL
    persons: int = 1
    caller_service: str = ""
    callback_number: str = ""
    location: str = ""
    notes: str = ""


@dataclass(frozen=True)
class LoggedCall:
    """The incident a call created."""

    incident_id: int
    reference: str
    received_at: datetime
    sector_id: int
    team_on_duty: bool
    version: int

    @property
    def changes(self) -> Changes:
        return Changes.of_incident(self.incident_id, IncidentChange.LOGGED)


@dataclass(frozen=True)
class PossibleDuplicate:
    """An open incident of the same sector received shortly before this call."""

    incident_id: int
    reference: str
    received_at: datetime
    category: Category
    location: str | None
    status: Status


_TEXT_LIMITS = {"caller_service": 120, "location": 200, "notes": NOTES_LIMIT}


def check_call(form: CallForm, *, now: datetime) -> list[FieldProblem]:
    """Every problem of the form, field by field; empty when it can be saved."""
    problems: list[FieldProblem] = []
    if form.received_at > now + CLOCK_TOLERANCE:
        problems.append(FieldProblem("received_at", IntakeProblem.IN_FUTURE))
    if form.sector_id is None:
        problems.append(FieldProblem("sector_id", IntakeProblem.REQUIRED))
    if form.category is None:
        problems.append(FieldProblem("category", IntakeProblem.REQUIRED))
    if form.persons not in PERSONS_RANGE:
        problems.append(FieldProblem("persons", IntakeProblem.PERSONS_RANGE))
    if (control := first_control(form.callback_number)) is not None:
        problems.append(_control_problem("callback_number", control))
    elif form.callback_number.strip():
        try:
            normalise_phone(form.callback_number)
        except ValueError:
            problems.append(FieldProblem("callback_number", IntakeProblem.PHONE_INVALID))
    for field, limit in _TEXT_LIMITS.items():
        text = getattr(form, field)
        if (control := first_control(text)) is not None:
            problems.append(_control_problem(field, control))
        elif len(text.strip()) > limit:
            problems.append(FieldProblem(field, IntakeProblem.TOO_LONG, limit))
    return problems


def _control_problem(field: str, control: ControlCharacter) -> FieldProblem:
    return FieldProblem(
        field,
        IntakeProblem.CONTROL_CHARACTER,
        position=control.position,
        character=control.code,
    )


class CallRefused(IncidentRefused):
    """A call form with problems; nothing was written."""

    def __init__(self, problems: list[FieldProblem]) -> None:
        self.problems = problems
        listed = "; ".join(f"{p.field}: {p.message}" for p in problems)
        super().__init__(Refusal.CALL_FORM, problems=listed)


def possible_duplicates(
    database: Database, sector_id: int, received_at: datetime
) -> list[PossibleDuplicate]:
    """Open incidents of the sector received in the half hour before the call, newest first."""
    with database.read() as session:
        rows = session.scalars(
            select(Incident)
            .where(
                Incident.sector_id == sector_id,
                Incident.status != Status.CLOSED.value,
                Incident.received_at >= received_at - DUPLICATE_WINDOW,
                Incident.received_at <= received_at,
            )
            .order_by(Incident.received_at.desc())
        ).all()
        return [
            PossibleDuplicate(
                incident_id=row.id,
                reference=row.reference,
                received_at=row.received_at,
                category=Category(row.category),
                location=row.location,
                status=Status(row.status),
            )
            for row in rows
        ]


def log_call(database: Database, form: CallForm, *, actor: Actor, now: datetime) -> LoggedCall:
    """Write the call as a new incident, with its first line of timeline."""
    require(actor, Right.HANDLE_CALLS)
    problems = check_call(form, now=now)
    if problems:
        raise CallRefused(problems)
    assert form.sector_id is not None
    assert form.category is not None
    with database.write() as session:
        _active_sector(session, form.sector_id)
        # As the roster stood when the call came in, even for a call entered late.
        on_duty = bool(on_duty_as_stood_in(session, form.sector_id, form.received_at))
        incident = Incident(
            reference=next_reference(session, to_paris(form.received_at).year),
            received_at=form.received_at,
            caller_service=form.caller_service.strip() or None,
            callback_number=_phone(form.callback_number),
            sector_id=form.sector_id,
            location=form.location.strip() or None,
            category=form.category.value,
            priority=form.priority.value,
            persons=form.persons,
            notes=form.notes.strip() or None,
            status=Status.NEW.value,
            team_on_duty_at_intake=on_duty,
            created_by_operator_id=actor.operator_id,
            created_at=now,
            updated_at=now,
        )
        session.add(incident)
        count_suggestions(
            session,
            sector_id=form.sector_id,
            caller_service=incident.caller_service,
            location=incident.location,
            at=form.received_at,
            now=now,
        )
        session.flush()
        session.add(
            IncidentEvent(
                incident_id=incident.id,
                at=form.received_at,
                operator_id=actor.operator_id,
                kind=EventKind.CREATED.value,
                field="status",
                new_value=Status.NEW.value,
            )
        )
        audit_incident_write(session, actor, AuditAction.INCIDENT_LOG, incident, now=now)
        return LoggedCall(
            incident_id=incident.id,
            reference=incident.reference,
            received_at=incident.received_at,
            sector_id=incident.sector_id,
            team_on_duty=on_duty,
            version=incident.version,
        )


def link_call(
    database: Database,
    incident_id: int,
    form: CallForm,
    *,
    actor: Actor,
    now: datetime,
) -> Changes:
    """Record a new call about an incident already open, in its timeline."""
    require(actor, Right.HANDLE_CALLS)
    problems = [p for p in check_call(form, now=now) if p.field not in ("category",)]
    if problems:
        raise CallRefused(problems)
    with database.write() as session:
        incident = session.get(Incident, incident_id)
        if incident is None:
            raise IncidentRefused(Refusal.NOT_FOUND)
        if incident.status == Status.CLOSED.value:
            raise IncidentRefused(Refusal.ALREADY_CLOSED, reference=incident.reference)
        # The service and place of a call linked in are as much "already seen" as any.
        count_suggestions(
            session,
            sector_id=incident.sector_id,
            caller_service=form.caller_service.strip() or None,
            location=form.location.strip() or None,
            at=form.received_at,
            now=now,
        )
        summary = ", ".join(
            part
            for part in (
                form.caller_service.strip(),
                _phone(form.callback_number),
                form.location.strip(),
                f"{form.persons} pers." if form.persons > 1 else "",
                form.notes.strip(),
            )
            if part
        )
        session.add(
            IncidentEvent(
                incident_id=incident.id,
                at=form.received_at,
                operator_id=actor.operator_id,
                kind=EventKind.LINKED_CALL.value,
                new_value=summary[:NOTES_LIMIT] or None,
            )
        )
        incident.updated_at = now
        audit_incident_write(session, actor, AuditAction.INCIDENT_LINK, incident, now=now)
    return Changes.of_incident(incident_id, IncidentChange.LINKED)


def _active_sector(session: Session, sector_id: int) -> Sector:
    sector = session.get(Sector, sector_id)
    if sector is None or not sector.active:
        raise CallRefused([FieldProblem("sector_id", IntakeProblem.SECTOR_UNKNOWN)])
    return sector


def _phone(typed: str) -> str | None:
    return normalise_phone(typed) if typed.strip() else None
