"""The paged model and the history's: correct Qt models that read only what is shown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from operline.codes import Category, Outcome, Priority
from operline.db.engine import Database
from operline.history.filters import HistoryFilter
from operline.history.pages import HistoryPages
from operline.history.search import search_history
from operline.ui.history.model import HistoryColumn, HistoryModel
from operline.ui.paged_model import PagedTableModel
from operline.ui.shell.language import InstalledLanguage
from operline.ui.table_model import INCIDENT_ID_ROLE
from operline.ui.tasks import ImmediateRunner
from tests.actors import COMMAND_LINE
from tests.history import NOW, Past, store
from tests.ui.history import HeldRunner


class Column(IntEnum):
    NUMBER = 0


class Numbers(PagedTableModel[int]):
    """Row n shows n; enough to watch which pages are read."""

    def title_of(self, column: Any) -> str:
        return "n"

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return self.row_at(index.row())


class CountingReader:
    def __init__(self) -> None:
        self.asked: list[tuple[int, int]] = []

    def __call__(self, _database: Database, start: int, count: int) -> Sequence[int]:
        self.asked.append((start, count))
        return range(start, start + count)


def test_the_history_model_passes_qt_model_checks(
    qtmodeltester: ModelTester, sqlite_database: Database, french: InstalledLanguage
) -> None:
    store(
        sqlite_database,
        Past(datetime(2026, 11, 27, 8, 0, tzinfo=UTC), priority=Priority.URGENT, location="Quai"),
        Past(
            datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
            category=Category.SHELTER,
            outcome=Outcome.ORIENTED,
            place="Halte de nuit",
        ),
        *(Past(datetime(2026, 11, 1, tzinfo=UTC) + timedelta(hours=h)) for h in range(300)),
    )
    found = search_history(sqlite_database, HistoryFilter(), actor=COMMAND_LINE, now=NOW)
    model = HistoryModel(ImmediateRunner(sqlite_database))
    model.show_rows(found.count, HistoryPages(found).read, found.first_rows)

    qtmodeltester.check(model, force_py=True)

    assert model.rowCount() == 302
    assert model.index(0, HistoryColumn.OUTCOME).data() == "Orienté vers Halte de nuit"
    assert model.index(1, HistoryColumn.LOCATION).data() == "Quai"
    assert model.index(1, HistoryColumn.PRIORITY).data() == "Urgent"
    assert model.index(301, HistoryColumn.TIME).data() == "01/11/2026 01:00"
    assert model.index(0, HistoryColumn.TIME).data(INCIDENT_ID_ROLE) == found.first_rows[0].id


def test_a_million_rows_cost_one_page_per_screen(qtbot: QtBot, sqlite_database: Database) -> None:
    reader = CountingReader()
    model = Numbers(Column, ImmediateRunner(sqlite_database))
    model.show_rows(1_000_000, reader)

    assert model.rowCount() == 1_000_000
    assert reader.asked == []  # nothing is read before it is shown
    assert model.index(500_123, 0).data() == 500_123
    for row in range(500_100, 500_140):  # the rest of that screen is already there
        model.index(row, 0).data()
    assert reader.asked == [(500_100, 150)]

    for row in range(0, 1_000_000, 997):  # a scroll through the whole list
        model.index(row, 0).data()
    assert model.cached_rows <= model.page_size * model.cached_pages
    assert max(count for _start, count in reader.asked) == 150
    assert model.index(999_999, 0).data() == 999_999  # the last page, shorter
    assert reader.asked[-1] == (999_900, 100)


def test_the_first_rows_given_cost_no_query(qtbot: QtBot, sqlite_database: Database) -> None:
    reader = CountingReader()
    model = Numbers(Column, ImmediateRunner(sqlite_database))
    model.show_rows(1000, reader, first=range(150))

    assert [model.index(row, 0).data() for row in (0, 149)] == [0, 149]
    assert reader.asked == []


def test_pages_scrolled_past_before_their_turn_are_never_read(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    runner = HeldRunner(sqlite_database)
    reader = CountingReader()
    model = Numbers(Column, runner)
    model.show_rows(100_000, reader)
    for page in range(20):  # the scroll bar dragged down, a page painted at each step
        assert model.index(page * 3000, 0).data() is None

    runner.release()

    assert [start for start, _count in reader.asked] == [p * 3000 for p in range(12, 20)]
    assert model.index(19 * 3000, 0).data() == 57_000
    assert model.index(0, 0).data() is None  # asked again, now that it is shown again
    runner.release()
    assert model.index(0, 0).data() == 0


def test_a_page_of_an_earlier_list_arriving_late_is_dropped(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    runner = HeldRunner(sqlite_database)
    model = Numbers(Column, runner)
    model.show_rows(1000, CountingReader())
    assert model.index(10, 0).data() is None  # asked, not answered yet

    model.show_rows(5, lambda _database, start, count: [-1] * count)
    runner.release()

    assert model.cached_rows == 0
    assert model.index(2, 0).data() is None
    runner.release()
    assert model.index(2, 0).data() == -1


def test_a_page_that_cannot_be_read_is_told_once(qtbot: QtBot, sqlite_database: Database) -> None:
    from operline.errors import DatabaseError, DatabaseProblem

    attempts: list[int] = []

    def unreachable(_database: Database, start: int, _count: int) -> Sequence[int]:
        attempts.append(start)
        raise DatabaseError(DatabaseProblem.UNREACHABLE, "db.example", "connection refused")

    model = Numbers(Column, ImmediateRunner(sqlite_database))
    model.show_rows(1000, unreachable)
    with qtbot.waitSignal(model.fetch_failed) as told:
        assert model.index(0, 0).data() is None
    model.index(1, 0).data()
    model.index(400, 0).data()

    assert attempts == [0]
    assert told.args == ["The database server db.example cannot be reached (connection refused)."]
