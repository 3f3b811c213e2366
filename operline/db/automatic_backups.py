"""Automatic backups of an SQLite database, in a ``backups`` folder beside it.

The desk writes one at start and then every ``backup.every_hours`` hours, with SQLite's
online backup (never a copy of the live file) checked by ``integrity_check``; each is
named by its UTC time, so the names sort as the backups were made, and those older than
``KEPT_DAYS`` are removed once a new one is written. A backup is a single file (its
journal is not a write-ahead log), so it can be copied elsewhere as it is. PostgreSQL
has none: its server's backups are ``pg_dump``'s (see the README).
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from operline.db.backup import backup_sqlite_file, remove_database_file
from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem
from operline.private_files import private_folder

#: The folder beside the database that holds its automatic backups.
BACKUPS_FOLDER = "backups"
#: Days an automatic backup is kept.
KEPT_DAYS = 14
#: A last backup older than this is shown as a problem.
STALE_AFTER = timedelta(hours=24)
_STAMP = "%Y%m%dT%H%M%SZ"
#: What a backup being written is called until it is checked.
_PARTIAL = ".partial"


@dataclass(frozen=True)
class AutomaticBackup:
    """One automatic backup: its file and when it was made (UTC)."""

    path: Path
    at: datetime


@dataclass(frozen=True)
class BackupRun:
    """What one automatic backup did: the backup written, those removed, and the next."""

    written: AutomaticBackup
    removed: tuple[Path, ...]
    next_at: datetime


def backups_folder(database_path: Path) -> Path:
    """Where the automatic backups of the SQLite file ``database_path`` are written."""
    return database_path.parent / BACKUPS_FOLDER


def backups_pattern(database_path: Path) -> str:
    """The names of the automatic backups of ``database_path``, as a glob in their folder."""
    return f"{database_path.stem}-*{database_path.suffix}"


def backup_name(database_path: Path, at: datetime) -> str:
    """The file name of the automatic backup made at ``at``."""
    return f"{database_path.stem}-{at.astimezone(UTC).strftime(_STAMP)}{database_path.suffix}"


def automatic_backups(database_path: Path) -> list[AutomaticBackup]:
    """The automatic backups of ``database_path``, oldest first."""
    folder = backups_folder(database_path)
    if not folder.is_dir():
        return []
    found = []
    prefix, suffix = f"{database_path.stem}-", database_path.suffix
    for path in folder.glob(backups_pattern(database_path)):
        stamp = path.name.removeprefix(prefix).removesuffix(suffix)
        try:
            at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue  # not one of ours: left alone
        found.append(AutomaticBackup(path, at))
    return sorted(found, key=lambda backup: backup.at)


def latest_backup(database_path: Path) -> AutomaticBackup | None:
    """The newest automatic backup of ``database_path``, if there is one."""
    backups = automatic_backups(database_path)
    return backups[-1] if backups else None


def is_stale(last: datetime | None, now: datetime) -> bool:
    """Whether the last backup is missing or older than ``STALE_AFTER``."""
    return last is None or now - last > STALE_AFTER


def write_automatic_backup(database: Database, *, now: datetime, every_hours: int) -> BackupRun:
    """Write a checked backup into the backups folder, then remove the expired ones.

    Nothing is removed when the backup fails: the older backups are all there is.
    """
    path = database.sqlite_path
    if path is None:
        raise ValueError("automatic backups are for SQLite files only")
    folder = backups_folder(path)
    try:
        private_folder(folder)
    except OSError as error:
        raise DatabaseError(
            DatabaseProblem.COPY_FAILED, database.name, error.strerror or str(error)
        ) from None
    for leftover in folder.glob(f"*{_PARTIAL}"):  # a backup a crash interrupted
        remove_database_file(leftover)
    target = folder / backup_name(path, now)
    if not target.exists():  # one a second at most; the one there is as recent
        partial = target.with_name(target.name + _PARTIAL)
        backup_sqlite_file(database, partial, check="integrity_check")
        try:
            _single_file(partial)
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            remove_database_file(partial)
            raise DatabaseError(DatabaseProblem.COPY_FAILED, database.name, str(error)) from None
    written = AutomaticBackup(target, now.replace(microsecond=0).astimezone(UTC))
    removed = remove_expired_backups(path, now=now)
    return BackupRun(written, removed, now + timedelta(hours=every_hours))


def remove_expired_backups(database_path: Path, *, now: datetime) -> tuple[Path, ...]:
    """Delete the automatic backups made more than ``KEPT_DAYS`` days before ``now``."""
    expired = tuple(
        backup.path
        for backup in automatic_backups(database_path)
        if backup.at < now - timedelta(days=KEPT_DAYS)
    )
    for path in expired:
        remove_database_file(path)
    return expired


def _single_file(path: Path) -> None:
    """Turn the copy's journal back to a rollback journal: a backup opened later (to check,
    purge or restore it) then leaves no write-ahead log beside it."""
    copy = sqlite3.connect(path)
    try:
        copy.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        copy.close()
