"""The desk applies the retention rules itself: at start, off the GUI thread, then daily."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.db.models import Incident
from operline.drafts import DraftStore
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.retention import DAILY_MS
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner
from tests.incidents.test_stage_refusals import small_desk
from tests.privacy.calls import PAST_NOTES, WORD, wordy_call
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock
from tests.ui.shell.test_off_the_gui_thread import StatementWatch, settle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> Iterator[tuple[MainWindow, TaskRunner]]:
    runner = TaskRunner(sqlite_database)
    shown = MainWindow(
        sqlite_database,
        runner=runner,
        actor="claire",
        clock=Clock(PAST_NOTES),
        session=DeskSession(),
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
    settle(qtbot, runner)
    yield shown, runner
    shown.calls.age_timer.stop()
    runner.shut_down()


@pytest.mark.usefixtures("english")
def test_at_start_the_purge_runs_on_the_worker_and_the_status_bar_says_what_it_erased(
    qtbot: QtBot, window: tuple[MainWindow, TaskRunner], sqlite_database: Database
) -> None:
    shown, runner = window
    call = wordy_call(small_desk(sqlite_database))
    watch = StatementWatch(sqlite_database)
    try:
        shown.retention.start()
        settle(qtbot, runner)
    finally:
        watch.stop()

    assert watch.on_gui_thread == []
    assert watch.on_worker > 0
    with sqlite_database.read() as session:
        incident = session.get(Incident, call.incident_id)
        assert incident is not None
        assert incident.notes is None
    assert shown.statusBar().currentMessage() == (
        "Retention: notes of 1 call(s) erased, 0 call(s) anonymised."
    )
    assert shown.retention.timer.isActive()
    assert shown.retention.timer.interval() == DAILY_MS
    assert WORD not in shown.statusBar().currentMessage()
