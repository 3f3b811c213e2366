"""Signing in at the desk: a login and a password, who may, and the audit line it leaves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Operator
from operline.logins import LoginProblem, SignInRefused, sign_in
from operline.operators import active_operators, set_operator_active
from tests.actors import COMMAND_LINE, PASSWORD, with_password

NOW = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)


def test_only_active_operators_sign_in_and_each_sign_in_is_audited(database: Database) -> None:
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    with_password(database, "Amine Benali", OperatorRole.SUPERVISOR)
    with_password(database, "Parti", OperatorRole.OPERATOR)
    set_operator_active(database, "Parti", False, actor=COMMAND_LINE, now=NOW)
    operators = active_operators(database)
    assert [(o.name, o.is_supervisor) for o in operators] == [
        ("Amine Benali", True),
        ("Zoé Martin", False),
    ]

    # The login is the name, typed as the desk types names: case and accents ignored.
    signed = sign_in(database, "zoe martin", PASSWORD, workstation="poste-1", now=NOW)

    assert (signed.name, signed.role) == ("Zoé Martin", OperatorRole.OPERATOR)
    with database.read() as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "operator.sign_in")).one()
    assert (audit.operator_id, audit.actor, audit.target, audit.at) == (
        signed.operator_id,
        f"Zoé Martin (#{signed.operator_id}) @ poste-1",
        "poste-1",
        NOW,
    )
    with pytest.raises(SignInRefused) as refused:
        sign_in(database, "Parti", PASSWORD, workstation="poste-1", now=NOW)
    # Someone who left is told as any wrong login is: nothing says the login exists.
    assert refused.value.problem is LoginProblem.WRONG
    assert str(refused.value) == "The login or the password is wrong. Check both and try again."


def test_a_person_without_a_password_is_told_who_sets_one(database: Database) -> None:
    with database.write() as session:
        session.add(Operator(name="Zoé Martin", role="operator", created_at=NOW))
    with pytest.raises(SignInRefused, match="Zoé Martin has no password yet: an administrator"):
        sign_in(database, "Zoé Martin", "", workstation="poste-1", now=NOW)
