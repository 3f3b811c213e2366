"""The demo's accounts: printed by ``operline demo``, kept in the demo database, usable."""

from __future__ import annotations

from datetime import UTC, datetime

from operline.codes import OperatorRole
from operline.db.engine import open_database
from operline.demo.accounts import demo_accounts
from operline.logins import needs_first_administrator, sign_in
from tests.command_line import run_operline


def test_the_demo_prints_one_account_of_each_role_that_signs_in(sqlite_url: str) -> None:
    done = run_operline("demo", "--incidents", "20", "--weeks", "1", "--db", sqlite_url)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1] == (
        "A demo database has no secret: its accounts (login;role;password) are shown at its "
        "sign-in too."
    )
    printed = [line.split(";") for line in lines[2:]]
    assert [(login, role) for login, role, _ in printed] == [
        ("Karim Haddad", "operator"),
        ("Claire Dumont", "supervisor"),
        ("Nadia Belkacem", "administrator"),
    ]
    database = open_database(sqlite_url)
    try:
        kept = demo_accounts(database)
        assert [(a.login, a.role.value, a.password) for a in kept] == [tuple(p) for p in printed]
        assert not needs_first_administrator(database)
        for login, role, password in printed:
            actor = sign_in(database, login, password, workstation="p", now=datetime.now(UTC))
            assert actor.role is OperatorRole(role)
    finally:
        database.dispose()


def test_a_real_desk_has_no_demo_accounts(sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    database = open_database(sqlite_url)
    try:
        assert demo_accounts(database) == []
        assert needs_first_administrator(database)
    finally:
        database.dispose()
