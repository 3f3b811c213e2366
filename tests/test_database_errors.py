"""Bad databases: each gives one clear sentence, a non-zero exit, and leaves files alone."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from operline.db.engine import open_database
from operline.errors import DatabaseError, DatabaseProblem
from tests.command_line import run_operline


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_one_clear_sentence(done: subprocess.CompletedProcess[str], expected: str) -> None:
    assert done.returncode == 1, done.stderr
    assert expected in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_an_invalid_url_is_named() -> None:
    done = run_operline("db", "check", "--db", "not a url at all")
    assert_one_clear_sentence(done, "not a url at all is not a valid database URL")


def test_a_driver_that_is_not_installed_is_named() -> None:
    done = run_operline("db", "check", "--db", "mysql+nosuchdriver://desk@localhost/operline")
    assert_one_clear_sentence(done, "names a database driver that is not installed")


def test_an_unreachable_server_is_named() -> None:
    # Nothing listens on port 1 of this machine.
    done = run_operline("db", "check", "--db", "postgresql://desk@127.0.0.1:1/operline")
    assert_one_clear_sentence(done, "The database server postgresql+psycopg://desk@127.0.0.1:1")
    assert "cannot be reached" in done.stderr


def test_a_missing_folder_is_named_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "operline.sqlite3"
    done = run_operline("db", "upgrade", "--db", f"sqlite:///{missing}")
    assert_one_clear_sentence(done, f"The folder of the database {missing} does not exist.")
    assert not missing.parent.exists()


@pytest.mark.parametrize("command", [("db", "upgrade"), ("db", "check"), ("demo",)])
def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Liste des équipes de garde\n" * 200, encoding="utf-8")
    before = fingerprint(notes)
    done = run_operline(*command, "--db", f"sqlite:///{notes}")
    assert_one_clear_sentence(done, f"{notes} is not an SQLite database")
    assert fingerprint(notes) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_another_programs_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "contacts.sqlite3"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE contact (name TEXT)")
    before = fingerprint(other)
    done = run_operline("db", "upgrade", "--db", f"sqlite:///{other}")
    assert_one_clear_sentence(done, "holds another program's tables, not an Operline database")
    assert fingerprint(other) == before


def test_a_database_from_a_newer_operline_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.close()
    before = fingerprint(path)
    for command in (("db", "upgrade"), ("db", "check"), ("--lang", "en", "--smoke")):
        window = "--smoke" in command  # a window is a program of its own
        done = run_operline(*command, "--db", sqlite_url, process=window)
        assert_one_clear_sentence(done, "was written by a newer version of Operline")
        assert "9999_future" in done.stderr
    assert fingerprint(path) == before
    assert not list(tmp_path.glob("*.before-*"))


def test_a_database_from_a_newer_operline_is_refused_on_postgresql(postgres_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", postgres_url).returncode == 0
    database = open_database(postgres_url)
    with database.write() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    done = run_operline("db", "upgrade", "--db", postgres_url)
    assert_one_clear_sentence(done, "was written by a newer version of Operline")


@pytest.mark.usefixtures("short_busy_wait")
def test_a_database_locked_by_another_program_is_named(tmp_path: Path, sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    before = fingerprint(path)
    other_program = sqlite3.connect(path, isolation_level=None)
    other_program.execute("PRAGMA locking_mode = EXCLUSIVE")
    other_program.execute("BEGIN EXCLUSIVE")
    try:
        done = run_operline("db", "upgrade", "--db", sqlite_url)
    finally:
        other_program.execute("ROLLBACK")
        other_program.close()
    assert_one_clear_sentence(done, f"The database {path} is locked by another program")
    assert fingerprint(path) == before


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to, not even root (who ignores permission bits)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: no way to make a folder read-only")
    subprocess.run(["chattr", "+i", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_new_database_in_a_read_only_folder_is_refused(read_only_folder: Path) -> None:
    target = read_only_folder / "operline.sqlite3"
    done = run_operline("db", "upgrade", "--db", f"sqlite:///{target}")
    assert_one_clear_sentence(done, f"Operline cannot write to the database {target}")
    assert not target.exists()


def test_an_existing_database_in_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "desk"
    folder.mkdir()
    target = folder / "operline.sqlite3"
    assert run_operline("db", "upgrade", "--db", f"sqlite:///{target}").returncode == 0
    before = fingerprint(target)
    if os.geteuid() == 0:
        subprocess.run(["chattr", "+i", str(folder), str(target)], check=True)
    else:
        target.chmod(0o444)
        folder.chmod(0o555)
    try:
        done = run_operline("db", "upgrade", "--db", f"sqlite:///{target}")
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(folder), str(target)], check=True)
        else:
            folder.chmod(0o755)
            target.chmod(0o644)
    assert_one_clear_sentence(done, f"Operline cannot write to the database {target}")
    assert fingerprint(target) == before


def test_open_database_raises_a_database_error_not_a_driver_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("pas une base", encoding="utf-8")
    with pytest.raises(DatabaseError) as caught:
        open_database(f"sqlite:///{notes}")
    assert caught.value.problem is DatabaseProblem.NOT_SQLITE


def test_a_damaged_database_is_named_and_the_backup_is_suggested(sqlite_url: str) -> None:
    assert run_operline("demo", "--incidents", "300", "--db", sqlite_url).returncode == 0
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    content = bytearray(path.read_bytes())
    middle = len(content) // 2
    content[middle : middle + 2000] = b"Z" * 2000  # a disk that lost part of a page
    path.write_bytes(bytes(content))
    done = run_operline("db", "check", "--db", sqlite_url)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    # Told at the first page read, or found by the integrity check: both say it plainly.
    assert (
        f"The database {path} is damaged" in done.stderr
        and "restore it from a backup" in done.stderr
    ) or "storage damaged" in done.stderr, done.stderr
