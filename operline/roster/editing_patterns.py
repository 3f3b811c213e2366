"""Weekly shift patterns as a supervisor keeps them: added, changed, deleted.

A pattern is ended, never deleted, so the roster as it stood at any instant can be read
again (``operline.roster.store``): deleting sets the row's ``retired_at``; changing retires
the row and records a new one, with a new id, at the same instant. The audit row says what
the pattern said, or what changed.
Checking warns about a team booked twice at once and about two teams called first in one
sector at the same time, since the desk would then not know whom to ring.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import Sector, ShiftPattern, Team
from operline.names import fold_name
from operline.roster.csv_format import format_weekdays
from operline.roster.editing_common import (
    Check,
    FieldProblem,
    Problem,
    RosterEditRefused,
    describe_changes,
    describe_values,
    field_problem,
    refuse_on_errors,
)
from operline.roster.editing_overlaps import shared_sectors, shifts_meet
from operline.roster.roster_file import bits_to_weekdays, weekdays_to_bits

#: Where the warnings about other shifts go: the form as a whole, not one field.
SCHEDULE = "schedule"
_ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
#: Sector names spelled out in a warning before the rest is counted.
_SECTORS_NAMED = 3


@dataclass(frozen=True)
class PatternDraft:
    """A weekly shift as the form holds it; ``sector_ids`` None means every sector."""

    team_id: int | None
    tier: int
    weekdays: frozenset[int]
    start: time
    end: time
    sector_ids: frozenset[int] | None
    valid_from: date | None = None
    valid_until: date | None = None


@dataclass(frozen=True)
class PatternRecord:
    """A weekly shift of a team; ``sectors`` holds the names, in the desk's order."""

    id: int
    team_id: int
    team: str
    team_active: bool
    tier: int
    weekdays: frozenset[int]
    start: time
    end: time
    sector_ids: frozenset[int] | None
    sectors: tuple[str, ...] | None
    valid_from: date | None
    valid_until: date | None

    def draft(self) -> PatternDraft:
        return PatternDraft(
            self.team_id,
            self.tier,
            self.weekdays,
            self.start,
            self.end,
            self.sector_ids,
            self.valid_from,
            self.valid_until,
        )


def list_shift_patterns(database: Database) -> list[PatternRecord]:
    """Every weekly shift, by team, tier, first day and start."""
    with database.read() as session:
        return _Known.read(session).patterns


def check_shift_pattern(
    database: Database, draft: PatternDraft, *, pattern_id: int | None = None
) -> Check:
    """What is wrong with a weekly shift as chosen, and which other shifts it meets."""
    with database.read() as session:
        return _check(_Known.read(session), draft, pattern_id)


def add_shift_pattern(
    database: Database, draft: PatternDraft, *, actor: Actor, now: datetime
) -> PatternRecord:
    """Add a weekly shift to a team."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        known = _Known.read(session)
        refuse_on_errors(_check(known, draft, None))
        row = ShiftPattern(created_at=now, recorded_at=now)
        _fill(session, row, draft)
        session.add(row)
        session.flush()
        record = _record(row, known)
        write_audit(
            session,
            actor,
            AuditAction.PATTERN_ADD,
            now=now,
            target=f"pattern {row.id}",
            details=describe_values(_values(record)),
        )
        return record


def update_shift_pattern(
    database: Database, pattern_id: int, draft: PatternDraft, *, actor: Actor, now: datetime
) -> PatternRecord:
    """Change a weekly shift: its team, tier, days, hours, sectors or validity.

    The shift as it was leaves the roster now and the changed one enters it, under a new id
    (the record returned); a draft that changes nothing leaves the row as it is.
    """
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, pattern_id)
        known = _Known.read(session)
        refuse_on_errors(_check(known, draft, pattern_id))
        record = _record(row, known)
        before = _values(record)
        if not describe_changes(before, _values(_drafted(known, draft, pattern_id))):
            return record
        # A row recorded by a desk whose clock runs ahead still ends after it began.
        row.retired_at = max(now, row.recorded_at)
        changed = ShiftPattern(created_at=row.created_at, recorded_at=row.retired_at)
        _fill(session, changed, draft)
        session.add(changed)
        session.flush()
        record = _record(changed, known)
        changes = describe_changes(before, _values(record))
        write_audit(
            session,
            actor,
            AuditAction.PATTERN_UPDATE,
            now=now,
            target=f"pattern {pattern_id}",
            details=f"{changes}; now pattern {changed.id}",
        )
        return record


def delete_shift_pattern(
    database: Database, pattern_id: int, *, actor: Actor, now: datetime
) -> PatternRecord:
    """Take a weekly shift out of the roster from now on; the audit row says what it was."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, pattern_id)
        known = _Known.read(session)
        record = _record(row, known)
        row.retired_at = max(now, row.recorded_at)
        write_audit(
            session,
            actor,
            AuditAction.PATTERN_DELETE,
            now=now,
            target=f"pattern {pattern_id}",
            details=describe_values(_values(record)),
        )
        return record


