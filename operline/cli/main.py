"""The ``operline`` command: the desk's window, and the commands supervisors and scripts use.

Problems a user can cause end as one sentence on stderr and a non-zero exit code. The
sentences speak the language of ``operline.language``'s rule (``--lang``, else the
locale); what scripts read (CSV, JSON, ``;`` lists, exit codes, ``--version``) does not
change with it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from operline import __version__
from operline.cli.audit import add_audit_commands
from operline.cli.database import add_database_commands, database_url
from operline.cli.desk import add_desk_commands
from operline.cli.export import add_export_commands
from operline.cli.imports import add_import_commands
from operline.cli.journal import add_journal_command
from operline.cli.messages import complain, speak, told
from operline.cli.privacy import add_privacy_commands
from operline.cli.roster import add_roster_commands
from operline.db.engine import Database, open_database
from operline.db.in_use import InUseLock, hold_while_open
from operline.db.migrate import upgrade_database
from operline.errors import OperlineError
from operline.language import LANGUAGES, choose_language
from operline.paris_time import now_utc
from operline.private_files import keep_new_files_private
from operline.sentences import QT_TRANSLATE_NOOP

Command = Callable[[argparse.Namespace], int]

#: The in-use marks the running command holds on its SQLite databases, so that a restore
#: waits for it as it waits for a window; released when the command ends.
_held: list[InUseLock] = []


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    keep_new_files_private()  # what SQLite, pg_dump or Qt create is health data too
    parser = _parser()
    arguments = parser.parse_args(argv)
    command: Command = getattr(arguments, "command", _open_window)
    held_before = len(_held)
    try:
        speak(choose_language(getattr(arguments, "lang", None)))
        status = command(arguments)
        sys.stdout.flush()  # a closed pipe shows here, while it can still be caught
        return status
    except OperlineError as error:
        complain(error.sentence)
        return error.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()
    finally:
        while len(_held) > held_before:  # this run's marks only (a test may nest runs)
            _held.pop().release()


def _reader_gone() -> int:
    """The reader of stdout left (``| head``): stop quietly, as a killed pipeline does."""
    # Python would report the failed flush of stdout at exit: point it at nothing.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141  # 128 + SIGPIPE, what the shell shows for a writer killed by a closed pipe


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (SQLite or PostgreSQL); default: OPERLINE_DATABASE_URL, "
        "else operline.sqlite3 in the user data folder",
    )
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help="language of the messages, the window and the journal's PDF; default: French "
        "on a French locale (LC_ALL, LC_MESSAGES, LANG), else English",
    )
    parser = argparse.ArgumentParser(
        prog="operline",
        description="The desk of Paris's single operational line. Without a command, "
        "opens the desk's window.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"operline {__version__}")
    parser.add_argument(
        "--demo", action="store_true", help="open the window on a throwaway demo database"
    )
    # What --demo passes to the window it starts: sign in the demo's operator at once.
    parser.add_argument("--demo-operator", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the window, wait until it is painted, and quit (exit 0 when it worked)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", parents=[common], help="fill an empty database with Paris demo data"
    )
    demo.add_argument("--incidents", type=_count, default=2000, metavar="N")
    demo.add_argument("--weeks", type=_positive, default=8, metavar="W")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.set_defaults(command=_demo)

    add_database_commands(commands, common)
    add_roster_commands(commands, common, _open_prepared)
    add_desk_commands(commands, common, _open_prepared)
    add_journal_command(commands, common, _open_prepared)
    add_export_commands(commands, common, _open_prepared)
    add_import_commands(commands, common, _open_prepared)
    add_privacy_commands(commands, common, _open_prepared)
    add_audit_commands(commands, common, _open_prepared)
    return parser


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text} is negative")
    return value


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not at least 1")
    return value


def _open_prepared(arguments: argparse.Namespace) -> Database:
    """The database a command works on, upgraded, and marked in use while it runs."""
    database = open_database(database_url(arguments))
    try:
        lock = hold_while_open(database)  # refused in one sentence during a restore
    except OperlineError:
        database.dispose()
        raise
    if lock is not None:
        _held.append(lock)
    upgrade_database(database, now=now_utc())
    return database


def _open_window(arguments: argparse.Namespace) -> int:
    lang = getattr(arguments, "lang", None)
    from operline.ui.shell.x_libraries import window_problem  # before anything loads Qt

    problem = window_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    window_options = ["--smoke"] if arguments.smoke else []
    if lang:
        window_options += ["--lang", lang]
    if arguments.demo:
        from operline.cli.demo_window import run_demo_window

        window_options.append("--demo-operator")

        def fill(url: str) -> None:
            database = open_database(url)
            try:
                upgrade_database(database, now=now_utc())
                _fill_demo(database, incidents=2000, weeks=8, seed=1)
            finally:
                database.dispose()

        return run_demo_window(fill, window_options)
    from operline.ui.shell.app import run_gui  # Qt loads only when a window is wanted

    return run_gui(
        database_url(arguments),
        smoke=arguments.smoke,
        lang=lang,
        demo_operator=arguments.demo_operator,
    )


def _fill_demo(database: Database, *, incidents: int, weeks: int, seed: int) -> str:
    """Fill the demo and give its accounts their passwords; what to print."""
    from operline.demo import fill_demo_database
    from operline.demo.accounts import create_demo_accounts

    now = now_utc()
    summary = fill_demo_database(database, incidents=incidents, weeks=weeks, seed=seed, now=now)
    accounts = create_demo_accounts(database, now=now)
    lines = [
        told(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "{database}: {sectors} sectors, {teams} teams, {places} places, "
                "{patterns} shift patterns, {incidents} incidents ({open} still open)",
            )(
                database=database.name,
                sectors=summary.sectors,
                teams=summary.teams,
                places=summary.facilities,
                patterns=summary.shift_patterns,
                incidents=summary.incidents,
                open=summary.open_incidents,
            )
        ),
        told(
            QT_TRANSLATE_NOOP(
                "CommandLine",
                "A demo database has no secret: its accounts (login;role;password) are shown "
                "at its sign-in too.",
            )()
        ),
    ]
    lines += [f"{a.login};{a.role.value};{a.password}" for a in accounts]
    return "\n".join(lines)


def _demo(arguments: argparse.Namespace) -> int:
    database = _open_prepared(arguments)
    try:
        print(
            _fill_demo(
                database,
                incidents=arguments.incidents,
                weeks=arguments.weeks,
                seed=arguments.seed,
            )
        )
    finally:
        database.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
