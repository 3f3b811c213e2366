"""One sector at a glance: its open calls, today's log, who is on duty, its last four weeks.

Opening the view is a consultation of the history (it lists calls, and repeat places can
point at a person who keeps coming back): it needs ``Right.CONSULT_HISTORY`` and leaves one
audit row naming the sector. The weeks' figures are read in a read session, then the audit
row is written in its own short transaction: counting four weeks must not hold the write
lock other desks wait on, and nothing is returned unless the audit row is written.
An operator sees the sector's last 24 hours only (``consulted_since``): the days that
overlap them, the places come back within them, and no week's delays.
Redrawing the open calls and today's log after a change on the desk (``sector_today``) is
not audited again, as the live board's redraws are not: it shows the same day, already
consulted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, consulted_since, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Sector
from operline.errors import InvalidInput
from operline.figures.ack_times import NO_ACK, AckTimes, ack_times_by_sector
from operline.figures.buckets import IsoWeek, calls_in, day_buckets
from operline.figures.places import RepeatPlace, repeat_places
from operline.incidents.live_board import BoardIncident, open_incidents
from operline.journal import day_ids_query
from operline.paris_time import paris_date
from operline.roster.engine import OnDuty, next_handoff, on_duty_teams
from operline.roster.store import load_roster
from operline.sentences import QT_TRANSLATE_NOOP
from operline.settings import DeskSettings, read_settings

#: The days the calls-per-day chart and the repeat places look back over, today included.
DAYS_LOOKED_BACK = 28


@dataclass(frozen=True, slots=True)
class DayCalls:
    """The calls received in a sector on one Paris day."""

    day: date
    calls: int


@dataclass(frozen=True)
class SectorToday:
    """What moves with each call: the sector's open calls and today's log (ids, newest first)."""

    at: datetime
    today: date
    open_incidents: tuple[BoardIncident, ...]
    today_ids: tuple[int, ...]
    #: The alert delays the open calls were coloured with.
    settings: DeskSettings


@dataclass(frozen=True)
class SectorFigures:
    """The sector view at an instant."""

    sector_id: int
    sector: str
    live: SectorToday
    on_duty: tuple[OnDuty, ...]
    #: When who is on duty next changes, and who is on duty then (None: no change in sight).
    handoff_at: datetime | None
    next_on_duty: tuple[OnDuty, ...]
    #: The last ``DAYS_LOOKED_BACK`` Paris days, oldest first, today last.
    days: tuple[DayCalls, ...]
    #: Places with two calls or more over those days, most calls first.
    places: tuple[RepeatPlace, ...]
    this_week: IsoWeek
    #: This ISO week so far, then the whole week before it; None for an operator, whose
    #: history stops 24 hours back.
    ack_this_week: AckTimes | None
    ack_last_week: AckTimes | None


def sector_figures(
    database: Database, sector_id: int, *, actor: Actor, now: datetime
) -> SectorFigures:
    """Read a sector's view at ``now``; the consultation is audited."""
    since = consulted_since(actor, now)
    settings = read_settings(database)
    today = paris_date(now)
    week = IsoWeek.of(today)
    week_start, _ = week.bounds()
    last_week_start, _ = week.shifted(-1).bounds()
    first_day = today - timedelta(days=DAYS_LOOKED_BACK - 1)
    if since is not None:
        first_day = paris_date(since)
    buckets = day_buckets(first_day, (today - first_day).days + 1)
    this_week: dict[int, AckTimes] | None = None
    last_week: dict[int, AckTimes] | None = None
    with database.read() as session:
        name = _sector_name(session, sector_id)
        counts = calls_in(session, buckets, sector_id=sector_id)
        places = repeat_places(session, sector_id, since or buckets[0].start, now)
        if since is None:
            this_week = ack_times_by_sector(session, week_start, now, sector_id=sector_id)
            last_week = ack_times_by_sector(
                session, last_week_start, week_start, sector_id=sector_id
            )
        roster = load_roster(session, changes_ending_after=now)
        today_ids = tuple(session.scalars(day_ids_query(today, sector_id=sector_id)))
    live = SectorToday(
        now, today, _open_in(database, sector_id, now, settings), today_ids, settings
    )
    handoff = next_handoff(roster, sector_id, now)
    with database.write() as session:
        write_audit(
            session, actor, AuditAction.SECTOR_FIGURES_VIEW, now=now, target=f"sector #{sector_id}"
        )
    return SectorFigures(
        sector_id=sector_id,
        sector=name,
        live=live,
        on_duty=tuple(on_duty_teams(roster, sector_id, now)),
        handoff_at=handoff[0] if handoff else None,
        next_on_duty=tuple(handoff[1]) if handoff else (),
        days=tuple(DayCalls(b.day, count) for b, count in zip(buckets, counts, strict=True)),
        places=tuple(places),
        this_week=week,
        ack_this_week=None if this_week is None else this_week.get(sector_id, NO_ACK),
        ack_last_week=None if last_week is None else last_week.get(sector_id, NO_ACK),
    )


def sector_today(database: Database, sector_id: int, *, actor: Actor, now: datetime) -> SectorToday:
    """The sector's open calls and today's log again, after a change (not audited again)."""
    require(actor, Right.CONSULT_HISTORY)
    settings = read_settings(database)
    today = paris_date(now)
    with database.read() as session:
        ids = tuple(session.scalars(day_ids_query(today, sector_id=sector_id)))
    return SectorToday(now, today, _open_in(database, sector_id, now, settings), ids, settings)


def _open_in(
    database: Database, sector_id: int, now: datetime, settings: DeskSettings
) -> tuple[BoardIncident, ...]:
    # Read through the partial index of open calls, the sector checked in it: only the
    # sector's open calls are built, not every open call of the desk.
    return tuple(open_incidents(database, now=now, settings=settings, sector_id=sector_id))


def _sector_name(session: Session, sector_id: int) -> str:
    name = session.scalar(select(Sector.name).where(Sector.id == sector_id))
    if name is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("FigureMessages", "There is no sector #{id} in this database."),
            id=sector_id,
        )
    return name
