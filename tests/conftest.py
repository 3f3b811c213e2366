"""Fixtures shared by the whole suite: databases on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from operline.db.engine import Database, open_database, parse_database_url
from operline.db.migrate import upgrade_database

POSTGRES_VARIABLE = "OPERLINE_TEST_DATABASE_URL"
POSTGRES_URL = os.environ.get(POSTGRES_VARIABLE, "").strip()
NO_POSTGRES = (
    f"PostgreSQL tests need {POSTGRES_VARIABLE} (e.g. postgresql://postgres@127.0.0.1:5432/test)"
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: The advisory lock a test schema's drop waits on while a pg_dump runs in another test:
#: pg_dump reads the catalogue of every schema, and fails on one dropped meanwhile.
_SCHEMA_DROPS = 720_401


@contextmanager
def no_schema_dropped() -> Iterator[None]:
    """Hold back the drop of every test schema (the tests run in parallel) meanwhile."""
    admin = create_engine(parse_database_url(POSTGRES_URL))
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_DROPS})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_DROPS})
    finally:
        admin.dispose()


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist: `-p no:xdist` leaves it out
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """``-n auto``: half as many workers again as cores.

    A worker spends a good part of its time waiting (on PostgreSQL, on a program it started,
    on a Qt timer): with one worker a core, the suite took a quarter longer.
    """
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None  # pytest-xdist's own reading of it
    cores = os.cpu_count() or 1
    return cores + cores // 2


def pytest_report_header() -> str:
    if POSTGRES_URL:
        return f"PostgreSQL tests: on ({POSTGRES_URL})"
    return f"PostgreSQL tests: skipped, {NO_POSTGRES}"


@pytest.fixture(autouse=True)
def private_folders(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test (and the programs it starts) out of the user's real folders."""
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))


@pytest.fixture(autouse=True)
def quick_password_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its cheapest in this process: a real hash takes a fifth of a second.

    The commands ``run_operline`` runs here hash cheaply too; the programs a test starts
    hash as shipped, and ``test_logins`` checks those parameters.
    """
    from argon2 import PasswordHasher, profiles

    from operline import passwords

    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher.from_parameters(profiles.CHEAPEST))


@pytest.fixture
def short_busy_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's wait for another program's lock, a second instead of the desk's 30 s, in
    this process (the commands ``run_operline`` runs here): for a test holding the lock."""
    from operline.db import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT_S", 1.0)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'operline.sqlite3'}"


def _postgres_url_of(schema: str) -> str:
    """The URL whose connections see only ``schema``."""
    url = parse_database_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


def _schema_of(url: str) -> str:
    """The schema a URL of ``postgres_url`` sees."""
    options = make_url(url).query["options"]
    assert isinstance(options, str)
    assert options.startswith("-csearch_path=")
    return options.removeprefix("-csearch_path=")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(POSTGRES_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_url_of(schema)
    finally:
        with admin.begin() as connection:
            connection.execute(
                text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": _SCHEMA_DROPS}
            )
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest) -> str:
    """An empty database, once on SQLite and once on PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(name)
    return url


@dataclass
class AppSchema:
    """The app's schema as the migrations leave it, made once per test process.

    Laying it into a test's empty database gives the same tables, indexes, triggers and
    rows as running every migration there, in a fraction of the time.
    """

    sqlite_file: Path
    #: The SQL that fills an empty PostgreSQL schema, and the name it gives that schema.
    postgres_sql: str | None = None
    postgres_name: str = ""

    def lay_into(self, url: str) -> None:
        if url.startswith("sqlite"):
            target = Path(str(make_url(url).database))
            shutil.copyfile(self.sqlite_file, target)
            target.chmod(0o600)
            return
        assert self.postgres_sql is not None
        admin = create_engine(parse_database_url(POSTGRES_URL))
        try:
            raw = admin.raw_connection()
            try:
                # Straight to the driver: the SQL holds '%' signs that are not parameters.
                sql = self.postgres_sql.replace(self.postgres_name, _schema_of(url))
                raw.cursor().execute(sql)
                raw.commit()
            finally:
                raw.close()
        finally:
            admin.dispose()


@pytest.fixture(scope="session")
def app_schema(tmp_path_factory: pytest.TempPathFactory) -> AppSchema:
    sqlite_file = tmp_path_factory.mktemp("app-schema") / "operline.sqlite3"
    _migrate(f"sqlite:///{sqlite_file}")
    for leftover in ("-wal", "-shm"):
        assert not sqlite_file.with_name(sqlite_file.name + leftover).exists()
    if not POSTGRES_URL:
        return AppSchema(sqlite_file)
    return AppSchema(sqlite_file, *_migrated_postgres_sql())


def _migrate(url: str) -> None:
    opened = open_database(url)
    try:
        upgrade_database(opened, now=datetime.now(UTC))
    finally:
        opened.dispose()


def _migrated_postgres_sql() -> tuple[str, str]:
    """Migrate a schema of its own, and keep what pg_dump says makes it (then drop it)."""
    template = f"t_app_schema_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(POSTGRES_URL))
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{template}"'))
        try:
            _migrate(_postgres_url_of(template))
            pg_dump = shutil.which("pg_dump")
            assert pg_dump is not None, "the PostgreSQL tests need pg_dump"
            url = parse_database_url(POSTGRES_URL).set(drivername="postgresql")
            with no_schema_dropped():
                dumped = subprocess.run(
                    [
                        pg_dump,
                        f"--schema={template}",
                        "--inserts",
                        "--no-owner",
                        "--no-privileges",
                        f"--dbname={url.render_as_string(hide_password=False)}",
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
        finally:
            with admin.begin() as connection:
                connection.execute(
                    text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": _SCHEMA_DROPS}
                )
                connection.execute(text(f'DROP SCHEMA "{template}" CASCADE'))
    finally:
        admin.dispose()
    # psql's own commands (\restrict) are not SQL; the test's schema is made already.
    lines = [
        line
        for line in dumped.splitlines()
        if not line.startswith("\\") and line != f"CREATE SCHEMA {template};"
    ]
    return "\n".join(lines), template


@pytest.fixture
def database(database_url: str, app_schema: AppSchema) -> Iterator[Database]:
    """An open database at the app's schema, on each backend."""
    app_schema.lay_into(database_url)
    opened = open_database(database_url)
    try:
        yield opened
    finally:
        _close(opened)


@pytest.fixture
def sqlite_database(sqlite_url: str, app_schema: AppSchema) -> Iterator[Database]:
    """An open SQLite database at the app's schema."""
    app_schema.lay_into(sqlite_url)
    opened = open_database(sqlite_url)
    try:
        yield opened
    finally:
        _close(opened)


def _close(database: Database) -> None:
    """Close a test's database once the test's windows are gone.

    A window's timer firing after the test would otherwise open a fresh connection on the
    closed engine, left for the garbage collector to find in a later test.
    """
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            for window in QApplication.topLevelWidgets():
                window.close()
                window.deleteLater()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QCoreApplication.processEvents()
    database.dispose()
