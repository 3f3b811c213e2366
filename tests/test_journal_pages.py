"""The day log's pages: the day counted and its first page audited, any page after by keyset."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.journal import JOURNAL_VIEW, day_incident_ids
from operline.journal_pages import DayPages, open_day
from tests.actors import COMMAND_LINE
from tests.test_journal import NOW, _add_incidents

DAY = date(2026, 6, 10)


def _busy_day(database: Database) -> tuple[int, ...]:
    """230 calls of 10 June in Paris, some at the same instant, and one call the day after."""
    start = datetime(2026, 6, 9, 22, 30, tzinfo=UTC)  # 00:30 in Paris
    times = [start + timedelta(minutes=5 * (n // 3)) for n in range(230)]
    _add_incidents(database, *times, datetime(2026, 6, 11, 8, 0, tzinfo=UTC))
    return day_incident_ids(database, DAY, actor=COMMAND_LINE, now=NOW)


def test_a_day_opens_with_its_count_and_first_page_audited_once(database: Database) -> None:
    ids = _busy_day(database)
    with database.read() as session:
        before = session.scalar(select(func.count()).where(AuditLog.action == JOURNAL_VIEW))

    opened = open_day(database, DAY, actor=COMMAND_LINE, now=NOW, rows=50)

    assert opened.count == 230
    assert [row.id for row in opened.first_rows] == list(ids[:50])
    with database.read() as session:
        after = session.scalar(select(func.count()).where(AuditLog.action == JOURNAL_VIEW))
    assert after == (before or 0) + 1


def test_any_page_read_in_any_order_is_the_days_order(database: Database) -> None:
    ids = _busy_day(database)
    opened = open_day(database, DAY, actor=COMMAND_LINE, now=NOW, rows=50)
    pages = DayPages(opened)

    # A jump to the end, the middle, back near the top, then the rest: ties on the same
    # instant keep their order whichever known row a page is read from.
    read = {start: pages.read(database, start, 50) for start in (200, 100, 50, 150)}

    for start, rows in read.items():
        assert [row.id for row in rows] == list(ids[start : start + 50])
    assert pages.read(database, 230, 50) == []


def test_an_empty_day_opens_with_no_rows(database: Database) -> None:
    opened = open_day(database, DAY, actor=COMMAND_LINE, now=NOW)

    assert (opened.count, opened.first_rows) == (0, ())
    assert DayPages(opened).read(database, 0, 50) == []
