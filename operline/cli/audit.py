"""``operline audit verify|export|prune``: the audit trail, for a data-protection officer.

``verify`` walks the chain and exits 1 with one sentence naming the first entry altered,
removed or inserted; 0 with a summary (and the head hash, worth noting elsewhere) when the
chain is intact. ``export`` writes a period's entries as a CSV file for French Excel, and
``prune`` applies the retention setting (``--dry-run`` only tells what it would remove);
both are audited in the name of the computer's account.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from operline.actors import command_line_actor
from operline.audit_chain import verify_audit_chain
from operline.audit_export import export_audit
from operline.audit_retention import audit_prune_plan, prune_audit
from operline.cli.messages import complain, say
from operline.db.engine import Database
from operline.paris_time import now_utc
from operline.sentences import QT_TRANSLATE_NOOP

OpenDatabase = Callable[[argparse.Namespace], Database]

_INTACT = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{database}: the audit chain is intact from entry {first} to entry {last} "
    "({entries} in all), head hash {hash}.",
)
_INTACT_EMPTY = QT_TRANSLATE_NOOP(
    "CommandLine", "{database}: the audit chain is intact and holds no entry yet."
)
_EXPORTED = QT_TRANSLATE_NOOP("CommandLine", "{path}: {rows} audit entries, sha256 {sha256}")
_PRUNED = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{database}: {count} audit entries older than {months} months removed (before {cutoff}).",
)
_WOULD_PRUNE = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{database}: {count} audit entries older than {months} months would be removed "
    "(before {cutoff}); nothing was changed.",
)


def add_audit_commands(
    commands: Any, database: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline audit verify``, ``export`` and ``prune``."""
    audit = commands.add_parser("audit", help="the tamper-evident audit trail")
    actions = audit.add_subparsers(title="audit commands", metavar="ACTION", required=True)

    verify = actions.add_parser(
        "verify",
        parents=[database],
        help="check the audit chain; exit 1 naming the first entry altered, removed or inserted",
    )
    verify.set_defaults(command=lambda arguments: _verify(open_database(arguments)))

    export = actions.add_parser(
        "export",
        parents=[database],
        help="write the audit entries of a period as a CSV file for French Excel",
    )
    export.add_argument(
        "--from", dest="first", type=_day, required=True, metavar="DATE", help="YYYY-MM-DD"
    )
    export.add_argument(
        "--to", dest="last", type=_day, required=True, metavar="DATE", help="YYYY-MM-DD, included"
    )
    export.add_argument("file", type=Path, metavar="FILE", help="the CSV file to write")
    export.set_defaults(command=lambda arguments: _export(arguments, open_database(arguments)))

    prune = actions.add_parser(
        "prune",
        parents=[database],
        help="remove the audit entries older than the retention setting (audit.months_kept)",
    )
    prune.add_argument(
        "--dry-run", action="store_true", help="only tell how many entries would be removed"
    )
    prune.set_defaults(command=lambda arguments: _prune(arguments, open_database(arguments)))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text} is not a date YYYY-MM-DD") from None


def _verify(database: Database) -> int:
    try:
        report = verify_audit_chain(database)
    finally:
        database.dispose()
    if report.problem is not None:
        complain(report.problem)
        return 1
    if report.entries == 0:
        say(_INTACT_EMPTY, database=database.name)
        return 0
    say(
        _INTACT,
        database=database.name,
        entries=report.entries,
        first=report.first_id,
        last=report.last_id,
        hash=report.head_hash,
    )
    return 0


def _export(arguments: argparse.Namespace, database: Database) -> int:
    try:
        written = export_audit(
            database,
            arguments.first,
            arguments.last,
            arguments.file,
            actor=command_line_actor(),
            now=now_utc(),
        )
    finally:
        database.dispose()
    say(_EXPORTED, path=written.path, rows=written.rows, sha256=written.sha256)
    return 0


def _prune(arguments: argparse.Namespace, database: Database) -> int:
    now = now_utc()
    try:
        plan = audit_prune_plan(database, now=now)
        if not arguments.dry_run:
            count = prune_audit(database, now=now, actor=command_line_actor())
    finally:
        database.dispose()
    values = {"database": database.name, "months": plan.months, "cutoff": plan.cutoff.date()}
    if arguments.dry_run:
        say(_WOULD_PRUNE, count=plan.count, **values)
    else:
        say(_PRUNED, count=count, **values)
    return 0
