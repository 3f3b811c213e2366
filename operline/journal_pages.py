"""The journal of a day on screen: the day opened, then any page of it, by keyset.

Opening a day counts its calls and reads the first page, in one piece of work: the
consultation is audited in the transaction that counts, and the screen shows the count
and the first rows together. A page after is read as the history reads its own, from
the nearest row whose place is known (``operline.history.pages``): a day of sixteen
thousand calls is never read whole to show twenty of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from operline.actors import Actor, require_day
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.history.conditions import NO_SETS
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.pages import KeysetPages
from operline.history.search import HistoryKey, count_calls, read_keys
from operline.journal import DayRoster, JournalRow, journal_rows, journal_rows_in

#: Rows of the first page, read with the count of the day.
PAGE_ROWS = 150


@dataclass(frozen=True)
class OpenedDay:
    """A day opened on screen: how many calls, and the first page, newest first."""

    day: date
    count: int
    first_rows: tuple[JournalRow, ...]
    #: Where the first rows stand in the day's order, to read the pages after from.
    first_keys: tuple[HistoryKey, ...]


def day_filter(day: date) -> HistoryFilter:
    """The calls received on a Paris day."""
    return HistoryFilter(first_day=day, last_day=day)


def open_day(
    database: Database,
    day: date,
    *,
    actor: Actor,
    now: datetime,
    day_roster: DayRoster | None = None,
    rows: int = PAGE_ROWS,
) -> OpenedDay:
    """Count a Paris day's calls and read the first ``rows``, newest first; audited."""
    require_day(actor, day, now=now)
    wanted, dialect = day_filter(day), database.engine.dialect.name
    with database.write() as session:
        count = count_calls(session, wanted, dialect, NO_SETS)
        keys = []
        if count:
            order = HistoryOrder.NEWEST_FIRST
            keys = read_keys(session, wanted, dialect, order, limit=min(rows, count))
        write_audit(session, actor, AuditAction.JOURNAL_VIEW, now=now, target=day.isoformat())
    first = journal_rows(database, [key.incident_id for key in keys], day_roster=day_roster)
    return OpenedDay(day, count, tuple(first), tuple(keys))


class DayPages(KeysetPages[JournalRow]):
    """The pages of a day opened; read on the runner's worker only."""

    def __init__(self, opened: OpenedDay, day_roster: DayRoster | None = None) -> None:
        super().__init__(
            day_filter(opened.day),
            HistoryOrder.NEWEST_FIRST,
            opened.count,
            self._rows_of,
            first_keys=opened.first_keys,
        )
        #: Replaced when the roster changed: the pages read after use the new one.
        self.day_roster = day_roster

    def _rows_of(self, session: Session, ids: Sequence[int]) -> list[JournalRow]:
        return journal_rows_in(session, ids, self.day_roster)


class IdPages:
    """The pages of a list of ids already read (a sector's calls of the day)."""

    def __init__(self, ids: Sequence[int]) -> None:
        self.ids = tuple(ids)

    def read(self, database: Database, start: int, count: int) -> list[JournalRow]:
        """The rows of ``ids[start:start + count]``."""
        return journal_rows(database, self.ids[start : start + count])
