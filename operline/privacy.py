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
SQLite file on the computer are purged by the same rules: those taken before an upgrade,
the automatic backups (``operline.db.automatic_backups``) and the file a restore kept
aside. Drafts of calls never saved are removed from the computer once older than the
notes' retention. What is found and erased in each database is ``operline.privacy_erasure``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.automatic_backups import backups_folder, backups_pattern
from operline.db.engine import Database, open_database
from operline.db.migrate import copies_pattern
from operline.db.restore import kept_aside_pattern
from operline.drafts import DRAFT_FILE, DraftStore, default_drafts_folder
from operline.errors import DatabaseError
from operline.privacy_erasure import erase_found, find_expired, leave_no_copy
from operline.settings import stored_settings


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
    #: Automatic backups and files kept aside by a restore, purged alike (or to purge).
    backups_purged: int = 0
    #: Copies that could not be opened to be purged (a damaged file kept aside, say).
    copies_not_purged: int = 0
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
        found = find_expired(session, notes_before, anonymised_before)
    drafts = _old_drafts(folder, database.name, notes_before)
    copies = _upgrade_copies(database)
    backups = _backups(database)
    report = PurgeReport(
        dry_run,
        notes_before,
        anonymised_before,
        *found.counts(),
        len(drafts),
        len(copies),
        len(found.handovers),
        len(found.audit_entries),
        len(backups),
    )
    if not dry_run and (found or drafts):
        # The write lock is held for the erasure only, not for finding what to erase.
        erase_found(database, found, notes_before, anonymised_before, now)
        with database.write() as session:
            write_audit(
                session, actor, AuditAction.PRIVACY_PURGE, now=now, details=_details(report)
            )
    if dry_run:
        return report
    for draft in drafts:
        draft.unlink(missing_ok=True)
        draft.with_suffix(".tmp").unlink(missing_ok=True)
    not_purged = sum(
        not _purge_copy(copy, notes_before, anonymised_before, now) for copy in copies + backups
    )
    if not_purged:
        report = PurgeReport(**{**report.__dict__, "copies_not_purged": not_purged})
    if not found:
        return report
    emptied = leave_no_copy(database)
    return PurgeReport(**{**report.__dict__, "log_emptied": emptied})


def years_before(now: datetime, years: int) -> datetime:
    """The same instant ``years`` calendar years earlier (29 February becomes the 28th)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def _upgrade_copies(database: Database) -> list[Path]:
    path = database.sqlite_path
    if path is None:
        return []
    return sorted(path.parent.glob(copies_pattern(path)))


def _backups(database: Database) -> list[Path]:
    """The automatic backups, and the files a restore kept aside (without their logs)."""
    path = database.sqlite_path
    if path is None:
        return []
    aside = [
        kept
        for kept in path.parent.glob(kept_aside_pattern(path))
        if not kept.name.endswith(("-wal", "-shm", "-journal"))
    ]
    return sorted(backups_folder(path).glob(backups_pattern(path))) + sorted(aside)


def _purge_copy(
    path: Path, notes_before: datetime, anonymised_before: datetime, now: datetime
) -> bool:
    """The same erasure in a copy of the database, so no copy outlives the rule; whether
    the copy could be opened (a damaged one cannot, and is told, not purged).

    The copy keeps the schema it had; every column erased is there since the first one.
    """
    try:
        copy = open_database(f"sqlite:///{path}", must_exist=True)
    except DatabaseError:
        return False
    try:
        with copy.read() as session:
            found = find_expired(session, notes_before, anonymised_before)
        if found:
            erase_found(copy, found, notes_before, anonymised_before, now)
            leave_no_copy(copy)
    except DatabaseError:
        return False
    finally:
        copy.dispose()
    return True


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
        f"{report.copies_purged}; backups purged: {report.backups_purged}; "
        f"handover notes erased: {report.handover_notes_erased}; "
        f"audit details erased: {report.audit_details_erased}; "
        f"closed before {report.notes_before.isoformat()}; "
        f"received before {report.anonymised_before.isoformat()}"
    )
