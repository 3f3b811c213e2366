"""What the call form proposes as the operator types: services and places already seen."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from operline.db.engine import Database
from operline.db.models import Incident

#: Suggestions come from recent calls: the index on received_at keeps this quick on
#: years of history, and old spellings fade out.
LOOKBACK = timedelta(days=180)
LIMIT = 200


def known_callers(database: Database, *, now: datetime) -> list[str]:
    """Calling services of recent calls, most frequent first."""
    count = func.count()
    query = (
        select(Incident.caller_service, count)
        .where(Incident.received_at >= now - LOOKBACK, Incident.caller_service.is_not(None))
        .group_by(Incident.caller_service)
        .order_by(count.desc(), Incident.caller_service)
        .limit(LIMIT)
    )
    with database.read() as session:
        return [name for name, _ in session.execute(query) if name]


def known_locations(database: Database, sector_id: int, *, now: datetime) -> list[str]:
    """Places already logged in a sector recently, most frequent first."""
    count = func.count()
    query = (
        select(Incident.location, count)
        .where(
            Incident.sector_id == sector_id,
            Incident.received_at >= now - LOOKBACK,
            Incident.location.is_not(None),
        )
        .group_by(Incident.location)
        .order_by(count.desc(), Incident.location)
        .limit(LIMIT)
    )
    with database.read() as session:
        return [place for place, _ in session.execute(query) if place]
