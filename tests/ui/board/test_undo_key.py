"""Ctrl+Z on the board: a step keyed on the wrong call is taken back, or refused in a sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.codes import Status
from operline.db.engine import Database
from operline.incidents.events import EventKind
from operline.incidents.timeline import read_incident
from operline.settings import write_setting
from operline.ui.board.model import BoardColumn
from operline.ui.board.team_choices import CloseDialog
from operline.ui.shell.language import InstalledLanguage
from tests.actors import COMMAND_LINE
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import (
    Clock,
    column,
    log,
    make_live_desk,
    open_board,
    press,
    route,
    selected_id,
    status_of,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def live_desk(sqlite_database: Database) -> Desk:
    return make_live_desk(sqlite_database)


@pytest.mark.usefixtures("english")
def test_a_stage_keyed_by_mistake_is_undone_and_written_as_an_undo(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 2)
    route(live_desk, incident, 1)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    notices: list[str] = []
    board.notice.connect(notices.append)

    press(qtbot, board, Qt.Key.Key_A)
    assert column(board, BoardColumn.STAGE) == ["Acknowledged"]
    clock.advance(2)
    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    assert column(board, BoardColumn.STAGE) == ["Team contacted"]
    assert notices[-1].startswith("Undone: ")
    assert notices[-1].endswith("is back at stage Team contacted.")
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=clock())
    assert detail.acknowledged_at is None
    assert detail.timeline[-1].kind is EventKind.UNDO
    assert (detail.timeline[-1].old_value, detail.timeline[-1].new_value) == (
        "acknowledged",
        "routed",
    )
    # A second Ctrl+Z does not take back the routing too.
    press(qtbot, board, Qt.Key.Key_Z, CTRL)
    assert notices[-1].endswith("has no step to undo.")
    assert column(board, BoardColumn.STAGE) == ["Team contacted"]


@pytest.mark.usefixtures("english")
def test_a_call_closed_by_mistake_comes_back_on_the_board(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 2)
    route(live_desk, incident, 1)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)

    press(qtbot, board, Qt.Key.Key_C)
    closing = board.keys.dialog
    assert isinstance(closing, CloseDialog)
    press(qtbot, closing, Qt.Key.Key_1)  # taken in charge
    press(qtbot, closing, Qt.Key.Key_Return)
    assert board.model.rowCount() == 0

    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    assert column(board, BoardColumn.STAGE) == ["Team contacted"]
    assert selected_id(board) == incident
    assert status_of(live_desk, incident)[0] is Status.ROUTED


def test_too_late_or_another_operators_step_is_refused_in_french(
    qtbot: QtBot, live_desk: Desk, french: InstalledLanguage
) -> None:
    incident = log(live_desk, 2)
    route(live_desk, incident, 1)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    notices: list[str] = []
    board.notice.connect(notices.append)

    press(qtbot, board, Qt.Key.Key_A)
    before = status_of(live_desk, incident)
    clock.advance(6)
    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    assert notices[-1].endswith(
        "la dernière étape a été enregistrée à 22:00\u00a0; "
        "une étape ne s'annule que pendant 5 minutes."
    )
    assert board.message.property("problem") is True
    assert status_of(live_desk, incident) == before
    assert column(board, BoardColumn.STAGE) == ["Pris en compte"]


@pytest.mark.parametrize(("minutes", "undone"), [(2, False), (10, True)], ids=["2", "10"])
def test_the_window_is_the_one_set_in_the_desk_settings(
    qtbot: QtBot, live_desk: Desk, english: InstalledLanguage, minutes: int, undone: bool
) -> None:
    write_setting(
        live_desk.database, "desk.undo_minutes", str(minutes), actor=COMMAND_LINE, now=NOW
    )
    incident = log(live_desk, 2)
    route(live_desk, incident, 1)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    notices: list[str] = []
    board.notice.connect(notices.append)

    press(qtbot, board, Qt.Key.Key_A)
    clock.advance(6)  # past the usual five minutes
    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    if undone:
        assert column(board, BoardColumn.STAGE) == ["Team contacted"]
        assert notices[-1].startswith("Undone: ")
    else:
        assert column(board, BoardColumn.STAGE) == ["Acknowledged"]
        assert notices[-1].endswith("a step can be undone for 2 minutes only.")


def test_nothing_recorded_here_undoes_the_selected_calls_last_step(
    qtbot: QtBot, live_desk: Desk, english: InstalledLanguage
) -> None:
    incident = log(live_desk, 2)
    route(live_desk, incident, 1)  # by this operator, a minute ago, at another desk
    board = open_board(qtbot, live_desk, Clock(NOW))
    notices: list[str] = []
    board.notice.connect(notices.append)

    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    assert notices[-1].startswith("Last step undone: ")
    assert column(board, BoardColumn.STAGE) == ["Received"]
