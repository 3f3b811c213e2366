"""``operline operator …`` and ``operline settings …``: who works at the desk, shared settings.

The command line is the administrator's tool: it acts for whoever can open the database,
and the audit log names that computer account. A password is read without echo from the
terminal, or from standard input (its first line) when a script pipes it in.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from operline.actors import command_line_actor
from operline.cli.messages import say, told
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.lockout import unlock_operator
from operline.logins import account_states, set_password
from operline.operators import add_operator, set_operator_active, set_role
from operline.paris_time import format_paris, now_utc
from operline.sentences import QT_TRANSLATE_NOOP
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
    roles = [role.value for role in OperatorRole]
    add = command(operator_actions, "add", _add, help="someone new at the desk")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", choices=roles, default=None, help="default: operator")
    add.add_argument("--supervisor", action="store_true", help="the same as --role supervisor")
    listing = command(operator_actions, "list", _list, help="everyone, active or retired")
    listing.add_argument("--role", choices=roles, default=None, help="only those of this role")
    role = command(operator_actions, "role", _role, help="give someone another role")
    role.add_argument("name", metavar="NAME")
    role.add_argument("--role", choices=roles, required=True)
    passwd = command(
        operator_actions,
        "passwd",
        _passwd,
        help="set someone's password (typed without echo, or the first line of stdin)",
    )
    passwd.add_argument("name", metavar="NAME")
    unlock = command(
        operator_actions, "unlock", _unlock, help="lift the lock of too many wrong passwords"
    )
    unlock.add_argument("name", metavar="NAME")
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
    if arguments.role is not None:
        role = OperatorRole(arguments.role)
    else:
        role = OperatorRole.SUPERVISOR if arguments.supervisor else OperatorRole.OPERATOR
    added = add_operator(database, arguments.name, role, actor=command_line_actor(), now=now_utc())
    print(f"{added.name};{added.role}")
    return 0


def _list(arguments: argparse.Namespace, database: Database) -> int:
    """One ``name;role;active|retired;password|no password[;locked until HH:MM]`` a person."""
    for account in account_states(database, now=now_utc()):
        operator = account.info
        if arguments.role is not None and operator.role != arguments.role:
            continue
        fields = [
            operator.name,
            operator.role,
            "active" if account.active else "retired",
            "password" if account.has_password else "no password",
        ]
        if account.locked_until is not None:
            fields.append(f"locked until {format_paris(account.locked_until, '%H:%M')}")
        print(";".join(fields))
    return 0


def _role(arguments: argparse.Namespace, database: Database) -> int:
    changed = set_role(
        database,
        arguments.name,
        OperatorRole(arguments.role),
        actor=command_line_actor(),
        now=now_utc(),
    )
    print(f"{changed.name};{changed.role}")
    return 0


def _passwd(arguments: argparse.Namespace, database: Database) -> int:
    password = _read_password(arguments.name)
    changed = set_password(
        database, arguments.name, password, actor=command_line_actor(), now=now_utc()
    )
    say(QT_TRANSLATE_NOOP("CommandLine", "{name}: password changed."), name=changed.name)
    return 0


def _read_password(name: str) -> str:
    """The new password: typed twice without echo, or the first line a script pipes in."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    prompt = told(QT_TRANSLATE_NOOP("CommandLine", "New password for {name}: ")(name=name))
    again = told(QT_TRANSLATE_NOOP("CommandLine", "The same password again: "))
    password = getpass.getpass(prompt)
    if getpass.getpass(again) != password:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "CommandLine", "The two passwords differ: nothing was changed. Try again."
            )
        )
    return password


def _unlock(arguments: argparse.Namespace, database: Database) -> int:
    was_locked = unlock_operator(
        database, arguments.name, actor=command_line_actor(), now=now_utc()
    )
    if was_locked:
        say(QT_TRANSLATE_NOOP("CommandLine", "{name}: unlocked."), name=arguments.name)
    else:
        say(QT_TRANSLATE_NOOP("CommandLine", "{name} was not locked."), name=arguments.name)
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
