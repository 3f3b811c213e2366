"""A note added from the board that looks identifying: shown first, recorded when asked twice."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import IncidentEvent
from operline.ui.board.stage_dialogs import NoteDialog
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import Clock, log, make_live_desk, open_board, press
from tests.ui.desk_helpers import type_into


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


def _notes(desk: Desk) -> list[str | None]:
    with desk.database.read() as session:
        return list(
            session.scalars(select(IncidentEvent.new_value).where(IncidentEvent.kind == "note"))
        )


@pytest.mark.usefixtures("english")
def test_a_phone_in_a_note_is_selected_then_recorded_only_at_a_second_ctrl_enter(
    qtbot: QtBot, live_desk: Desk
) -> None:
    log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    press(qtbot, board, Qt.Key.Key_N)
    dialog = board.keys.dialog
    assert isinstance(dialog, NoteDialog)
    type_into(dialog.text, "Frère joignable au 06 12 34 56 78")
    assert dialog.warning.text() == (
        "This note seems to hold a phone number (06 12 34 56 78): remove it."
    )

    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert board.keys.dialog is dialog
    assert _notes(live_desk) == []
    assert dialog.text.textCursor().selectedText() == "06 12 34 56 78"
    assert dialog.warning.text().startswith(
        "This note seems to hold a phone number (06 12 34 56 78): remove it, or press"
    )
    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _notes(live_desk) == ["Frère joignable au 06 12 34 56 78"])


@pytest.mark.usefixtures("english")
def test_a_note_with_the_piece_removed_is_recorded_at_once(qtbot: QtBot, live_desk: Desk) -> None:
    log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    press(qtbot, board, Qt.Key.Key_N)
    dialog = board.keys.dialog
    assert isinstance(dialog, NoteDialog)
    type_into(dialog.text, "Vu par Mme Martin")
    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, dialog, Qt.Key.Key_Delete)
    type_into(dialog.text, "la maraude")
    assert dialog.warning.text() == "No name, no identity: only what the coordination needs."

    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: _notes(live_desk) == ["Vu par la maraude"])
