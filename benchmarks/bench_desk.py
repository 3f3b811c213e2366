"""How fast the desk answers over a million incidents, key by key, beside raw SQL.

Over 400 lines: one reproducible measurement script, the SQLite and PostgreSQL runs with
the relay that slows the latter, kept together so one command prints the whole table.

On SQLite (1,000,000 demo incidents), each key an operator presses, on the real widgets
(offscreen): Ctrl+N (the form emptied with the sectors and the services already seen),
a sector chosen (the places proposed for it and the teams on duty), Ctrl+Enter until
the routing panel shows the call's teams, and a stage key (A) on the live board until it
shows the stage; then the board's periodic refresh through ``board_snapshot``. Beside
each, the baseline: the very SELECTs the key sent, caught with ``before_cursor_execute``
and replayed through the database driver alone. Target: 50 ms at the median. The
processor time of the benchmark's process is printed too, with the load average: on a
machine shared with other work the wall time grows with the load.

On PostgreSQL (``--pg URL``, default ``OPERLINE_TEST_DATABASE_URL``), a fresh schema of
demo data is reached through a relay inside this script that holds every chunk of bytes
20 ms in each direction and counts the round trips: it prints the round trips,
statements and wall time of a board refresh, the snapshot's and the former services'.

Run with ``python benchmarks/bench_desk.py`` (an SQLite file of 1,000,000 demo incidents
is made in /tmp the first time, in several minutes, then reused) or ``--db URL``. The
calls the benchmark logs are deleted at the end, so the database can be reused.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time as clock
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import create_engine, delete, event, func, insert, select, text

from operline.actors import workstation_name
from operline.codes import Category, Status
from operline.db.engine import Database, open_database, parse_database_url
from operline.db.migrate import upgrade_database
from operline.db.models import CallerSuggestion, Incident, LocationSuggestion, Sector
from operline.demo import fill_demo_database
from operline.drafts import DraftStore
from operline.incidents.board_snapshot import BoardSnapshot, board_snapshot
from operline.incidents.live_board import open_incidents, sector_strip
from operline.incidents.stages import Action, advance_incident
from operline.operators import OperatorInfo, active_operators
from operline.paris_time import now_utc
from operline.settings import read_settings

# The screens driven, on a runner that answers at once: the time is the work itself.
from operline.ui.board.live_board import LiveBoard
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.intake.desk_view import DeskView
from operline.ui.tasks import ImmediateRunner

DEFAULT_FILE = Path("/tmp/bench1m.sqlite3")
DEMO_INCIDENTS = 1_000_000
TARGET_MS = 50.0
POSTGRES_VARIABLE = "OPERLINE_TEST_DATABASE_URL"
#: The relay's delay for each chunk of bytes, in each direction.
DELAY_S = 0.020
#: The relay stops by itself after this long, whatever happens to the benchmark.
RELAY_LIFETIME_S = 600.0
#: Each call of the benchmark comes this long after the previous one, so none is taken
#: for a duplicate of the one before (the desk asks about calls within 30 minutes).
CALL_SPACING = timedelta(minutes=31)
#: What the screens said in their status line, to explain a benchmark that stops.
NOTICES: list[str] = []


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class QuietAlarm:
    """The desk's alarm, silenced: every demo call left open is red hours later."""

    def notify(self, title: str, message: str, *, urgent: bool) -> None:
        del title, message, urgent

    def ring(self) -> None:
        pass


@dataclass
class Measure:
    name: str
    driven: str
    samples: list[float]
    #: The SELECTs one run sent, as the driver received them.
    selects: list[tuple[str, Any]]
    #: The processor time of each run: on a machine shared with other work, the wall time
    #: grows with the load, the processor time much less.
    cpu: list[float]


