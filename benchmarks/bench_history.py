# Over 400 lines: the screen driven, its raw-SQL replay and the memory child measure one thing.
"""How fast the history answers over ten years of calls, beside the same SQL run raw.

On an SQLite file of ``operline demo --incidents 1000000 --weeks 520`` (about 275 calls
a day for ten years; made in /tmp the first time, in a quarter of an hour, then reused),
the real history screen is driven offscreen on a runner that answers at once, so each
time is the work itself: the screen shown (searched, first rows painted), each filter
changed, a free-text search typed, a page scrolled and a jump to the middle of the list
(again and again, the first one after a search, which reads its page, and one after the
landmarks of the search are read).
Beside each, the baseline: the very SELECTs it sent, caught with ``before_cursor_execute``
and replayed through ``sqlite3`` alone. A search also writes its audit row (a committed
transaction), which the baseline leaves out. Then the resident memory of a whole desk
window, history shown and scrolled, in a process of its own.

The demo links no call to another: the first run links a second call to one incident in
25 at random (fixed seed), as a desk would, so "linked or not" has something to find.

Run with ``python benchmarks/bench_history.py`` (``--db URL`` for another file, ``--runs N``,
``--pages-only`` for the scrolling of every call alone).
Machine load is printed with the table: the desk's targets are for a machine of its own.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time as clock
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QComboBox
from sqlalchemy import event, func, select

from operline.actors import system_actor
from operline.codes import Category, Outcome, Priority
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident, IncidentEvent, Sector, Team
from operline.incidents.events import EventKind
from operline.paris_time import now_utc
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.history.view import HistoryView
from operline.ui.tasks import ImmediateRunner

DEFAULT_FILE = Path("/tmp/bench10y.sqlite3")
INCIDENTS, WEEKS = 1_000_000, 520
#: One incident in this many gets a second call linked to it.
LINKED_ONE_IN = 25
TARGETS_MS = {"open": 100.0, "filter": 200.0, "text": 200.0, "page": 20.0}
RSS_TARGET_MB = 300.0


def ensure_database(url: str | None) -> str:
    """The benchmark's database: made by ``operline demo`` the first time, then reused."""
    if url:
        return url
    if not DEFAULT_FILE.exists():
        print(f"Making {DEFAULT_FILE}: {INCIDENTS:,} demo incidents over {WEEKS} weeks…")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "operline",
                "demo",
                "--incidents",
                str(INCIDENTS),
                "--weeks",
                str(WEEKS),
                "--db",
                f"sqlite:///{DEFAULT_FILE}",
            ],
            check=True,
        )
    return f"sqlite:///{DEFAULT_FILE}"


