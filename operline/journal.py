"""The journal of a day: every call received on one Paris calendar day, newest first.

Supervisors review each day's log. Reading the history is a consultation of sensitive
data, so listing a day leaves an audit row, written in the same transaction.
The list is read in two steps, the ordered ids of the day then the rows of the ids a
screen shows, so a day's view stays instant over years of history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, select

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, Sector, Team
from operline.paris_time import paris_day_bounds

#: The audit action of listing a day (kept under this name for its readers).
JOURNAL_VIEW = AuditAction.JOURNAL_VIEW

#: Longest id list sent in one ``IN (...)``: far below SQLite's and PostgreSQL's limits.
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class JournalRow:
    """One line of the journal, as the supervisor reads it."""

    id: int
    reference: str
    received_at: datetime
    sector: str
    category: Category
    priority: Priority
    status: Status
    team: str | None
    outcome: Outcome | None


def day_ids_query(day: date, *, sector_id: int | None = None) -> Select[int]:
    """The SELECT of the ids of a Paris day's incidents (of one sector), newest first."""
    start, end = paris_day_bounds(day)
    query = select(Incident.id).where(Incident.received_at >= start, Incident.received_at < end)
    if sector_id is not None:
        query = query.where(Incident.sector_id == sector_id)
    return query.order_by(Incident.received_at.desc(), Incident.id.desc())


def day_incident_ids(
    database: Database, day: date, *, actor: Actor, now: datetime
) -> tuple[int, ...]:
    """The ids of the incidents received on a Paris day, newest first; audited."""
    require(actor, Right.CONSULT_HISTORY)
    with database.write() as session:
        ids = tuple(session.scalars(day_ids_query(day)))
        write_audit(session, actor, AuditAction.JOURNAL_VIEW, now=now, target=day.isoformat())
    return ids


def journal_rows(database: Database, ids: Sequence[int]) -> list[JournalRow]:
    """The journal lines of the given incidents, in the order of ``ids``.

    An id that names no incident is left out.
    """
    if not ids:
        return []
    found: dict[int, JournalRow] = {}
    with database.read() as session:
        for offset in range(0, len(ids), _IDS_PER_QUERY):
            chunk = list(ids[offset : offset + _IDS_PER_QUERY])
            query = (
                select(
                    Incident.id,
                    Incident.reference,
                    Incident.received_at,
                    Sector.name,
                    Incident.category,
                    Incident.priority,
                    Incident.status,
                    Team.name,
                    Incident.outcome,
                )
                .join(Sector, Incident.sector_id == Sector.id)
                .outerjoin(Team, Incident.assigned_team_id == Team.id)
                .where(Incident.id.in_(chunk))
            )
            for row in session.execute(query):
                found[row[0]] = JournalRow(
                    id=row[0],
                    reference=row[1],
                    received_at=row[2],
                    sector=row[3],
                    category=Category(row[4]),
                    priority=Priority(row[5]),
                    status=Status(row[6]),
                    team=row[7],
                    outcome=Outcome(row[8]) if row[8] is not None else None,
                )
    return [found[incident_id] for incident_id in ids if incident_id in found]
