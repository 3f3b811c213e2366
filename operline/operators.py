"""The people at the desk: who is signed in is named in every timeline line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Operator
from operline.errors import InvalidInput


@dataclass(frozen=True)
class OperatorInfo:
    operator_id: int
    name: str
    role: OperatorRole

    @property
    def is_supervisor(self) -> bool:
        return self.role is OperatorRole.SUPERVISOR


def active_operators(database: Database) -> list[OperatorInfo]:
    """Everyone who may sign in, by name."""
    with database.read() as session:
        rows = session.scalars(select(Operator).where(Operator.active).order_by(Operator.name))
        return [OperatorInfo(o.id, o.name, OperatorRole(o.role)) for o in rows]


def sign_in(
    database: Database, operator_id: int, *, workstation: str, now: datetime
) -> OperatorInfo:
    """Start a shift at this desk; the audit log keeps who and where."""
    with database.write() as session:
        operator = session.get(Operator, operator_id)
        if operator is None or not operator.active:
            raise InvalidInput("This operator does not exist or no longer works at the desk.")
        session.add(
            AuditLog(
                at=now,
                operator_id=operator.id,
                actor=operator.name,
                action="operator.sign_in",
                target=workstation[:120],
            )
        )
        return OperatorInfo(operator.id, operator.name, OperatorRole(operator.role))
