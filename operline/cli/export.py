"""``operline export gpo [--week YYYY-Www] [--out DIR] [--pdf]``: the GPO's weekly files.

Meant for a weekly scheduled task: with no ``--week`` it exports the last complete ISO
week, into the current folder unless told otherwise; the exit code says whether it worked,
and a failed run leaves the files of an earlier run untouched. The export is audited in
the name of the system user.

``--pdf`` adds the week's brief, in French unless ``--lang en`` asks for English. It is
painted by Qt on the offscreen platform, set when none is, so the task needs no display;
it is painted before any file is written, and saved once the CSV files are.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from operline.actors import Actor, command_line_actor
from operline.db.engine import Database
from operline.figures.buckets import IsoWeek
from operline.gpo.brief import save_gpo_brief
from operline.gpo.export import export_gpo_week
from operline.gpo.folder import check_folder
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
        help="the week's incidents, summary and hot spots as CSV files for the GPO "
        "(and its brief as a PDF, with --pdf)",
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
    gpo.add_argument(
        "--pdf",
        action="store_true",
        help="also write the week's one- or two-page brief, operline-gpo-YYYY-Www-brief.pdf",
    )

    def run(arguments: argparse.Namespace) -> int:
        now = now_utc()
        week = parse_week(arguments.week) if arguments.week else last_complete_week(now)
        actor = command_line_actor()
        opened = open_database(arguments)
        try:
            brief = None
            if arguments.pdf:
                check_folder(arguments.out)
                brief = _paint_brief(opened, week, actor, now, arguments)
            result = export_gpo_week(opened, week, arguments.out, actor=actor, now=now)
            if brief is not None:
                pdf, pages = brief
                saved = save_gpo_brief(
                    opened, week, pdf, arguments.out, pages=pages, actor=actor, now=now
                )
        finally:
            opened.dispose()
        for written in result.files:
            print(f"{written.path}: {written.rows} rows, sha256 {written.sha256}")
        if brief is not None:
            print(f"{saved.path}: {saved.rows} page(s), sha256 {saved.sha256}")
        return 0

    gpo.set_defaults(command=run)


def _paint_brief(
    database: Database, week: IsoWeek, actor: Actor, now: datetime, arguments: argparse.Namespace
) -> tuple[bytes, int]:
    from operline.ui.gpo.brief import paint_brief_without_window  # Qt loads only here

    lang = getattr(arguments, "lang", None) or "fr"
    return paint_brief_without_window(database, week, actor=actor, now=now, lang=lang)
