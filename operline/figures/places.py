"""The places of a sector that calls come back to: the repeat locations the GPO asks about.

Operators type places freely, so "Rue d'Aubervilliers", "rue d’aubervilliers " and
"RUE D'AUBERVILLIERS" are one place: places are compared after folding case, accents,
spaces and punctuation. The database counts the calls by the text as typed (a sector has
a few hundred spellings at most); the spellings are then merged here, and each place is
named by its most frequent spelling (the first typed, on a tie).

The count walks the index of a sector's places (sector, place, time) from one spelling to
the next, then counts each spelling's calls in the period as one range of that index:
a few seeks a spelling and the calls counted inside the index, where grouping the
period's calls by their text read every call's row and sorted them all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from operline.db.types import UTCDateTime
from operline.names import fold_name

#: The places shown, most calls first.
REPEAT_PLACES_SHOWN = 10

_NOT_LETTERS = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class RepeatPlace:
    """A place of a sector and how many calls came from it."""

    place: str
    calls: int


def fold_place(text: str) -> str:
    """The form two places are compared in: no case, accents, punctuation or extra spaces."""
    return " ".join(_NOT_LETTERS.sub(" ", fold_name(text)).split())


def repeat_places(
    session: Session,
    sector_id: int,
    start: datetime,
    end: datetime,
    *,
    limit: int = REPEAT_PLACES_SHOWN,
) -> list[RepeatPlace]:
    """The places of a sector with two calls or more in ``[start, end)``, most first."""
    rows = session.execute(_SPELLINGS_COUNTED, {"sector": sector_id, "start": start, "end": end})
    ordered = sorted((row for row in rows if row.calls), key=lambda row: row.first_at)
    return merge_spellings(((row.location, int(row.calls)) for row in ordered), limit=limit)


# The same on SQLite and PostgreSQL; each subquery is a seek or a range of the partial
# index ix_incident_sector_location (sector_id, location, received_at).
_IN_PERIOD = (
    "FROM incident WHERE sector_id = :sector AND location = spelling.location "
    "AND received_at >= :start AND received_at < :end"
)
_SPELLINGS_COUNTED = (
    sa.text(
        "WITH RECURSIVE spelling(location) AS ("
        "SELECT min(location) FROM incident "
        "WHERE sector_id = :sector AND location IS NOT NULL "
        "UNION ALL "
        "SELECT (SELECT min(later.location) FROM incident AS later "
        "WHERE later.sector_id = :sector AND later.location IS NOT NULL "
        "AND later.location > spelling.location) "
        "FROM spelling WHERE spelling.location IS NOT NULL) "
        f"SELECT location, (SELECT count(*) {_IN_PERIOD}) AS calls, "
        f"(SELECT min(received_at) {_IN_PERIOD}) AS first_at "
        "FROM spelling WHERE location IS NOT NULL"
    )
    .bindparams(
        sa.bindparam("sector", type_=sa.Integer()),
        sa.bindparam("start", type_=UTCDateTime()),
        sa.bindparam("end", type_=UTCDateTime()),
    )
    .columns(location=sa.String(), calls=sa.Integer(), first_at=UTCDateTime())
)


def merge_spellings(
    spellings: Iterable[tuple[str, int]], *, limit: int = REPEAT_PLACES_SHOWN
) -> list[RepeatPlace]:
    """Calls per spelling merged into calls per place; places seen once are left out.

    Spellings come in the order they were first typed, which settles a tie.
    """
    totals: Counter[str] = Counter()
    names: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text, count in spellings:
        key = fold_place(text)
        if not key:
            continue
        totals[key] += count
        names[key][" ".join(text.split())] += count
    places = [
        RepeatPlace(_most_typed(names[key]), calls) for key, calls in totals.items() if calls >= 2
    ]
    places.sort(key=lambda place: (-place.calls, fold_place(place.place)))
    return places[:limit]


def _most_typed(spellings: Counter[str]) -> str:
    # A Counter keeps the order spellings came in: the first typed wins a tie.
    return max(spellings.items(), key=lambda item: item[1])[0]
