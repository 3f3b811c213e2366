"""The roster editor refuses control characters in names, phones and places; nothing is written."""

from __future__ import annotations

import pytest

from operline.db.engine import Database
from operline.roster.editing import (
    FacilityDraft,
    Problem,
    RosterEditRefused,
    SectorDraft,
    TeamDraft,
    add_sector,
    add_team,
    check_facility,
    check_sector,
    check_team,
    list_sectors,
    list_teams,
)
from tests.test_roster_editing import ACTOR, NOW, audit_rows


def problems(check: object) -> list[tuple[str, Problem, str]]:
    return [(p.field, p.code, p.message) for p in check.errors]  # type: ignore[attr-defined]


def test_a_nul_in_a_team_name_is_refused_and_nothing_is_written(database: Database) -> None:
    draft = TeamDraft("Maraude\x00Nord", "Asso\x1b", "01 99 00 12 34\x07")

    assert sorted(problems(check_team(database, draft))) == [
        (
            "name",
            Problem.CONTROL_CHARACTER,
            "Character 8 is an invisible control character (U+0000): remove it.",
        ),
        (
            "organisation",
            Problem.CONTROL_CHARACTER,
            "Character 5 is an invisible control character (U+001B): remove it.",
        ),
        (
            "phone",
            Problem.CONTROL_CHARACTER,
            "Character 15 is an invisible control character (U+0007): remove it.",
        ),
    ]
    with pytest.raises(RosterEditRefused):
        add_team(database, draft, actor=ACTOR, now=NOW)
    assert list_teams(database) == []
    assert audit_rows(database) == []


def test_a_sector_name_with_an_escape_is_refused(database: Database) -> None:
    draft = SectorDraft("\x1bÉole")

    assert [(f, c) for f, c, _ in problems(check_sector(database, draft))] == [
        ("name", Problem.CONTROL_CHARACTER)
    ]
    with pytest.raises(RosterEditRefused):
        add_sector(database, draft, actor=ACTOR, now=NOW)
    assert list_sectors(database) == []


def test_a_place_keeps_its_line_breaks_but_not_a_bell(database: Database) -> None:
    fine = FacilityDraft("Halte de nuit", "Accueil", address="12 rue X\n75019 Paris")
    rung = FacilityDraft("Halte de nuit", "Accueil", opening_hours="20h\x07–8h")

    assert check_facility(database, fine).ok
    assert [(f, c) for f, c, _ in problems(check_facility(database, rung))] == [
        ("opening_hours", Problem.CONTROL_CHARACTER)
    ]
