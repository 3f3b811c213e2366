"""Copies of a live database, taken while desks keep working on it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem, InvalidInput

BACKUP_TIMEOUT_S = 30 * 60


def backup_database(database: Database, target: Path) -> Path:
    """Write a consistent copy of the database to ``target``, which must not exist."""
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose a new file name for the backup.")
    if not target.parent.is_dir():
        raise InvalidInput(f"The folder {target.parent} does not exist.")
    if database.is_sqlite:
        return backup_sqlite_file(database, target)
    return _backup_postgresql(database, target)


def backup_sqlite_file(
    database: Database, target: Path, *, problem: DatabaseProblem = DatabaseProblem.COPY_FAILED
) -> Path:
    """Copy a live SQLite database page by page with SQLite's online backup.

    A failure is told as ``problem``: the copy before an update says the database was left
    as it was.
    """
    source_path = database.sqlite_path
    assert source_path is not None
    try:
        source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
        try:
            copy = sqlite3.connect(target)
            try:
                source.backup(copy)
            finally:
                copy.close()
        finally:
            source.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise DatabaseError(problem, str(source_path), str(error)) from None
    return target


def _backup_postgresql(database: Database, target: Path) -> Path:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        raise DatabaseError(
            DatabaseProblem.COPY_FAILED,
            database.name,
            "pg_dump, PostgreSQL's backup program, is not installed",
        )
    # The password goes by environment, never on a command line other users can read.
    url = database.url.set(drivername="postgresql", password=None)
    environment = dict(os.environ)
    if database.url.password is not None:
        environment["PGPASSWORD"] = str(database.url.password)
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
            DatabaseProblem.COPY_FAILED, database.name, f"no answer in {BACKUP_TIMEOUT_S} s"
        ) from None
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        reason = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "pg_dump failed"
        raise DatabaseError(DatabaseProblem.COPY_FAILED, database.name, reason)
    return target
