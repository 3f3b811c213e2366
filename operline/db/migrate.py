"""Bringing a database to the schema this version of Operline expects.

A database whose schema is newer than the app is refused; an SQLite file is copied
before it is changed; SQLite tables are rebuilt with foreign keys off, then checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from operline.db.backup import backup_sqlite_file
from operline.db.engine import Database, use_write_ahead_log, writing
from operline.errors import DatabaseError, DatabaseProblem


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head


@dataclass(frozen=True)
class UpgradeReport:
    """What ``upgrade_database`` did: the revisions, and the copy made first if any."""

    from_revision: str | None
    to_revision: str
    backup: Path | None

    @property
    def changed(self) -> bool:
        return self.from_revision != self.to_revision


#: Where the migrations shipped with the app live; tests may point elsewhere.
MIGRATIONS = "operline.db:migrations"


def alembic_config(migrations: str = MIGRATIONS) -> Config:
    config = Config()
    config.set_main_option("script_location", migrations)
    return config


def _script(migrations: str) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(migrations))


def head_revision(migrations: str = MIGRATIONS) -> str:
    head = _script(migrations).get_current_head()
    assert head is not None, "the migrations have one head"
    return head


def schema_state(database: Database, migrations: str = MIGRATIONS) -> SchemaState:
    """The schema revision of the database and the one this app expects (only reads)."""
    with database.errors(), database.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        _refuse_unknown(database, connection, current, migrations)
    return SchemaState(current=current, head=head_revision(migrations))


def _refuse_unknown(
    database: Database, connection: Connection, current: str | None, migrations: str
) -> None:
    if current is None:
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        if tables:
            raise DatabaseError(DatabaseProblem.NOT_OPERLINE, database.name)
        return
    known = {script.revision for script in _script(migrations).walk_revisions()}
    if current not in known:
        raise DatabaseError(DatabaseProblem.NEWER_SCHEMA, database.name, current)


def upgrade_database(
    database: Database, *, now: datetime, migrations: str = MIGRATIONS
) -> UpgradeReport:
    """Migrate to the app's schema; copy an existing SQLite file first."""
    state = schema_state(database, migrations)
    if database.is_sqlite:
        use_write_ahead_log(database)
    if state.up_to_date:
        return UpgradeReport(state.current, state.head, backup=None)
    backup = None
    path = database.sqlite_path
    if state.current is not None and path is not None:
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.stem}.before-{state.head}-{stamp}{path.suffix}")
        backup = backup_sqlite_file(database, target, problem=DatabaseProblem.BACKUP_FAILED)
    with database.errors(), writing(database.engine).connect() as connection:
        if database.is_sqlite:
            _run_sqlite_migrations(connection, migrations)
        else:
            with connection.begin():
                _run_migrations(connection, migrations)
    return UpgradeReport(state.current, state.head, backup)


def _run_migrations(connection: Connection, migrations: str) -> None:
    config = alembic_config(migrations)
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def _run_sqlite_migrations(connection: Connection, migrations: str) -> None:
    # Batch mode rebuilds tables; with foreign keys on, dropping the old table would
    # cascade. The pragma only takes effect outside a transaction.
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        with connection.begin():
            _run_migrations(connection, migrations)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    DatabaseProblem.CORRUPT,
                    str(connection.engine.url.database),
                    f"{len(problems)} broken references after the update",
                )
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
