"""How fast the supervisor's day log answers over a million incidents, beside raw SQL.

On a copy of the 1,000,000-incident SQLite demo (the day log's sign-off table needs the
schema upgraded, and the demo file is shared: it is never written), for the busiest day:

- "day log": the journal screen (real widgets, offscreen) shows a day: the day counted
  and the keys of its first page (audited), the header's sign-offs, and the first page
  of rows with their stage times, delays, teams on duty and corrections, until the
  first row is on screen;
- "day log, next page": scrolling to a page not read yet (read by keyset from the
  nearest row already read);
- "day log, whole day": every call of the day read for the PDF or CSV (informative: a
  printed day, not a key press).

Beside each, the baseline: the very SELECTs the screen sent, caught with
``before_cursor_execute`` and replayed through the sqlite3 driver alone. Target for the
screen: 50 ms at the median.

Run with ``python benchmarks/bench_day_log.py`` (``--source`` the demo file, made by
``benchmarks/bench_desk.py`` or ``operline demo --incidents 1000000``; ``--copy`` where
the upgraded copy is kept between runs). That demo packs its million calls into eight
weeks, some 16,000 a day, fifty times a busy day of the desk; a million calls at the
desk's pace (``operline demo --incidents 1000000 --weeks 480``, a few hundred a day over
nine years) is measured by naming that file as ``--copy``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sqlite3
import sys
import time as clock
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_desk import caught, milliseconds
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from operline.actors import system_actor, workstation_name
from operline.day_log import read_day_log
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.paris_time import now_utc, paris_date, paris_day_bounds
from operline.ui.journal.model import PAGE_SIZE
from operline.ui.journal.view import JournalView
from operline.ui.tasks import ImmediateRunner

SOURCE = Path("/tmp/bench1m.sqlite3")
COPY = Path("/tmp/bench1m-daylog.sqlite3")
TARGET_MS = 50.0
SHOW = "day log (count, header, first page)"
PAGE = "day log, next page"
WHOLE = "day log, whole day (PDF, CSV)"


#: The processor time of each run, beside its wall time: on a machine shared with other
#: work, wall time counts the waits for a core too.
CPU: dict[str, list[float]] = {}


def timed(
    database: Database, runs: int, action: Callable[[], None], name: str = ""
) -> tuple[list[float], list[tuple[str, Any]]]:
    samples: list[float] = []
    cpu = CPU.setdefault(name, [])
    selects: list[tuple[str, Any]] = []
    for _ in range(runs):
        with caught(database) as seen:
            began, began_cpu = clock.perf_counter(), clock.process_time()
            action()
            samples.append(clock.perf_counter() - began)
            cpu.append(clock.process_time() - began_cpu)
        selects = [(s, p) for s, p in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))]
    return samples, selects


def replay(path: Path, statements: list[tuple[str, Any]], runs: int) -> list[float]:
    """The same SELECTs through the sqlite3 driver alone, rows fetched."""
    connection = sqlite3.connect(path)
    try:
        samples = []
        for _ in range(runs):
            began = clock.perf_counter()
            for statement, parameters in statements:
                connection.execute(statement, parameters or ()).fetchall()
            samples.append(clock.perf_counter() - began)
        return samples
    finally:
        connection.close()


def prepared_copy(source: Path, copy: Path) -> Path:
    """An upgraded copy of the demo, made once with SQLite's backup (the source is only read)."""
    if not copy.exists():
        if not source.exists():
            raise SystemExit(
                f"{source} is missing: make it with `operline demo --incidents 1000000 "
                f"--db sqlite:///{source}`"
            )
        print(f"Copying {source} to {copy}…", flush=True)
        reading = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        with contextlib.closing(reading), contextlib.closing(sqlite3.connect(copy)) as written:
            reading.backup(written)
    database = open_database(f"sqlite:///{copy}")
    try:
        upgrade_database(database, now=now_utc())
    finally:
        database.dispose()
    return copy


def busiest_day(database: Database) -> tuple[date, int]:
    with database.read() as session:
        latest = session.scalar(select(func.max(Incident.received_at)))
    assert latest is not None, "the demo has no incident"
    # The last whole day: the day of the latest call may have only just begun.
    day = date.fromordinal(paris_date(latest).toordinal() - 1)
    start, end = paris_day_bounds(day)
    with database.read() as session:
        count = session.scalar(
            select(func.count())
            .select_from(Incident)
            .where(Incident.received_at >= start, Incident.received_at < end)
        )
    return day, count or 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--copy", type=Path, default=COPY)
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    path = prepared_copy(arguments.source, arguments.copy)
    database = open_database(f"sqlite:///{path}")
    day, calls = busiest_day(database)
    actor = system_actor("benchmark", workstation_name())
    now = now_utc()
    view = JournalView(
        ImmediateRunner(database), actor=actor, clock=lambda: now, shown_at_once=False
    )
    view.resize(1366, 768)
    view.show()
    app.processEvents()

    def show_day() -> None:
        view.show_day(day)
        assert view.model.row_at(0) is not None  # the first row is there to paint
        assert view.supervision.status is not None

    pages = itertools.cycle(range(PAGE_SIZE, max(calls, PAGE_SIZE + 1), PAGE_SIZE))

    def next_page() -> None:
        # A page not read yet: the rows in memory are dropped first (a day of few pages
        # has few); the keys of the pages read stay known, as while scrolling.
        view.model.reread()
        assert view.model.row_at(min(next(pages), calls - 1)) is not None

    def whole_day() -> None:
        assert len(read_day_log(database, day, actor=actor, now=now).rows) == calls

    show_day()  # warm the caches as a desk that has run a while has them
    rows = [
        (SHOW, "JournalView", *timed(database, arguments.runs, show_day, SHOW)),
        (PAGE, "JournalModel", *timed(database, arguments.runs, next_page, PAGE)),
        (WHOLE, "service", *timed(database, 3, whole_day, WHOLE)),
    ]
    print(f"\n{database.name}: {calls:,} calls on {day.isoformat()}\n")
    print(
        f"| {'what is timed':<36} | driven       | median ms | p95 ms | CPU median ms "
        f"| raw SQL median | SELECTs | ≤ {TARGET_MS:.0f} ms |"
    )
    print(
        f"|{'-' * 38}|--------------|-----------|--------|---------------"
        "|----------------|---------|---------|"
    )
    for name, driven, samples, selects in rows:
        median, p95 = milliseconds(samples)
        raw, _ = milliseconds(replay(path, selects, min(arguments.runs, len(samples))))
        verdict = "yes" if median <= TARGET_MS else "NO"
        if "whole day" in name:
            verdict = "-"
        cpu, _ = milliseconds(CPU[name])
        print(
            f"| {name:<36} | {driven:<12} | {median:>9.1f} | {p95:>6.1f} | {cpu:>13.1f} "
            f"| {raw:>14.1f} | {len(selects):>7} | {verdict:>7} |"
        )
    print(
        "\nraw SQL: the SELECTs of one run replayed through the sqlite3 driver alone (the "
        "audit row of each consultation is a write, not replayed). CPU: this process's "
        "processor time, which other work on the machine does not add to."
    )
    print(f"load average then: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    database.dispose()


if __name__ == "__main__":
    main()
