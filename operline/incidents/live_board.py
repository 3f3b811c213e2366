"""The live board: every open incident, the ones left waiting first in sight.

Alerts are computed from stored times only, so a restart shows the same colours: a call
not yet acknowledged turns amber after its limit (settings), red after twice that.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from functools import cache
from typing import Any

from sqlalchemy import Executable, Row, Select, bindparam, case, func, select, text
from sqlalchemy.orm import aliased

from operline.codes import Category, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, Sector, Team
from operline.roster.engine import OnDuty, Roster, on_duty_teams
from operline.roster.store import load_roster
from operline.settings import DeskSettings


class Alert(StrEnum):
    NONE = "none"
    AMBER = "amber"
    RED = "red"


def alert_for(
    *,
    urgent: bool,
    received_at: datetime,
    acknowledged_at: datetime | None,
    now: datetime,
    settings: DeskSettings,
) -> Alert:
    """How late a call is in being acknowledged by a team."""
    if acknowledged_at is not None:
        return Alert.NONE
    waited = now - received_at
    limit = settings.ack_limit(urgent)
    if waited >= 2 * limit:
        return Alert.RED
    if waited >= limit:
        return Alert.AMBER
    return Alert.NONE


def alert_changes_at(
    *, urgent: bool, received_at: datetime, now: datetime, settings: DeskSettings
) -> datetime | None:
    """When an unacknowledged call next changes colour, if it still will."""
    limit = settings.ack_limit(urgent)
    for moment in (received_at + limit, received_at + 2 * limit):
        if moment > now:
            return moment
    return None


def next_alert_change(
    incidents: Sequence[BoardIncident], *, now: datetime, settings: DeskSettings
) -> datetime | None:
    """When the next unacknowledged call changes colour, if one still will.

    The earliest ``alert_changes_at`` of them all, for incidents in the board's order
    (urgent first, then oldest first): in each kind the first call received after
    ``now - limit``, and after ``now - 2 × limit``, is found by bisection, so a board of
    thousands of calls is not walked again at every change of one of them.
    """
    normal_from = bisect_left(incidents, 1, key=lambda incident: 0 if incident.urgent else 1)
    moments = []
    for urgent, low, high in ((True, 0, normal_from), (False, normal_from, len(incidents))):
        limit = settings.ack_limit(urgent)
        for span in (limit, 2 * limit):
            row = bisect_right(incidents, now - span, low, high, key=_received_at)
            # Acknowledged calls keep their colour: the first one still waiting counts.
            while row < high and incidents[row].acknowledged_at is not None:
                row += 1
            if row < high:
                moments.append(incidents[row].received_at + span)
    return min(moments, default=None)


def _received_at(incident: BoardIncident) -> datetime:
    return incident.received_at


@dataclass(frozen=True)
class BoardIncident:
    """One open incident as the board shows it."""

    incident_id: int
    reference: str
    received_at: datetime
    priority: Priority
    category: Category
    status: Status
    sector_id: int
    sector: str
    location: str | None
    persons: int
    team_id: int | None
    team: str | None
    acknowledged_at: datetime | None
    version: int
    alert: Alert
    #: When the team shown was contacted (handed the call); None before any.
    routed_at: datetime | None = None

    @property
    def urgent(self) -> bool:
        return self.priority is Priority.URGENT

    def age(self, now: datetime) -> timedelta:
        return now - self.received_at


@dataclass(frozen=True)
class SectorStrip:
    """A sector in the strip above the board: its open incidents and who is on duty."""

    sector_id: int
    name: str
    open_incidents: int
    on_duty: tuple[OnDuty, ...]


def open_incidents(
    database: Database,
    *,
    now: datetime,
    settings: DeskSettings,
    sector_id: int | None = None,
    incident_ids: Collection[int] | None = None,
) -> list[BoardIncident]:
    """Open incidents, urgent first, then oldest first (the partial index holds them).

    ``incident_ids`` reads only those (the ones a change named); a closed one is absent.

    Only the columns the board shows are read: building whole ORM objects for every
    open incident cost several times the query itself, at every refresh of every desk.
    """
    query = open_incidents_query(by_sector=sector_id is not None, by_ids=incident_ids is not None)
    parameters: dict[str, Any] = {}
    if sector_id is not None:
        parameters["sector_id"] = sector_id
    if incident_ids is not None:
        parameters["incident_ids"] = list(incident_ids)
    with database.read_one_statement() as session:
        rows = session.execute(query, parameters).all()
    return [board_incident(row, now=now, settings=settings) for row in rows]


def open_incidents_query(
    *, by_sector: bool = False, by_ids: bool = False
) -> Select[*tuple[Any, ...]]:
    """The board's one SELECT of open incidents, in the board's order.

    ``by_sector`` keeps those of the bound ``sector_id``; ``by_ids`` those of the bound
    list ``incident_ids``. Each shape is built once and reused: building a statement
    and its cache key again cost several times reading the one row a stage changed.
    """
    return _board_query(by_sector, by_ids)


@cache
def _board_query(by_sector: bool, by_ids: bool) -> Select[*tuple[Any, ...]]:
    team = aliased(Team)
    query = (
        select(
            Incident.id,
            Incident.reference,
            Incident.received_at,
            Incident.priority,
            Incident.category,
            Incident.status,
            Incident.sector_id,
            Sector.name,
            Incident.location,
            Incident.persons,
            Incident.assigned_team_id,
            team.name,
            Incident.acknowledged_at,
            Incident.version,
            Incident.routed_at,
        )
        .join(Sector, Sector.id == Incident.sector_id)
        .outerjoin(team, team.id == Incident.assigned_team_id)
        .where(Incident.status != Status.CLOSED.value)
        .order_by(
            case((Incident.priority == Priority.URGENT.value, 0), else_=1),
            Incident.received_at,
            Incident.id,
        )
    )
    if by_sector:
        # The sector compared through an expression, which no index can serve: asked for
        # the bare column, SQLite's planner walked the sector's whole history in the
        # history's sector index (a second at a million calls) rather than the few open
        # calls of the partial index.
        query = query.where(Incident.sector_id + 0 == bindparam("sector_id"))
    if by_ids:
        query = query.where(Incident.id.in_(bindparam("incident_ids", expanding=True)))
    return query


# Codes looked up in dicts: calling the enums costs more, at every row of every refresh.
_PRIORITIES = {code.value: code for code in Priority}
_CATEGORIES = {code.value: code for code in Category}
_STATUSES = {code.value: code for code in Status}


def board_incident(
    row: Row[*tuple[Any, ...]], *, now: datetime, settings: DeskSettings
) -> BoardIncident:
    """A row of ``open_incidents_query`` as the board shows it, coloured at ``now``."""
    return BoardIncident(
        incident_id=row[0],
        reference=row[1],
        received_at=row[2],
        priority=_PRIORITIES[row[3]],
        category=_CATEGORIES[row[4]],
        status=_STATUSES[row[5]],
        sector_id=row[6],
        sector=row[7],
        location=row[8],
        persons=row[9],
        team_id=row[10],
        team=row[11],
        acknowledged_at=row[12],
        version=row[13],
        alert=alert_for(
            urgent=row[3] == Priority.URGENT.value,
            received_at=row[2],
            acknowledged_at=row[12],
            now=now,
            settings=settings,
        ),
        routed_at=row[14],
    )


def _open_counts(sqlite: bool) -> Executable:
    """Open incidents per sector, read from the partial index of open incidents."""
    if sqlite:
        # Named: the history's covering indexes would lead SQLite's planner to walk every
        # incident ever logged (seconds at a million) rather than the open ones.
        return text(
            "SELECT sector_id, count(*) FROM incident INDEXED BY ix_incident_open "
            "WHERE status <> 'closed' GROUP BY sector_id"
        )
    return (
        select(Incident.sector_id, func.count())
        .where(Incident.status != Status.CLOSED.value)
        .group_by(Incident.sector_id)
    )


def sector_strip(database: Database, *, now: datetime) -> list[SectorStrip]:
    """Each active sector with its count of open incidents and its teams on duty now."""
    with database.read() as session:
        counts: dict[int, int] = dict(session.execute(_open_counts(database.is_sqlite)).all())
        sectors = session.scalars(
            select(Sector).where(Sector.active).order_by(Sector.sort_order, Sector.name)
        ).all()
        roster = load_roster(session, changes_ending_after=now)
        return [
            SectorStrip(
                sector_id=sector.id,
                name=sector.name,
                open_incidents=counts.get(sector.id, 0),
                on_duty=tuple(on_duty_teams(roster, sector.id, now)),
            )
            for sector in sectors
        ]


@dataclass(frozen=True)
class NextContact:
    """Whom to call when the team given a call does not answer."""

    teams: tuple[OnDuty, ...]
    supervisor_phone: str


def next_contact(
    database: Database, incident: BoardIncident, *, now: datetime, settings: DeskSettings
) -> NextContact:
    """The other teams on duty for the incident's sector, first call first, then the supervisor."""
    with database.read() as session:
        roster = load_roster(session, changes_ending_after=now)
    return next_contact_in(roster, incident, now=now, supervisor_phone=settings.supervisor_phone)


def next_contact_in(
    roster: Roster, incident: BoardIncident, *, now: datetime, supervisor_phone: str
) -> NextContact:
    """``next_contact`` from a roster already read."""
    others = [
        t for t in on_duty_teams(roster, incident.sector_id, now) if t.team_id != incident.team_id
    ]
    # First-call teams before backups: the call goes where the desk would route it first.
    others.sort(key=lambda t: (t.tier, t.name))
    return NextContact(tuple(others), supervisor_phone)
