"""The places of a sector that calls come back to: the repeat locations the GPO asks about.

Operators type places freely, so "Rue d'Aubervilliers", "rue d’aubervilliers " and
"RUE D'AUBERVILLIERS" are one place: places are compared after folding case, accents,
spaces and punctuation. The database groups the calls by the text as typed (a sector has
a few hundred spellings at most); the spellings are then merged here, and each place is
named by its most frequent spelling (the first typed, on a tie).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.db.models import Incident
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
    rows = session.execute(
        select(Incident.location, func.count(), func.min(Incident.received_at))
        .where(
            Incident.sector_id == sector_id,
            Incident.received_at >= start,
            Incident.received_at < end,
            Incident.location.is_not(None),
        )
        .group_by(Incident.location)
    )
    ordered = sorted(rows, key=lambda row: row[2])
    return merge_spellings(((text or "", int(count)) for text, count, _ in ordered), limit=limit)


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
