"""Bringing a database to the schema this version of Operline expects.

A database whose schema is newer than the app is refused; an SQLite file is copied
before anything in it changes, and only the newest copies are kept; SQLite tables are
rebuilt with foreign keys off, then checked. Progress is told to an optional callback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from operline.db.backup import backup_sqlite_file, remove_older_copies
from operline.db.engine import Database, use_write_ahead_log, writing
from operline.db.search_index import restore_sqlite_triggers
from operline.errors import DatabaseError, DatabaseProblem
from operline.sentences import QT_TRANSLATE_NOOP

#: Tables every Operline schema has had, to tell Operline's database from another's.
_OPERLINE_TABLES = frozenset({"incident", "incident_event", "sector", "team"})
#: Copies made before an update that are kept beside an SQLite file, newest first.
KEPT_COPIES = 3
#: Share of the progress the copy takes; the schema change takes the rest.
_COPY_SHARE = 0.8


class UpgradeStep(StrEnum):
    """What the upgrade is doing, for the window to say in its own words."""

    COPYING = "copying"
    UPGRADING = "upgrading"
    DONE = "done"


#: Told how far the upgrade is (0.0 to 1.0) and what it is doing.
UpgradeProgress = Callable[[float, UpgradeStep], None]


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
    #: Older copies deleted so that only the newest ``KEPT_COPIES`` remain.
    removed_copies: tuple[Path, ...] = ()

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
        current = known_revision(connection, database.name, migrations)
    return SchemaState(current=current, head=head_revision(migrations))


def known_revision(connection: Connection, where: str, migrations: str = MIGRATIONS) -> str | None:
    """The schema revision of the database ``connection`` reads (None: an empty one);
    another program's database, or a newer Operline's, is refused."""
    current = MigrationContext.configure(connection).get_current_revision()
    if current is None:
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        if tables:
            raise DatabaseError(DatabaseProblem.NOT_OPERLINE, where)
        return None
    known = {script.revision for script in _script(migrations).walk_revisions()}
    if current not in known:
        # Alembic is common: a revision we do not know is a newer Operline only if the
        # tables are Operline's; another program's database is not called that.
        if _OPERLINE_TABLES.isdisjoint(inspect(connection).get_table_names()):
            raise DatabaseError(DatabaseProblem.NOT_OPERLINE, where)
        raise DatabaseError(DatabaseProblem.NEWER_SCHEMA, where, current)
    return current


def upgrade_database(
    database: Database,
    *,
    now: datetime,
    migrations: str = MIGRATIONS,
    progress: UpgradeProgress | None = None,
) -> UpgradeReport:
    """Migrate to the app's schema; copy an existing SQLite file first.

    ``progress`` is called from this thread: the copy of a large file takes seconds.
    """

    def tell(fraction: float, step: UpgradeStep) -> None:
        if progress is not None:
            progress(min(max(fraction, 0.0), 1.0), step)

    state = schema_state(database, migrations)
    path = database.sqlite_path
    backup = None
    removed: tuple[Path, ...] = ()
    # The copy comes before the switch to WAL, which rewrites the file's header: when the
    # copy fails, the database has truly not been changed.
    if not state.up_to_date and state.current is not None and path is not None:
        tell(0.0, UpgradeStep.COPYING)
        stamp = now.strftime("%Y%m%dT%H%M%SZ")
        target = path.with_name(f"{path.stem}.before-{state.head}-{stamp}{path.suffix}")
        backup = backup_sqlite_file(
            database,
            target,
            problem=DatabaseProblem.BACKUP_FAILED,
            progress=lambda done: tell(done * _COPY_SHARE, UpgradeStep.COPYING),
            check="quick_check",  # the start-up path: the full check is `db check`'s
        )
        removed = tuple(remove_older_copies(path, copies_pattern(path), keep=KEPT_COPIES))
    if database.is_sqlite:
        use_write_ahead_log(database)
    if state.up_to_date:
        tell(1.0, UpgradeStep.DONE)
        return UpgradeReport(state.current, state.head, backup=None)
    tell(_COPY_SHARE if backup is not None else 0.0, UpgradeStep.UPGRADING)
    with database.errors(), writing(database.engine).connect() as connection:
        if database.is_sqlite:
            _run_sqlite_migrations(connection, migrations)
        else:
            with connection.begin():
                # A schema change on a large table may rightly take longer than a
                # desk's statement may.
                connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
                _run_migrations(connection, migrations)
    tell(1.0, UpgradeStep.DONE)
    return UpgradeReport(state.current, state.head, backup, removed)


def copies_pattern(path: Path) -> str:
    """The names of the copies of ``path`` taken before an upgrade, as a glob beside it."""
    return f"{path.stem}.before-*{path.suffix}"


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
            # A migration rebuilding the incident table drops the search index's triggers.
            restore_sqlite_triggers(connection)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(
                    DatabaseProblem.CORRUPT,
                    str(connection.engine.url.database),
                    QT_TRANSLATE_NOOP(
                        "DatabaseMessages", "{count} broken references after the update"
                    )(count=len(problems)),
                )
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