@dataclass(frozen=True)
class _Known:
    """Teams, sectors and the patterns in force, read once per check or change."""

    teams: dict[int, Team]
    sectors: dict[int, Sector]
    patterns: list[PatternRecord]

    @classmethod
    def read(cls, session: Session) -> _Known:
        teams = {team.id: team for team in session.scalars(select(Team))}
        sectors = {sector.id: sector for sector in session.scalars(select(Sector))}
        known = cls(teams, sectors, [])
        rows = session.scalars(
            select(ShiftPattern)
            .where(ShiftPattern.retired_at.is_(None))
            .options(selectinload(ShiftPattern.sectors))
        )
        known.patterns.extend(sorted((_record(row, known) for row in rows), key=_order))
        return known

    def sector_names(self, sector_ids: frozenset[int]) -> tuple[str, ...]:
        ordered = sorted(
            (self.sectors[i] for i in sector_ids if i in self.sectors),
            key=lambda s: (s.sort_order, fold_name(s.name)),
        )
        return tuple(sector.name for sector in ordered)


def _check(known: _Known, draft: PatternDraft, pattern_id: int | None) -> Check:
    errors: list[FieldProblem] = []
    warnings: list[FieldProblem] = []
    team = known.teams.get(draft.team_id) if draft.team_id is not None else None
    if draft.team_id is None:
        errors.append(field_problem("team", Problem.REQUIRED))
    elif team is None:
        errors.append(field_problem("team", Problem.TEAM_UNKNOWN))
    elif not team.active:
        errors.append(field_problem("team", Problem.TEAM_RETIRED, name=team.name))
    elif not team.phone:
        warnings.append(field_problem("team", Problem.TEAM_NO_PHONE, name=team.name))
    if draft.tier not in (1, 2):
        errors.append(field_problem("tier", Problem.TIER_INVALID))
    if not draft.weekdays or not draft.weekdays <= frozenset(range(7)):
        errors.append(field_problem("weekdays", Problem.DAYS_MISSING))
    if draft.sector_ids is not None:
        if not draft.sector_ids:
            errors.append(field_problem("sectors", Problem.SECTORS_MISSING))
        elif not draft.sector_ids <= known.sectors.keys():
            errors.append(field_problem("sectors", Problem.SECTOR_UNKNOWN))
        for sector_id in sorted(draft.sector_ids & known.sectors.keys()):
            if not known.sectors[sector_id].active:
                # A warning: an old pattern may still name a sector retired since.
                name = known.sectors[sector_id].name
                warnings.append(field_problem("sectors", Problem.SECTOR_RETIRED, name=name))
    if draft.valid_from and draft.valid_until and draft.valid_until < draft.valid_from:
        errors.append(
            field_problem(
                "valid_until", Problem.UNTIL_BEFORE_FROM, start=draft.valid_from.isoformat()
            )
        )
    if not errors and team is not None:
        warnings.extend(_meetings(known, draft, team, pattern_id))
    return Check(tuple(errors), tuple(warnings))


