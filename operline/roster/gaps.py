"""Coverage gaps: where a sector has no first-call team, or a team on duty cannot be phoned.

Read from the same timeline as ``on_duty_teams``, so the report and the routing agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from operline.paris_time import as_utc
from operline.roster.engine import DutySpan, Roster, duty_timeline

GapKind = Literal["no_team", "no_phone"]

#: The window reported when no end is given.
DEFAULT_WINDOW = timedelta(days=7)
#: Shorter gaps are left out: they come from shifts a few seconds apart, not real holes.
SHORTEST_GAP = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class CoverageGap:
    """``[start, end)`` in UTC where the sector lacks cover of the given kind."""

    sector_id: int
    start: datetime
    end: datetime
    kind: GapKind


def _no_team(span: DutySpan) -> bool:
    return not any(team.tier == 1 for team in span.teams)


def _no_phone(span: DutySpan) -> bool:
    return any(team.phone is None for team in span.teams)


_KINDS: tuple[tuple[GapKind, Callable[[DutySpan], bool]], ...] = (
    ("no_team", _no_team),
    ("no_phone", _no_phone),
)


def coverage_gaps(
    roster: Roster,
    sector_ids: Iterable[int],
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    now: datetime | None = None,
) -> list[CoverageGap]:
    """The gaps of each sector within ``[start, end)``, never before ``now``.

    ``start`` defaults to ``now`` and ``end`` to seven days after ``start``. ``no_team``
    means no tier-1 team on duty; ``no_phone`` means some team on duty has no phone.
    Touching gaps of a kind are merged, and gaps under a minute are left out. The list is in
    the order of ``sector_ids``, then by start, ``no_team`` before ``no_phone``.
    """
    if start is not None:
        begin = as_utc(start)
    elif now is not None:
        begin = as_utc(now)
    else:
        raise ValueError("coverage_gaps needs a start or the current instant")
    finish = as_utc(end) if end is not None else begin + DEFAULT_WINDOW
    if now is not None:
        begin = max(begin, as_utc(now))
    gaps: list[CoverageGap] = []
    if begin >= finish:
        return gaps
    for sector_id in dict.fromkeys(sector_ids):
        timeline = duty_timeline(roster, sector_id, begin, finish)
        found = [
            gap
            for kind, lacks in _KINDS
            for gap in _merged(sector_id, kind, (s for s in timeline if lacks(s)))
            if gap.end - gap.start >= SHORTEST_GAP
        ]
        gaps.extend(sorted(found, key=lambda gap: (gap.start, gap.kind != "no_team")))
    return gaps


def _merged(sector_id: int, kind: GapKind, spans: Iterable[DutySpan]) -> list[CoverageGap]:
    merged: list[CoverageGap] = []
    for span in spans:
        if merged and merged[-1].end == span.start:
            merged[-1] = CoverageGap(sector_id, merged[-1].start, span.end, kind)
        else:
            merged.append(CoverageGap(sector_id, span.start, span.end, kind))
    return merged
