"""Room to spare for longer wording: the window still fits a 1366-pixel desk screen.

A pseudo-translation makes every French text 30 % longer; a text that would be cut or
push the window past the screen shows up here before a translator rewords anything.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui.language import install_language, translation_file
from operline.ui.main_window import MainWindow

from .conftest import NOW

DESK_SCREEN_WIDTH = 1366
MARK = "·"


class StretchedFrench(QTranslator):
    """French made 30 % longer, marked so a stretched text is easy to spot."""

    def __init__(self) -> None:
        super().__init__()
        self._data = translation_file("fr")
        assert self._data is not None
        self._french = QTranslator()
        assert self._french.load(self._data)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        french = self._french.translate(context, source, disambiguation, n) or source
        return french + MARK * (len(french) * 3 // 10)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def stretched(qapp: object) -> Iterator[None]:
    locale = install_language("fr")  # French dates and Qt's own French texts
    translator = StretchedFrench()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
        locale.uninstall()


@pytest.mark.usefixtures("stretched")
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
