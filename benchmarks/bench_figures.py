"""How fast a sector's view and the week in charts open over a million incidents, beside raw SQL.

For each, two measures: the service the screen calls on its worker (``sector_figures``,
``week_figures``), and the screen itself opened on a runner that answers at once (the
service, then the models filled and the charts built). Beside them, the baseline: the very
SELECTs the service sent, caught with ``before_cursor_execute`` and replayed through the
``sqlite3`` driver alone. Targets: 150 ms for a sector's view, 500 ms for the week.

The views write an audit row, so the benchmark works on a copy of the demo database
(``/tmp/bench1m.sqlite3``, 1,000,000 incidents, is never written): the copy is made in
/tmp the first time, then reused. ``--indexed`` measures a second copy that has the two
covering indexes proposed in ``PROPOSED_INDEXES`` (made once, about a minute), to weigh
what they would give. Run with ``python benchmarks/bench_figures.py [--indexed]``.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import event, text

from operline.actors import system_actor
from operline.db.engine import Database, open_database
from operline.figures.buckets import IsoWeek
from operline.figures.sector_view import sector_figures
from operline.figures.week import week_figures
from operline.paris_time import paris_date
from operline.roster.board import active_sectors
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.figures.sector_view import SectorView
from operline.ui.figures.week_dashboard import WeekDashboard
from operline.ui.tasks import ImmediateRunner

DEMO_FILE = Path("/tmp/bench1m.sqlite3")
COPY = Path("/tmp/bench1m-figures.sqlite3")
INDEXED_COPY = Path("/tmp/bench1m-figures-indexed.sqlite3")
SECTOR_TARGET_MS = 150.0
WEEK_TARGET_MS = 500.0
RUNS = 5
#: Covering indexes that would spare the figures reading the incidents' rows: each extends
#: an index the schema has (same leading columns), so it could replace it.
PROPOSED_INDEXES = (
    "CREATE INDEX ix_incident_sector_received_figures "
    "ON incident (sector_id, received_at, acknowledged_at, location)",
    "CREATE INDEX ix_incident_received_figures "
    "ON incident (received_at, sector_id, acknowledged_at, outcome, team_on_duty_at_intake)",
)


@dataclass
class Caught:
    """The SELECTs a service sent, as the driver received them."""

    statements: list[tuple[str, Any]]

    def replay(self, path: Path) -> None:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            for statement, parameters in self.statements:
                connection.execute(statement, parameters).fetchall()
        finally:
            connection.close()


def catch_selects(database: Database, action: Callable[[], object]) -> Caught:
    caught = Caught([])

    def seen(_c: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            caught.statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    return caught


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    action()  # warm the page cache and the statement caches
    samples = []
    for _ in range(runs):
        began = clock.perf_counter()
        action()
        samples.append((clock.perf_counter() - began) * 1000)
    return statistics.median(samples)


def copy_of(source: Path, target: Path, *, indexed: bool) -> Path:
    if target.exists():
        return target
    print(f"Copying {source} to {target} (once)…", file=sys.stderr)
    reading = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writing = sqlite3.connect(target)
    reading.backup(writing)
    if indexed:
        for statement in PROPOSED_INDEXES:
            writing.execute(statement)
        writing.commit()
    writing.close()
    reading.close()
    return target


def latest_call(database: Database) -> datetime:
    with database.read() as session:
        newest = session.execute(text("SELECT max(received_at) FROM incident")).scalar_one()
    return datetime.fromisoformat(str(newest)).replace(tzinfo=UTC) + timedelta(seconds=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indexed", action="store_true", help="measure the proposed indexes")
    parser.add_argument("--source", type=Path, default=DEMO_FILE)
    arguments = parser.parse_args()
    if not arguments.source.exists():
        raise SystemExit(
            f"{arguments.source} is missing: make it with "
            f"operline demo --incidents 1000000 --db sqlite:///{arguments.source}"
        )
    target = INDEXED_COPY if arguments.indexed else COPY
    path = copy_of(arguments.source, target, indexed=arguments.indexed)
    database = open_database(f"sqlite:///{path}")
    app = QApplication.instance() or QApplication(sys.argv)
    actor = system_actor("bench", "bench")
    now = latest_call(database)
    week = IsoWeek.of(paris_date(now)).shifted(-1)
    with database.read() as session:
        sectors = active_sectors(session)
    busiest = sectors[0][0]
    context = DeskContext(
        ImmediateRunner(database), lambda: now, lambda: None, ChangeBus(), lambda: actor
    )
    view = SectorView(context)
    view.resize(1366, 740)
    dashboard = WeekDashboard(context)
    dashboard.resize(1366, 740)

    def open_view() -> None:
        view.show_sector(busiest)
        app.processEvents()

    def open_week() -> None:
        dashboard.show_week(week)
        app.processEvents()

    cases = [
        (
            f"sector view: service ({sectors[0][1]})",
            lambda: sector_figures(database, busiest, actor=actor, now=now),
            SECTOR_TARGET_MS,
        ),
        ("sector view: window filled and drawn", open_view, SECTOR_TARGET_MS),
        (
            f"week in charts: service ({week})",
            lambda: week_figures(database, week, actor=actor, now=now),
            WEEK_TARGET_MS,
        ),
        ("week in charts: charts built and drawn", open_week, WEEK_TARGET_MS),
    ]
    header = f"| {'measure (median of 5)':<42} | measured | target | raw SQL | ratio | statements |"
    rows = [header, "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"]
    for label, action, target_ms in cases:
        caught = catch_selects(database, action)
        measured = median_ms(action)
        raw = median_ms(lambda caught=caught: caught.replay(path))
        verdict = "" if measured <= target_ms else " (over)"
        rows.append(
            f"| {label:<42} | {measured:>5.0f} ms | {target_ms:>3.0f} ms | {raw:>4.0f} ms "
            f"| {measured / raw:>5.2f} | {len(caught.statements):>10} |{verdict}"
        )
    kind = "with the proposed covering indexes" if arguments.indexed else "schema as shipped"
    print(f"{path} ({kind}), now = {now:%Y-%m-%d %H:%M} UTC")
    print("\n".join(rows))
    database.dispose()


if __name__ == "__main__":
    main()
