"""The audit log: who did or consulted what, when, and from where; one writer, one list.

Every audited action is declared once below, and ``write_audit`` is the only way rows are
added: the row keeps the actor's operator id (the same id the call's timeline keeps) and
a readable name with the workstation. Each row is chained onto the one before it by a
hash (``operline.audit_chain``), so a row edited, removed or slipped in is noticed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum

from sqlalchemy import String, func, select, update
from sqlalchemy.orm import Session

from operline.actors import Actor
from operline.audit_chain import GENESIS_HASH, chain_hash, details_digest, entry_fields
from operline.db.models import AuditChain, AuditLog
from operline.paris_time import as_utc


class AuditAction(StrEnum):
    """What an ``audit_log`` row records; the codes are stored, so they never change."""

    #: A person signed in with their password (the workstation in ``target``).
    OPERATOR_SIGN_IN = "operator.sign_in"
    #: A person left the desk, handed it over or had the window locked for them.
    LOGOUT = "operator.logout"
    #: A wrong password, or a login nobody has (the login typed is not kept).
    LOGIN_FAILED = "operator.login_failed"
    #: Too many wrong passwords in a row: the account waits until ``details``.
    ACCOUNT_LOCKED = "operator.locked"
    #: An administrator lifted a lock before its end.
    UNLOCK = "operator.unlock"
    #: A person's password was set or changed (never the password itself).
    PASSWORD_SET = "operator.password"
    #: A person's role was changed (old and new role in ``details``).
    ROLE_CHANGE = "operator.role"
    OPERATOR_ADD = "operator.add"
    OPERATOR_RETIRE = "operator.retire"
    OPERATOR_RESTORE = "operator.restore"
    #: An operator handed the desk over to the next one (the note is in ``handover``).
    OPERATOR_HANDOVER = "operator.handover"
    #: A day's handovers and their notes were read.
    HANDOVER_VIEW = "handover.view"
    SETTINGS_WRITE = "settings.write"
    INCIDENT_VIEW = "incident.view"
    #: A call was logged (the values it was logged with in ``details``).
    INCIDENT_LOG = "incident.log"
    #: A further call about an open incident was recorded (its summary in ``details``).
    INCIDENT_LINK = "incident.link"
    #: A team was contacted for a call (the timeline lines the write added in ``details``,
    #: as for every change to a call below: each field's old and new value, the reason).
    INCIDENT_ROUTE = "incident.route"
    #: The team acknowledged, or is on scene.
    INCIDENT_ADVANCE = "incident.advance"
    INCIDENT_CLOSE = "incident.close"
    INCIDENT_REASSIGN = "incident.reassign"
    INCIDENT_NOTE = "incident.note"
    #: The last step of a call was undone.
    INCIDENT_UNDO = "incident.undo"
    #: A write to a call was refused: another desk had changed it (the attempt in ``details``).
    INCIDENT_CONFLICT = "incident.conflict"
    #: A place's free beds were reported (the place and the count in ``details``).
    PLACES_REPORT = "places.report"
    JOURNAL_VIEW = "journal.view"
    #: A search of the history (its filters in ``details``); its pages are not audited.
    HISTORY_SEARCH = "history.search"
    #: A sector's figures: its open calls, today's log, its weeks in numbers.
    SECTOR_FIGURES_VIEW = "figures.sector.view"
    #: The week in charts: counts per sector, day and hour, no call named.
    WEEK_FIGURES_VIEW = "figures.week.view"
    #: A supervisor corrected a call in the day log (old and new values, the reason).
    INCIDENT_CORRECT = "incident.correct"
    DAY_SIGN_OFF = "day.sign_off"
    #: A day log printed, or saved as a PDF or CSV file.
    DAY_LOG_EXPORT = "day.export"
    #: The week's files for the GPO were written (the week, rows and SHA-256 of each file).
    GPO_EXPORT = "gpo.export"
    #: The summary and hot spots of a week's GPO export were read before saving it.
    GPO_PREVIEW = "gpo.preview"
    #: The week's brief for the GPO was written as a PDF (the week, pages and SHA-256).
    GPO_BRIEF = "gpo.brief"
    #: Calls of the log kept before Operline were imported (file, SHA-256, row counts).
    CALL_IMPORT = "calls.import"
    ROSTER_IMPORT = "roster.import"
    EXCEPTION_ADD = "roster.exception.add"
    EXCEPTION_REMOVE = "roster.exception.remove"
    TEAM_ADD = "roster.team.add"
    TEAM_UPDATE = "roster.team.update"
    TEAM_RETIRE = "roster.team.retire"
    TEAM_RESTORE = "roster.team.restore"
    SECTOR_ADD = "roster.sector.add"
    SECTOR_UPDATE = "roster.sector.update"
    SECTOR_RETIRE = "roster.sector.retire"
    SECTOR_RESTORE = "roster.sector.restore"
    FACILITY_ADD = "roster.facility.add"
    FACILITY_UPDATE = "roster.facility.update"
    FACILITY_RETIRE = "roster.facility.retire"
    FACILITY_RESTORE = "roster.facility.restore"
    PATTERN_ADD = "roster.pattern.add"
    PATTERN_UPDATE = "roster.pattern.update"
    PATTERN_DELETE = "roster.pattern.delete"
    #: The retention purge erased notes and anonymised old calls (its counts in ``details``).
    PRIVACY_PURGE = "privacy.purge"
    #: The demo history was written (by bulk insert, with no actor of the desk).
    DEMO_FILLED = "demo_filled"
    #: Audit entries were exported for a data-protection officer (the period, rows, SHA-256).
    AUDIT_EXPORT = "audit.export"
    #: Audit entries older than their retention were removed from the start of the chain.
    AUDIT_PRUNE = "audit.prune"


def _length(column: str) -> int:
    column_type = AuditLog.__table__.c[column].type
    assert isinstance(column_type, String)
    assert column_type.length is not None
    return column_type.length


_ACTOR_LENGTH = _length("actor")
_TARGET_LENGTH = _length("target")
_DETAILS_LENGTH = _length("details")


def write_audit(
    session: Session,
    actor: Actor,
    action: AuditAction,
    *,
    now: datetime,
    target: str | None = None,
    details: str | None = None,
) -> None:
    """Add one audit row to the session's transaction, so it commits with the change."""
    append_audit_entry(
        session,
        at=now,
        operator_id=actor.operator_id,
        actor=actor.audit_name,
        action=action,
        target=target,
        details=details,
    )


