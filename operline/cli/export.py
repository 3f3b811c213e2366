"""``operline export gpo [--week YYYY-Www] [--out DIR]``: the GPO's weekly files for scripts.

Meant for a weekly scheduled task: with no ``--week`` it exports the last complete ISO
week, into the current folder unless told otherwise; the exit code says whether it worked,
and a failed run leaves the files of an earlier run untouched. The export is audited in
the name of the system user.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from operline.actors import command_line_actor
from operline.db.engine import Database
from operline.gpo.export import export_gpo_week
from operline.gpo.week import last_complete_week, parse_week
from operline.paris_time import now_utc

OpenDatabase = Callable[[argparse.Namespace], Database]


def add_export_commands(
    commands: Any, database: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline export gpo``."""
    export = commands.add_parser("export", help="files the desk sends its partners")
    kinds = export.add_subparsers(title="exports", metavar="EXPORT", required=True)
    gpo = kinds.add_parser(
        "gpo",
        parents=[database],
        help="the week's incidents, summary and hot spots as CSV files for the GPO",
    )
    gpo.add_argument(
        "--week",
        metavar="YYYY-Www",
        help="the ISO week, e.g. 2026-W13 (default: the last complete week)",
    )
    gpo.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        metavar="DIR",
        help="the folder the three files are written to (default: the current one)",
    )

    def run(arguments: argparse.Namespace) -> int:
        now = now_utc()
        week = parse_week(arguments.week) if arguments.week else last_complete_week(now)
        opened = open_database(arguments)
        try:
            result = export_gpo_week(
                opened, week, arguments.out, actor=command_line_actor(), now=now
            )
        finally:
            opened.dispose()
        for written in result.files:
            print(f"{written.path}: {written.rows} rows, sha256 {written.sha256}")
        return 0

    gpo.set_defaults(command=run)
