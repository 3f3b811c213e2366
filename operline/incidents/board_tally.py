"""How many calls the live board holds per sector, and how many of them are late.

The board counts them once when it reads every open call, then moves the counts by the
one call a stage changed (its row before and after), rather than counting thousands of
calls again at each key an operator presses.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from operline.incidents.live_board import Alert, BoardIncident


@dataclass(frozen=True)
class SectorCounts:
    """Open calls of a sector, and how many of them are late (amber or red)."""

    open_calls: int = 0
    late: int = 0
    very_late: int = 0


class BoardTally:
    """Open, amber and red calls per sector id, kept up to date call by call."""

    def __init__(self, incidents: Iterable[BoardIncident] = ()) -> None:
        self._open: Counter[int] = Counter()
        self._late: Counter[int] = Counter()
        self._very_late: Counter[int] = Counter()
        for incident in incidents:
            self.add(incident)

    @property
    def open_calls(self) -> int:
        return self._open.total()

    @property
    def late(self) -> int:
        """Calls late in being acknowledged, amber or red."""
        return self._late.total() + self._very_late.total()

    def add(self, incident: BoardIncident) -> None:
        """Count a call that came onto the board, as it is now."""
        self._open[incident.sector_id] += 1
        if incident.alert is Alert.AMBER:
            self._late[incident.sector_id] += 1
        elif incident.alert is Alert.RED:
            self._very_late[incident.sector_id] += 1

    def remove(self, incident: BoardIncident) -> None:
        """Uncount a call as it was counted: the row shown before its change."""
        for counter, counted in (
            (self._open, True),
            (self._late, incident.alert is Alert.AMBER),
            (self._very_late, incident.alert is Alert.RED),
        ):
            if not counted:
                continue
            counter[incident.sector_id] -= 1
            if counter[incident.sector_id] <= 0:
                del counter[incident.sector_id]  # a sector left empty is absent, as at a count

    def replace(self, shown: BoardIncident, fresh: BoardIncident) -> None:
        """A call changed: its row before no longer counts, its row after does."""
        self.remove(shown)
        self.add(fresh)

    def per_sector(self) -> dict[int, SectorCounts]:
        """The counts of each sector holding an open call."""
        return {
            sector: SectorCounts(count, self._late[sector], self._very_late[sector])
            for sector, count in self._open.items()
        }
