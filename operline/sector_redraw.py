"""What an open sector view or week dashboard reads again after a change, and no more.

A write says which calls it touched and how (``Changes``); these functions tell the
screens which of them fall in what they show (``touched_calls``), and read only the part
of a sector's view a change can move (``sector_redraw``) or who is on duty there
(``sector_duty``, at a handoff or after a roster change). None is audited: the screen
was consulted, and audited, when it was opened.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from operline.actors import Actor, consulted_since
from operline.db.engine import Database
from operline.db.models import Incident
from operline.figures.ack_times import NO_ACK, AckTimes, ack_times_by_sector
from operline.figures.buckets import IsoWeek
from operline.figures.places import RepeatPlace, repeat_places
from operline.figures.sector_view import DAYS_LOOKED_BACK, SectorToday, sector_today
from operline.paris_time import paris_date, paris_day_bounds
from operline.roster.engine import OnDuty, next_handoff, on_duty_teams
from operline.roster.store import load_roster


@dataclass(frozen=True, slots=True)
class TouchedCall:
    """Where and when a call a write touched was received, as it now stands."""

    incident_id: int
    sector_id: int
    received_at: datetime


def touched_calls(database: Database, incident_ids: Collection[int]) -> tuple[TouchedCall, ...]:
    """The sector and reception time of each call named (by primary key: instant)."""
    if not incident_ids:
        return ()
    query = select(Incident.id, Incident.sector_id, Incident.received_at).where(
        Incident.id.in_(sorted(incident_ids))
    )
    with database.read() as session:
        return tuple(TouchedCall(*row) for row in session.execute(query))


@dataclass(frozen=True)
class SectorDuty:
    """Who is on duty in a sector at ``at``, and when and to whom that changes next."""

    at: datetime
    on_duty: tuple[OnDuty, ...]
    handoff_at: datetime | None
    next_on_duty: tuple[OnDuty, ...]


def sector_duty(database: Database, sector_id: int, now: datetime) -> SectorDuty:
    """Who is on duty in the sector now and next, from the one roster engine."""
    with database.read() as session:
        roster = load_roster(session, changes_ending_after=now)
    handoff = next_handoff(roster, sector_id, now)
    return SectorDuty(
        now,
        tuple(on_duty_teams(roster, sector_id, now)),
        handoff[0] if handoff else None,
        tuple(handoff[1]) if handoff else (),
    )


@dataclass(frozen=True)
class SectorRedraw:
    """The parts of a sector's view a change moved; None: that part did not move."""

    live: SectorToday
    #: The places that recur, read again when a call was logged in the sector.
    places: tuple[RepeatPlace, ...] | None
    #: This week's acknowledgement times, read again when a stage was recorded.
    ack_this_week: AckTimes | None


def sector_redraw(
    database: Database,
    sector_id: int,
    *,
    places: bool,
    ack: bool,
    actor: Actor,
    now: datetime,
) -> SectorRedraw:
    """The open calls and today's log again, and the places or this week's delays if asked."""
    since = consulted_since(actor, now)
    live = sector_today(database, sector_id, actor=actor, now=now)
    found_places: tuple[RepeatPlace, ...] | None = None
    found_ack: AckTimes | None = None
    ack = ack and since is None  # an operator is shown no week's delays
    if places or ack:
        today = paris_date(now)
        with database.read() as session:
            if places:
                start, _ = paris_day_bounds(today - timedelta(days=DAYS_LOOKED_BACK - 1))
                found_places = tuple(repeat_places(session, sector_id, since or start, now))
            if ack:
                week_start, _ = IsoWeek.of(today).bounds()
                times = ack_times_by_sector(session, week_start, now, sector_id=sector_id)
                found_ack = times.get(sector_id, NO_ACK)
    return SectorRedraw(live, found_places, found_ack)
