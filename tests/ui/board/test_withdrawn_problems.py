"""A problem said on the board goes away once it no longer applies, not at the next key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.operators import OperatorInfo
from operline.ui.board.live_board import LiveBoard
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import (
    Clock,
    RecordingAlarm,
    log,
    make_live_desk,
    open_board,
    operator_of,
    press,
    route,
)
from tests.ui.conftest import desk_context


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


@pytest.mark.usefixtures("english")
def test_a_refusal_about_a_call_goes_when_the_cursor_leaves_it(
    qtbot: QtBot, live_desk: Desk
) -> None:
    first = log(live_desk, 5)
    route(live_desk, first, 4)
    log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    reference = board.selected_incident().reference

    press(qtbot, board, Qt.Key.Key_T)  # routing a call already routed
    assert board.message.isVisible()
    assert board.message.text().startswith(f"{reference} is at stage Team contacted")

    board.refresh()  # a new reading keeps the cursor, and the sentence, on the same call
    assert board.message.isVisible()

    press(qtbot, board, Qt.Key.Key_Down)
    assert board.selected_incident().reference != reference
    assert not board.message.isVisible()


@pytest.mark.usefixtures("english")
def test_nobody_signed_in_goes_once_someone_signs_in(qtbot: QtBot, live_desk: Desk) -> None:
    log(live_desk, 3)
    signed_in: list[OperatorInfo] = []
    board = LiveBoard(
        desk_context(live_desk.database, Clock(NOW), lambda: signed_in[0] if signed_in else None),
        alarm=RecordingAlarm(),
    )
    qtbot.addWidget(board)
    with qtbot.waitActive(board):
        board.show()
        board.activateWindow()
    board.setFocus()

    press(qtbot, board, Qt.Key.Key_A)
    assert board.message.text() == "Nobody is signed in at this desk: sign in first."
    board.operator_signed_in()  # the window's session says nobody still: it stays
    assert board.message.isVisible()

    signed_in.append(operator_of(live_desk))
    board.operator_signed_in()
    assert not board.message.isVisible()
