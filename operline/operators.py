"""The people at the desk: who is signed in is named in every timeline line.

A person's name is their login; ``operline.logins`` checks their password.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import (
    NAME_LIMIT,
    Actor,
    Right,
    require,
    system_actor,
    system_user,
    workstation_name,
)
from operline.audit import AuditAction, write_audit
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Operator
from operline.errors import InvalidInput
from operline.names import find_by_name
from operline.sentences import QT_TRANSLATE_NOOP
from operline.text_input import first_control


@dataclass(frozen=True)
class OperatorInfo:
    operator_id: int
    name: str
    role: OperatorRole

    @property
    def is_supervisor(self) -> bool:
        """Whether the role holds a supervisor's rights (an administrator's does)."""
        return self.role is not OperatorRole.OPERATOR

    def may(self, right: Right) -> bool:
        """Whether this person, signed in, may do what ``right`` covers."""
        return self.at("?").may(right)

    def at(self, workstation: str) -> Actor:
        """This operator acting at ``workstation``: what the services are given."""
        return Actor(self.operator_id, self.name, self.role, workstation)


def active_operators(database: Database) -> list[OperatorInfo]:
    """Everyone who may sign in, by name."""
    with database.read() as session:
        rows = session.scalars(select(Operator).where(Operator.active).order_by(Operator.name))
        return [OperatorInfo(o.id, o.name, OperatorRole(o.role)) for o in rows]


def find_operator(session: Session, name: str) -> Operator:
    """The operator called ``name`` (case and accents ignored), or a refusal naming it."""
    everyone = session.scalars(select(Operator)).all()
    operator = find_by_name(name, ((o.name, o) for o in everyone))
    if operator is None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("OperatorMessages", "Nobody called {name} works at the desk."),
            name=repr(name),
        )
    return operator


def info_of(operator: Operator) -> OperatorInfo:
    return OperatorInfo(operator.id, operator.name, OperatorRole(operator.role))


def cleaned_name(name: str) -> str:
    """The name as it is kept (single spaces), or a refusal saying what is wrong with it."""
    control = first_control(name)
    if control is not None:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "OperatorMessages",
                "Character {position} of the name is an invisible control character "
                "({character}): remove it.",
            ),
            position=control.position,
            character=control.code,
        )
    cleaned = " ".join(name.split())
    if not cleaned or len(cleaned) > NAME_LIMIT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "OperatorMessages", "An operator's name holds 1 to {limit} characters."
            ),
            limit=NAME_LIMIT,
        )
    return cleaned


def add_operator(
    database: Database, name: str, role: OperatorRole, *, actor: Actor, now: datetime
) -> OperatorInfo:
    """Someone new at the desk; names are unique ignoring case and accents."""
    require(actor, Right.MANAGE_OPERATORS)
    cleaned = cleaned_name(name)
    with database.write() as session:
        everyone = session.scalars(select(Operator)).all()
        same = find_by_name(cleaned, ((o.name, o) for o in everyone))
        if same is not None:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "OperatorMessages",
                    "{name} already works at the desk (or did: bring them back).",
                ),
                name=same.name,
            )
        operator = Operator(name=cleaned, role=role.value, active=True, created_at=now)
        session.add(operator)
        session.flush()
        write_audit(session, actor, AuditAction.OPERATOR_ADD, now=now, target=cleaned, details=role)
        return OperatorInfo(operator.id, operator.name, role)


def set_operator_active(
    database: Database, name: str, active: bool, *, actor: Actor, now: datetime
) -> OperatorInfo:
    """Retire someone who left the desk, or bring them back; history keeps their name."""
    require(actor, Right.MANAGE_OPERATORS)
    with database.write() as session:
        operator = find_operator(session, name)
        operator.active = active
        action = AuditAction.OPERATOR_RESTORE if active else AuditAction.OPERATOR_RETIRE
        write_audit(session, actor, action, now=now, target=operator.name)
        return OperatorInfo(operator.id, operator.name, OperatorRole(operator.role))


def set_role(
    database: Database, name: str, role: OperatorRole, *, actor: Actor, now: datetime
) -> OperatorInfo:
    """Give ``name`` another role; their password must meet its policy at the next change."""
    require(actor, Right.MANAGE_OPERATORS)
    with database.write() as session:
        operator = find_operator(session, name)
        before = operator.role
        operator.role = role.value
        write_audit(
            session,
            actor,
            AuditAction.ROLE_CHANGE,
            now=now,
            target=operator.name,
            details=f"{before} -> {role.value}",
        )
        return info_of(operator)


def acting(operator: OperatorInfo | None, workstation: str | None = None) -> Actor:
    """Who acts at this desk: the operator signed in, else the computer's system user.

    The system user may consult the history but neither log nor follow a call, so a call
    saved with nobody signed in is refused by the service itself.
    """
    where = workstation if workstation is not None else workstation_name()
    if operator is None:
        return system_actor(system_user(), where)
    return operator.at(where)


#: Who is signed in at this desk now, asked at each action.
OperatorSource = Callable[[], OperatorInfo | None]
