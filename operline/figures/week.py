"""The week in figures: calls per day and sector, delays, outcomes, hours, calls left bare.

An ISO week in Paris time, Monday 00:00 to Sunday 24:00 (167 or 169 hours on the weeks the
clocks change). Calls per day and per hour are counted on the received_at indexes bucket by
bucket (``operline.figures.buckets``); outcomes and calls with no team on duty come from one
grouped pass over the week's calls, the delays from ``operline.figures.ack_times``.

These are counts: no call, place or person is named. Reading them still needs
``Right.CONSULT_ARCHIVE`` (a supervisor's) and leaves one audit row naming the week, as a count per
sector and hour can be small enough to point at one call, and the audit log is where the
desk answers who looked at its activity, and when.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.codes import Outcome
from operline.db.engine import Database
from operline.db.models import Incident, Sector
from operline.figures.ack_times import NO_ACK, AckTimes, ack_times_by_sector
from operline.figures.buckets import IsoWeek, calls_in, day_buckets, hour_buckets
from operline.names import fold_name
from operline.roster.board import active_sectors

WEEKDAYS = 7
HOURS = 24


@dataclass(frozen=True, slots=True)
class SectorWeek:
    """A sector's week: its calls each day, its delays, its calls with no team on duty."""

    sector_id: int
    sector: str
    calls_per_day: tuple[int, ...]
    ack: AckTimes
    no_team: int

    @property
    def calls(self) -> int:
        return sum(self.calls_per_day)


@dataclass(frozen=True)
class WeekFigures:
    """The figures of one ISO week, for the charts of the week."""

    week: IsoWeek
    days: tuple[date, ...]
    #: Active sectors in the desk's order, then retired ones that had calls that week.
    sectors: tuple[SectorWeek, ...]
    #: Calls per outcome; None counts the calls still open.
    outcomes: tuple[tuple[Outcome | None, int], ...]
    #: ``calls_by_hour[weekday][hour]``, Paris wall-clock time, Monday = 0.
    calls_by_hour: tuple[tuple[int, ...], ...]
    #: How many times each wall-clock hour happened that week: 0 for the spring hour that
    #: does not exist, 2 for the autumn hour lived twice, 1 otherwise.
    hours_lived: tuple[tuple[int, ...], ...]
    #: The week's length in hours: 167, 168 or 169.
    length_hours: int

    @property
    def calls(self) -> int:
        return sum(sector.calls for sector in self.sectors)

    @property
    def no_team(self) -> int:
        return sum(sector.no_team for sector in self.sectors)


def week_figures(database: Database, week: IsoWeek, *, actor: Actor, now: datetime) -> WeekFigures:
    """Read the figures of an ISO week; the reading is audited (a supervisor's)."""
    require(actor, Right.CONSULT_ARCHIVE)
    start, end = week.bounds()
    days = day_buckets(week.monday, WEEKDAYS)
    hours = hour_buckets(start, end)
    with database.read() as session:
        sectors = active_sectors(session)
        per_day = {
            sector_id: calls_in(session, days, sector_id=sector_id) for sector_id, _ in sectors
        }
        per_hour = calls_in(session, hours)
        outcomes, no_team, elsewhere = _outcomes(session, start, end)
        ack = ack_times_by_sector(session, start, end)
        # A retired sector keeps its calls: it is shown for the weeks it had some.
        for sector_id, name in _retired(session, elsewhere - per_day.keys()):
            sectors.append((sector_id, name))
            per_day[sector_id] = calls_in(session, days, sector_id=sector_id)
    with database.write() as session:
        write_audit(session, actor, AuditAction.WEEK_FIGURES_VIEW, now=now, target=str(week))
    by_hour = [[0] * HOURS for _ in range(WEEKDAYS)]
    lived = [[0] * HOURS for _ in range(WEEKDAYS)]
    for bucket, count in zip(hours, per_hour, strict=True):
        by_hour[bucket.weekday][bucket.hour] += count
        lived[bucket.weekday][bucket.hour] += 1
    return WeekFigures(
        week=week,
        days=week.days,
        sectors=tuple(
            SectorWeek(
                sector_id,
                name,
                tuple(per_day[sector_id]),
                ack.get(sector_id, NO_ACK),
                no_team[sector_id],
            )
            for sector_id, name in sectors
        ),
        outcomes=tuple(
            (outcome, outcomes[outcome]) for outcome in (*Outcome, None) if outcomes[outcome]
        ),
        calls_by_hour=tuple(tuple(row) for row in by_hour),
        hours_lived=tuple(tuple(row) for row in lived),
        length_hours=len(hours),
    )


def _outcomes(
    session: Session, start: datetime, end: datetime
) -> tuple[Counter[Outcome | None], Counter[int], set[int]]:
    """Calls per outcome, calls with no team on duty per sector, the sectors seen.

    One sum per outcome, grouped by sector alone: a few groups to keep, where grouping by
    outcome too sorted every call of the week.
    """
    per_outcome = [
        func.sum(case((Incident.outcome == outcome.value, 1), else_=0)) for outcome in Outcome
    ]
    rows = session.execute(
        select(
            Incident.sector_id,
            func.count(),
            func.sum(case((Incident.team_on_duty_at_intake, 0), else_=1)),
            *per_outcome,
        )
        .where(Incident.received_at >= start, Incident.received_at < end)
        .group_by(Incident.sector_id)
    )
    outcomes: Counter[Outcome | None] = Counter()
    no_team: Counter[int] = Counter()
    seen: set[int] = set()
    for sector_id, calls, bare, *closed in rows:
        seen.add(sector_id)
        no_team[sector_id] += int(bare)
        for outcome, count in zip(Outcome, closed, strict=True):
            outcomes[outcome] += int(count)
        outcomes[None] += int(calls) - sum(int(count) for count in closed)
    return outcomes, no_team, seen


def _retired(session: Session, sector_ids: set[int]) -> list[tuple[int, str]]:
    if not sector_ids:
        return []
    rows = session.execute(select(Sector.id, Sector.name).where(Sector.id.in_(sector_ids)))
    return sorted(((row.id, row.name) for row in rows), key=lambda item: fold_name(item[1]))