def milliseconds(samples: list[float]) -> tuple[float, float]:
    """Median and 95th percentile (nearest rank), in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


@contextlib.contextmanager
def caught(database: Database) -> Iterator[list[tuple[str, Any]]]:
    """Every statement sent meanwhile, with its parameters."""
    seen: list[tuple[str, Any]] = []

    def note(_c: Any, _k: Any, statement: str, parameters: Any, _x: Any, many: bool) -> None:
        seen.append((statement, None if many else parameters))

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def only_selects(statements: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def timed(
    database: Database, runs: int, action: Callable[[int], None]
) -> tuple[list[float], list[tuple[str, Any]], list[float]]:
    """Time ``action(run)`` ``runs`` times: wall, the SELECTs of the last run, processor."""
    samples = []
    cpu = []
    statements: list[tuple[str, Any]] = []
    for run in range(runs):
        with caught(database) as seen:
            began, began_cpu = clock.perf_counter(), clock.process_time()
            action(run)
            samples.append(clock.perf_counter() - began)
            cpu.append(clock.process_time() - began_cpu)
        statements = seen
    return samples, only_selects(statements), cpu


def replay(database: Database, statements: list[tuple[str, Any]], runs: int) -> list[float]:
    """The same SELECTs through the database driver alone, rows fetched."""
    connection = database.engine.raw_connection()
    try:
        samples = []
        for _ in range(runs):
            began = clock.perf_counter()
            for statement, parameters in statements:
                cursor = connection.cursor()
                cursor.execute(statement, parameters or ())
                cursor.fetchall()
                cursor.close()
            samples.append(clock.perf_counter() - began)
        connection.rollback()
        return samples
    finally:
        connection.close()


def wait_until(app: QApplication, done: Callable[[], bool], what: str, limit: float = 10.0) -> None:
    ends = clock.perf_counter() + limit
    while not done():
        app.processEvents()
        if clock.perf_counter() > ends:
            raise SystemExit(f"{what} never happened: something is broken ({NOTICES[-3:]})")


def show_active(app: QApplication, widget: QWidget) -> None:
    widget.resize(1366, 768)
    widget.show()
    widget.activateWindow()
    wait_until(app, widget.isActiveWindow, "the window becoming active")


def press(widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    """A key on the widget's window, where shortcuts are dispatched as for a user."""
    handle = widget.window().windowHandle()
    assert handle is not None
    QTest.keyClick(handle, key, modifier)


def active_sector_ids(database: Database) -> list[int]:
    with database.read() as session:
        ids = list(session.scalars(select(Sector.id).where(Sector.active).order_by(Sector.id)))
    if not ids:
        raise SystemExit("this database has no sector: fill it with `operline demo` first")
    return ids


