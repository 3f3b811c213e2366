"""Notes, reasons and corrected values with a control character are refused; nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from operline import reference_data as ref
from operline.actors import Actor
from operline.codes import OperatorRole, Status
from operline.db.engine import Database
from operline.db.models import AuditLog, IncidentEvent
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import IncidentRefused, Refusal
from operline.incidents.stages import add_note, route_incident
from tests.actors import signed_in
from tests.incidents import test_stage_refusals
from tests.incidents.conftest import NOW, Desk
from tests.incidents.test_corrections import MORNING
from tests.incidents.test_stages import act, logged


def _count(database: Database, table: type[IncidentEvent] | type[AuditLog]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def test_a_note_with_a_nul_is_refused_and_tab_and_line_breaks_are_kept(desk: Desk) -> None:
    call = logged(desk)
    with pytest.raises(IncidentRefused) as refused:
        add_note(desk.database, call.incident_id, "Rappel\x00", actor=desk.actor, now=NOW)

    assert str(refused.value) == (
        "Character 7 of the note is an invisible control character (U+0000): remove it."
    )
    assert _count(desk.database, IncidentEvent) == 1  # the call's first line only
    add_note(desk.database, call.incident_id, "Rappel\n\tsortie 2", actor=desk.actor, now=NOW)
    assert _count(desk.database, IncidentEvent) == 2


def test_a_reason_with_a_bell_is_refused(desk: Desk) -> None:
    call = logged(desk)
    on_duty = {t.team_id for t in desk.on_duty(ref.STALINGRAD)}
    off_duty = next(team_id for team_id in desk.teams.values() if team_id not in on_duty)

    with pytest.raises(IncidentRefused) as refused:
        route_incident(
            desk.database,
            call.incident_id,
            off_duty,
            version=1,
            action=act(desk, 1, reason="injoignable\x07"),
        )

    assert refused.value.code is Refusal.REASON_CONTROL_CHARACTER
    assert refused.value.values["position"] == "12"
    assert _count(desk.database, IncidentEvent) == 1


@pytest.fixture
def small(database: Database) -> test_stage_refusals.Desk:
    return test_stage_refusals.small_desk(database)


@pytest.mark.parametrize(
    ("value", "reason", "refusal"),
    [
        ("Quai\x1b 2", "Lieu mal noté", Refusal.TEXT_CONTROL_CHARACTER),
        ("Quai 2", "Lieu\x00 mal noté", Refusal.REASON_CONTROL_CHARACTER),
    ],
)
def test_a_correction_with_a_control_character_writes_nothing(
    small: test_stage_refusals.Desk, value: str, reason: str, refusal: Refusal
) -> None:
    supervisor: Actor = signed_in(small.database, "Claire Roux", OperatorRole.SUPERVISOR)
    state = test_stage_refusals.call_at(small, Status.ROUTED)
    before = (_count(small.database, IncidentEvent), _count(small.database, AuditLog))

    with pytest.raises(IncidentRefused) as refused:
        correct_incident(
            small.database,
            state.incident_id,
            Correction(LogField.LOCATION, value, reason),
            version=state.version,
            actor=supervisor,
            now=MORNING,
        )

    assert refused.value.code is refusal
    after = (_count(small.database, IncidentEvent), _count(small.database, AuditLog))
    assert after == before
