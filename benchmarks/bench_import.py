"""How fast ``operline import calls`` brings in the earlier log: 50,000 calls by default.

A seeded file of valid calls (``--rows``, 200,000 for the large case) over the two years
before now: every sector, need and outcome, teams, places, stage times, a third of the
times written the French way (``23/11/2024 14:05``), the rest in ISO 8601. It is checked
(``read_call_file`` and ``check_records``), then imported whole by ``import_calls`` into a
fresh database holding the demo's reference data and roster only.

Beside it, a baseline: the same incidents, timeline lines and fingerprints, already in
the form the database stores, written through the driver alone (``executemany`` of three
hand-written INSERTs, ids given, in one transaction) into another fresh database with the
same schema, indexes and triggers. The ratio compares the import's write (its total less
the checks) with that baseline; the target is 3 at most, and a few seconds in all for
50,000 calls. SQLite always; PostgreSQL too when ``OPERLINE_TEST_DATABASE_URL`` is set.

Run with ``python benchmarks/bench_import.py [--rows N] [--repeat R]``.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time as clock
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from operline import reference_data as ref
from operline.actors import system_actor
from operline.call_import.reading import read_call_file
from operline.call_import.rows import CallRow, check_records
from operline.call_import.service import desk_names, import_calls
from operline.call_import.writing import ImportSource, timeline_rows
from operline.codes import Category, Outcome
from operline.db.engine import Database, open_database, parse_database_url
from operline.db.migrate import upgrade_database
from operline.db.search_index import INDEX_TABLE, SQLITE_TRIGGERS
from operline.demo import fill_demo_database
from operline.paris_time import format_paris, is_ambiguous, to_paris

NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
FOLDER = Path("/tmp/bench")
ACTOR = system_actor("bench", "bench")
SECTORS = (ref.STALINGRAD, "eole", ref.PORTE_DE_LA_CHAPELLE, "ROSA PARKS", ref.QUAIS_OURCQ)
TEAMS = (ref.FLUID_CRACK, ref.ELA, ref.MARAUDE_NUIT, ref.MARAUDE_STALINGRAD)
PLACES = (ref.HALTE_DE_NUIT, ref.ESPACE_DE_REPOS, ref.ASSORE)
HEADER = (
    "received_at;sector;location;category;priority;persons;caller_service;caller_phone;"
    "team;acknowledged_at;on_scene_at;closed_at;outcome;orientation;notes"
)


def call_file(rows: int, seed: int = 1) -> bytes:
    """``rows`` valid calls, oldest first, as a UTF-8 file with ``;`` between fields."""
    rng = random.Random(seed)
    start = NOW - timedelta(days=730)
    lines = [HEADER]
    instants = sorted(start + timedelta(seconds=rng.randrange(729 * 86400)) for _ in range(rows))
    for index, received in enumerate(instants):
        received = received.replace(second=0)
        french = index % 3 == 0

        def when(at: datetime, french: bool = french) -> str:
            # The ISO form carries its offset: a repeated autumn hour stays exact.
            if french and not is_ambiguous(to_paris(at).replace(tzinfo=None)):
                return format_paris(at)
            return at.astimezone(UTC).isoformat()

        outcome = rng.choice(list(Outcome))
        ack = received + timedelta(minutes=rng.randint(1, 30))
        scene = ack + timedelta(minutes=rng.randint(5, 40))
        closed = scene + timedelta(minutes=rng.randint(5, 60))
        fields = [
            when(received),
            rng.choice(SECTORS),
            f"Sortie {rng.randint(1, 9)}, rue {rng.randint(1, 300)}",
            rng.choice(list(Category)).value,
            "urgent" if rng.random() < 0.2 else "",
            str(rng.randint(1, 4)),
            f"BAC {rng.randint(10, 20)}",
            f"01 99 00 {rng.randint(10, 99)} {rng.randint(10, 99)}" if rng.random() < 0.5 else "",
            rng.choice(TEAMS),
            when(ack),
            when(scene),
            when(closed),
            outcome.value,
            rng.choice(PLACES) if outcome is Outcome.ORIENTED else "",
            f"appel {index}" if rng.random() < 0.3 else "",
        ]
        lines.append(";".join(fields))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@contextmanager
def fresh_database(url: str | None, name: str) -> Iterator[Database]:
    """A new database (SQLite in the bench folder, else a schema of the server)."""
    if url is None:
        path = FOLDER / f"{name}.sqlite3"
        files = [Path(f"{path}{suffix}") for suffix in ("", "-wal", "-shm")]
        for file in files:
            file.unlink(missing_ok=True)
        database = open_database(f"sqlite:///{path}")
        try:
            _prepare(database)
            yield database
        finally:
            database.dispose()
            for file in files:  # 200,000 calls are 400 MB a database
                file.unlink(missing_ok=True)
        return
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = parse_database_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(scoped.render_as_string(hide_password=False))
    try:
        _prepare(database)
        yield database
    finally:
        database.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _prepare(database: Database) -> None:
    upgrade_database(database, now=NOW)
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=NOW)


def checked_rows(database: Database, content: bytes) -> tuple[CallRow, ...]:
    with database.read() as session:
        names = desk_names(session)
    checked = check_records(read_call_file(content).records, names, now=NOW)
    assert not checked.rejected, checked.problems[:3]
    return checked.rows


def baseline(database: Database, rows: tuple[CallRow, ...]) -> float:
    """Seconds to write the same rows through the driver alone, values prepared first."""
    sqlite = database.engine.dialect.name == "sqlite"

    def instant(value: datetime | None) -> Any:
        if value is None or not sqlite:
            return value
        return (
            value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        )

    source = ImportSource("bench.csv", "0" * 64, None, NOW)
    incidents, events, fingerprints = [], [], []
    for number, row in enumerate(rows, start=1):
        incidents.append(
            (
                number,
                f"BASE-{number:08d}",
                instant(row.received_at),
                row.caller_service,
                row.callback_number,
                row.sector_id,
                row.location,
                row.category.value,
                row.priority.value,
                row.persons,
                row.notes,
                row.status.value,
                row.team_id,
                True,
                row.outcome.value if row.outcome else None,
                row.facility_id,
                instant(row.acknowledged_at),
                instant(row.on_scene_at),
                instant(row.closed_at),
                instant(NOW),
                instant(NOW),
            )
        )
        for line in timeline_rows(number, row, source):
            events.append(
                (
                    number,
                    instant(line["at"]),  # type: ignore[arg-type]
                    line["kind"],
                    line["field"],
                    line["old_value"],
                    line["new_value"],
                )
            )
        fingerprints.append((row.fingerprint, number, "0" * 64, row.line, instant(NOW)))
    mark = "?" if sqlite else "%s"

    def marks(count: int) -> str:
        return ", ".join([mark] * count)

    statements = (
        (
            "INSERT INTO incident (id, reference, received_at, caller_service, callback_number, "
            "sector_id, location, category, priority, persons, notes, status, "
            "assigned_team_id, team_on_duty_at_intake, outcome, orientation_facility_id, "
            "acknowledged_at, on_scene_at, closed_at, created_at, updated_at, version) "
            f"VALUES ({marks(21)}, 1)",
            incidents,
        ),
        (
            "INSERT INTO incident_event (incident_id, at, kind, field, old_value, new_value) "
            f"VALUES ({marks(6)})",
            events,
        ),
        (
            "INSERT INTO imported_call (fingerprint, incident_id, file_sha256, line, "
            f"imported_at) VALUES ({marks(5)})",
            fingerprints,
        ),
    )
    raw = database.engine.raw_connection()
    try:
        started = clock.perf_counter()
        cursor = raw.cursor()
        if sqlite:
            # The free-text index fed once at the end, as the import (and the demo) do.
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute(f"DROP TRIGGER {INDEX_TABLE}_insert")
        for statement, parameters in statements:
            cursor.executemany(statement, parameters)
        if sqlite:
            cursor.execute(SQLITE_TRIGGERS[0])
            cursor.execute(
                f"INSERT INTO {INDEX_TABLE}(rowid, location, notes) "
                "SELECT id, location, notes FROM incident"
            )
        raw.commit()
        return clock.perf_counter() - started
    finally:
        raw.close()


def timed(run: Callable[[], object]) -> float:
    started = clock.perf_counter()
    run()
    return clock.perf_counter() - started


def measure(url: str | None, content: bytes, rows: int, repeat: int) -> list[tuple[str, float]]:
    label = "PostgreSQL" if url else "SQLite"
    checks, imports, bases = [], [], []
    for run in range(repeat):
        with fresh_database(url, f"import-{rows}") as database:
            checks.append(timed(lambda database=database: checked_rows(database, content)))

            def whole(database: Database = database) -> None:
                result = import_calls(
                    database, content, file_name="bench.csv", actor=ACTOR, now=NOW
                )
                assert result.imported == rows, (result.imported, result.problems[:3])

            imports.append(timed(whole))
        with fresh_database(url, f"import-{rows}-baseline") as database:
            prepared = checked_rows(database, content)
            bases.append(baseline(database, prepared))
        print(f"  {label} run {run + 1}: import {imports[-1]:.2f} s", flush=True)
    check, total, base = (statistics.median(values) for values in (checks, imports, bases))
    return [
        (f"{label}: checks (read + validate)", check),
        (f"{label}: import_calls, whole", total),
        (f"{label}: import's write (whole - checks)", total - check),
        (f"{label}: raw executemany baseline", base),
        (f"{label}: ratio write / baseline", (total - check) / base),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    FOLDER.mkdir(parents=True, exist_ok=True)
    content = call_file(arguments.rows)
    print(f"{arguments.rows:,} calls, {len(content) / 1e6:.1f} MB")
    results = measure(None, content, arguments.rows, arguments.repeat)
    postgres = os.environ.get("OPERLINE_TEST_DATABASE_URL", "").strip()
    if postgres:
        results += measure(postgres, content, arguments.rows, arguments.repeat)
    width = max(len(name) for name, _ in results)
    print(f"{'measure':<{width}}  value")
    for name, value in results:
        unit = "" if "ratio" in name else " s"
        print(f"{name:<{width}}  {value:7.2f}{unit}")


if __name__ == "__main__":
    main()
