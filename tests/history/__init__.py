"""Calls stored for the history's tests: every field a filter reads, set on purpose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, Incident, IncidentEvent, Sector, Team
from operline.incidents.events import EventKind

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Past:
    """An incident of the history; the rest is filled in plausibly."""

    received_at: datetime
    sector: str = "Stalingrad"
    category: Category = Category.DISTRESS
    priority: Priority = Priority.NORMAL
    status: Status = Status.CLOSED
    team: str | None = "Maraude Nord"
    outcome: Outcome | None = Outcome.TAKEN_IN_CHARGE
    place: str | None = None
    location: str | None = None
    notes: str | None = None
    linked: bool = False
    team_on_duty: bool = True


def store(database: Database, *calls: Past) -> list[int]:
    """Store the incidents; their ids, in the order given."""
    ids = []
    with database.write() as session:
        sectors = {row.name: row for row in session.scalars(select(Sector))}
        teams = {row.name: row for row in session.scalars(select(Team))}
        places = {row.name: row for row in session.scalars(select(Facility))}
        for call in calls:
            if call.sector not in sectors:
                sectors[call.sector] = Sector(name=call.sector, created_at=NOW)
            if call.team is not None and call.team not in teams:
                teams[call.team] = Team(name=call.team, organisation="Association", created_at=NOW)
            if call.place is not None and call.place not in places:
                places[call.place] = Facility(name=call.place, kind="shelter", created_at=NOW)
        session.add_all([*sectors.values(), *teams.values(), *places.values()])
        session.flush()
        count = len(session.scalars(select(Incident.id)).all())
        for number, call in enumerate(calls, start=count + 1):
            closed = call.status is Status.CLOSED
            incident = Incident(
                reference=f"OPL-{call.received_at.year}-{number:06d}",
                received_at=call.received_at,
                sector_id=sectors[call.sector].id,
                location=call.location,
                notes=call.notes,
                category=call.category.value,
                priority=call.priority.value,
                persons=1,
                status=call.status.value,
                assigned_team_id=teams[call.team].id if call.team else None,
                team_on_duty_at_intake=call.team_on_duty,
                outcome=call.outcome.value if closed and call.outcome else None,
                closed_at=call.received_at if closed else None,
                orientation_facility_id=places[call.place].id if call.place else None,
                created_at=call.received_at,
                updated_at=call.received_at,
            )
            session.add(incident)
            session.flush()
            ids.append(incident.id)
            if call.linked:
                session.add(
                    IncidentEvent(
                        incident_id=incident.id,
                        at=call.received_at,
                        kind=EventKind.LINKED_CALL.value,
                        new_value="Second call",
                    )
                )
    return ids
