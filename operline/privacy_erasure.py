"""The erasure the retention rules make in one database: found in a read, erased by id.

``operline.privacy`` applies it to the desk's database and to every copy of it on the
computer (before an upgrade, automatic backups, the database kept aside by a restore).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from operline.audit import AuditAction, erase_audit_details
from operline.db.engine import Database
from operline.db.models import AuditLog, Handover, Incident, IncidentEvent
from operline.db.search_index import INDEX_TABLE
from operline.incidents.audited import INCIDENT_WRITES
from operline.incidents.events import EventKind

#: The timeline kinds whose value is free text typed at the desk.
TEXT_KINDS = (EventKind.NOTE.value, EventKind.LINKED_CALL.value)
#: The incident columns whose changes the timeline keeps as old and new free text.
TEXT_FIELDS = ("notes", "location", "callback_number")
#: Tables a PostgreSQL purge vacuums, so the rows it replaced are reclaimed.
_VACUUMED = ("incident", "incident_event", "handover", INDEX_TABLE)


#: Rows changed by one statement of the erasure: far below SQLite's limit of parameters.
_CHUNK = 1000


def _text_values() -> sa.ColumnElement[bool]:
    """A timeline line copying a call's notes, place or phone, its text not erased yet."""
    return sa.and_(
        sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
        sa.or_(IncidentEvent.old_value.is_not(None), IncidentEvent.new_value.is_not(None)),
    )


@dataclass(frozen=True)
class Found:
    """What the rules reach now, read without holding the write lock."""

    notes: tuple[int, ...]
    anonymised: tuple[int, ...]
    text_lines: tuple[int, ...]
    reason_lines: tuple[int, ...]
    handovers: tuple[int, ...] = ()
    audit_entries: tuple[int, ...] = ()
    #: Whether the audit log is a hash chain (a copy taken before it is not).
    audit_chained: bool = True

    def counts(self) -> tuple[int, int, int]:
        """Calls whose notes go (those anonymised among them), lines, calls anonymised."""
        lines = len(set(self.text_lines) | set(self.reason_lines))
        return len(self.notes), lines, len(self.anonymised)

    def __bool__(self) -> bool:
        return bool(
            self.notes
            or self.anonymised
            or self.text_lines
            or self.reason_lines
            or self.handovers
            or self.audit_entries
        )


def find_expired(session: Session, notes_before: datetime, anonymised_before: datetime) -> Found:
    """The calls and timeline lines the rules reach: a read, however long the history."""
    expired = sa.or_(Incident.closed_at < notes_before, Incident.received_at < anonymised_before)

    def ids(query: sa.Select[Any]) -> tuple[int, ...]:
        return tuple(session.scalars(query))

    events = sa.select(IncidentEvent.id).join(Incident, Incident.id == IncidentEvent.incident_id)
    # A copy taken before an upgrade may come from before the handovers were kept.
    handovers = (
        ids(sa.select(Handover.id).where(Handover.at < notes_before, Handover.note.is_not(None)))
        if sa.inspect(session.connection()).has_table(Handover.__tablename__)
        else ()
    )
    # The audit entry of each write to a call copies its values (by the call's reference).
    writes = ids(
        sa.select(AuditLog.id)
        .join(Incident, Incident.reference == AuditLog.target)
        .where(
            AuditLog.action.in_(sorted(INCIDENT_WRITES)),
            AuditLog.details.is_not(None),
            expired,
        )
    )
    # A search of the history keeps the words searched for, which may come from a note.
    searches = ids(
        sa.select(AuditLog.id).where(
            AuditLog.action == AuditAction.HISTORY_SEARCH.value,
            AuditLog.details.is_not(None),
            AuditLog.at < notes_before,
        )
    )
    audit_columns = sa.inspect(session.connection()).get_columns(AuditLog.__tablename__)
    return Found(
        notes=ids(sa.select(Incident.id).where(Incident.notes.is_not(None), expired)),
        anonymised=ids(
            sa.select(Incident.id).where(
                Incident.received_at < anonymised_before, Incident.anonymised_at.is_(None)
            )
        ),
        text_lines=ids(events.where(_text_values(), expired)),
        reason_lines=ids(
            events.where(
                IncidentEvent.reason.is_not(None), Incident.received_at < anonymised_before
            )
        ),
        handovers=handovers,
        audit_entries=writes + searches,
        audit_chained=any(column["name"] == "details_erased_at" for column in audit_columns),
    )


def erase_found(
    database: Database,
    found: Found,
    notes_before: datetime,
    anonymised_before: datetime,
    now: datetime,
) -> None:
    """Erase what ``find_expired`` found, a thousand rows by id a transaction, so another desk's
    write waits for one short statement at most, never for the whole purge. A call or a
    line changed meanwhile is checked again; one added meanwhile waits for the next purge,
    and a purge stopped half-way is finished by the next one."""

    def update(
        model: type[Incident] | type[IncidentEvent] | type[Handover] | type[AuditLog],
        chosen: tuple[int, ...],
        *where: sa.ColumnElement[bool],
        **values: object,
    ) -> None:
        for first in range(0, len(chosen), _CHUNK):
            part = chosen[first : first + _CHUNK]
            with database.write() as session:
                session.execute(sa.update(model).where(model.id.in_(part), *where).values(**values))

    # A desk holding one of these calls sees it changed, as after any other write.
    bumped = Incident.version + 1
    update(
        Incident,
        found.anonymised,
        Incident.received_at < anonymised_before,
        Incident.anonymised_at.is_(None),
        location=None,
        callback_number=None,
        notes=None,
        anonymised_at=now,
        version=bumped,
    )
    update(Incident, found.notes, Incident.notes.is_not(None), notes=None, version=bumped)
    update(IncidentEvent, found.text_lines, old_value=None, new_value=None)
    update(IncidentEvent, found.reason_lines, reason=None)
    update(Handover, found.handovers, note=None)
    if not found.audit_chained:  # a copy from before the chain: nothing to keep verifiable
        update(AuditLog, found.audit_entries, details=None)
        return
    for first in range(0, len(found.audit_entries), _CHUNK):
        with database.write() as session:
            erase_audit_details(session, found.audit_entries[first : first + _CHUNK], now=now)


def leave_no_copy(database: Database) -> bool | None:
    """Rebuild the full-text index without the erased words, then leave no old page behind."""
    if not database.is_sqlite:
        with database.errors(), database.engine.connect() as connection:
            autocommit = connection.execution_options(isolation_level="AUTOCOMMIT")
            autocommit.exec_driver_sql("SET statement_timeout = 0")
            for table in _VACUUMED:
                autocommit.exec_driver_sql(f"VACUUM {table}")
            autocommit.exec_driver_sql("RESET statement_timeout")
        return None
    with database.write() as session:
        indexed = session.execute(
            sa.text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"),
            {"name": INDEX_TABLE},
        ).first()
        if indexed is not None:  # a copy from before the index has none
            # FTS5 keeps a changed row's old words in its segments until they are merged.
            session.execute(
                sa.text(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('optimize')")
            )
    with database.errors(), database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        # Raw, as a checkpoint cannot run in a transaction; busy when a reader holds it.
        row = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is not None and int(row[0]) == 0
