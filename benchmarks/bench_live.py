"""How soon the other desks see a change, and what an idle desk asks: three desks and a supervisor.

Four desks (four open databases, each with its change feed) share one PostgreSQL schema of
demo data, each reached through the relay of ``bench_desk`` that holds every chunk of
bytes 20 ms in each direction. Desk by desk in turn, one adds a note to a call (the
product's service); for each of the three others it is timed until its feed heard the
change, and until it had read the call's board row again (``open_incidents`` for the ids
named, what the live board does on a change). Target: under 100 ms. Then the statements
one idle desk sends in ``--idle-seconds`` (60 by default) are counted with SQLAlchemy's
``before_cursor_execute``: expected 0, the listening connection only waits on its socket.

Run with ``python benchmarks/bench_live.py`` (``--pg URL``, default
``OPERLINE_TEST_DATABASE_URL``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time as clock
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

sys.path.insert(0, str(Path(__file__).parent))
from bench_desk import DELAY_S, RELAY_LIFETIME_S, DelayRelay, postgres_schema

from operline.actors import Actor
from operline.changes import Changes
from operline.codes import OperatorRole
from operline.db.change_feed import ChangeFeed
from operline.db.engine import Database, open_database, parse_database_url
from operline.db.models import Incident, Operator
from operline.incidents.live_board import open_incidents
from operline.incidents.stages import add_note
from operline.paris_time import now_utc
from operline.settings import read_settings

POSTGRES_VARIABLE = "OPERLINE_TEST_DATABASE_URL"
DESKS = ("desk 1", "desk 2", "desk 3", "supervisor")
TARGET_MS = 100.0


class Desk:
    """One desk: its database, its feed, and when it heard and redrew each change."""

    def __init__(self, name: str, url: str) -> None:
        self.name = name
        self.database = open_database(url)
        self.settings = read_settings(self.database)
        self.heard_at: dict[int, float] = {}
        self.redrawn_at: dict[int, float] = {}
        self.online = threading.Event()
        self.feed = ChangeFeed(self.database, heard=self._heard, online=self._online)

    def _online(self, online: bool) -> None:
        if online:
            self.online.set()

    def _heard(self, changes: Changes) -> None:
        at = clock.perf_counter()
        ids = tuple(changes.incidents)
        open_incidents(self.database, now=now_utc(), settings=self.settings, incident_ids=ids)
        done = clock.perf_counter()
        for incident_id in ids:
            self.heard_at[incident_id] = at
            self.redrawn_at[incident_id] = done

    def close(self) -> None:
        self.feed.stop()
        self.database.dispose()


def some_calls(database: Database, count: int) -> list[int]:
    with database.read() as session:
        query = select(Incident.id).order_by(Incident.id.desc()).limit(count)
        return list(session.scalars(query))


def supervisor_of(database: Database) -> Actor:
    with database.read() as session:
        operator = session.scalars(
            select(Operator).where(Operator.role == "supervisor").order_by(Operator.id)
        ).first()
        assert operator is not None
        return Actor(operator.id, operator.name, OperatorRole(operator.role), "bench")


def wait_for(done: Callable[[], bool], limit: float = 10.0) -> None:
    deadline = clock.monotonic() + limit
    while not done():
        if clock.monotonic() > deadline:
            raise SystemExit("a desk never heard a change")
        clock.sleep(0.001)


def run(url: str, incidents: int, runs: int, idle_seconds: float) -> None:
    server = parse_database_url(url)
    relay = DelayRelay(server.host or "127.0.0.1", server.port or 5432, DELAY_S, RELAY_LIFETIME_S)
    try:
        with postgres_schema(url, incidents) as scoped:
            relayed = parse_database_url(scoped).set(host="127.0.0.1", port=relay.port)
            desks = [Desk(name, relayed.render_as_string(hide_password=False)) for name in DESKS]
            try:
                measure(desks, runs)
                count_idle(desks[0], idle_seconds)
            finally:
                for desk in desks:
                    desk.close()
    finally:
        relay.close()


def measure(desks: list[Desk], runs: int) -> None:
    for desk in desks:
        desk.feed.start()
    for desk in desks:
        desk.online.wait(10)
    actor = supervisor_of(desks[0].database)
    calls = some_calls(desks[0].database, runs)
    written: list[float] = []
    heard: list[float] = []
    redrawn: list[float] = []
    for run_number, incident_id in enumerate(calls):
        writer = desks[run_number % len(desks)]
        others = [desk for desk in desks if desk is not writer]
        started = clock.perf_counter()
        add_note(writer.database, incident_id, "Point de situation", actor=actor, now=now_utc())
        committed = clock.perf_counter()
        written.append((committed - started) * 1000)
        wait_for(lambda c=incident_id, o=others: all(c in desk.redrawn_at for desk in o))
        heard += [(desk.heard_at[incident_id] - committed) * 1000 for desk in others]
        redrawn += [(desk.redrawn_at[incident_id] - committed) * 1000 for desk in others]
    print(
        f"\nFour desks on PostgreSQL behind a relay adding {DELAY_S * 1000:.0f} ms each way, "
        f"{len(calls)} notes, timed at the three other desks:"
    )
    print(f"{'':<48}{'median ms':>10}{'max ms':>10}{'target':>8}")
    rows = (
        ("the write itself, at the desk writing", written, ""),
        ("from its commit to the change heard", heard, ""),
        ("from its commit to the call's row read again", redrawn, f"{TARGET_MS:.0f}"),
    )
    for label, samples, target in rows:
        print(f"{label:<48}{statistics.median(samples):>10.1f}{max(samples):>10.1f}{target:>8}")


def count_idle(desk: Desk, seconds: float) -> None:
    statements: list[str] = []

    def note(*arguments: Any) -> None:
        statements.append(arguments[2])

    event.listen(desk.database.engine, "before_cursor_execute", note)
    clock.sleep(seconds)
    event.remove(desk.database.engine, "before_cursor_execute", note)
    print(f"\nStatements an idle desk sent in {seconds:.0f} s: {len(statements)} (expected 0)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", default=os.environ.get(POSTGRES_VARIABLE), help="PostgreSQL URL")
    parser.add_argument("--pg-incidents", type=int, default=2_000, metavar="N")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--idle-seconds", type=float, default=60.0)
    arguments = parser.parse_args()
    if not arguments.pg:
        raise SystemExit(f"give --pg URL or set {POSTGRES_VARIABLE}")
    run(arguments.pg, arguments.pg_incidents, arguments.runs, arguments.idle_seconds)


if __name__ == "__main__":
    main()
