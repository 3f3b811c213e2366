"""The window never waits for the database: every statement runs on the runner's worker."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from operline.db.engine import Database
from operline.drafts import DraftStore
from operline.logins import set_password
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner
from tests.actors import COMMAND_LINE, PASSWORD
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, Keyboard, fill_desk, focused

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


class StatementWatch:
    """Every statement sent to the database, with the thread that sent it."""

    def __init__(self, database: Database) -> None:
        self.on_gui_thread: list[str] = []
        self.on_worker = 0
        self.delay_s = 0.0
        self._engine = database.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            self.on_gui_thread.append(" ".join(statement.split())[:120])
        else:
            self.on_worker += 1
            time.sleep(self.delay_s)

    def stop(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> Iterator[tuple[MainWindow, TaskRunner, Clock]]:
    desk = fill_desk(sqlite_database)
    clock = Clock(NOW)
    session = DeskSession()
    session.set_operator(desk.operator)
    runner = TaskRunner(sqlite_database)
    shown = MainWindow(
        sqlite_database,
        runner=runner,
        actor="test",
        clock=clock,
        session=session,
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    settle(qtbot, runner)
    yield shown, runner, clock
    shown.calls.age_timer.stop()
    runner.shut_down()


def settle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Let the worker answer everything asked so far."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)


def test_a_whole_call_sends_no_statement_from_the_gui_thread(
    qtbot: QtBot, sqlite_database: Database, window: tuple[MainWindow, TaskRunner, Clock]
) -> None:
    shown, runner, clock = window
    watch = StatementWatch(sqlite_database)
    keys = Keyboard(qtbot, shown)
    try:
        keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        keys.type("st")
        keys.press(Qt.Key.Key_Return)
        settle(qtbot, runner)
        keys.type("Rotonde", free_text=True)
        keys.press(Qt.Key.Key_Tab)
        keys.press(Qt.Key.Key_1)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        assert focused() is shown.desk.routing.table
        keys.press(Qt.Key.Key_Return)  # the first team on duty
        settle(qtbot, runner)

        keys.press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        assert shown.calls.model.rowCount() == 1
        clock.now = NOW + timedelta(minutes=3)
        keys.press(Qt.Key.Key_A)
        settle(qtbot, runner)
        assert shown.calls.incidents[0].acknowledged_at == NOW + timedelta(minutes=3)
        shown.calls.alert_timer.timeout.emit()  # the read at a change of colour
        settle(qtbot, runner)
        for screen in (Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5):
            keys.press(screen, Qt.KeyboardModifier.ControlModifier)
            settle(qtbot, runner)
        assert shown.journal.model.rowCount() == 1
        # Reading the cell asks for its page when the view has not yet; the worker answers.
        qtbot.waitUntil(lambda: str(shown.journal.model.index(0, 1).data()).startswith("OPL-"))

        # The history: searched when shown, then as the place is typed; Enter opens it.
        keys.press(Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        assert shown.history.model.rowCount() == 1
        keys.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert focused() is shown.history.filters.search
        keys.type("ROTON", free_text=True)
        settle(qtbot, runner)
        assert shown.history.model.index(0, 3).data() == "Rotonde"
        keys.press(Qt.Key.Key_Return)  # from the search field to the table
        assert focused() is shown.history.table
        keys.press(Qt.Key.Key_Return)
        settle(qtbot, runner)
        assert shown.history.detail is not None
        shown.history.detail.reject()
    finally:
        watch.stop()

    assert watch.on_gui_thread == []
    assert watch.on_worker > 10  # the work was done, on the worker


def test_a_whole_handover_sends_no_statement_from_the_gui_thread(
    qtbot: QtBot, sqlite_database: Database, window: tuple[MainWindow, TaskRunner, Clock]
) -> None:
    shown, runner, _clock = window
    outgoing = shown.session.operator
    assert outgoing is not None
    set_password(sqlite_database, "Inès Moreau", PASSWORD, actor=COMMAND_LINE, now=NOW)
    watch = StatementWatch(sqlite_database)
    keys = Keyboard(qtbot, shown)
    try:
        keys.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        dialog = shown.handover_dialog
        assert dialog is not None
        assert dialog.summary.summary is not None  # read, on the worker
        keys.type("Halte pleine depuis 2 h", free_text=True)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        keys.type("ines")
        keys.press(Qt.Key.Key_Return)
        keys.type(PASSWORD, free_text=True)
        keys.press(Qt.Key.Key_Return)
        settle(qtbot, runner)
        keys.press(Qt.Key.Key_Return)
        settle(qtbot, runner)
    finally:
        watch.stop()

    assert watch.on_gui_thread == []
    assert shown.handover_dialog is None
    incoming = shown.session.operator
    assert incoming is not None
    assert (outgoing.name, incoming.name) == ("Claire Dumont", "Inès Moreau")


def test_the_window_keeps_ticking_while_a_slow_query_runs(
    qtbot: QtBot, sqlite_database: Database, window: tuple[MainWindow, TaskRunner, Clock]
) -> None:
    shown, runner, _clock = window
    watch = StatementWatch(sqlite_database)
    watch.delay_s = 0.2  # a server far away: each statement costs 200 ms
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    try:
        with qtbot.waitSignal(shown.calls.refreshed, timeout=10_000):
            shown.calls.refresh()
            assert runner.pending == 1  # asked, not answered: the GUI thread went on
    finally:
        timer.stop()
        watch.stop()
    # Three statements at 200 ms: the GUI timer fired all along instead of freezing for
    # the whole read (a loaded machine may delay a tick, never by the read's 600 ms).
    assert len(ticks) >= 10
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    assert max(gaps) < 0.4


def test_a_stage_reaches_the_board_by_the_change_bus_alone(
    qtbot: QtBot,
    sqlite_database: Database,
    window: tuple[MainWindow, TaskRunner, Clock],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from operline.ui.board import live_board

    shown, runner, clock = window
    for place in ("Rotonde", "Quai de Seine", "Escaliers"):
        shown.new_call()
        settle(qtbot, runner)
        keys = Keyboard(qtbot, shown)
        keys.type("st")
        keys.press(Qt.Key.Key_Return)
        keys.type(place, free_text=True)
        keys.press(Qt.Key.Key_Tab)
        keys.press(Qt.Key.Key_1)
        settle(qtbot, runner)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        keys.press(Qt.Key.Key_Return)
        settle(qtbot, runner)
        clock.now += timedelta(minutes=31)  # not a duplicate of the one before
    shown.show_calls()
    settle(qtbot, runner)
    assert shown.calls.model.rowCount() == 3

    reads: list[object] = []
    real = live_board.open_incidents

    def counted(*args: Any, **kwargs: Any) -> Any:
        reads.append(kwargs.get("incident_ids"))
        return real(*args, **kwargs)

    monkeypatch.setattr(live_board, "open_incidents", counted)
    selected = shown.calls.selected_incident()
    assert selected is not None
    Keyboard(qtbot, shown.calls).press(Qt.Key.Key_A)
    settle(qtbot, runner)

    assert reads == [(selected.incident_id,)]  # that call, not the two others
    row = shown.calls.model.row_of(selected.incident_id)
    assert row is not None
    assert shown.calls.model.incident(row).acknowledged_at == clock.now
    assert shown.calls.model.rowCount() == 3
