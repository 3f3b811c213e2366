"""``operline import calls`` as a supervisor runs it: messages, exit codes, the files."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operline.db.engine import Database, open_database
from operline.db.models import Incident
from operline.demo import fill_demo_database
from tests.call_import.conftest import NOW
from tests.command_line import run_operline

LOG = (
    "received_at;sector;category;notes\n"
    "23/11/2024 14:05;Stalingrad;distress;\n"
    "24/11/2024 09:30;Forceval;autre;scène démantelée\n"
    "26/10/2025 02:15;éole;shelter;\n"
)


@pytest.fixture
def desk(database: Database, database_url: str) -> str:
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=NOW)
    return database_url


def _incidents(url: str) -> int:
    database = open_database(url)
    try:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(Incident)) or 0)
    finally:
        database.dispose()


def _run(desk: str, *args: str, french: bool = False) -> tuple[int, str, str]:
    language = ("--lang", "fr") if french else ()
    done = run_operline("import", "calls", *args, "--db", desk, *language)
    assert "Traceback" not in done.stderr
    return done.returncode, done.stdout, done.stderr


def _file(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "journal.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_bad_row_imports_nothing_and_exits_2_telling_every_problem(
    desk: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, LOG)

    code, out, err = _run(desk, str(path))

    assert code == 2
    assert out == ""
    assert err.splitlines() == [
        f"{path}: warning: line 4, column received_at: 26/10/2025 02:15 happens twice in "
        "Paris (the clocks go back that night): read as the first, 2025-10-26T02:15:00+02:00",
        f"{path}: line 3, column sector: 'Forceval' is no sector of the desk",
        f"{path}: nothing imported; rows with a problem: 1 "
        "(fix them, or import the others with --skip-invalid)",
    ]
    assert _incidents(desk) == 0
    assert not Path(f"{path}.rejected.csv").exists()


def test_skip_invalid_imports_the_others_and_writes_the_rejected_file(
    desk: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, LOG, encoding="cp1252")

    code, out, err = _run(desk, str(path), "--skip-invalid")

    rejected = tmp_path / "journal.csv.rejected.csv"
    assert code == 0
    assert out.splitlines() == [
        f"{rejected}: the rejected rows, with their reason",
        f"{path}: calls imported: 2, already imported: 0, rejected: 1",
    ]
    assert f"{path}: line 3, column sector: 'Forceval' is no sector of the desk" in err
    assert _incidents(desk) == 2
    rows = list(csv.reader(io.StringIO(rejected.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows == [
        ["received_at", "sector", "category", "notes", "reason"],
        [
            "24/11/2024 09:30",
            "Forceval",
            "autre",
            "scène démantelée",
            "column sector: 'Forceval' is no sector of the desk",
        ],
    ]
    if os.name == "posix":  # the earlier log's notes: for the computer's account only
        assert stat.S_IMODE(rejected.stat().st_mode) == 0o600

    code, out, _ = _run(desk, str(path), "--skip-invalid")

    assert (code, _incidents(desk)) == (0, 2)
    assert out.splitlines()[-1] == (f"{path}: calls imported: 0, already imported: 2, rejected: 1")


def test_a_dry_run_changes_nothing_and_says_what_would_be_done(desk: str, tmp_path: Path) -> None:
    path = _file(tmp_path, LOG)

    code, out, _ = _run(desk, str(path), "--dry-run", "--skip-invalid")

    assert code == 0
    assert out.splitlines() == [
        f"{path}: dry run, nothing changed; calls to import: 2, already imported: 0, "
        "rows with a problem: 1"
    ]
    assert _incidents(desk) == 0
    assert not Path(f"{path}.rejected.csv").exists()
    assert _run(desk, str(path), "--dry-run")[0] == 2


def test_the_messages_speak_french_when_asked(desk: str, tmp_path: Path) -> None:
    path = _file(tmp_path, LOG)

    code, _, err = _run(desk, str(path), french=True)

    assert code == 2
    assert (
        f"{path}\u00a0: ligne 3, colonne sector\u00a0: 'Forceval' n'est pas un secteur du "
        "plateau" in err.splitlines()
    )
    assert err.splitlines()[-1] == (
        f"{path}\u00a0: rien n'a été importé\u00a0; lignes avec un problème\u00a0: 1 "
        "(corrigez-les, ou importez les autres avec --skip-invalid)"
    )


def test_a_file_that_cannot_be_read_as_a_call_log_exits_2(desk: str, tmp_path: Path) -> None:
    path = _file(tmp_path, "received_at;sector;category;nom\n")

    code, _, err = _run(desk, str(path))

    assert code == 2
    assert err.startswith(f"{path}: line 1, column nom: not a column of the call log")


def test_a_missing_file_is_one_sentence(desk: str, tmp_path: Path) -> None:
    code, _, err = _run(desk, str(tmp_path / "absent.csv"))

    assert code == 2
    assert err == f"operline: {tmp_path / 'absent.csv'}: No such file or directory\n"


def test_the_rejected_file_gives_its_reasons_in_the_language_of_the_command(
    desk: str, tmp_path: Path
) -> None:
    path = _file(tmp_path, LOG)

    code, _, _ = _run(desk, str(path), "--skip-invalid", french=True)

    assert code == 0
    rejected = (tmp_path / "journal.csv.rejected.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(rejected), delimiter=";"))
    assert rows[1][-1] == "colonne sector\u00a0: 'Forceval' n'est pas un secteur du plateau"
