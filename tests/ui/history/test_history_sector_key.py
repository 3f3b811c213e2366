"""From the history, one key opens the view of the selected call's sector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.ui.history.model import HistoryColumn
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES
from tests.ui.figures.test_figures_screens import window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


def _press(qtbot: QtBot, shown: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(shown.windowHandle(), key, modifier)


def test_f4_on_a_call_of_the_history_opens_its_sector_s_view(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    _press(qtbot, window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    history = window.history
    model = history.model
    sectors = [model.index(row, HistoryColumn.SECTOR).data() for row in range(model.rowCount())]
    row = sectors.index("Éole")
    assert window.sector_view is None
    history.table.setFocus()
    history.table.setCurrentIndex(model.index(row, HistoryColumn.REFERENCE))

    _press(qtbot, window, Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)

    view = window.sector_view
    assert view is not None
    assert view.isVisible()
    assert view.windowTitle() == "Secteur Éole"
    assert view.figures is not None
    assert view.figures.sector == "Éole"

    # Another call, another sector: the same window shows it.
    row = sectors.index("Stalingrad")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    history.table.setFocus()
    history.table.setCurrentIndex(model.index(row, HistoryColumn.REFERENCE))
    _press(qtbot, window, Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier)
    assert window.sector_view is view
    assert view.windowTitle() == "Secteur Stalingrad"


def test_f4_with_no_call_selected_says_what_to_do(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    window.show_history()
    window.history.table.setCurrentIndex(window.history.model.index(-1, 0))
    window.history.open_sector_of_selected()
    assert window.sector_view is None
    assert window.statusBar().currentMessage() == "Choisissez d'abord un appel (flèches)."


def test_the_key_is_in_the_history_menu(window: MainWindow) -> None:  # noqa: F811
    assert window.history.sector_action in window.history.actions_for_menu()
    assert window.history.sector_action.toolTip().endswith("(F4)")