def desk_keys(
    app: QApplication, database: Database, operator: OperatorInfo, times: list[datetime]
) -> tuple[list[Measure], list[int]]:
    """Ctrl+N, a sector chosen, Ctrl+Enter on the desk view; the calls saved."""
    desk_clock = Clock(times[0])
    drafts = tempfile.TemporaryDirectory()
    desk = DeskContext(
        ImmediateRunner(database),
        desk_clock,
        lambda: operator,
        ChangeBus(),
        lambda: operator.at(workstation_name()),
    )
    view = DeskView(desk, drafts=DraftStore(Path(drafts.name)))
    show_active(app, view)
    sectors = active_sector_ids(database)
    saved: list[int] = []
    routed: list[object] = []
    view.call_logged.connect(lambda logged: saved.append(logged.incident_id))
    view.call_routed.connect(routed.append)
    view.notice.connect(NOTICES.append)
    runs = len(times)

    def new_call(run: int) -> None:
        desk_clock.now = times[run]
        view.start_new_call()  # what Ctrl+N triggers, from anywhere in the window
        app.processEvents()

    def choose_sector(run: int) -> None:
        # A sector other than the one shown, so the choice is a change, as at the desk.
        view.form.sector.choose(sectors[run % len(sectors)])
        app.processEvents()

    def save(run: int) -> None:
        desk_clock.now = times[run]
        view.form.reset()
        view.start_new_call()  # the focus back in the form, as after Ctrl+N
        view.form.fill(lambda: _fill_form(view, sectors[0]))
        view.received_at_pause.stop()  # the teams were just read for the sector filled
        app.processEvents()
        before = len(saved)
        began, began_cpu = clock.perf_counter(), clock.process_time()
        press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        wait_until(
            app,
            lambda: (
                len(saved) > before
                and view.routing.pending is not None
                and view.routing.pending.incident_id == saved[-1]
                and view.routing.model.rowCount() > 0
            ),
            "the routing panel showing the call",
        )
        save_samples.append(clock.perf_counter() - began)
        save_cpu.append(clock.process_time() - began_cpu)
        # Enter records the team proposed, as the operator does next (not timed).
        routed_before = len(routed)
        press(view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
        wait_until(app, lambda: len(routed) > routed_before, "the call being routed")

    measures = []
    samples, selects, cpu = timed(database, runs, new_call)
    measures.append(
        Measure("Ctrl+N: empty form, sectors, services seen", "DeskView", samples, selects, cpu)
    )
    # Ctrl+N stamps the call's time, which reads the teams again after a pause: not now.
    view.received_at_pause.stop()
    view.form.reset()
    samples, selects, cpu = timed(database, runs, choose_sector)
    measures.append(
        Measure("sector chosen: its places + teams on duty", "DeskView", samples, selects, cpu)
    )
    save_samples: list[float] = []
    save_cpu: list[float] = []
    _, selects, _ = timed(database, runs, save)
    measures.append(
        Measure(
            "Ctrl+Enter → routing panel shows the call", "DeskView", save_samples, selects, save_cpu
        )
    )
    view.close()
    drafts.cleanup()
    return measures, saved


def _fill_form(view: DeskView, sector_id: int) -> None:
    view.form.sector.choose(sector_id)
    view.form.category.set_category(Category.DISTRESS)
    view.form.location.setText("Sortie du métro Stalingrad")


def board_keys(
    app: QApplication, database: Database, operator: OperatorInfo, ids: list[int], at: datetime
) -> list[Measure]:
    """A on the live board until it shows the call acknowledged; the board's refresh."""
    desk = DeskContext(
        ImmediateRunner(database),
        Clock(at),
        lambda: operator,
        ChangeBus(),
        lambda: operator.at(workstation_name()),
    )
    board = LiveBoard(desk, alarm=QuietAlarm())
    board.notice.connect(NOTICES.append)
    show_active(app, board)

    def stage_key(run: int) -> None:
        incident_id = ids[run]
        if not board.select_incident(incident_id):
            raise SystemExit(f"incident {incident_id} is not on the board")
        board.table.setFocus()
        press(board, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier)
        wait_until(
            app,
            lambda: _stage_shown(board, incident_id) is Status.ACKNOWLEDGED,
            "the board showing the call acknowledged",
        )

    def widget_refresh(_run: int) -> None:
        board.refresh()
        app.processEvents()

    last: list[BoardSnapshot] = [board_snapshot(database, now=at)]

    def snapshot(_run: int) -> None:
        last[0] = board_snapshot(database, now=at, previous=last[0])

    def stage_service(run: int) -> None:
        # S on an acknowledged call: the service, then the snapshot redrawn from its state.
        shown = next(i for i in last[0].incidents if i.incident_id == ids[run])
        state = advance_incident(
            database,
            shown.incident_id,
            Status.ON_SCENE,
            version=shown.version,
            action=Action(operator.at(workstation_name()), at, at),
        )
        last[0] = last[0].with_change(state, now=at)

    runs = len(ids)
    measures = []
    samples, selects, cpu = timed(database, runs, stage_key)
    measures.append(Measure("stage key A → board shows it", "LiveBoard", samples, selects, cpu))
    samples, selects, cpu = timed(database, runs, widget_refresh)
    measures.append(
        Measure("board refresh, as the widget does it today", "LiveBoard", samples, selects, cpu)
    )
    samples, selects, cpu = timed(database, runs, snapshot)
    measures.append(
        Measure("board refresh: board_snapshot(previous=…)", "service", samples, selects, cpu)
    )
    samples, selects, cpu = timed(database, runs, stage_service)
    measures.append(
        Measure("stage key S: advance_incident + with_change", "service", samples, selects, cpu)
    )
    board.age_timer.stop()
    board.alert_timer.stop()
    board.close()
    return measures


def _stage_shown(board: LiveBoard, incident_id: int) -> Status | None:
    row = board.model.row_of(incident_id)
    incident = board.model.incident(row) if row is not None else None
    return incident.status if incident is not None else None


def kept_suggestions(database: Database) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with database.read() as session:
        callers = [dict(r._mapping) for r in session.execute(select(CallerSuggestion.__table__))]
        places = [dict(r._mapping) for r in session.execute(select(LocationSuggestion.__table__))]
    return callers, places


def forget_calls(
    database: Database,
    first_id: int,
    suggestions: tuple[list[dict[str, Any]], list[dict[str, Any]]],
) -> None:
    """Delete the calls the benchmark logged and what they counted: the file stays as it was."""
    with database.write() as session:
        session.execute(
            text("DELETE FROM incident_event WHERE incident_id > :first"), {"first": first_id}
        )
        session.execute(text("DELETE FROM incident WHERE id > :first"), {"first": first_id})
        for model, rows in zip((CallerSuggestion, LocationSuggestion), suggestions, strict=True):
            session.execute(delete(model))
            if rows:
                session.execute(insert(model), rows)


def ensure_database(url: str | None) -> str:
    if url is not None:
        return url
    made = f"sqlite:///{DEFAULT_FILE}"
    if not DEFAULT_FILE.exists():
        print(f"Making {DEFAULT_FILE} with {DEMO_INCIDENTS:,} demo incidents…", flush=True)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "operline",
                "demo",
                "--incidents",
                str(DEMO_INCIDENTS),
                "--db",
                made,
            ],
            check=True,
        )
    return made


