"""``operline db upgrade | check | backup | restore``: the database's schema, soundness and
copies."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from operline.cli.messages import say, told, warn
from operline.db.backup import BACKUP_EXISTS, backup_database
from operline.db.check import check_database
from operline.db.engine import Database, choose_database_url, open_database
from operline.db.migrate import upgrade_database
from operline.db.restore import restore_database
from operline.errors import InvalidInput
from operline.paris_time import now_utc
from operline.sentences import QT_TRANSLATE_NOOP


def add_database_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Declare ``operline db …`` under the main parser's ``commands``."""
    db = commands.add_parser("db", help="upgrade, check, back up or restore the database")
    db_commands = db.add_subparsers(title="database commands", metavar="ACTION", required=True)
    upgrade = db_commands.add_parser(
        "upgrade", parents=[common], help="bring the schema up to date (copies SQLite first)"
    )
    upgrade.set_defaults(command=_db_upgrade)
    check = db_commands.add_parser(
        "check", parents=[common], help="check integrity, references and the desk's rules"
    )
    check.set_defaults(command=_db_check)
    backup = db_commands.add_parser(
        "backup", parents=[common], help="write a copy of the live database to PATH"
    )
    backup.add_argument("path", type=Path, metavar="PATH")
    backup.set_defaults(command=_db_backup)
    restore = db_commands.add_parser(
        "restore",
        parents=[common],
        help="put an SQLite backup in the place of the database, keeping the current file "
        "aside (refused while Operline has the database open)",
    )
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    restore.set_defaults(command=_db_restore)


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
        say(
            QT_TRANSLATE_NOOP("CommandLine", "{database}: already at schema {revision}"),
            database=database.name,
            revision=report.to_revision,
        )
        return 0
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{database}: schema {old} → {revision}"),
        database=database.name,
        old=report.from_revision or QT_TRANSLATE_NOOP("CommandLine", "none"),
        revision=report.to_revision,
    )
    if report.backup is not None:
        say(
            QT_TRANSLATE_NOOP("CommandLine", "copy of the previous database: {path}"),
            path=report.backup,
        )
    return 0


def _db_check(arguments: argparse.Namespace) -> int:
    database = open_existing(arguments)
    try:
        report = check_database(database, now=now_utc())
    finally:
        database.dispose()
    if report.ok:
        say(
            QT_TRANSLATE_NOOP("CommandLine", "{database}: OK, {incidents} incidents checked"),
            database=report.database,
            incidents=report.incidents,
        )
        return 0
    warn(
        QT_TRANSLATE_NOOP("CommandLine", "{database}: {count} problem(s) found"),
        database=report.database,
        count=len(report.problems),
    )
    for problem in report.problems:
        print(f"  - {told(problem.sentence)}", file=sys.stderr)
    return 1


def _db_backup(arguments: argparse.Namespace) -> int:
    target: Path = arguments.path
    if target.exists():
        raise InvalidInput(BACKUP_EXISTS, target=target)
    database = open_existing(arguments)
    try:
        written = backup_database(database, target.resolve())
    finally:
        database.dispose()
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{database}: copied to {path}"),
        database=database.name,
        path=written,
    )
    return 0


def _db_restore(arguments: argparse.Namespace) -> int:
    report = restore_database(database_url(arguments), arguments.backup, now=now_utc())
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{database}: restored from {backup} ({incidents} calls)"),
        database=report.database,
        backup=report.backup,
        incidents=report.incidents,
    )
    if report.kept_aside is not None:
        say(
            QT_TRANSLATE_NOOP("CommandLine", "the database it replaced is kept as {path}"),
            path=report.kept_aside,
        )
    return 0
