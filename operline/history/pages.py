"""Any page of a list, read from the nearest row whose place in the order is known.

The history never holds a million ids: it holds the keys (time, id) of the rows at both
ends of each page already read. A page is read from the nearest such key, or from the
first or last row, skipping the rows in between inside an index; scrolling therefore
skips nothing, and a jump into the middle of ten years skips the rows between once.
``KeysetPages`` reads any list a history filter describes, with the rows of its screen
(the day log's are the journal's); ``HistoryPages`` is the history's.

Landmarks make the first jump cheap too: once the count is known, the keys of every
``LANDMARK_EVERY``-th row (closer for a free text or the linked calls) are read on the
worker (``read_landmarks``, a few at a time, so pages asked meanwhile wait little), each
step a short walk of the index from the last landmark. A page is then read from the
nearest landmark, skipping fewer rows than that. Until they are read, pages are read as
before. The positions known hold for the rows as they were counted: ``forget_positions``
drops them all (and the landmarks, read again from the start) when calls are added.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from time import monotonic
from typing import Generic, TypeVar

from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.history.conditions import NO_SETS, SetSizes
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.search import HistoryKey, HistoryRow, HistorySearch, read_keys, rows_of

R = TypeVar("R")
#: One landmark every this many rows: a page skips fewer rows than this once they are read.
LANDMARK_EVERY = 2000
#: The same for a list of the free text or of the linked calls, most often read by walking
#: the time index and looking each call up in the set: a row skipped costs some twenty.
LANDMARK_EVERY_THROUGH_SET = 500
#: Landmarks read in one task on the worker at most (each a walk of ``LANDMARK_EVERY``
#: index entries), and the time after which a task stops: a page asked while they are
#: read waits for one such task at most (a free text costs its matches at each query).
LANDMARKS_PER_STEP = 25
LANDMARK_STEP_SECONDS = 0.01
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
        #: The keys of rows 0, ``every``, 2 ``every``…, as far as read.
        self._landmarks: list[HistoryKey] = []
        self._landmarks_done = False
        #: Whether the last row of the list is row ``count - 1`` still (no call added).
        self._end_known = True
        through_set = bool(wanted.words) or wanted.linked is not None
        self.every = LANDMARK_EVERY_THROUGH_SET if through_set else LANDMARK_EVERY
        self._learn(0, list(first_keys))

    @property
    def known_positions(self) -> int:
        return len(self._positions)

    @property
    def landmarks(self) -> int:
        """How many landmarks are read."""
        return len(self._landmarks)

    @property
    def landmarks_done(self) -> bool:
        return self._landmarks_done

    def plan(self, start: int, rows: int) -> PageRead:
        """The cheapest way to the rows ``start`` to ``start + rows - 1``."""
        last = min(start + rows, self.count) - 1
        ways = [PageRead(None, start, False)]
        if self._end_known:
            ways.append(PageRead(None, self.count - 1 - last, True))
        if self._landmarks:  # the nearest read at or before the start (all, once read)
            before = min(start // self.every, len(self._landmarks) - 1)
            position = before * self.every
            ways.append(PageRead(self._landmarks[before], start - position, False))
        after = -(-last // self.every)
        if after < len(self._landmarks):
            position = after * self.every
            ways.append(PageRead(self._landmarks[after], position - last, True))
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

    def read_landmarks(
        self,
        database: Database,
        steps: int = LANDMARKS_PER_STEP,
        seconds: float = LANDMARK_STEP_SECONDS,
    ) -> bool:
        """Read up to ``steps`` more landmarks, for about ``seconds``; whether more are due."""
        if self._landmarks_done:
            return False
        until = monotonic() + seconds
        with database.read() as session:
            for _ in range(steps):
                if self._landmarks and monotonic() > until:
                    return True
                last = self._landmarks[-1] if self._landmarks else None
                found = read_keys(
                    session,
                    self.filter,
                    database.engine.dialect.name,
                    self.order,
                    start=last,
                    skip=self.every if last is not None else 0,
                    limit=1,
                    sizes=self._sizes,
                )
                if not found:
                    self._landmarks_done = True
                    return False
                self._landmarks.append(found[0])
        return True

    def forget_positions(self) -> None:
        """Calls were added: drop every position known, landmarks read again from row 0.

        The rows shown stay the first ``count`` of the list as it is now, read from its
        top or a landmark: the calls added moved its end, which is no longer read from.
        """
        self._end_known = False
        self._positions.clear()
        self._keys.clear()
        self._landmarks.clear()
        self._landmarks_done = False

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
