"""``operline operator …`` and ``operline settings …``: who works at the desk, shared settings."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from operline.actors import command_line_actor
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.operators import add_operator, all_operators, set_operator_active
from operline.paris_time import now_utc
from operline.settings import SETTINGS, read_settings, write_setting

OpenDatabase = Callable[[argparse.Namespace], Database]
Run = Callable[[argparse.Namespace, Database], int]


def add_desk_commands(
    commands: Any, common: argparse.ArgumentParser, open_database: OpenDatabase
) -> None:
    """Declare ``operline operator …`` and ``operline settings …``."""

    def command(actions: Any, name: str, run: Run, **options: Any) -> Any:
        parser = actions.add_parser(name, parents=[common], **options)
        parser.set_defaults(command=lambda arguments: _with(open_database, run, arguments))
        return parser

    operator = commands.add_parser("operator", help="the people who sign in at the desk")
    operator_actions = operator.add_subparsers(metavar="ACTION", required=True)
    add = command(operator_actions, "add", _add, help="someone new at the desk")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--supervisor", action="store_true")
    command(operator_actions, "list", _list, help="everyone, active or retired")
    retire = command(operator_actions, "retire", _retire, help="someone who left the desk")
    retire.add_argument("name", metavar="NAME")
    restore = command(operator_actions, "restore", _restore, help="someone back at the desk")
    restore.add_argument("name", metavar="NAME")

    settings = commands.add_parser("settings", help="alert thresholds, the supervisor's phone")
    settings_actions = settings.add_subparsers(metavar="ACTION", required=True)
    command(settings_actions, "list", _settings_list, help="every setting and its value")
    set_one = command(settings_actions, "set", _settings_set, help="change one setting")
    set_one.add_argument("key", metavar="KEY")
    set_one.add_argument("value", metavar="VALUE")


def _with(open_database: OpenDatabase, run: Run, arguments: argparse.Namespace) -> int:
    database = open_database(arguments)
    try:
        return run(arguments, database)
    finally:
        database.dispose()


def _add(arguments: argparse.Namespace, database: Database) -> int:
    role = OperatorRole.SUPERVISOR if arguments.supervisor else OperatorRole.OPERATOR
    added = add_operator(database, arguments.name, role, actor=command_line_actor(), now=now_utc())
    print(f"{added.name};{added.role}")
    return 0


def _list(arguments: argparse.Namespace, database: Database) -> int:
    for operator, active in all_operators(database):
        print(f"{operator.name};{operator.role};{'active' if active else 'retired'}")
    return 0


def _retire(arguments: argparse.Namespace, database: Database) -> int:
    set_operator_active(database, arguments.name, False, actor=command_line_actor(), now=now_utc())
    return 0


def _restore(arguments: argparse.Namespace, database: Database) -> int:
    set_operator_active(database, arguments.name, True, actor=command_line_actor(), now=now_utc())
    return 0


def _settings_list(arguments: argparse.Namespace, database: Database) -> int:
    current = read_settings(database)
    for setting in SETTINGS:
        value = getattr(current, setting.attribute)
        print(f"{setting.key};{value};{setting.describe}")
    return 0


def _settings_set(arguments: argparse.Namespace, database: Database) -> int:
    actor = command_line_actor()
    write_setting(database, arguments.key, arguments.value, actor=actor, now=now_utc())
    return 0
