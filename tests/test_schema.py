"""The schema: migrations agree with the models, SQLite runs safely, upgrades keep a copy."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from operline.db.engine import Database, open_database
from operline.db.migrate import head_revision, schema_state, upgrade_database
from operline.db.models import Base, Sector

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
MIGRATIONS_FOLDER = Path(__file__).parents[1] / "operline" / "db" / "migrations"


def test_migrations_build_exactly_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_upgrading_an_up_to_date_database_changes_nothing(database: Database) -> None:
    report = upgrade_database(database, now=NOW)
    assert not report.changed
    assert report.backup is None
    assert schema_state(database).current == head_revision()


def test_the_desks_queries_have_their_indexes(database: Database) -> None:
    with database.engine.connect() as connection:
        indexes = {index["name"] for index in inspect(connection).get_indexes("incident")}
    assert {"ix_incident_open", "ix_incident_sector_received", "ix_incident_received"} <= indexes


def test_sqlite_connections_are_safe_for_several_desks(sqlite_database: Database) -> None:
    with sqlite_database.read() as session:
        settings = {
            name: session.execute(text(f"PRAGMA {name}")).scalar_one()
            for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
        }
    assert settings == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "synchronous": 2,  # FULL
        "busy_timeout": 5000,
    }


def test_a_write_session_holds_the_write_lock_from_its_start(sqlite_database: Database) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None
    other_desk = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with sqlite_database.write() as session:
            session.execute(text("SELECT 1"))  # a read, yet the lock is already taken
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other_desk.execute("BEGIN IMMEDIATE")
        with sqlite_database.read() as session:
            session.execute(text("SELECT 1"))
            other_desk.execute("BEGIN IMMEDIATE")  # readers never block a writer
            other_desk.execute("ROLLBACK")
    finally:
        other_desk.close()


def test_an_upgrade_saves_a_copy_of_the_sqlite_file_first(tmp_path: Path) -> None:
    # A newer app: the shipped migrations plus one that adds a column.
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_FOLDER, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    shipped = head_revision()
    (migrations / "versions" / "9000_sector_colour.py").write_text(
        "import sqlalchemy as sa\nfrom alembic import op\n\n"
        f"revision = '9000'\ndown_revision = '{shipped}'\n\n\n"
        "def upgrade():\n"
        "    with op.batch_alter_table('sector') as batch:\n"
        "        batch.add_column(sa.Column('colour', sa.String(7)))\n",
        encoding="utf-8",
    )
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        upgrade_database(database, now=NOW)
        with database.write() as session:
            session.add(Sector(name="Stalingrad", created_at=NOW))

        report = upgrade_database(database, now=NOW, migrations=str(migrations))

        assert (report.from_revision, report.to_revision) == (shipped, "9000")
        assert report.backup == tmp_path / "desk.before-9000-20261127T150000Z.sqlite3"
        with sqlite3.connect(report.backup) as copy:
            assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [
                (shipped,)
            ]
            assert copy.execute("SELECT name FROM sector").fetchall() == [("Stalingrad",)]
        with database.read() as session:
            rows = session.execute(text("SELECT name, colour FROM sector")).all()
        assert [tuple(row) for row in rows] == [("Stalingrad", None)]
    finally:
        database.dispose()
