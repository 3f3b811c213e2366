"""Calls stored as the desk would have stored them, and the export's files read back."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, Incident, Sector, Team
from operline.paris_time import InFold, InGap, paris_to_utc

CREATED = datetime(2026, 1, 1, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def paris(text: str) -> datetime:
    """A Paris wall-clock time as a UTC instant (the first of two in the autumn hour)."""
    return paris_to_utc(datetime.fromisoformat(text), in_gap=InGap.RAISE, in_fold=InFold.EARLIER)


@dataclass(frozen=True)
class Call:
    """A call and how far it went; stages are minutes after reception."""

    received_at: datetime
    sector: str = "Stalingrad"
    location: str | None = "Rotonde de la Villette"
    caller_service: str | None = "Commissariat du 19e"
    callback_number: str | None = "+33612345678"
    notes: str | None = "Homme allongé, conscient"
    category: Category = Category.DISTRESS
    priority: Priority = Priority.NORMAL
    persons: int = 1
    team: str | None = None
    stages: tuple[int, ...] = ()
    outcome: Outcome | None = None
    orientation: str | None = None
    team_on_duty: bool = True
    extra: dict[str, object] = field(default_factory=dict)


def sectors(database: Database, *names: str, retired: tuple[str, ...] = ()) -> dict[str, int]:
    """Add sectors in the desk's order (some retired); their ids by name."""
    with database.write() as session:
        added = [
            Sector(name=name, sort_order=position, created_at=CREATED, active=True)
            for position, name in enumerate(names)
        ]
        added += [
            Sector(name=name, sort_order=99, created_at=CREATED, active=False) for name in retired
        ]
        session.add_all(added)
        session.flush()
        return {sector.name: sector.id for sector in added}


def store(database: Database, *calls: Call) -> None:
    """Store calls; teams, places and sectors named are created when missing."""
    with database.write() as session:
        known_sectors = {s.name: s for s in session.scalars(select(Sector))}
        teams = {t.name: t for t in session.scalars(select(Team))}
        places = {f.name: f for f in session.scalars(select(Facility))}
        first = (session.scalar(select(func.count(Incident.id))) or 0) + 1
        for number, call in enumerate(calls, start=first):
            if call.sector not in known_sectors:
                known_sectors[call.sector] = Sector(
                    name=call.sector, sort_order=len(known_sectors), created_at=CREATED
                )
                session.add(known_sectors[call.sector])
            if call.team and call.team not in teams:
                teams[call.team] = Team(name=call.team, organisation="Asso", created_at=CREATED)
                session.add(teams[call.team])
            if call.orientation and call.orientation not in places:
                places[call.orientation] = Facility(
                    name=call.orientation, kind="Hébergement", created_at=CREATED
                )
                session.add(places[call.orientation])
            session.flush()
            times = [call.received_at + minutes * MINUTE for minutes in call.stages]
            times += [None] * (4 - len(times))
            closed = call.outcome is not None
            status = (
                Status.CLOSED
                if closed
                else (Status.NEW, Status.ROUTED, Status.ACKNOWLEDGED, Status.ON_SCENE)[
                    len(call.stages)
                ]
            )
            session.add(
                Incident(
                    reference=f"OPL-2026-{number:06d}",
                    received_at=call.received_at,
                    caller_service=call.caller_service,
                    callback_number=call.callback_number,
                    sector_id=known_sectors[call.sector].id,
                    location=call.location,
                    category=call.category.value,
                    priority=call.priority.value,
                    persons=call.persons,
                    notes=call.notes,
                    status=status.value,
                    assigned_team_id=teams[call.team].id if call.team else None,
                    team_on_duty_at_intake=call.team_on_duty,
                    outcome=call.outcome.value if closed else None,
                    orientation_facility_id=(
                        places[call.orientation].id if call.orientation else None
                    ),
                    routed_at=times[0],
                    acknowledged_at=times[1],
                    on_scene_at=times[2],
                    closed_at=times[3],
                    created_at=call.received_at,
                    updated_at=call.received_at,
                )
            )
        session.flush()


@dataclass(frozen=True)
class ReadBack:
    """A file of the export as French Excel would get it, and its rows by the csv module."""

    raw: bytes
    rows: list[list[str]]

    @property
    def header(self) -> list[str]:
        return self.rows[0]

    @property
    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.header, row, strict=True)) for row in self.rows[1:]]


def read_back(path: Path) -> ReadBack:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte order mark"
    text = raw[3:].decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";", strict=True))
    return ReadBack(raw, rows)


def unprotected(cell: str) -> str:
    """The value behind a cell: one protective apostrophe removed, when there is one."""
    return cell[1:] if cell.startswith("'") else cell
