"""``operline roster …`` through the command line, as scripts and supervisors use it."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operline.db.engine import Database
from operline.db.models import Sector
from tests.command_line import run_operline

SECTORS = ("Stalingrad", "Éole", "Porte de la Chapelle", "Hors secteur")

ROSTER = (
    "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until\n"
    "Maraude Nord;Association A;01 99 00 10 01;1;Stalingrad|Éole;*;08:00;20:00;;\n"
    "Maraude Nuit;Association A;01 99 00 10 02;1;Stalingrad|Éole;*;20:00;08:00;;\n"
    "Médiation Chapelle;Association B;01 99 00 10 03;1;Porte de la Chapelle;lun-ven;"
    "09:00;17:00;;2027-06-30\n"
    "ELA;GHU Paris;+33 1 99 00 10 04;2;*;*;00:00;00:00;;\n"
    "Maraude Nord;Association A;01 99 00 10 01;2;Porte de la Chapelle;sat,sun;10:00;18:00;"
    "2027-01-01;\n"
)


@pytest.fixture
def desk(database: Database, database_url: str) -> str:
    """A database with the four sectors and nothing else."""
    with database.write() as session:
        session.add_all(
            Sector(name=name, sort_order=index, created_at=datetime.now(UTC))
            for index, name in enumerate(SECTORS)
        )
    return database_url


def write(tmp_path: Path, text: str, name: str = "roster.csv", bom: bool = False) -> Path:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def roster(desk: str, *args: str) -> tuple[int, str, str]:
    done = run_operline("roster", *args, "--db", desk)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def test_export_then_import_gives_the_same_roster(desk: str, tmp_path: Path) -> None:
    code, out, err = roster(desk, "import", str(write(tmp_path, ROSTER, bom=True)))
    assert code == 0, err
    assert "5 shift patterns imported; 4 new teams" in out
    first = tmp_path / "first.csv"
    assert roster(desk, "export", str(first))[0] == 0
    assert roster(desk, "import", str(first))[0] == 0
    second = tmp_path / "second.csv"
    assert roster(desk, "export", str(second))[0] == 0
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    exported = first.read_text(encoding="utf-8").splitlines()
    assert (
        exported[0] == "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until"
    )
    assert "ELA;GHU Paris;+33199001004;2;*;*;00:00;00:00;;" in exported
    assert (
        "Médiation Chapelle;Association B;+33199001003;1;Porte de la Chapelle;lun-ven;"
        "09:00;17:00;;2027-06-30" in exported
    )


def test_a_comma_separated_file_with_english_days_imports(desk: str, tmp_path: Path) -> None:
    text = (
        "team,organisation,phone,tier,sectors,days,start,end,valid_from,valid_until\n"
        'UASA binôme 1,Police municipale,,1,Éole,"fri-mon,wed",22:00,06:00,,\n'
    )
    code, _, err = roster(desk, "import", str(write(tmp_path, text)))
    assert code == 0, err
    exported = tmp_path / "out.csv"
    roster(desk, "export", str(exported))
    assert (
        "UASA binôme 1;Police municipale;;1;Éole;lun,mer,ven-dim;22:00;06:00;;"
        in exported.read_text(encoding="utf-8")
    )


def test_every_problem_of_a_bad_file_is_listed_and_nothing_is_imported(
    desk: str, tmp_path: Path
) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    bad = (
        "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until\n"
        "Maraude Nord;Association A;01 99 00 10 01;3;Stalingrad;*;08:00;20:00;;\n"
        ";Association A;12;1;Stalingrad;lun-xyz;25:00;8h;2027-13-01;\n"
        "Maraude Est;Association C;;1;Stalingrad;*;08:00;20:00;2027-05-01;2027-04-01\n"
        "Maraude Est;Association D;;1;Stalingrad;*;08:00;20:00;;\n"
        "too;few;fields\n"
    )
    path = write(tmp_path, bad, "bad.csv")
    code, _, err = roster(desk, "import", str(path))
    assert code == 2
    problems = err.splitlines()
    expected = [
        "line 2, column tier: '3' is not 1 (called first) or 2 (backup)",
        "line 3, column team: empty",
        "line 3, column phone: '12' is not a valid phone number",
        "line 3, column days: 'lun-xyz' is not a day",
        "line 3, column start: '25:00' is not a time of day HH:MM",
        "line 3, column end: '8h' is not a time of day HH:MM",
        "line 3, column valid_from: '2027-13-01' is not a date YYYY-MM-DD",
        "line 4, column valid_until: 2027-04-01 is before valid_from 2027-05-01",
        "line 5, column organisation: 'Association D' differs from line 4 for the same team",
        "line 6: 3 fields, expected 10",
    ]
    for line in expected:
        assert any(line in problem for problem in problems), (line, problems)
    assert all(problem.startswith(f"{path}: line ") for problem in problems)
    kept = tmp_path / "kept.csv"
    roster(desk, "export", str(kept))
    assert "Maraude Nuit" in kept.read_text(encoding="utf-8")


def test_a_header_that_is_not_the_roster_header_is_refused(desk: str, tmp_path: Path) -> None:
    code, _, err = roster(desk, "import", str(write(tmp_path, "nom;téléphone\nA;B\n")))
    assert code == 2
    assert "line 1, column team: missing from the header" in err


def test_an_unknown_sector_is_refused_unless_asked_to_create_it(desk: str, tmp_path: Path) -> None:
    text = ROSTER + "Maraude Canal;Association C;;1;Quais du canal de l'Ourcq;*;08:00;20:00;;\n"
    path = write(tmp_path, text)
    code, _, err = roster(desk, "import", str(path))
    assert code == 2
    assert "unknown sector(s): Quais du canal de l'Ourcq" in err
    code, out, err = roster(desk, "import", str(path), "--create-sectors")
    assert code == 0, err
    assert "1 new sectors" in out
    assert roster(
        desk, "on-duty", "--sector", "quais du canal de l'ourcq", "--at", "2027-02-03T10:00"
    )[1] == ("1;Maraude Canal;\n2;ELA;+33199001004\n")


def test_on_duty_lists_teams_tier_first_and_matches_names_loosely(
    desk: str, tmp_path: Path
) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, out, _ = roster(desk, "on-duty", "--sector", "eole", "--at", "2027-02-03T10:00")
    assert (code, out) == (0, "1;Maraude Nord;+33199001001\n2;ELA;+33199001004\n")
    code, out, _ = roster(desk, "on-duty", "--sector", "EOLE", "--at", "2027-02-03T20:00+01:00")
    assert out.splitlines()[0] == "1;Maraude Nuit;+33199001002"  # at the handoff, the incoming


def test_on_duty_as_json_says_until_when(desk: str, tmp_path: Path) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, out, _ = roster(
        desk, "on-duty", "--sector", "Stalingrad", "--at", "2027-03-27T23:00", "--json"
    )
    assert code == 0
    teams = json.loads(out)
    # The night of the spring change: the shift still ends at 08:00, Paris summer time.
    assert teams[0] == {
        "team": "Maraude Nuit",
        "tier": 1,
        "phone": "+33199001002",
        "until": "2027-03-28T08:00:00+02:00",
    }


def test_nobody_on_duty_prints_nothing_and_exits_3(desk: str, tmp_path: Path) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, out, _ = roster(desk, "on-duty", "--sector", "Hors secteur", "--at", "2027-02-03T10:00")
    assert (code, out) == (0, "2;ELA;+33199001004\n")
    roster(
        desk,
        "import",
        str(write(tmp_path, ROSTER.replace("ELA;GHU Paris", "X;Y").replace(";2;*;", ";2;Éole;"))),
    )
    code, out, _ = roster(desk, "on-duty", "--sector", "Hors secteur", "--at", "2027-02-03T10:00")
    assert (code, out) == (3, "")


def test_on_duty_before_the_second_import_answers_from_the_first_roster(
    desk: str, tmp_path: Path
) -> None:
    header = ROSTER.splitlines(keepends=True)[0]
    first = header + "Maraude A;Association A;01 99 00 10 01;1;Stalingrad;*;00:00;00:00;;\n"
    second = header + "Maraude B;Association B;01 99 00 10 02;1;Stalingrad;*;00:00;00:00;;\n"
    assert roster(desk, "import", str(write(tmp_path, first, name="a.csv")))[0] == 0
    between = datetime.now(UTC).isoformat()

    code, out, _ = roster(
        desk, "import", "--replace-all", str(write(tmp_path, second, name="b.csv"))
    )

    assert (code, "1 shift new or changed, 1 ended" in out) == (0, True)
    code, out, _ = roster(desk, "on-duty", "--sector", "Stalingrad", "--at", between)
    assert (code, out) == (0, "1;Maraude A;+33199001001\n")
    code, out, _ = roster(desk, "on-duty", "--sector", "Stalingrad")
    assert (code, out) == (0, "1;Maraude B;+33199001002\n")
    # The file of the roster in force is the second one.
    code, _, _ = roster(desk, "export", str(tmp_path / "out.csv"))
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("Maraude") == 1
    assert "Maraude B" in (tmp_path / "out.csv").read_text(encoding="utf-8")


def test_on_duty_refuses_an_unknown_sector_and_an_ambiguous_time(desk: str, tmp_path: Path) -> None:
    code, _, err = roster(desk, "on-duty", "--sector", "Forceval")
    assert code == 2
    assert "unknown sector 'Forceval'" in err
    code, _, err = roster(desk, "on-duty", "--sector", "Éole", "--at", "2027-10-31T02:30")
    assert code == 2
    assert "happens twice in Paris" in err


def test_gaps_lists_uncovered_intervals(desk: str, tmp_path: Path) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, out, err = roster(desk, "gaps", "--from", "2027-02-01T00:00", "--days", "1")
    assert code == 0, err
    lines = out.splitlines()
    assert (
        "Porte de la Chapelle;2027-02-01T00:00:00+01:00;2027-02-01T09:00:00+01:00;no_team" in lines
    )
    assert (
        "Porte de la Chapelle;2027-02-01T17:00:00+01:00;2027-02-02T00:00:00+01:00;no_team" in lines
    )
    assert not any(line.startswith(("Stalingrad;", "Éole;")) for line in lines)
    listed = json.loads(
        roster(desk, "gaps", "--from", "2027-02-01T00:00", "--days", "1", "--json")[1]
    )
    assert {
        "sector": "Hors secteur",
        "start": "2027-02-01T00:00:00+01:00",
        "end": "2027-02-02T00:00:00+01:00",
        "kind": "no_team",
    } in listed


def test_exceptions_are_added_listed_applied_and_removed(desk: str, tmp_path: Path) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, out, err = roster(
        desk,
        "exception",
        "add",
        "--team",
        "maraude nord",
        "--replace-by",
        "MEDIATION chapelle",
        "--sector",
        "eole",
        "--from",
        "2027-02-03T09:00",
        "--to",
        "2027-02-03T12:00",
        "--reason",
        "véhicule en panne",
    )
    assert code == 0, err
    exception_id = out.strip()
    _, listed, _ = roster(desk, "exception", "list")
    author = listed.split(";")[-1].strip()
    assert listed.splitlines() == [
        f"{exception_id};Maraude Nord;replace;Médiation Chapelle;Éole;"
        f"2027-02-03T09:00:00+01:00;2027-02-03T12:00:00+01:00;véhicule en panne;{author}"
    ]
    _, out, _ = roster(desk, "on-duty", "--sector", "Éole", "--at", "2027-02-03T10:00")
    assert out.splitlines()[0] == "1;Médiation Chapelle;+33199001003"
    _, out, _ = roster(desk, "on-duty", "--sector", "Stalingrad", "--at", "2027-02-03T10:00")
    assert out.splitlines()[0] == "1;Maraude Nord;+33199001001"
    assert roster(desk, "exception", "remove", exception_id)[0] == 0
    assert roster(desk, "exception", "list")[1] == ""
    _, out, _ = roster(desk, "on-duty", "--sector", "Éole", "--at", "2027-02-03T10:00")
    assert out.splitlines()[0] == "1;Maraude Nord;+33199001001"


def test_exception_mistakes_are_one_sentence(desk: str, tmp_path: Path) -> None:
    roster(desk, "import", str(write(tmp_path, ROSTER)))
    code, _, err = roster(
        desk,
        "exception",
        "add",
        "--team",
        "Nobody",
        "--off",
        "--from",
        "2027-02-03T09:00",
        "--to",
        "2027-02-03T12:00",
        "--reason",
        "x",
    )
    assert (code, err.count("\n")) == (2, 1)
    assert "unknown team 'Nobody'" in err
    code, _, err = roster(
        desk,
        "exception",
        "add",
        "--team",
        "ELA",
        "--off",
        "--from",
        "2027-02-03T12:00",
        "--to",
        "2027-02-03T09:00",
        "--reason",
        "x",
    )
    assert code == 2
    assert "ends (2027-02-03T09:00:00+01:00) before it starts" in err
    code, _, err = roster(desk, "exception", "remove", "999")
    assert (code, "there is no roster exception 999" in err) == (2, True)
