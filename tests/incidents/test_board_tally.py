"""What the board keeps up to date call by call agrees with counting the whole board again.

The counts per sector move by the one call a stage changed, and the next change of
colour is found by bisection; on any board and any sequence of changes, both must say
what a count of every open call says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from operline.codes import Category, Priority, Status
from operline.incidents.board_tally import BoardTally, SectorCounts
from operline.incidents.live_board import (
    Alert,
    BoardIncident,
    alert_changes_at,
    alert_for,
    next_alert_change,
)
from operline.settings import DeskSettings
from tests.incidents.conftest import NOW

SETTINGS = DeskSettings()

#: A call: urgent or not, minutes waited, acknowledged or not, its sector.
calls = st.tuples(
    st.booleans(),
    st.integers(min_value=0, max_value=45),
    st.booleans(),
    st.integers(min_value=1, max_value=4),
)


def board_of(described: list[tuple[bool, int, bool, int]]) -> list[BoardIncident]:
    """Board incidents in the board's order: urgent first, then oldest, then first logged."""
    incidents = [
        incident(number, urgent=urgent, waited=waited, acknowledged=acknowledged, sector=sector)
        for number, (urgent, waited, acknowledged, sector) in enumerate(described, start=1)
    ]
    return sorted(incidents, key=lambda i: (0 if i.urgent else 1, i.received_at, i.incident_id))


def incident(
    number: int, *, urgent: bool, waited: int, acknowledged: bool, sector: int
) -> BoardIncident:
    received = NOW - timedelta(minutes=waited)
    acknowledged_at = received + timedelta(minutes=1) if acknowledged else None
    return BoardIncident(
        incident_id=number,
        reference=f"OPL-2026-{number:06d}",
        received_at=received,
        priority=Priority.URGENT if urgent else Priority.NORMAL,
        category=Category.DISTRESS,
        status=Status.ACKNOWLEDGED if acknowledged else Status.ROUTED,
        sector_id=sector,
        sector=f"Secteur {sector}",
        location=None,
        persons=1,
        team_id=None,
        team=None,
        acknowledged_at=acknowledged_at,
        version=1,
        alert=alert_for(
            urgent=urgent,
            received_at=received,
            acknowledged_at=acknowledged_at,
            now=NOW,
            settings=SETTINGS,
        ),
    )


def counted(incidents: list[BoardIncident]) -> dict[int, SectorCounts]:
    """The counts as a look at every call gives them."""
    open_calls = Counter(i.sector_id for i in incidents)
    late = Counter(i.sector_id for i in incidents if i.alert is Alert.AMBER)
    very_late = Counter(i.sector_id for i in incidents if i.alert is Alert.RED)
    return {s: SectorCounts(n, late[s], very_late[s]) for s, n in open_calls.items()}


def soonest(incidents: list[BoardIncident]) -> datetime | None:
    """The next change of colour as a look at every call finds it."""
    moments = [
        moment
        for i in incidents
        if i.acknowledged_at is None
        and (
            moment := alert_changes_at(
                urgent=i.urgent, received_at=i.received_at, now=NOW, settings=SETTINGS
            )
        )
        is not None
    ]
    return min(moments, default=None)


@settings(max_examples=300, deadline=None)
@given(st.lists(calls, max_size=30))
def test_the_next_change_of_colour_is_the_soonest_of_every_call(
    described: list[tuple[bool, int, bool, int]],
) -> None:
    incidents = board_of(described)

    assert next_alert_change(incidents, now=NOW, settings=SETTINGS) == soonest(incidents)


def test_the_next_change_skips_the_acknowledged_calls_and_the_calls_already_red() -> None:
    incidents = board_of(
        [
            (True, 12, False, 1),  # urgent, red: will not change again
            (True, 3, True, 1),  # urgent, acknowledged: never changes
            (True, 2, False, 1),  # urgent: amber in 3 minutes
            (False, 20, False, 2),  # amber: red in 10 minutes
        ]
    )

    assert next_alert_change(incidents, now=NOW, settings=SETTINGS) == NOW + timedelta(minutes=3)
    assert next_alert_change([], now=NOW, settings=SETTINGS) is None
    red_or_acknowledged = [i for i in incidents if i.alert is Alert.RED or i.acknowledged_at]
    assert next_alert_change(red_or_acknowledged, now=NOW, settings=SETTINGS) is None


@settings(max_examples=200, deadline=None)
@given(
    st.lists(calls, min_size=1, max_size=20),
    st.lists(
        st.tuples(st.integers(min_value=0), calls, st.sampled_from(["stage", "close", "open"])),
        max_size=20,
    ),
)
def test_counts_moved_call_by_call_are_the_counts_of_the_whole_board(
    described: list[tuple[bool, int, bool, int]],
    changes: list[tuple[int, tuple[bool, int, bool, int], str]],
) -> None:
    board = board_of(described)
    tally = BoardTally(board)
    next_number = len(board) + 1
    for pick, (urgent, waited, acknowledged, sector), kind in changes:
        if kind == "open" or not board:
            fresh = incident(
                next_number, urgent=urgent, waited=waited, acknowledged=acknowledged, sector=sector
            )
            next_number += 1
            board.append(fresh)
            tally.add(fresh)
            continue
        at = pick % len(board)
        shown = board[at]
        if kind == "close":
            del board[at]
            tally.remove(shown)
            continue
        # A stage, a new team or a correction: the level and the sector may change.
        alert = alert_for(
            urgent=shown.urgent,
            received_at=shown.received_at,
            acknowledged_at=NOW if acknowledged else None,
            now=NOW + timedelta(minutes=waited),
            settings=SETTINGS,
        )
        changed = replace(shown, sector_id=sector, alert=alert, version=shown.version + 1)
        board[at] = changed
        tally.replace(shown, changed)

        assert tally.per_sector() == counted(board)
    assert tally.per_sector() == counted(board)
    assert tally.open_calls == len(board)
    assert tally.late == sum(1 for i in board if i.alert is not Alert.NONE)
