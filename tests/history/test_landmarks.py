"""A page read from the nearest landmark is the page of the whole list, wherever it lands."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime, timedelta

import pytest

from operline.codes import Category
from operline.db.engine import Database
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.pages import HistoryPages
from operline.history.search import search_history
from tests.actors import COMMAND_LINE
from tests.history import NOW, Past, store

START = datetime(2026, 1, 1, tzinfo=UTC)
EVERY = 7
ROWS = 5


@pytest.fixture
def history(database: Database) -> list[int]:
    """100 calls, a third for shelter; twenty at an instant another call has too."""
    rng = random.Random(5)
    instants = [START + timedelta(minutes=rng.randrange(3000)) for _ in range(80)]
    instants += instants[:20]
    rng.shuffle(instants)
    categories = [Category.SHELTER if n % 3 == 0 else Category.CARE for n in range(100)]
    return store(
        database, *(Past(at, category=c) for at, c in zip(instants, categories, strict=True))
    )


def _whole(database: Database, wanted: HistoryFilter, order: HistoryOrder) -> list[int]:
    found = search_history(database, wanted, order=order, actor=COMMAND_LINE, now=NOW, rows=500)
    return [row.id for row in found.first_rows]


def _with_landmarks(
    database: Database, wanted: HistoryFilter, order: HistoryOrder, every: int = EVERY
) -> HistoryPages:
    """The pages of a search, every landmark read, no other row's place known."""
    search = search_history(database, wanted, order=order, actor=COMMAND_LINE, now=NOW, rows=1)
    pages = HistoryPages(search)
    pages.every = every
    pages.forget_positions()
    while pages.read_landmarks(database, steps=3):
        pass
    assert pages.landmarks_done
    assert pages.landmarks == -(-search.count // every)
    assert pages.known_positions == 0
    return pages


def _starts(whole: list[int], database: Database) -> list[int]:
    """In the first landmark's rows, on landmarks, just before one, the last pages, ties."""
    count = len(whole)
    starts = {0, 1, 3, EVERY - 1, EVERY, EVERY + 1, 2 * EVERY, 5 * EVERY - 1, count // 2}
    starts |= {count - ROWS, count - 1, (count - 1) // EVERY * EVERY}
    found = search_history(database, HistoryFilter(), actor=COMMAND_LINE, now=NOW, rows=500)
    times = {row.id: row.received_at for row in found.first_rows}
    ties = [n for n in range(1, count) if times[whole[n]] == times[whole[n - 1]]]
    assert ties  # calls at one instant stand side by side in the list
    starts |= set(ties)
    return sorted(start for start in starts if 0 <= start < count)


@pytest.mark.parametrize("order", list(HistoryOrder))
@pytest.mark.parametrize("wanted", [HistoryFilter(), HistoryFilter(category=Category.SHELTER)])
def test_a_page_from_a_landmark_is_the_page_of_the_whole_list(
    database: Database, history: list[int], order: HistoryOrder, wanted: HistoryFilter
) -> None:
    whole = _whole(database, wanted, order)
    for start in _starts(whole, database):
        pages = _with_landmarks(database, wanted, order)
        way = pages.plan(start, ROWS)
        assert way.skip < EVERY, start  # no longer a walk from an end
        assert [row.id for row in pages.read(database, start, ROWS)] == whole[start : start + ROWS]


def test_landmarks_on_calls_at_one_instant_keep_the_order_of_their_ids(
    database: Database,
) -> None:
    store(database, *(Past(START) for _ in range(30)), *(Past(START + timedelta(1)) for _ in [1]))
    for order in HistoryOrder:
        whole = _whole(database, HistoryFilter(), order)
        for start in range(len(whole)):
            pages = _with_landmarks(database, HistoryFilter(), order, every=4)
            assert pages.plan(start, 3).skip < 4
            assert [row.id for row in pages.read(database, start, 3)] == whole[start : start + 3]


def test_without_landmarks_a_jump_walks_from_the_nearest_end(
    database: Database, history: list[int]
) -> None:
    search = search_history(database, HistoryFilter(), actor=COMMAND_LINE, now=NOW, rows=1)
    pages = HistoryPages(search)
    pages.every = EVERY
    assert pages.plan(40, ROWS).skip == 40  # from the first row
    pages.read_landmarks(database, steps=2, seconds=math.inf)  # two so far: rows 0 and 7
    assert (pages.landmarks, pages.landmarks_done) == (2, False)
    assert pages.plan(40, ROWS).skip == 33  # from row 7
    assert pages.plan(9, ROWS).skip == 2


def test_new_calls_at_the_top_drop_the_places_known_and_landmarks_are_read_again(
    database: Database, history: list[int]
) -> None:
    pages = _with_landmarks(database, HistoryFilter(), HistoryOrder.NEWEST_FIRST)
    pages.read(database, 50, ROWS)
    newest = store(database, *(Past(NOW - timedelta(minutes=n)) for n in range(3)))
    whole = _whole(database, HistoryFilter(), HistoryOrder.NEWEST_FIRST)
    assert whole[:3] == newest

    pages.forget_positions()
    assert (pages.landmarks, pages.known_positions, pages.landmarks_done) == (0, 0, False)
    while pages.read_landmarks(database):
        pass
    assert pages.landmarks == -(-len(whole) // EVERY)
    # The count shown is the search's: its rows are the first 100 of the list as it is now.
    for start in (0, 3, EVERY, 50, 51, 2 * EVERY + 3, 97, 99):
        shown = whole[start : min(start + ROWS, 100)]
        assert [row.id for row in pages.read(database, start, ROWS)] == shown


def test_a_list_of_the_free_text_or_linked_calls_has_landmarks_closer_together(
    database: Database, history: list[int]
) -> None:
    def every(wanted: HistoryFilter) -> int:
        found = search_history(database, wanted, actor=COMMAND_LINE, now=NOW, rows=1)
        return HistoryPages(found).every

    assert every(HistoryFilter(category=Category.SHELTER)) == 2000
    assert every(HistoryFilter(text="pont")) == every(HistoryFilter(linked=False)) == 500
