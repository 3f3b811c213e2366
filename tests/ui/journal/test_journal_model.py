"""The journal's table model: a correct Qt model, and one that reads only what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from operline import journal_pages
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem
from operline.journal import JournalRow, day_incident_ids
from operline.journal_pages import DayPages, open_day
from operline.ui.journal.model import (
    CACHE_LIMIT,
    INCIDENT_ID_ROLE,
    PAGE_SIZE,
    JournalColumn,
    JournalModel,
)
from operline.ui.journal.view import JournalView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import ImmediateRunner
from tests.actors import COMMAND_LINE
from tests.ui.conftest import NOW, Call, store_calls
from tests.ui.history import HeldRunner

START = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)


class CountingFetcher:
    """Rows made up from ids, counting what the model asks for."""

    def __init__(self, ids: Sequence[int]) -> None:
        self.ids = ids
        self.asked: list[int] = []

    def __call__(self, _database: Database, start: int, count: int) -> list[JournalRow]:
        ids = self.ids[start : start + count]
        self.asked.append(len(ids))
        return self.rows(ids)

    def rows(self, ids: Sequence[int]) -> list[JournalRow]:
        return [
            JournalRow(
                id=incident_id,
                reference=f"OPL-2026-{incident_id:06d}",
                received_at=START + timedelta(seconds=incident_id),
                sector="Éole",
                category=Category.CARE,
                priority=Priority.NORMAL,
                status=Status.NEW,
                team=None,
                outcome=None,
            )
            for incident_id in ids
        ]


def test_the_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, sqlite_database: Database, french: InstalledLanguage
) -> None:
    store_calls(
        sqlite_database,
        Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), status=Status.ROUTED, team="ELA"),
        Call(
            datetime(2026, 11, 27, 8, 0, tzinfo=UTC),
            status=Status.CLOSED,
            outcome=Outcome.NOT_FOUND,
            priority=Priority.URGENT,
        ),
    )
    model = JournalModel(ImmediateRunner(sqlite_database))
    opened = open_day(sqlite_database, NOW.date(), actor=COMMAND_LINE, now=NOW)
    model.show_rows(opened.count, DayPages(opened).read)

    qtmodeltester.check(model, force_py=True)

    ids = day_incident_ids(sqlite_database, NOW.date(), actor=COMMAND_LINE, now=NOW)
    assert model.rowCount() == 2
    assert model.index(1, JournalColumn.OUTCOME).data() == "Personne non trouvée"
    assert model.index(0, JournalColumn.TIME).data(INCIDENT_ID_ROLE) == ids[0]


def test_a_million_ids_cost_one_page_per_screen(qtbot: QtBot, sqlite_database: Database) -> None:
    fetcher = CountingFetcher(range(1_000_000, 0, -1))
    model = JournalModel(ImmediateRunner(sqlite_database))
    model.show_rows(len(fetcher.ids), fetcher)

    assert model.rowCount() == 1_000_000
    assert fetcher.asked == []  # nothing is read before it is shown

    assert model.index(500_123, JournalColumn.REFERENCE).data() == "OPL-2026-499877"
    for row in range(500_100, 500_140):  # the rest of that screen is already there
        model.index(row, JournalColumn.TIME).data()
    assert fetcher.asked == [PAGE_SIZE]

    for row in range(0, 1_000_000, 997):  # a scroll through the whole list
        model.index(row, JournalColumn.SECTOR).data()
    assert model.cached_rows <= CACHE_LIMIT
    assert max(fetcher.asked) <= PAGE_SIZE


def test_a_new_day_drops_the_rows_read_before(qtbot: QtBot, sqlite_database: Database) -> None:
    model = JournalModel(ImmediateRunner(sqlite_database))
    fetcher = CountingFetcher([3, 2, 1])
    model.show_rows(len(fetcher.ids), fetcher)
    assert model.index(0, JournalColumn.REFERENCE).data() == "OPL-2026-000003"

    fetcher = CountingFetcher([7])
    model.show_rows(len(fetcher.ids), fetcher)

    assert model.rowCount() == 1
    assert model.cached_rows == 0
    assert model.index(0, JournalColumn.REFERENCE).data() == "OPL-2026-000007"


def test_the_first_rows_come_with_the_day_and_later_ones_when_shown(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    store_calls(
        sqlite_database,
        *(
            Call(datetime(2026, 11, 27, 0, 0, tzinfo=UTC) + timedelta(minutes=m))
            for m in range(200)
        ),
    )
    runner = HeldRunner(sqlite_database)
    view = JournalView(runner, actor=COMMAND_LINE, clock=lambda: NOW)
    qtbot.addWidget(view)
    runner.release()  # what the screen asks when shown: the day with its first page among it
    model = view.model

    assert model.rowCount() == 200
    assert model.index(0, JournalColumn.TIME).data() is not None  # no query waited for
    assert runner.held == []
    assert model.index(PAGE_SIZE, JournalColumn.TIME).data() is None  # asked, not read yet
    assert len(runner.held) == 1
    runner.release()
    assert model.index(PAGE_SIZE, JournalColumn.TIME).data() is not None


def test_rows_that_cannot_be_read_are_told_once_not_at_each_repaint(
    qtbot: QtBot,
    sqlite_database: Database,
    english: InstalledLanguage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store_calls(
        sqlite_database,
        *(
            Call(datetime(2026, 11, 27, 0, 0, tzinfo=UTC) + timedelta(minutes=m))
            for m in range(200)
        ),
    )
    view = JournalView(ImmediateRunner(sqlite_database), actor=COMMAND_LINE, clock=lambda: NOW)
    qtbot.addWidget(view)
    attempts = []

    def server_gone(*_args: object, **_kwargs: object) -> list[JournalRow]:
        attempts.append(1)
        raise DatabaseError(DatabaseProblem.UNREACHABLE, "db.example", "connection refused")

    monkeypatch.setattr(journal_pages, "journal_rows_in", server_gone)
    with qtbot.waitSignal(view.model.fetch_failed):
        assert view.model.index(PAGE_SIZE, JournalColumn.REFERENCE).data() is None
    view.model.index(PAGE_SIZE, JournalColumn.SECTOR).data(Qt.ItemDataRole.DisplayRole)
    view.model.index(PAGE_SIZE + 1, JournalColumn.SECTOR).data(Qt.ItemDataRole.DisplayRole)
    qtbot.wait(10)

    problem = view.findChild(QLabel, "journalProblem")
    assert problem.text() == (
        "The database server db.example cannot be reached (connection refused)."
    )
    assert len(attempts) == 1
