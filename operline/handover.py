"""The shift handover (la relève): the outgoing operator hands the desk to the next one.

The handover is written when the incoming operator signs in with their password, in the
same transaction as their sign-in: a handover with nobody taking over cannot exist, and
the desk is never left with nobody signed in in between. The row keeps who handed over to
whom, where and when, the note left, and how many calls were open and late then, for the
day log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from operline.actors import Actor, Right, require, require_day
from operline.audit import AuditAction, write_audit
from operline.changes import Changes
from operline.codes import Priority, Status
from operline.db.engine import Database
from operline.db.models import Handover, Incident, Operator
from operline.errors import OperlineError
from operline.incidents.live_board import Alert, alert_for
from operline.logins import sign_in_with
from operline.operators import OperatorInfo
from operline.paris_time import paris_date, paris_day_bounds
from operline.sentences import QT_TRANSLATE_NOOP, Template
from operline.settings import read_settings
from operline.text_input import first_control

#: As short as a call's note: read in one look while the next operator settles in.
HANDOVER_NOTE_LIMIT = 500
#: The longest workstation name the ``handover`` table keeps.
_WORKSTATION_LIMIT = 80


#: What colours the open calls, and no more: the write lock is held while they are counted.
_OPEN_CALLS = select(Incident.priority, Incident.received_at, Incident.acknowledged_at).where(
    Incident.status != Status.CLOSED.value,
    # Always true, but it names the first column of the partial index of open incidents.
    Incident.priority.in_([priority.value for priority in Priority]),
)


class HandoverProblem(StrEnum):
    """Why a handover was refused."""

    NOTE_TOO_LONG = "note_too_long"
    NOTE_CONTROL_CHARACTER = "note_control_character"
    TO_ONESELF = "to_oneself"
    NOT_AT_DESK = "not_at_desk"


#: The sentence of each refusal, as the window and the logs tell it.
HANDOVER_SENTENCES: dict[HandoverProblem, Template] = {
    HandoverProblem.NOTE_TOO_LONG: QT_TRANSLATE_NOOP(
        "HandoverDialog", "A handover note holds at most {limit} characters."
    ),
    HandoverProblem.NOTE_CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "HandoverDialog",
        "Character {position} of the handover note is an invisible control character "
        "({character}): remove it.",
    ),
    HandoverProblem.TO_ONESELF: QT_TRANSLATE_NOOP(
        "HandoverDialog", "{name} cannot hand over to themselves: the next operator signs in."
    ),
    HandoverProblem.NOT_AT_DESK: QT_TRANSLATE_NOOP(
        "HandoverDialog", "This person does not exist or no longer works at the desk."
    ),
}


class HandoverRefused(OperlineError):
    """A handover the desk's rules do not allow; nothing was written."""

    exit_code = 2

    def __init__(self, problem: HandoverProblem, **values: object) -> None:
        self.problem = problem
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(HANDOVER_SENTENCES[problem], **self.values)


@dataclass(frozen=True)
class DayHandover:
    """One handover as the day log shows it."""

    handover_id: int
    at: datetime
    from_operator_id: int
    from_name: str
    to_operator_id: int
    to_name: str
    workstation: str
    #: Empty when the outgoing operator left no note.
    note: str
    open_calls: int
    late_calls: int


@dataclass(frozen=True)
class HandedOver:
    """A handover just recorded, the operator now signed in, and what it changed."""

    handover: DayHandover
    incoming: OperatorInfo
    changes: Changes


def handover_note(text: str) -> str:
    """The note as it is kept (trimmed); refused when too long or holding a control character."""
    control = first_control(text)
    if control is not None:
        raise HandoverRefused(
            HandoverProblem.NOTE_CONTROL_CHARACTER,
            position=control.position,
            character=control.code,
        )
    note = text.strip()
    if len(note) > HANDOVER_NOTE_LIMIT:
        raise HandoverRefused(HandoverProblem.NOTE_TOO_LONG, limit=HANDOVER_NOTE_LIMIT)
    return note


