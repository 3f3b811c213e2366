"""Long work on the runner tells its progress, and each report reaches the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui.tasks import ImmediateRunner, Progress, TaskRunner


@pytest.fixture
def runner(qtbot: QtBot, sqlite_database: Database) -> Iterator[TaskRunner]:
    started = TaskRunner(sqlite_database)
    yield started
    started.shut_down()


def counting(database: Database, progress: Progress) -> str:
    for done in (0, 40, 80, 100):
        progress(done, 100)
    return database.name


def test_each_report_reaches_the_gui_thread_in_order_before_the_result(
    qtbot: QtBot, runner: TaskRunner, sqlite_database: Database
) -> None:
    heard: list[object] = []
    threads: set[bool] = set()

    def told(done: int, total: int) -> None:
        threads.add(threading.current_thread() is threading.main_thread())
        heard.append((done, total))

    runner.run_reporting(counting, heard.append, heard.append, progress=told)
    qtbot.waitUntil(lambda: len(heard) == 5, timeout=5000)

    assert heard == [(0, 100), (40, 100), (80, 100), (100, 100), sqlite_database.name]
    assert threads == {True}


def test_a_count_beyond_a_c_int_is_told_whole(qtbot: QtBot, runner: TaskRunner) -> None:
    heard: list[tuple[int, int]] = []
    runner.run_reporting(
        lambda _database, progress: progress(3_000_000_000, 5_000_000_000),
        lambda _result: None,
        lambda _error: None,
        progress=lambda done, total: heard.append((done, total)),
    )
    qtbot.waitUntil(lambda: bool(heard), timeout=5000)
    assert heard == [(3_000_000_000, 5_000_000_000)]


def test_nothing_is_told_once_the_owner_is_gone(qtbot: QtBot, runner: TaskRunner) -> None:
    owner = QObject()
    gate = threading.Event()
    heard: list[object] = []
    finished: list[object] = []

    def slow(database: Database, progress: Progress) -> str:
        gate.wait(5)
        progress(1, 2)
        return database.name

    runner.run_reporting(
        slow, heard.append, heard.append, progress=lambda *told: heard.append(told), owner=owner
    )
    runner.run(lambda _database: None, finished.append, finished.append)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not owner_alive(owner), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert heard == []


def owner_alive(owner: QObject) -> bool:
    return shiboken6.isValid(owner)


def test_the_immediate_runner_tells_progress_at_once(sqlite_database: Database) -> None:
    runner = ImmediateRunner(sqlite_database)
    heard: list[object] = []
    runner.run_reporting(counting, heard.append, heard.append, progress=lambda *t: heard.append(t))
    assert heard == [(0, 100), (40, 100), (80, 100), (100, 100), sqlite_database.name]
