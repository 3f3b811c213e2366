"""The journal of a day (the supervisor's day log): every call received on one Paris day.

Supervisors review each day's log: each call with the time of each stage and the delays
between them, the team, the teams on duty when it came in, the outcome, and which values
were corrected since. Reading the history is a consultation of sensitive data, so listing
a day leaves an audit row, written in the same transaction. The list is read in two
steps, the ordered ids of the day then the rows of the ids a screen shows, so a day's
view stays instant over years of history (the screen reads its pages by keyset, see
``operline.journal_pages``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from operline.actors import Actor, require_day
from operline.audit import AuditAction, write_audit
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent, Sector, Team
from operline.incidents.events import CORRECTIONS, EventKind
from operline.paris_time import paris_day_bounds
from operline.roster.engine import DutySpan, Roster, duty_timeline
from operline.roster.store import load_roster_as_stood

#: The audit action of listing a day (kept under this name for its readers).
JOURNAL_VIEW = AuditAction.JOURNAL_VIEW

#: Longest id list sent in one ``IN (...)``: far below SQLite's and PostgreSQL's limits.
_IDS_PER_QUERY = 500


@dataclass(frozen=True)
class FieldCorrected:
    """A field of a call corrected in the day log."""

    #: The value first recorded, as the timeline stores it (instants in ISO 8601).
    original: str | None
    #: Whether a correction of it came after the day was signed off.
    after_sign_off: bool


@dataclass(frozen=True)
class JournalRow:
    """One line of the journal, as the supervisor reads it."""

    id: int
    reference: str
    received_at: datetime
    sector: str
    category: Category
    priority: Priority
    status: Status
    team: str | None
    outcome: Outcome | None
    routed_at: datetime | None = None
    acknowledged_at: datetime | None = None
    on_scene_at: datetime | None = None
    closed_at: datetime | None = None
    #: The teams the roster has on duty in the sector when the call came in, tier 1 first.
    on_duty: tuple[str, ...] = ()
    #: Whether the desk found a team on duty when it logged the call.
    team_on_duty_at_intake: bool = True
    #: The fields corrected since the call was logged, by ``LogField`` value.
    corrected: Mapping[str, FieldCorrected] = field(default_factory=dict, hash=False)
    version: int = 1

    def teams_on_duty(self) -> tuple[str, ...]:
        """Who was on duty when the call came in; none when the desk found none then.

        The desk's finding at intake wins over the roster read now, which may have
        changed since.
        """
        return self.on_duty if self.team_on_duty_at_intake else ()

    def stage_times(self) -> tuple[datetime | None, ...]:
        """Received, team contacted, acknowledged, on scene, closed (None: not reached)."""
        return (
            self.received_at,
            self.routed_at,
            self.acknowledged_at,
            self.on_scene_at,
            self.closed_at,
        )

    def delays(self) -> tuple[timedelta | None, ...]:
        """For each stage after the reception, how long after the stage before it.

        A stage skipped (closed without being on scene) counts from the last one reached.
        """
        times = self.stage_times()
        found: list[timedelta | None] = []
        latest = times[0]
        for at in times[1:]:
            if at is None or latest is None:
                found.append(None)
                continue
            found.append(at - latest)
            latest = at
        return tuple(found)


def day_ids_query(day: date, *, sector_id: int | None = None) -> Select[int]:
    """The SELECT of the ids of a Paris day's incidents (of one sector), newest first.

    Written on the table, not the mapped class: the ORM would build a row object for each
    of a busy day's thousands of ids, several times the cost of reading them.
    """
    start, end = paris_day_bounds(day)
    table = Incident.__table__.c
    query = select(table.id).where(table.received_at >= start, table.received_at < end)
    if sector_id is not None:
        query = query.where(table.sector_id == sector_id)
    return query.order_by(table.received_at.desc(), table.id.desc())


def day_incident_ids(
    database: Database, day: date, *, actor: Actor, now: datetime
) -> tuple[int, ...]:
    """The ids of the incidents received on a Paris day, newest first; audited."""
    require_day(actor, day, now=now)
    with database.write() as session:
        ids = tuple(session.connection().execute(day_ids_query(day)).scalars())
        write_audit(session, actor, AuditAction.JOURNAL_VIEW, now=now, target=day.isoformat())
    return ids


class DayRoster:
    """The roster, read once for every page of one day shown.

    Who was on duty is asked of the roster engine for each row; reading the roster and
    building its timelines again at each page would cost more than the page itself. A
    screen keeps one per day shown and takes a new one when it reloads the day.
    """

    def __init__(self, day: date) -> None:
        self._since, self._until = paris_day_bounds(day)
        self._roster: Roster | None = None
        self._duty: _DutyNames | None = None

    def roster(self, session: Session, earliest: datetime) -> Roster:
        """The roster as it stood over the day (a shift ended since still counts then)."""
        if earliest < self._since:  # a row of another day: read for it alone
            return load_roster_as_stood(session, earliest, self._until)
        if self._roster is None:
            self._roster = load_roster_as_stood(session, self._since, self._until)
        return self._roster

    def duty_names(self, session: Session, earliest: datetime, latest: datetime) -> _DutyNames:
        """Who was on duty, by sector and instant, from ``earliest`` to ``latest``."""
        if earliest < self._since or latest >= self._until:  # rows of another day
            return _read_duty_names(session, earliest, latest)
        if self._duty is None:
            self._duty = _DutyNames(self.roster(session, earliest), self._since, self._until)
        return self._duty


class _DutyNames:
    """The names of the teams on duty, by sector and instant, over one stretch of time.

    The roster engine answers an instant at a time, building the teams' duty intervals
    too; the day log wants only the names, which stay the same from one change of the
    roster to the next: the spans of each sector are read once and each row looks its
    instant up among them.
    """

    def __init__(self, roster: Roster, since: datetime, until: datetime) -> None:
        self._roster = roster
        self._since, self._until = since, until
        self._spans: dict[int, tuple[list[datetime], list[tuple[str, ...]]]] = {}

    def at(self, sector_id: int, instant: datetime) -> tuple[str, ...]:
        found = self._spans.get(sector_id)
        if found is None:
            spans = duty_timeline(self._roster, sector_id, self._since, self._until)
            found = ([span.start for span in spans], [_names(span) for span in spans])
            self._spans[sector_id] = found
        starts, names = found
        index = bisect_right(starts, instant) - 1
        return names[index] if index >= 0 else ()


def _names(span: DutySpan) -> tuple[str, ...]:
    return tuple(team.name for team in span.teams)


def _read_duty_names(session: Session, earliest: datetime, latest: datetime) -> _DutyNames:
    """Who was on duty over a stretch of time, the roster read as it stood then."""
    roster = load_roster_as_stood(session, earliest, latest)
    return _DutyNames(roster, earliest, latest + _INSTANT)


_INSTANT = timedelta(microseconds=1)


def journal_rows(
    database: Database, ids: Sequence[int], *, day_roster: DayRoster | None = None
) -> list[JournalRow]:
    """The journal lines of the given incidents, in the order of ``ids``.

    An id that names no incident is left out. ``day_roster`` spares reading the roster
    again for each page of the same day.
    """
    if not ids:
        return []
    with database.read() as session:
        return journal_rows_in(session, ids, day_roster)


def journal_rows_in(
    session: Session, ids: Sequence[int], day_roster: DayRoster | None = None
) -> list[JournalRow]:
    """``journal_rows`` in a session already open."""
    found: dict[int, JournalRow] = {}
    for offset in range(0, len(ids), _IDS_PER_QUERY):
        chunk = list(ids[offset : offset + _IDS_PER_QUERY])
        found.update((row.id, row) for row in _read_rows(session, chunk, day_roster))
    return [found[incident_id] for incident_id in ids if incident_id in found]


def _read_rows(session: Session, ids: list[int], day_roster: DayRoster | None) -> list[JournalRow]:
    query = (
        select(
            Incident.id,
            Incident.reference,
            Incident.received_at,
            Sector.name,
            Incident.category,
            Incident.priority,
            Incident.status,
            Team.name,
            Incident.outcome,
            Incident.routed_at,
            Incident.acknowledged_at,
            Incident.on_scene_at,
            Incident.closed_at,
            Incident.team_on_duty_at_intake,
            Incident.version,
            Incident.sector_id,
        )
        .join(Sector, Incident.sector_id == Sector.id)
        .outerjoin(Team, Incident.assigned_team_id == Team.id)
        .where(Incident.id.in_(ids))
    )
    rows = session.execute(query).all()
    if not rows:
        return []
    corrected = _corrected_fields(session, ids)
    # Who was on duty is read as the roster stood over the calls' span.
    earliest, latest = min(row[2] for row in rows), max(row[2] for row in rows)
    if day_roster is not None:
        duty = day_roster.duty_names(session, earliest, latest)
    else:
        duty = _read_duty_names(session, earliest, latest)
    return [
        JournalRow(
            id=row[0],
            reference=row[1],
            received_at=row[2],
            sector=row[3],
            category=Category(row[4]),
            priority=Priority(row[5]),
            status=Status(row[6]),
            team=row[7],
            outcome=Outcome(row[8]) if row[8] is not None else None,
            routed_at=row[9],
            acknowledged_at=row[10],
            on_scene_at=row[11],
            closed_at=row[12],
            on_duty=duty.at(row[15], row[2]),
            team_on_duty_at_intake=row[13],
            corrected=corrected.get(row[0], {}),
            version=row[14],
        )
        for row in rows
    ]


def _corrected_fields(session: Session, ids: list[int]) -> dict[int, dict[str, FieldCorrected]]:
    """For each incident corrected, its fields corrected: first value, after a sign-off."""
    query = (
        select(
            IncidentEvent.incident_id,
            IncidentEvent.field,
            IncidentEvent.kind,
            IncidentEvent.old_value,
        )
        .where(
            IncidentEvent.incident_id.in_(ids),
            IncidentEvent.kind.in_([kind.value for kind in CORRECTIONS]),
        )
        .order_by(IncidentEvent.id)
    )
    found: defaultdict[int, dict[str, FieldCorrected]] = defaultdict(dict)
    for incident_id, corrected_field, kind, old_value in session.execute(query):
        if corrected_field is None:
            continue
        after = kind == EventKind.CORRECTED_AFTER_SIGN_OFF.value
        fields = found[incident_id]
        first = fields.get(corrected_field)
        if first is None:
            fields[corrected_field] = FieldCorrected(old_value, after)
        elif after and not first.after_sign_off:
            fields[corrected_field] = FieldCorrected(first.original, True)
    return dict(found)
