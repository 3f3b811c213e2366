"""``operline operator …`` and ``operline settings …``: a real desk is set up without a demo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operline.paris_time import format_paris
from tests.command_line import run_operline


def test_operators_are_added_listed_retired_and_brought_back(database_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", database_url).returncode == 0
    added = run_operline("operator", "add", "Zoé Martin", "--supervisor", "--db", database_url)
    assert (added.returncode, added.stdout) == (0, "Zoé Martin;supervisor\n")
    run_operline("operator", "add", "Amine Benali", "--db", database_url)
    twice = run_operline("operator", "add", "zoe  MARTIN", "--db", database_url)
    assert twice.returncode == 2
    assert "Zoé Martin already works at the desk" in twice.stderr
    assert run_operline("operator", "retire", "amine benali", "--db", database_url).returncode == 0
    listed = run_operline("operator", "list", "--db", database_url).stdout
    assert listed == (
        "Amine Benali;operator;retired;no password\nZoé Martin;supervisor;active;no password\n"
    )
    run_operline("operator", "restore", "Amine Benali", "--db", database_url)
    assert (
        "Amine Benali;operator;active;no password"
        in run_operline("operator", "list", "--db", database_url).stdout
    )
    unknown = run_operline("operator", "retire", "Personne", "--db", database_url)
    assert (unknown.returncode, "Nobody called 'Personne'" in unknown.stderr) == (2, True)


def test_the_supervisors_number_and_thresholds_are_set_and_checked(sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    assert (
        run_operline(
            "settings", "set", "desk.supervisor_phone", "01 99 00 77 77", "--db", sqlite_url
        ).returncode
        == 0
    )
    assert (
        run_operline(
            "settings", "set", "alerts.urgent_ack_minutes", "3", "--db", sqlite_url
        ).returncode
        == 0
    )
    listed = run_operline("settings", "list", "--db", sqlite_url).stdout.splitlines()
    assert listed[0].startswith("alerts.urgent_ack_minutes;3;")
    assert listed[1].startswith("alerts.normal_ack_minutes;15;")
    assert listed[2].startswith("desk.supervisor_phone;+33199007777;")
    wrong = run_operline("settings", "set", "desk.supervisor_phone", "12", "--db", sqlite_url)
    assert (
        wrong.returncode,
        "desk.supervisor_phone: 12 is not a phone number" in wrong.stderr,
    ) == (2, True)
    unknown = run_operline("settings", "set", "desk.colour", "red", "--db", sqlite_url)
    assert (unknown.returncode, "unknown setting 'desk.colour'" in unknown.stderr) == (2, True)


def test_roles_passwords_and_locks_are_set_from_the_command_line(sqlite_url: str) -> None:
    from operline.db.engine import open_database
    from operline.logins import SignInRefused, sign_in

    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    added = run_operline(
        "operator", "add", "Nadia Belkacem", "--role", "administrator", "--db", sqlite_url
    )
    assert (added.returncode, added.stdout) == (0, "Nadia Belkacem;administrator\n")
    run_operline("operator", "add", "Zoé Martin", "--db", sqlite_url)
    only = run_operline("operator", "list", "--role", "administrator", "--db", sqlite_url)
    assert only.stdout == "Nadia Belkacem;administrator;active;no password\n"
    promoted = run_operline(
        "operator", "role", "zoe martin", "--role", "supervisor", "--db", sqlite_url
    )
    assert (promoted.returncode, promoted.stdout) == (0, "Zoé Martin;supervisor\n")

    # A supervisor's password holds 16 characters at least; nothing is changed otherwise.
    short = run_operline(
        "operator", "passwd", "Zoé Martin", "--db", sqlite_url, input="douze-chars!\n"
    )
    assert short.returncode == 2
    assert "holds 12 characters: supervisors choose at least 16" in short.stderr
    common = run_operline(
        "operator", "passwd", "Zoé Martin", "--db", sqlite_url, input="iloveyou12345678\n"
    )
    assert (common.returncode, "among the most common ones" in common.stderr) == (2, True)
    done = run_operline(
        "operator", "passwd", "Zoé Martin", "--db", sqlite_url, input="tartine de confiture\n"
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "Zoé Martin: password changed.\n", "")
    nobody = run_operline("operator", "passwd", "Personne", "--db", sqlite_url, input="x\n")
    assert (nobody.returncode, "Nobody called 'Personne'" in nobody.stderr) == (2, True)

    database = open_database(sqlite_url)
    try:
        now = datetime.now(UTC)
        for _ in range(5):
            with pytest.raises(SignInRefused):
                sign_in(database, "Zoé Martin", "faux", workstation="p", now=now)
        with pytest.raises(SignInRefused, match="locked until"):
            sign_in(database, "Zoé Martin", "tartine de confiture", workstation="p", now=now)
        listed = run_operline("operator", "list", "--role", "supervisor", "--db", sqlite_url)
        until = format_paris(now + timedelta(minutes=10), "%H:%M")
        assert listed.stdout == f"Zoé Martin;supervisor;active;password;locked until {until}\n"
        unlocked = run_operline("operator", "unlock", "Zoé Martin", "--db", sqlite_url)
        assert (unlocked.returncode, unlocked.stdout) == (0, "Zoé Martin: unlocked.\n")
        assert sign_in(database, "Zoé Martin", "tartine de confiture", workstation="p", now=now)
    finally:
        database.dispose()
    again = run_operline("operator", "unlock", "Zoé Martin", "--db", sqlite_url)
    assert (again.returncode, again.stdout) == (0, "Zoé Martin was not locked.\n")
    unknown_role = run_operline("operator", "add", "X", "--role", "chef", "--db", sqlite_url)
    assert unknown_role.returncode == 2
    assert "invalid choice: 'chef'" in unknown_role.stderr
