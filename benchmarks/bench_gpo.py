"""How fast the GPO's weekly export writes its three files over a million incidents.

Two demo databases of 1,000,000 incidents (read-only and shared, so each is copied first:
the export writes an audit row):

- ten years of the desk's pace (``operline demo --incidents 1000000 --weeks 520``, about
  1,900 calls a week): the last complete week of its data. Target: 1 s.
- the dense demo (``operline demo --incidents 1000000 --weeks 8``): its busiest week,
  about 125,000 calls. Target: 5 s.

Beside each, a baseline: the same week through the sqlite3 driver alone, one hand-written
SELECT of the incidents joined to their sector, team and place written by ``csv`` as
fetched (instants as stored, labels as codes), then the summary and the previous week's
places as two GROUP BY queries, each file flushed to disk as the export's are. The export
does more per row (Paris times, French labels,
masking, the formula guard, counting): the target is a ratio of 2 at most. Wall and CPU
time are both given, the machine being shared. The last column is the reading of the
week's brief (``read_brief_figures``: the week and the five before through the same
tally), which the window does on its task runner before painting the PDF.

Run with ``python benchmarks/bench_gpo.py`` (``--tenyear``, ``--dense`` the sources,
``--copies`` the folder the copies are kept in between runs, ``--repeat`` the runs).
"""

from __future__ import annotations

import argparse
import csv
import os
import sqlite3
import statistics
import sys
import tempfile
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from operline.actors import system_actor, workstation_name
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.figures.buckets import Bucket, IsoWeek, calls_in
from operline.gpo.brief_figures import read_brief_figures
from operline.gpo.export import export_gpo_week
from operline.paris_time import now_utc, paris_date

TENYEAR = Path("/tmp/bench/tenyear-1m.sqlite3")
DENSE = Path("/tmp/bench/dense-1m.sqlite3")
COPIES = Path("/tmp/bench-gpo")

_SELECT = """
SELECT i.reference, i.received_at, s.name, i.location, i.category, i.priority, i.persons,
       i.caller_service, t.name, i.routed_at, i.acknowledged_at, i.on_scene_at, i.closed_at,
       i.status, i.outcome, f.name, i.team_on_duty_at_intake
FROM incident AS i
JOIN sector AS s ON s.id = i.sector_id
LEFT JOIN team AS t ON t.id = i.assigned_team_id
LEFT JOIN facility AS f ON f.id = i.orientation_facility_id
WHERE i.received_at >= ? AND i.received_at < ?
ORDER BY i.received_at, i.id
"""
_SUMMARY = """
SELECT sector_id, count(*), sum(priority = 'urgent'), sum(NOT team_on_duty_at_intake),
       count(routed_at), count(acknowledged_at), sum(status = 'closed'), outcome
FROM incident WHERE received_at >= ? AND received_at < ? GROUP BY sector_id, outcome
"""
_PLACES = """
SELECT sector_id, location, count(*) FROM incident
WHERE received_at >= ? AND received_at < ? AND location IS NOT NULL
GROUP BY sector_id, location
"""


@dataclass(frozen=True)
class Timing:
    wall: float
    cpu: float


def timed(run: Callable[[], object], repeat: int) -> tuple[Timing, object]:
    walls, cpus = [], []
    result: object = None
    for _ in range(repeat):
        started, started_cpu = clock.perf_counter(), clock.process_time()
        result = run()
        walls.append(clock.perf_counter() - started)
        cpus.append(clock.process_time() - started_cpu)
    return Timing(statistics.median(walls), statistics.median(cpus)), result


def copy_of(source: Path, copies: Path) -> Path:
    copies.mkdir(parents=True, exist_ok=True)
    target = copies / source.name
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        print(f"copying {source} to {target}…", file=sys.stderr)
        original = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            original.backup(copy)
        finally:
            copy.close()
            original.close()
    return target


def last_week_of_data(database: Database) -> IsoWeek:
    with database.read() as session:
        latest = session.scalar(select(func.max(Incident.received_at)))
    assert latest is not None, "the demo database has no incidents"
    return IsoWeek.of(paris_date(latest)).shifted(-1)


