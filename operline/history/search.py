"""Searching the history: how many calls a filter lets through, and their rows.

A search counts the calls and reads the first page; it is a consultation of sensitive
data, so it leaves one audit row (the pages read later while scrolling leave none). The
rows are read in two steps, the keys of a page from an index then the rows of those keys,
so skipping rows to reach a page never reads the rows skipped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from operline.actors import Actor, consulted_since
from operline.audit import AuditAction, write_audit
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, Incident, Sector, Team
from operline.db.search_index import matching_incident_ids
from operline.history.conditions import (
    NO_SETS,
    SetSizes,
    conditions,
    from_key,
    linked_ids,
    only_sets,
    reading_order,
)
from operline.history.filters import HistoryFilter, HistoryOrder

#: Rows read in one query, the first page with the count and each page after.
PAGE_ROWS = 150
#: Longest id list sent in one ``IN (...)``: far below SQLite's and PostgreSQL's limits.
_IDS_PER_QUERY = 500


@dataclass(frozen=True, order=True)
class HistoryKey:
    """Where a row stands in the history: the time the call came in, then its id."""

    received_at: datetime
    incident_id: int


@dataclass(frozen=True)
class HistoryRow:
    """One line of the history, as the desk reads it."""

    id: int
    reference: str
    received_at: datetime
    sector: str
    location: str | None
    category: Category
    priority: Priority
    status: Status
    team: str | None
    outcome: Outcome | None
    #: The place the person was oriented to.
    place: str | None

    @property
    def key(self) -> HistoryKey:
        return HistoryKey(self.received_at, self.id)


@dataclass(frozen=True)
class HistorySearch:
    """What a search found: how many calls, and the first page of them."""

    filter: HistoryFilter
    order: HistoryOrder
    count: int
    first_rows: tuple[HistoryRow, ...]
    #: How large the sets of calls of the free text and of the linked calls are.
    sizes: SetSizes


def search_history(
    database: Database,
    wanted: HistoryFilter,
    *,
    order: HistoryOrder = HistoryOrder.NEWEST_FIRST,
    actor: Actor,
    now: datetime,
    rows: int = PAGE_ROWS,
) -> HistorySearch:
    """Count the calls the filter lets through and read the first ``rows``; audited.

    The reading runs in a read transaction and the audit row is written after it, in a
    short one of its own: counting a million calls never holds the write lock. If the
    audit row cannot be written the search fails, and nothing is shown unaudited.

    An operator's search is clamped to the calls received in the last 24 hours, whatever
    period was asked: a call from earlier in the night is found, an older one is not.
    """
    since = consulted_since(actor, now)
    if since is not None and (wanted.received_since is None or wanted.received_since < since):
        wanted = replace(wanted, received_since=since)
    dialect = database.engine.dialect.name
    with database.read() as session:
        sizes = set_sizes(session, wanted, dialect)
        count = count_calls(session, wanted, dialect, sizes)
        keys = []
        if count:
            keys = read_keys(session, wanted, dialect, order, limit=min(rows, count), sizes=sizes)
        first = rows_of(session, [key.incident_id for key in keys])
    with database.write() as session:
        write_audit(
            session,
            actor,
            AuditAction.HISTORY_SEARCH,
            now=now,
            target=f"{count} calls",
            details=wanted.audit_details(),
        )
    return HistorySearch(wanted, order, count, tuple(first), sizes)


def set_sizes(session: Session, wanted: HistoryFilter, dialect: str) -> SetSizes:
    """The sizes of the sets of calls the filter uses, each counted from its own index."""
    text = linked = 0
    if wanted.words:
        matching = matching_incident_ids(dialect, wanted.words).subquery()
        text = session.scalar(sa.select(sa.func.count()).select_from(matching)) or 0
    if wanted.linked is not None:
        ids = linked_ids().subquery()
        linked = session.scalar(sa.select(sa.func.count(sa.distinct(ids.c.incident_id)))) or 0
    return SetSizes(text=text, linked=linked)


def count_calls(session: Session, wanted: HistoryFilter, dialect: str, sizes: SetSizes) -> int:
    """How many incidents the filter lets through."""
    if only_sets(wanted) and not (wanted.words and wanted.linked is not None):
        # Each set's index counts it alone (every entry of the text index is a call).
        if wanted.words:
            return sizes.text
        if wanted.linked:
            return sizes.linked
        if wanted.linked is False:
            everything = session.scalar(sa.select(sa.func.count()).select_from(Incident)) or 0
            return everything - sizes.linked
    where = conditions(wanted, dialect, sizes)
    return session.scalar(sa.select(sa.func.count()).select_from(Incident).where(*where)) or 0


def read_keys(
    session: Session,
    wanted: HistoryFilter,
    dialect: str,
    order: HistoryOrder,
    *,
    start: HistoryKey | None = None,
    skip: int = 0,
    limit: int,
    backwards: bool = False,
    sizes: SetSizes = NO_SETS,
) -> list[HistoryKey]:
    """The keys of up to ``limit`` rows, from ``start`` (included) after ``skip`` rows.

    ``backwards`` reads from the other end of ``order``, the keys coming in that order.
    """
    where = conditions(wanted, dialect, sizes)
    if start is not None:
        where.append(from_key(start.received_at, start.incident_id, order, backwards=backwards))
    query = (
        sa.select(Incident.received_at, Incident.id)
        .where(*where)
        .order_by(*reading_order(order, backwards=backwards))
        .offset(skip)
        .limit(limit)
    )
    return [
        HistoryKey(received_at, incident_id) for received_at, incident_id in session.execute(query)
    ]


def rows_of(session: Session, ids: Sequence[int]) -> list[HistoryRow]:
    """The history lines of these incidents, in the order of ``ids``; unknown ids left out."""
    found: dict[int, HistoryRow] = {}
    for offset in range(0, len(ids), _IDS_PER_QUERY):
        chunk = list(ids[offset : offset + _IDS_PER_QUERY])
        query = (
            sa.select(
                Incident.id,
                Incident.reference,
                Incident.received_at,
                Sector.name,
                Incident.location,
                Incident.category,
                Incident.priority,
                Incident.status,
                Team.name,
                Incident.outcome,
                Facility.name,
            )
            .join(Sector, Incident.sector_id == Sector.id)
            .outerjoin(Team, Incident.assigned_team_id == Team.id)
            .outerjoin(Facility, Incident.orientation_facility_id == Facility.id)
            .where(Incident.id.in_(chunk))
        )
        for row in session.execute(query):
            found[row[0]] = HistoryRow(
                id=row[0],
                reference=row[1],
                received_at=row[2],
                sector=row[3],
                location=row[4],
                category=Category(row[5]),
                priority=Priority(row[6]),
                status=Status(row[7]),
                team=row[8],
                outcome=Outcome(row[9]) if row[9] is not None else None,
                place=row[10],
            )
    return [found[incident_id] for incident_id in ids if incident_id in found]
