"""The screens' accessible tree, as Qt hands it to the AT-SPI bridge a screen reader reads:
every widget that takes the focus has a name, and every label is read as it shows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLabel, QWidget
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
from tests.ui.conftest import NOW, desk_context
from tests.ui.desk_helpers import Clock as DeskClock
from tests.ui.desk_helpers import fill_desk, open_desk_view
from tests.ui.journal.test_journal_view import NIGHT_SUPERVISOR

#: Cells, rows and headers are named by their model; the walk stops at a table's children.
_INSIDE_A_TABLE = {QAccessible.Role.Cell, QAccessible.Role.Row, QAccessible.Role.ColumnHeader}


def _walk(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    yield interface
    if interface.role() == QAccessible.Role.Table:
        return
    for number in range(interface.childCount()):
        child = interface.child(number)
        if child is not None and child.isValid():
            yield from _walk(child)


def _unnamed(screen: QWidget) -> list[str]:
    """The widgets taking the focus that a screen reader would read without a name."""
    root = QAccessible.queryAccessibleInterface(screen)
    assert root is not None
    found = []
    checked = 0
    for node in _walk(root):
        state = node.state()
        if not state.focusable or state.invisible or node.role() in _INSIDE_A_TABLE:
            continue
        checked += 1
        if not node.text(QAccessible.Text.Name).strip():
            widget = node.object()
            found.append(f"{node.role().name} {widget.objectName() if widget else '?'}")
    assert checked, "the walk reached no widget taking the focus"
    return found


def _labels_read_as_shown(screen: QWidget) -> list[str]:
    wrong = []
    for label in screen.findChildren(QLabel):
        interface = QAccessible.queryAccessibleInterface(label)
        shown = label.isVisible() and label.text() and interface is not None
        if shown and interface is not None and interface.text(QAccessible.Text.Name) == "":
            wrong.append(label.objectName())
    return wrong


def _show(qtbot: QtBot, screen: QWidget) -> None:
    qtbot.addWidget(screen)
    screen.resize(1366, 760)
    screen.show()


@pytest.mark.usefixtures("french")
def test_the_board_names_every_widget_that_takes_the_focus(
    qtbot: QtBot, database: Database
) -> None:
    desk = make_live_desk(database)
    log(desk, 20)
    board = LiveBoard(desk_context(database, Clock(BOARD_NOW)), alarm=RecordingAlarm())
    _show(qtbot, board)

    assert _unnamed(board) == []
    assert _labels_read_as_shown(board) == []


@pytest.mark.usefixtures("french")
def test_the_duty_board_names_every_widget_that_takes_the_focus(
    qtbot: QtBot, database: Database
) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)
    board = DutyBoard(desk_context(database, lambda: now))
    _show(qtbot, board)

    assert _unnamed(board) == []
    assert _labels_read_as_shown(board) == []


@pytest.mark.usefixtures("french")
def test_the_journal_names_every_widget_that_takes_the_focus(
    qtbot: QtBot, database: Database
) -> None:
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    _show(qtbot, view)

    assert _unnamed(view) == []
    assert _labels_read_as_shown(view) == []


@pytest.mark.usefixtures("french")
def test_the_desk_names_every_widget_that_takes_the_focus(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    view = open_desk_view(qtbot, fill_desk(database), DeskClock(BOARD_NOW), tmp_path / "drafts")
    view.start_new_call()

    assert _unnamed(view) == []
    assert _labels_read_as_shown(view) == []
