"""How fast the audit chain is checked, written and pruned at a million entries.

A fresh SQLite file at the app's schema is filled with ``--entries`` audit entries (a
million by default: years of a busy desk's consultations and changes) by raw inserts
through the sqlite3 driver, each chained exactly as ``write_audit`` chains it; the file
is kept between runs. Then:

- "verify": ``operline audit verify``'s walk over the whole chain, every hash computed;
- "raw walk": the baseline, the same rows read with the sqlite3 driver alone and their
  hashes computed with no model around them;
- "one write": an audit entry written by a service at the end of a million (the head
  row locked, the entry chained), the median of 20;
- "export, a month": ``operline audit export`` of one month's entries;
- "prune, a twelfth": retention removing the oldest twelfth of the chain (on a copy).

Run with ``python benchmarks/bench_audit.py [--entries N] [--file PATH]``.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sqlite3
import statistics
import sys
import time as clock
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from operline.actors import system_actor
from operline.audit import AuditAction, write_audit
from operline.audit_chain import (
    GENESIS_HASH,
    chain_hash,
    details_digest,
    entry_fields,
    verify_audit_chain,
)
from operline.audit_export import export_audit
from operline.audit_retention import prune_audit
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.paris_time import paris_date

FILE = Path("/tmp/bench/audit-1m.sqlite3")
START = datetime(2024, 1, 1, tzinfo=UTC)
ACTOR = system_actor("bench", "poste-bench")
ACTIONS = ("incident.view", "journal.view", "history.search", "roster.team.update")


def filled(path: Path, entries: int) -> tuple[Path, datetime]:
    """The file with ``entries`` chained entries, made once; and the last entry's instant."""
    step = timedelta(seconds=30)
    last = START + step * (entries - 1)
    if path.exists():
        with sqlite3.connect(path) as connection:
            (count,) = connection.execute("SELECT count(*) FROM audit_log").fetchone()
        if count >= entries:
            return path, last
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    database = open_database(f"sqlite:///{path}")
    upgrade_database(database, now=START)
    database.dispose()
    began = clock.perf_counter()
    previous = GENESIS_HASH
    connection = sqlite3.connect(path)
    try:
        rows = []
        for index in range(entries):
            at = START + step * index
            action = ACTIONS[index % len(ACTIONS)]
            target = f"2026-{index % 12 + 1:02d}-{index % 28 + 1:02d}"
            details = f"page {index % 50}" if index % 3 else None
            digest = details_digest(details)
            fields = entry_fields(at, None, ACTOR.audit_name, action, target, digest)
            entry_hash = chain_hash(previous, fields)
            rows.append(
                (index + 1, at.strftime("%Y-%m-%d %H:%M:%S.%f"), ACTOR.audit_name, action,
                 target, details, digest, previous, entry_hash)
            )  # fmt: skip
            previous = entry_hash
            if len(rows) == 50_000:
                _insert(connection, rows)
                rows = []
        _insert(connection, rows)
        connection.execute(
            "UPDATE audit_chain SET last_id = ?, last_hash = ? WHERE id = 1", (entries, previous)
        )
        connection.commit()
    finally:
        connection.close()
    print(f"filled {entries:,} entries in {clock.perf_counter() - began:.1f} s", file=sys.stderr)
    return path, last


def _insert(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO audit_log (id, at, operator_id, actor, action, target, details, "
        "details_sha256, previous_hash, entry_hash) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def raw_walk(path: Path) -> float:
    began = clock.perf_counter()
    connection = sqlite3.connect(path)
    previous = GENESIS_HASH
    try:
        for (
            at,
            operator_id,
            actor,
            action,
            target,
            details,
            digest,
            link,
            stored,
        ) in connection.execute(
            "SELECT at, operator_id, actor, action, target, details, details_sha256, "
            "previous_hash, entry_hash FROM audit_log ORDER BY id"
        ):
            if details is not None:
                assert hashlib.sha256(details.encode()).hexdigest() == digest
            instant = datetime.fromisoformat(at).replace(tzinfo=UTC)
            fields = entry_fields(instant, operator_id, actor, action, target, digest)
            assert link == previous
            assert chain_hash(link, fields) == stored
            previous = stored
    finally:
        connection.close()
    return clock.perf_counter() - began


def timed(work: Callable[[], object]) -> float:
    began = clock.perf_counter()
    work()
    return clock.perf_counter() - began


def one_write(database: Database, at: datetime) -> float:
    def write() -> None:
        with database.write() as session:
            write_audit(session, ACTOR, AuditAction.JOURNAL_VIEW, now=at, target="2026-11-27")

    return statistics.median(timed(write) for _ in range(20))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--file", type=Path, default=FILE)
    arguments = parser.parse_args()
    path, last = filled(arguments.file, arguments.entries)
    copy = path.with_name(path.stem + "-copy.sqlite3")
    shutil.copyfile(path, copy)
    database = open_database(f"sqlite:///{copy}")
    try:
        #: What was measured, in seconds, over how many entries (None: one entry written).
        results: list[tuple[str, float, int | None]] = []
        report = verify_audit_chain(database)
        assert report.intact, report.problem
        entries = report.entries
        results.append(
            ("verify, whole chain", timed(lambda: verify_audit_chain(database)), entries)
        )
        results.append(("raw walk (sqlite3 + hashlib)", raw_walk(copy), entries))
        now = last + timedelta(minutes=1)
        results.append(("one write at the end", one_write(database, now), None))
        day = paris_date(last)
        first = day.replace(day=1)
        out = path.with_name("audit-export.csv")

        exported: list[int] = []

        def export() -> None:
            exported.append(export_audit(database, first, day, out, actor=ACTOR, now=now).rows)

        results.append(("export, a month", timed(export), 0))
        # Twelve months after the instant a twelfth into the chain, that twelfth is past
        # the default retention.
        twelfth = START + (last - START) / 12
        pruned_at = twelfth.replace(year=twelfth.year + 1)
        removed: list[int] = []

        def prune() -> None:
            removed.append(prune_audit(database, now=pruned_at, actor=ACTOR))

        results.append(("prune, about a twelfth", timed(prune), 0))
        after = verify_audit_chain(database)
        assert after.intact, after.problem
        results.append(
            ("verify after the prune", timed(lambda: verify_audit_chain(database)), after.entries)
        )
        counts = {"export, a month": exported[0], "prune, about a twelfth": removed[0]}
        results = [(what, s, counts.get(what, n)) for what, s, n in results]
    finally:
        database.dispose()
        copy.unlink(missing_ok=True)
    out.unlink(missing_ok=True)
    print(f"\n{arguments.entries:,} audit entries, SQLite\n")
    print(f"| {'what':<30} | {'entries':>9} | {'seconds':>8} | {'µs an entry':>11} |")
    print(f"|{'-' * 32}|{'-' * 11}|{'-' * 10}|{'-' * 13}|")
    for what, seconds, handled in results:
        count = "1" if handled is None else f"{handled:,}"
        per = seconds * 1e6 / (handled or 1)
        print(f"| {what:<30} | {count:>9} | {seconds:>8.3f} | {per:>11.1f} |")


if __name__ == "__main__":
    main()
