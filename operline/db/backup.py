"""Copies of a live database, taken while desks keep working on it.

An SQLite copy is read in pages from one snapshot (desks go on writing meanwhile, and
progress can be told), then checked: a copy that fails SQLite's integrity check is
deleted, since a damaged copy must never take the place of good backups.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from operline.db.engine import Database
from operline.errors import DatabaseDamaged, DatabaseError, DatabaseProblem, InvalidInput
from operline.private_files import make_database_private, make_private, prepare_private_file
from operline.sentences import QT_TRANSLATE_NOOP

#: The refusal to write a backup over a file that is there.
BACKUP_EXISTS = QT_TRANSLATE_NOOP(
    "DatabaseMessages", "{target} already exists; choose a new file name for the backup."
)

BACKUP_TIMEOUT_S = 30 * 60
#: Pages copied per step: 4 MB with SQLite's default 4 KB pages.
PAGES_PER_STEP = 1024

#: Told the share of the pages copied so far, from 0.0 to 1.0.
CopyProgress = Callable[[float], None]


def backup_database(database: Database, target: Path) -> Path:
    """Write a consistent copy of the database to ``target``, which must not exist."""
    if target.exists():
        raise InvalidInput(BACKUP_EXISTS, target=target)
    if not target.parent.is_dir():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("DatabaseMessages", "The folder {folder} does not exist."),
            folder=target.parent,
        )
    if database.is_sqlite:
        return backup_sqlite_file(database, target, check="integrity_check")
    return _backup_postgresql(database, target)


def backup_sqlite_file(
    database: Database,
    target: Path,
    *,
    problem: DatabaseProblem = DatabaseProblem.COPY_FAILED,
    progress: CopyProgress | None = None,
    check: str = "integrity_check",
) -> Path:
    """Copy a live SQLite database page by page with SQLite's online backup, then check it.

    A failure is told as ``problem`` (the copy before an update says the database was left
    as it was); a copy that fails ``check`` (``integrity_check`` or the faster
    ``quick_check``) is deleted and the source is told damaged.
    """
    source_path = database.sqlite_path
    assert source_path is not None
    assert check in ("integrity_check", "quick_check")
    try:
        prepare_private_file(target)
        _copy_in_pages(source_path, target, progress)
        verdict = _check_copy(target, check)
        make_database_private(target)
    except OSError as error:
        remove_database_file(target)
        raise DatabaseError(problem, str(target), error.strerror or str(error)) from None
    except sqlite3.Error as error:
        remove_database_file(target)
        if _is_damage(error):
            raise DatabaseDamaged(str(source_path), str(error)) from None
        raise DatabaseError(problem, str(source_path), str(error)) from None
    if verdict != "ok":
        remove_database_file(target)
        fails = QT_TRANSLATE_NOOP("DatabaseMessages", "its copy fails SQLite's check: {verdict}")
        raise DatabaseDamaged(str(source_path), fails(verdict=verdict))
    return target


def _copy_in_pages(source_path: Path, target: Path, progress: CopyProgress | None) -> None:
    uri = f"{source_path.resolve().as_uri()}?mode=ro"
    source = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        # One read transaction for the whole copy: every step reads the same snapshot, so
        # a desk writing meanwhile neither waits (WAL) nor makes the copy start over.
        source.execute("BEGIN")
        source.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        copy = sqlite3.connect(target)
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress is not None and total:
                    progress((total - remaining) / total)

            source.backup(copy, pages=PAGES_PER_STEP, progress=step)
        finally:
            copy.close()
        source.execute("COMMIT")
    finally:
        source.close()


def _check_copy(target: Path, check: str) -> str:
    copy = sqlite3.connect(target)
    try:
        rows = copy.execute(f"PRAGMA {check}").fetchall()
    finally:
        copy.close()
    if [str(row[0]) for row in rows] == ["ok"]:
        return "ok"
    # One line for a one-sentence message: the first finding, and how many more.
    findings = [
        line.strip()
        for row in rows
        for line in str(row[0]).splitlines()
        if line.strip() and not line.startswith("***")
    ]
    more = f" and {len(findings) - 1} more findings" if len(findings) > 1 else ""
    return f"{findings[0] if findings else 'damaged'}{more}"


def _is_damage(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", 0)
    return isinstance(code, int) and code & 0xFF in (11, 26)


def remove_database_file(path: Path) -> None:
    """Delete an SQLite file with its write-ahead log and shared memory, if there."""
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def remove_older_copies(pattern_of: Path, glob: str, *, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest files matching ``glob`` beside ``pattern_of``."""
    copies = sorted(
        pattern_of.parent.glob(glob), key=lambda path: path.stat().st_mtime, reverse=True
    )
    removed = copies[keep:]
    for old in removed:
        remove_database_file(old)
    return removed


def _backup_postgresql(database: Database, target: Path) -> Path:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError(
            DatabaseProblem.COPY_FAILED,
            database.name,
            QT_TRANSLATE_NOOP(
                "DatabaseMessages", "pg_dump, PostgreSQL's backup program, is not installed"
            )(),
        )
    # The password goes by environment, never on a command line other users can read.
    url = database.url.set(drivername="postgresql", password=None)
    environment = dict(os.environ)
    if database.url.password is not None:
        environment["PGPASSWORD"] = str(database.url.password)
    try:
        prepare_private_file(target)  # pg_dump writes into it and keeps its permissions
    except OSError as error:
        raise DatabaseError(
            DatabaseProblem.COPY_FAILED, database.name, error.strerror or str(error)
        ) from None
    try:
        done = subprocess.run(
            [pg_dump, "--format=custom", f"--file={target}", f"--dbname={url.render_as_string()}"],
            capture_output=True,
            text=True,
            check=False,
            env=environment,
            timeout=BACKUP_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        target.unlink(missing_ok=True)
        raise DatabaseError(
            DatabaseProblem.COPY_FAILED,
            database.name,
            QT_TRANSLATE_NOOP("DatabaseMessages", "no answer in {seconds} s")(
                seconds=BACKUP_TIMEOUT_S
            ),
        ) from None
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise DatabaseError(DatabaseProblem.COPY_FAILED, database.name, pg_dump_error(done.stderr))
    make_private(target)
    return target


def pg_dump_error(stderr: str) -> str:
    """The line of pg_dump's output that says what went wrong.

    pg_dump ends with DETAIL or HINT lines that make no sense alone; the error is the
    line that says ``error:`` (``FATAL:`` or ``ERROR:`` from the server).
    """
    lines = [line.strip() for line in stderr.strip().splitlines() if line.strip()]
    for line in lines:
        for marker in ("error:", "FATAL:", "ERROR:"):
            if marker in line:
                told = line.split(marker, 1)[1].strip()
                for inner in ("FATAL:", "ERROR:"):  # "error: ... FATAL: reason"
                    told = told.split(inner, 1)[-1].strip()
                return told or line
    return lines[0] if lines else "pg_dump failed"
