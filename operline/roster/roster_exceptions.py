"""Exceptions to the weekly roster: a team off, replaced by another, or added, for a period.

Removing an exception ends its life in the roster (``retired_at``) rather than deleting it,
so the roster as it stood before the removal can still be read (``operline.roster.store``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import RosterException, Sector, Team
from operline.errors import InvalidInput
from operline.names import find_by_name
from operline.paris_time import isoformat_paris
from operline.roster.duty import UNKNOWN_SECTOR
from operline.sentences import QT_TRANSLATE_NOOP

ExceptionKind = Literal["off", "replace", "add"]


@dataclass(frozen=True)
class RosterExceptionRecord:
    """One exception as the desk reads it; ``sectors`` None means every sector."""

    id: int
    team: str
    kind: ExceptionKind
    replacement: str | None
    sectors: tuple[str, ...] | None
    starts_at: datetime
    ends_at: datetime
    reason: str
    author: str


def add_roster_exception(
    database: Database,
    *,
    team: str,
    kind: ExceptionKind,
    replacement: str | None,
    sectors: Sequence[str],
    starts_at: datetime,
    ends_at: datetime,
    reason: str,
    actor: Actor,
    now: datetime,
) -> RosterExceptionRecord:
    """Record an exception; names are matched ignoring case and accents."""
    require(actor, Right.EDIT_ROSTER)
    if starts_at >= ends_at:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "RosterMessages", "the exception ends ({ends}) before it starts ({starts})"
            ),
            ends=isoformat_paris(ends_at),
            starts=isoformat_paris(starts_at),
        )
    if ends_at <= now:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RosterMessages", "the exception ends in the past ({ends})"),
            ends=isoformat_paris(ends_at),
        )
    if not reason.strip():
        raise InvalidInput(QT_TRANSLATE_NOOP("RosterMessages", "give a reason for the exception"))
    with database.write() as session:
        the_team = _team(session, team)
        the_replacement = _team(session, replacement) if replacement else None
        if the_replacement is not None and the_replacement.id == the_team.id:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("RosterMessages", "{team} cannot replace itself"),
                team=the_team.name,
            )
        row = RosterException(
            team_id=the_team.id,
            kind=kind,
            replacement_team_id=the_replacement.id if the_replacement else None,
            starts_at=starts_at,
            ends_at=ends_at,
            all_sectors=not sectors,
            sectors=[_sector(session, name) for name in sectors],
            reason=reason.strip()[:300],
            author=actor.name[:80],
            created_at=now,
            recorded_at=now,
        )
        session.add(row)
        session.flush()
        record = _record(row, {the_team.id: the_team.name} | _names(the_replacement))
        write_audit(
            session, actor, AuditAction.EXCEPTION_ADD, now=now, target=f"exception {row.id}"
        )
    return record


def list_roster_exceptions(
    database: Database, *, now: datetime, include_past: bool = False
) -> list[RosterExceptionRecord]:
    """Exceptions in force that have not ended yet (or all of them), earliest first."""
    with database.read() as session:
        query = (
            select(RosterException)
            .where(RosterException.retired_at.is_(None))
            .options(selectinload(RosterException.sectors))
        )
        if not include_past:
            query = query.where(RosterException.ends_at > now)
        rows = session.scalars(query.order_by(RosterException.starts_at, RosterException.id))
        names = dict(session.execute(select(Team.id, Team.name)).all())
        return [_record(row, names) for row in rows]


def remove_roster_exception(
    database: Database, exception_id: int, *, actor: Actor, now: datetime
) -> RosterExceptionRecord:
    """Take an exception out of the roster from now on; the audit log says who did it."""
    require(actor, Right.EDIT_ROSTER)
    with database.write() as session:
        row = session.get(
            RosterException, exception_id, with_for_update=True, populate_existing=True
        )
        if row is None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("RosterMessages", "there is no roster exception {id}"),
                id=exception_id,
            )
        if row.retired_at is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "RosterMessages", "the roster exception {id} was already removed ({when})"
                ),
                id=exception_id,
                when=isoformat_paris(row.retired_at),
            )
        names = dict(session.execute(select(Team.id, Team.name)).all())
        record = _record(row, names)
        row.retired_at = max(now, row.recorded_at)  # a desk's clock may run behind
        write_audit(
            session,
            actor,
            AuditAction.EXCEPTION_REMOVE,
            now=now,
            target=f"exception {exception_id}",
            details=f"{record.kind} {record.team} {isoformat_paris(record.starts_at)}"
            f"/{isoformat_paris(record.ends_at)}: {record.reason}",
        )
    return record


def _team(session: Session, name: str) -> Team:
    teams = session.scalars(select(Team).where(Team.active)).all()
    found = find_by_name(name, ((t.name, t) for t in teams))
    if found is None:
        known = ", ".join(sorted(t.name for t in teams))
        raise InvalidInput(
            QT_TRANSLATE_NOOP("RosterMessages", "unknown team {name} (active teams: {known})"),
            name=repr(name),
            known=known,
        )
    return found


def _sector(session: Session, name: str) -> Sector:
    sectors = session.scalars(select(Sector).where(Sector.active)).all()
    found = find_by_name(name, ((s.name, s) for s in sectors))
    if found is None:
        known = ", ".join(s.name for s in sorted(sectors, key=lambda s: s.sort_order))
        raise InvalidInput(UNKNOWN_SECTOR, name=repr(name), known=known)
    return found


def _names(team: Team | None) -> dict[int, str]:
    return {team.id: team.name} if team is not None else {}


def _record(row: RosterException, team_names: dict[int, str]) -> RosterExceptionRecord:
    kind: ExceptionKind = row.kind  # type: ignore[assignment]  # checked by the table
    return RosterExceptionRecord(
        id=row.id,
        team=team_names[row.team_id],
        kind=kind,
        replacement=team_names[row.replacement_team_id] if row.replacement_team_id else None,
        sectors=None if row.all_sectors else tuple(s.name for s in row.sectors),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        reason=row.reason,
        author=row.author,
    )
