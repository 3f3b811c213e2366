"""Everything the live board shows, read for its periodic refresh in two statements.

On a PostgreSQL server 20 ms away, every statement and every BEGIN or ROLLBACK is a round
trip: the refresh used to cost about nineteen. Here it reads a change marker of the
reference data, then the open calls, each statement on its own in autocommit (one
statement needs no transaction), on one pooled connection. The settings, the sectors and
the roster change rarely: they are kept from the previous snapshot and read again only
when the marker moved. The strip's counts come from the open calls already read, and the
teams on duty and the next contacts from the roster in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select

from operline.audit import AuditAction
from operline.codes import Status
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.incidents.live_board import (
    BoardIncident,
    NextContact,
    SectorStrip,
    alert_for,
    board_incident,
    next_contact_in,
    open_incidents_query,
)
from operline.incidents.stages import IncidentState
from operline.roster.board import active_sectors
from operline.roster.engine import Roster, on_duty_teams
from operline.roster.store import load_roster
from operline.settings import DeskSettings, read_settings

#: The marker counts the newest audit rows, not only the highest id: on PostgreSQL a
#: transaction may commit after one that took a later id, and must not go unnoticed.
_MARKER_SPAN = 64


@dataclass(frozen=True)
class ReferenceData:
    """What the board needs besides the calls, and the marker it was read under."""

    marker: tuple[int | None, int]
    #: The roster holds the exceptions ending after this instant: valid from then on.
    read_for: datetime
    settings: DeskSettings
    sectors: tuple[tuple[int, str], ...]
    roster: Roster


@dataclass(frozen=True)
class BoardSnapshot:
    """The live board at an instant: open calls, the sector strip, who to call next."""

    at: datetime
    #: Every open incident, urgent first then oldest, whatever the sector filter.
    incidents: tuple[BoardIncident, ...]
    #: The active sectors in the desk's order, with their open calls and teams on duty.
    sectors: tuple[SectorStrip, ...]
    reference: ReferenceData

    @property
    def settings(self) -> DeskSettings:
        return self.reference.settings

    @property
    def roster(self) -> Roster:
        return self.reference.roster

    def with_change(self, state: IncidentState, *, now: datetime) -> BoardSnapshot:
        """The board after a stage, a team or a close the desk just recorded, with no read.

        A call not on the board (logged since, or elsewhere) is left to the next refresh:
        the state lacks what its row shows (sector, need, priority). A state older than
        the row shown (a refresh came first) changes nothing.
        """
        shown = next((i for i in self.incidents if i.incident_id == state.incident_id), None)
        if shown is None or state.version < shown.version:
            return self
        if state.status is Status.CLOSED:
            incidents = tuple(i for i in self.incidents if i.incident_id != state.incident_id)
        else:
            team = self.roster.teams.get(state.assigned_team_id or 0)
            name = team.name if team is not None else None
            if team is None and state.assigned_team_id == shown.team_id:
                name = shown.team  # a team retired since keeps its name on its calls
            changed = replace(
                shown,
                status=state.status,
                version=state.version,
                team_id=state.assigned_team_id,
                team=name,
                acknowledged_at=state.acknowledged_at,
                routed_at=state.routed_at,
                alert=alert_for(
                    urgent=shown.urgent,
                    received_at=shown.received_at,
                    acknowledged_at=state.acknowledged_at,
                    now=now,
                    settings=self.settings,
                ),
            )
            # Stages change neither priority nor reception: the row keeps its place.
            incidents = tuple(changed if i is shown else i for i in self.incidents)
        return _assemble(now, incidents, self.reference)

    def next_contact(self, incident: BoardIncident) -> NextContact:
        """Whom to call when the incident's team does not answer (no database read)."""
        return next_contact_in(
            self.roster, incident, now=self.at, supervisor_phone=self.settings.supervisor_phone
        )


