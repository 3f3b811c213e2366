"""How fast the shift handover answers over a million incidents, beside raw SQL.

Three services, each timed over a number of runs: the summary Ctrl+L reads (open calls
coloured and late first, the next 12 hours' gaps, the places), from nothing and from the
live board's last snapshot as the window passes it; the handover written at the incoming
operator's sign-in (with its count of open and late calls); and a Paris day's handovers
as the day log reads them. Beside each, the baseline: the very SELECTs the
service sent, caught with ``before_cursor_execute`` and replayed through the driver alone.

Run with ``python benchmarks/bench_handover.py``: it works on a copy of the SQLite file of
``bench_desk.py`` (1,000,000 demo incidents, /tmp/bench1m.sqlite3, made by that script),
upgraded to this schema, and leaves the file it was given untouched.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from bench_desk import DEFAULT_FILE, milliseconds, replay, timed
from sqlalchemy import func, select

from operline.actors import workstation_name
from operline.codes import Status
from operline.db.engine import open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.handover import hand_over, handovers_of_day
from operline.handover_summary import handover_summary
from operline.incidents.board_snapshot import board_snapshot
from operline.operators import active_operators
from operline.paris_time import now_utc, paris_date

RUNS = 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--runs", type=int, default=RUNS)
    arguments = parser.parse_args()
    if not arguments.file.exists():
        raise SystemExit(f"{arguments.file} is missing: run benchmarks/bench_desk.py first.")
    with tempfile.TemporaryDirectory(dir="/tmp") as folder:
        copy = Path(folder) / "handover.sqlite3"
        shutil.copyfile(arguments.file, copy)
        run(f"sqlite:///{copy}", arguments.runs)


def run(url: str, runs: int) -> None:
    database = open_database(url)
    upgrade_database(database, now=now_utc())
    with database.read() as session:
        latest = session.scalar(select(func.max(Incident.received_at)))
        open_calls = session.scalar(
            select(func.count()).where(Incident.status != Status.CLOSED.value)
        )
        total = session.scalar(select(func.count(Incident.id)))
    assert latest is not None
    now = latest + timedelta(minutes=5)
    first, second = (person.at(workstation_name()) for person in active_operators(database)[:2])
    day: date = paris_date(now)

    rows = []
    samples, selects = timed(database, runs, lambda _run: handover_summary(database, now=now))
    rows.append(("summary, no board", samples, replay(database, selects, runs)))
    board = board_snapshot(database, now=now)
    samples, selects = timed(
        database, runs, lambda _run: handover_summary(database, now=now, board=board)
    )
    rows.append(("summary at Ctrl+L", samples, replay(database, selects, runs)))

    def record(number: int) -> None:
        giver, taker = (first, second) if number % 2 == 0 else (second, first)
        assert taker.operator_id is not None
        hand_over(
            database,
            "OPL-2026-000123 : la maraude rappelle avant 7 h.",
            actor=giver,
            to_operator_id=taker.operator_id,
            now=now + timedelta(seconds=number),
        )

    samples, selects = timed(database, runs, record)
    rows.append(("handover written", samples, replay(database, selects, runs)))
    samples, selects = timed(
        database, runs, lambda _run: handovers_of_day(database, day, actor=first, now=now)
    )
    rows.append(("a day's handovers", samples, replay(database, selects, runs)))
    database.dispose()

    print(f"{total:,} incidents, {open_calls:,} open; {runs} runs each; milliseconds")
    print(f"{'service':<22}{'median':>10}{'p95':>10}{'raw SQL':>10}")
    for name, measured, baseline in rows:
        median, p95 = milliseconds(measured)
        raw, _ = milliseconds(baseline)
        print(f"{name:<22}{median:>10.1f}{p95:>10.1f}{raw:>10.1f}")


if __name__ == "__main__":
    main()
