"""The summary and hot spots of the GPO export, counted from the rows of the incidents file.

Counting the rows as they are written, rather than asking the database a second time,
makes the summary a sum over the incidents file by construction: the GPO can check one
against the other in its spreadsheet and find the same numbers.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

from operline.codes import Outcome
from operline.figures.ack_times import MEDIAN, NINETIETH, percentile_of_sorted
from operline.figures.places import fold_place

SUMMARY_COLUMNS = (
    "sector",
    "calls",
    "urgent",
    "no_team_on_duty",
    "routed",
    "acknowledged",
    "closed",
    "still_open",
    "median_minutes_to_acknowledge",
    "p90_minutes_to_acknowledge",
    *(outcome.value for outcome in Outcome),
)
HOTSPOT_COLUMNS = ("sector", "location", "calls", "calls_previous_week")
#: How many hot spots the file lists.
HOTSPOTS = 20
TOTAL = "TOTAL"


@dataclass
class SectorTally:
    """What one sector's calls of the week add up to."""

    calls: int = 0
    urgent: int = 0
    no_team: int = 0
    routed: int = 0
    acknowledged: int = 0
    closed: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    #: Seconds from reception to acknowledgement, a call each.
    ack_seconds: list[float] = field(default_factory=list)

    def add(self, other: SectorTally) -> None:
        self.calls += other.calls
        self.urgent += other.urgent
        self.no_team += other.no_team
        self.routed += other.routed
        self.acknowledged += other.acknowledged
        self.closed += other.closed
        self.outcomes.update(other.outcomes)
        self.ack_seconds.extend(other.ack_seconds)

    def cells(self, name: str) -> list[object]:
        delays = sorted(self.ack_seconds)
        return [
            name,
            self.calls,
            self.urgent,
            self.no_team,
            self.routed,
            self.acknowledged,
            self.closed,
            self.calls - self.closed,
            _minutes(percentile_of_sorted(delays, MEDIAN)),
            _minutes(percentile_of_sorted(delays, NINETIETH)),
            *(self.outcomes[outcome.value] for outcome in Outcome),
        ]


def _minutes(seconds: float | None) -> int | str:
    if seconds is None:
        return ""
    return max(0, round(timedelta(seconds=seconds) / timedelta(minutes=1)))


class WeekTally:
    """The week's calls counted per sector, and per place of each sector."""

    def __init__(self) -> None:
        self.sectors: dict[int, SectorTally] = defaultdict(SectorTally)
        self.names: dict[int, str] = {}
        self.places: Counter[tuple[int, str]] = Counter()
        self.spellings: defaultdict[tuple[int, str], Counter[str]] = defaultdict(Counter)
        #: Each place as typed, folded once: a week types the same few hundred again.
        self.folded: dict[str, tuple[str, str]] = {}

    # Called once a row of a week of calls: positional arguments, the cheapest call.
    def count(
        self,
        sector_id: int,
        sector: str,
        place: str,
        urgent: bool,
        no_team: bool,
        routed: bool,
        ack_seconds: float | None,
        closed: bool,
        outcome: str | None,
    ) -> None:
        """Count one call, as its row of the incidents file shows it."""
        tally = self.sectors[sector_id]
        self.names[sector_id] = sector
        tally.calls += 1
        tally.urgent += urgent
        tally.no_team += no_team
        tally.routed += routed
        tally.closed += closed
        if ack_seconds is not None:
            tally.acknowledged += 1
            tally.ack_seconds.append(ack_seconds)
        if outcome:
            tally.outcomes[outcome] += 1
        if place:
            known = self.folded.get(place)
            if known is None:
                known = self.folded[place] = (fold_place(place), " ".join(place.split()))
            key, spelling = known
            if key:
                self.places[sector_id, key] += 1
                self.spellings[sector_id, key][spelling] += 1

    def summary_lines(self, sectors: Iterable[tuple[int, str]]) -> Iterator[list[object]]:
        """The summary file: each sector given (the active ones, in the desk's order), then
        any other sector that had calls (retired since), then the total."""
        yield list(SUMMARY_COLUMNS)
        shown = list(sectors)
        listed = {sector_id for sector_id, _ in shown}
        shown += sorted(
            (
                (sector_id, self.names[sector_id])
                for sector_id in self.sectors
                if sector_id not in listed
            ),
            key=lambda item: (item[1], item[0]),
        )
        total = SectorTally()
        for sector_id, name in shown:
            tally = self.sectors.get(sector_id, SectorTally())
            total.add(tally)
            yield tally.cells(name)
        yield total.cells(TOTAL)

    def hotspot_lines(
        self, previous: Counter[tuple[int, str]], sector_names: dict[int, str]
    ) -> Iterator[list[object]]:
        """The places with the most calls of the week, with their calls the week before."""
        yield list(HOTSPOT_COLUMNS)
        order = {sector_id: position for position, sector_id in enumerate(sector_names)}
        ranked = sorted(
            self.places.items(),
            key=lambda item: (-item[1], order.get(item[0][0], len(order)), item[0][1]),
        )
        for (sector_id, key), calls in ranked[:HOTSPOTS]:
            spelling = max(self.spellings[sector_id, key].items(), key=lambda item: item[1])[0]
            name = sector_names.get(sector_id, self.names[sector_id])
            yield [name, spelling, calls, previous[sector_id, key]]
