"""``operline import calls FILE [--dry-run] [--skip-invalid]``: the call log kept before.

Every problem is printed on stderr as ``FILE: line N, column NAME: reason``. Exit codes:
0 when the calls were imported (with ``--skip-invalid``, the others are in
``FILE.rejected.csv``), or a dry run found nothing wrong; 2 when a row has a problem and
nothing was imported (or a dry run found one), or when the file cannot be read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from operline.actors import command_line_actor
from operline.call_import.problems import CallFileError
from operline.call_import.rejected import rejected_csv, rejected_path, write_rejected
from operline.call_import.service import CallImport, import_calls
from operline.cli.messages import FILE_PROBLEM, say, told, warn
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.paris_time import now_utc
from operline.sentences import QT_TRANSLATE_NOOP

OpenDatabase = Callable[[argparse.Namespace], Database]

#: A row had a problem, or the file could not be read: nothing was imported.
REFUSED = 2

_WARNING = QT_TRANSLATE_NOOP("CommandLine", "{path}: warning: {reason}")
_IMPORTED = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{path}: calls imported: {imported}, already imported: {skipped}, rejected: {rejected}",
)
_REJECTED_FILE = QT_TRANSLATE_NOOP("CommandLine", "{path}: the rejected rows, with their reason")
_NOTHING = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{path}: nothing imported; rows with a problem: {rejected} "
    "(fix them, or import the others with --skip-invalid)",
)
_DRY_RUN = QT_TRANSLATE_NOOP(
    "CommandLine",
    "{path}: dry run, nothing changed; calls to import: {imported}, "
    "already imported: {skipped}, rows with a problem: {rejected}",
)


def add_import_commands(
    commands: Any, common: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline import calls`` under the main parser's ``commands``."""
    imports = commands.add_parser("import", help="bring earlier records into Operline")
    kinds = imports.add_subparsers(title="imports", metavar="IMPORT", required=True)
    calls = kinds.add_parser(
        "calls",
        parents=[common],
        help="the call log kept before Operline, as a CSV file (UTF-8 or Windows-1252)",
    )
    calls.add_argument("file", type=Path, metavar="FILE")
    calls.add_argument(
        "--dry-run", action="store_true", help="check the file and count, change nothing"
    )
    calls.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the rows without problems, write the others to FILE.rejected.csv",
    )

    def run(arguments: argparse.Namespace) -> int:
        path: Path = arguments.file
        try:
            content = path.read_bytes()
        except OSError as error:
            raise InvalidInput(FILE_PROBLEM, path=path, reason=error.strerror) from None
        opened = open_database(arguments)
        try:
            result = import_calls(
                opened,
                content,
                file_name=path.name,
                actor=command_line_actor(),
                now=now_utc(),
                skip_invalid=arguments.skip_invalid,
                dry_run=arguments.dry_run,
            )
        except CallFileError as error:
            for problem in error.problems:
                warn(FILE_PROBLEM, path=path, reason=problem.sentence)
            return REFUSED
        finally:
            opened.dispose()
        return _report(path, result, skip_invalid=arguments.skip_invalid)

    calls.set_defaults(command=run)


def _report(path: Path, result: CallImport, *, skip_invalid: bool) -> int:
    for warning in result.warnings:
        warn(_WARNING, path=path, reason=warning.sentence)
    for problem in result.problems:
        warn(FILE_PROBLEM, path=path, reason=problem.sentence)
    counts = {
        "imported": result.imported,
        "skipped": result.skipped,
        "rejected": len(result.rejected),
    }
    if result.dry_run:
        say(_DRY_RUN, path=path, **counts)
        return REFUSED if result.rejected and not skip_invalid else 0
    if result.rejected and not skip_invalid:
        warn(_NOTHING, path=path, rejected=len(result.rejected))
        return REFUSED
    if result.rejected:
        rejected = rejected_path(path)
        content = rejected_csv(result.header, result.separator, result.rejected, told)
        try:
            write_rejected(rejected, content)
        except OSError as error:
            raise InvalidInput(FILE_PROBLEM, path=rejected, reason=error.strerror) from None
        say(_REJECTED_FILE, path=rejected)
    say(_IMPORTED, path=path, **counts)
    return 0