def link_some_calls(database: Database) -> int:
    """Link a second call to one incident in ``LINKED_ONE_IN``, once; how many are linked."""
    linked = EventKind.LINKED_CALL.value
    with database.write() as session:
        found = session.scalar(
            select(func.count(func.distinct(IncidentEvent.incident_id))).where(
                IncidentEvent.kind == linked
            )
        )
        if found:
            return found
        ids = list(session.scalars(select(Incident.id)))
        chosen = random.Random(25).sample(ids, len(ids) // LINKED_ONE_IN)
        for start in range(0, len(chosen), 5000):
            batch = chosen[start : start + 5000]
            at = dict(
                session.execute(
                    select(Incident.id, Incident.received_at).where(Incident.id.in_(batch))
                ).all()
            )
            session.execute(
                IncidentEvent.__table__.insert(),
                [
                    {"incident_id": i, "at": at[i], "kind": linked, "new_value": "Second call"}
                    for i in batch
                ],
            )
        return len(chosen)


@contextlib.contextmanager
def caught(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every SELECT sent meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(_c: Any, _k: Any, statement: str, parameters: Any, _x: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append((statement, None if many else parameters))

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def replayed(path: Path, statements: list[tuple[str, Any]], runs: int) -> float:
    """The median time of the statements sent straight through ``sqlite3``, in ms."""
    connection = sqlite3.connect(path)
    try:
        samples = []
        for _ in range(runs):
            began = clock.perf_counter()
            for statement, parameters in statements:
                connection.execute(statement, parameters or ()).fetchall()
            samples.append(clock.perf_counter() - began)
        return statistics.median(samples) * 1000
    finally:
        connection.close()


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return (
        statistics.median(ordered) * 1000,
        ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000,
    )


class Bench:
    """The history screen on the benchmark's database, and the rows of the table."""

    def __init__(self, app: QApplication, database: Database, runs: int) -> None:
        self.app = app
        self.database = database
        self.runs = runs
        path = database.sqlite_path
        assert path is not None, "the baseline replays through sqlite3: an SQLite file"
        self.path = path
        now = now_utc()
        actor = system_actor("bench", "bench")
        context = DeskContext(
            ImmediateRunner(database), lambda: now, lambda: None, ChangeBus(), lambda: actor
        )
        self.view = HistoryView(context)
        # The runner answers at once, so landmarks read after a search would be timed with
        # it: they are read only for the row that measures them (live, they come after).
        self.view.landmarks.enabled = False
        self.view.resize(1366, 700)
        self.view.show()
        self.settle()
        self.rows: list[tuple[str, str, float, float, float, float, float]] = []
        #: CPU seconds of each search and its landmarks read at once (on the worker, live).
        self.landmark_cpu: dict[str, list[float]] = {}

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def measure(
        self, kind: str, name: str, action: Callable[[], None], reset: Callable[[], None]
    ) -> None:
        """Time ``action`` (and the paint it causes) ``runs`` times, ``reset`` between."""
        samples, processor = [], []
        statements: list[tuple[str, Any]] = []
        for _ in range(self.runs):
            reset()
            self.settle()
            with caught(self.database) as seen:
                began, began_cpu = clock.perf_counter(), clock.process_time()
                action()
                self.settle()
                samples.append(clock.perf_counter() - began)
                processor.append(clock.process_time() - began_cpu)
            statements = seen
        median, p95 = median_p95(samples)
        cpu, _ = median_p95(processor)
        raw = replayed(self.path, statements, self.runs)
        self.rows.append((kind, name, median, p95, cpu, TARGETS_MS[kind], raw))

    def choose(self, combo: QComboBox, value: object) -> Callable[[], None]:
        def choose() -> None:
            index = combo.findData(value)
            assert index >= 0, value
            combo.setCurrentIndex(index)

        return choose

    def run(self, *, pages_only: bool = False) -> None:
        view, bar = self.view, self.view.filters
        with self.database.read() as session:
            sector = session.scalar(select(Sector.id).where(Sector.name == "Éole"))
            team = session.scalar(select(Team.id).order_by(Team.id).limit(1))

        def cleared() -> None:
            bar.clear()

        self.measure("open", "history shown: every call, first rows", view.show_current, cleared)
        if pages_only:
            self.scrolling(cleared, "every call")
            return
        filters: list[tuple[str, QComboBox, object]] = [
            ("sector Éole", bar.sector, sector),
            ("need: presumed minor", bar.category, Category.MINOR),
            ("need: shelter", bar.category, Category.SHELTER),
            ("priority urgent", bar.priority, Priority.URGENT),
            ("team (the first)", bar.team, team),
            ("outcome: oriented", bar.outcome, Outcome.ORIENTED),
            ("another call linked", bar.linked, True),
            ("no other call linked", bar.linked, False),
            ("order: oldest first", bar.order, bar.order.itemData(1)),
        ]
        for name, combo, value in filters:
            self.measure("filter", name, self.choose(combo, value), cleared)
        self.measure(
            "filter", "no team on duty", lambda: bar.no_team_on_duty.setChecked(True), cleared
        )
        this_year = bar.period.itemData(4)
        self.measure("filter", "period: this year", self.choose(bar.period, this_year), cleared)

        def with_sector() -> None:
            cleared()
            self.choose(bar.sector, sector)()

        self.measure(
            "filter",
            "+ need: care, on sector Éole",
            self.choose(bar.category, Category.CARE),
            with_sector,
        )

        def with_care_in_eole() -> None:
            with_sector()
            self.choose(bar.category, Category.CARE)()

        self.measure(
            "filter",
            "+ urgent, on care in Éole",
            self.choose(bar.priority, Priority.URGENT),
            with_care_in_eole,
        )
        for typed in ("eole", "eol", "jardins d'éole", "villette", "riquet"):
            self.measure("text", f"text {typed!r}", lambda t=typed: bar.search.setText(t), cleared)

        def with_need() -> None:
            cleared()
            self.choose(bar.category, Category.CARE)()

        self.measure(
            "text", "+ text 'eole', on need: care", lambda: bar.search.setText("eole"), with_need
        )
        self.scrolling(cleared, "every call")
        self.scrolling(lambda: (cleared(), bar.search.setText("eole")), "text 'eole'")
        self.scrolling(
            lambda: (cleared(), self.choose(bar.category, Category.CARE)()), "need: care"
        )

    def scrolling(self, shown: Callable[[], None], name: str) -> None:
        bar = self.view.table.verticalScrollBar()
        shown()
        self.settle()
        position = [0]

        def next_screen() -> None:
            position[0] += bar.pageStep()
            bar.setValue(position[0])

        self.measure("page", f"next screen, {name}", next_screen, lambda: None)

        def middle() -> None:
            bar.setValue(bar.maximum() // 2 + position[0] % 1000)

        def top() -> None:
            bar.setValue(0)
            position[0] += 7

        self.measure("page", f"jump to the middle, {name}", middle, top)

        landmarks = self.view.landmarks

        def searched_again() -> None:
            # Only the first page's keys known: the jump skips half the list in the index
            # (the jumps above mostly land on pages already read, and time the paint).
            self.view.search_again()
            position[0] += 37

        self.measure("page", f"first jump to the middle, {name}", middle, searched_again)

        def with_landmarks() -> None:
            # The runner answers at once: the landmarks are all read before the jump.
            began = clock.process_time()
            landmarks.enabled = True
            self.view.search_again()
            landmarks.enabled = False
            self.landmark_cpu.setdefault(name, []).append(clock.process_time() - began)
            position[0] += 37

        self.measure("page", f"jump to the middle, landmarks ready, {name}", middle, with_landmarks)


def resident_memory_mb(url: str) -> float:
    """VmRSS of a desk window with the history shown and scrolled, in its own process."""
    done = subprocess.run(
        [sys.executable, __file__, "--db", url, "--rss-child"],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return float(done.stdout.strip().splitlines()[-1])


def rss_child(url: str) -> None:
    """Open the desk window, show the history, scroll it; print VmRSS in MB."""
    from operline.ui.shell.main_window import MainWindow
    from operline.ui.tasks import TaskRunner

    app = QApplication([])
    database = open_database(url)
    runner = TaskRunner(database)
    window = MainWindow(database, runner=runner, actor="bench")
    window.resize(1366, 768)
    window.show()
    window.show_history()

    def wait() -> None:
        for _ in range(3000):
            app.processEvents()
            if runner.pending == 0 and window.history.search is not None:
                break
            clock.sleep(0.005)
        app.processEvents()

    wait()
    bar = window.history.table.verticalScrollBar()
    for step in range(300):
        bar.setValue(step * bar.pageStep())
        wait()
    for fraction in (0.25, 0.5, 0.75, 1.0):
        bar.setValue(int(bar.maximum() * fraction))
        wait()
    window.history.filters.search.setText("eole")
    wait()
    for step in range(100):
        bar.setValue(step * bar.pageStep())
        wait()
    status = Path("/proc/self/status").read_text()
    rss_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS"))
    runner.shut_down()
    print(rss_kb / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--db", help=f"database URL (default: sqlite:///{DEFAULT_FILE})")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--pages-only", action="store_true", help="only the scrolling of every call (quicker)"
    )
    parser.add_argument("--rss-child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if arguments.rss_child:
        rss_child(arguments.db)
        return
    url = ensure_database(arguments.db)
    database = open_database(url)
    report = upgrade_database(database, now=datetime.now(UTC))
    if report.changed:
        print(
            f"Upgraded {database.name} from schema {report.from_revision} to {report.to_revision}."
        )
    linked = link_some_calls(database)
    with database.read() as session:
        count, first, last = session.execute(
            select(func.count(), func.min(Incident.received_at), func.max(Incident.received_at))
        ).one()
    days = (last - first).days or 1
    app = QApplication([])
    bench = Bench(app, database, arguments.runs)
    bench.run(pages_only=arguments.pages_only)
    rss = math.nan if arguments.pages_only else resident_memory_mb(url)
    load = os.getloadavg()
    print(
        f"\n{database.name}: {count:,} incidents from {first:%d/%m/%Y} to {last:%d/%m/%Y}, "
        f"{count / days:.0f} calls a day; {linked:,} with another call linked."
    )
    print(
        f"Median and 95th percentile of {arguments.runs} runs, through the history screen "
        f"(offscreen, runner answering at once); load average {load[0]:.1f} {load[1]:.1f} "
        f"on {os.cpu_count()} cores.\n"
    )
    print(
        f"| {'measure':<52} | median ms | p95 ms | CPU median ms | target ms | raw SQL ms | ratio |"
    )
    print(f"|{'-' * 54}|-----------|--------|---------------|-----------|------------|-------|")
    for _kind, name, median, p95, cpu, target, raw in bench.rows:
        # Under a hundredth of a millisecond, nothing was replayed: the page was in memory.
        ratio = f"{median / raw:>5.1f}" if raw >= 0.01 else "    -"
        mark = "" if median <= target else " !"
        print(
            f"| {name:<52} | {median:>9.1f} | {p95:>6.1f} | {cpu:>13.1f} | {target:>9.0f} | "
            f"{raw:>10.1f} | {ratio} |{mark}"
        )
    print(
        f"| {'resident memory, desk with history (MB)':<52} | {rss:>9.0f} | {'':>6} | "
        f"{'':>13} | {RSS_TARGET_MB:>9.0f} | {'':>10} | {'':>5} |"
        f"{'' if rss <= RSS_TARGET_MB else ' !'}"
    )
    for name, samples in bench.landmark_cpu.items():
        cpu_ms = statistics.median(samples) * 1000
        print(f"Search and all its landmarks, {name}: {cpu_ms:.0f} ms CPU (median)")
    print(
        "CPU: this process's processor time, which other work on the machine does not add "
        "to; raw SQL: the SELECTs of the last run through sqlite3 alone (none when its "
        "page was already in memory)."
    )
    database.dispose()
    del app


if __name__ == "__main__":
    main()
