"""The history reads its landmarks after a search is shown, and again when calls come in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pytestqt.qtbot import QtBot

from operline.changes import Changes, IncidentChange
from operline.codes import Category
from operline.db.engine import Database
from operline.history import pages as history_pages
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.history.model import HistoryColumn
from operline.ui.history.view import HistoryView
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.actors import COMMAND_LINE
from tests.history import NOW, Past, store
from tests.ui.history import HeldRunner

EVERY = 4
SHELTER = Category.SHELTER


@pytest.fixture
def calls(database: Database, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """30 calls, newest first in their ids' reverse; every third for shelter, by pairs."""
    monkeypatch.setattr(history_pages, "LANDMARK_EVERY", EVERY)
    at = NOW - timedelta(days=40)
    return store(
        database,
        *(
            Past(at + timedelta(hours=n // 2), category=SHELTER if n % 3 else Category.CARE)
            for n in range(30)
        ),
    )


def _open(qtbot: QtBot, runner: TaskRunner) -> HistoryView:
    context = DeskContext(runner, lambda: NOW, lambda: None, ChangeBus(), lambda: COMMAND_LINE)
    view = HistoryView(context)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.model.page_size = 3  # pages of three rows: most of the 30 are read by a query
    view.model.cached_pages = 2
    view.show()
    view.show_current()
    return view


def _references(view: HistoryView) -> list[str]:
    """The references shown, each page first read by a jump far from the rows read before."""
    model = view.model
    rows = range(model.rowCount())
    for row in sorted(rows, key=lambda row: (row * 7) % 31):
        model.index(row, HistoryColumn.REFERENCE).data()
    return [model.index(row, HistoryColumn.REFERENCE).data() for row in rows]


def _expected(database: Database, ids: list[int]) -> list[str]:
    from operline.db.models import Incident

    with database.read() as session:
        return [session.get(Incident, number).reference for number in ids]  # type: ignore[union-attr]


def test_landmarks_come_after_the_count_and_first_rows(
    qtbot: QtBot, database: Database, calls: list[int]
) -> None:
    runner = HeldRunner(database)
    view = _open(qtbot, runner)
    runner.release(2)  # the choices, then the search: the count and first rows are shown
    assert view.model.rowCount() == 30
    assert view.model.cached_row(0) is not None
    pages = view.landmarks.pages
    assert pages is not None
    assert pages.landmarks == 0
    assert view.landmarks.reading
    while runner.held:  # each step asks for the next
        runner.release()
    assert pages.landmarks_done
    assert pages.landmarks == 30 // EVERY + 1
    assert not view.landmarks.reading


def test_rows_read_through_landmarks_are_the_list_newest_first(
    qtbot: QtBot, database: Database, calls: list[int]
) -> None:
    view = _open(qtbot, ImmediateRunner(database))
    pages = view.landmarks.pages
    assert pages is not None
    assert pages.landmarks == 8
    assert _references(view) == _expected(database, calls[::-1])


def test_a_new_filter_has_landmarks_of_its_own(
    qtbot: QtBot, database: Database, calls: list[int]
) -> None:
    view = _open(qtbot, ImmediateRunner(database))
    first = view.landmarks.pages
    view.filters.category.setCurrentIndex(view.filters.category.findData(Category.SHELTER))
    shelter = view.landmarks.pages
    assert shelter is not None
    assert shelter is not first
    assert shelter.filter.category is Category.SHELTER
    assert shelter.landmarks == -(-20 // EVERY)
    wanted = [n for i, n in enumerate(calls) if i % 3][::-1]
    assert _references(view) == _expected(database, wanted)


def test_a_call_logged_moves_the_rows_and_the_landmarks_are_read_again(
    qtbot: QtBot, database: Database, calls: list[int]
) -> None:
    view = _open(qtbot, ImmediateRunner(database))
    pages = view.landmarks.pages
    assert pages is not None
    newest = store(database, Past(NOW - timedelta(minutes=5)))[0]
    view._context.changes.publish(Changes.of_incident(newest, IncidentChange.LOGGED))
    assert pages.landmarks_done
    assert pages.landmarks == 31 // EVERY + 1
    view.model.reread()
    # The count is the search's until the next search: its rows are the top of the list.
    assert _references(view) == _expected(database, [newest, *calls[::-1]][:30])
