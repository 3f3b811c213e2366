"""A full disk or a database turned read-only: one sentence naming the file, nothing half
written, and the desk goes on once it can write again.

Tests run as root, who ignores a read-only file's permission bits; each desk connection is
made read-only (``PRAGMA query_only``) or bounded (``PRAGMA max_page_count``, SQLite's own
"database or disk is full") instead, so the real driver error goes through the product.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select

from operline import reference_data as ref
from operline.codes import Category, Priority
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent, ReferenceCounter
from operline.errors import DatabaseError, DatabaseProblem
from operline.incidents.intake import CallForm, log_call
from tests.incidents.conftest import NOW, Desk
from tests.ui.desk_helpers import fill_desk


@contextmanager
def every_connection_runs(database: Database, pragma: str) -> Iterator[None]:
    """Each new desk connection runs ``pragma`` first, as long as this lasts."""

    def configure(dbapi_connection: Any, _record: object) -> None:
        if pragma == "max_page_count":
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")
        else:
            dbapi_connection.execute(pragma)

    database.engine.dispose()
    event.listen(database.engine, "connect", configure)
    try:
        yield
    finally:
        event.remove(database.engine, "connect", configure)
        database.engine.dispose()


def _counts(database: Database) -> tuple[int, int, int]:
    with database.read() as session:
        return (
            session.scalar(select(func.count(Incident.id))) or 0,
            session.scalar(select(func.count(IncidentEvent.id))) or 0,
            session.scalar(select(func.coalesce(func.sum(ReferenceCounter.last_number), 0))) or 0,
        )


def _call(desk: Desk, number: int) -> CallForm:
    return CallForm(
        received_at=NOW,
        sector_id=desk.sectors[ref.STALINGRAD],
        category=Category.DISTRESS,
        priority=Priority.URGENT,
        location=f"Rotonde, appel {number} " + "x" * 150,
        notes="y" * 400,
    )


@pytest.mark.parametrize(
    ("pragma", "problem", "sentence"),
    [
        (
            "PRAGMA query_only = ON",
            DatabaseProblem.READ_ONLY,
            "the file or its folder is read-only",
        ),
        ("max_page_count", DatabaseProblem.DISK_FULL, "is full; nothing more was saved"),
    ],
)
def test_a_refused_save_names_the_file_writes_nothing_and_the_desk_goes_on(
    sqlite_database: Database, pragma: str, problem: DatabaseProblem, sentence: str
) -> None:
    desk = _filled(sqlite_database)
    log_call(desk.database, _call(desk, 0), actor=desk.actor, now=NOW)
    before = _counts(desk.database)
    with every_connection_runs(desk.database, pragma):
        refused, before = _save_until_refused(desk, before)
    assert refused.problem is problem
    assert sentence in str(refused)
    assert str(desk.database.sqlite_path) in str(refused)
    assert _counts(desk.database) == before  # no half-written incident, no number taken

    again = log_call(desk.database, _call(desk, 999), actor=desk.actor, now=NOW)
    assert again.reference == f"OPL-2026-{before[2] + 1:06d}"


def _filled(database: Database) -> Desk:
    filled = fill_desk(database)
    return Desk(
        database,
        filled.sectors,
        filled.teams,
        filled.places,
        filled.operator.operator_id,
        filled.actor,
    )


def _save_until_refused(
    desk: Desk, counts: tuple[int, int, int]
) -> tuple[DatabaseError, tuple[int, int, int]]:
    """Calls saved until one is refused (a full disk is met once its free pages are used)."""
    for number in range(1, 200):
        try:
            log_call(desk.database, _call(desk, number), actor=desk.actor, now=NOW)
        except DatabaseError as error:
            return error, counts
        counts = _counts(desk.database)
    raise AssertionError("every save went through")
