"""Signing off a day log: a supervisor vouches for a Paris day's calls, who and when.

Sign-offs are kept, never replaced: a day corrected after its sign-off can be signed
again, and its earlier sign-offs still tell what was signed before the corrections. A
correction made after the last sign-off is flagged: in the call's timeline (its line is
of the kind ``corrected_after_sign_off``) and in the day's header. The header counts the
corrections of the calls the day holds now: a call whose time received was corrected
into another day is flagged in its own timeline, and counted in the header of its new day.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.changes import Changes
from operline.db.engine import Database
from operline.db.models import DaySignOff, Incident, IncidentEvent, Operator
from operline.errors import OperlineError
from operline.incidents.events import EventKind
from operline.paris_time import format_paris, paris_day_bounds
from operline.sentences import QT_TRANSLATE_NOOP, Template


class SignOffRefusal(StrEnum):
    """Why a day cannot be signed off now."""

    DAY_NOT_OVER = "day_not_over"
    ALREADY_SIGNED = "already_signed"


#: The sentence of each refusal, as the window and the logs tell it.
SIGN_OFF_REFUSALS: dict[SignOffRefusal, Template] = {
    SignOffRefusal.DAY_NOT_OVER: QT_TRANSLATE_NOOP(
        "DayLog", "The day of {day} is not over: it can be signed off from midnight on."
    ),
    SignOffRefusal.ALREADY_SIGNED: QT_TRANSLATE_NOOP(
        "DayLog", "{name} signed off this day on {when}; nothing was corrected since."
    ),
}


class SignOffRefused(OperlineError):
    """The day cannot be signed off; nothing was written."""

    exit_code = 2

    def __init__(self, code: SignOffRefusal, **values: object) -> None:
        self.code = code
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(SIGN_OFF_REFUSALS[code], **self.values)


@dataclass(frozen=True)
class SignOff:
    """One sign-off of a day: who signed, when."""

    signed_by: str
    signed_at: datetime


@dataclass(frozen=True)
class DayStatus:
    """What the head of a day log says: its sign-offs, and corrections since the last."""

    day: date
    #: Oldest first; the last one is the day's.
    sign_offs: tuple[SignOff, ...] = ()
    #: Corrections of the day's calls after the last sign-off.
    corrections_since: int = 0
    #: What the sign-off changed, for the screens to redraw (empty when only read).
    changes: Changes = field(default_factory=Changes)

    @property
    def last(self) -> SignOff | None:
        return self.sign_offs[-1] if self.sign_offs else None

    @property
    def corrected_after_sign_off(self) -> bool:
        return self.last is not None and self.corrections_since > 0


def day_status(database: Database, day: date) -> DayStatus:
    """The sign-offs of a day and the corrections made since the last one."""
    with database.read() as session:
        return _status(session, day)


def is_signed_off(session: Session, day: date) -> bool:
    """Whether the day was ever signed off (a correction to it is then flagged)."""
    query = select(DaySignOff.id).where(DaySignOff.day == day).limit(1)
    return session.scalar(query) is not None


def sign_off_day(database: Database, day: date, *, actor: Actor, now: datetime) -> DayStatus:
    """Sign off a day that is over; again only after a correction since the last sign-off."""
    require(actor, Right.SIGN_OFF_DAY)
    assert actor.operator_id is not None  # a personal right: someone is signed in
    _, end = paris_day_bounds(day)
    if now < end:
        raise SignOffRefused(SignOffRefusal.DAY_NOT_OVER, day=format_day(day))
    with database.write() as session:
        before = _status(session, day)
        last = before.last
        if last is not None and before.corrections_since == 0:
            raise SignOffRefused(
                SignOffRefusal.ALREADY_SIGNED,
                name=last.signed_by,
                when=format_paris(last.signed_at, "%d/%m/%Y %H:%M"),
            )
        session.add(DaySignOff(day=day, operator_id=actor.operator_id, signed_at=now))
        write_audit(session, actor, AuditAction.DAY_SIGN_OFF, now=now, target=day.isoformat())
        session.flush()
        after = _status(session, day)
    return DayStatus(
        day,
        after.sign_offs,
        after.corrections_since,
        changes=Changes(signed_days=frozenset({day})),
    )


def format_day(day: date) -> str:
    """A day as the desk writes it in sentences: 29/03/2026."""
    return f"{day:%d/%m/%Y}"


def _status(session: Session, day: date) -> DayStatus:
    rows = session.execute(
        select(Operator.name, DaySignOff.signed_at)
        .join(Operator, DaySignOff.operator_id == Operator.id)
        .where(DaySignOff.day == day)
        .order_by(DaySignOff.signed_at, DaySignOff.id)
    ).all()
    sign_offs = tuple(SignOff(name, at) for name, at in rows)
    if not sign_offs:
        return DayStatus(day)
    start, end = paris_day_bounds(day)
    since = session.scalar(
        select(func.count(IncidentEvent.id))
        .join(Incident, IncidentEvent.incident_id == Incident.id)
        .where(
            Incident.received_at >= start,
            Incident.received_at < end,
            # A correction knows, when made, whether the day was signed off: one made in
            # the very second of a sign-off is told apart by its kind.
            IncidentEvent.kind == EventKind.CORRECTED_AFTER_SIGN_OFF.value,
            IncidentEvent.at >= sign_offs[-1].signed_at,
        )
    )
    return DayStatus(day, sign_offs, since or 0)
