"""How fast ``operline demo`` fills a database, on SQLite and, when available, PostgreSQL.

Each size gets a fresh database at the app's schema; the history is stretched so the desk
sees about 200 calls a day, as a busy line would. Run with
``python benchmarks/bench_demo.py [--sizes 10000 100000 1000000] [--backends sqlite]``;
PostgreSQL runs too when OPERLINE_TEST_DATABASE_URL is set. Target: 100,000 incidents well
under a minute, 1,000,000 in a few minutes.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time as clock
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, text

from operline.db.engine import Database, open_database, parse_database_url
from operline.db.migrate import upgrade_database
from operline.demo import fill_demo_database

POSTGRES_VARIABLE = "OPERLINE_TEST_DATABASE_URL"
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
CALLS_PER_WEEK = 1400


@contextmanager
def sqlite_database() -> Iterator[tuple[Database, Path]]:
    with tempfile.TemporaryDirectory(prefix="operline-bench-") as folder:
        path = Path(folder) / "demo.sqlite3"
        database = open_database(f"sqlite:///{path}")
        try:
            upgrade_database(database, now=NOW)
            yield database, path
        finally:
            database.dispose()


@contextmanager
def postgres_database(url: str) -> Iterator[tuple[Database, None]]:
    """A fresh schema on the server, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(parse_database_url(url))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    scoped = parse_database_url(url).update_query_dict({"options": f"-csearch_path={schema}"})
    database = open_database(scoped.render_as_string(hide_password=False))
    try:
        upgrade_database(database, now=NOW)
        yield database, None
    finally:
        database.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def measure(backend: str, database: Database, path: Path | None, incidents: int) -> str:
    weeks = max(8, incidents // CALLS_PER_WEEK)
    began = clock.perf_counter()
    summary = fill_demo_database(database, incidents=incidents, weeks=weeks, seed=1, now=NOW)
    seconds = clock.perf_counter() - began
    rows = summary.incidents + summary.events
    size = f"{path.stat().st_size / 1e6:,.0f} MB" if path is not None else "-"
    return (
        f"| {backend:<10} | {incidents:>9,} | {weeks:>5} | {summary.events:>9,} "
        f"| {seconds:>8.1f} | {incidents / seconds:>11,.0f} | {rows / seconds:>9,.0f} "
        f"| {size:>8} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--backends", nargs="+", choices=("sqlite", "postgresql"), default=["sqlite", "postgresql"]
    )
    arguments = parser.parse_args()
    header = (
        f"| {'backend':<10} | {'incidents':>9} | {'weeks':>5} | {'events':>9} "
        f"| {'time (s)':>8} | {'incidents/s':>11} | {'rows/s':>9} | {'size':>8} |"
    )
    print(header)
    print("|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|")
    postgres_url = os.environ.get(POSTGRES_VARIABLE, "").strip()
    for incidents in arguments.sizes:
        if "sqlite" in arguments.backends:
            with sqlite_database() as (database, path):
                print(measure("SQLite", database, path, incidents), flush=True)
        if postgres_url and "postgresql" in arguments.backends:
            with postgres_database(postgres_url) as (database, _):
                print(measure("PostgreSQL", database, None, incidents), flush=True)
    if not postgres_url:
        print(f"(PostgreSQL skipped: set {POSTGRES_VARIABLE} to measure it too)")


if __name__ == "__main__":
    main()
