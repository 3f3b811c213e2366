"""The command line speaks French on a French locale; what scripts read does not change."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operline.db.engine import Database
from operline.db.models import Sector
from tests.command_line import run_operline

FRENCH = {"LANG": "fr_FR.UTF-8"}
ENGLISH = {"LANG": "C"}
NBSP = "\u00a0"
ROSTER = (
    "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until\n"
    "Maraude Nord;Association A;01 99 00 10 01;1;Stalingrad;*;08:00;20:00;;\n"
)


@pytest.fixture
def desk(sqlite_database: Database, sqlite_url: str) -> str:
    """A database with the sector Stalingrad."""
    with sqlite_database.write() as session:
        session.add(Sector(name="Stalingrad", sort_order=0, created_at=datetime.now(UTC)))
    return sqlite_url


def _roster(tmp_path: Path, text: str) -> str:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_unknown_sector_is_told_in_french_on_a_french_locale(desk: str, tmp_path: Path) -> None:
    file = _roster(tmp_path, ROSTER.replace("Stalingrad", "Forceval"))
    french = run_operline("roster", "import", file, "--db", desk, env=FRENCH)
    assert french.returncode == 2
    assert french.stderr == (
        f"operline : secteur(s) inconnu(s){NBSP}: Forceval{NBSP}; ajoutez-les d'abord "
        "ou importez avec --create-sectors\n"
    )
    english = run_operline("roster", "import", file, "--db", desk, env=ENGLISH)
    assert english.returncode == 2
    assert english.stderr == (
        "operline: unknown sector(s): Forceval; add them first or import with --create-sectors\n"
    )


def test_every_problem_of_a_roster_file_is_told_in_french(desk: str, tmp_path: Path) -> None:
    file = _roster(tmp_path, ROSTER.replace(";1;Stalingrad", ";3;Stalingrad") + "x;y\n")
    done = run_operline("roster", "import", file, "--db", desk, env=FRENCH)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"{file}{NBSP}: ligne 2, colonne tier{NBSP}: '3' n'est ni 1 (appelée en premier) "
        "ni 2 (renfort)",
        f"{file}{NBSP}: ligne 3{NBSP}: 2 champs, 10 attendus",
    ]


def test_a_mistyped_database_path_is_told_in_the_locale_s_language(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'operlin.sqlite3'}"
    # Programs of their own, started on the locale alone.
    french = run_operline("db", "check", "--db", url, env=FRENCH, process=True)
    assert french.returncode == 1
    assert french.stderr.startswith("operline : Il n'y a pas de base de données à ")
    assert "vérifiez le chemin (rien n'a été créé)." in french.stderr
    english = run_operline("db", "check", "--db", url, env=ENGLISH, process=True)
    assert english.returncode == 1
    assert english.stderr.startswith("operline: There is no database at ")
    assert not (tmp_path / "operlin.sqlite3").exists()


def test_lang_en_overrides_a_french_locale_on_the_command_and_before_it(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'operlin.sqlite3'}"
    after = run_operline("db", "check", "--db", url, "--lang", "en", env={"LC_ALL": "fr_FR.UTF-8"})
    before = run_operline("--lang", "en", "db", "check", "--db", url, env=FRENCH)
    for done in (after, before):
        assert done.returncode == 1
        assert done.stderr.startswith("operline: There is no database at ")


def test_a_time_in_the_past_and_a_bad_time_are_refused_in_french(desk: str) -> None:
    past = run_operline(
        *("roster", "exception", "add", "--db", desk, "--team", "Maraude Nord", "--off"),
        *("--from", "2020-01-01T08:00", "--to", "2020-01-01T12:00", "--reason", "grève"),
        env=FRENCH,
    )
    assert past.returncode == 2
    assert "l'exception finit dans le passé (2020-01-01T12:00:00+01:00)" in past.stderr
    bad = run_operline(
        "roster", "on-duty", "--db", desk, "--sector", "Stalingrad", "--at", "demain", env=FRENCH
    )
    assert bad.returncode == 2
    assert bad.stderr == (
        f"operline : --at{NBSP}: 'demain' n'est pas une date et une heure "
        "(par exemple 2026-03-29T02:30 ou 2026-03-29T02:30+01:00)\n"
    )


def test_confirmations_speak_french_too(desk: str, tmp_path: Path) -> None:
    done = run_operline("roster", "import", _roster(tmp_path, ROSTER), "--db", desk, env=FRENCH)
    assert done.returncode == 0, done.stderr
    assert f"{NBSP}: 1 créneaux hebdomadaires importés{NBSP}; 1 nouvelles équipes" in done.stdout
    assert "1 créneau nouveaux ou modifiés" in done.stdout


def test_machine_output_is_the_same_in_both_languages(desk: str, tmp_path: Path) -> None:
    assert run_operline("roster", "import", _roster(tmp_path, ROSTER), "--db", desk).returncode == 0
    assert run_operline("operator", "add", "Zoé Martin", "--db", desk).returncode == 0
    at = ("--at", "2027-02-03T09:00")
    commands = [
        ("roster", "on-duty", "--sector", "Stalingrad", *at),
        ("roster", "on-duty", "--sector", "Stalingrad", *at, "--json"),
        ("roster", "gaps", "--from", "2027-02-03T00:00", "--days", "2"),
        ("roster", "gaps", "--from", "2027-02-03T00:00", "--days", "2", "--json"),
        ("roster", "on-duty", "--sector", "Stalingrad", "--at", "2027-02-03T23:00"),
        ("operator", "list"),
        ("--version",),
    ]
    for command in commands:
        french = run_operline(*command, "--db", desk, env=FRENCH)
        english = run_operline(*command, "--db", desk, env=ENGLISH)
        assert (french.returncode, french.stdout) == (english.returncode, english.stdout)
        assert french.stdout or french.returncode == 3, command  # 3: nobody on duty
    exported = {}
    for name, env in (("fr", FRENCH), ("en", ENGLISH)):
        path = tmp_path / f"{name}.csv"
        assert run_operline("roster", "export", str(path), "--db", desk, env=env).returncode == 0
        exported[name] = path.read_bytes()
    assert exported["fr"] == exported["en"]


def test_a_reader_that_leaves_early_ends_the_command_quietly(desk: str) -> None:
    # The reader closes the pipe before the command prints: like `| head -1` that is done.
    command = [sys.executable, "-m", "operline", "journal", "--day", "2026-01-05", "--db", desk]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as running:
        assert running.stdout is not None
        assert running.stderr is not None
        running.stdout.close()
        errors = running.stderr.read().decode()
        code = running.wait(timeout=120)
    assert errors == ""
    assert code == 141
