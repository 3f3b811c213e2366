"""Signing in with a login (the person's name) and password, and the first administrator.

The password is checked against its hash outside any write transaction (Argon2 takes a
while on purpose, and other desks must not wait for it), then the outcome is written: a
good password clears the count of wrong ones and is audited as a sign-in; a wrong one is
counted, audited, and may lock the account (``operline.lockout``). The refusal never says
whether the login or the password was wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.actors import NAME_LIMIT, Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Operator
from operline.errors import InvalidInput
from operline.lockout import LOCKED_SENTENCE, lock_end, record_failure, record_success
from operline.names import find_by_name, fold_name
from operline.operators import OperatorInfo, cleaned_name, find_operator, info_of
from operline.paris_time import format_paris
from operline.passwords import check_password, hash_password, needs_rehash, password_matches
from operline.sentences import QT_TRANSLATE_NOOP

T = TypeVar("T")


class LoginProblem(StrEnum):
    """Why a sign-in was refused."""

    WRONG = "wrong"
    LOCKED = "locked"
    NO_PASSWORD = "no_password"


_SENTENCES = {
    LoginProblem.WRONG: QT_TRANSLATE_NOOP(
        "LoginMessages", "The login or the password is wrong. Check both and try again."
    ),
    LoginProblem.LOCKED: LOCKED_SENTENCE,
    LoginProblem.NO_PASSWORD: QT_TRANSLATE_NOOP(
        "LoginMessages",
        "{name} has no password yet: an administrator sets one with "
        "'operline operator passwd NAME'.",
    ),
}


class SignInRefused(InvalidInput):
    """The sign-in was refused; ``until`` is the end of a lock (UTC)."""

    def __init__(
        self, problem: LoginProblem, *, until: datetime | None = None, name: str = ""
    ) -> None:
        self.problem = problem
        self.until = until
        values: dict[str, object] = {"name": name}
        if until is not None:
            values["until"] = format_paris(until, "%H:%M")
        super().__init__(_SENTENCES[problem], **values)


@dataclass(frozen=True)
class _Account:
    operator_id: int
    password_hash: str | None


@dataclass(frozen=True)
class AccountState:
    """A person of the desk as ``operator list`` shows them: may they sign in, and when."""

    info: OperatorInfo
    active: bool
    has_password: bool
    #: Until when too many wrong passwords keep them out; None when they may sign in.
    locked_until: datetime | None


def account_states(database: Database, *, now: datetime) -> list[AccountState]:
    """Everyone who ever worked at the desk, by name, with their password and lock."""
    with database.read() as session:
        rows = session.scalars(select(Operator).order_by(Operator.name))
        return [
            AccountState(info_of(o), o.active, o.password_hash is not None, lock_end(o, now))
            for o in rows
        ]


def _someone_unknown(workstation: str) -> Actor:
    # The login typed is not kept: a password typed in the wrong field would be logged.
    return Actor(None, "unknown login", OperatorRole.OPERATOR, workstation)


def sign_in(
    database: Database, login: str, password: str, *, workstation: str, now: datetime
) -> Actor:
    """The person whose login and password these are, signed in at ``workstation``.

    Raises ``SignInRefused``; every attempt is audited, and wrong ones count toward a lock.
    """
    actor, _ = sign_in_with(
        database, login, password, workstation=workstation, now=now, also=_nothing
    )
    return actor


def _nothing(session: Session, actor: Actor) -> None:
    return None


def sign_in_with(
    database: Database,
    login: str,
    password: str,
    *,
    workstation: str,
    now: datetime,
    also: Callable[[Session, Actor], T],
) -> tuple[Actor, T]:
    """``sign_in``, and ``also`` done in the same transaction as the sign-in's audit row.

    The shift handover is written this way: with the incoming person's sign-in, or not at
    all. ``also`` may raise to refuse; then nothing of the sign-in is written either.
    """
    with database.read() as session:
        everyone = session.scalars(select(Operator).where(Operator.active)).all()
        found = find_by_name(login, ((o.name, o) for o in everyone))
        account = _Account(found.id, found.password_hash) if found is not None else None
    # Checked even for an unknown login or a lock, so the answer takes as long either way.
    good = password_matches(account.password_hash if account else None, password)
    with database.write() as session:
        operator = session.get(Operator, account.operator_id) if account else None
        if operator is None or not operator.active:
            write_audit(
                session,
                _someone_unknown(workstation),
                AuditAction.LOGIN_FAILED,
                now=now,
                target=workstation,
                details="unknown login",
            )
            refusal = SignInRefused(LoginProblem.WRONG)
        else:
            actor = info_of(operator).at(workstation)
            until = lock_end(operator, now)
            if until is not None:
                write_audit(
                    session,
                    actor,
                    AuditAction.LOGIN_FAILED,
                    now=now,
                    target=workstation,
                    details="account locked",
                )
                refusal = SignInRefused(LoginProblem.LOCKED, until=until)
            elif operator.password_hash is None:
                write_audit(
                    session,
                    actor,
                    AuditAction.LOGIN_FAILED,
                    now=now,
                    target=workstation,
                    details="no password set",
                )
                refusal = SignInRefused(LoginProblem.NO_PASSWORD, name=operator.name)
            elif not good:
                until = record_failure(session, operator, actor=actor, now=now)
                if until is None:
                    refusal = SignInRefused(LoginProblem.WRONG)
                else:
                    refusal = SignInRefused(LoginProblem.LOCKED, until=until)
            else:
                record_success(operator)
                if needs_rehash(operator.password_hash):
                    operator.password_hash = hash_password(password)
                write_audit(
                    session, actor, AuditAction.OPERATOR_SIGN_IN, now=now, target=workstation
                )
                return actor, also(session, actor)
    # Outside the transaction: the count and the audit row are written, then refused.
    raise refusal


def sign_out(database: Database, actor: Actor, *, now: datetime, why: str = "sign out") -> None:
    """The person signed in leaves the desk (or it is locked for them): audited."""
    if not actor.is_person:
        return
    with database.write() as session:
        write_audit(
            session, actor, AuditAction.LOGOUT, now=now, target=actor.workstation, details=why
        )


def needs_first_administrator(database: Database) -> bool:
    """Whether nobody has a password yet: the first start of an empty (or older) database."""
    with database.read() as session:
        with_password = session.scalar(
            select(func.count()).select_from(Operator).where(Operator.password_hash.is_not(None))
        )
    return not with_password


def first_administrator(
    database: Database, login: str, password: str, *, workstation: str, now: datetime
) -> Actor:
    """Create the first administrator and sign them in; only while nobody has a password.

    An operator of that name already on the desk (a database from before logins) becomes
    the administrator; otherwise a new person is added.
    """
    name = cleaned_name(login)
    check_password(password, OperatorRole.ADMINISTRATOR)
    hashed = hash_password(password)
    with database.write() as session:
        if session.scalar(select(Operator.id).where(Operator.password_hash.is_not(None))):
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "LoginMessages",
                    "This desk already has its administrator: sign in with your login.",
                )
            )
        everyone = session.scalars(select(Operator)).all()
        operator = find_by_name(name, ((o.name, o) for o in everyone))
        if operator is None:
            operator = Operator(name=name[:NAME_LIMIT], created_at=now)
            session.add(operator)
        operator.role = OperatorRole.ADMINISTRATOR.value
        operator.active = True
        operator.password_hash = hashed
        record_success(operator)
        session.flush()
        actor = info_of(operator).at(workstation)
        write_audit(
            session,
            actor,
            AuditAction.OPERATOR_ADD,
            now=now,
            target=operator.name,
            details="first administrator",
        )
        write_audit(session, actor, AuditAction.PASSWORD_SET, now=now, target=operator.name)
        write_audit(session, actor, AuditAction.OPERATOR_SIGN_IN, now=now, target=workstation)
        return actor


def set_password(
    database: Database, name: str, password: str, *, actor: Actor, now: datetime
) -> OperatorInfo:
    """Give ``name`` a new password meeting their role's policy (audited, never kept)."""
    if actor.operator_id is None or fold_name(actor.name) != fold_name(name):
        require(actor, Right.MANAGE_OPERATORS)  # a person may change their own
    with database.read() as session:
        role = OperatorRole(find_operator(session, name).role)
    check_password(password, role)
    hashed = hash_password(password)
    with database.write() as session:
        operator = find_operator(session, name)
        operator.password_hash = hashed
        record_success(operator)
        write_audit(session, actor, AuditAction.PASSWORD_SET, now=now, target=operator.name)
        return info_of(operator)
