"""The window follows the system's light or dark scheme as it changes, and switches to high
contrast from the View menu or from the desk's setting, without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.settings import SettingRefused, write_setting
from operline.ui import palette
from operline.ui.duty.duty_board import BoardColumn
from operline.ui.palette import Colours
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner
from operline.ui.theme import desk_theme
from tests.actors import COMMAND_LINE
from tests.test_roster_board import Shift, at, fill_desk
from tests.ui.conftest import NOW, Call, store_calls


@pytest.fixture(autouse=True)
def light_afterwards(qapp: QApplication) -> Iterator[None]:
    """Every other test paints in the light scheme: put it back, whatever happened here."""
    yield
    theme = desk_theme()
    theme.set_high_contrast(False)
    theme.follow_system(Qt.ColorScheme.Light)


def _window(qtbot: QtBot, database: Database) -> MainWindow:
    window = MainWindow(
        database, runner=ImmediateRunner(database), actor="superviseur", clock=lambda: NOW
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window


def _painted_in(widget: QWidget, colours: Colours) -> bool:
    """Whether the window's own background, and a hint's words, are in these colours."""
    image = widget.grab().toImage()
    corner = image.pixelColor(image.width() - 3, image.height() // 2).name()
    return corner in (colours.window, colours.base)


def _hint_colour(window: MainWindow) -> str:
    hint = window.calls.hint
    hint.ensurePolished()
    return hint.palette().color(QPalette.ColorRole.WindowText).name()


def _system_says(scheme: Qt.ColorScheme) -> None:
    """What the desktop tells Qt when its user switches between light and dark."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.styleHints().colorSchemeChanged.emit(scheme)


@pytest.mark.usefixtures("french")
def test_the_window_turns_dark_and_light_again_with_the_system(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    window = _window(qtbot, sqlite_database)
    assert _painted_in(window, palette.LIGHT)
    assert _hint_colour(window) == palette.LIGHT.quiet

    _system_says(Qt.ColorScheme.Dark)
    assert _painted_in(window, palette.DARK)
    assert window.palette().color(QPalette.ColorRole.Base).name() == palette.DARK.base
    assert _hint_colour(window) == palette.DARK.quiet  # a style sheet's colour follows too

    _system_says(Qt.ColorScheme.Light)
    assert _painted_in(window, palette.LIGHT)
    assert _hint_colour(window) == palette.LIGHT.quiet


def _row_colours(window: MainWindow) -> set[str]:
    """The colours painted across the board's first row."""
    table = window.calls.table
    middle = table.visualRect(table.model().index(0, 1)).center().y()
    image = table.viewport().grab().toImage()
    return {image.pixelColor(x, middle).name() for x in range(0, image.width(), 3)}


@pytest.mark.usefixtures("french")
def test_a_very_late_call_is_repainted_in_the_new_schemes_red(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    store_calls(sqlite_database, Call(NOW - timedelta(hours=2)))
    window = _window(qtbot, sqlite_database)
    window.calls.table.clearSelection()
    assert palette.LIGHT.alarm in _row_colours(window)

    _system_says(Qt.ColorScheme.Dark)

    seen = _row_colours(window)
    assert palette.DARK.alarm in seen
    assert palette.LIGHT.alarm not in seen


@pytest.mark.usefixtures("french")
def test_the_duty_boards_gap_is_repainted_in_the_new_schemes_red(
    qtbot: QtBot, database: Database
) -> None:
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole"],
        teams={"Maraude": "+33199005101"},
        shifts=[Shift("Maraude", "08:00", "20:00", ("Stalingrad",))],
    )
    window = MainWindow(
        database,
        runner=ImmediateRunner(database),
        actor="test",
        clock=lambda: at("2026-11-27T10:00"),
    )
    qtbot.addWidget(window)
    window.show_board()
    table = window.board.table
    eole = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == "Éole")
    assert table.item(eole, BoardColumn.FIRST_CALL).text() == "⚠ Aucune équipe de garde"
    assert table.item(eole, BoardColumn.SECTOR).background().color().name() == palette.LIGHT.alarm

    _system_says(Qt.ColorScheme.Dark)

    assert table.item(eole, BoardColumn.SECTOR).background().color().name() == palette.DARK.alarm
    words = table.item(eole, BoardColumn.FIRST_CALL).foreground().color().name()
    assert words == palette.DARK.problem


@pytest.mark.usefixtures("french")
def test_the_view_menu_switches_high_contrast_on_and_off(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    window = _window(qtbot, sqlite_database)
    action = window.high_contrast_action
    assert action.text() == "&Contraste élevé"
    assert action.isCheckable()
    assert not action.isChecked()

    action.trigger()
    assert action.isChecked()
    assert _painted_in(window, palette.HIGH_CONTRAST)
    assert _hint_colour(window) == palette.HIGH_CONTRAST.quiet
    highlight = window.palette().color(QPalette.ColorRole.Highlight).name()
    assert highlight == palette.HIGH_CONTRAST.selection

    # High contrast holds whatever the system's scheme does meanwhile.
    _system_says(Qt.ColorScheme.Dark)
    assert _painted_in(window, palette.HIGH_CONTRAST)

    action.trigger()
    assert not action.isChecked()
    assert _painted_in(window, palette.DARK)


@pytest.mark.usefixtures("french")
def test_a_desk_set_to_high_contrast_opens_in_high_contrast(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    write_setting(sqlite_database, "display.high_contrast", "1", actor=COMMAND_LINE, now=NOW)

    window = _window(qtbot, sqlite_database)

    assert window.high_contrast_action.isChecked()
    assert _painted_in(window, palette.HIGH_CONTRAST)


def test_the_high_contrast_setting_takes_only_yes_or_no(sqlite_database: Database) -> None:
    with pytest.raises(SettingRefused):
        write_setting(sqlite_database, "display.high_contrast", "2", actor=COMMAND_LINE, now=NOW)


@pytest.mark.parametrize("high_contrast", [False, True], ids=["dark", "high contrast"])
@pytest.mark.usefixtures("french")
def test_on_a_dark_window_a_field_and_a_check_box_show_their_frames(
    qtbot: QtBot, high_contrast: bool
) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    field = QLineEdit(box)
    check = QCheckBox("Urgent", box)
    check.move(0, 40)
    box.resize(300, 80)
    box.show()
    _system_says(Qt.ColorScheme.Dark)
    desk_theme().set_high_contrast(high_contrast)
    frames = (palette.HIGH_CONTRAST if high_contrast else palette.DARK).mid

    def seen(widget: QWidget, x: int) -> str:
        image = widget.grab().toImage()
        return image.pixelColor(x, image.height() // 2).name()

    assert seen(field, 0) == frames  # Fusion's, a shade of the window, hardly differs
    indicator = check.style().subElementRect(
        QStyle.SubElement.SE_CheckBoxIndicator, QStyleOptionButton(), check
    )
    assert seen(check, indicator.left()) == frames