def _meetings(
    known: _Known, draft: PatternDraft, team: Team, pattern_id: int | None
) -> list[FieldProblem]:
    found = []
    for other in known.patterns:
        if other.id == pattern_id or not other.team_active:
            continue
        same_team = other.team_id == team.id
        if not same_team and not (draft.tier == 1 and other.tier == 1):
            continue
        common = shared_sectors(draft, other)
        if (common is not None and not common) or not shifts_meet(draft, other):
            continue
        code = Problem.SAME_TEAM_OVERLAP if same_team else Problem.FIRST_CALL_OVERLAP
        found.append(
            field_problem(
                SCHEDULE,
                code,
                team=other.team,
                days=_english_days(other.weekdays),
                start=f"{other.start:%H:%M}",
                end=f"{other.end:%H:%M}",
                sectors=_some_names(known, common),
                day_bits=weekdays_to_bits(other.weekdays),
                pattern_id=other.id,
            )
        )
    return found


def _some_names(known: _Known, sector_ids: frozenset[int] | None) -> str:
    if sector_ids is None:
        sector_ids = frozenset(i for i, s in known.sectors.items() if s.active)
    names = known.sector_names(sector_ids)
    shown = ", ".join(names[:_SECTORS_NAMED])
    rest = len(names) - _SECTORS_NAMED
    return f"{shown} +{rest}" if rest > 0 else shown


def _english_days(weekdays: frozenset[int]) -> str:
    return " ".join(_ENGLISH_DAYS[day] for day in sorted(weekdays))


def _fill(session: Session, row: ShiftPattern, draft: PatternDraft) -> None:
    assert draft.team_id is not None  # checked before
    row.team_id = draft.team_id
    row.tier = draft.tier
    row.days = weekdays_to_bits(draft.weekdays)
    row.start_time = draft.start.replace(second=0, microsecond=0)
    row.end_time = draft.end.replace(second=0, microsecond=0)
    row.all_sectors = draft.sector_ids is None
    chosen = draft.sector_ids or frozenset()
    row.sectors = (
        list(session.scalars(select(Sector).where(Sector.id.in_(chosen)))) if chosen else []
    )
    row.valid_from = draft.valid_from
    row.valid_until = draft.valid_until


def _existing(session: Session, pattern_id: int) -> ShiftPattern:
    """The pattern in force, locked: one changed or deleted meanwhile is gone."""
    row = session.get(ShiftPattern, pattern_id, with_for_update=True, populate_existing=True)
    if row is None or row.retired_at is not None:
        raise RosterEditRefused([field_problem("", Problem.GONE)])
    return row


def _record(row: ShiftPattern, known: _Known) -> PatternRecord:
    team = known.teams[row.team_id]
    sector_ids = None if row.all_sectors else frozenset(s.id for s in row.sectors)
    return PatternRecord(
        id=row.id,
        team_id=row.team_id,
        team=team.name,
        team_active=team.active,
        tier=row.tier,
        weekdays=bits_to_weekdays(row.days),
        start=row.start_time,
        end=row.end_time,
        sector_ids=sector_ids,
        sectors=None if sector_ids is None else known.sector_names(sector_ids),
        valid_from=row.valid_from,
        valid_until=row.valid_until,
    )


def _drafted(known: _Known, draft: PatternDraft, pattern_id: int) -> PatternRecord:
    """The record a checked draft would make, to tell whether it changes anything."""
    assert draft.team_id is not None  # checked before
    team = known.teams[draft.team_id]
    return PatternRecord(
        id=pattern_id,
        team_id=team.id,
        team=team.name,
        team_active=team.active,
        tier=draft.tier,
        weekdays=draft.weekdays,
        start=draft.start,
        end=draft.end,
        sector_ids=draft.sector_ids,
        sectors=None if draft.sector_ids is None else known.sector_names(draft.sector_ids),
        valid_from=draft.valid_from,
        valid_until=draft.valid_until,
    )


def _order(record: PatternRecord) -> tuple[str, int, tuple[int, ...], time, int]:
    return (
        fold_name(record.team),
        record.tier,
        tuple(sorted(record.weekdays)),
        record.start,
        record.id,
    )


def _values(record: PatternRecord) -> dict[str, object]:
    return {
        "team": record.team,
        "tier": record.tier,
        "days": format_weekdays(record.weekdays),
        "start": f"{record.start:%H:%M}",
        "end": f"{record.end:%H:%M}",
        "sectors": "*" if record.sectors is None else "|".join(record.sectors),
        "valid_from": record.valid_from.isoformat() if record.valid_from else None,
        "valid_until": record.valid_until.isoformat() if record.valid_until else None,
    }