def sqlite_run(app: QApplication, url: str, runs: int) -> None:
    database = open_database(url)
    upgrade_database(database, now=now_utc())
    operators = active_operators(database)
    if not operators:
        raise SystemExit("this database has no operator: fill it with `operline demo` first")
    operator = operators[0]
    with database.read() as session:
        last_id = session.scalar(select(func.max(Incident.id))) or 0
        latest = session.scalar(select(func.max(Incident.received_at)))
        total = session.scalar(select(func.count()).select_from(Incident)) or 0
    start = max(now_utc(), latest or now_utc()) + CALL_SPACING
    times = [start + CALL_SPACING * n for n in range(runs)]
    suggestions = kept_suggestions(database)
    try:
        measures, saved = desk_keys(app, database, operator, times)
        after = times[-1] + timedelta(minutes=1)
        measures += board_keys(app, database, operator, saved, after)
        on_board = len(board_snapshot(database, now=after).incidents)
    finally:
        forget_calls(database, last_id, suggestions)
    print(f"\n{database.name}: {total:,} incidents, {on_board:,} open on the board\n")
    print(
        f"| {'key (what is timed)':<44} | driven    | median ms | p95 ms | CPU median ms "
        f"| raw SQL median | SELECTs | ≤ {TARGET_MS:.0f} ms |"
    )
    print(
        f"|{'-' * 46}|-----------|-----------|--------|---------------|----------------"
        "|---------|---------|"
    )
    for measure in measures:
        median, p95 = milliseconds(measure.samples)
        cpu, _ = milliseconds(measure.cpu)
        raw, _ = milliseconds(replay(database, measure.selects, runs))
        verdict = "yes" if median <= TARGET_MS else "NO"
        print(
            f"| {measure.name:<44} | {measure.driven:<9} | {median:>9.1f} | {p95:>6.1f} "
            f"| {cpu:>13.1f} | {raw:>14.1f} | {len(measure.selects):>7} | {verdict:>7} |"
        )
    print(
        "\nraw SQL: the SELECTs of one run replayed through the sqlite3 driver alone "
        "(writes are not replayed). DeskView/LiveBoard: real widgets, keys or the slot the "
        "key triggers; service: the calls a wired screen would make. CPU: this process's "
        "processor time, which other work on the machine adds little to."
    )
    print(f"load average then: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    database.dispose()


class DelayRelay:
    """An asyncio TCP relay on 127.0.0.1 to a server, in its own thread: it holds every
    chunk of bytes ``delay`` seconds in each direction, counts round trips (a burst of
    client bytes after an answer), and stops by itself after ``lifetime`` seconds."""

    def __init__(self, host: str, port: int, delay: float, lifetime: float) -> None:
        self.target = (host, port)
        self.delay = delay
        self.round_trips = 0
        self.port = 0
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._run, args=(lifetime,), daemon=True)
        self._thread.start()
        if not self._ready.wait(5):
            raise SystemExit("the relay to PostgreSQL did not start")

    def _run(self, lifetime: float) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_until_complete(self._serve(lifetime))
        self._loop.close()

    async def _serve(self, lifetime: float) -> None:
        self._stop = asyncio.Event()
        server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), lifetime)
        server.close()

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        up_reader, up_writer = await asyncio.open_connection(*self.target)
        last = ["answer"]
        await asyncio.gather(
            self._pump(reader, up_writer, "ask", last),
            self._pump(up_reader, writer, "answer", last),
            return_exceptions=True,
        )

    async def _pump(
        self, source: asyncio.StreamReader, sink: asyncio.StreamWriter, side: str, last: list[str]
    ) -> None:
        # Chunks are held, not serialised: a long answer costs one delay, as on a real link.
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()

        async def deliver() -> None:
            while True:
                due, chunk = await queue.get()
                if not chunk:
                    break
                await asyncio.sleep(max(0.0, due - self._loop.time()))
                sink.write(chunk)
                await sink.drain()
            sink.close()

        delivery = asyncio.ensure_future(deliver())
        try:
            while chunk := await source.read(65536):
                if side == "ask" and last[0] == "answer":
                    self.round_trips += 1
                last[0] = side
                await queue.put((self._loop.time() + self.delay, chunk))
        finally:
            await queue.put((0.0, b""))
            await delivery

    def close(self) -> None:
        self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(5)


