"""What the GPO's weekly brief shows, counted as the CSV export counts it.

Every figure is read through the export's own code: the week's calls are streamed by
``incident_lines`` into a ``WeekTally``, the key figures are the cells of the summary's
``TOTAL`` row, the calls per day are counted over the rows of the incidents file and the
hot spots are the lines of the hot spots file. The brief's figures therefore equal the
files' by construction, for the week and for the five weeks before it (the previous one,
and the four before that, averaged).

The hours without a team are the stretches of the roster's ``duty_timeline`` with no team
on duty at all, first-call or backup, over the roster as it stood during the week: the
reading that marked each call "no team on duty" when it came in (the gap banner, which
warns of a missing first-call team, reads the same timeline more strictly).

Like the files, the brief carries no notes, no phone numbers (places are masked) and no
operator names: only counts, sectors, places and instants.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.db.engine import Database
from operline.db.models import Sector
from operline.figures.buckets import IsoWeek
from operline.gpo.export import places_between
from operline.gpo.incidents import INCIDENT_COLUMNS, WEEKDAYS_FR, incident_lines
from operline.gpo.tally import SUMMARY_COLUMNS, TOTAL, WeekTally
from operline.gpo.week import check_week_is_over, week_hours
from operline.paris_time import as_utc, to_paris
from operline.roster.board import active_sectors
from operline.roster.engine import Roster, duty_timeline
from operline.roster.store import load_roster_as_stood
from operline.settings import stored_settings

#: How many weeks before the previous one are averaged.
WEEKS_AVERAGED = 4

Trend = Literal["up", "down", "same"]

_WEEKDAY = INCIDENT_COLUMNS.index("weekday")
_SECTOR = INCIDENT_COLUMNS.index("sector")
_SUMMARY = {name: position for position, name in enumerate(SUMMARY_COLUMNS)}
_DAY_NUMBER = {name: number for number, name in enumerate(WEEKDAYS_FR)}


@dataclass(frozen=True, slots=True)
class KeyFigures:
    """A week's total row: calls, urgent ones, with no team on duty, minutes to acknowledge."""

    week: IsoWeek
    calls: int
    urgent: int
    no_team: int
    #: Whole minutes, as the summary file writes them; None when no call was acknowledged.
    median_minutes: int | None
    p90_minutes: int | None


@dataclass(frozen=True, slots=True)
class AverageFigures:
    """The mean of some weeks' key figures; a delay's mean is over the weeks that had one."""

    weeks: tuple[IsoWeek, ...]
    calls: float
    urgent: float
    no_team: float
    median_minutes: float | None
    p90_minutes: float | None


@dataclass(frozen=True, slots=True)
class SectorDays:
    """A sector's calls on each day of the week, Monday first."""

    sector: str
    calls_per_day: tuple[int, ...]

    @property
    def calls(self) -> int:
        return sum(self.calls_per_day)


@dataclass(frozen=True, slots=True)
class Hotspot:
    """A place of the hot spots file, its calls this week and the week before."""

    sector: str
    location: str
    calls: int
    calls_previous_week: int

    @property
    def trend(self) -> Trend:
        if self.calls > self.calls_previous_week:
            return "up"
        if self.calls < self.calls_previous_week:
            return "down"
        return "same"


@dataclass(frozen=True, slots=True)
class SectorWithoutTeam:
    """When a sector had no team on duty at all during the week: ``[start, end)`` each,
    merged, in Paris time (with the offset of each instant)."""

    sector: str
    intervals: tuple[tuple[datetime, datetime], ...]

    @property
    def hours(self) -> float:
        # In UTC: two Paris instants of the same zone subtract as wall-clock times, which
        # would give the night the clocks change twelve hours.
        lasted = sum((as_utc(end) - as_utc(start) for start, end in self.intervals), timedelta())
        return lasted / timedelta(hours=1)


@dataclass(frozen=True)
class BriefFigures:
    """Everything the weekly brief shows, and nothing more."""

    week: IsoWeek
    days: tuple[date, ...]
    #: The desk's name, as the printed day log gives it.
    desk: str
    #: 167, 168 or 169: the clocks may change during the week.
    length_hours: int
    this_week: KeyFigures
    previous: KeyFigures
    #: The four weeks before the previous one, oldest first, and their mean.
    earlier: tuple[KeyFigures, ...]
    average: AverageFigures
    #: The summary's sectors in its order: the active ones, then retired ones with calls.
    per_day: tuple[SectorDays, ...]
    hotspots: tuple[Hotspot, ...]
    #: Every active sector, in the desk's order; a sector always covered has no interval.
    without_team: tuple[SectorWithoutTeam, ...]


