"""A label's spoken name is what it shows: counts, clocks, the notes counter, reminders."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.ui.board.live_board import LiveBoard
from operline.ui.duty.duty_board import DutyBoard
from operline.ui.duty.week_view import WeekView
from operline.ui.intake.call_form import NewCallForm
from operline.ui.journal.view import JournalView
from operline.ui.tasks import ImmediateRunner
from tests.incidents.conftest import NOW as BOARD_NOW
from tests.test_roster_board import at
from tests.ui.board.test_live_board import Clock, RecordingAlarm, log, make_live_desk
from tests.ui.conftest import NOW, Call, desk_context, store_calls
from tests.ui.journal.test_journal_view import NIGHT_SUPERVISOR


def spoken(label: QLabel) -> str:
    """The name a screen reader reads for the label."""
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def _assert_read_as_shown(label: QLabel) -> None:
    assert label.text(), f"{label.objectName()} shows nothing"
    assert spoken(label) == label.text(), label.objectName()


@pytest.mark.usefixtures("french")
def test_the_boards_count_and_clock_are_read_as_shown(qtbot: QtBot, database: Database) -> None:
    desk = make_live_desk(database)
    log(desk, 5)
    board = LiveBoard(desk_context(database, Clock(BOARD_NOW)), alarm=RecordingAlarm())
    qtbot.addWidget(board)
    board.show()

    assert "1" in board.count.text()
    _assert_read_as_shown(board.count)
    _assert_read_as_shown(board.as_of)


@pytest.mark.usefixtures("french")
def test_the_duty_boards_clock_and_the_weeks_details_are_read_as_shown(
    qtbot: QtBot, database: Database
) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)
    board = DutyBoard(desk_context(database, lambda: now))
    qtbot.addWidget(board)
    board.show()
    _assert_read_as_shown(board.findChild(QLabel, "dutyBoardTime"))

    week = WeekView(desk_context(database, lambda: now))
    qtbot.addWidget(week)
    week.show()
    week.refresh()
    week.chart.setFocus()
    qtbot.keyClick(week.chart, Qt.Key.Key_Right)
    _assert_read_as_shown(week.details)
    # The painted chart describes the hour under its cursor, as the details below show it.
    chart = QAccessible.queryAccessibleInterface(week.chart)
    assert chart is not None
    assert chart.text(QAccessible.Text.Description) == week.details.text()
    before = week.details.text()
    qtbot.keyClick(week.chart, Qt.Key.Key_Down)
    assert week.details.text() != before
    assert chart.text(QAccessible.Text.Description) == week.details.text()


@pytest.mark.usefixtures("french")
def test_the_journals_count_is_read_as_shown(qtbot: QtBot, database: Database) -> None:
    store_calls(database, Call(datetime(2026, 11, 27, 7, 5, tzinfo=UTC)))
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show()

    _assert_read_as_shown(view.findChild(QLabel, "journalCount"))


@pytest.mark.usefixtures("french")
def test_the_notes_counter_and_the_privacy_reminder_are_read_as_shown(qtbot: QtBot) -> None:
    form = NewCallForm(clock=lambda: NOW)
    qtbot.addWidget(form)
    form.show()
    form.start()
    form.notes.setFocus()
    qtbot.keyClicks(form.notes, "abc")

    assert "3" in form.notes_count.text()
    _assert_read_as_shown(form.notes_count)
    _assert_read_as_shown(form.reminder)
