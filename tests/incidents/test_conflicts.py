"""Two desks on the same call: the second write is refused, and both are in the timeline."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.codes import Outcome
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.incidents.conflicts import ConflictField, IncidentConflict
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind, IncidentRefused, Refusal
from operline.incidents.stages import (
    Action,
    IncidentState,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.incidents.timeline import read_incident
from tests.test_rights import NOW, Desk, build_desk

LATER = NOW + timedelta(minutes=2)


def _route_first(desk: Desk) -> IncidentState:
    """The first desk routes the new call to Maraude Nord."""
    action = Action(desk.operator, NOW, NOW)
    return route_incident(desk.database, desk.new_call, desk.team_id, version=1, action=action)


@pytest.fixture
def desk(database: Database, tmp_path: Path) -> Desk:
    return build_desk(database, tmp_path)


def test_the_second_routing_of_a_call_is_refused_with_both_versions_side_by_side(
    desk: Desk,
) -> None:
    first = route_incident(
        desk.database,
        desk.new_call,
        desk.team_id,
        version=1,
        action=Action(desk.operator, NOW, NOW),
    )
    with pytest.raises(IncidentConflict) as refused:
        route_incident(
            desk.database,
            desk.new_call,
            desk.other_team_id,
            version=1,  # what the second desk's board still showed
            action=Action(desk.supervisor, LATER, LATER),
        )

    conflict = refused.value.conflict
    assert conflict.version == first.version
    assert conflict.changed_by == "Zoé Martin"
    assert conflict.fields == (
        ConflictField("status", "routed", "routed"),
        ConflictField("routed_at", NOW.isoformat(), LATER.isoformat()),
        ConflictField("assigned_team_id", "Maraude Nord", "Maraude Sud"),
    )
    assert [field.field for field in conflict.fields if field.differs] == [
        "routed_at",
        "assigned_team_id",
    ]
    assert "changed at another desk" in str(refused.value)


def test_nothing_of_the_refused_write_is_lost_and_it_is_audited(desk: Desk) -> None:
    route_incident(
        desk.database,
        desk.new_call,
        desk.team_id,
        version=1,
        action=Action(desk.operator, NOW, NOW),
    )
    with pytest.raises(IncidentConflict):
        route_incident(
            desk.database,
            desk.new_call,
            desk.other_team_id,
            version=1,
            action=Action(desk.supervisor, LATER, LATER),
        )

    detail = read_incident(desk.database, desk.new_call, actor=desk.supervisor, now=LATER)
    assert detail.team == "Maraude Nord"  # the first write stands
    refused = [line for line in detail.timeline if line.kind is EventKind.CONFLICT]
    assert {(line.operator, line.field, line.old_value, line.new_value) for line in refused} >= {
        ("Amine Benali", "assigned_team_id", "Maraude Nord", "Maraude Sud")
    }
    with desk.database.read() as session:
        audited = session.scalars(
            select(AuditLog.details).where(AuditLog.action == AuditAction.INCIDENT_CONFLICT)
        ).all()
    assert len(audited) == 1
    assert "conflict assigned_team_id:" in audited[0]
    assert verify_audit_chain(desk.database).intact


def test_applying_the_refused_step_again_follows_the_desk_s_rules(desk: Desk) -> None:
    close_incident(
        desk.database, desk.on_scene_call, Outcome.TAKEN_IN_CHARGE, facility_id=None,
        version=4, action=Action(desk.operator, NOW, NOW),
    )  # fmt: skip
    with pytest.raises(IncidentConflict) as refused:
        reassign_incident(
            desk.database, desk.on_scene_call, desk.other_team_id, version=4,
            action=Action(desk.supervisor, LATER, LATER, "Injoignable"),
        )  # fmt: skip
    with pytest.raises(IncidentRefused) as again:
        reassign_incident(
            desk.database, desk.on_scene_call, desk.other_team_id,
            version=refused.value.conflict.version,
            action=Action(desk.supervisor, LATER, LATER, "Injoignable"),
        )  # fmt: skip
    assert again.value.code is Refusal.WRONG_STAGE


def test_two_supervisors_correcting_the_same_call_keep_both_corrections_in_sight(
    desk: Desk,
) -> None:
    first = correct_incident(
        desk.database, desk.new_call, Correction(LogField.LOCATION, "Quai de Valmy", "lu"),
        version=1, actor=desk.supervisor, now=LATER,
    )  # fmt: skip
    with pytest.raises(IncidentConflict) as refused:
        correct_incident(
            desk.database, desk.new_call,
            Correction(LogField.LOCATION, "Rue d'Aubervilliers", "vu"),
            version=1, actor=desk.administrator, now=LATER,
        )  # fmt: skip

    conflict = refused.value.conflict
    assert conflict.version == first.version
    assert conflict.fields == (ConflictField("location", "Quai de Valmy", "Rue d'Aubervilliers"),)
