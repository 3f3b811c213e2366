"""The coverage of the coming days, sector by sector, as the week view draws it.

Days are Paris calendar days with their true length (23 or 25 hours on the nights the
clocks change). Bands come from the engine's timeline and gaps from ``coverage_gaps``,
so the week view never tells a different story from the board or the gap report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from operline.db.engine import Database
from operline.paris_time import as_utc, paris_day_bounds
from operline.roster.board import active_sectors
from operline.roster.engine import DutySpan, DutyTeam, OnDuty, duty_intervals, duty_timeline
from operline.roster.gaps import CoverageGap, coverage_gaps
from operline.roster.store import load_roster

BandKind = Literal["first_call", "backup_only", "nobody"]

#: Duty intervals are read this far either side of the window, so a night shift that
#: began before the first day shows its real start, not the window's.
_MARGIN = timedelta(days=2)


@dataclass(frozen=True, slots=True)
class WeekDay:
    """A Paris calendar day and the UTC instants where it starts and ends."""

    day: date
    start: datetime
    end: datetime

    @property
    def length(self) -> timedelta:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class CoverageBand:
    """A stretch with the same first-call teams (or, without any, the same backups)."""

    start: datetime
    end: datetime
    kind: BandKind
    #: The first-call teams of a ``first_call`` band, the backups of a ``backup_only`` one.
    teams: tuple[DutyTeam, ...]


@dataclass(frozen=True, slots=True)
class SectorWeek:
    """One sector over the window: its bands tiling it, each team's duty, its gaps."""

    sector_id: int
    sector: str
    bands: tuple[CoverageBand, ...]
    duties: tuple[OnDuty, ...]
    gaps: tuple[CoverageGap, ...]

    def on_duty_at(self, instant: datetime) -> tuple[OnDuty, ...]:
        """The teams on duty at an instant, tier 1 first, with their whole duty interval."""
        found = [duty for duty in self.duties if duty.since <= instant < duty.until]
        return tuple(sorted(found, key=lambda duty: duty.tier))

    def gaps_at(self, instant: datetime) -> tuple[CoverageGap, ...]:
        return tuple(gap for gap in self.gaps if gap.start <= instant < gap.end)


@dataclass(frozen=True, slots=True)
class WeekCoverage:
    """Every active sector over ``days``, from the first day's midnight in Paris."""

    start: datetime
    end: datetime
    now: datetime
    days: tuple[WeekDay, ...]
    sectors: tuple[SectorWeek, ...]


def week_coverage(database: Database, start: date, days: int, now: datetime) -> WeekCoverage:
    """The coverage of each active sector over ``days`` Paris days from ``start``.

    Gaps are those of ``coverage_gaps``: never before ``now``, under a minute left out.
    """
    if days < 1:
        raise ValueError(f"a week view needs at least one day, not {days}")
    now = as_utc(now)
    week_days = tuple(WeekDay(day, *paris_day_bounds(day)) for day in _days(start, days))
    begin, finish = week_days[0].start, week_days[-1].end
    with database.read() as session:
        sectors = active_sectors(session)
        roster = load_roster(session, changes_ending_after=begin - _MARGIN)
    weeks = []
    for sector_id, name in sectors:
        duties = duty_intervals(roster, sector_id, begin - _MARGIN, finish + _MARGIN)
        weeks.append(
            SectorWeek(
                sector_id=sector_id,
                sector=name,
                bands=tuple(bands(duty_timeline(roster, sector_id, begin, finish))),
                duties=tuple(d for d in duties if d.since < finish and d.until > begin),
                gaps=tuple(coverage_gaps(roster, [sector_id], start=begin, end=finish, now=now)),
            )
        )
    return WeekCoverage(begin, finish, now, week_days, tuple(weeks))


def bands(spans: list[DutySpan]) -> list[CoverageBand]:
    """Spans merged where the first-call teams stay the same, ready to draw."""
    merged: list[CoverageBand] = []
    for span in spans:
        first_call = tuple(team for team in span.teams if team.tier == 1)
        if first_call:
            kind: BandKind = "first_call"
            teams = first_call
        elif span.teams:
            kind, teams = "backup_only", span.teams
        else:
            kind, teams = "nobody", ()
        last = merged[-1] if merged else None
        if last and last.kind == kind and last.teams == teams and last.end == span.start:
            merged[-1] = CoverageBand(last.start, span.end, kind, teams)
        else:
            merged.append(CoverageBand(span.start, span.end, kind, teams))
    return merged


def _days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=offset) for offset in range(count)]
