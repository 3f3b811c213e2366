"""The audit entry of each write to a call keeps the values it set, old and new."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident
from operline.incidents.stages import Action, reassign_incident
from tests.test_rights import NOW, build_desk


def _entries(database: Database, action: AuditAction) -> list[tuple[str | None, str | None]]:
    with database.read() as session:
        query = select(AuditLog.target, AuditLog.details).where(AuditLog.action == action)
        return [
            (target, details) for target, details in session.execute(query.order_by(AuditLog.id))
        ]


def test_a_logged_call_is_audited_with_the_values_it_was_logged_with(
    database: Database, tmp_path: Path
) -> None:
    desk = build_desk(database, tmp_path)
    with database.read() as session:
        references = list(session.scalars(select(Incident.reference).order_by(Incident.id)))
    logged = _entries(database, AuditAction.INCIDENT_LOG)
    assert [target for target, _ in logged] == references
    details = logged[0][1]
    assert details is not None
    assert details.startswith(f"received_at: {NOW.isoformat()}; sector_id: {desk.sector_id};")
    assert "category: distress" in details


def test_a_reassignment_is_audited_with_each_old_and_new_value_and_its_reason(
    database: Database, tmp_path: Path
) -> None:
    desk = build_desk(database, tmp_path)
    later = NOW + timedelta(minutes=1)
    state = reassign_incident(
        database,
        desk.on_scene_call,
        desk.other_team_id,
        version=4,
        action=Action(desk.operator, later, later, "Équipe injoignable"),
    )
    assert _entries(database, AuditAction.INCIDENT_REASSIGN) == [
        (
            state.reference,
            f"reassigned assigned_team_id: {desk.team_id} -> {desk.other_team_id}; "
            "stage status: on_scene -> routed; reason: Équipe injoignable",
        )
    ]
    assert verify_audit_chain(database).intact
