"""A table that holds how many rows it has, not the rows: pages are read as they are shown.

This is how a list stays instant over a million incidents (Anki's browser table): the
view asks only for the rows it paints; a row not read yet shows empty while its page is
read on the desk's runner, off the GUI thread, and fills in when the page arrives. Only
the last pages read are kept.

How a screen uses it (the journal of a day and the history both can):

- ``PagedTableModel(columns, runner, page_size=150, cached_pages=8)``: rows per query
  and pages kept in memory.
- ``show_rows(total, read_page, first=())``: the list now has ``total`` rows; the rows
  ``start`` to ``start + count - 1`` are ``read_page(database, start, count)``, run on
  the runner's worker (an id list sliced, or a keyset read); ``first`` holds rows already
  read from row 0, shown with no query. Answers for an earlier list are dropped.
- ``row_at(row)``: the row, asking for its page if needed (None until it arrives);
  ``cached_row(row)`` and ``cached_values()`` never ask.
- ``reread()``: the same list read again as it is shown (rows changed meanwhile);
  ``read_again(incident_ids)``: only the pages in memory holding those incidents;
  ``row_of(incident_id)``: its row, if in memory (a row not read yet is read fresh).
- Subclasses say their columns (``title_of``) and what a cell shows (``cell``); the
  rest of ``data`` is here: the incident id of a row, never a query, and the roles a
  desk table paints. ``urgent_style`` is the look of an urgent priority in any of them.

A page asked for and then scrolled far past (more than ``cached_pages`` pages asked since)
is dropped before its query runs, so dragging the scroll bar down ten years queues no
backlog of pages nobody looks at any more.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import IntEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont

from operline.db.engine import Database
from operline.errors import OperlineError
from operline.ui import palette
from operline.ui.messages import error_sentence
from operline.ui.table_model import INCIDENT_ID_ROLE, DeskTableModel
from operline.ui.tasks import TaskRunner

R = TypeVar("R")

#: Reads rows ``start`` to ``start + count - 1`` of the list shown (fewer at its end).
PageReader = Callable[[Database, int, int], Sequence[R]]

#: Rows read in one query.
PAGE_SIZE = 150
#: Pages kept in memory, the ones used least recently dropped first.
CACHED_PAGES = 8

Index = QModelIndex | QPersistentModelIndex

#: The roles a desk table paints from its rows; any other is answered with no query.
ROLES_SHOWN = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    }
)


def urgent_style(role: int) -> Any:
    """How an urgent priority is painted: red, in bold (None for other roles)."""
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(palette.colour("problem"))
    if role == Qt.ItemDataRole.FontRole:
        bold = QFont()
        bold.setBold(True)
        return bold
    return None


class PagedTableModel(DeskTableModel, Generic[R]):
    """Rows known by their number; each page read on the runner when first shown."""

    #: A page could not be read; carries the sentence to show.
    fetch_failed = Signal(str)

    def __init__(
        self,
        columns: type[IntEnum],
        runner: TaskRunner,
        *,
        page_size: int = PAGE_SIZE,
        cached_pages: int = CACHED_PAGES,
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self._column_list = tuple(columns)
        self._runner = runner
        self.page_size = page_size
        self.cached_pages = cached_pages
        self._total = 0
        self._read_page: PageReader[R] = lambda _database, _start, _count: ()
        self._pages: OrderedDict[int, tuple[R, ...]] = OrderedDict()
        #: Pages asked for and not answered yet.
        self._asked: set[int] = set()
        #: Grows at each new list: a page of an earlier list arriving late is dropped.
        self._generation = 0
        #: Grows at each page asked: tells a page scrolled past from one still wanted.
        self._serial = 0
        self._pages_read = 0
        # After a failed read, stop asking until the list is shown again: the view
        # repaints often, and each repaint would otherwise retry and report again.
        self._read_failed = False

    # The list shown

    def show_rows(self, total: int, read_page: PageReader[R], first: Sequence[R] = ()) -> None:
        """Show a list of ``total`` rows read through ``read_page``; ``first`` from row 0."""
        self.beginResetModel()
        self._total = total
        self._read_page = read_page
        self._forget()
        for start in range(0, min(len(first), total), self.page_size):
            page = tuple(first[start : start + self.page_size])
            if len(page) == min(self.page_size, total - start):
                self._pages[start // self.page_size] = page
        self.endResetModel()

    def reread(self) -> None:
        """Read again the rows shown, as the view paints them (they changed meanwhile)."""
        self._forget()
        if self._total:
            last = self.index(self._total - 1, self.columnCount() - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def row_of(self, incident_id: int) -> int | None:
        """The row showing an incident, among the rows in memory."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if getattr(row, "id", None) == incident_id:
                    return number * self.page_size + offset
        return None

    def read_again(self, incident_ids: Iterable[int]) -> None:
        """Read again the pages in memory showing these incidents (after a change)."""
        wanted = set(incident_ids)
        numbers = [
            number
            for number, page in self._pages.items()
            if any(getattr(row, "id", None) in wanted for row in page)
        ]
        for number in numbers:
            del self._pages[number]
            start = number * self.page_size
            last = min(start + self.page_size, self._total) - 1
            self.dataChanged.emit(self.index(start, 0), self.index(last, self.columnCount() - 1))

    def _forget(self) -> None:
        self._pages.clear()
        self._asked.clear()
        self._generation += 1
        self._read_failed = False

    @property
    def pages_read(self) -> int:
        """How many page queries this model has asked for (to measure its cost)."""
        return self._pages_read

    @property
    def cached_rows(self) -> int:
        return sum(len(page) for page in self._pages.values())

    def cached_values(self) -> Iterator[R]:
        """The rows in memory, in no particular order; never asks for any."""
        for page in self._pages.values():
            yield from page

    def cached_row(self, row: int) -> R | None:
        """The row if its page is in memory; never asks for it."""
        page = self._pages.get(row // self.page_size)
        offset = row % self.page_size
        return page[offset] if page is not None and offset < len(page) else None

    def row_at(self, row: int) -> R | None:
        """The row shown at ``row``, its page asked for if needed; None until it is read."""
        if not 0 <= row < self._total:
            return None
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            if not self._read_failed:
                self._ask(number)
            page = self._pages.get(number)
            if page is None:
                return None
        self._pages.move_to_end(number)
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    def _ask(self, number: int) -> None:
        if number in self._asked:
            return
        start = number * self.page_size
        count = min(self.page_size, self._total - start)
        generation, reader = self._generation, self._read_page
        self._serial += 1
        serial = self._serial
        asking = True

        def work(database: Database) -> Sequence[R] | None:
            # Read on the worker: a page asked for before many others is scrolled past.
            if self._serial - serial >= self.cached_pages:
                return None
            return reader(database, start, count)

        def arrived(rows: Sequence[R] | None) -> None:
            if generation != self._generation:
                return
            self._asked.discard(number)
            if rows is None:
                return  # skipped; asked for again if shown again
            self._pages[number] = tuple(rows)
            while len(self._pages) > self.cached_pages:
                self._pages.popitem(last=False)
            if not asking:  # answered later, off the GUI thread: the view repaints the page
                last = start + count - 1
                self.dataChanged.emit(
                    self.index(start, 0), self.index(last, self.columnCount() - 1)
                )

        def refused(error: OperlineError) -> None:
            if generation != self._generation:
                return
            self._asked.discard(number)
            self._read_failed = True
            self.fetch_failed.emit(error_sentence(error))

        self._asked.add(number)
        self._pages_read += 1
        self._runner.run(work, arrived, refused, owner=self)
        asking = False

    # Qt's model interface

    def row_total(self) -> int:
        return self._total

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks a dozen roles of each cell it paints, most of them never shown:
        # those are answered first and for nothing.
        if role in ROLES_SHOWN:
            column = index.column()
            if not index.isValid() or column >= len(self._column_list):
                return None
            row = self.row_at(index.row())
            if row is None:
                return None
            return self.cell(row, self._column_list[column], role)
        if role == INCIDENT_ID_ROLE and index.isValid():
            return self.incident_id(index.row())
        return None

    def incident_id(self, row: int) -> int | None:
        """The incident on a row, never a query: the row under the cursor was painted."""
        cached = self.cached_row(row)
        found = getattr(cached, "id", None)
        return found if isinstance(found, int) else None

    def cell(self, row: R, column: Any, role: int) -> Any:
        """What a cell of ``row`` shows in ``role`` (one of ``ROLES_SHOWN``)."""
        raise NotImplementedError
