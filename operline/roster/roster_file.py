"""Importing and exporting the weekly roster, as the CSV file supervisors keep.

An import replaces every weekly shift pattern with the file's, in one transaction; teams
are matched by name (case and accents ignored) and created or updated; exceptions stay.
An import that would remove every shift, or more than ``MAX_REMOVED_SHARE`` of them,
needs ``replace_all``: a wrong or truncated file must not empty the desk's roster.
Everything is checked before the write transaction opens, and the transaction only
writes, so the desks' calls never wait on an import longer than the busy timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, selectinload

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Sector, ShiftPattern, Team, shift_pattern_sector
from operline.errors import InvalidInput
from operline.names import fold_name
from operline.roster.csv_format import RosterRow, shift_key

_DAY_BITS = tuple(1 << day for day in range(7))  # Monday = 1 … Sunday = 64
#: The share of the current shifts an import may remove without ``replace_all``.
MAX_REMOVED_SHARE = 0.5


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
    actor: Actor,
    now: datetime,
    replace_all: bool = False,
) -> RosterImport:
    """Replace the weekly roster by ``rows``; nothing changes if a sector is unknown."""
    require(actor, Right.EDIT_ROSTER)
    current = export_roster(database)
    _refuse_large_removal(current, rows, replace_all=replace_all)
    with database.read() as session:
        _sectors_for(session, rows, create_sectors=create_sectors, now=now, check_only=True)
    with database.write() as session:
        stored = session.scalar(select(func.count()).select_from(ShiftPattern))
        if stored != len(current):  # another supervisor changed it since: check again
            _refuse_large_removal(export_roster_in(session), rows, replace_all=replace_all)
        sectors, new_sectors = _sectors_for(session, rows, create_sectors=create_sectors, now=now)
        teams, created, updated = _teams_for(session, rows, now=now)
        session.execute(delete(ShiftPattern))
        _insert_patterns(session, rows, teams=teams, sectors=sectors, now=now)
        write_audit(
            session,
            actor,
            AuditAction.ROSTER_IMPORT,
            now=now,
            details=f"{len(rows)} shift patterns, {len(created)} new teams",
        )
    return RosterImport(len(rows), created, updated, new_sectors)


def _insert_patterns(
    session: Session,
    rows: list[RosterRow],
    *,
    teams: dict[str, Team],
    sectors: dict[str, Sector],
    now: datetime,
) -> None:
    # Core inserts in bulk: the ORM's unit of work would hold the write lock for seconds.
    if not rows:  # an empty parameter list would insert one row of defaults
        return
    pattern_ids = session.scalars(
        insert(ShiftPattern).returning(ShiftPattern.id, sort_by_parameter_order=True),
        [
            {
                "team_id": teams[fold_name(row.team)].id,
                "tier": row.tier,
                "days": weekdays_to_bits(row.weekdays),
                "start_time": row.start,
                "end_time": row.end,
                "all_sectors": row.sectors is None,
                "valid_from": row.valid_from,
                "valid_until": row.valid_until,
                "created_at": now,
            }
            for row in rows
        ],
    ).all()
    links = [
        {"pattern_id": pattern_id, "sector_id": sectors[key].id}
        for pattern_id, row in zip(pattern_ids, rows, strict=True)
        for key in dict.fromkeys(fold_name(name) for name in row.sectors or ())
    ]
    if links:
        session.execute(insert(shift_pattern_sector), links)


def _refuse_large_removal(
    current: list[RosterRow], rows: list[RosterRow], *, replace_all: bool
) -> None:
    if replace_all or not current:
        return
    if not rows:
        raise InvalidInput(
            f"the file holds no shift: importing it would remove all {len(current)} shifts "
            "of the roster; give --replace-all if that is meant"
        )
    incoming = {shift_key(row) for row in rows}
    removed = sum(1 for row in current if shift_key(row) not in incoming)
    if removed > MAX_REMOVED_SHARE * len(current):
        raise InvalidInput(
            f"the file would remove or change {removed} of the roster's {len(current)} shifts "
            f"(more than {MAX_REMOVED_SHARE:.0%}); give --replace-all if that is meant"
        )


def _sectors_for(
    session: Session,
    rows: list[RosterRow],
    *,
    create_sectors: bool,
    now: datetime,
    check_only: bool = False,
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
            if not check_only:
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
        return export_roster_in(session)


def export_roster_in(session: Session) -> list[RosterRow]:
    """``export_roster`` within a session already open."""
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
