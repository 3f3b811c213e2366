"""How fast a sector's view and the week in charts open over a million incidents, beside raw SQL.

For each, two measures: the service the screen calls on its worker (``sector_figures``,
``week_figures``), and the screen itself opened on a runner that answers at once (the
service, then the models filled and the charts built). Beside them, the baseline: the very
SELECTs the service sent, caught with ``before_cursor_execute`` and replayed through the
database driver alone. Targets: 150 ms for a sector's view, 500 ms for the week.

Each measure is taken before and after the figures' indexes (migration 0008), in the same
run, turn about, so a machine loaded by others weighs on both alike: "before" is a copy of
the demo database at the revision it was made with, "after" the same copy upgraded to the
app's schema. Wall time is the median of the runs, processor time (``process_time``, this
process alone) the median too: on a loaded machine the second says what the work costs.

The views write an audit row, so the benchmark works on copies of the demo database, which
is never written: the copies are made in /tmp the first time (about a minute), then
reused. Run with ``python benchmarks/bench_figures.py [--source FILE] [--runs N]``; the
source defaults to a dense demo (``operline demo --incidents 1000000 --weeks 8``).
``--pg URL`` measures PostgreSQL instead, on a fresh schema of demo data (``--pg-incidents``,
``--pg-weeks``) dropped at the end (or kept under the name ``--pg-keep`` gives, for the
next run), before and after the indexes on the same schema.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import time as clock
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import create_engine, event, text

from operline.actors import system_actor
from operline.db.engine import Database, open_database, parse_database_url
from operline.db.migrate import upgrade_database
from operline.demo import fill_demo_database
from operline.figures.buckets import IsoWeek
from operline.figures.sector_view import sector_figures
from operline.figures.week import week_figures
from operline.paris_time import paris_date
from operline.roster.board import active_sectors
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.figures.sector_view import SectorView
from operline.ui.figures.week_dashboard import WeekDashboard
from operline.ui.tasks import ImmediateRunner

DEMO_FILE = Path("/tmp/bench/dense-1m.sqlite3")
SECTOR_TARGET_MS = 150.0
WEEK_TARGET_MS = 500.0
RUNS = 7
#: The indexes migration 0008 adds, dropped again to measure "before" on PostgreSQL.
FIGURES_INDEXES = ("ix_incident_sector_acknowledged", "ix_incident_sector_location")


@dataclass
class Sample:
    wall_ms: float
    cpu_ms: float


def timed(action: Callable[[], object]) -> Sample:
    began, cpu = clock.perf_counter(), clock.process_time()
    action()
    return Sample((clock.perf_counter() - began) * 1000, (clock.process_time() - cpu) * 1000)


def median(samples: list[Sample]) -> Sample:
    return Sample(
        statistics.median(s.wall_ms for s in samples), statistics.median(s.cpu_ms for s in samples)
    )


def catch_selects(database: Database, action: Callable[[], object]) -> list[tuple[str, Any]]:
    caught: list[tuple[str, Any]] = []

    def seen(_c: Any, _cursor: Any, statement: str, parameters: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            caught.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(database.engine, "before_cursor_execute", seen)
    return caught


def replayer(database: Database, statements: list[tuple[str, Any]]) -> Callable[[], None]:
    """The statements sent again through the bare driver, on a connection of its own."""
    if database.is_sqlite:
        path = database.engine.url.database
        connection: Any = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    else:
        connection = database.engine.raw_connection()

    def replay() -> None:
        cursor = connection.cursor()
        for statement, parameters in statements:
            cursor.execute(statement, parameters)
            cursor.fetchall()
        if not database.is_sqlite:
            connection.rollback()

    return replay


@dataclass
class Side:
    """One database measured: its services, its screens, the instant it is read at."""

    label: str
    database: Database
    cases: list[tuple[str, Callable[[], object], float]]


def side(label: str, database: Database, app: QApplication) -> Side:
    actor = system_actor("bench", "bench")
    now = latest_call(database)
    week = IsoWeek.of(paris_date(now)).shifted(-1)
    with database.read() as session:
        sectors = active_sectors(session)
    busiest, busiest_name = sectors[0]
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

    return Side(
        label,
        database,
        [
            (
                f"sector view: service ({busiest_name})",
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
        ],
    )


def latest_call(database: Database) -> datetime:
    with database.read() as session:
        newest = session.execute(text("SELECT max(received_at) FROM incident")).scalar_one()
    if isinstance(newest, datetime):
        return newest.astimezone(UTC) + timedelta(seconds=1)
    return datetime.fromisoformat(str(newest)).replace(tzinfo=UTC) + timedelta(seconds=1)


def measure(sides: list[Side], runs: int) -> list[str]:
    """Each case on every side, turn about; one table row per case and side."""
    header = (
        f"| {'measure (median of ' + str(runs) + ')':<40} | {'schema':<6} | wall ms | cpu ms "
        "| target | raw SQL wall | raw cpu | wall/raw | statements |"
    )
    rows = [header, "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"]
    for number, (label, _action, target_ms) in enumerate(sides[0].cases):
        actions = [s.cases[number][1] for s in sides]
        replays = []
        caught = []
        for each, action in zip(sides, actions, strict=True):
            statements = catch_selects(each.database, action)
            caught.append(len(statements))
            replays.append(replayer(each.database, statements))
        measured: list[list[Sample]] = [[] for _ in sides]
        raw: list[list[Sample]] = [[] for _ in sides]
        for action, replay in zip(actions, replays, strict=True):
            action()  # warm the page cache and the statement caches
            replay()
        for _ in range(runs):
            for index, (action, replay) in enumerate(zip(actions, replays, strict=True)):
                measured[index].append(timed(action))
                raw[index].append(timed(replay))
        for index, each in enumerate(sides):
            got, base = median(measured[index]), median(raw[index])
            verdict = "" if got.wall_ms <= target_ms else " (over)"
            rows.append(
                f"| {label:<40} | {each.label:<6} | {got.wall_ms:>7.0f} | {got.cpu_ms:>6.0f} "
                f"| {target_ms:>6.0f} | {base.wall_ms:>12.0f} | {base.cpu_ms:>7.0f} "
                f"| {got.wall_ms / base.wall_ms:>8.2f} | {caught[index]:>10} |{verdict}"
            )
    return rows


def copy_of(source: Path, target: Path) -> Path:
    if not target.exists():
        print(f"Copying {source} to {target} (once)…", file=sys.stderr, flush=True)
        reading = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        writing = sqlite3.connect(target)
        reading.backup(writing)
        writing.close()
        reading.close()
    return target


def sqlite_sides(source: Path, app: QApplication) -> tuple[list[Side], list[Database]]:
    stem = Path("/tmp") / f"{source.stem}-figures"
    before = copy_of(source, stem.with_name(stem.name + "-before.sqlite3"))
    after = stem.with_name(stem.name + "-after.sqlite3")
    if not after.exists():
        copy_of(source, after)
        upgrading = open_database(f"sqlite:///{after}")
        began = timed(lambda: upgrade_database(upgrading, now=datetime.now(UTC)))
        upgrading.dispose()
        print(f"Upgraded {after} in {began.wall_ms / 1000:.1f} s.", file=sys.stderr)
    databases = [open_database(f"sqlite:///{path}") for path in (before, after)]
    with databases[0].read() as session:
        revision = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    labels = (revision, "head")
    return [side(label, db, app) for label, db in zip(labels, databases, strict=True)], databases


@contextmanager
def postgres_schema(url: str, incidents: int, weeks: int, kept: str | None) -> Iterator[Database]:
    """A fresh schema of demo data, dropped at the end; or the ``kept`` one, made once."""
    schema = kept or f"bench_figures_{uuid.uuid4().hex[:8]}"
    admin = create_engine(parse_database_url(url))
    with admin.begin() as connection:
        exists = connection.execute(
            text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :name"),
            {"name": schema},
        ).first()
        if not exists:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = parse_database_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(scoped.render_as_string(hide_password=False))
    try:
        upgrade_database(database, now=datetime.now(UTC))
        if not exists:
            print(f"Filling {schema} with {incidents:,} demo incidents…", file=sys.stderr)
            fill_demo_database(database, incidents=incidents, weeks=weeks, now=datetime.now(UTC))
        yield database
    finally:
        database.dispose()
        if not kept:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def set_figures_indexes(database: Database, *, present: bool) -> None:
    """Drop the figures' indexes, or make them again as migration 0008 does."""
    with database.engine.begin() as connection:
        for name in FIGURES_INDEXES:
            connection.execute(text(f"DROP INDEX IF EXISTS {name}"))
        if present:
            connection.execute(
                text(
                    "CREATE INDEX ix_incident_sector_acknowledged ON incident "
                    "(sector_id, received_at, acknowledged_at) WHERE acknowledged_at IS NOT NULL"
                )
            )
            connection.execute(
                text(
                    "CREATE INDEX ix_incident_sector_location ON incident "
                    "(sector_id, location, received_at) WHERE location IS NOT NULL"
                )
            )
        connection.execute(text("ANALYZE incident"))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEMO_FILE, help="SQLite demo file")
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--pg", metavar="URL", help="measure PostgreSQL at this URL instead")
    parser.add_argument("--pg-incidents", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--pg-weeks", type=int, default=8, metavar="W")
    parser.add_argument(
        "--pg-keep", metavar="SCHEMA", help="fill this schema once and keep it for the next run"
    )
    arguments = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    if arguments.pg:
        with postgres_schema(
            arguments.pg, arguments.pg_incidents, arguments.pg_weeks, arguments.pg_keep
        ) as db:
            tables = []
            for label, present in (("before", False), ("head", True)):
                set_figures_indexes(db, present=present)
                tables += measure([side(label, db, app)], arguments.runs)[2 if tables else 0 :]
            print(
                f"PostgreSQL, {arguments.pg_incidents:,} demo incidents over "
                f"{arguments.pg_weeks} weeks, without then with the figures' indexes"
            )
            print("\n".join(tables))
        return
    if not arguments.source.exists():
        raise SystemExit(
            f"{arguments.source} is missing: make it with operline demo --incidents 1000000 "
            f"--weeks 8 --db sqlite:///{arguments.source}"
        )
    sides, databases = sqlite_sides(arguments.source, app)
    rows = measure(sides, arguments.runs)
    print(f"{arguments.source} (copies), read at {latest_call(databases[0]):%Y-%m-%d %H:%M} UTC")
    print("\n".join(rows))
    for database in databases:
        database.dispose()


if __name__ == "__main__":
    main()
