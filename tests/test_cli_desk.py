"""``operline operator …`` and ``operline settings …``: a real desk is set up without a demo."""

from __future__ import annotations

from tests.conftest import run_operline


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
    assert listed == "Amine Benali;operator;retired\nZoé Martin;supervisor;active\n"
    run_operline("operator", "restore", "Amine Benali", "--db", database_url)
    assert (
        "Amine Benali;operator;active"
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
