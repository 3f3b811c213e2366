"""How fast the roster answers: on-duty queries and the 7-day gap report.

A seeded roster of 50 teams over 20 sectors (day, evening and night shifts, tiers 1 and 2,
some 24-hour teams, 200 exceptions over the year). Run with
``python benchmarks/bench_roster.py``; targets: well under 1 ms per query, gap report
under 200 ms. The "as it stood" rows ask the same questions of that roster with a year of
history: each shift edited up to six times and a third of the exceptions removed, every
row carrying the instants of its life in the roster.
"""

from __future__ import annotations

import random
import statistics
import time as clock
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from functools import partial
from itertools import pairwise

from operline.roster.engine import (
    Roster,
    RosterChange,
    TeamContact,
    WeeklyShift,
    next_handoff,
    on_duty_teams,
)
from operline.roster.gaps import coverage_gaps

TEAMS = 50
SECTORS = 20
QUERIES = 100_000
START = datetime(2026, 1, 5, tzinfo=UTC)
YEAR = timedelta(days=365)
SHIFT_HOURS = [(time(8), time(20)), (time(20), time(8)), (time(14), time(22)), (time(0), time(0))]


def build_roster(seed: int = 7) -> Roster:
    rng = random.Random(seed)
    sectors = list(range(1, SECTORS + 1))
    teams = {
        team_id: TeamContact(
            team_id, f"Équipe {team_id:02}", None if team_id % 17 == 0 else f"+336{team_id:08}"
        )
        for team_id in range(1, TEAMS + 1)
    }
    shifts: list[WeeklyShift] = []
    for team_id in teams:
        covered = None if team_id % 10 == 0 else frozenset(rng.sample(sectors, rng.randint(2, 5)))
        for _ in range(rng.randint(1, 3)):
            start, end = rng.choice(SHIFT_HOURS)
            shifts.append(
                WeeklyShift(
                    team_id=team_id,
                    tier=rng.choice((1, 1, 2)),
                    weekdays=frozenset(rng.sample(range(7), rng.randint(3, 7))),
                    start=start,
                    end=end,
                    sector_ids=covered,
                )
            )
    changes: list[RosterChange] = []
    for _ in range(200):
        team_id = rng.choice(list(teams))
        kind = rng.choice(("off", "replace", "add"))
        starts_at = START + timedelta(hours=rng.randrange(365 * 24))
        changes.append(
            RosterChange(
                team_id=team_id,
                kind=kind,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=rng.randint(1, 72)),
                sector_ids=None if rng.random() < 0.5 else frozenset(rng.sample(sectors, 2)),
                replacement_team_id=rng.choice([t for t in teams if t != team_id])
                if kind == "replace"
                else None,
            )
        )
    return Roster(teams=teams, shifts=tuple(shifts), changes=tuple(changes))


def build_history(seed: int = 7) -> Roster:
    """``build_roster`` as a year of edits left it: every version of each row, with its life."""
    rng = random.Random(seed + 1)
    base = build_roster(seed)
    shifts: list[WeeklyShift] = []
    for weekly in base.shifts:
        weeks = sorted(rng.sample(range(1, 52), rng.randint(0, 6)))
        edits = [START + timedelta(weeks=week, hours=rng.randrange(168)) for week in weeks]
        for recorded, retired in pairwise([None, *edits, None]):
            shifts.append(replace(weekly, recorded_at=recorded, retired_at=retired))
    changes = [
        replace(change, retired_at=change.starts_at - timedelta(hours=rng.randint(1, 48)))
        if rng.random() < 1 / 3
        else change
        for change in base.changes
    ]
    return Roster(teams=base.teams, shifts=tuple(shifts), changes=tuple(changes))


def timed(action: Callable[[], object]) -> float:
    began = clock.perf_counter_ns()
    action()
    return (clock.perf_counter_ns() - began) / 1e6


def summary(label: str, samples: list[float], target: str) -> str:
    mean = statistics.fmean(samples)
    p95 = statistics.quantiles(samples, n=20)[-1] if len(samples) > 1 else samples[0]
    return f"| {label:<44} | {len(samples):>7} | {mean:>9.4f} | {p95:>9.4f} | {target:<8} |"


def main() -> None:
    rng = random.Random(11)
    seconds = int(YEAR.total_seconds())
    questions = [
        (rng.randint(1, SECTORS), START + timedelta(seconds=rng.randrange(seconds)))
        for _ in range(QUERIES)
    ]
    roster = build_roster()
    header = f"| {'measure':<44} | {'n':>7} | mean (ms) |  p95 (ms) | target   |"
    rows = [header, "|" + "|".join("-" * len(cell) for cell in header.split("|")[1:-1]) + "|"]
    # The first pass builds the per-sector weeks as it goes, as a demo generator would.
    cold = [timed(partial(on_duty_teams, roster, s, t)) for s, t in questions]
    rows.append(summary("on duty, fresh roster, instants over a year", cold, "< 1 ms"))
    warm = [timed(partial(on_duty_teams, roster, s, t)) for s, t in questions]
    rows.append(summary("on duty, same questions again", warm, "< 1 ms"))
    handoffs = [timed(partial(next_handoff, roster, s, t)) for s, t in questions[:10_000]]
    rows.append(summary("next handoff", handoffs, "< 1 ms"))
    reports = []
    for week in range(20):
        fresh = build_roster()
        now = START + timedelta(weeks=week, hours=9)
        report = partial(coverage_gaps, fresh, range(1, SECTORS + 1), now=now)
        reports.append(timed(report))
    rows.append(summary("7-day gap report, 20 sectors, fresh roster", reports, "< 200 ms"))
    history = build_history()
    cold = [timed(partial(on_duty_teams, history, s, t)) for s, t in questions]
    rows.append(summary("as it stood, fresh roster, over a year", cold, "< 1 ms"))
    warm = [timed(partial(on_duty_teams, history, s, t)) for s, t in questions]
    rows.append(summary("as it stood, same questions again", warm, "< 1 ms"))
    print(
        f"Roster of {TEAMS} teams over {SECTORS} sectors; with its history, "
        f"{len(history.shifts)} shift rows for {len(roster.shifts)} shifts"
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
