"""Places people can be oriented to, as a supervisor keeps them; retired, never deleted.

Calls that oriented someone to a place keep pointing at it after it closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Facility
from operline.names import fold_name
from operline.phones import format_phone
from operline.roster.editing_common import (
    Check,
    FieldProblem,
    Problem,
    RosterEditRefused,
    describe_changes,
    describe_values,
    field_problem,
    name_problems,
    read_phone,
    refuse_on_errors,
    set_active,
    text_limit,
    text_problems,
)

_NAME_LENGTH = text_limit(Facility, "name")
_KIND_LENGTH = text_limit(Facility, "kind")
_ADDRESS_LENGTH = text_limit(Facility, "address")
_HOURS_LENGTH = text_limit(Facility, "opening_hours")


@dataclass(frozen=True)
class FacilityDraft:
    """A place as the form holds it; the phone as typed, no capacity as None."""

    name: str
    kind: str
    address: str = ""
    phone: str = ""
    capacity: int | None = None
    opening_hours: str = ""


@dataclass(frozen=True)
class FacilityRecord:
    """A place; its phone in E.164 form, its capacity in places when it has one."""

    id: int
    name: str
    kind: str
    address: str | None
    phone: str | None
    capacity: int | None
    opening_hours: str | None
    active: bool

    def draft(self) -> FacilityDraft:
        return FacilityDraft(
            self.name,
            self.kind,
            self.address or "",
            format_phone(self.phone) if self.phone else "",
            self.capacity,
            self.opening_hours or "",
        )


def list_facilities(database: Database) -> list[FacilityRecord]:
    """Every place, closed ones included, by name."""
    with database.read() as session:
        rows = session.scalars(select(Facility)).all()
        return sorted((_record(row) for row in rows), key=lambda f: (fold_name(f.name), f.id))


def facility_kinds(database: Database) -> list[str]:
    """The kinds of place already in use, to offer while typing a new one."""
    with database.read() as session:
        kinds = set(session.scalars(select(Facility.kind).distinct()))
    return sorted(kinds, key=fold_name)


def check_facility(
    database: Database, draft: FacilityDraft, *, facility_id: int | None = None
) -> Check:
    """What is wrong with a place as typed."""
    with database.read() as session:
        return _check(session, draft, facility_id)[0]


def add_facility(
    database: Database, draft: FacilityDraft, *, actor: Actor, now: datetime
) -> FacilityRecord:
    """Create a place the desk can orient people to."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        check, phone = _check(session, draft, None)
        refuse_on_errors(check)
        row = Facility(active=True, created_at=now)
        _fill(row, draft, phone)
        session.add(row)
        session.flush()
        write_audit(
            session,
            actor,
            AuditAction.FACILITY_ADD,
            now=now,
            target=f"facility {row.id}",
            details=describe_values(_values(row)),
        )
        return _record(row)


def update_facility(
    database: Database, facility_id: int, draft: FacilityDraft, *, actor: Actor, now: datetime
) -> FacilityRecord:
    """Correct a place's details."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, facility_id)
        check, phone = _check(session, draft, facility_id)
        refuse_on_errors(check)
        before = _values(row)
        _fill(row, draft, phone)
        changes = describe_changes(before, _values(row))
        if changes:
            write_audit(
                session,
                actor,
                AuditAction.FACILITY_UPDATE,
                now=now,
                target=f"facility {facility_id}",
                details=changes,
            )
        return _record(row)


def retire_facility(
    database: Database, facility_id: int, *, actor: Actor, now: datetime
) -> FacilityRecord:
    """Stop offering a place; the calls oriented there keep it."""
    return _set_active(database, facility_id, False, actor=actor, now=now)


def restore_facility(
    database: Database, facility_id: int, *, actor: Actor, now: datetime
) -> FacilityRecord:
    """Offer a closed place again."""
    return _set_active(database, facility_id, True, actor=actor, now=now)


def _set_active(
    database: Database, facility_id: int, active: bool, *, actor: Actor, now: datetime
) -> FacilityRecord:
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, facility_id)
        set_active(session, row, active, kind="facility", actor=actor, now=now)
        return _record(row)


def _check(
    session: Session, draft: FacilityDraft, facility_id: int | None
) -> tuple[Check, str | None]:
    existing = session.execute(select(Facility.id, Facility.name, Facility.active)).all()
    edited = session.get(Facility, facility_id) if facility_id is not None else None
    phone, phone_errors = read_phone(
        "phone", draft.phone, stored=edited.phone if edited is not None else None
    )
    errors: list[FieldProblem] = [
        *name_problems("name", draft.name, existing, own_id=facility_id, limit=_NAME_LENGTH),
        *text_problems("kind", draft.kind, limit=_KIND_LENGTH, required=True),
        *text_problems("address", draft.address, limit=_ADDRESS_LENGTH, required=False),
        *phone_errors,
        *text_problems("opening_hours", draft.opening_hours, limit=_HOURS_LENGTH, required=False),
    ]
    if draft.capacity is not None and draft.capacity < 0:
        errors.append(field_problem("capacity", Problem.CAPACITY_NEGATIVE))
    return Check(tuple(errors)), phone


def _fill(row: Facility, draft: FacilityDraft, phone: str | None) -> None:
    row.name = draft.name.strip()
    row.kind = draft.kind.strip()
    row.address = draft.address.strip() or None
    row.phone = phone
    row.capacity = draft.capacity
    row.opening_hours = draft.opening_hours.strip() or None


def _existing(session: Session, facility_id: int) -> Facility:
    row = session.get(Facility, facility_id)
    if row is None:
        raise RosterEditRefused([field_problem("", Problem.GONE)])
    return row


def _values(row: Facility) -> dict[str, object]:
    return {
        "name": row.name,
        "kind": row.kind,
        "address": row.address,
        "phone": row.phone,
        "capacity": row.capacity,
        "opening_hours": row.opening_hours,
    }


def _record(row: Facility) -> FacilityRecord:
    return FacilityRecord(
        row.id,
        row.name,
        row.kind,
        row.address,
        row.phone,
        row.capacity,
        row.opening_hours,
        row.active,
    )
