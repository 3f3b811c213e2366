"""Retention: a closed call's free text erased after a while, old calls anonymised.

Two rules, read from the settings (``privacy.notes_days``, ``privacy.anonymise_after_years``):

- the **notes** of a call closed more than ``notes_days`` ago are erased: the call's own
  notes, and in its timeline the notes added, the summaries of the calls linked to it
  and the old and new values of changes to its place, callback number or notes; so are
  the notes left at a change of shift more than ``notes_days`` ago;
- a call received more than ``anonymise_after_years`` ago is **anonymised**: its place is
  reduced to its sector, its callback number and notes are erased, and so is every free
  text of its timeline (reasons included); the calling service, the need, the times and
  the outcome stay for the figures.

Erased means wherever the text was copied: the history's full-text index follows the
incident table by its triggers and is then rebuilt (SQLite's FTS5 ``optimize``), SQLite
overwrites what it frees (``secure_delete``, see ``operline.db.engine``) and its write-ahead
log is emptied (checkpoint TRUNCATE); PostgreSQL's dead rows are vacuumed. The copies of an
SQLite file taken before an upgrade are purged by the same rules. Drafts of calls never
saved are removed from the computer once older than the notes' retention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, erase_audit_details, write_audit
from operline.db.engine import Database, open_database
from operline.db.migrate import copies_pattern
from operline.db.models import AuditLog, Handover, Incident, IncidentEvent
from operline.db.search_index import INDEX_TABLE
from operline.drafts import DRAFT_FILE, DraftStore, default_drafts_folder
from operline.incidents.audited import INCIDENT_WRITES
from operline.incidents.events import EventKind
from operline.settings import stored_settings

#: The timeline kinds whose value is free text typed at the desk.
TEXT_KINDS = (EventKind.NOTE.value, EventKind.LINKED_CALL.value)
#: The incident columns whose changes the timeline keeps as old and new free text.
TEXT_FIELDS = ("notes", "location", "callback_number")
#: Tables a PostgreSQL purge vacuums, so the rows it replaced are reclaimed.
_VACUUMED = ("incident", "incident_event", "handover", INDEX_TABLE)


@dataclass(frozen=True)
class PurgeReport:
    """What a purge erased (or, in a dry run, would erase)."""

    dry_run: bool
    #: Calls closed before this instant have their notes erased.
    notes_before: datetime
    #: Calls received before this instant are anonymised.
    anonymised_before: datetime
    #: Calls whose own notes were erased (anonymised ones included).
    notes_erased: int
    #: Lines of the timeline whose free text was erased.
    timeline_lines_erased: int
    #: Calls anonymised.
    incidents_anonymised: int
    #: Drafts of unsaved calls removed from this computer.
    drafts_removed: int
    #: Copies taken before an upgrade, purged by the same rules (or to purge, in a dry run).
    copies_purged: int = 0
    #: Notes left at a change of shift more than ``notes_days`` ago, erased.
    handover_notes_erased: int = 0
    #: Audit entries of corrections to these calls whose details (old and new values) were
    #: erased; the audit chain keeps their digests, so it still verifies.
    audit_details_erased: int = 0
    #: Whether SQLite's write-ahead log was emptied; None when there was nothing to do or
    #: the database is no SQLite file.
    log_emptied: bool | None = None

    @property
    def erased_anything(self) -> bool:
        return bool(
            self.notes_erased
            or self.handover_notes_erased
            or self.timeline_lines_erased
            or self.incidents_anonymised
            or self.drafts_removed
            or self.audit_details_erased
        )


def purge(
    database: Database,
    *,
    actor: Actor,
    now: datetime,
    dry_run: bool = False,
    drafts_folder: Path | None = None,
) -> PurgeReport:
    """Apply the retention rules now (or only count, with ``dry_run``); audited when applied."""
    require(actor, Right.EDIT_SETTINGS)
    folder = drafts_folder if drafts_folder is not None else default_drafts_folder()
    with database.read() as session:
        settings = stored_settings(session)
        notes_before = now - timedelta(days=settings.notes_days)
        anonymised_before = years_before(now, settings.anonymise_after_years)
        found = _find(session, notes_before, anonymised_before)
    drafts = _old_drafts(folder, database.name, notes_before)
    copies = _upgrade_copies(database)
    report = PurgeReport(
        dry_run,
        notes_before,
        anonymised_before,
        *found.counts(),
        len(drafts),
        len(copies),
        len(found.handovers),
        len(found.audit_entries),
    )
    if not dry_run and (found or drafts):
        # The write lock is held for the erasure only, not for finding what to erase.
        _erase(database, found, notes_before, anonymised_before, now)
        with database.write() as session:
            write_audit(
                session, actor, AuditAction.PRIVACY_PURGE, now=now, details=_details(report)
            )
    if dry_run:
        return report
    for draft in drafts:
        draft.unlink(missing_ok=True)
        draft.with_suffix(".tmp").unlink(missing_ok=True)
    for copy in copies:
        _purge_copy(copy, notes_before, anonymised_before, now)
    if not found:
        return report
    emptied = _leave_no_copy(database)
    return PurgeReport(**{**report.__dict__, "log_emptied": emptied})


def years_before(now: datetime, years: int) -> datetime:
    """The same instant ``years`` calendar years earlier (29 February becomes the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


#: Rows changed by one statement of the erasure: far below SQLite's limit of parameters.
_CHUNK = 1000


def _text_values() -> sa.ColumnElement[bool]:
    """A timeline line copying a call's notes, place or phone, its text not erased yet."""
    return sa.and_(
        sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
        sa.or_(IncidentEvent.old_value.is_not(None), IncidentEvent.new_value.is_not(None)),
    )


@dataclass(frozen=True)
class _Found:
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


def _find(session: Session, notes_before: datetime, anonymised_before: datetime) -> _Found:
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
    return _Found(
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


def _erase(
    database: Database,
    found: _Found,
    notes_before: datetime,
    anonymised_before: datetime,
    now: datetime,
) -> None:
    """Erase what ``_find`` found, a thousand rows by id a transaction, so another desk's
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


def _upgrade_copies(database: Database) -> list[Path]:
    path = database.sqlite_path
    if path is None:
        return []
    return sorted(path.parent.glob(copies_pattern(path)))


def _purge_copy(
    path: Path, notes_before: datetime, anonymised_before: datetime, now: datetime
) -> None:
    """The same erasure in a copy taken before an upgrade, so no copy outlives the rule.

    The copy keeps the schema it had; every column erased is there since the first one.
    """
    copy = open_database(f"sqlite:///{path}", must_exist=True)
    try:
        with copy.read() as session:
            found = _find(session, notes_before, anonymised_before)
        if found:
            _erase(copy, found, notes_before, anonymised_before, now)
            _leave_no_copy(copy)
    finally:
        copy.dispose()


def _old_drafts(folder: Path, database_name: str, before: datetime) -> list[Path]:
    """This database's draft, and one of a version before drafts named their database, when
    typed before ``before``."""
    store = DraftStore(folder)
    store.belong_to(database_name)
    old: list[Path] = []
    for path in (store.path, folder / DRAFT_FILE):
        reader = DraftStore(folder)
        reader.path = path
        reader.database = store.database if path == store.path else None
        found = reader.load()
        if found is not None and found[0] < before:
            old.append(path)
    return old


def _details(report: PurgeReport) -> str:
    return (
        f"notes erased: {report.notes_erased}; timeline lines erased: "
        f"{report.timeline_lines_erased}; anonymised: {report.incidents_anonymised}; drafts "
        f"removed: {report.drafts_removed}; copies before an upgrade purged: "
        f"{report.copies_purged}; handover notes erased: {report.handover_notes_erased}; "
        f"audit details erased: {report.audit_details_erased}; "
        f"closed before {report.notes_before.isoformat()}; "
        f"received before {report.anonymised_before.isoformat()}"
    )


def _leave_no_copy(database: Database) -> bool | None:
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
