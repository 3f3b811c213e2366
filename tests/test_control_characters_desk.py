"""The handover note, operators' names and desk settings refuse control characters."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Handover, Operator
from operline.errors import InvalidInput
from operline.handover import HandoverProblem, HandoverRefused, hand_over
from operline.operators import add_operator
from operline.settings import DeskSettings, SettingRefused, read_settings, write_setting
from tests.actors import COMMAND_LINE, PASSWORD
from tests.test_handover import _people
from tests.test_handover_summary import NOW


def _count(database: Database, table: type[Handover] | type[Operator]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def test_a_handover_note_with_a_nul_is_refused_and_line_breaks_are_kept(
    database: Database,
) -> None:
    ines, karim = _people(database)

    with pytest.raises(HandoverRefused) as refused:
        hand_over(
            database,
            "Lit 3\x00",
            actor=ines,
            to_operator_id=karim.operator_id or 0,
            password=PASSWORD,
            now=NOW,
        )

    assert refused.value.problem is HandoverProblem.NOTE_CONTROL_CHARACTER
    assert str(refused.value) == (
        "Character 6 of the handover note is an invisible control character (U+0000): remove it."
    )
    assert _count(database, Handover) == 0
    note = "Lit 3 libre\n\tà rappeler"
    hand_over(
        database,
        note,
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    )
    with database.read() as session:
        assert session.scalars(select(Handover.note)).one() == note


def test_an_operator_name_with_an_escape_is_refused(database: Database) -> None:
    with pytest.raises(InvalidInput) as refused:
        add_operator(
            database, "Inès\x1b Moreau", OperatorRole.OPERATOR, actor=COMMAND_LINE, now=NOW
        )

    assert str(refused.value) == (
        "Character 5 of the name is an invisible control character (U+001B): remove it."
    )
    assert _count(database, Operator) == 0


def test_a_desk_setting_with_a_bell_is_refused_and_left_as_it_was(database: Database) -> None:
    with pytest.raises(SettingRefused) as refused:
        write_setting(database, "desk.name", "Numéro\x07 unique", actor=COMMAND_LINE, now=NOW)

    assert str(refused.value) == (
        "desk.name: character 7 is an invisible control character (U+0007)"
    )
    assert read_settings(database).name == DeskSettings().name
