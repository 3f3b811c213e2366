"""``operline journal --day YYYY-MM-DD [--pdf FILE] [--csv FILE]``: the day log for scripts.

The PDF is in French unless ``--lang en`` asks for English: it is the desk's paper.

The morning routine prints or files yesterday's log without a window: the PDF is painted
by Qt's print support on the offscreen platform, set here when none is, so the command
runs in a script with no display. The CSV is for French Excel. Reading the day and each
file written are audited, in the name of the system user.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from operline.actors import command_line_actor
from operline.cli.messages import FILE_PROBLEM, say
from operline.day_log import DayLog, day_log_csv, read_day_log, record_export
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.paris_time import format_paris, format_paris_clock, now_utc
from operline.private_files import write_private
from operline.sentences import QT_TRANSLATE_NOOP

OpenDatabase = Callable[[argparse.Namespace], Database]


def add_journal_command(
    commands: Any, common: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline journal``."""
    journal = commands.add_parser(
        "journal",
        parents=[common],
        help="the day log of a Paris day: printed as text, or saved as PDF and CSV",
    )
    journal.add_argument("--day", required=True, type=_day, metavar="YYYY-MM-DD")
    journal.add_argument("--pdf", type=Path, metavar="FILE", help="save the day log as a PDF")
    journal.add_argument("--csv", type=Path, metavar="FILE", help="save it as CSV for French Excel")

    def run(arguments: argparse.Namespace) -> int:
        opened = open_database(arguments)
        try:
            return _journal(arguments, opened)
        finally:
            opened.dispose()

    journal.set_defaults(command=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day (expected YYYY-MM-DD)") from None


def _journal(arguments: argparse.Namespace, database: Database) -> int:
    day: date = arguments.day
    now = now_utc()
    for option, path in (("--pdf", arguments.pdf), ("--csv", arguments.csv)):
        if path is not None and not path.parent.is_dir():
            raise InvalidInput(
                QT_TRANSLATE_NOOP("CommandLine", "{option}: the folder {folder} does not exist"),
                option=option,
                folder=path.parent,
            )
    actor = command_line_actor()
    log = read_day_log(database, day, actor=actor, now=now)
    if arguments.csv is not None:
        _write(arguments.csv, day_log_csv(log))
        record_export(database, log, f"csv {arguments.csv.name}", actor=actor, now=now)
    if arguments.pdf is not None:
        lang = getattr(arguments, "lang", None) or "fr"
        pages = _write_pdf(log, arguments.pdf, printed_by=actor.name, lang=lang)
        record_export(database, log, f"pdf {arguments.pdf.name}", actor=actor, now=now)
        say(
            QT_TRANSLATE_NOOP("CommandLine", "{path}: {pages} page(s)"),
            path=arguments.pdf,
            pages=pages,
        )
    if arguments.pdf is None and arguments.csv is None:
        _print(log)
    return 0


def _write(path: Path, content: bytes) -> None:
    try:
        write_private(path, content)
    except OSError as error:
        raise InvalidInput(FILE_PROBLEM, path=path, reason=error.strerror) from None


def _write_pdf(log: DayLog, path: Path, *, printed_by: str, lang: str) -> int:
    # No display in a script: Qt paints the PDF offscreen unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from operline.ui.journal.printing import write_pdf_without_window  # Qt loads only here

    try:
        pages = write_pdf_without_window(log, path, printed_by=printed_by, lang=lang)
    except OSError as error:
        raise InvalidInput(FILE_PROBLEM, path=path, reason=error.strerror or error) from None
    if not path.is_file():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("CommandLine", "{path}: the PDF could not be written"), path=path
        )
    return pages


def _print(log: DayLog) -> None:
    last = log.status.last
    signed = (
        QT_TRANSLATE_NOOP("CommandLine", "signed off by {who} on {when}")(
            who=last.signed_by, when=format_paris(last.signed_at)
        )
        if last is not None
        else QT_TRANSLATE_NOOP("CommandLine", "not signed off")()
    )
    if log.status.corrected_after_sign_off:
        signed = QT_TRANSLATE_NOOP("CommandLine", "{signed}, corrected since ({count})")(
            signed=signed, count=log.status.corrections_since
        )
    # The head line is for a person; the lines of calls below are for scripts.
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{day}: {calls} calls, {hours} hours, {signed}"),
        day=log.day.isoformat(),
        calls=len(log.rows),
        hours=log.hours,
        signed=signed,
    )
    for row in log.rows:
        times = ";".join(format_paris_clock(at) if at else "" for at in row.stage_times())
        outcome = row.outcome.value if row.outcome else ""
        print(f"{row.reference};{times};{row.sector};{row.team or ''};{outcome}")
    for handover in log.handovers:
        note = " ".join(handover.note.split())
        print(
            f"handover;{format_paris_clock(handover.at)};{handover.from_name};"
            f"{handover.to_name};{handover.open_calls} open;{handover.late_calls} late;{note}"
        )
