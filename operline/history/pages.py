"""Any page of a list, read from the nearest row whose place in the order is known.

The history never holds a million ids: it holds the keys (time, id) of the rows at both
ends of each page already read. A page is read from the nearest such key, or from the
first or last row, skipping the rows in between inside an index; scrolling therefore
skips nothing, and a jump into the middle of ten years skips the rows between once.
``KeysetPages`` reads any list a history filter describes, with the rows of its screen
(the day log's are the journal's); ``HistoryPages`` is the history's.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.history.conditions import NO_SETS, SetSizes
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.search import HistoryKey, HistoryRow, HistorySearch, read_keys, rows_of

R = TypeVar("R")
#: Reads the rows of these incident ids, in their order, in the session given.
RowsOf = Callable[[Session, Sequence[int]], Sequence[R]]


@dataclass(frozen=True)
class PageRead:
    """How to reach a page: from a key (or an end), how many rows to skip, which way."""

    start: HistoryKey | None
    skip: int
    #: Read from the other end of the order, the rows then turned back.
    backwards: bool


class KeysetPages(Generic[R]):
    """Reads the pages of one list; used from one thread only (the runner's worker)."""

    def __init__(
        self,
        wanted: HistoryFilter,
        order: HistoryOrder,
        count: int,
        rows: RowsOf[R],
        *,
        first_keys: Sequence[HistoryKey] = (),
        sizes: SetSizes = NO_SETS,
    ) -> None:
        self.filter, self.order, self.count = wanted, order, count
        self._rows = rows
        self._sizes = sizes
        self._positions: list[int] = []
        self._keys: dict[int, HistoryKey] = {}
        self._learn(0, list(first_keys))

    @property
    def known_positions(self) -> int:
        return len(self._positions)

    def plan(self, start: int, rows: int) -> PageRead:
        """The cheapest way to the rows ``start`` to ``start + rows - 1``."""
        last = min(start + rows, self.count) - 1
        ways = [PageRead(None, start, False), PageRead(None, self.count - 1 - last, True)]
        before = bisect_right(self._positions, start) - 1
        if before >= 0:
            position = self._positions[before]
            ways.append(PageRead(self._keys[position], start - position, False))
        after = bisect_left(self._positions, last)
        if after < len(self._positions):
            position = self._positions[after]
            ways.append(PageRead(self._keys[position], position - last, True))
        return min(ways, key=lambda way: way.skip)

    def read(self, database: Database, start: int, rows: int) -> list[R]:
        """The rows ``start`` to ``start + rows - 1`` of the list, fewer at the end."""
        wanted = min(rows, self.count - start)
        if wanted <= 0:
            return []
        way = self.plan(start, wanted)
        with database.read() as session:
            keys = read_keys(
                session,
                self.filter,
                database.engine.dialect.name,
                self.order,
                start=way.start,
                skip=way.skip,
                limit=wanted,
                backwards=way.backwards,
                sizes=self._sizes,
            )
            if way.backwards:
                keys.reverse()
            found = list(self._rows(session, [key.incident_id for key in keys]))
        if way.backwards:
            self._learn(start + wanted - len(keys), keys)
        else:
            self._learn(start, keys)
        return found

    def _learn(self, start: int, keys: list[HistoryKey]) -> None:
        """Keep the keys at both ends of rows read from ``start``."""
        if not keys:
            return
        for position, key in ((start, keys[0]), (start + len(keys) - 1, keys[-1])):
            if position not in self._keys:
                self._positions.insert(bisect_left(self._positions, position), position)
            self._keys[position] = key


class HistoryPages(KeysetPages[HistoryRow]):
    """The pages of one search of the history."""

    def __init__(self, search: HistorySearch) -> None:
        super().__init__(
            search.filter,
            search.order,
            search.count,
            rows_of,
            first_keys=[row.key for row in search.first_rows],
            sizes=search.sizes,
        )
        self.search = search
