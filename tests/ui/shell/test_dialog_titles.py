"""Every dialog of the window's menus, in French at its default size: nothing is cut."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.operators import add_operator
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from tests.actors import COMMAND_LINE
from tests.ui.board.test_dialog_titles import fits
from tests.ui.conftest import NOW
from tests.ui.shell.test_main_window import window as main_window


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> MainWindow:
    return main_window.__wrapped__(qtbot, sqlite_database)  # type: ignore[attr-defined, no-any-return]


@pytest.mark.parametrize(
    "action",
    [
        "sign_in_action",
        "go_to_call_action",
        "edit_roster_action",
        "settings_action",
        "gpo_export_action",
        "shortcuts_action",
        "about_action",
    ],
)
def test_each_dialog_of_the_menus_fits_in_french(
    qtbot: QtBot,
    french: InstalledLanguage,
    window: MainWindow,
    sqlite_database: Database,
    action: str,
) -> None:
    boss = add_operator(
        sqlite_database, "Zoé Martin", OperatorRole.ADMINISTRATOR, actor=COMMAND_LINE, now=NOW
    )
    window.session.set_operator(boss)
    seen: list[tuple[str, list[str]]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, look)
            return
        shots = os.environ.get("OPERLINE_DIALOG_SHOTS")
        if shots:
            dialog.grab().save(f"{shots}/{action}.png")
        seen.append((dialog.windowTitle(), fits(dialog)))
        dialog.reject()

    QTimer.singleShot(0, look)
    getattr(window, action).trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    [(title, cut)] = seen
    assert title
    assert cut == []
