"""Fixtures shared by the whole suite: databases on SQLite and PostgreSQL, the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

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

    The programs a test starts hash as shipped; ``test_logins`` checks those parameters.
    """
    from argon2 import PasswordHasher, profiles

    from operline import passwords

    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher.from_parameters(profiles.CHEAPEST))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'operline.sqlite3'}"


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL whose connections see only a fresh, empty schema, dropped afterwards."""
    if not POSTGRES_URL:
        pytest.skip(NO_POSTGRES)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(POSTGRES_URL))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = parse_database_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
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


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    """An open database at the app's schema, on each backend."""
    opened = open_database(database_url)
    upgrade_database(opened, now=datetime.now(UTC))
    try:
        yield opened
    finally:
        _close(opened)


@pytest.fixture
def sqlite_database(sqlite_url: str) -> Iterator[Database]:
    """An open SQLite database at the app's schema."""
    opened = open_database(sqlite_url)
    upgrade_database(opened, now=datetime.now(UTC))
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


def run_operline(
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    user: int | None = None,
    input: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the ``operline`` command as a user would, capturing what it prints.

    It speaks English (``LANG=C``) unless ``env`` names another locale; ``input`` is piped
    into its standard input, as a script would.
    """
    left_out = {"OPERLINE_DATABASE_URL", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}
    environment = {k: v for k, v in os.environ.items() if k not in left_out}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "LANG": "C", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "operline", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
        user=user,
        input=input,
    )
