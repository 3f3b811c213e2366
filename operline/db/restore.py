"""Putting a backup back in the place of an SQLite database (``operline db restore``).

The backup is checked first, and left untouched: an SQLite file, sound by SQLite's
``integrity_check``, of a schema this Operline knows (an older one is brought up to date
at the next start; a newer Operline's is refused). The restore then takes the database
for itself alone, refused while an Operline window has it open (``operline.db.in_use``); the
current file, its write-ahead log folded in first, is kept aside under a new name, and
the backup is copied in with SQLite's backup API. A copy that fails puts the current file
back. A PostgreSQL database is restored with ``pg_restore``, by the server's tools.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

from operline.db.backup import remove_database_file
from operline.db.engine import describe_url, parse_database_url
from operline.db.in_use import hold_exclusive
from operline.db.migrate import MIGRATIONS, known_revision
from operline.errors import OperlineError
from operline.private_files import make_database_private, prepare_private_file, private_folder
from operline.sentences import QT_TRANSLATE_NOOP

_SQLITE_HEADER = b"SQLite format 3\x00"
_STAMP = "%Y%m%dT%H%M%SZ"


class RestoreRefused(OperlineError):
    """A restore that did not start, and why; the database is as it was."""


@dataclass(frozen=True)
class RestoreReport:
    """What a restore did: the database, the backup put in its place, the calls it holds,
    and where the file it replaced was kept (None when there was none)."""

    database: Path
    backup: Path
    incidents: int
    kept_aside: Path | None


def kept_aside_pattern(database_path: Path) -> str:
    """The names of the files a restore kept aside, as a glob beside the database."""
    return f"{database_path.name}.before-restore-*"


def restore_database(
    database_url: str, backup: Path, *, now: datetime, migrations: str = MIGRATIONS
) -> RestoreReport:
    """Check ``backup``, keep the database aside and copy the backup in its place."""
    url = parse_database_url(database_url)
    where = describe_url(url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "{where} is a PostgreSQL database: restore its pg_dump file with pg_restore "
                "(see the README); Operline restores SQLite files only.",
            ),
            where=where,
        )
    path = Path(url.database)
    backup = backup.resolve()
    if path.exists() and backup == path.resolve():
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages", "{backup} is the database itself; choose a backup of it."
            ),
            backup=backup,
        )
    incidents = check_backup(backup, migrations)
    if not path.parent.is_dir():
        private_folder(path.parent)
    lock = hold_exclusive(path)
    if lock is None:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "An Operline window or command has the database {where} open; close it or let "
                "it finish, then restore again.",
            ),
            where=where,
        )
    try:
        aside = _put_in_place(backup, path, now)
    except (OSError, sqlite3.Error) as error:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "The restore of {where} failed ({detail}); the database is as it was.",
            ),
            where=where,
            detail=getattr(error, "strerror", None) or str(error),
        ) from None
    finally:
        lock.release()
    return RestoreReport(path, backup, incidents, aside)


def _put_in_place(backup: Path, path: Path, now: datetime) -> Path | None:
    aside = _keep_aside(path, now) if path.exists() else None
    try:
        _copy_in(backup, path)
    except BaseException:
        remove_database_file(path)
        if aside is not None:
            _move_with_log(aside, path)
        raise
    return aside


def check_backup(backup: Path, migrations: str = MIGRATIONS) -> int:
    """Refuse a file that cannot be restored; the number of calls of one that can."""
    if not backup.is_file():
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages", "There is no backup at {backup}; check the path."
            ),
            backup=backup,
        )
    with backup.open("rb") as file:
        header = file.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "{backup} is not an SQLite database; nothing was restored.",
            ),
            backup=backup,
        )
    try:
        with _reading(backup) as copy:
            verdict = [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
            if verdict != ["ok"]:
                raise sqlite3.DatabaseError(verdict[0] if verdict else "integrity_check failed")
            _known_schema(copy, backup, migrations)
            return int(copy.execute("SELECT COUNT(*) FROM incident").fetchone()[0])
    except sqlite3.Error as error:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "{backup} is damaged ({detail}); nothing was restored: choose another backup.",
            ),
            backup=backup,
            detail=str(error).strip().splitlines()[0],
        ) from None


@contextmanager
def _reading(backup: Path) -> Iterator[sqlite3.Connection]:
    """The backup read-only. Without a write-ahead log beside it, also immutable: reading
    then creates no file beside it either."""
    wal = backup.with_name(backup.name + "-wal")
    options = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    with closing(sqlite3.connect(f"{backup.as_uri()}?{options}", uri=True)) as copy:
        yield copy


def _known_schema(copy: sqlite3.Connection, backup: Path, migrations: str) -> None:
    engine = create_engine("sqlite://", creator=lambda: copy, poolclass=StaticPool)
    try:
        with engine.connect() as connection:
            # Another program's file, or a newer Operline's: refused in the usual words.
            revision = known_revision(connection, str(backup), migrations)
    finally:
        engine.dispose(close=False)
    if revision is None:
        raise RestoreRefused(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "{backup} is an empty database, not a backup of Operline's; nothing was restored.",
            ),
            backup=backup,
        )


def _keep_aside(path: Path, now: datetime) -> Path:
    """Fold the write-ahead log into the file, then rename it (and any log left)."""
    try:
        with closing(sqlite3.connect(path, timeout=5)) as current:
            current.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        pass  # a damaged file, often why it is restored: its log goes aside with it
    stamp = now.astimezone(UTC).strftime(_STAMP)
    aside = path.with_name(f"{path.name}.before-restore-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{path.name}.before-restore-{stamp}-{number}")
    _move_with_log(path, aside)
    return aside


def _move_with_log(source: Path, target: Path) -> None:
    os.replace(source, target)
    for part in ("-wal", "-shm"):
        log = source.with_name(source.name + part)
        if log.exists():
            os.replace(log, target.with_name(target.name + part))


def _copy_in(backup: Path, path: Path) -> None:
    prepare_private_file(path)
    with _reading(backup) as source, closing(sqlite3.connect(path)) as target:
        source.backup(target)
        verdict = target.execute("PRAGMA quick_check").fetchone()
        if verdict is None or verdict[0] != "ok":
            raise sqlite3.DatabaseError(f"the restored file fails SQLite's check: {verdict}")
    make_database_private(path)