def hand_over(
    database: Database,
    note: str,
    *,
    actor: Actor,
    to_operator_id: int,
    password: str,
    now: datetime,
) -> HandedOver:
    """``actor`` hands the desk over to the operator who signs in now with ``password``.

    The incoming operator's sign-in is checked and audited as at any sign-in (a wrong
    password counts toward their lock), in the same transaction as the handover: a
    refused password records no handover, and a refused handover no sign-in.
    """
    require(actor, Right.HANDLE_CALLS)
    assert actor.operator_id is not None  # a person: HANDLE_CALLS is personal
    kept = handover_note(note)
    if to_operator_id == actor.operator_id:
        raise HandoverRefused(HandoverProblem.TO_ONESELF, name=actor.name)
    settings = read_settings(database)
    with database.read() as session:
        incoming = session.get(Operator, to_operator_id)
        if incoming is None or not incoming.active:
            raise HandoverRefused(HandoverProblem.NOT_AT_DESK)
        login = incoming.name

    def record(session: Session, signed: Actor) -> DayHandover:
        open_rows = session.execute(_OPEN_CALLS).all()
        late = sum(
            alert_for(
                urgent=priority == Priority.URGENT.value,
                received_at=received_at,
                acknowledged_at=acknowledged_at,
                now=now,
                settings=settings,
            )
            is not Alert.NONE
            for priority, received_at, acknowledged_at in open_rows
        )
        row = Handover(
            at=now,
            from_operator_id=actor.operator_id,
            to_operator_id=signed.operator_id,
            workstation=actor.workstation[:_WORKSTATION_LIMIT],
            note=kept or None,
            open_calls=len(open_rows),
            late_calls=late,
        )
        session.add(row)
        session.flush()
        write_audit(
            session,
            actor,
            AuditAction.OPERATOR_HANDOVER,
            now=now,
            target=signed.name,
            details=f"{len(open_rows)} open calls, {late} late",
        )
        write_audit(
            session,
            actor,
            AuditAction.LOGOUT,
            now=now,
            target=actor.workstation,
            details="handover",
        )
        return DayHandover(
            row.id,
            row.at,
            actor.operator_id or 0,
            actor.name,
            signed.operator_id or 0,
            signed.name,
            row.workstation,
            kept,
            row.open_calls,
            row.late_calls,
        )

    signed, recorded = sign_in_with(
        database, login, password, workstation=actor.workstation, now=now, also=record
    )
    info = OperatorInfo(signed.operator_id or 0, signed.name, signed.role)
    return HandedOver(recorded, info, Changes(handover_days=frozenset({paris_date(now)})))


def handovers_of_day(
    database: Database, day: date, *, actor: Actor, now: datetime
) -> list[DayHandover]:
    """The handovers of a Paris day, oldest first, with their notes; audited.

    The notes are free text about the night's calls: reading them is a consultation of
    the history, kept in the audit log like a day's journal.
    """
    require_day(actor, day, now=now)
    start, end = paris_day_bounds(day)
    outgoing, incoming = aliased(Operator), aliased(Operator)
    query = (
        select(Handover, outgoing.name, incoming.name)
        .join(outgoing, outgoing.id == Handover.from_operator_id)
        .join(incoming, incoming.id == Handover.to_operator_id)
        .where(Handover.at >= start, Handover.at < end)
        .order_by(Handover.at, Handover.id)
    )
    with database.write() as session:
        found = [
            DayHandover(
                row.id,
                row.at,
                row.from_operator_id,
                from_name,
                row.to_operator_id,
                to_name,
                row.workstation,
                row.note or "",
                row.open_calls,
                row.late_calls,
            )
            for row, from_name, to_name in session.execute(query)
        ]
        write_audit(session, actor, AuditAction.HANDOVER_VIEW, now=now, target=day.isoformat())
    return found
