"""Sectors as a supervisor keeps them: added, renamed, retired, never deleted.

Calls keep the id of the sector they were logged with, so a rename shows the new name
across the history and a retired sector stays readable there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Sector, ShiftPattern, shift_pattern_sector
from operline.roster.editing_common import (
    Check,
    Problem,
    RosterEditRefused,
    describe_changes,
    field_problem,
    name_problems,
    refuse_on_errors,
    set_active,
    text_limit,
)

_NAME_LENGTH = text_limit(Sector, "name")
#: Room left between two sectors' sort orders, so one can later go between them.
_SORT_STEP = 10


@dataclass(frozen=True)
class SectorDraft:
    """A sector as the form holds it."""

    name: str


@dataclass(frozen=True)
class SectorRecord:
    """A sector, and how many weekly shifts name it."""

    id: int
    name: str
    active: bool
    sort_order: int
    shift_patterns: int

    def draft(self) -> SectorDraft:
        return SectorDraft(self.name)


def list_sectors(database: Database) -> list[SectorRecord]:
    """Every sector, retired ones included, in the desk's order."""
    with database.read() as session:
        used = _patterns_per_sector(session)
        rows = session.scalars(select(Sector).order_by(Sector.sort_order, Sector.name))
        return [_record(row, used) for row in rows]


def check_sector(database: Database, draft: SectorDraft, *, sector_id: int | None = None) -> Check:
    """What is wrong with a sector as typed; ``sector_id`` is the sector being edited."""
    with database.read() as session:
        return _check(session, draft, sector_id)


def add_sector(
    database: Database, draft: SectorDraft, *, actor: Actor, now: datetime
) -> SectorRecord:
    """Create a sector, placed after the others."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        refuse_on_errors(_check(session, draft, None))
        last = session.scalar(select(func.max(Sector.sort_order))) or 0
        row = Sector(
            name=draft.name.strip(), active=True, sort_order=last + _SORT_STEP, created_at=now
        )
        session.add(row)
        session.flush()
        write_audit(
            session,
            actor,
            AuditAction.SECTOR_ADD,
            now=now,
            target=f"sector {row.id}",
            details=f"name: {row.name!r}",
        )
        return _record(row, {})


def update_sector(
    database: Database, sector_id: int, draft: SectorDraft, *, actor: Actor, now: datetime
) -> SectorRecord:
    """Rename a sector; the calls logged with it follow the new name."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, sector_id)
        refuse_on_errors(_check(session, draft, sector_id))
        before = {"name": row.name}
        row.name = draft.name.strip()
        changes = describe_changes(before, {"name": row.name})
        if changes:
            write_audit(
                session,
                actor,
                AuditAction.SECTOR_UPDATE,
                now=now,
                target=f"sector {sector_id}",
                details=changes,
            )
        return _record(row, _patterns_per_sector(session))


def retire_sector(
    database: Database, sector_id: int, *, actor: Actor, now: datetime
) -> SectorRecord:
    """Stop offering a sector for new calls; its history stays."""
    return _set_active(database, sector_id, False, actor=actor, now=now)


def restore_sector(
    database: Database, sector_id: int, *, actor: Actor, now: datetime
) -> SectorRecord:
    """Bring a retired sector back."""
    return _set_active(database, sector_id, True, actor=actor, now=now)


def _set_active(
    database: Database, sector_id: int, active: bool, *, actor: Actor, now: datetime
) -> SectorRecord:
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, sector_id)
        set_active(session, row, active, kind="sector", actor=actor, now=now)
        return _record(row, _patterns_per_sector(session))


def _check(session: Session, draft: SectorDraft, sector_id: int | None) -> Check:
    existing = session.execute(select(Sector.id, Sector.name, Sector.active)).all()
    return Check(
        errors=tuple(
            name_problems("name", draft.name, existing, own_id=sector_id, limit=_NAME_LENGTH)
        )
    )


def _existing(session: Session, sector_id: int) -> Sector:
    row = session.get(Sector, sector_id)
    if row is None:
        raise RosterEditRefused([field_problem("", Problem.GONE)])
    return row


def _patterns_per_sector(session: Session) -> dict[int, int]:
    query = (
        select(shift_pattern_sector.c.sector_id, func.count())
        .join(ShiftPattern, ShiftPattern.id == shift_pattern_sector.c.pattern_id)
        .where(ShiftPattern.retired_at.is_(None))
        .group_by(shift_pattern_sector.c.sector_id)
    )
    return dict(session.execute(query).all())


def _record(row: Sector, used: dict[int, int]) -> SectorRecord:
    return SectorRecord(row.id, row.name, row.active, row.sort_order, used.get(row.id, 0))
