"""``operline db upgrade | check | backup``: the database's schema, soundness and copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from operline.db.backup import backup_database
from operline.db.check import check_database
from operline.db.engine import Database, choose_database_url, open_database
from operline.db.migrate import upgrade_database
from operline.errors import InvalidInput
from operline.paris_time import now_utc


def add_database_commands(commands: Any, database: argparse.ArgumentParser) -> None:
    """Declare ``operline db …`` under the main parser's ``commands``."""
    db = commands.add_parser("db", help="upgrade, check or back up the database")
    db_commands = db.add_subparsers(title="database commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[database], help="bring the schema up to date (copies SQLite first)"
    )
    upgrade.set_defaults(command=_db_upgrade)
    check = db_commands.add_parser(
        "check", parents=[database], help="check integrity, references and the desk's rules"
    )
    check.set_defaults(command=_db_check)
    backup = db_commands.add_parser(
        "backup", parents=[database], help="write a copy of the live database to PATH"
    )
    backup.add_argument("path", type=Path, metavar="PATH")
    backup.set_defaults(command=_db_backup)


def database_url(arguments: argparse.Namespace, *, create_folder: bool = True) -> str:
    """The URL given by ``--db``, the environment or the default file."""
    return choose_database_url(getattr(arguments, "db", None), create_folder=create_folder)


def open_existing(arguments: argparse.Namespace) -> Database:
    """For commands that read or copy a database: a mistyped path creates nothing."""
    return open_database(database_url(arguments, create_folder=False), must_exist=True)


def _db_upgrade(arguments: argparse.Namespace) -> int:
    database = open_database(database_url(arguments))
    try:
        report = upgrade_database(database, now=now_utc())
    finally:
        database.dispose()
    if not report.changed:
        print(f"{database.name}: already at schema {report.to_revision}")
        return 0
    print(f"{database.name}: schema {report.from_revision or 'none'} → {report.to_revision}")
    if report.backup is not None:
        print(f"copy of the previous database: {report.backup}")
    return 0


def _db_check(arguments: argparse.Namespace) -> int:
    database = open_existing(arguments)
    try:
        report = check_database(database, now=now_utc())
    finally:
        database.dispose()
    if report.ok:
        print(f"{report.database}: OK, {report.incidents} incidents checked")
        return 0
    print(f"{report.database}: {len(report.problems)} problem(s) found", file=sys.stderr)
    for problem in report.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1


def _db_backup(arguments: argparse.Namespace) -> int:
    target: Path = arguments.path
    if target.exists():
        raise InvalidInput(f"{target} already exists; choose a new file name for the backup.")
    database = open_existing(arguments)
    try:
        written = backup_database(database, target.resolve())
    finally:
        database.dispose()
    print(f"{database.name}: copied to {written}")
    return 0
