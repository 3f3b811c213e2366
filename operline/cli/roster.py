"""``operline roster …``: import, export, on duty, gaps and exceptions, for scripts.

Output formats are a contract with scripts: ``tier;team;phone`` and
``sector;start;end;kind``, instants in ISO 8601 with their Paris offset.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from operline.actors import command_line_actor
from operline.cli.messages import FILE_PROBLEM, say, warn
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.paris_time import InFold, TimeProblem, isoformat_paris, now_utc, parse_instant
from operline.private_files import write_private
from operline.roster.csv_format import RosterFileError, parse_roster_csv, write_roster_csv
from operline.roster.duty import gaps_between, on_duty_in
from operline.roster.roster_exceptions import (
    add_roster_exception,
    list_roster_exceptions,
    remove_roster_exception,
)
from operline.roster.roster_file import export_roster, import_roster
from operline.sentences import QT_TRANSLATE_NOOP, Sentence

NOBODY_ON_DUTY = 3
#: The gap report looks at most a year ahead: the roster is planned weeks ahead.
MAX_GAP_DAYS = 366

OpenDatabase = Callable[[argparse.Namespace], Database]


def add_roster_commands(
    commands: Any, common: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline roster …`` under the main parser's ``commands``."""
    roster = commands.add_parser("roster", help="the weekly roster and who is on duty")
    actions = roster.add_subparsers(title="roster commands", metavar="ACTION", required=True)

    def command(name: str, run: Callable[[argparse.Namespace, Database], int], **kw: Any) -> Any:
        parser = actions.add_parser(name, parents=[common], **kw)
        parser.set_defaults(command=lambda arguments: _with(open_database, run, arguments))
        return parser

    imports = command("import", _import, help="replace the weekly roster by a CSV file")
    imports.add_argument("file", type=Path, metavar="FILE")
    imports.add_argument("--create-sectors", action="store_true")
    imports.add_argument(
        "--replace-all",
        action="store_true",
        help="allow a file that removes every shift, or most of them",
    )
    exports = command("export", _export, help="write the weekly roster to a CSV file")
    exports.add_argument("file", type=Path, metavar="FILE")
    on_duty = command("on-duty", _on_duty, help="the teams on duty in a sector")
    on_duty.add_argument("--sector", required=True, metavar="NAME")
    on_duty.add_argument("--at", metavar="TIME", help="ISO 8601, or Paris time; default now")
    on_duty.add_argument("--json", action="store_true")
    gaps = command("gaps", _gaps, help="where and when nobody is on duty")
    gaps.add_argument("--days", type=int, default=7, metavar="N")
    gaps.add_argument("--from", dest="start", metavar="TIME", help="default now")
    gaps.add_argument("--json", action="store_true")

    exception = actions.add_parser("exception", help="a team off, replaced or added")
    exception_actions = exception.add_subparsers(metavar="ACTION", required=True)
    add = exception_actions.add_parser("add", parents=[common])
    add.set_defaults(command=lambda arguments: _with(open_database, _exception_add, arguments))
    add.add_argument("--team", required=True, metavar="NAME")
    kind = add.add_mutually_exclusive_group(required=True)
    kind.add_argument("--off", action="store_const", dest="kind", const="off")
    kind.add_argument("--replace-by", metavar="NAME")
    kind.add_argument("--add", action="store_const", dest="kind", const="add")
    add.add_argument("--sector", action="append", default=[], metavar="NAME")
    add.add_argument("--from", dest="start", required=True, metavar="TIME")
    add.add_argument("--to", dest="end", required=True, metavar="TIME")
    add.add_argument("--reason", required=True, metavar="TEXT")
    listing = exception_actions.add_parser("list", parents=[common])
    listing.add_argument("--all", action="store_true", help="include the exceptions that ended")
    listing.set_defaults(command=lambda arguments: _with(open_database, _exception_list, arguments))
    remove = exception_actions.add_parser("remove", parents=[common])
    remove.add_argument("id", type=int, metavar="ID")
    remove.set_defaults(
        command=lambda arguments: _with(open_database, _exception_remove, arguments)
    )


def _with(
    open_database: OpenDatabase,
    run: Callable[[argparse.Namespace, Database], int],
    arguments: argparse.Namespace,
) -> int:
    database = open_database(arguments)
    try:
        return run(arguments, database)
    finally:
        database.dispose()


def _instant(text: str | None, option: str) -> Any:
    if text is None:
        return now_utc()
    try:
        return parse_instant(text, in_fold=InFold.RAISE)
    except TimeProblem as error:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("CommandLine", "{option}: {reason}"),
            option=option,
            reason=error.sentence,
        ) from None


