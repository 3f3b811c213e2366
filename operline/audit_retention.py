"""Retention of the audit trail: entries older than the setting's months leave the chain.

They are removed from the start of the chain only, up to the first entry still within the
period, so what stays is one unbroken chain; the hash and id of the last entry removed
become the chain's anchor, from which ``audit verify`` starts. Run at each start of the
window and by ``operline audit prune``; a prune that removed entries is itself audited.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, command_line_actor, require
from operline.audit import AuditAction, lock_chain_head, write_audit
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.paris_time import as_utc
from operline.settings import stored_settings


@dataclass(frozen=True)
class PrunePlan:
    """What retention removes now: the entries before ``cutoff``, up to ``last_id``."""

    months: int
    cutoff: datetime
    count: int
    last_id: int | None


def months_before(instant: datetime, months: int) -> datetime:
    """The same day and time ``months`` calendar months earlier (the month's last day when
    that month is shorter)."""
    instant = as_utc(instant)
    index = instant.year * 12 + instant.month - 1 - months
    year, month = divmod(index, 12)
    day = min(instant.day, calendar.monthrange(year, month + 1)[1])
    return instant.replace(year=year, month=month + 1, day=day)


def audit_prune_plan(database: Database, *, now: datetime) -> PrunePlan:
    """What ``prune_audit`` would remove now, without removing anything."""
    with database.read() as session:
        return _plan(session, now)


def prune_audit(database: Database, *, now: datetime, actor: Actor | None = None) -> int:
    """Remove the entries older than the retention setting from the start of the chain.

    Returns how many were removed; the prune is audited when it removed any, in the name
    of ``actor`` (the computer's account by default, as at the window's start).
    """
    actor = actor or command_line_actor()
    require(actor, Right.AUDIT_TRAIL)
    with database.write() as session:
        head = lock_chain_head(session)
        plan = _plan(session, now)
        if plan.last_id is None:
            return 0
        anchor_hash = session.scalar(select(AuditLog.entry_hash).where(AuditLog.id == plan.last_id))
        assert anchor_hash is not None
        session.execute(delete(AuditLog).where(AuditLog.id <= plan.last_id))
        head.anchor_id, head.anchor_hash = plan.last_id, anchor_hash
        write_audit(
            session,
            actor,
            AuditAction.AUDIT_PRUNE,
            now=now,
            target=f"before {plan.cutoff.isoformat()}",
            details=f"{plan.count} entries removed, up to entry {plan.last_id}; "
            f"kept {plan.months} months",
        )
    return plan.count


def _plan(session: Session, now: datetime) -> PrunePlan:
    months = stored_settings(session).months_kept
    cutoff = months_before(now, months)
    first_kept = session.scalar(select(func.min(AuditLog.id)).where(AuditLog.at >= cutoff))
    removed = select(func.max(AuditLog.id), func.count(AuditLog.id))
    if first_kept is not None:
        removed = removed.where(AuditLog.id < first_kept)
    last_id, count = session.execute(removed).one()
    return PrunePlan(months, cutoff, int(count), last_id)
