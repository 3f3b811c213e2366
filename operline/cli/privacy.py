"""``operline privacy purge [--dry-run]``: the retention rules applied now, and what they erase.

The desk applies them itself at each start and every day; the command is for the
administrator who wants to see (``--dry-run``) or apply them at once. It acts as the
computer's account, which the audit log records.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from operline.actors import command_line_actor
from operline.cli.messages import say
from operline.db.engine import Database
from operline.paris_time import format_paris, now_utc
from operline.privacy import PurgeReport, purge
from operline.sentences import QT_TRANSLATE_NOOP

OpenDatabase = Callable[[argparse.Namespace], Database]


def add_privacy_commands(
    commands: Any, common: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline privacy purge``."""
    privacy = commands.add_parser("privacy", help="retention: notes erased, old calls anonymised")
    actions = privacy.add_subparsers(metavar="ACTION", required=True)
    purging = actions.add_parser(
        "purge",
        parents=[common],
        help="erase the notes of calls closed more than privacy.notes_days ago and anonymise "
        "calls older than privacy.anonymise_after_years",
    )
    purging.add_argument(
        "--dry-run", action="store_true", help="only count what would be erased; change nothing"
    )

    def run(arguments: argparse.Namespace) -> int:
        database = open_database(arguments)
        try:
            report = purge(
                database, actor=command_line_actor(), now=now_utc(), dry_run=arguments.dry_run
            )
        finally:
            database.dispose()
        _print(report)
        return 0

    purging.set_defaults(command=run)


def _print(report: PurgeReport) -> None:
    if report.dry_run:
        say(QT_TRANSLATE_NOOP("CommandLine", "Dry run: nothing was erased. It would erase:"))
    else:
        say(QT_TRANSLATE_NOOP("CommandLine", "Erased:"))
    say(
        QT_TRANSLATE_NOOP("CommandLine", "notes of {count} call(s) closed before {when}"),
        count=report.notes_erased,
        when=format_paris(report.notes_before),
    )
    say(
        QT_TRANSLATE_NOOP("CommandLine", "free text of {count} timeline line(s)"),
        count=report.timeline_lines_erased,
    )
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{count} call(s) received before {when} anonymised"),
        count=report.incidents_anonymised,
        when=format_paris(report.anonymised_before),
    )
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{count} draft(s) of unsaved calls on this computer"),
        count=report.drafts_removed,
    )
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{count} copy(ies) taken before an upgrade, purged alike"),
        count=report.copies_purged,
    )
    say(
        QT_TRANSLATE_NOOP(
            "CommandLine",
            "{count} automatic backup(s) and file(s) kept aside by a restore, purged alike",
        ),
        count=report.backups_purged,
    )
    if report.copies_not_purged:
        say(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "{count} copy(ies) of the database could not be opened to be purged: "
                "delete them by hand once older than the notes' retention",
            ),
            count=report.copies_not_purged,
        )
    say(
        QT_TRANSLATE_NOOP("CommandLine", "{count} note(s) left at a change of shift"),
        count=report.handover_notes_erased,
    )
    say(
        QT_TRANSLATE_NOOP(
            "CommandLine", "old and new values of {count} correction(s) in the audit trail"
        ),
        count=report.audit_details_erased,
    )
    if report.log_emptied is False:
        say(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "Another desk is reading the database: its write-ahead log will be emptied "
                "at the next purge.",
            )
        )