def append_audit_entry(
    session: Session,
    *,
    at: datetime,
    operator_id: int | None,
    actor: str,
    action: AuditAction,
    target: str | None = None,
    details: str | None = None,
) -> int:
    """Chain one entry onto the last one, in the session's transaction; returns its id.

    The chain's head row is locked first (on SQLite the writer's BEGIN IMMEDIATE already
    holds the database), so two desks writing at once wait for each other rather than
    both chaining onto the same entry.
    """
    head = lock_chain_head(session)
    actor = actor[:_ACTOR_LENGTH]
    target = target[:_TARGET_LENGTH] if target else None
    details = details[:_DETAILS_LENGTH] if details else None
    at = as_utc(at)
    digest = details_digest(details)
    fields = entry_fields(at, operator_id, actor, action.value, target, digest)
    entry = AuditLog(
        # Numbered under the lock, after the last entry or the anchor: ids follow the chain,
        # and SQLite never hands out again the id of an entry retention removed.
        id=(head.last_id if head.last_id is not None else head.anchor_id or 0) + 1,
        at=at,
        operator_id=operator_id,
        actor=actor,
        action=action.value,
        target=target,
        details=details,
        details_sha256=digest,
        previous_hash=head.last_hash,
        entry_hash=chain_hash(head.last_hash, fields),
    )
    session.add(entry)
    session.flush()
    head.last_id, head.last_hash = entry.id, entry.entry_hash
    return entry.id


def lock_chain_head(session: Session) -> AuditChain:
    """The chain's head row, locked until the transaction ends (made if it is missing)."""
    query = select(AuditChain).where(AuditChain.id == 1).with_for_update()
    head = session.execute(query).scalar_one_or_none()
    if head is None:
        # A missing head is itself reported by ``audit verify`` (the entries left are before
        # its anchor); the desk keeps working.
        last = session.scalar(select(func.max(AuditLog.id)))
        head = AuditChain(
            id=1, last_id=None, last_hash=GENESIS_HASH, anchor_id=last, anchor_hash=GENESIS_HASH
        )
        session.add(head)
        session.flush()
    return head


def erase_audit_details(session: Session, entry_ids: Iterable[int], *, now: datetime) -> int:
    """Erase the details of these entries, marking each erasure; the chain still verifies.

    For the privacy purge: the digest of each text stays, and ``audit verify`` accepts a
    details that is missing only with this mark. Returns how many texts were erased.
    """
    erased = 0
    ids = list(entry_ids)
    for start in range(0, len(ids), 500):
        result = session.execute(
            update(AuditLog)
            .where(AuditLog.id.in_(ids[start : start + 500]), AuditLog.details.is_not(None))
            .values(details=None, details_erased_at=as_utc(now))
        )
        erased += result.rowcount  # type: ignore[attr-defined]
    return erased
