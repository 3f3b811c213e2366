"""Every file Operline writes is readable by the computer's account only (Linux: 0600 for
files, 0700 for the data folder), whatever the umask of the session that started it."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from operline.day_log import day_log_csv, read_day_log
from operline.db.backup import backup_database
from operline.db.engine import Database, choose_database_url, open_database
from operline.db.migrate import upgrade_database
from operline.drafts import DraftStore
from operline.figures.buckets import IsoWeek
from operline.gpo.brief import save_gpo_brief
from operline.gpo.export import export_gpo_week
from operline.paris_time import paris_date
from tests.actors import COMMAND_LINE
from tests.command_line import run_operline
from tests.incidents.test_stage_refusals import RECEIVED, small_desk
from tests.privacy.calls import wordy_call
from tests.test_database_upgrade import newer_app

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    """A session whose files would be readable by everyone, as many desktops' are."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_data_folder_the_database_its_log_and_shared_memory_are_private(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OPERLINE_DATABASE_URL", raising=False)
    url = choose_database_url(None)
    database = open_database(url)
    try:
        upgrade_database(database, now=NOW)
        with database.write() as session:
            session.execute(text("SELECT 1"))
        path = database.sqlite_path
        assert path is not None
        assert mode(path.parent) == 0o700
        assert mode(path) == 0o600
        for part in ("-wal", "-shm"):
            log = path.with_name(path.name + part)
            assert log.exists()
            assert mode(log) == 0o600, part
    finally:
        database.dispose()


def test_a_database_left_readable_by_an_earlier_version_is_made_private(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    os.chmod(path, 0o644)

    open_database(f"sqlite:///{path}").dispose()

    assert mode(path) == 0o600


def test_a_backup_and_the_copy_before_an_upgrade_are_private(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        upgrade_database(database, now=NOW)
        report = upgrade_database(database, now=NOW, migrations=newer_app(tmp_path, 1))
        backup = backup_database(database, tmp_path / "backup.sqlite3")
    finally:
        database.dispose()
    assert report.backup is not None
    assert mode(report.backup) == 0o600
    assert mode(backup) == 0o600


def test_a_draft_and_its_folder_are_private(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "state" / "operline")
    store.belong_to("sqlite:///desk.sqlite3")

    store.save({"notes": "au sol"}, saved_at=NOW)

    assert mode(store.folder) == 0o700
    assert mode(store.path) == 0o600


def test_the_gpo_files_and_brief_are_private(database: Database, tmp_path: Path) -> None:
    wordy_call(small_desk(database))
    week = IsoWeek.of(paris_date(RECEIVED))

    exported = export_gpo_week(database, week, tmp_path, actor=COMMAND_LINE, now=NOW)
    brief = save_gpo_brief(
        database, week, b"%PDF-1.4\n", tmp_path, pages=1, actor=COMMAND_LINE, now=NOW
    )

    for written in (*exported.files, brief):
        assert mode(written.path) == 0o600, written.path.name


def test_the_day_log_pdf_is_private_even_over_an_earlier_readable_file(
    database: Database, tmp_path: Path, qapp: object
) -> None:
    call = wordy_call(small_desk(database))
    log = read_day_log(database, paris_date(RECEIVED), actor=call.supervisor, now=NOW)
    target = tmp_path / "journal.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    from operline.ui.journal.printing import write_pdf

    write_pdf(log, target, printed_by="Claire Roux")

    assert target.read_bytes().startswith(b"%PDF")
    assert mode(target) == 0o600
    assert day_log_csv(log)  # the CSV the command line writes, below


def test_the_command_lines_day_log_and_roster_files_are_private(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    wordy_call(small_desk(sqlite_database))
    day = paris_date(RECEIVED).isoformat()
    csv, pdf, roster = tmp_path / "day.csv", tmp_path / "day.pdf", tmp_path / "roster.csv"

    # Programs of their own: what they create is private by their own umask.
    journal = run_operline(
        "journal",
        *("--day", day, "--csv", str(csv), "--pdf", str(pdf), "--db", sqlite_url),
        process=True,
    )
    exported = run_operline("roster", "export", str(roster), "--db", sqlite_url, process=True)

    assert journal.returncode == 0, journal.stderr
    assert exported.returncode == 0, exported.stderr
    for written in (csv, pdf, roster):
        assert mode(written) == 0o600, written.name
