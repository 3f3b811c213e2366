"""Retention: a closed call's free text erased after a while, old calls anonymised.

Two rules, read from the settings (``privacy.notes_days``, ``privacy.anonymise_after_years``):

- the **notes** of a call closed more than ``notes_days`` ago are erased: the call's own
  notes, and in its timeline the notes added, the summaries of the calls linked to it
  and the old and new values of changes to its place, callback number or notes;
- a call received more than ``anonymise_after_years`` ago is **anonymised**: its place is
  reduced to its sector, its callback number and notes are erased, and so is every free
  text of its timeline (reasons included); the calling service, the need, the times and
  the outcome stay for the figures.

Erased means wherever the text was copied: the history's full-text index follows the
incident table by its triggers and is then rebuilt (SQLite's FTS5 ``optimize``), SQLite
overwrites what it frees (``secure_delete``, see ``operline.db.engine``) and its write-ahead
log is emptied (checkpoint TRUNCATE); PostgreSQL's dead rows are vacuumed. Drafts of calls
never saved are removed from the computer once older than the notes' retention.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent
from operline.db.search_index import INDEX_TABLE
from operline.drafts import DRAFT_FILE, DraftStore, default_drafts_folder
from operline.incidents.events import EventKind
from operline.settings import stored_settings

#: The timeline kinds whose value is free text typed at the desk.
TEXT_KINDS = (EventKind.NOTE.value, EventKind.LINKED_CALL.value)
#: The incident columns whose changes the timeline keeps as old and new free text.
TEXT_FIELDS = ("notes", "location", "callback_number")
#: Tables a PostgreSQL purge vacuums, so the rows it replaced are reclaimed.
_VACUUMED = ("incident", "incident_event", INDEX_TABLE)


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
    #: Whether SQLite's write-ahead log was emptied; None when there was nothing to do or
    #: the database is no SQLite file.
    log_emptied: bool | None = None

    @property
    def erased_anything(self) -> bool:
        return bool(
            self.notes_erased
            or self.timeline_lines_erased
            or self.incidents_anonymised
            or self.drafts_removed
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
    opened = database.read() if dry_run else database.write()
    with opened as session:
        settings = stored_settings(session)
        notes_before = now - timedelta(days=settings.notes_days)
        anonymised_before = years_before(now, settings.anonymise_after_years)
        if dry_run:
            counted = _count(session, notes_before, anonymised_before)
        else:
            if session.connection().dialect.name == "postgresql":
                # The first purge of years of history is one long statement by design.
                session.execute(sa.text("SET LOCAL statement_timeout = 0"))
            counted = _erase(session, notes_before, anonymised_before, now)
        drafts = _old_drafts(folder, database.name, notes_before)
        report = PurgeReport(dry_run, notes_before, anonymised_before, *counted, len(drafts))
        if not dry_run and report.erased_anything:
            write_audit(
                session, actor, AuditAction.PRIVACY_PURGE, now=now, details=_details(report)
            )
    if dry_run:
        return report
    for draft in drafts:
        draft.unlink(missing_ok=True)
        draft.with_suffix(".tmp").unlink(missing_ok=True)
    if not (report.notes_erased or report.timeline_lines_erased or report.incidents_anonymised):
        return report
    emptied = _leave_no_copy(database)
    return PurgeReport(**{**report.__dict__, "log_emptied": emptied})


def years_before(now: datetime, years: int) -> datetime:
    """The same instant ``years`` calendar years earlier (29 February becomes the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def _closed_before(cutoff: datetime) -> sa.Select[int]:
    return sa.select(Incident.id).where(Incident.closed_at < cutoff)


def _received_before(cutoff: datetime) -> sa.Select[int]:
    return sa.select(Incident.id).where(Incident.received_at < cutoff)


def _holds_text() -> sa.ColumnElement[bool]:
    return sa.or_(IncidentEvent.old_value.is_not(None), IncidentEvent.new_value.is_not(None))


def _text_lines(incidents: sa.Select[int]) -> sa.ColumnElement[bool]:
    """The timeline lines of these incidents that copy their notes, place or phone."""
    return sa.and_(
        IncidentEvent.incident_id.in_(incidents),
        sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
        _holds_text(),
    )


def _anonymised_lines(incidents: sa.Select[int]) -> sa.ColumnElement[bool]:
    """The timeline lines of these incidents that hold any free text, reasons included."""
    return sa.and_(
        IncidentEvent.incident_id.in_(incidents),
        sa.or_(
            sa.and_(
                sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
                _holds_text(),
            ),
            IncidentEvent.reason.is_not(None),
        ),
    )


def _notes_to_erase(cutoff: datetime) -> sa.ColumnElement[bool]:
    return sa.and_(Incident.closed_at < cutoff, Incident.notes.is_not(None))


def _to_anonymise(cutoff: datetime) -> sa.ColumnElement[bool]:
    return sa.and_(Incident.received_at < cutoff, Incident.anonymised_at.is_(None))


def _count(
    session: Session, notes_before: datetime, anonymised_before: datetime
) -> tuple[int, int, int]:
    def rows(model: type[Incident] | type[IncidentEvent], where: sa.ColumnElement[bool]) -> int:
        return session.scalar(sa.select(sa.func.count()).select_from(model).where(where)) or 0

    notes = rows(
        Incident,
        sa.or_(
            _notes_to_erase(notes_before),
            sa.and_(_to_anonymise(anonymised_before), Incident.notes.is_not(None)),
        ),
    )
    lines = rows(
        IncidentEvent,
        sa.or_(
            _text_lines(_closed_before(notes_before)),
            _anonymised_lines(_received_before(anonymised_before)),
        ),
    )
    return notes, lines, rows(Incident, _to_anonymise(anonymised_before))


def _erase(
    session: Session, notes_before: datetime, anonymised_before: datetime, now: datetime
) -> tuple[int, int, int]:
    def update(
        model: type[Incident] | type[IncidentEvent], where: sa.ColumnElement[bool], **values: object
    ) -> int:
        done = session.execute(sa.update(model).where(where).values(**values))
        return int(done.rowcount or 0)  # type: ignore[attr-defined]

    # A desk holding one of these calls sees it changed, as after any other write.
    bumped = Incident.version + 1
    anonymised_notes = (
        session.scalar(
            sa.select(sa.func.count()).where(
                _to_anonymise(anonymised_before), Incident.notes.is_not(None)
            )
        )
        or 0
    )
    anonymised = update(
        Incident,
        _to_anonymise(anonymised_before),
        location=None,
        callback_number=None,
        notes=None,
        anonymised_at=now,
        version=bumped,
    )
    notes = anonymised_notes + update(
        Incident, _notes_to_erase(notes_before), notes=None, version=bumped
    )
    lines = update(
        IncidentEvent,
        _anonymised_lines(_received_before(anonymised_before)),
        old_value=sa.case(
            (
                sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
                None,
            ),
            else_=IncidentEvent.old_value,
        ),
        new_value=sa.case(
            (
                sa.or_(IncidentEvent.kind.in_(TEXT_KINDS), IncidentEvent.field.in_(TEXT_FIELDS)),
                None,
            ),
            else_=IncidentEvent.new_value,
        ),
        reason=None,
    )
    lines += update(
        IncidentEvent, _text_lines(_closed_before(notes_before)), old_value=None, new_value=None
    )
    return notes, lines, anonymised


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
        f"removed: {report.drafts_removed}; closed before {report.notes_before.isoformat()}; "
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
        # FTS5 keeps a changed row's old words in its segments until they are merged.
        session.execute(sa.text(f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}) VALUES ('optimize')"))
    with database.errors(), database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        # Raw, as a checkpoint cannot run in a transaction; busy when a reader holds it.
        row = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return row is not None and int(row[0]) == 0
