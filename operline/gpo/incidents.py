"""The incidents file of the GPO export: one row a call received in the week, oldest first.

The week's calls are read in one Core select on the received_at index and streamed in
batches (a server-side cursor on PostgreSQL), so a week of 125,000 calls never sits in
memory as ORM objects. Each row is turned into the file's cells as it comes, and counted
on the way into the week's tally (``operline.gpo.tally``), so the summary and the hot
spots are sums over exactly the rows written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import String, func, select, type_coerce
from sqlalchemy.orm import Session

from operline.codes import Category, Outcome, Priority, Status
from operline.db.models import Facility, Incident, Sector, Team
from operline.gpo.minimise import mask_phones
from operline.gpo.tally import WeekTally
from operline.paris_time import PARIS

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
#: How far a long export has gone, told as (calls done, calls of the week).
Progress = Callable[[int, int], None]
#: Calls between two reports of progress: a busy week is told about thirty times.
PROGRESS_EVERY = 4000
#: The instants are read as SQLite stores them, naive UTC text (2026-11-23 13:05:00.000000),
#: with none of the checks and time zone of ``UTCDateTime``: they cost more than the rest
#: of a row, and the clock below needs neither. PostgreSQL's are turned into that text.
_STORED_INSTANT = String()


class ParisClock:
    """Stored instants (naive UTC text) written in Paris time, an hour of the clock at a time.

    Paris changes offset only on the hour and by whole hours, so every instant of one UTC
    hour has the same Paris date, hour and offset: they are worked out once an hour through
    the time zone database, and the minutes and seconds copied across. A week of calls
    touches a few hundred hours.
    """

    def __init__(self) -> None:
        #: The UTC hour as stored (2026-11-23 13) → the Paris one (2026-11-23T14), the
        #: offset written (+01:00), the Paris weekday and hour.
        self.hours: dict[str, tuple[str, str, int, int]] = {}

    def hour(self, stored: str) -> tuple[str, str, int, int]:
        """The Paris reading of a stored instant's hour: date and hour, offset, weekday, hour."""
        key = stored[:13]
        known = self.hours.get(key)
        if known is None:
            local = datetime.fromisoformat(key + ":00").replace(tzinfo=UTC).astimezone(PARIS)
            offset = local.utcoffset()
            assert offset is not None
            known = (f"{local:%Y-%m-%dT%H}", _offset_text(offset), local.weekday(), local.hour)
            self.hours[key] = known
        return known

    def iso(self, stored: str | None) -> str:
        """ISO 8601 in Paris time with its offset: 2026-11-23T14:05:00+01:00."""
        if stored is None:
            return ""
        # Four instants a row: the hour looked up here, worked out only when new.
        known = self.hours.get(stored[:13]) or self.hour(stored)
        return known[0] + stored[13:19] + known[1]


def _offset_text(offset: timedelta) -> str:
    minutes = round(offset / timedelta(minutes=1))
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def whole_minutes(start: datetime, end: str | None) -> int | str:
    """Minutes from ``start`` to the stored ``end``, rounded as the day log rounds them;
    empty if none."""
    if end is None:
        return ""
    return max(0, round((_parse(end) - start).total_seconds() / 60))  # as _rounded_minutes


def _rounded_minutes(seconds: float) -> int:
    return max(0, round(seconds / 60))


_parse = datetime.fromisoformat


def week_incidents(session: Session, start: datetime, end: datetime) -> Iterator[Any]:
    """The calls received in ``[start, end)``, oldest first, streamed in batches; their
    instants as naive UTC text."""
    statement = (
        select(
            Incident.reference,
            type_coerce(Incident.received_at, _STORED_INSTANT),
            Incident.sector_id,
            Sector.name,
            Incident.location,
            Incident.category,
            Incident.priority,
            Incident.persons,
            Incident.caller_service,
            Team.name,
            type_coerce(Incident.routed_at, _STORED_INSTANT),
            type_coerce(Incident.acknowledged_at, _STORED_INSTANT),
            type_coerce(Incident.on_scene_at, _STORED_INSTANT),
            type_coerce(Incident.closed_at, _STORED_INSTANT),
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
        for batch in rows.partitions():  # a batch a call: cheaper than a row a call
            yield from batch
        return
    for row in rows:
        yield tuple(_stored_text(value) if position in _INSTANTS else value
                    for position, value in enumerate(row))  # fmt: skip


#: Where the instants are in a row of ``week_incidents``.
_INSTANTS = frozenset({1, 10, 11, 12, 13})


def _stored_text(value: datetime | None) -> str | None:
    """A PostgreSQL instant as SQLite stores it: naive UTC text."""
    if value is None:
        return None
    return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def week_call_count(session: Session, start: datetime, end: datetime) -> int:
    """How many calls were received in ``[start, end)``: a count on the received_at index."""
    table = Incident.__table__.c
    counted = session.scalar(
        select(func.count()).where(table.received_at >= start, table.received_at < end)
    )
    return int(counted or 0)


def _told(rows: Iterator[Any], total: int, progress: Progress) -> Iterator[Any]:
    """The rows as they come, ``progress`` told after each ``PROGRESS_EVERY`` of them."""
    progress(0, total)
    done = 0
    while chunk := list(islice(rows, PROGRESS_EVERY)):
        yield from chunk
        done += len(chunk)
        progress(done, max(total, done))


def incident_lines(
    session: Session,
    start: datetime,
    end: datetime,
    tally: WeekTally,
    *,
    progress: Progress | None = None,
) -> Iterator[list[object]]:
    """The incidents file, header first; each call is counted into ``tally`` as it goes.

    ``progress``, when given, is told how many calls are done out of the week's.
    """
    yield list(INCIDENT_COLUMNS)
    rows: Iterable[Any] = week_incidents(session, start, end)
    if progress is not None:
        rows = _told(iter(rows), week_call_count(session, start, end), progress)
    clock = ParisClock()
    paris_hour = clock.hour
    iso = clock.iso
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
    ) in rows:
        local_hour, offset, weekday, hour = paris_hour(received_at)
        received = _parse(received_at)
        place = mask_phones(location) if location else ""
        to_acknowledge = (
            None
            if acknowledged_at is None
            else (_parse(acknowledged_at) - received).total_seconds()
        )
        tally.count(
            sector_id,
            sector,
            place,
            priority == _URGENT,
            not team_on_duty,
            routed_at is not None,
            to_acknowledge,
            status == _CLOSED,
            outcome,
        )
        yield [
            reference,
            local_hour + received_at[13:19] + offset,
            WEEKDAYS_FR[weekday],
            hour,
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
            whole_minutes(received, routed_at),
            "" if to_acknowledge is None else _rounded_minutes(to_acknowledge),
            whole_minutes(received, on_scene_at),
            _STATUS[status],
            _OUTCOME[outcome] if outcome else "",
            orientation or "",
            YES_NO[not team_on_duty],
        ]
