"""Whether the window keeps breathing while the GPO export of the busiest week runs.

The export dialog is opened on the dense demo (``operline demo --incidents 1000000
--weeks 8``, read-only and shared, so it is copied first: the preview and the export write
audit rows), on its busiest week (about 125,000 calls), with the real task runner: its
preview is read, then its three files written, each on the worker thread while the GUI
thread runs its event loop. A 10 ms timer ticks on the GUI thread all along; the gaps
between its ticks are what a user would feel as the window freezing. Printed for each
stage: the longest gap, the 99th percentile, the wall time, and how many progress
reports reached the bar. Target: no gap over 100 ms (a frozen window is felt from about
there).

Run with ``python benchmarks/bench_gpo_window.py`` (``--dense`` the source, ``--copies``
the folder its copy is kept in between runs, ``--repeat`` the runs).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time as clock
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_gpo import DENSE, busiest_week, copy_of
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from operline.actors import system_actor, workstation_name
from operline.db.engine import open_database
from operline.db.migrate import upgrade_database
from operline.paris_time import now_utc
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.gpo.export_dialog import GpoExportDialog
from operline.ui.tasks import TaskRunner, freeze_startup_objects

COPIES = Path("/tmp/bench-gpo-window")
TICK_MS = 10
#: A gap the user feels as the window freezing.
TARGET_MS = 100.0


class Ticks:
    """A timer ticking on the GUI thread, and the gaps between its ticks."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.times.append(clock.perf_counter()))

    def start(self) -> None:
        self.times = [clock.perf_counter()]
        self.timer.start()

    def stop(self) -> list[float]:
        self.timer.stop()
        self.times.append(clock.perf_counter())
        return [(later - earlier) * 1000 for earlier, later in itertools.pairwise(self.times)]


def run_until(done: Callable[[], bool], timeout_s: float = 120) -> None:
    """Run the GUI thread's event loop until ``done``, as the application's ``exec`` does.

    (A loop of ``processEvents`` calls instead kept the worker from running half the time.)
    """
    loop = QEventLoop()
    deadline = clock.perf_counter() + timeout_s
    late = [False]

    def look() -> None:
        if done():
            loop.quit()
        elif clock.perf_counter() > deadline:
            late[0] = True
            loop.quit()

    watch = QTimer()
    watch.setInterval(20)
    watch.timeout.connect(look)
    watch.start()
    loop.exec()
    watch.stop()
    if late[0]:
        raise SystemExit("the export did not answer in time")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(path: Path, repeat: int, *, freeze: bool) -> list[list[str]]:
    database = open_database(f"sqlite:///{path}")
    rows: list[list[str]] = []
    try:
        upgrade_database(database, now=now_utc())
        week = busiest_week(database)
        now = week.bounds()[1] + timedelta(days=1)
        actor = system_actor("bench", workstation_name())
        runner = TaskRunner(database)
        desk = DeskContext(runner, lambda: now, lambda: None, ChangeBus(), lambda: actor)
        if freeze:
            freeze_startup_objects()  # as the application does once its window is shown
        with tempfile.TemporaryDirectory() as folder:
            settings = QSettings(str(Path(folder) / "desk.ini"), QSettings.Format.IniFormat)
            settings.setValue("gpo/export_folder", folder)
            for run in range(1, repeat + 1):
                rows += one_run(desk, settings, f"{week}, run {run}")
        runner.shut_down()
    finally:
        database.dispose()
    return rows


def one_run(desk: DeskContext, settings: QSettings, name: str) -> list[list[str]]:
    """Open the dialog (it reads the preview of the last complete week), then save."""
    ticks = Ticks()
    reports = Counter()
    ticks.start()
    started = clock.perf_counter()
    dialog = GpoExportDialog(desk, actor=desk.actor(), settings=settings)
    dialog.progress.valueChanged.connect(reports.add)
    dialog.show()
    run_until(lambda: dialog.preview is not None)
    calls = dialog.preview.calls if dialog.preview else 0
    shown = row(f"preview {name}", ticks.stop(), started, reports.count, calls)

    reports.count = 0
    ticks.start()
    started = clock.perf_counter()
    dialog.save()
    run_until(lambda: dialog.written is not None)
    calls = dialog.written.file("incidents").rows if dialog.written else 0
    saved = row(f"save {name}", ticks.stop(), started, reports.count, calls)
    dialog.close()
    dialog.deleteLater()
    return [shown, saved]


class Counter:
    """How many times the progress bar moved."""

    def __init__(self) -> None:
        self.count = 0

    def add(self, _value: int) -> None:
        self.count += 1


def row(name: str, gaps: list[float], started: float, reports: int, calls: int) -> list[str]:
    wall = clock.perf_counter() - started
    longest = max(gaps)
    return [
        name,
        f"{calls:,}",
        f"{wall:.2f}",
        f"{longest:.0f}",
        f"{percentile(gaps, 0.99):.0f}",
        f"{statistics.median(gaps):.0f}",
        str(len(gaps)),
        str(reports),
        "ok" if longest <= TARGET_MS else "STALL",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dense", type=Path, default=DENSE)
    parser.add_argument("--copies", type=Path, default=COPIES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="leave the objects made at start in Python's full collections, as before",
    )
    arguments = parser.parse_args()
    QApplication.instance() or QApplication(["bench"])
    path = copy_of(arguments.dense, arguments.copies)
    table = [
        ["stage", "calls", "wall s", "longest gap ms", "p99 gap ms", "median gap ms", "ticks",
         "bar moves", f"≤ {TARGET_MS:g} ms"],
        *measure(path, arguments.repeat, freeze=not arguments.no_freeze),
    ]  # fmt: skip
    widths = [max(len(r[column]) for r in table) for column in range(len(table[0]))]
    for line in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
    return 0 if all(line[-1] == "ok" for line in table[1:]) else 1


if __name__ == "__main__":
    sys.exit(main())