@contextlib.contextmanager
def postgres_schema(url: str, incidents: int) -> Iterator[str]:
    """A fresh schema of demo data on the server, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = parse_database_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    scoped_url = scoped.render_as_string(hide_password=False)
    try:
        filled = open_database(scoped_url)
        try:
            upgrade_database(filled, now=now_utc())
            fill_demo_database(filled, incidents=incidents, weeks=8, seed=1, now=now_utc())
        finally:
            filled.dispose()
        yield scoped_url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def postgres_run(url: str, incidents: int, runs: int) -> None:
    server = parse_database_url(url)
    relay = DelayRelay(server.host or "127.0.0.1", server.port or 5432, DELAY_S, RELAY_LIFETIME_S)
    try:
        with postgres_schema(url, incidents) as scoped:
            relayed = parse_database_url(scoped).set(host="127.0.0.1", port=relay.port)
            database = open_database(relayed.render_as_string(hide_password=False))
            try:
                now = now_utc()
                last = board_snapshot(database, now=now)  # connects, reads the roster

                def snapshot() -> None:
                    nonlocal last
                    last = board_snapshot(database, now=now, previous=last)

                def former() -> None:
                    settings = read_settings(database)
                    sector_strip(database, now=now)
                    open_incidents(database, now=now, settings=settings)

                rows = [
                    (
                        "board_snapshot(previous=…), a refresh",
                        *_on_wire(database, relay, snapshot, runs),
                    ),
                    (
                        "board_snapshot(), roster read again",
                        *_on_wire(database, relay, lambda: board_snapshot(database, now=now), runs),
                    ),
                    (
                        "read_settings + sector_strip + open_incidents",
                        *_on_wire(database, relay, former, runs),
                    ),
                ]
                on_board = len(last.incidents)
            finally:
                database.dispose()
    finally:
        relay.close()
    print(
        f"\nPostgreSQL behind a relay adding {DELAY_S * 1000:.0f} ms each way: "
        f"{incidents:,} demo incidents, {on_board:,} open on the board\n"
    )
    print(f"| {'board refresh':<46} | round trips | statements | median ms | p95 ms |")
    print(f"|{'-' * 48}|-------------|------------|-----------|--------|")
    for name, trips, statements, samples in rows:
        median, p95 = milliseconds(samples)
        print(f"| {name:<46} | {trips:>11} | {statements:>10} | {median:>9.1f} | {p95:>6.1f} |")


def _on_wire(
    database: Database, relay: DelayRelay, action: Callable[[], None], runs: int
) -> tuple[int, int, list[float]]:
    """Round trips and statements of one run (the last), and the wall time of each."""
    samples = []
    trips = statements = 0
    for _ in range(runs):
        before = relay.round_trips
        with caught(database) as seen:
            began = clock.perf_counter()
            action()
            samples.append(clock.perf_counter() - began)
        trips, statements = relay.round_trips - before, len(seen)
    return trips, statements, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help=f"database URL (default: sqlite:///{DEFAULT_FILE})")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--pg", default=os.environ.get(POSTGRES_VARIABLE), help="PostgreSQL URL")
    parser.add_argument("--pg-incidents", type=int, default=20_000, metavar="N")
    parser.add_argument("--skip-sqlite", action="store_true")
    arguments = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication([])
    if not arguments.skip_sqlite:
        sqlite_run(app, ensure_database(arguments.db), arguments.runs)
    if arguments.pg:
        postgres_run(arguments.pg, arguments.pg_incidents, arguments.runs)
    else:
        print(f"\nPostgreSQL skipped: give --pg URL or set {POSTGRES_VARIABLE}.")
    del app


if __name__ == "__main__":
    main()
