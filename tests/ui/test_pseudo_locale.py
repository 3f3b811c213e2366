"""Room to spare for longer wording: the window still fits a 1366-pixel desk screen.

A pseudo-translation makes every French text 30 % longer; a text that would be cut or
push the window past the screen shows up here before a translator rewords anything.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui.shell.main_window import MainWindow

from .conftest import DESK_SCREEN_WIDTH, MARK, NOW


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_the_desk_screen(qtbot: QtBot, sqlite_database: Database) -> None:
    window = MainWindow(sqlite_database, actor="test", clock=lambda: NOW)
    qtbot.addWidget(window)
    window.resize(DESK_SCREEN_WIDTH, 768)
    with qtbot.waitExposed(window):
        window.show()

    title = window.findChild(QLabel, "journalTitle")
    assert title.text().endswith(MARK)  # the pseudo-translation is in force
    assert window.minimumSizeHint().width() <= DESK_SCREEN_WIDTH
    assert window.width() == DESK_SCREEN_WIDTH
    for widget in [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]:
        if widget.isVisible() and widget.text():
            needed = widget.sizeHint().width()
            assert widget.width() >= needed, (widget.objectName(), widget.text())
