"""Two desks on the same call: the second write is refused, and nothing of it is lost.

Each write to a call names the version its screen read. When another desk changed the
call meanwhile, the write is refused (``locked_incident``), and ``conflicts_recorded``
then keeps the attempt: one timeline line per field it would have set, with the value
tried beside the value then current, in the refused person's name, audited. The refusal
carries the call as it is now, field by field, so the window can show both versions and
let the person keep the current one or apply theirs again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor
from operline.audit import AuditAction
from operline.db.engine import Database
from operline.db.models import Facility, Incident, IncidentEvent, Operator, Sector, Team
from operline.incidents.audited import audit_incident_write
from operline.incidents.events import EventKind, IncidentChanged
from operline.paris_time import as_utc

#: What a refused write would have set: column name to stored text (None for empty).
Attempt = Mapping[str, str | None]
#: An attempt only known from the call as it is now (an undo names no values of its own):
#: worked out in the transaction that records it.
AttemptOf = Callable[[Session], Attempt]
#: Columns holding an id, and the table whose name the conflict shows.
_NAMED: dict[str, type[Team] | type[Facility] | type[Sector]] = {
    "assigned_team_id": Team,
    "orientation_facility_id": Facility,
    "sector_id": Sector,
}


@dataclass(frozen=True)
class ConflictField:
    """One field of the call: its value now, and the value the refused write tried."""

    field: str
    current: str | None
    attempted: str | None

    @property
    def differs(self) -> bool:
        return self.current != self.attempted


@dataclass(frozen=True)
class Conflict:
    """The call as another desk left it, beside what the refused write tried."""

    incident_id: int
    reference: str
    #: The version to name when applying the refused write again.
    version: int
    fields: tuple[ConflictField, ...]
    #: Who changed the call last, and when (the newest line of its timeline).
    changed_by: str | None
    changed_at: datetime | None


class IncidentConflict(IncidentChanged):
    """The refusal of a write made on a stale version, with the call as it is now."""

    def __init__(self, conflict: Conflict) -> None:
        super().__init__(conflict.reference)
        self.conflict = conflict


@contextmanager
def conflicts_recorded(
    database: Database,
    incident_id: int,
    attempt: Attempt | AttemptOf,
    *,
    actor: Actor,
    now: datetime,
) -> Iterator[None]:
    """Around a write to a call: a refusal for a stale version keeps the attempt.

    The write's own transaction is rolled back first; the attempt is then written in a
    transaction of its own, and the refusal raised again as an ``IncidentConflict``.
    """
    try:
        yield
    except IncidentConflict:
        raise
    except IncidentChanged:
        conflict = record_conflict(database, incident_id, attempt, actor=actor, now=now)
        raise IncidentConflict(conflict) from None


def record_conflict(
    database: Database,
    incident_id: int,
    attempt: Attempt | AttemptOf,
    *,
    actor: Actor,
    now: datetime,
) -> Conflict:
    """Write the refused attempt to the call's timeline; the call as it is now."""
    with database.write() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None, "a call is never deleted"
        if callable(attempt):
            attempt = attempt(session)
        changed_by, changed_at = _last_change(session, incident.id)
        fields = tuple(
            ConflictField(field, stored_text(getattr(incident, field)), value)
            for field, value in attempt.items()
        )
        for field in fields:
            session.add(
                IncidentEvent(
                    incident_id=incident.id,
                    at=now,
                    operator_id=actor.operator_id,
                    kind=EventKind.CONFLICT.value,
                    field=field.field,
                    old_value=field.current,
                    new_value=field.attempted,
                )
            )
        audit_incident_write(session, actor, AuditAction.INCIDENT_CONFLICT, incident, now=now)
        return Conflict(
            incident.id,
            incident.reference,
            incident.version,
            tuple(_named(session, field) for field in fields),
            changed_by,
            changed_at,
        )


def stored_text(value: object) -> str | None:
    """A value as the timeline stores it: instants in ISO 8601 UTC, ids and codes as text."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return as_utc(value).isoformat(timespec="seconds")
    return str(value)


def _last_change(session: Session, incident_id: int) -> tuple[str | None, datetime | None]:
    query = (
        select(Operator.name, IncidentEvent.at)
        .outerjoin(Operator, Operator.id == IncidentEvent.operator_id)
        .where(IncidentEvent.incident_id == incident_id)
        .order_by(IncidentEvent.id.desc())
        .limit(1)
    )
    row = session.execute(query).first()
    return (row[0], as_utc(row[1])) if row is not None else (None, None)


def _named(session: Session, field: ConflictField) -> ConflictField:
    """The field with its ids replaced by the names the desk reads."""
    model = _NAMED.get(field.field)
    if model is None:
        return field

    def name(value: str | None) -> str | None:
        if value is None:
            return None
        named = session.scalar(select(model.name).where(model.id == int(value)))
        return named if named is not None else value

    return ConflictField(field.field, name(field.current), name(field.attempted))
