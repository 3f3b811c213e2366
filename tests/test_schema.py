"""The schema: migrations agree with the models, SQLite runs safely, upgrades keep a copy."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text

from operline.codes import Category, OperatorRole
from operline.db.engine import Database, open_database
from operline.db.migrate import alembic_config, head_revision, schema_state, upgrade_database
from operline.db.models import (
    Base,
    CallerSuggestion,
    Incident,
    RosterException,
    Sector,
    ShiftPattern,
    Team,
)
from operline.db.search_index import described_by_models
from operline.incidents.intake import CallForm, log_call
from operline.incidents.suggestions import known_callers, known_locations
from operline.roster.duty import on_duty_as_stood
from operline.roster.store import load_roster
from tests.actors import signed_in

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
MIGRATIONS_FOLDER = Path(__file__).parents[1] / "operline" / "db" / "migrations"


def test_migrations_build_exactly_the_models(database: Database) -> None:
    with database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": described_by_models}
        )
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
        "busy_timeout": 30_000,
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


def _upgrade_to(database: Database, revision: str) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def test_the_upgrade_to_kept_suggestions_counts_the_calls_already_logged(
    database_url: str,
) -> None:
    database = open_database(database_url)
    try:
        _upgrade_to(database, "0002")
        with database.write() as session:
            stalingrad = Sector(name="Stalingrad", created_at=NOW)
            session.add(stalingrad)
            session.flush()
            calls = [
                ("BAC 19", "Rotonde de Stalingrad", timedelta(hours=1)),
                ("BAC 19", "Métro Stalingrad", timedelta(hours=2)),
                ("Commissariat du 18e", "Métro Stalingrad", timedelta(hours=3)),
                (None, None, timedelta(hours=4)),
                ("Ancien service", "Vieux lieu", timedelta(days=200)),
            ]
            for number, (caller, place, ago) in enumerate(calls, start=1):
                session.execute(
                    insert(Incident),
                    {
                        "reference": f"OPL-2025-{number:06d}",  # the counter is not kept here
                        "received_at": NOW - ago,
                        "caller_service": caller,
                        "sector_id": stalingrad.id,
                        "location": place,
                        "category": "other",
                        "priority": "normal",
                        "persons": 1,
                        "status": "new",
                        "team_on_duty_at_intake": False,
                        "created_at": NOW - ago,
                        "updated_at": NOW - ago,
                        "version": 1,
                    },
                )
            sector_id = stalingrad.id

        report = upgrade_database(database, now=NOW)

        assert (report.from_revision, report.to_revision) == ("0002", head_revision())
        assert known_callers(database, now=NOW) == ["BAC 19", "Commissariat du 18e"]
        assert known_locations(database, sector_id, now=NOW) == [
            "Métro Stalingrad",
            "Rotonde de Stalingrad",
        ]
        with database.read() as session:
            uses = dict(session.execute(select(CallerSuggestion.name, CallerSuggestion.uses)).all())
            seen = session.scalar(
                select(CallerSuggestion.last_seen).where(CallerSuggestion.name == "BAC 19")
            )
        # Half a year before the latest call: never proposed again, so not copied.
        assert uses == {"BAC 19": 2, "Commissariat du 18e": 1}
        assert seen == NOW - timedelta(hours=1)
        # The desk goes on counting from there.
        form = CallForm(
            received_at=NOW,
            sector_id=sector_id,
            category=Category.OTHER,
            caller_service="Commissariat du 18e",
            location="Rotonde de Stalingrad",
        )
        log_call(database, form, actor=signed_in(database, "Inès", OperatorRole.OPERATOR), now=NOW)
        later = NOW + timedelta(minutes=1)
        assert known_callers(database, now=later) == ["Commissariat du 18e", "BAC 19"]
        assert known_locations(database, sector_id, now=later)[0] == "Rotonde de Stalingrad"
    finally:
        database.dispose()


def test_the_upgrade_to_the_roster_as_it_stood_keeps_every_shift_and_exception(
    database_url: str,
) -> None:
    database = open_database(database_url)
    created = NOW - timedelta(days=30)
    try:
        _upgrade_to(database, "0003")
        with database.engine.begin() as connection:
            sector_id = connection.execute(
                insert(Sector).values(name="Stalingrad", created_at=created).returning(Sector.id)
            ).scalar_one()
            team_id = connection.execute(
                text(
                    "INSERT INTO team (name, organisation, phone, active, created_at) "
                    "VALUES ('Maraude Nord', 'Association', NULL, true, :at) RETURNING id"
                ),
                {"at": created},
            ).scalar_one()
            for start, end, everywhere in (
                ("08:00:00", "20:00:00", False),
                ("20:00:00", "08:00:00", True),
            ):
                pattern_id = connection.execute(
                    text(
                        "INSERT INTO shift_pattern (team_id, tier, days, start_time, end_time, "
                        "all_sectors, created_at) VALUES (:team, 1, 127, :start, :end, :all, :at) "
                        "RETURNING id"
                    ),
                    {"team": team_id, "start": start, "end": end, "all": everywhere, "at": created},
                ).scalar_one()
                if not everywhere:
                    connection.execute(
                        text("INSERT INTO shift_pattern_sector VALUES (:pattern, :sector)"),
                        {"pattern": pattern_id, "sector": sector_id},
                    )
            exception_id = connection.execute(
                text(
                    "INSERT INTO roster_exception (team_id, kind, starts_at, ends_at, "
                    "all_sectors, reason, author, created_at) VALUES (:team, 'off', :start, "
                    ":end, false, 'formation', 'Claire', :at) RETURNING id"
                ),
                {"team": team_id, "start": NOW, "end": NOW + timedelta(hours=4), "at": created},
            ).scalar_one()
            connection.execute(
                text("INSERT INTO roster_exception_sector VALUES (:exception, :sector)"),
                {"exception": exception_id, "sector": sector_id},
            )

        report = upgrade_database(database, now=NOW)

        assert (report.from_revision, report.to_revision) == ("0003", head_revision())
        with database.read() as session:
            lives = session.execute(
                text(
                    "SELECT recorded_at, retired_at FROM shift_pattern UNION ALL "
                    "SELECT recorded_at, retired_at FROM roster_exception"
                )
            ).all()
            roster = load_roster(session)
        assert len(lives) == 3
        assert all(retired is None for _, retired in lives)
        with database.read() as session:
            recorded = session.scalars(select(ShiftPattern.recorded_at)).all()
            exception_recorded = session.scalars(select(RosterException.recorded_at)).all()
        assert recorded == [created, created]
        assert exception_recorded == [created]
        assert sorted(s.sector_ids is None for s in roster.shifts) == [False, True]
        assert [s.sector_ids for s in roster.shifts if s.sector_ids] == [frozenset({sector_id})]
        assert [c.sector_ids for c in roster.changes] == [frozenset({sector_id})]
        # On the roster in force, and as it stood: the same teams, the exception applied.
        assert on_duty_as_stood(database, sector_id, NOW + timedelta(hours=1)) == ()
        assert [
            t.name for t in on_duty_as_stood(database, sector_id, NOW - timedelta(hours=1))
        ] == ["Maraude Nord"]
        with database.engine.connect() as connection:
            indexes = {
                index["name"]
                for table in ("shift_pattern", "roster_exception")
                for index in inspect(connection).get_indexes(table)
            }
        assert {
            "ix_shift_pattern_current",
            "ix_shift_pattern_retired",
            "ix_roster_exception_current",
            "ix_roster_exception_period",
        } <= indexes
    finally:
        database.dispose()


def test_going_back_before_the_roster_history_drops_what_had_ended(database_url: str) -> None:
    database = open_database(database_url)
    try:
        upgrade_database(database, now=NOW)
        with database.write() as session:
            sector = Sector(name="Stalingrad", created_at=NOW)
            team = Team(name="Maraude Nord", organisation="Association", created_at=NOW)
            session.add_all([sector, team])
            session.flush()
            for retired_at in (None, NOW):
                session.add(
                    ShiftPattern(team_id=team.id, tier=1, days=127, start_time=time(8),
                                 end_time=time(20), all_sectors=False, sectors=[sector],
                                 created_at=NOW, retired_at=retired_at)
                )  # fmt: skip

        config = alembic_config()
        with database.engine.connect() as connection:
            # As the upgrade does: a table rebuilt by SQLite must not cascade to its links.
            if connection.dialect.name == "sqlite":
                raw = connection.connection.dbapi_connection
                assert raw is not None
                raw.execute("PRAGMA foreign_keys = OFF")
            with connection.begin():
                config.attributes["connection"] = connection
                command.downgrade(config, "0003")

        with database.read() as session:
            assert session.execute(text("SELECT count(*) FROM shift_pattern")).scalar_one() == 1
            links = session.execute(text("SELECT count(*) FROM shift_pattern_sector")).scalar_one()
        assert links == 1
    finally:
        database.dispose()
