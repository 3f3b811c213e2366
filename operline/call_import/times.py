"""The times of the call log: ``dd/mm/yyyy hh:mm`` or ISO 8601, Paris time without offset.

A Paris wall-clock time of the missing spring hour names no instant: refused. One of the
repeated autumn hour names two: the first is taken, and the import says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from operline.paris_time import (
    FIRST_YEAR,
    LAST_YEAR,
    PARIS,
    LocalTimeError,
    TimeProblem,
    is_ambiguous,
    is_nonexistent,
)
from operline.sentences import QT_TRANSLATE_NOOP

_FRENCH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?")

AMBIGUOUS = QT_TRANSLATE_NOOP(
    "CallImport",
    "{local} happens twice in Paris (the clocks go back that night): read as the first, {instant}",
)


@dataclass(frozen=True)
class ReadTime:
    """An instant of the file, in UTC, and whether its wall-clock time happened twice."""

    instant: datetime
    ambiguous: bool = False


def read_time(text: str) -> ReadTime:
    """The instant ``text`` names; raises TimeProblem with the reason when it names none."""
    local = _parse(text.strip())
    if not FIRST_YEAR <= local.year <= LAST_YEAR:
        raise TimeProblem(
            QT_TRANSLATE_NOOP(
                "CallImport", "{text} is out of the years Operline handles ({first} to {last})"
            ),
            text=repr(text.strip()),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    if local.tzinfo is not None:
        return ReadTime(local.astimezone(UTC))
    if is_nonexistent(local):
        raise LocalTimeError(local, "nonexistent")
    ambiguous = is_ambiguous(local)
    return ReadTime(local.replace(tzinfo=PARIS, fold=0).astimezone(UTC), ambiguous)


def _parse(text: str) -> datetime:
    match = _FRENCH.fullmatch(text)
    try:
        if match is not None:
            day, month, year, hour, minute, second = match.groups()
            return datetime(
                int(year), int(month), int(day), int(hour), int(minute), int(second or 0)
            )
        if "-" in text[:8] and len(text) > 10:  # ISO 8601, with a time of day
            return datetime.fromisoformat(text)
    except ValueError:
        pass
    raise TimeProblem(
        QT_TRANSLATE_NOOP(
            "CallImport",
            "{text} is not a date and time (expected e.g. 23/11/2024 14:05 or "
            "2024-11-23T14:05, Paris time, or with an offset: 2024-11-23T14:05+01:00)",
        ),
        text=repr(text),
    )