def board_snapshot(
    database: Database, *, now: datetime, previous: BoardSnapshot | None = None
) -> BoardSnapshot:
    """Read the board at ``now``; pass the last snapshot to keep what has not changed.

    Two statements, plus a read of the settings, sectors and roster at the first refresh
    and whenever the marker says they may have changed since ``previous``.
    """
    with _one_statement_reads(database) as connection:
        marker = _reference_marker(connection)
        rows = connection.execute(open_incidents_query()).all()
    reference = previous.reference if previous is not None else None
    if reference is None or reference.marker != marker or now < reference.read_for:
        reference = _read_reference(database, marker, now)
    if previous is not None and previous.reference is reference:
        incidents = _carried_over(rows, previous.incidents, now, reference.settings)
    else:
        incidents = tuple(board_incident(row, now=now, settings=reference.settings) for row in rows)
    return _assemble(now, incidents, reference)


def _carried_over(
    rows: Sequence[Row[*tuple[Any, ...]]],
    shown: tuple[BoardIncident, ...],
    now: datetime,
    settings: DeskSettings,
) -> tuple[BoardIncident, ...]:
    """The rows read, reusing the incidents already shown at the same version.

    Any change to an incident bumps its version, and a renamed sector or team moves the
    marker, so an incident at the same version only needs its colour worked out again:
    at a thousand open calls, building every row anew cost more than reading them.
    """
    known = {(incident.incident_id, incident.version): incident for incident in shown}
    incidents = []
    for row in rows:
        old = known.get((row[0], row[13]))
        if old is None:
            incidents.append(board_incident(row, now=now, settings=settings))
            continue
        alert = alert_for(
            urgent=old.urgent,
            received_at=old.received_at,
            acknowledged_at=old.acknowledged_at,
            now=now,
            settings=settings,
        )
        incidents.append(old if alert is old.alert else replace(old, alert=alert))
    return tuple(incidents)


def _assemble(
    now: datetime, incidents: tuple[BoardIncident, ...], reference: ReferenceData
) -> BoardSnapshot:
    counts = Counter(incident.sector_id for incident in incidents)
    sectors = tuple(
        SectorStrip(
            sector_id=sector_id,
            name=name,
            open_incidents=counts[sector_id],
            on_duty=tuple(on_duty_teams(reference.roster, sector_id, now)),
        )
        for sector_id, name in reference.sectors
    )
    return BoardSnapshot(at=now, incidents=incidents, sectors=sectors, reference=reference)


@contextmanager
def _one_statement_reads(database: Database) -> Iterator[Connection]:
    """A connection whose every statement is its own transaction.

    On PostgreSQL this saves the BEGIN and the ROLLBACK round trips; each statement still
    sees one consistent state, and the marker is read first so a change made between the
    two is caught at the next refresh. SQLite is in the same process: nothing to save.
    """
    with database.errors(), database.engine.connect() as connection:
        if database.is_sqlite:
            yield connection
        else:
            yield connection.execution_options(isolation_level="AUTOCOMMIT")


def _reference_marker(connection: Connection) -> tuple[int | None, int]:
    """The newest audit id of a reference change, and how many lie among the newest rows.

    Every write to the settings, the sectors, the teams or the roster writes its audit row
    in the same transaction, so the marker moves whenever one of them may have changed.
    The entries of calls and consultations are left out: a call logged at another desk
    must not cost the board a read of the roster.
    """
    newest = select(func.max(AuditLog.id)).scalar_subquery()
    row = connection.execute(
        select(func.max(AuditLog.id), func.count(AuditLog.id)).where(
            AuditLog.id > newest - _MARKER_SPAN,
            AuditLog.action.like("roster.%") | (AuditLog.action == AuditAction.SETTINGS_WRITE),
        )
    ).one()
    return row[0], int(row[1])


def _read_reference(
    database: Database, marker: tuple[int | None, int], now: datetime
) -> ReferenceData:
    settings = read_settings(database)
    with database.read() as session:
        sectors = tuple(active_sectors(session))
        roster = load_roster(session, changes_ending_after=now)
    return ReferenceData(marker, now, settings, sectors, roster)
