"""What the call form proposes as the operator types: services and places already seen.

The form asks at every new call and every sector chosen, so nothing here recounts the
history: the write that logs a call adds its service and its place to two small tables in
the same transaction (``count_suggestions``), and the form reads them in weight order
through an index, stopping at ``LIMIT``: the cost stays flat whatever the history holds.

A use weighs less as it ages (half as much every ``HALF_LIFE``), so a renamed service or a
better spelling of a place climbs to the top within weeks; a spelling not seen for
``LOOKBACK`` is no longer proposed, and the next call logged deletes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import Insert, Table, case, delete, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.db.models import CallerSuggestion, LocationSuggestion

LOOKBACK = timedelta(days=180)
LIMIT = 200
HALF_LIFE = timedelta(days=30)
#: A weight is the sum over uses of 2 ** ((at - EPOCH) / HALF_LIFE). A call adds its own
#: in one atomic upsert (two desks counting the same name at once both count), stored
#: weights never need rescaling as time passes, and comparing two weights compares the
#: faded counts at any instant. A double holds this scale for about 80 years either side
#: of the epoch; beyond, weights are clamped and merely stop fading.
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
_MAX_EXPONENT = 1000.0

_Key = TypeVar("_Key", str, tuple[int, str])

_CALLERS: Table = CallerSuggestion.__table__  # type: ignore[assignment]
_LOCATIONS: Table = LocationSuggestion.__table__  # type: ignore[assignment]


def use_weight(at: datetime) -> float:
    """What one use at ``at`` adds to a suggestion's weight."""
    exponent = (at - EPOCH) / HALF_LIFE
    return float(2.0 ** max(-_MAX_EXPONENT, min(_MAX_EXPONENT, exponent)))


def known_callers(database: Database, *, now: datetime) -> list[str]:
    """Calling services of recent calls, the most used lately first."""
    query = (
        select(CallerSuggestion.name)
        .where(CallerSuggestion.last_seen >= now - LOOKBACK)
        .order_by(CallerSuggestion.weight.desc(), CallerSuggestion.name)
        .limit(LIMIT)
    )
    with database.read() as session:
        return list(session.scalars(query))


def known_locations(database: Database, sector_id: int, *, now: datetime) -> list[str]:
    """Places already logged in a sector recently, the most used lately first."""
    query = (
        select(LocationSuggestion.name)
        .where(
            LocationSuggestion.sector_id == sector_id,
            LocationSuggestion.last_seen >= now - LOOKBACK,
        )
        .order_by(LocationSuggestion.weight.desc(), LocationSuggestion.name)
        .limit(LIMIT)
    )
    with database.read() as session:
        return list(session.scalars(query))


def count_suggestions(
    session: Session,
    *,
    sector_id: int,
    caller_service: str | None,
    location: str | None,
    at: datetime,
    now: datetime,
) -> None:
    """Count a call's service and place, inside the transaction that writes the call.

    Faded spellings go first: every writer takes its row locks in the same order
    (old callers, old places, then its own two rows), so two desks never deadlock.
    """
    forget_faded(session, now=now)
    weight = use_weight(at)
    if caller_service:
        _add_use(session, _CALLERS, {"name": caller_service}, at, weight)
    if location:
        _add_use(session, _LOCATIONS, {"sector_id": sector_id, "name": location}, at, weight)


def forget_faded(session: Session, *, now: datetime) -> None:
    """Delete the spellings not seen for ``LOOKBACK``: nobody is offered them any more."""
    cutoff = now - LOOKBACK
    session.execute(delete(CallerSuggestion).where(CallerSuggestion.last_seen < cutoff))
    session.execute(delete(LocationSuggestion).where(LocationSuggestion.last_seen < cutoff))


class SuggestionTally:
    """Suggestions counted in memory while many calls are loaded at once, written at the end."""

    def __init__(self) -> None:
        self._callers: dict[str, tuple[float, int, datetime]] = {}
        self._locations: dict[tuple[int, str], tuple[float, int, datetime]] = {}

    def add(
        self, *, sector_id: int, caller_service: str | None, location: str | None, at: datetime
    ) -> None:
        weight = use_weight(at)
        if caller_service:
            _tally(self._callers, caller_service, weight, at)
        if location:
            _tally(self._locations, (sector_id, location), weight, at)

    def write(self, session: Session) -> None:
        """Add the counts to the tables (a few statements whatever the number of calls)."""
        callers = [
            {"name": name, "weight": weight, "uses": uses, "last_seen": last}
            for name, (weight, uses, last) in self._callers.items()
        ]
        locations = [
            {"sector_id": sector, "name": name, "weight": weight, "uses": uses, "last_seen": last}
            for (sector, name), (weight, uses, last) in self._locations.items()
        ]
        for table, rows, keys in (
            (_CALLERS, callers, ("name",)),
            (_LOCATIONS, locations, ("sector_id", "name")),
        ):
            if rows:
                session.execute(_upsert(session, table, keys), rows)


def _tally(
    counts: dict[_Key, tuple[float, int, datetime]], key: _Key, weight: float, at: datetime
) -> None:
    seen = counts.get(key)
    if seen is None:
        counts[key] = (weight, 1, at)
    else:
        counts[key] = (seen[0] + weight, seen[1] + 1, max(seen[2], at))


def _add_use(
    session: Session, table: Table, keys: Mapping[str, object], at: datetime, weight: float
) -> None:
    row = {**keys, "weight": weight, "uses": 1, "last_seen": at}
    session.execute(_upsert(session, table, tuple(keys)), row)


def _upsert(session: Session, table: Table, keys: tuple[str, ...]) -> Insert:
    """INSERT … ON CONFLICT DO UPDATE adding the new uses: one atomic statement per row."""
    dialect = session.get_bind().dialect.name
    statement = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(table)
    new = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=list(keys),
        set_={
            "weight": table.c.weight + new.weight,
            "uses": table.c.uses + new.uses,
            "last_seen": case(
                (new.last_seen > table.c.last_seen, new.last_seen), else_=table.c.last_seen
            ),
        },
    )
