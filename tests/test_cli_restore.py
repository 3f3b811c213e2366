"""``operline db restore BACKUP``: the backup's calls come back, the current file is kept
aside, and a file that is no sound Operline backup, or a database in use, is refused."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operline.cli import desk as cli_desk
from operline.db.automatic_backups import write_automatic_backup
from operline.db.engine import Database, open_database
from operline.db.in_use import hold_exclusive, hold_shared, hold_while_open, in_use_path
from operline.db.migrate import upgrade_database
from operline.errors import OperlineError
from tests.command_line import run_operline
from tests.test_cli_database import add_incident

NOW = datetime(2026, 12, 3, 13, 5, tzinfo=UTC)


def _references(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in connection.execute("SELECT reference FROM incident")]
    finally:
        connection.close()


def _rename_the_call(url: str, reference: str) -> None:
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    with connection:
        connection.execute("UPDATE incident SET reference = ?", (reference,))
    connection.close()


@pytest.fixture
def backed_up(sqlite_url: str) -> tuple[str, Path]:
    """A database with one call, backed up, then changed: its URL and the backup."""
    database = open_database(sqlite_url)
    try:
        upgrade_database(database, now=NOW)
        add_incident(sqlite_url)
        backup = write_automatic_backup(database, now=NOW, every_hours=6).written.path
    finally:
        database.dispose()
    _rename_the_call(sqlite_url, "OPL-2026-000777")
    return sqlite_url, backup


def _one_sentence(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("operline: ")
    assert "Traceback" not in done.stderr
    return lines[0]


def test_restore_brings_back_the_backups_calls_and_keeps_the_current_file_aside(
    backed_up: tuple[str, Path],
) -> None:
    url, backup = backed_up
    path = Path(url.removeprefix("sqlite:///"))
    assert _references(path) == ["OPL-2026-000777"]
    backup_bytes = backup.read_bytes()

    done = run_operline("db", "restore", str(backup), "--db", url)

    assert done.returncode == 0, done.stderr
    assert _references(path) == ["OPL-2026-000001"]
    assert f"restored from {backup} (1 calls)" in done.stdout
    aside = [p for p in path.parent.iterdir() if ".before-restore-" in p.name]
    assert len(aside) == 1
    assert f"kept as {aside[0]}" in done.stdout
    # The current file went aside whole, its write-ahead log folded in first.
    assert _references(aside[0]) == ["OPL-2026-000777"]
    assert not path.with_name(path.name + "-wal").exists()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert backup.read_bytes() == backup_bytes  # the backup is left as it was
    # The desk opens the restored file as any other.
    again = run_operline("db", "check", "--db", url)
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"name;phone\nBAC 19;0199001234\n" * 50, "is not an SQLite database"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + b"\xff" * 8000, "is damaged"),
    ],
)
def test_a_file_that_is_no_sound_sqlite_file_is_refused_and_nothing_changes(
    backed_up: tuple[str, Path], tmp_path: Path, content: bytes, words: str
) -> None:
    url, _ = backed_up
    path = Path(url.removeprefix("sqlite:///"))
    bad = tmp_path / "not-a-backup.sqlite3"
    bad.write_bytes(content)

    sentence = _one_sentence(run_operline("db", "restore", str(bad), "--db", url))

    assert words in sentence
    assert str(bad) in sentence
    assert _references(path) == ["OPL-2026-000777"]
    assert not [p for p in path.parent.iterdir() if ".before-restore-" in p.name]


def test_a_damaged_backup_is_refused(backed_up: tuple[str, Path]) -> None:
    url, backup = backed_up
    data = bytearray(backup.read_bytes())
    for start in range(4096 * 2, len(data), 4096):
        data[start : start + 64] = b"\xff" * 64
    backup.write_bytes(bytes(data))

    sentence = _one_sentence(run_operline("db", "restore", str(backup), "--db", url))

    assert "is damaged" in sentence
    assert _references(Path(url.removeprefix("sqlite:///"))) == ["OPL-2026-000777"]


def test_another_programs_database_and_a_newer_operlines_backup_are_refused(
    backed_up: tuple[str, Path], tmp_path: Path
) -> None:
    url, backup = backed_up
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE song (title TEXT)")
    connection.close()
    connection = sqlite3.connect(backup)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.close()

    not_ours = _one_sentence(run_operline("db", "restore", str(other), "--db", url))
    newer = _one_sentence(run_operline("db", "restore", str(backup), "--db", url))

    assert "not an Operline database" in not_ours
    assert "newer version of Operline" in newer
    assert "9999_from_the_future" in newer
    assert _references(Path(url.removeprefix("sqlite:///"))) == ["OPL-2026-000777"]


def test_restore_is_refused_while_another_process_has_the_database_open(
    backed_up: tuple[str, Path],
) -> None:
    url, backup = backed_up
    path = Path(url.removeprefix("sqlite:///"))
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                from pathlib import Path
                from operline.db.in_use import hold_shared
                lock = hold_shared(Path({str(path)!r}))
                print("held" if lock else "refused", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"

        sentence = _one_sentence(run_operline("db", "restore", str(backup), "--db", url))

        assert "An Operline window or command has the database" in sentence
        assert "close it or let it finish, then restore again" in sentence
        assert _references(path) == ["OPL-2026-000777"]
    finally:
        holder.communicate("", timeout=30)
    # Once that process is gone, the restore goes ahead.
    assert run_operline("db", "restore", str(backup), "--db", url).returncode == 0
    assert _references(path) == ["OPL-2026-000001"]


def test_the_window_holds_the_mark_and_a_window_started_during_a_restore_is_refused(
    sqlite_url: str,
) -> None:
    database = open_database(sqlite_url)
    path = database.sqlite_path
    assert path is not None
    try:
        window = hold_while_open(database)
        assert window is not None
        assert in_use_path(path).exists()
        second_window = hold_shared(path)  # two desks on one computer share the file
        assert second_window is not None
        assert hold_exclusive(path) is None
        window.release()
        second_window.release()
        restoring = hold_exclusive(path)
        assert restoring is not None
        with pytest.raises(OperlineError, match="is being restored from a backup"):
            hold_while_open(database)
        restoring.release()
        assert stat.S_IMODE(in_use_path(path).stat().st_mode) == 0o600
    finally:
        database.dispose()


def test_a_command_holds_the_mark_while_it_runs_and_is_refused_during_a_restore(
    backed_up: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, backup = backed_up
    path = Path(url.removeprefix("sqlite:///"))
    restore_tried: list[str] = []

    def listing_while_a_restore_is_tried(database: Database, *, now: datetime) -> list[object]:
        # In the middle of `operator list`, another terminal tries the restore.
        restore_tried.append(_one_sentence(run_operline("db", "restore", str(backup), "--db", url)))
        assert hold_exclusive(path) is None  # still held by the command, to its end
        return []

    monkeypatch.setattr(cli_desk, "account_states", listing_while_a_restore_is_tried)
    assert run_operline("operator", "list", "--db", url).returncode == 0
    monkeypatch.undo()

    (sentence,) = restore_tried
    assert "An Operline window or command has the database" in sentence
    assert _references(path) == ["OPL-2026-000777"]
    # The command ended: its mark went with it, and the restore goes ahead.
    restoring = hold_exclusive(path)
    assert restoring is not None
    try:
        refused = _one_sentence(run_operline("operator", "list", "--db", url))
    finally:
        restoring.release()
    assert "is being restored from a backup" in refused


def test_a_postgresql_database_is_restored_with_pg_restore() -> None:
    # Refused before any connection: no server is needed.
    done = run_operline(
        "db", "restore", "backup.dump", "--db", "postgresql://desk@127.0.0.1:1/operline"
    )

    sentence = _one_sentence(done)
    assert "pg_restore" in sentence
    assert "PostgreSQL" in sentence
