"""Teams as a supervisor keeps them: added, corrected, retired, never deleted.

A retired team is never on duty again, yet the calls it handled keep naming it.
Names are unique ignoring case and accents; a duty phone is stored in E.164 form.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import ShiftPattern, Team
from operline.names import fold_name
from operline.phones import format_phone
from operline.roster.editing_common import (
    Check,
    FieldProblem,
    Problem,
    RosterEditRefused,
    describe_changes,
    describe_values,
    field_problem,
    name_problems,
    read_phone,
    refuse_on_errors,
    set_active,
    text_limit,
    text_problems,
)

_NAME_LENGTH = text_limit(Team, "name")
_ORGANISATION_LENGTH = text_limit(Team, "organisation")


@dataclass(frozen=True)
class TeamDraft:
    """A team as the form holds it; the phone as typed."""

    name: str
    organisation: str
    phone: str


@dataclass(frozen=True)
class TeamRecord:
    """A team, its duty phone (E.164) if any, and how many weekly shifts it has."""

    id: int
    name: str
    organisation: str
    phone: str | None
    active: bool
    shift_patterns: int

    def draft(self) -> TeamDraft:
        return TeamDraft(
            self.name, self.organisation, format_phone(self.phone) if self.phone else ""
        )


def list_teams(database: Database) -> list[TeamRecord]:
    """Every team, retired ones included, by name."""
    with database.read() as session:
        used = _patterns_per_team(session)
        return sorted(
            (_record(row, used) for row in session.scalars(select(Team))),
            key=lambda team: (fold_name(team.name), team.id),
        )


def check_team(database: Database, draft: TeamDraft, *, team_id: int | None = None) -> Check:
    """What is wrong with a team as typed, and what is worth a warning."""
    with database.read() as session:
        return _check(session, draft, team_id)[0]


def add_team(database: Database, draft: TeamDraft, *, actor: Actor, now: datetime) -> TeamRecord:
    """Create a team; it is on duty once it has weekly shifts."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        check, phone = _check(session, draft, None)
        refuse_on_errors(check)
        row = Team(
            name=draft.name.strip(),
            organisation=draft.organisation.strip(),
            phone=phone,
            active=True,
            created_at=now,
        )
        session.add(row)
        session.flush()
        write_audit(
            session,
            actor,
            AuditAction.TEAM_ADD,
            now=now,
            target=f"team {row.id}",
            details=describe_values(_values(row)),
        )
        return _record(row, {})


def update_team(
    database: Database, team_id: int, draft: TeamDraft, *, actor: Actor, now: datetime
) -> TeamRecord:
    """Correct a team's name, organisation or duty phone."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, team_id)
        check, phone = _check(session, draft, team_id)
        refuse_on_errors(check)
        before = _values(row)
        row.name, row.organisation = draft.name.strip(), draft.organisation.strip()
        row.phone = phone
        changes = describe_changes(before, _values(row))
        if changes:
            write_audit(
                session,
                actor,
                AuditAction.TEAM_UPDATE,
                now=now,
                target=f"team {team_id}",
                details=changes,
            )
        return _record(row, _patterns_per_team(session))


def retire_team(database: Database, team_id: int, *, actor: Actor, now: datetime) -> TeamRecord:
    """Take a team off the roster for good; its weekly shifts stop counting."""
    return _set_active(database, team_id, False, actor=actor, now=now)


def restore_team(database: Database, team_id: int, *, actor: Actor, now: datetime) -> TeamRecord:
    """Bring a retired team back, with the weekly shifts it still has."""
    return _set_active(database, team_id, True, actor=actor, now=now)


def _set_active(
    database: Database, team_id: int, active: bool, *, actor: Actor, now: datetime
) -> TeamRecord:
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = _existing(session, team_id)
        set_active(session, row, active, kind="team", actor=actor, now=now)
        return _record(row, _patterns_per_team(session))


def _check(session: Session, draft: TeamDraft, team_id: int | None) -> tuple[Check, str | None]:
    existing = session.execute(select(Team.id, Team.name, Team.active)).all()
    edited = session.get(Team, team_id) if team_id is not None else None
    stored = edited.phone if edited is not None else None
    phone, phone_errors = read_phone("phone", draft.phone, stored=stored)
    errors: list[FieldProblem] = [
        *name_problems("name", draft.name, existing, own_id=team_id, limit=_NAME_LENGTH),
        *text_problems(
            "organisation", draft.organisation, limit=_ORGANISATION_LENGTH, required=True
        ),
        *phone_errors,
    ]
    warnings = [] if draft.phone.strip() else [field_problem("phone", Problem.NO_PHONE)]
    return Check(tuple(errors), tuple(warnings)), phone


def _existing(session: Session, team_id: int) -> Team:
    row = session.get(Team, team_id)
    if row is None:
        raise RosterEditRefused([field_problem("", Problem.GONE)])
    return row


def _patterns_per_team(session: Session) -> dict[int, int]:
    query = (
        select(ShiftPattern.team_id, func.count())
        .where(ShiftPattern.retired_at.is_(None))
        .group_by(ShiftPattern.team_id)
    )
    return dict(session.execute(query).all())


def _values(row: Team) -> dict[str, object]:
    return {"name": row.name, "organisation": row.organisation, "phone": row.phone}


def _record(row: Team, used: dict[int, int]) -> TeamRecord:
    return TeamRecord(
        row.id, row.name, row.organisation, row.phone, row.active, used.get(row.id, 0)
    )
