"""How long the retention purge takes over a million calls, and how long a desk waits on it.

On a copy of a 1,000,000-incident SQLite demo spread over years (``operline demo
--incidents 1000000 --weeks 520``; the demo file is shared: it is never written), with
the default rules (notes erased 90 days after closure, calls anonymised after 2 years):

- "dry run": what the rules reach, counted (a read: no desk waits);
- "first purge": the years of history purged at once, as at the first start of this
  version on an existing database;
- "next day's purge": the same rules again, with nothing left to erase, as every day.

While each runs, another desk writes (an empty IMMEDIATE transaction every 50 ms, through
the sqlite3 driver alone) and the longest it waited for the write lock is printed: it
must stay well under the desk's busy timeout (5 s), so no desk is told the database is
locked.

Run with ``python benchmarks/bench_privacy.py`` (``--source`` the demo file, ``--copy``
where the copy is written; it is made again at each run).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import threading
import time as clock
from collections.abc import Callable
from pathlib import Path

from operline.actors import system_actor, workstation_name
from operline.db.engine import SQLITE_BUSY_TIMEOUT_S, open_database
from operline.db.migrate import upgrade_database
from operline.paris_time import now_utc
from operline.privacy import PurgeReport, purge

SOURCE = Path("/tmp/bench/tenyear-1m.sqlite3")
COPY = Path("/tmp/bench/privacy-1m.sqlite3")


class OtherDesk:
    """A desk writing every 50 ms meanwhile: the longest wait for the write lock."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._stop = threading.Event()
        self.longest_s = 0.0
        self._thread = threading.Thread(target=self._write, daemon=True)

    def __enter__(self) -> OtherDesk:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _write(self) -> None:
        connection = sqlite3.connect(
            self._path, timeout=SQLITE_BUSY_TIMEOUT_S * 4, isolation_level=None
        )
        try:
            while not self._stop.is_set():
                started = clock.perf_counter()
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("COMMIT")
                self.longest_s = max(self.longest_s, clock.perf_counter() - started)
                self._stop.wait(0.05)
        finally:
            connection.close()


def timed(path: Path, run: Callable[[], PurgeReport]) -> tuple[float, float, PurgeReport]:
    with OtherDesk(path) as other:
        started = clock.perf_counter()
        report = run()
        took = clock.perf_counter() - started
    return took, other.longest_s, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--copy", type=Path, default=COPY)
    arguments = parser.parse_args()
    shutil.copyfile(arguments.source, arguments.copy)
    for part in ("-wal", "-shm"):
        arguments.copy.with_name(arguments.copy.name + part).unlink(missing_ok=True)
    database = open_database(f"sqlite:///{arguments.copy}")
    actor = system_actor("bench", workstation_name())
    drafts = arguments.copy.with_name("privacy-drafts")
    try:
        upgrade_database(database, now=now_utc())
        now = now_utc()
        print("| what | seconds | longest wait of another desk's write (ms) | erased |")
        print("|---|---|---|---|")
        for name, dry_run in (
            ("dry run", True),
            ("first purge", False),
            ("next day's purge", False),
        ):
            took, waited, report = timed(
                arguments.copy,
                lambda dry_run=dry_run: purge(
                    database, actor=actor, now=now, dry_run=dry_run, drafts_folder=drafts
                ),
            )
            erased = (
                f"{report.notes_erased:,} calls' notes, {report.incidents_anonymised:,} "
                f"anonymised, {report.timeline_lines_erased:,} timeline lines"
            )
            print(f"| {name} | {took:.1f} | {waited * 1000:.0f} | {erased} |")
    finally:
        database.dispose()


if __name__ == "__main__":
    main()
