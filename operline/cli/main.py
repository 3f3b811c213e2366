"""The ``operline`` command: the desk's window, and the commands supervisors and scripts use.

Problems a user can cause end as one sentence on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from operline import __version__
from operline.cli.database import add_database_commands, database_url
from operline.cli.desk import add_desk_commands
from operline.cli.export import add_export_commands
from operline.cli.journal import add_journal_command
from operline.cli.roster import add_roster_commands
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.errors import OperlineError
from operline.paris_time import now_utc

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    command: Command = getattr(arguments, "command", _open_window)
    try:
        return command(arguments)
    except OperlineError as error:
        print(f"operline: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    database = argparse.ArgumentParser(add_help=False)
    database.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help="database URL (SQLite or PostgreSQL); default: OPERLINE_DATABASE_URL, "
        "else operline.sqlite3 in the user data folder",
    )
    parser = argparse.ArgumentParser(
        prog="operline",
        description="The desk of Paris's single operational line. Without a command, "
        "opens the desk's window.",
        parents=[database],
    )
    parser.add_argument("--version", action="version", version=f"operline {__version__}")
    parser.add_argument("--lang", choices=("fr", "en"), help="language of the window")
    parser.add_argument(
        "--demo", action="store_true", help="open the window on a throwaway demo database"
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start the window, wait until it is painted, and quit (exit 0 when it worked)",
    )
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    demo = commands.add_parser(
        "demo", parents=[database], help="fill an empty database with Paris demo data"
    )
    demo.add_argument("--incidents", type=_count, default=2000, metavar="N")
    demo.add_argument("--weeks", type=_positive, default=8, metavar="W")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.set_defaults(command=_demo)

    add_database_commands(commands, database)
    add_roster_commands(commands, database, _open_prepared)
    add_desk_commands(commands, database, _open_prepared)
    add_journal_command(commands, database, _open_prepared)
    add_export_commands(commands, database, _open_prepared)
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
    database = open_database(database_url(arguments))
    upgrade_database(database, now=now_utc())
    return database


def _open_window(arguments: argparse.Namespace) -> int:
    window_options = ["--smoke"] if arguments.smoke else []
    if arguments.lang:
        window_options += ["--lang", arguments.lang]
    if arguments.demo:
        from operline.cli.demo_window import run_demo_window

        def fill(url: str) -> None:
            database = open_database(url)
            try:
                upgrade_database(database, now=now_utc())
                _fill_demo(database, incidents=2000, weeks=8, seed=1)
            finally:
                database.dispose()

        return run_demo_window(fill, window_options)
    from operline.ui.shell.app import run_gui  # Qt loads only when a window is wanted

    return run_gui(database_url(arguments), smoke=arguments.smoke, lang=arguments.lang)


def _fill_demo(database: Database, *, incidents: int, weeks: int, seed: int) -> str:
    from operline.demo import fill_demo_database

    summary = fill_demo_database(
        database, incidents=incidents, weeks=weeks, seed=seed, now=now_utc()
    )
    return (
        f"{database.name}: {summary.sectors} sectors, {summary.teams} teams, "
        f"{summary.facilities} places, {summary.shift_patterns} shift patterns, "
        f"{summary.incidents} incidents ({summary.open_incidents} still open)"
    )


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
