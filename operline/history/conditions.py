"""The SQL of a history filter: conditions on indexed columns, and the order of keys.

Every condition is one an index answers (see the history indexes of ``Incident``);
where SQLite only uses a partial index for a condition written as in the index, the
condition is written so, as a literal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement, UnaryExpression

from operline.codes import Status
from operline.db.models import Incident, IncidentEvent
from operline.db.search_index import matching_incident_ids
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.incidents.events import EventKind

_LINKED_CALL: ColumnElement[str] = sa.literal_column(f"'{EventKind.LINKED_CALL.value}'")
_CLOSED: ColumnElement[str] = sa.literal_column(f"'{Status.CLOSED.value}'")
_ZERO: ColumnElement[int] = sa.literal_column("0", sa.Integer)


#: A set of calls (the free text's, the linked ones) up to this size is read by id on
#: SQLite; a larger one is looked up from an index of the other filters or of the time.
FEW_CALLS = 10_000


@dataclass(frozen=True)
class SetSizes:
    """How many calls the free text alone finds, and how many have a call linked to them.

    SQLite's planner cannot tell; the sizes say which way to read (see ``FEW_CALLS``).
    """

    text: int = 0
    linked: int = 0


#: No set of calls in the filter, or sizes not known (then every set is read by id).
NO_SETS = SetSizes()


def conditions(
    wanted: HistoryFilter, dialect: str, sizes: SetSizes = NO_SETS
) -> list[ColumnElement[bool]]:
    """What an incident must meet to be listed; empty when every incident is."""
    found: list[ColumnElement[bool]] = []
    start, end = wanted.period()
    if start is not None:
        found.append(Incident.received_at >= start)
    if end is not None:
        found.append(Incident.received_at < end)
    equal = (
        (Incident.sector_id, wanted.sector_id),
        (Incident.category, wanted.category),
        (Incident.priority, wanted.priority),
        (Incident.status, wanted.status),
        (Incident.assigned_team_id, wanted.team_id),
        (Incident.outcome, wanted.outcome),
        (Incident.orientation_facility_id, wanted.place_id),
    )
    found.extend(column == value for column, value in equal if value is not None)
    if wanted.status is not None and wanted.status.is_open:
        # Lets SQLite read the few open calls from the board's partial index.
        found.append(Incident.status != _CLOSED)
    if wanted.no_team_on_duty:
        found.append(sa.not_(Incident.team_on_duty_at_intake))
    if wanted.linked is not None:
        linked = _id(dialect, sizes.linked)
        found.append(linked.in_(linked_ids()) if wanted.linked else linked.not_in(linked_ids()))
    words = wanted.words
    if words:
        found.append(_id(dialect, sizes.text).in_(matching_incident_ids(dialect, words)))
    return found


def _id(dialect: str, size: int) -> ColumnElement[int]:
    if dialect == "sqlite" and size > FEW_CALLS:
        # "+ 0" keeps SQLite from reading a large set call by call by id and then sorting
        # it all: it walks the index of the other filters and looks each id up instead.
        return Incident.id + _ZERO
    return Incident.id.expression


def linked_ids() -> sa.Select[Any]:
    """The incidents another call was linked to, from their partial index."""
    return sa.select(IncidentEvent.incident_id).where(IncidentEvent.kind == _LINKED_CALL)


def only_sets(wanted: HistoryFilter) -> bool:
    """Whether the free text or the linked calls are the only filters."""
    return HistoryFilter(text=wanted.text, linked=wanted.linked) == wanted


def reading_order(order: HistoryOrder, *, backwards: bool) -> list[UnaryExpression[Any]]:
    """ORDER BY for rows read in ``order``, or from its other end."""
    descending = (order is HistoryOrder.NEWEST_FIRST) != backwards
    if descending:
        return [Incident.received_at.desc(), Incident.id.desc()]
    return [Incident.received_at.asc(), Incident.id.asc()]


def from_key(
    received_at: datetime, incident_id: int, order: HistoryOrder, *, backwards: bool
) -> ColumnElement[bool]:
    """The rows at or after a key in the reading order, written for a range on the time."""
    descending = (order is HistoryOrder.NEWEST_FIRST) != backwards
    if descending:
        return sa.and_(
            Incident.received_at <= received_at,
            sa.or_(Incident.received_at < received_at, Incident.id <= incident_id),
        )
    return sa.and_(
        Incident.received_at >= received_at,
        sa.or_(Incident.received_at > received_at, Incident.id >= incident_id),
    )
