"""Any page of a search, reached from the nearest known row, is the page of the whole list."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from operline.codes import Category
from operline.db.engine import Database
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.pages import HistoryPages, PageRead
from operline.history.search import search_history
from tests.actors import COMMAND_LINE
from tests.history import NOW, Past, store

START = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture
def history(database: Database) -> list[int]:
    """120 calls, a third for shelter; some at the same instant; typed in out of order."""
    rng = random.Random(3)
    instants = [START + timedelta(minutes=rng.randrange(6000)) for _ in range(110)]
    instants += instants[:10]  # ten instants twice: the id then orders them
    rng.shuffle(instants)
    categories = [Category.SHELTER if n % 3 == 0 else Category.CARE for n in range(120)]
    return store(
        database, *(Past(at, category=c) for at, c in zip(instants, categories, strict=True))
    )


def _whole(database: Database, wanted: HistoryFilter, order: HistoryOrder) -> list[int]:
    found = search_history(database, wanted, order=order, actor=COMMAND_LINE, now=NOW, rows=500)
    return [row.id for row in found.first_rows]


@pytest.mark.parametrize("order", list(HistoryOrder))
@pytest.mark.parametrize("wanted", [HistoryFilter(), HistoryFilter(category=Category.SHELTER)])
def test_pages_read_in_any_order_are_the_rows_of_the_whole_list(
    database: Database, history: list[int], order: HistoryOrder, wanted: HistoryFilter
) -> None:
    whole = _whole(database, wanted, order)
    search = search_history(database, wanted, order=order, actor=COMMAND_LINE, now=NOW, rows=7)
    pages = HistoryPages(search)
    assert [row.id for row in search.first_rows] == whole[:7]

    starts = [len(whole) - 7, len(whole) // 2, len(whole) // 2 + 7, 3, len(whole) // 2 - 9, 60]
    for start in [*starts, *range(0, len(whole), 11)]:
        assert [row.id for row in pages.read(database, start, 7)] == whole[start : start + 7]
    assert pages.read(database, len(whole) - 2, 7) == pages.read(database, len(whole) - 2, 2)
    assert pages.read(database, len(whole), 7) == []


def test_a_page_is_read_from_the_nearest_row_known(database: Database, history: list[int]) -> None:
    search = search_history(database, HistoryFilter(), actor=COMMAND_LINE, now=NOW, rows=10)
    pages = HistoryPages(search)

    assert pages.plan(10, 10).skip == 1  # from the last row of the first page
    assert pages.plan(105, 10) == PageRead(None, 5, backwards=True)  # from the end
    pages.read(database, 60, 10)
    assert pages.plan(71, 10).skip == 2  # from the last row of the page read
    way = pages.plan(45, 10)
    assert (way.skip, way.backwards) == (6, True)
    assert pages.known_positions == 4
