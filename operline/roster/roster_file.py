"""Importing and exporting the weekly roster, as the CSV file supervisors keep.

An import replaces the weekly shift patterns in force with the file's, in one transaction:
a pattern the file still holds stays as it is; the others are ended (``retired_at``) and
the file's new ones recorded, both at the instant of the import, so the roster as it stood
before can still be read (``operline.roster.store``). Teams are matched by name (case and
accents ignored) and created or updated; exceptions stay.
An import that would remove every shift, or more than ``MAX_REMOVED_SHARE`` of them,
needs ``replace_all``: a wrong or truncated file must not empty the desk's roster.
Everything is checked before the write transaction opens, and the transaction only
writes, so the desks' calls never wait on an import longer than the busy timeout.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, insert, select, update
from sqlalchemy.orm import Session, selectinload

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Sector, ShiftPattern, Team, shift_pattern_sector
from operline.errors import InvalidInput
from operline.names import fold_name
from operline.roster.csv_format import RosterRow, shift_key
from operline.sentences import QT_TRANSLATE_NOOP

_DAY_BITS = tuple(1 << day for day in range(7))  # Monday = 1 … Sunday = 64
#: The share of the current shifts an import may remove without ``replace_all``.
MAX_REMOVED_SHARE = 0.5


#: How many ids one statement names at most, well under every backend's limit.
_IDS_PER_STATEMENT = 500


@dataclass(frozen=True)
class RosterImport:
    """What an import changed: the file's patterns, of which ``recorded`` new ones."""

    patterns: int
    teams_created: tuple[str, ...]
    teams_updated: tuple[str, ...]
    sectors_created: tuple[str, ...]
    recorded: int = 0
    #: The patterns in force before that the file no longer holds, ended by the import.
    ended: int = 0


@dataclass(frozen=True)
class _Plan:
    """Which patterns in force stay, which end, and which of the file's rows are new."""

    in_force: frozenset[int]
    ended: tuple[int, ...]
    new_rows: tuple[RosterRow, ...]

    @classmethod
    def of(cls, in_force: list[tuple[int, RosterRow]], rows: list[RosterRow]) -> _Plan:
        # A file holds each shift once; the roster might hold one twice: one copy stays.
        wanted = {shift_key(row): row for row in rows}
        ended = []
        for pattern_id, row in in_force:
            if wanted.pop(shift_key(row), None) is None:
                ended.append(pattern_id)
        return cls(frozenset(i for i, _ in in_force), tuple(ended), tuple(wanted.values()))


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
    with database.read() as session:
        plan = _plan(session, rows, replace_all=replace_all)
        _sectors_for(session, rows, create_sectors=create_sectors, now=now, check_only=True)
    with database.write() as session:
        in_force = session.scalars(
            select(ShiftPattern.id).where(ShiftPattern.retired_at.is_(None))
        ).all()
        if frozenset(in_force) != plan.in_force:  # another supervisor changed it since
            plan = _plan(session, rows, replace_all=replace_all)
        sectors, new_sectors = _sectors_for(session, rows, create_sectors=create_sectors, now=now)
        teams, created, updated = _teams_for(session, rows, now=now)
        # A row recorded by a desk whose clock runs ahead still ends after it began.
        ends = case((ShiftPattern.recorded_at > now, ShiftPattern.recorded_at), else_=now)
        for start in range(0, len(plan.ended), _IDS_PER_STATEMENT):
            session.execute(
                update(ShiftPattern)
                .where(ShiftPattern.id.in_(plan.ended[start : start + _IDS_PER_STATEMENT]))
                .values(retired_at=ends)
            )
        _insert_patterns(session, list(plan.new_rows), teams=teams, sectors=sectors, now=now)
        write_audit(
            session,
            actor,
            AuditAction.ROSTER_IMPORT,
            now=now,
            details=f"{len(rows)} shift patterns ({len(plan.new_rows)} recorded, "
            f"{len(plan.ended)} ended), {len(created)} new teams",
        )
    return RosterImport(
        len(rows), created, updated, new_sectors, len(plan.new_rows), len(plan.ended)
    )


def _plan(session: Session, rows: list[RosterRow], *, replace_all: bool) -> _Plan:
    in_force = _patterns_in_force(session)
    current = sorted((row for _, row in in_force), key=_export_order)
    _refuse_large_removal(current, rows, replace_all=replace_all)
    return _Plan.of(in_force, rows)


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
                "recorded_at": now,
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
            QT_TRANSLATE_NOOP(
                "RosterMessages",
                "the file holds no shift: importing it would remove all {count} shifts "
                "of the roster; give --replace-all if that is meant",
            ),
            count=len(current),
        )
    incoming = {shift_key(row) for row in rows}
    removed = sum(1 for row in current if shift_key(row) not in incoming)
    if removed > MAX_REMOVED_SHARE * len(current):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RosterMessages",
                "the file would remove or change {removed} of the roster's {count} shifts "
                "(more than {share}); give --replace-all if that is meant",
            ),
            removed=removed,
            count=len(current),
            share=f"{MAX_REMOVED_SHARE:.0%}",
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
            QT_TRANSLATE_NOOP(
                "RosterMessages",
                "unknown sector(s): {listed}; add them first or import with --create-sectors",
            ),
            listed=listed,
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
    """Every weekly shift pattern in force, in a stable order: team, tier, first day, start."""
    with database.read() as session:
        return export_roster_in(session)


def export_roster_in(session: Session) -> list[RosterRow]:
    """``export_roster`` within a session already open."""
    return sorted((row for _, row in _patterns_in_force(session)), key=_export_order)


def _patterns_in_force(session: Session) -> list[tuple[int, RosterRow]]:
    """Each pattern in force, by id, as a row of the file."""
    patterns = session.scalars(
        select(ShiftPattern)
        .where(ShiftPattern.retired_at.is_(None))
        .options(selectinload(ShiftPattern.team), selectinload(ShiftPattern.sectors))
    ).all()
    return [
        (
            pattern.id,
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
            ),
        )
        for pattern in sorted(patterns, key=lambda p: p.id)  # not in SQL: see store._read
    ]


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
