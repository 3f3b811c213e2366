"""``operline db upgrade | check | backup`` as supervisors and scripts use them."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operline import __version__
from operline.db.engine import open_database
from operline.db.migrate import head_revision
from operline.db.models import Incident, IncidentEvent, Sector, Team
from tests.command_line import run_operline
from tests.conftest import no_schema_dropped

NOW = datetime.now(UTC).replace(microsecond=0)


def add_incident(url: str, **stages: datetime) -> None:
    """One routed incident with its creation event; stage times may be given."""
    database = open_database(url)
    try:
        with database.write() as session:
            sector = Sector(name="Stalingrad", created_at=NOW)
            team = Team(name="Maraude Nord-Est", organisation="Association", created_at=NOW)
            session.add_all([sector, team])
            session.flush()
            received = stages.pop("received_at", NOW - timedelta(hours=1))
            incident = Incident(
                reference="OPL-2026-000001",
                received_at=received,
                sector_id=sector.id,
                category="distress",
                priority="urgent",
                persons=1,
                status="acknowledged",
                assigned_team_id=team.id,
                team_on_duty_at_intake=True,
                routed_at=stages.pop("routed_at", received + timedelta(minutes=2)),
                acknowledged_at=stages.pop("acknowledged_at", received + timedelta(minutes=5)),
                created_at=received,
                updated_at=received,
            )
            session.add(incident)
            session.flush()
            session.add(IncidentEvent(incident_id=incident.id, at=received, kind="created"))
    finally:
        database.dispose()


def test_version() -> None:
    done = run_operline("--version")
    assert (done.returncode, done.stdout.strip()) == (0, f"operline {__version__}")


def test_upgrade_creates_the_schema_then_has_nothing_to_do(sqlite_url: str) -> None:
    first = run_operline("db", "upgrade", "--db", sqlite_url)
    assert first.returncode == 0, first.stderr
    assert f"schema none → {head_revision()}" in first.stdout
    again = run_operline("--db", sqlite_url, "db", "upgrade")
    assert again.returncode == 0
    assert f"already at schema {head_revision()}" in again.stdout


def test_the_database_url_can_come_from_the_environment(sqlite_url: str) -> None:
    done = run_operline("db", "upgrade", env={"OPERLINE_DATABASE_URL": sqlite_url})
    assert done.returncode == 0, done.stderr
    assert sqlite_url.removeprefix("sqlite:///") in done.stdout


def test_check_passes_on_a_sound_database(database_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", database_url).returncode == 0
    add_incident(database_url)
    done = run_operline("db", "check", "--db", database_url)
    assert done.returncode == 0, done.stderr
    assert "OK, 1 incidents checked" in done.stdout


def test_check_names_incidents_whose_stages_are_out_of_order(database_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", database_url).returncode == 0
    add_incident(database_url, acknowledged_at=NOW - timedelta(hours=2))
    done = run_operline("db", "check", "--db", database_url)
    assert done.returncode == 1
    assert "incidents whose stages are out of order" in done.stderr
    assert "Traceback" not in done.stderr


def test_check_names_incidents_received_in_the_future(sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    add_incident(sqlite_url, received_at=NOW + timedelta(days=1))
    done = run_operline("db", "check", "--db", sqlite_url)
    assert done.returncode == 1
    assert "incidents received in the future" in done.stderr
    french = run_operline("db", "check", "--db", sqlite_url, env={"LANG": "fr_FR.UTF-8"})
    assert french.returncode == 1
    assert french.stderr.splitlines()[1:] == ["  - appels reçus dans le futur"]
    assert french.stderr.splitlines()[0].endswith("\u00a0: 1 problème(s) trouvé(s)")


def test_check_names_broken_references_in_sqlite(sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    add_incident(sqlite_url)
    path = sqlite_url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:  # foreign keys are off by default here
        connection.execute("UPDATE incident SET assigned_team_id = 999")
    connection.close()
    done = run_operline("db", "check", "--db", sqlite_url)
    assert done.returncode == 1
    assert "rows pointing to missing rows in incident" in done.stderr


def test_check_says_when_a_database_is_empty(sqlite_url: str) -> None:
    Path(sqlite_url.removeprefix("sqlite:///")).touch()  # an SQLite file with no tables
    done = run_operline("db", "check", "--db", sqlite_url)
    assert done.returncode == 1
    assert "holds no Operline data yet" in done.stderr


def test_a_backup_of_a_live_sqlite_database_is_a_complete_copy(
    tmp_path: Path, sqlite_url: str
) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    add_incident(sqlite_url)
    live = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    live.execute("BEGIN")
    live.execute("SELECT COUNT(*) FROM incident").fetchall()  # another desk is reading
    target = tmp_path / "copy.sqlite3"
    try:
        done = run_operline("db", "backup", str(target), "--db", sqlite_url)
    finally:
        live.close()
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT reference FROM incident").fetchall() == [("OPL-2026-000001",)]
    copied = run_operline("db", "check", "--db", f"sqlite:///{target}")
    assert copied.returncode == 0, copied.stderr


def test_a_backup_never_overwrites_a_file(tmp_path: Path, sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    existing = tmp_path / "yesterday.sqlite3"
    existing.write_bytes(b"yesterday's copy")
    done = run_operline("db", "backup", str(existing), "--db", sqlite_url)
    assert done.returncode == 2
    assert f"{existing} already exists" in done.stderr
    assert existing.read_bytes() == b"yesterday's copy"


@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_backup_of_postgresql_uses_pg_dump(tmp_path: Path, postgres_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", postgres_url).returncode == 0
    add_incident(postgres_url)
    target = tmp_path / "desk.dump"
    with no_schema_dropped():
        done = run_operline("db", "backup", str(target), "--db", postgres_url)
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().startswith(b"PGDMP")


def test_check_runs_while_another_desk_is_writing(sqlite_url: str) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    add_incident(sqlite_url)
    other_desk = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    other_desk.execute("BEGIN IMMEDIATE")  # a call being saved at another desk
    try:
        done = run_operline("db", "check", "--db", sqlite_url)
    finally:
        other_desk.execute("ROLLBACK")
        other_desk.close()
    assert done.returncode == 0, done.stderr
