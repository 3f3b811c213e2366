"""The journal's table model: a correct Qt model, and one that reads only what is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem, OperlineError
from operline.journal import JournalRow, day_incident_ids, journal_rows
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

START = datetime(2026, 11, 27, 0, 0, tzinfo=UTC)


class CountingFetcher:
    """Rows made up from ids, counting what the model asks for."""

    def __init__(self) -> None:
        self.asked: list[int] = []

    def __call__(
        self,
        ids: Sequence[int],
        done: Callable[[list[JournalRow]], None],
        failed: Callable[[OperlineError], None],
    ) -> None:
        self.asked.append(len(ids))
        done(self.rows(ids))

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
    model = JournalModel(lambda ids, done, _failed: done(journal_rows(sqlite_database, ids)))
    ids = day_incident_ids(sqlite_database, NOW.date(), actor=COMMAND_LINE, now=NOW)
    model.set_ids(ids)

    qtmodeltester.check(model, force_py=True)

    assert model.rowCount() == 2
    assert model.index(1, JournalColumn.OUTCOME).data() == "Personne non trouvée"
    assert model.index(0, JournalColumn.TIME).data(INCIDENT_ID_ROLE) == ids[0]


def test_a_million_ids_cost_one_page_per_screen(qtbot: QtBot) -> None:
    fetcher = CountingFetcher()
    model = JournalModel(fetcher)
    model.set_ids(range(1_000_000, 0, -1))

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


def test_a_new_day_drops_the_rows_read_before(qtbot: QtBot) -> None:
    fetcher = CountingFetcher()
    model = JournalModel(fetcher)
    model.set_ids([3, 2, 1])
    assert model.index(0, JournalColumn.REFERENCE).data() == "OPL-2026-000003"

    model.set_ids([7])

    assert model.rowCount() == 1
    assert model.cached_rows == 0
    assert model.index(0, JournalColumn.REFERENCE).data() == "OPL-2026-000007"


def test_rows_that_cannot_be_read_are_told_once_not_at_each_repaint(
    qtbot: QtBot, sqlite_database: Database, english: InstalledLanguage
) -> None:
    store_calls(sqlite_database, Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC)))
    view = JournalView(ImmediateRunner(sqlite_database), actor=COMMAND_LINE, clock=lambda: NOW)
    qtbot.addWidget(view)
    attempts = []

    def server_gone(
        ids: Sequence[int],
        done: Callable[[list[JournalRow]], None],
        failed: Callable[[OperlineError], None],
    ) -> None:
        attempts.append(ids)
        failed(DatabaseError(DatabaseProblem.UNREACHABLE, "db.example", "connection refused"))

    view.model._fetch_rows = server_gone
    with qtbot.waitSignal(view.model.fetch_failed):
        view.reload_action.trigger()  # the first page is asked as soon as the ids are in
    assert view.model.index(0, JournalColumn.REFERENCE).data() is None
    view.model.index(0, JournalColumn.SECTOR).data(Qt.ItemDataRole.DisplayRole)
    qtbot.wait(10)

    problem = view.findChild(QLabel, "journalProblem")
    assert problem.text() == (
        "The database server db.example cannot be reached (connection refused)."
    )
    assert len(attempts) == 1
