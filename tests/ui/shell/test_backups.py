"""The status bar says when the last automatic backup was written: in red and in words
when it is over 24 hours old, missing, or the last try failed; the backup runs on the
worker at start, then every ``backup.every_hours`` hours."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from operline.db.automatic_backups import automatic_backups, backups_folder
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.drafts import DraftStore
from operline.settings import write_setting
from operline.ui import palette
from operline.ui.shell import backups
from operline.ui.shell.backups import LastBackupLabel
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner
from tests.actors import COMMAND_LINE
from tests.ui.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock
from tests.ui.shell.test_off_the_gui_thread import StatementWatch, settle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

HOUR_MS = 60 * 60 * 1000


@pytest.fixture
def label(qtbot: QtBot) -> tuple[LastBackupLabel, Clock]:
    clock = Clock(NOW)  # 18:00 in Paris
    shown = LastBackupLabel(clock)
    qtbot.addWidget(shown)
    return shown, clock


@pytest.mark.usefixtures("french")
def test_a_fresh_backup_shows_its_time_in_the_usual_colour(
    label: tuple[LastBackupLabel, Clock],
) -> None:
    shown, _ = label

    shown.show_backup(NOW - timedelta(hours=2))

    assert shown.text() == "Dernière sauvegarde\u00a0: 16:00"
    assert not shown.alarming
    assert "color" not in shown.styleSheet()


@pytest.mark.usefixtures("french")
def test_a_backup_over_24_hours_old_is_red_and_says_so(
    label: tuple[LastBackupLabel, Clock],
) -> None:
    shown, clock = label
    shown.show_backup(NOW - timedelta(hours=23))
    assert shown.text() == "Dernière sauvegarde\u00a0: 26/11/2026 19:00"  # yesterday: the date
    assert not shown.alarming

    clock.now = NOW + timedelta(hours=2)  # the label looks again every minute
    shown.refresh_timer.timeout.emit()

    assert shown.text() == "Dernière sauvegarde\u00a0: 26/11/2026 19:00, il y a plus de 24\u00a0h"
    assert shown.alarming
    assert palette.current().problem in shown.styleSheet()
    assert shown.accessibleName() == shown.text()  # a screen reader hears the words too


@pytest.mark.usefixtures("french")
def test_no_backup_at_all_is_red_too(label: tuple[LastBackupLabel, Clock]) -> None:
    shown, _ = label

    shown.show_backup(None)

    assert shown.text() == "Aucune sauvegarde de la base pour l'instant"
    assert shown.alarming
    assert palette.current().problem in shown.styleSheet()


@pytest.fixture
def window(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> Iterator[tuple[MainWindow, TaskRunner, Clock]]:
    runner = TaskRunner(sqlite_database)
    clock = Clock(NOW)
    shown = MainWindow(
        sqlite_database,
        runner=runner,
        actor="claire",
        clock=clock,
        session=DeskSession(),
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
    settle(qtbot, runner)
    yield shown, runner, clock
    shown.calls.age_timer.stop()
    runner.shut_down()


@pytest.mark.usefixtures("english")
def test_at_start_a_backup_is_written_on_the_worker_and_the_status_bar_shows_its_time(
    qtbot: QtBot, window: tuple[MainWindow, TaskRunner, Clock], sqlite_database: Database
) -> None:
    shown, runner, _ = window
    path = sqlite_database.sqlite_path
    assert path is not None
    assert shown.backups is not None
    write_setting(sqlite_database, "backup.every_hours", "4", actor=COMMAND_LINE, now=NOW)
    watch = StatementWatch(sqlite_database)
    try:
        shown.backups.start()
        settle(qtbot, runner)
    finally:
        watch.stop()

    assert watch.on_gui_thread == []
    assert [backup.at for backup in automatic_backups(path)] == [NOW]
    assert shown.last_backup.text() == "Last backup: 18:00"
    assert shown.last_backup.isVisible()
    assert shown.last_backup in shown.statusBar().findChildren(LastBackupLabel)
    assert shown.backups.timer.isActive()
    assert shown.backups.timer.interval() == 4 * HOUR_MS


@pytest.mark.usefixtures("english")
def test_a_failed_backup_is_one_sentence_in_red_in_the_status_bar(
    qtbot: QtBot, window: tuple[MainWindow, TaskRunner, Clock], sqlite_database: Database
) -> None:
    shown, runner, _ = window
    path = sqlite_database.sqlite_path
    assert path is not None
    assert shown.backups is not None
    backups_folder(path).write_text("a file where the folder should be")

    shown.backups.start()
    settle(qtbot, runner)

    text = shown.last_backup.text()
    assert text.startswith("The automatic backup failed: The backup of ")
    assert text.endswith("; there is no backup yet.")
    assert "Traceback" not in text
    assert "\n" not in text
    assert shown.last_backup.alarming


@pytest.mark.postgres
def test_a_postgresql_desk_shows_no_backup_in_the_status_bar(
    qtbot: QtBot, postgres_url: str, tmp_path: Path
) -> None:
    database = open_database(postgres_url)
    upgrade_database(database, now=NOW)
    runner = TaskRunner(database)
    try:
        shown = MainWindow(
            database,
            runner=runner,
            actor="claire",
            clock=Clock(NOW),
            session=DeskSession(),
            drafts=DraftStore(tmp_path / "drafts"),
        )
        qtbot.addWidget(shown)
        with qtbot.waitActive(shown):
            shown.show()
        settle(qtbot, runner)

        assert shown.backups is None
        assert not shown.last_backup.isVisible()
        assert shown.statusBar().findChildren(LastBackupLabel) == []
        shown.calls.age_timer.stop()
        shown.close()
    finally:
        runner.shut_down()
        database.dispose()


@pytest.mark.usefixtures("english")
def test_a_long_backup_runs_beside_the_desk_s_work_not_before_it(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = TaskRunner(sqlite_database)
    housekeeping = TaskRunner(sqlite_database)
    copying = threading.Event()
    release = threading.Event()
    real_backup = backups.write_automatic_backup

    def slow_backup(*arguments: Any, **keywords: Any) -> Any:
        copying.set()
        release.wait(10)  # a big database's copy, still going
        return real_backup(*arguments, **keywords)

    monkeypatch.setattr(backups, "write_automatic_backup", slow_backup)
    shown = MainWindow(
        sqlite_database,
        runner=runner,
        housekeeping=housekeeping,
        actor="claire",
        clock=Clock(NOW),
        session=DeskSession(),
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(shown)
    try:
        assert shown.backups is not None
        shown.backups.start()
        assert copying.wait(5)
        answered: list[int] = []
        runner.run(lambda database: 1, answered.append, lambda error: None)
        qtbot.waitUntil(lambda: answered == [1], timeout=2000)  # while the copy goes on
        assert housekeeping.pending == 1
    finally:
        release.set()
        settle(qtbot, housekeeping)
        shown.calls.age_timer.stop()
        runner.shut_down()
        housekeeping.shut_down()
    assert shown.last_backup.text() == "Last backup: 18:00"