def _import(arguments: argparse.Namespace, database: Database) -> int:
    path: Path = arguments.file
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InvalidInput(FILE_PROBLEM, path=path, reason=error.strerror) from None
    try:
        rows = parse_roster_csv(content)
    except RosterFileError as error:
        for problem in error.problems:
            warn(FILE_PROBLEM, path=path, reason=problem)
        return 2
    result = import_roster(
        database,
        rows,
        create_sectors=arguments.create_sectors,
        actor=command_line_actor(),
        now=now_utc(),
        replace_all=arguments.replace_all,
    )
    say(
        QT_TRANSLATE_NOOP(
            "CommandLine",
            "{path}: {patterns} shift patterns imported; {teams_created} new teams, "
            "{teams_updated} updated, {sectors_created} new sectors; {shifts} new or changed, "
            "{ended} ended",
        ),
        path=path,
        patterns=result.patterns,
        teams_created=len(result.teams_created),
        teams_updated=len(result.teams_updated),
        sectors_created=len(result.sectors_created),
        shifts=_shifts(result.recorded),
        ended=result.ended,
    )
    return 0


def _shifts(count: int) -> Sentence:
    if count == 1:
        return QT_TRANSLATE_NOOP("CommandLine", "1 shift")()
    return QT_TRANSLATE_NOOP("CommandLine", "{count} shifts")(count=count)


def _export(arguments: argparse.Namespace, database: Database) -> int:
    path: Path = arguments.file
    text = write_roster_csv(export_roster(database))
    try:
        write_private(path, text.encode("utf-8"))
    except OSError as error:
        raise InvalidInput(FILE_PROBLEM, path=path, reason=error.strerror) from None
    return 0


def _on_duty(arguments: argparse.Namespace, database: Database) -> int:
    duty = on_duty_in(database, arguments.sector, _instant(arguments.at, "--at"))
    if arguments.json:
        teams = [
            {"team": t.name, "tier": t.tier, "phone": t.phone, "until": isoformat_paris(t.until)}
            for t in duty.teams
        ]
        print(json.dumps(teams, ensure_ascii=False))
    else:
        for team in duty.teams:
            print(f"{team.tier};{team.name};{team.phone or ''}")
    return 0 if duty.teams else NOBODY_ON_DUTY


def _gaps(arguments: argparse.Namespace, database: Database) -> int:
    if not 1 <= arguments.days <= MAX_GAP_DAYS:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("CommandLine", "--days: {days} is not between 1 and {most}"),
            days=arguments.days,
            most=MAX_GAP_DAYS,
        )
    start = _instant(arguments.start, "--from")
    gaps = gaps_between(database, start, start + timedelta(days=arguments.days), now=now_utc())
    if arguments.json:
        listed = [
            {
                "sector": g.sector,
                "start": isoformat_paris(g.start),
                "end": isoformat_paris(g.end),
                "kind": g.kind,
            }
            for g in gaps
        ]
        print(json.dumps(listed, ensure_ascii=False))
    else:
        for gap in gaps:
            print(
                f"{gap.sector};{isoformat_paris(gap.start)};{isoformat_paris(gap.end)};{gap.kind}"
            )
    return 0


def _exception_add(arguments: argparse.Namespace, database: Database) -> int:
    record = add_roster_exception(
        database,
        team=arguments.team,
        kind="replace" if arguments.replace_by else arguments.kind,
        replacement=arguments.replace_by,
        sectors=arguments.sector,
        starts_at=_instant(arguments.start, "--from"),
        ends_at=_instant(arguments.end, "--to"),
        reason=arguments.reason,
        actor=command_line_actor(),
        now=now_utc(),
    )
    print(record.id)
    return 0


def _exception_list(arguments: argparse.Namespace, database: Database) -> int:
    # A reason is free text: the csv module quotes any ';' or line break in it.
    lines = csv.writer(sys.stdout, delimiter=";", lineterminator="\n")
    for record in list_roster_exceptions(database, now=now_utc(), include_past=arguments.all):
        lines.writerow(
            (
                record.id,
                record.team,
                record.kind,
                record.replacement or "",
                "*" if record.sectors is None else "|".join(record.sectors),
                isoformat_paris(record.starts_at),
                isoformat_paris(record.ends_at),
                record.reason,
                record.author,
            )
        )
    return 0


def _exception_remove(arguments: argparse.Namespace, database: Database) -> int:
    remove_roster_exception(database, arguments.id, actor=command_line_actor(), now=now_utc())
    return 0
