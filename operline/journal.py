"""The journal of a day (the supervisor's day log): every call received on one Paris day.

Supervisors review each day's log: each call with the time of each stage and the delays
between them, the team, the teams on duty when it came in, the outcome, and which values
were corrected since. Reading the history is a consultation of sensitive data, so listing
a day leaves an audit row, written in the same transaction. The list is read in two
steps, the ordered ids of the day then the rows of the ids a screen shows, so a day's
view stays instant over years of history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent, Sector, Team
from operline.incidents.events import CORRECTIONS, EventKind
from operline.paris_time import paris_day_bounds
from operline.roster.engine import Roster, on_duty_teams
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
    """The SELECT of the ids of a Paris day's incidents (of one sector), newest first."""
    start, end = paris_day_bounds(day)
    query = select(Incident.id).where(Incident.received_at >= start, Incident.received_at < end)
    if sector_id is not None:
        query = query.where(Incident.sector_id == sector_id)
    return query.order_by(Incident.received_at.desc(), Incident.id.desc())


def day_incident_ids(
    database: Database, day: date, *, actor: Actor, now: datetime
) -> tuple[int, ...]:
    """The ids of the incidents received on a Paris day, newest first; audited."""
    require(actor, Right.CONSULT_HISTORY)
    with database.write() as session:
        ids = tuple(session.scalars(day_ids_query(day)))
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

    def roster(self, session: Session, earliest: datetime) -> Roster:
        """The roster as it stood over the day (a shift ended since still counts then)."""
        if earliest < self._since:  # a row of another day: read for it alone
            return load_roster_as_stood(session, earliest, self._until)
        if self._roster is None:
            self._roster = load_roster_as_stood(session, self._since, self._until)
        return self._roster


def journal_rows(
    database: Database, ids: Sequence[int], *, day_roster: DayRoster | None = None
) -> list[JournalRow]:
    """The journal lines of the given incidents, in the order of ``ids``.

    An id that names no incident is left out. ``day_roster`` spares reading the roster
    again for each page of the same day.
    """
    if not ids:
        return []
    found: dict[int, JournalRow] = {}
    with database.read() as session:
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
    earliest = min(row[2] for row in rows)
    if day_roster is not None:
        roster = day_roster.roster(session, earliest)
    else:
        roster = load_roster_as_stood(session, earliest, max(row[2] for row in rows))
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
            on_duty=tuple(duty.name for duty in on_duty_teams(roster, row[15], row[2])),
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
