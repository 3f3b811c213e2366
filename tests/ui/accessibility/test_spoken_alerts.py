"""A row turning amber or red is announced in words to a screen reader, not only in colour."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from tests.incidents.conftest import NOW
from tests.ui.board.test_live_board import Clock, RecordingAlarm, log, make_live_desk, open_board


@pytest.mark.usefixtures("english")
def test_amber_then_red_are_announced_once_each(qtbot: QtBot, database: Database) -> None:
    desk = make_live_desk(database)
    log(desk, 16)  # past its 15 minutes: amber
    clock = Clock(NOW)
    board = open_board(qtbot, desk, clock, alarm=RecordingAlarm())

    assert board.watch.speaker is board.table
    [amber] = board.watch.spoken
    assert "waits for a team's acknowledgement (16 min)" in amber

    board.refresh()
    assert board.watch.spoken == [amber]  # not at every refresh

    clock.advance(14)  # 30 minutes: red
    board.refresh()
    assert len(board.watch.spoken) == 2
    assert "has waited 30 min: call the next team" in board.watch.spoken[1]
