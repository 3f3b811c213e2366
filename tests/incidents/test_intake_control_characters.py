"""A call holding a control character is refused field by field; nothing is written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from operline.db.models import Incident, IncidentEvent
from operline.incidents.intake import CallRefused, IntakeProblem, check_call, log_call
from tests.incidents.conftest import NOW, Desk
from tests.incidents.test_intake import call


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x07"])
@pytest.mark.parametrize("field", ["location", "notes", "caller_service"])
def test_a_control_character_is_refused_with_its_field_and_position(
    desk: Desk, field: str, character: str
) -> None:
    form = call(desk, **{field: f"Quai{character} 2"})

    problems = check_call(form, now=NOW)

    assert [(p.field, p.code, p.position) for p in problems] == [
        (field, IntakeProblem.CONTROL_CHARACTER, 5)
    ]
    code = f"U+{ord(character):04X}"
    assert problems[0].message == (
        f"Character 5 is an invisible control character ({code}): remove it."
    )


def test_a_nul_in_the_callback_number_is_named_rather_than_dropped(desk: Desk) -> None:
    problems = check_call(call(desk, callback_number="01 99 00 55 01\x00"), now=NOW)
    assert [(p.field, p.code, p.position) for p in problems] == [
        ("callback_number", IntakeProblem.CONTROL_CHARACTER, 15)
    ]


def test_a_refused_call_writes_nothing(desk: Desk) -> None:
    with pytest.raises(CallRefused) as refused:
        log_call(
            desk.database,
            call(desk, location="Métro\x00 Stalingrad", notes="Malaise\x1b"),
            actor=desk.actor,
            now=NOW,
        )

    assert {p.field for p in refused.value.problems} == {"location", "notes"}
    with desk.database.read() as session:
        assert session.scalar(select(func.count()).select_from(Incident)) == 0
        assert session.scalar(select(func.count()).select_from(IncidentEvent)) == 0


def test_tab_and_line_breaks_still_reach_the_notes(desk: Desk) -> None:
    notes = "Malaise sur le quai\r\nsortie 2\tescalier"
    logged = log_call(desk.database, call(desk, notes=notes), actor=desk.actor, now=NOW)

    with desk.database.read() as session:
        incident = session.get(Incident, logged.incident_id)
        assert incident is not None
        assert incident.notes == notes
