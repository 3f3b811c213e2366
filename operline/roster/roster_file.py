"""Importing and exporting the weekly roster, as the CSV file supervisors keep.

An import replaces every weekly shift pattern with the file's, in one transaction; teams
are matched by name (case and accents ignored) and created or updated; exceptions stay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, selectinload

from operline.db.engine import Database
from operline.db.models import AuditLog, Sector, ShiftPattern, Team
from operline.errors import InvalidInput
from operline.names import fold_name
from operline.roster.csv_format import RosterRow

_DAY_BITS = tuple(1 << day for day in range(7))  # Monday = 1 … Sunday = 64


@dataclass(frozen=True)
class RosterImport:
    """What an import changed."""

    patterns: int
    teams_created: tuple[str, ...]
    teams_updated: tuple[str, ...]
    sectors_created: tuple[str, ...]


def weekdays_to_bits(weekdays: frozenset[int]) -> int:
    return sum(_DAY_BITS[day] for day in weekdays)


def bits_to_weekdays(bits: int) -> frozenset[int]:
    return frozenset(day for day, bit in enumerate(_DAY_BITS) if bits & bit)


def import_roster(
    database: Database,
    rows: list[RosterRow],
    *,
    create_sectors: bool,
    actor: str,
    now: datetime,
) -> RosterImport:
    """Replace the weekly roster by ``rows``; nothing changes if a sector is unknown."""
    with database.write() as session:
        sectors, new_sectors = _sectors_for(session, rows, create_sectors=create_sectors, now=now)
        teams, created, updated = _teams_for(session, rows, now=now)
        session.execute(delete(ShiftPattern))
        for row in rows:
            session.add(
                ShiftPattern(
                    team_id=teams[fold_name(row.team)].id,
                    tier=row.tier,
                    days=weekdays_to_bits(row.weekdays),
                    start_time=row.start,
                    end_time=row.end,
                    all_sectors=row.sectors is None,
                    sectors=[sectors[fold_name(name)] for name in row.sectors or ()],
                    valid_from=row.valid_from,
                    valid_until=row.valid_until,
                    created_at=now,
                )
            )
        session.add(
            AuditLog(
                at=now,
                actor=actor,
                action="roster.import",
                details=f"{len(rows)} shift patterns, {len(created)} new teams",
            )
        )
    return RosterImport(len(rows), created, updated, new_sectors)


def _sectors_for(
    session: Session, rows: list[RosterRow], *, create_sectors: bool, now: datetime
) -> tuple[dict[str, Sector], tuple[str, ...]]:
    known = {fold_name(s.name): s for s in session.scalars(select(Sector))}
    unknown: list[str] = []
    created: list[str] = []
    for row in rows:
        for name in row.sectors or ():
            key = fold_name(name)
            if key in known:
                continue
            if not create_sectors:
                unknown.append(name)
                continue
            known[key] = Sector(name=name, active=True, sort_order=len(known), created_at=now)
            session.add(known[key])
            created.append(name)
    if unknown:
        listed = ", ".join(sorted(set(unknown)))
        raise InvalidInput(
            f"unknown sector(s): {listed}; add them first or import with --create-sectors"
        )
    return known, tuple(created)


def _teams_for(
    session: Session, rows: list[RosterRow], *, now: datetime
) -> tuple[dict[str, Team], tuple[str, ...], tuple[str, ...]]:
    teams = {fold_name(t.name): t for t in session.scalars(select(Team))}
    created: list[str] = []
    updated: list[str] = []
    for row in rows:
        key = fold_name(row.team)
        team = teams.get(key)
        if team is None:
            team = Team(
                name=row.team,
                organisation=row.organisation,
                phone=row.phone,
                active=True,
                created_at=now,
            )
            session.add(team)
            teams[key] = team
            created.append(row.team)
        elif (team.organisation, team.phone, team.active) != (row.organisation, row.phone, True):
            if team.name not in updated and team.name not in created:
                updated.append(team.name)
            team.organisation, team.phone, team.active = row.organisation, row.phone, True
    session.flush()
    return teams, tuple(created), tuple(updated)


def export_roster(database: Database) -> list[RosterRow]:
    """Every weekly shift pattern, in a stable order: team, tier, first day, start."""
    with database.read() as session:
        patterns = session.scalars(
            select(ShiftPattern).options(
                selectinload(ShiftPattern.team), selectinload(ShiftPattern.sectors)
            )
        ).all()
        rows = [
            RosterRow(
                team=pattern.team.name,
                organisation=pattern.team.organisation,
                phone=pattern.team.phone,
                tier=pattern.tier,
                sectors=None
                if pattern.all_sectors
                else tuple(sorted((s.name for s in pattern.sectors), key=fold_name)),
                weekdays=bits_to_weekdays(pattern.days),
                start=pattern.start_time,
                end=pattern.end_time,
                valid_from=pattern.valid_from,
                valid_until=pattern.valid_until,
            )
            for pattern in patterns
        ]
    return sorted(rows, key=_export_order)


def _export_order(row: RosterRow) -> tuple[str, int, tuple[int, ...], str, str, str, str]:
    return (
        fold_name(row.team),
        row.tier,
        tuple(sorted(row.weekdays)),
        row.start.isoformat(),
        row.end.isoformat(),
        row.valid_from.isoformat() if row.valid_from else "",
        row.valid_until.isoformat() if row.valid_until else "",
    )
