"""Every dialog of the board, in French at its default size: its title and texts fit."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import Clock, log, make_live_desk, open_board, press, route

#: What a window manager's title bar keeps for its icon and buttons.
_TITLE_BAR_BUTTONS = 140


def fits(dialog: QDialog) -> list[str]:
    """What of the dialog would be cut: its title in the title bar, a label's single line."""
    cut = []
    title = dialog.windowTitle()
    if dialog.fontMetrics().horizontalAdvance(title) > dialog.width() - _TITLE_BAR_BUTTONS:
        cut.append(title)
    for label in dialog.findChildren(QLabel):
        if label.isVisible() and not label.wordWrap() and label.text():
            wanted = label.fontMetrics().horizontalAdvance(label.text().replace("&", ""))
            if wanted > label.width() + 1 and "<" not in label.text():
                cut.append(label.text())
    return cut


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_C, Qt.Key.Key_R, Qt.Key.Key_N])
def test_each_dialog_of_the_board_fits_in_french(
    qtbot: QtBot, live_desk: Desk, key: Qt.Key
) -> None:
    incident = log(live_desk, 20, location="Angle rue d'Aubervilliers et quai de la Seine")
    route(live_desk, incident, 18)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, key)
    dialog = board.keys.dialog
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    shots = os.environ.get("OPERLINE_DIALOG_SHOTS")
    if shots:
        dialog.grab().save(f"{shots}/{dialog.objectName() or key.name}.png")
    assert fits(dialog) == []
