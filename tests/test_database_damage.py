"""A damaged or missing database is never used as if sound (a copy, a check, a read)."""

from __future__ import annotations

import sqlite3
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, text

from operline.db.backup import pg_dump_error
from operline.db.engine import explain_driver_error, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.errors import DatabaseDamaged, DatabaseProblem
from tests.command_line import run_operline

NOW = datetime.now(UTC)


def demo_file(sqlite_url: str, incidents: int = 300) -> Path:
    done = run_operline("demo", "--incidents", str(incidents), "--db", sqlite_url)
    assert done.returncode == 0, done.stderr
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    return path


def overwrite_middle(path: Path, size: int = 2000) -> None:
    content = bytearray(path.read_bytes())
    middle = len(content) // 2
    content[middle : middle + size] = b"Z" * size
    path.write_bytes(bytes(content))


def one_sentence(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode != 0, done.stdout
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


def test_a_backup_of_a_damaged_database_fails_and_leaves_no_copy(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = demo_file(sqlite_url)
    overwrite_middle(path)
    target = tmp_path / "backup.sqlite3"
    told = one_sentence(run_operline("db", "backup", str(target), "--db", sqlite_url))
    assert f"The database {path} is damaged" in told
    assert "restore it from a backup" in told
    assert not list(tmp_path.glob("backup.sqlite3*"))


@pytest.mark.parametrize("command", [("db", "check"), ("db", "backup", "{folder}/copy.sqlite3")])
def test_a_mistyped_path_is_an_error_and_creates_nothing(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "operlin.sqlite3"
    arguments = [part.format(folder=tmp_path) for part in command]
    told = one_sentence(run_operline(*arguments, "--db", f"sqlite:///{missing}"))
    assert f"There is no database at {missing}" in told
    assert list(tmp_path.iterdir()) == []


def test_check_without_a_database_creates_no_folder(tmp_path: Path) -> None:
    data_home = tmp_path / "data"
    done = run_operline("db", "check", env={"XDG_DATA_HOME": str(data_home)})
    assert "There is no database at" in one_sentence(done)
    assert not data_home.exists()


def test_a_damaged_stored_value_is_found_by_check_and_told_when_read(sqlite_url: str) -> None:
    path = demo_file(sqlite_url, incidents=50)
    with sqlite3.connect(path) as connection:  # 16 bytes of a page overwritten in place
        connection.execute("PRAGMA ignore_check_constraints = ON")
        connection.execute("UPDATE incident SET received_at = 'ZZZZZZZZZZZZZZZZ' WHERE id = 7")
        connection.execute("UPDATE incident SET persons = 'ZZ' WHERE id = 9")
        connection.execute("UPDATE incident SET category = 'ZZZZ' WHERE id = 11")
    connection.close()
    done = run_operline("db", "check", "--db", sqlite_url)
    assert done.returncode == 1
    assert "stored values that cannot be read back in table incident (rows 7, 9)" in done.stderr
    assert "rows of table incident breaking its rule" in done.stderr
    database = open_database(sqlite_url)
    try:
        with pytest.raises(DatabaseDamaged) as caught, database.read() as session:
            session.scalars(select(Incident).where(Incident.id == 7)).one()
    finally:
        database.dispose()
    assert caught.value.problem is DatabaseProblem.CORRUPT
    assert "restore it from a backup" in str(caught.value)


def test_corruption_met_by_any_statement_is_told_as_damage(sqlite_url: str) -> None:
    path = demo_file(sqlite_url)
    overwrite_middle(path, size=20_000)
    database = open_database(sqlite_url)
    try:
        tables = " UNION ALL ".join(
            f"SELECT COUNT(*), SUM(LENGTH(CAST({table}.id AS TEXT))) FROM {table}"
            for table in ("incident", "incident_event", "audit_log", "team", "sector")
        )
        whole_rows = text(f"SELECT * FROM incident, ({tables}) ORDER BY incident.id")
        with pytest.raises(DatabaseDamaged), database.read() as session:
            session.execute(whole_rows).all()
    finally:
        database.dispose()


def test_sqlite_damage_codes_are_told_as_damage() -> None:
    for message in ("database disk image is malformed", "file is not a database"):
        error = explain_driver_error(sqlite3.DatabaseError(message), "/srv/desk.sqlite3")
        assert isinstance(error, DatabaseDamaged), message


def test_a_damaged_header_is_called_damaged_not_another_kind_of_file(sqlite_url: str) -> None:
    path = demo_file(sqlite_url, incidents=10)
    content = bytearray(path.read_bytes())
    content[0:16] = b"\0" * 16
    path.write_bytes(bytes(content))
    told = one_sentence(run_operline("db", "check", "--db", sqlite_url))
    assert f"The database {path} is damaged" in told
    assert "not an SQLite database" not in told


@pytest.mark.usefixtures("short_busy_wait")
def test_the_wal_switch_on_a_locked_file_is_one_sentence(sqlite_url: str) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    database = open_database(sqlite_url)
    upgrade_database(database, now=NOW)
    database.dispose()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA journal_mode = DELETE")
    other.execute("BEGIN")
    other.execute("SELECT COUNT(*) FROM sector").fetchall()  # a reader holds the file
    try:
        told = one_sentence(run_operline("db", "upgrade", "--db", sqlite_url))
    finally:
        other.close()
    assert f"The database {path} is locked by another program" in told


def test_another_programs_alembic_database_is_not_called_a_newer_operline(
    sqlite_url: str,
) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        other.execute("INSERT INTO alembic_version VALUES ('ae1027a6acf')")
        other.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY)")
    other.close()
    told = one_sentence(run_operline("db", "check", "--db", sqlite_url))
    assert "holds another program's tables, not an Operline database" in told
    assert "newer version" not in told


def test_a_failed_pg_dump_is_told_by_its_error_line() -> None:
    stderr = (
        "pg_dump: error: query failed: ERROR:  permission denied for table incident\n"
        "pg_dump: detail: Query was: LOCK TABLE public.incident IN ACCESS SHARE MODE\n"
    )
    assert pg_dump_error(stderr) == "permission denied for table incident"


@pytest.mark.postgres
def test_postgresql_connections_have_a_statement_timeout_and_keepalives(
    postgres_url: str,
) -> None:
    database = open_database(postgres_url)
    try:
        with database.read() as session:
            assert session.execute(text("SHOW statement_timeout")).scalar_one() == "30s"
            raw = session.connection().connection.dbapi_connection
            assert raw is not None
            parameters = raw.info.get_parameters()  # type: ignore[attr-defined]
            assert parameters["keepalives_idle"] == "10"
            assert parameters["tcp_user_timeout"] == "30000"
            # The URL's own options (here the test's schema) are kept beside the timeout.
            assert session.execute(text("SHOW search_path")).scalar_one().startswith("t_")
    finally:
        database.dispose()


@pytest.mark.postgres
def test_a_statement_past_its_time_is_one_sentence(postgres_url: str) -> None:
    url = postgres_url.replace("options=", "options=-cstatement_timeout%3D200+", 1)
    database = open_database(url)
    try:
        with pytest.raises(Exception, match="cannot be reached") as caught, database.read() as s:
            s.execute(text("SELECT pg_sleep(2)"))
    finally:
        database.dispose()
    assert caught.value.__class__.__name__ == "DatabaseError"
