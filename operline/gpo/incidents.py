"""The incidents file of the GPO export: one row a call received in the week, oldest first.

The week's calls are read in one Core select on the received_at index and streamed in
batches (a server-side cursor on PostgreSQL), so a week of 125,000 calls never sits in
memory as ORM objects. Each row is turned into the file's cells as it comes, and counted
on the way into the week's tally (``operline.gpo.tally``), so the summary and the hot
spots are sums over exactly the rows written.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, select, type_coerce
from sqlalchemy.orm import Session

from operline.codes import Category, Outcome, Priority, Status
from operline.db.models import Facility, Incident, Sector, Team
from operline.gpo.minimise import mask_phones
from operline.gpo.tally import WeekTally
from operline.paris_time import PARIS, to_paris

#: The columns of the incidents file, in the order the GPO's contract fixes.
INCIDENT_COLUMNS = (
    "reference",
    "received_at",
    "weekday",
    "hour",
    "sector",
    "location",
    "category",
    "priority",
    "persons",
    "caller_service",
    "team",
    "routed_at",
    "acknowledged_at",
    "on_scene_at",
    "closed_at",
    "minutes_to_route",
    "minutes_to_acknowledge",
    "minutes_to_on_scene",
    "status",
    "outcome",
    "orientation",
    "no_team_on_duty",
)

#: The columns whose text comes from outside the export (typed at the desk, or reference
#: data a supervisor named); the others are instants, numbers and the fixed labels below,
#: none of which starts with a formula character. Only these are guarded, cell by cell.
INCIDENT_TEXT_COLUMNS = tuple(
    INCIDENT_COLUMNS.index(name)
    for name in ("reference", "sector", "location", "caller_service", "team", "orientation")
)

WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
YES_NO = {True: "oui", False: "non"}

_CATEGORY = {code.value: code.label_fr for code in Category}
_PRIORITY = {code.value: code.label_fr for code in Priority}
_STATUS = {code.value: code.label_fr for code in Status}
_OUTCOME = {code.value: code.label_fr for code in Outcome}
#: Every fixed text the file can hold, for the test that none needs guarding.
FIXED_TEXTS = (
    *WEEKDAYS_FR,
    *YES_NO.values(),
    *_CATEGORY.values(),
    *_PRIORITY.values(),
    *_STATUS.values(),
    *_OUTCOME.values(),
)
_URGENT = Priority.URGENT.value
_CLOSED = Status.CLOSED.value

#: Rows fetched from the database at a time.
BATCH = 2000
#: The instants are read with the driver's own conversion, naive UTC on SQLite (where
#: they are stored as naive UTC text), aware on PostgreSQL: the checks and time zone of
#: ``UTCDateTime`` cost more than the rest of a row, and the clock below needs neither.
_RAW_INSTANT = DateTime()
_HOUR = timedelta(hours=1)


class ParisClock:
    """Paris offsets worked out once for a stretch of time, to format instants quickly.

    Paris changes offset at most twice a year, on the hour: the stretch is cut at each
    change, and an instant inside it gets its offset from the cut it falls in. Instants
    outside the stretch (a call closed weeks later) go through the time zone database.
    """

    def __init__(self, start: datetime, end: datetime) -> None:
        self.start = start.astimezone(UTC).replace(tzinfo=None)
        self.end = end.astimezone(UTC).replace(tzinfo=None)
        #: Where each offset starts (naive UTC), the offset and how it is written, latest
        #: first.
        self.spans: list[tuple[datetime, timedelta, str]] = []
        moment = start
        while moment < end:
            offset = to_paris(moment).utcoffset()
            assert offset is not None
            if not self.spans or self.spans[0][1] != offset:
                since = moment.astimezone(UTC).replace(tzinfo=None)
                self.spans.insert(0, (since, offset, _offset_text(offset)))
            moment += _HOUR

    def local(self, instant: datetime) -> tuple[datetime, str]:
        """The naive Paris wall-clock reading of a naive UTC instant, and its offset."""
        if not self.start <= instant < self.end:
            local = instant.replace(tzinfo=UTC).astimezone(PARIS)
            offset = local.utcoffset()
            assert offset is not None
            return local.replace(tzinfo=None), _offset_text(offset)
        for since, offset, text in self.spans:
            if instant >= since:
                return instant + offset, text
        raise AssertionError("the first span starts at the start")  # pragma: no cover

    def iso(self, instant: datetime | None) -> str:
        """ISO 8601 in Paris time with its offset: 2026-11-23T14:05:00+01:00."""
        if instant is None:
            return ""
        local, offset = self.local(instant)
        return local.isoformat(timespec="seconds") + offset


def _offset_text(offset: timedelta) -> str:
    minutes = round(offset / timedelta(minutes=1))
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def whole_minutes(start: datetime, end: datetime | None) -> int | str:
    """Minutes from ``start`` to ``end``, rounded as the day log rounds them; empty if none."""
    if end is None:
        return ""
    return max(0, round((end - start).total_seconds() / 60))


def week_incidents(session: Session, start: datetime, end: datetime) -> Iterator[Any]:
    """The calls received in ``[start, end)``, oldest first, streamed in batches; their
    instants in naive UTC."""
    statement = (
        select(
            Incident.reference,
            type_coerce(Incident.received_at, _RAW_INSTANT),
            Incident.sector_id,
            Sector.name,
            Incident.location,
            Incident.category,
            Incident.priority,
            Incident.persons,
            Incident.caller_service,
            Team.name,
            type_coerce(Incident.routed_at, _RAW_INSTANT),
            type_coerce(Incident.acknowledged_at, _RAW_INSTANT),
            type_coerce(Incident.on_scene_at, _RAW_INSTANT),
            type_coerce(Incident.closed_at, _RAW_INSTANT),
            Incident.status,
            Incident.outcome,
            Facility.name,
            Incident.team_on_duty_at_intake,
        )
        .join(Sector, Sector.id == Incident.sector_id)
        .outerjoin(Team, Team.id == Incident.assigned_team_id)
        .outerjoin(Facility, Facility.id == Incident.orientation_facility_id)
        .where(Incident.received_at >= start, Incident.received_at < end)
        .order_by(Incident.received_at, Incident.id)
    )
    connection = session.connection().execution_options(stream_results=True, yield_per=BATCH)
    rows = connection.execute(statement)
    if connection.dialect.name == "sqlite":
        yield from rows
        return
    for row in rows:
        yield tuple(_naive_utc(value) if position in _INSTANTS else value
                    for position, value in enumerate(row))  # fmt: skip


#: Where the instants are in a row of ``week_incidents``.
_INSTANTS = frozenset({1, 10, 11, 12, 13})


def _naive_utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None:
        return value
    return value.astimezone(UTC).replace(tzinfo=None)


def incident_lines(
    session: Session, start: datetime, end: datetime, tally: WeekTally
) -> Iterator[list[object]]:
    """The incidents file, header first; each call is counted into ``tally`` as it goes."""
    yield list(INCIDENT_COLUMNS)
    # Stages mostly follow within hours: later ones go through the time zone database.
    clock = ParisClock(start, end + timedelta(days=2))
    iso = clock.iso
    local_time = clock.local
    if len(clock.spans) == 1:  # no change of time: one offset for every instant inside
        ((_, only, text),) = clock.spans
        low, high = clock.start, clock.end

        def iso(instant: datetime | None) -> str:
            if instant is None:
                return ""
            if low <= instant < high:
                return (instant + only).isoformat(timespec="seconds") + text
            return clock.iso(instant)

    for (
        reference,
        received_at,
        sector_id,
        sector,
        location,
        category,
        priority,
        persons,
        caller_service,
        team,
        routed_at,
        acknowledged_at,
        on_scene_at,
        closed_at,
        status,
        outcome,
        orientation,
        team_on_duty,
    ) in week_incidents(session, start, end):
        local, offset = local_time(received_at)
        place = mask_phones(location) if location else ""
        tally.count(
            sector_id,
            sector,
            place,
            priority == _URGENT,
            not team_on_duty,
            routed_at is not None,
            None if acknowledged_at is None else (acknowledged_at - received_at).total_seconds(),
            status == _CLOSED,
            outcome,
        )
        yield [
            reference,
            local.isoformat(timespec="seconds") + offset,
            WEEKDAYS_FR[local.weekday()],
            local.hour,
            sector,
            place,
            _CATEGORY[category],
            _PRIORITY[priority],
            persons,
            mask_phones(caller_service) if caller_service else "",
            team or "",
            iso(routed_at),
            iso(acknowledged_at),
            iso(on_scene_at),
            iso(closed_at),
            whole_minutes(received_at, routed_at),
            whole_minutes(received_at, acknowledged_at),
            whole_minutes(received_at, on_scene_at),
            _STATUS[status],
            _OUTCOME[outcome] if outcome else "",
            orientation or "",
            YES_NO[not team_on_duty],
        ]
