"""Starting the window: smoke mode, the language chosen, one sentence for a bad database."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.db.engine import open_database
from operline.db.migrate import schema_state, upgrade_database
from operline.db.models import AuditLog
from operline.journal import JOURNAL_VIEW
from operline.paris_time import now_utc
from operline.ui.shell.app import run_gui
from tests.audit.chain import write_entries
from tests.ui.conftest import close_next_modal


@pytest.fixture
def not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text("Liste des équipes de garde, pas une base de données.\n")
    return path


def test_smoke_mode_paints_the_window_and_succeeds(
    qtbot: QtBot, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(sqlite_url, smoke=True, lang="fr") == 0

    assert "painted" in capsys.readouterr().out
    # The window really opened on the database, brought to the app's schema; nobody
    # looked at the history, so no consultation is in the audit log.
    database = open_database(sqlite_url)
    try:
        assert schema_state(database).up_to_date
        with database.read() as session:
            actions = list(session.scalars(select(AuditLog.action)))
    finally:
        database.dispose()
    assert JOURNAL_VIEW not in actions


def test_smoke_mode_tells_a_bad_database_in_one_sentence(
    qtbot: QtBot, not_a_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(f"sqlite:///{not_a_database}", smoke=True, lang="fr") == 1

    assert capsys.readouterr().err == (
        f"{not_a_database} n'est pas une base de données SQLite\u00a0; Operline n'y a pas touché.\n"
    )
    assert not_a_database.read_text().startswith("Liste des équipes")


def test_smoke_mode_speaks_english_when_asked(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder" / "operline.sqlite3"

    assert run_gui(f"sqlite:///{missing}", smoke=True, lang="en") == 1

    assert capsys.readouterr().err == (f"The folder of the database {missing} does not exist.\n")


def test_a_bad_database_is_told_in_a_french_dialog(
    qtbot: QtBot, not_a_database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seen = close_next_modal()

    assert run_gui(f"sqlite:///{not_a_database}", lang="fr") == 1

    assert seen.kind == "QMessageBox"
    assert seen.text == (
        f"{not_a_database} n'est pas une base de données SQLite\u00a0; Operline n'y a pas touché."
    )
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out


def test_an_unknown_language_is_refused(
    qtbot: QtBot, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(sqlite_url, smoke=True, lang="de") == 2
    assert "choose one of fr, en" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("system_language", "expected"),
    [
        ("fr_FR.UTF-8", "n'est pas une base de données SQLite"),
        ("en_GB.UTF-8", "is not an SQLite database"),
    ],
)
def test_the_language_follows_the_system_by_default(
    not_a_database: Path, system_language: str, expected: str
) -> None:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")
    }
    environment.update(LANG=system_language, QT_QPA_PLATFORM="offscreen")
    script = (
        "import sys\n"
        "from operline.ui.shell.app import run_gui\n"
        f"sys.exit(run_gui({f'sqlite:///{not_a_database}'!r}, smoke=True))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )

    assert done.returncode == 1
    assert expected in done.stderr
    assert "Traceback" not in done.stderr


def test_the_start_removes_audit_entries_older_than_their_retention(
    qtbot: QtBot, sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    database = open_database(sqlite_url)
    try:
        upgrade_database(database, now=now_utc())
        write_entries(database, 3, start=now_utc() - timedelta(days=400))
        kept = write_entries(database, 1, start=now_utc())
    finally:
        database.dispose()

    assert run_gui(sqlite_url, smoke=True, lang="fr") == 0

    assert "painted" in capsys.readouterr().out
    database = open_database(sqlite_url)
    try:
        with database.read() as session:
            entries = session.execute(
                select(AuditLog.id, AuditLog.action, AuditLog.details).order_by(AuditLog.id)
            ).all()
        report = verify_audit_chain(database)
    finally:
        database.dispose()
    assert entries[0].id == kept[0]  # the three old entries are gone, the recent one kept
    pruned = [entry.details for entry in entries if entry.action == AuditAction.AUDIT_PRUNE]
    assert pruned == ["3 entries removed, up to entry 3; kept 12 months"]
    assert report.intact
