"""What the next operator takes over at a shift handover, on one screen.

The open calls, late ones first; the coverage gaps of the next hours; the places reported
full or not reported. Each part is read by the function its own screen uses (the live
board's open calls and colours, the gap warning's gaps, the call form's places), so the
handover never tells the next operator a different story from the desk's screens.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from operline.db.engine import Database
from operline.incidents.board_snapshot import BoardSnapshot, board_snapshot
from operline.incidents.live_board import Alert, BoardIncident
from operline.incidents.places import REPORT_FRESHNESS, PlaceRoom, places_with_room
from operline.names import fold_name
from operline.roster.board import UpcomingGap, upcoming_gaps
from operline.settings import DeskSettings

#: How far ahead the handover looks for coverage gaps: the shift being taken over.
HANDOVER_GAP_WINDOW = timedelta(hours=12)

#: Red before amber before in time: what waits longest past its limit comes first.
_LATENESS = {Alert.RED: 0, Alert.AMBER: 1, Alert.NONE: 2}


@dataclass(frozen=True)
class HandoverSummary:
    """The desk at an instant, as the outgoing operator hands it over."""

    at: datetime
    #: The live board as read for this summary: pass it to the next reading.
    board: BoardSnapshot
    #: Every open call: red, then amber, then the others, each in the board's order.
    calls: tuple[BoardIncident, ...]
    #: Gaps going on or starting within ``HANDOVER_GAP_WINDOW``, as the gap warning orders,
    #: standing ones (a sector with no team for a week and more) included.
    gaps: tuple[UpcomingGap, ...]
    #: Places whose latest report since ``reports_since`` says no place is free, by name.
    full_places: tuple[PlaceRoom, ...]
    #: Places with a capacity and no report since ``reports_since``, by name. A place
    #: without one (an admission pathway such as D2O) reports no free places at night:
    #: its silence is no news, and naming it would bury the places that matter.
    unreported_places: tuple[PlaceRoom, ...]
    #: How many places reported room since ``reports_since``.
    places_with_room: int

    @property
    def settings(self) -> DeskSettings:
        """The board's settings, whose limits colour the calls."""
        return self.board.settings

    @property
    def late_calls(self) -> int:
        return sum(call.alert is not Alert.NONE for call in self.calls)

    @property
    def reports_since(self) -> datetime:
        """Where "since the evening" starts: a report older says nothing about tonight.

        This is the call form's own freshness (``REPORT_FRESHNESS``, 12 hours), not a
        clock hour such as 18:00: at the morning handover it reaches back to the evening's
        reports, and the places panel of the call form never calls a place unknown that
        the handover called full, or the other way round.
        """
        return self.at - REPORT_FRESHNESS


def late_first(calls: Iterable[BoardIncident]) -> tuple[BoardIncident, ...]:
    """Red calls, then amber, then the rest, each keeping the board's order (urgent, oldest)."""
    return tuple(sorted(calls, key=lambda call: _LATENESS[call.alert]))


def handover_summary(
    database: Database, *, now: datetime, board: BoardSnapshot | None = None
) -> HandoverSummary:
    """Read what the next operator takes over at ``now``.

    ``board`` is the live board's last snapshot, or the previous summary's: the calls
    unchanged since are not built again (a thousand open calls cost more to build than
    to read), and the settings and roster are read again only if they changed.
    """
    snapshot = board_snapshot(database, now=now, previous=board)
    # Standing gaps too: the warning leaves them out, but the handover must not tell the
    # next operator that every sector has a team while the duty board shows one without.
    gaps = upcoming_gaps(database, now, within=HANDOVER_GAP_WINDOW, standing=True)
    places = places_with_room(database, now=now)
    return HandoverSummary(
        at=now,
        board=snapshot,
        calls=late_first(snapshot.incidents),
        gaps=tuple(gaps),
        full_places=tuple(sorted((p for p in places if p.has_room is False), key=_by_name)),
        unreported_places=tuple(
            sorted((p for p in places if p.has_room is None and p.capacity), key=_by_name)
        ),
        places_with_room=sum(p.has_room is True for p in places),
    )


def _by_name(place: PlaceRoom) -> str:
    # As the desk reads names: "Éole" among the E, whatever the database sorts.
    return fold_name(place.name)