def busiest_week(database: Database) -> IsoWeek:
    with database.read() as session:
        first = session.scalar(select(func.min(Incident.received_at)))
        latest = session.scalar(select(func.max(Incident.received_at)))
        assert first is not None
        assert latest is not None
        weeks = []
        week = IsoWeek.of(paris_date(first))
        while week.monday <= paris_date(latest):
            weeks.append(week)
            week = week.shifted(1)
        counts = calls_in(session, [Bucket(*week.bounds()) for week in weeks])
    return max(zip(counts, weeks, strict=True), key=lambda pair: pair[0])[1]


def stored(instant: datetime) -> str:
    """An instant as the SQLite database stores it (naive UTC text)."""
    return f"{instant:%Y-%m-%d %H:%M:%S}.000000"


def baseline(path: Path, week: IsoWeek, folder: Path) -> int:
    start, end = week.bounds()
    previous, _ = week.shifted(-1).bounds()
    bounds = (stored(start), stored(end))
    rows = 0
    with sqlite3.connect(path) as connection:
        with (folder / "incidents.csv").open("w", encoding="utf-8", newline="") as output:
            output.write("\ufeff")
            writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
            for row in connection.execute(_SELECT, bounds):
                writer.writerow(row)
                rows += 1
            output.flush()
            os.fsync(output.fileno())
        for name, statement, given in (
            ("summary", _SUMMARY, bounds),
            ("places", _PLACES, (stored(previous), stored(start))),
        ):
            with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as output:
                csv.writer(output, delimiter=";", lineterminator="\r\n").writerows(
                    connection.execute(statement, given)
                )
                output.flush()
                os.fsync(output.fileno())
    return rows


def measure(name: str, source: Path, copies: Path, pick: Callable[[Database], IsoWeek],
            target: float, repeat: int) -> list[str]:  # fmt: skip
    path = copy_of(source, copies)
    database = open_database(f"sqlite:///{path}")
    try:
        upgrade_database(database, now=now_utc())
        week = pick(database)
        now = week.bounds()[1] + timedelta(days=1)
        actor = system_actor("bench", workstation_name())
        with tempfile.TemporaryDirectory() as folder:
            export_gpo_week(database, week, Path(folder), actor=actor, now=now)  # warm the cache
            exported, result = timed(
                lambda: export_gpo_week(database, week, Path(folder), actor=actor, now=now), repeat
            )
            raw, _ = timed(lambda: baseline(path, week, Path(folder)), repeat)
            brief, _ = timed(
                lambda: read_brief_figures(database, week, actor=actor, now=now), repeat
            )
    finally:
        database.dispose()
    rows = result.file("incidents").rows  # type: ignore[attr-defined]
    ratio = exported.wall / raw.wall
    verdict = "ok" if exported.wall <= target and ratio <= 2 else "SLOW"
    return [
        f"{name} {week}", f"{rows:,}", f"{exported.wall:.3f}", f"{exported.cpu:.3f}",
        f"{raw.wall:.3f}", f"{raw.cpu:.3f}", f"{ratio:.2f}", f"{exported.cpu / raw.cpu:.2f}",
        f"≤ {target:g} s, ≤ 2", verdict, f"{brief.wall:.3f}",
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenyear", type=Path, default=TENYEAR)
    parser.add_argument("--dense", type=Path, default=DENSE)
    parser.add_argument("--copies", type=Path, default=COPIES)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()
    table = [
        ["case", "calls", "export s", "export CPU s", "raw SQL s", "raw CPU s", "ratio",
         "CPU ratio", "target", "", "brief figures s"],
        measure("ten years, a week", arguments.tenyear, arguments.copies, last_week_of_data,
                1.0, arguments.repeat),
        measure("dense, busiest week", arguments.dense, arguments.copies, busiest_week,
                5.0, arguments.repeat),
    ]  # fmt: skip
    widths = [max(len(row[column]) for row in table) for column in range(len(table[0]))]
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    return 0 if all(row[-2] == "ok" for row in table[1:]) else 1


if __name__ == "__main__":
    sys.exit(main())
