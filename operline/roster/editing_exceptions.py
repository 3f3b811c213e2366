"""Exceptions as the roster editor makes them: checked field by field, then recorded.

Recording, listing and removing stay with ``operline.roster.roster_exceptions``, the one
place that writes exceptions (the command line uses it too); this module only tells the
form, as the supervisor types, what that service would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.db.engine import Database
from operline.db.models import RosterException, Sector, Team
from operline.paris_time import as_utc
from operline.roster.editing_common import (
    Check,
    FieldProblem,
    Problem,
    field_problem,
    refuse_on_errors,
    text_limit,
    text_problems,
)
from operline.roster.roster_exceptions import (
    ExceptionKind,
    RosterExceptionRecord,
    add_roster_exception,
    list_roster_exceptions,
    remove_roster_exception,
)

_REASON_LENGTH = text_limit(RosterException, "reason")
_KINDS: tuple[ExceptionKind, ...] = ("off", "replace", "add")


@dataclass(frozen=True)
class ExceptionDraft:
    """An exception as the form holds it; instants are aware, ``sector_ids`` None is all."""

    team_id: int | None
    kind: ExceptionKind
    replacement_team_id: int | None
    sector_ids: frozenset[int] | None
    starts_at: datetime
    ends_at: datetime
    reason: str


def list_exceptions(
    database: Database, *, now: datetime, include_past: bool = False
) -> list[RosterExceptionRecord]:
    """Exceptions not over yet (or every one), earliest first."""
    return list_roster_exceptions(database, now=now, include_past=include_past)


def check_exception(database: Database, draft: ExceptionDraft, *, now: datetime) -> Check:
    """What the exceptions service would refuse in this draft, field by field."""
    with database.read() as session:
        return _check(session, draft, now)


def add_exception(
    database: Database, draft: ExceptionDraft, *, actor: Actor, now: datetime
) -> RosterExceptionRecord:
    """Record an exception through the exceptions service, once the draft checks out."""
    require(actor, Right.EDIT_ROSTER)
    with database.read() as session:
        refuse_on_errors(_check(session, draft, now))
        names = dict(session.execute(select(Team.id, Team.name)).all())
        sector_names = dict(session.execute(select(Sector.id, Sector.name)).all())
    assert draft.team_id is not None  # checked above
    replacement = draft.replacement_team_id if draft.kind == "replace" else None
    return add_roster_exception(
        database,
        team=names[draft.team_id],
        kind=draft.kind,
        replacement=names[replacement] if replacement is not None else None,
        sectors=[sector_names[i] for i in sorted(draft.sector_ids or ())],
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        reason=draft.reason,
        actor=actor,
        now=now,
    )


def remove_exception(
    database: Database, exception_id: int, *, actor: Actor, now: datetime
) -> RosterExceptionRecord:
    """Remove an exception; the audit log keeps what it said."""
    return remove_roster_exception(database, exception_id, actor=actor, now=now)


def _check(session: Session, draft: ExceptionDraft, now: datetime) -> Check:
    teams = {team.id: team for team in session.scalars(select(Team))}
    errors: list[FieldProblem] = []
    warnings: list[FieldProblem] = []
    errors.extend(_team_problems("team", draft.team_id, teams, warnings))
    if draft.kind not in _KINDS:
        errors.append(field_problem("kind", Problem.KIND_INVALID))
    elif draft.kind == "replace":
        if draft.replacement_team_id is None:
            errors.append(field_problem("replacement", Problem.REPLACEMENT_MISSING))
        elif draft.replacement_team_id == draft.team_id:
            errors.append(field_problem("replacement", Problem.REPLACEMENT_SELF))
        else:
            errors.extend(_team_problems("replacement", draft.replacement_team_id, teams, warnings))
    if draft.sector_ids is not None:
        errors.extend(_sector_problems(session, draft.sector_ids))
    starts_at, ends_at = as_utc(draft.starts_at), as_utc(draft.ends_at)
    if ends_at <= starts_at:
        errors.append(field_problem("ends_at", Problem.ENDS_BEFORE_START))
    elif ends_at <= as_utc(now):
        errors.append(field_problem("ends_at", Problem.ENDS_IN_PAST))
    errors.extend(text_problems("reason", draft.reason, limit=_REASON_LENGTH, required=True))
    return Check(tuple(errors), tuple(warnings))


def _team_problems(
    field: str, team_id: int | None, teams: dict[int, Team], warnings: list[FieldProblem]
) -> list[FieldProblem]:
    team = teams.get(team_id) if team_id is not None else None
    if team_id is None:
        return [field_problem(field, Problem.REQUIRED)]
    if team is None:
        return [field_problem(field, Problem.TEAM_UNKNOWN)]
    if not team.active:
        return [field_problem(field, Problem.TEAM_RETIRED, name=team.name)]
    if field == "replacement" and not team.phone:
        warnings.append(field_problem(field, Problem.TEAM_NO_PHONE, name=team.name))
    return []


def _sector_problems(session: Session, sector_ids: frozenset[int]) -> list[FieldProblem]:
    if not sector_ids:
        return [field_problem("sectors", Problem.SECTORS_MISSING)]
    sectors = {
        sector.id: sector
        for sector in session.scalars(select(Sector).where(Sector.id.in_(sector_ids)))
    }
    if len(sectors) < len(sector_ids):
        return [field_problem("sectors", Problem.SECTOR_UNKNOWN)]
    # The exceptions service only finds active sectors, so a retired one is an error here.
    return [
        field_problem("sectors", Problem.SECTOR_RETIRED, name=sector.name)
        for sector in sorted(sectors.values(), key=lambda s: s.sort_order)
        if not sector.active
    ]
