"""Tab and Shift+Tab leave the big tables: Tab moves between widgets, arrows inside a table."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.ui.board.live_board import LiveBoard
from operline.ui.duty.duty_board import DutyBoard
from operline.ui.journal.view import JournalView
from operline.ui.tasks import ImmediateRunner
from tests.incidents.conftest import NOW as BOARD_NOW
from tests.test_roster_board import at
from tests.ui.board.test_live_board import Clock, RecordingAlarm, log, make_live_desk
from tests.ui.conftest import NOW, Call, desk_context, store_calls
from tests.ui.journal.test_journal_view import NIGHT_SUPERVISOR

_HOSTS: list[QWidget] = []


@pytest.fixture(autouse=True)
def _forget_hosts() -> Iterator[None]:
    yield
    _HOSTS.clear()


def _hosted(qtbot: QtBot, screen: QWidget) -> tuple[QLineEdit, QLineEdit]:
    """Show the screen between two fields, as the window shows it among its other widgets."""
    host = QWidget()
    qtbot.addWidget(host)
    _HOSTS.append(host)  # qtbot keeps only a weak reference
    before, after = QLineEdit(host), QLineEdit(host)
    before.setObjectName("before")
    after.setObjectName("after")
    layout = QVBoxLayout(host)
    layout.addWidget(before)
    layout.addWidget(screen)
    layout.addWidget(after)
    host.resize(1366, 760)
    with qtbot.waitActive(host):
        host.show()
        host.activateWindow()
    return before, after


def _inside(widget: QWidget | None, table: QAbstractItemView) -> bool:
    while widget is not None:
        if widget is table:
            return True
        widget = widget.parentWidget()
    return False


def _assert_tab_leaves(qtbot: QtBot, table: QAbstractItemView) -> list[QWidget]:
    """From a cell of the table, Tab and Shift+Tab each put the focus on another widget;
    the widgets reached, after then before."""
    assert table.model().rowCount() > 0
    reached: list[QWidget] = []
    for modifier in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        table.setCurrentIndex(table.model().index(0, 0))
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
        handle = table.window().windowHandle()
        assert handle is not None
        qtbot.keyClick(handle, Qt.Key.Key_Tab, modifier)
        focused = QApplication.focusWidget()
        assert focused is not None
        assert not _inside(focused, table), f"{modifier}: the focus stayed in the table"
        reached.append(focused)
        # The cursor did not move either: Tab is not a cell key.
        assert table.currentIndex().row() == 0
        assert table.currentIndex().column() == 0
    return reached


@pytest.mark.usefixtures("english")
def test_tab_leaves_the_board_of_open_calls(qtbot: QtBot, database: Database) -> None:
    desk = make_live_desk(database)
    log(desk, 5)
    log(desk, 30)
    board = LiveBoard(desk_context(database, Clock(BOARD_NOW)), alarm=RecordingAlarm())
    before, after = _hosted(qtbot, board)

    assert not board.table.tabKeyNavigation()
    assert set(_assert_tab_leaves(qtbot, board.table)) == {after, before}


@pytest.mark.usefixtures("english")
def test_tab_leaves_the_duty_board(qtbot: QtBot, database: Database) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)
    board = DutyBoard(desk_context(database, lambda: now))
    before, after = _hosted(qtbot, board)

    assert not board.table.tabKeyNavigation()
    assert set(_assert_tab_leaves(qtbot, board.table)) == {after, before}


@pytest.mark.usefixtures("english")
def test_tab_leaves_the_journal_and_reaches_its_day_controls(
    qtbot: QtBot, database: Database
) -> None:
    store_calls(
        database,
        Call(datetime(2026, 11, 27, 7, 5, tzinfo=UTC)),
        Call(datetime(2026, 11, 27, 9, 5, tzinfo=UTC)),
    )
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    before, after = _hosted(qtbot, view)

    assert not view.table.tabKeyNavigation()
    _went_on, went_back = _assert_tab_leaves(qtbot, view.table)
    # Shift+Tab from the table walks back through the day's controls, without their keys.
    names = []
    widget: QWidget | None = went_back
    handle = view.window().windowHandle()
    assert handle is not None
    while widget is not None and widget not in (before, after) and len(names) < 10:
        names.append(widget.objectName())
        qtbot.keyClick(handle, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        widget = QApplication.focusWidget()
    assert "journalDay" in names, names
