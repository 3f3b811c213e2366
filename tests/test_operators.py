"""Signing in at the desk: who may, and the audit line it leaves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import AuditLog, Operator
from operline.errors import InvalidInput
from operline.operators import active_operators, sign_in

NOW = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)


def test_only_active_operators_sign_in_and_each_sign_in_is_audited(database: Database) -> None:
    with database.write() as session:
        session.add_all(
            [
                Operator(name="Zoé Martin", role="operator", created_at=NOW),
                Operator(name="Amine Benali", role="supervisor", created_at=NOW),
                Operator(name="Parti", role="operator", active=False, created_at=NOW),
            ]
        )
    operators = active_operators(database)
    assert [(o.name, o.is_supervisor) for o in operators] == [
        ("Amine Benali", True),
        ("Zoé Martin", False),
    ]
    signed = sign_in(database, operators[1].operator_id, workstation="poste-1", now=NOW)
    assert signed.name == "Zoé Martin"
    with database.read() as session:
        audit = session.scalars(select(AuditLog)).one()
        gone = session.scalars(select(Operator.id).where(Operator.name == "Parti")).one()
    assert (audit.action, audit.operator_id, audit.actor, audit.target) == (
        "operator.sign_in",
        signed.operator_id,
        f"Zoé Martin (#{signed.operator_id}) @ poste-1",
        "poste-1",
    )
    with pytest.raises(InvalidInput, match="no longer works"):
        sign_in(database, gone, workstation="poste-1", now=NOW)