def read_brief_figures(
    database: Database, week: IsoWeek, *, actor: Actor, now: datetime
) -> BriefFigures:
    """Read the brief of a week that is over; no Qt, so it can run off the GUI thread."""
    require(actor, Right.EXPORT)
    check_week_is_over(week, now)
    start, end = week.bounds()
    with database.read() as session:
        sectors = active_sectors(session)
        names = {id_: name for id_, name in session.execute(select(Sector.id, Sector.name))}
        tally, per_day = _week(session, week)
        summary = list(tally.summary_lines(sectors))[1:]
        previous_week = week.shifted(-1)
        previous_tally, _ = _week(session, previous_week)
        earlier = [week.shifted(-2 - back) for back in reversed(range(WEEKS_AVERAGED))]
        earlier_figures = tuple(_key_figures(w, _week(session, w)[0], sectors) for w in earlier)
        previous_places = places_between(session, previous_week.bounds()[0], start)
        shown = {sector_id: name for sector_id, name in sectors} | names
        hotspots = tuple(
            Hotspot(str(sector), str(location), _whole(calls), _whole(before))
            for sector, location, calls, before in list(
                tally.hotspot_lines(previous_places, shown)
            )[1:]
        )
        roster = load_roster_as_stood(session, start, end)
        desk = stored_settings(session).name
    intervals = {
        sector_id: without_any_team(roster, sector_id, start, end) for sector_id, _ in sectors
    }
    return BriefFigures(
        week=week,
        days=week.days,
        desk=desk,
        length_hours=week_hours(week),
        this_week=_total(week, summary[-1]),
        previous=_key_figures(previous_week, previous_tally, sectors),
        earlier=earlier_figures,
        average=average_of(earlier_figures),
        per_day=tuple(
            SectorDays(str(line[0]), tuple(per_day.get(str(line[0]), [0] * 7)))
            for line in summary[:-1]
        ),
        hotspots=hotspots,
        without_team=tuple(
            SectorWithoutTeam(name, tuple(intervals[sector_id])) for sector_id, name in sectors
        ),
    )


def without_any_team(
    roster: Roster, sector_id: int, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    """The stretches of ``[start, end)`` when no team at all was on duty in the sector, in
    Paris time, touching stretches merged."""
    stretches: list[tuple[datetime, datetime]] = []
    for span in duty_timeline(roster, sector_id, start, end):
        if span.teams:
            continue
        if stretches and stretches[-1][1] == span.start:
            stretches[-1] = (stretches[-1][0], span.end)
        else:
            stretches.append((span.start, span.end))
    return [(to_paris(begin), to_paris(finish)) for begin, finish in stretches]


def average_of(weeks: Sequence[KeyFigures]) -> AverageFigures:
    """The mean of the weeks' figures (zero calls for no week)."""
    medians = [w.median_minutes for w in weeks if w.median_minutes is not None]
    ninetieths = [w.p90_minutes for w in weeks if w.p90_minutes is not None]
    return AverageFigures(
        weeks=tuple(w.week for w in weeks),
        calls=fmean([w.calls for w in weeks]) if weeks else 0.0,
        urgent=fmean([w.urgent for w in weeks]) if weeks else 0.0,
        no_team=fmean([w.no_team for w in weeks]) if weeks else 0.0,
        median_minutes=fmean(medians) if medians else None,
        p90_minutes=fmean(ninetieths) if ninetieths else None,
    )


def _week(session: Session, week: IsoWeek) -> tuple[WeekTally, dict[str, list[int]]]:
    """The week's calls through the incidents file's lines: its tally, and its calls per
    sector (by name, as the file writes it) and weekday."""
    start, end = week.bounds()
    tally = WeekTally()
    counted: Counter[tuple[str, int]] = Counter()
    lines = incident_lines(session, start, end, tally)
    next(lines)  # the header
    for line in lines:
        counted[str(line[_SECTOR]), _DAY_NUMBER[str(line[_WEEKDAY])]] += 1
    per_day: dict[str, list[int]] = {}
    for (sector, day), calls in counted.items():
        per_day.setdefault(sector, [0] * 7)[day] = calls
    return tally, per_day


def _key_figures(week: IsoWeek, tally: WeekTally, sectors: Sequence[tuple[int, str]]) -> KeyFigures:
    return _total(week, list(tally.summary_lines(sectors))[-1])


def _total(week: IsoWeek, line: Sequence[object]) -> KeyFigures:
    """The key figures of a summary's ``TOTAL`` row, cell by cell."""
    assert line[0] == TOTAL
    return KeyFigures(
        week=week,
        calls=_count(line, "calls"),
        urgent=_count(line, "urgent"),
        no_team=_count(line, "no_team_on_duty"),
        median_minutes=_delay(line, "median_minutes_to_acknowledge"),
        p90_minutes=_delay(line, "p90_minutes_to_acknowledge"),
    )


def _count(line: Sequence[object], column: str) -> int:
    return _whole(line[_SUMMARY[column]])


def _delay(line: Sequence[object], column: str) -> int | None:
    cell = line[_SUMMARY[column]]
    return None if cell == "" else _whole(cell)


def _whole(cell: object) -> int:
    assert isinstance(cell, int), cell
    return cell
