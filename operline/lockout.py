"""The lockout: wrong passwords in a row lock an account for a while, and the audit says so.

Five wrong passwords in a row lock the account for ten minutes; a good password clears the
count. The lock ends by itself, or earlier when an administrator lifts it. The count lives
on the operator's row, so every desk of the database sees the same lock.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Operator
from operline.operators import find_operator
from operline.paris_time import as_utc, isoformat_paris
from operline.sentences import QT_TRANSLATE_NOOP

#: Wrong passwords in a row that lock the account.
LOCK_AFTER = 5
#: How long a locked account refuses every sign-in, the good password included.
LOCK_FOR = timedelta(minutes=10)


def lock_end(operator: Operator, now: datetime) -> datetime | None:
    """Until when the account is locked, or None when it may sign in now."""
    until = operator.locked_until
    if until is None or as_utc(until) <= as_utc(now):
        return None
    return as_utc(until)


def record_failure(
    session: Session, operator: Operator, *, actor: Actor, now: datetime
) -> datetime | None:
    """Count one wrong password (audited); the end of the lock when it was the last allowed."""
    if lock_end(operator, now) is None and operator.locked_until is not None:
        operator.locked_until = None  # a lock that ended: the count starts again
    operator.failed_attempts = (operator.failed_attempts or 0) + 1
    write_audit(
        session,
        actor,
        AuditAction.LOGIN_FAILED,
        now=now,
        target=actor.workstation,
        details=f"attempt {operator.failed_attempts} of {LOCK_AFTER}",
    )
    if operator.failed_attempts < LOCK_AFTER:
        return None
    until = as_utc(now) + LOCK_FOR
    operator.failed_attempts = 0
    operator.locked_until = until
    write_audit(
        session,
        actor,
        AuditAction.ACCOUNT_LOCKED,
        now=now,
        target=operator.name,
        details=f"until {isoformat_paris(until)}",
    )
    return until


def record_success(operator: Operator) -> None:
    """A good password: the wrong ones before it no longer count."""
    operator.failed_attempts = 0
    operator.locked_until = None


def unlock_operator(database: Database, name: str, *, actor: Actor, now: datetime) -> bool:
    """Lift ``name``'s lock before its end; whether there was one (audited either way)."""
    require(actor, Right.MANAGE_OPERATORS)
    with database.write() as session:
        operator = find_operator(session, name)
        was_locked = lock_end(operator, now) is not None
        operator.failed_attempts = 0
        operator.locked_until = None
        write_audit(
            session,
            actor,
            AuditAction.UNLOCK,
            now=now,
            target=operator.name,
            details="was locked" if was_locked else "was not locked",
        )
        return was_locked


#: How the desk and the command line tell a lock (the time in Paris, HH:MM).
LOCKED_SENTENCE = QT_TRANSLATE_NOOP(
    "LoginMessages",
    "Too many wrong passwords: this account is locked until {until}. Try again then, or ask "
    "an administrator to unlock it.",
)
