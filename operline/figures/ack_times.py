"""How long teams took to acknowledge calls: the median and the 90th percentile.

PostgreSQL computes the percentiles itself (``percentile_cont``). SQLite has no such
function, and grouping the week's calls by delay made it sort them all (most of the
figures' time): it lists each sector's delays in whole seconds in one string instead,
read from the partial index of acknowledged calls in the index's own order, and the
percentiles are read here from the sorted delays, with the same interpolation as
``percentile_cont``. Delays are timed to the second on SQLite, to the microsecond on
PostgreSQL: the desk reads them in minutes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from operline.db.models import Incident, Sector

MEDIAN = 0.5
NINETIETH = 0.9


@dataclass(frozen=True, slots=True)
class AckTimes:
    """Delays from reception to a team's acknowledgement, of the calls acknowledged."""

    #: How many calls were acknowledged (the others have no delay yet).
    acknowledged: int
    median: timedelta | None
    ninetieth: timedelta | None


NO_ACK = AckTimes(0, None, None)


def percentile_of_sorted(values: Sequence[float], fraction: float) -> float | None:
    """``percentile_cont`` of values sorted in ascending order; None if there are none."""
    if not values:
        return None
    position = (len(values) - 1) * fraction
    below = int(position)
    low, high = values[below], values[min(below + 1, len(values) - 1)]
    return low + (high - low) * (position - below)


def ack_times_by_sector(
    session: Session, start: datetime, end: datetime, *, sector_id: int | None = None
) -> dict[int, AckTimes]:
    """The acknowledgement delays of the calls received in ``[start, end)``, per sector."""
    acknowledged = [
        Incident.received_at >= start,
        Incident.received_at < end,
        Incident.acknowledged_at.is_not(None),
    ]
    if session.get_bind().dialect.name == "postgresql":
        if sector_id is not None:
            acknowledged.append(Incident.sector_id == sector_id)
        return _computed_by_server(session, acknowledged)
    # Every sector asked for by name keeps SQLite on each sector's range of the partial
    # index of acknowledged calls, rather than on the week's rows one by one.
    acknowledged.append(
        Incident.sector_id.in_(select(Sector.id).scalar_subquery())
        if sector_id is None
        else Incident.sector_id == sector_id
    )
    return _read_from_counts(session, acknowledged)


def _computed_by_server(session: Session, acknowledged: list[Any]) -> dict[int, AckTimes]:
    delay = func.extract("epoch", Incident.acknowledged_at - Incident.received_at)
    rows = session.execute(
        select(
            Incident.sector_id,
            func.count(),
            func.percentile_cont(MEDIAN).within_group(delay),
            func.percentile_cont(NINETIETH).within_group(delay),
        )
        .where(*acknowledged)
        .group_by(Incident.sector_id)
    )
    return {
        sector: AckTimes(int(count), _seconds(median), _seconds(ninetieth))
        for sector, count, median, ninetieth in rows
    }


def _read_from_counts(session: Session, acknowledged: list[Any]) -> dict[int, AckTimes]:
    seconds = cast(
        func.round(
            (func.julianday(Incident.acknowledged_at) - func.julianday(Incident.received_at))
            * 86400
        ),
        Integer,
    )
    # Grouped by sector alone, the groups come in the index's order: nothing is sorted.
    rows = session.execute(
        select(Incident.sector_id, func.group_concat(seconds))
        .where(*acknowledged)
        .group_by(Incident.sector_id)
    )
    found = {}
    for sector, listed in rows:
        delays = sorted(map(int, str(listed).split(",")))
        found[sector] = AckTimes(
            len(delays),
            _seconds(percentile_of_sorted(delays, MEDIAN)),
            _seconds(percentile_of_sorted(delays, NINETIETH)),
        )
    return found


def _seconds(value: float | None) -> timedelta | None:
    return None if value is None else timedelta(seconds=round(float(value), 3))
