"""The notes are read for a name, a date of birth or a phone number before a call is saved."""

from __future__ import annotations

from datetime import date

import pytest

from operline.notes_check import Identifying, identifying_text

TODAY = date(2026, 11, 28)


def _found(notes: str) -> list[tuple[Identifying, str]]:
    return [(flagged.kind, flagged.text) for flagged in identifying_text(notes, today=TODAY)]


@pytest.mark.parametrize(
    ("notes", "text"),
    [
        ("Homme agité, M. Dupont connu du service", "M. Dupont"),
        ("Mme Martin demande un hébergement", "Mme Martin"),
        ("Mlle Durand, enceinte", "Mlle Durand"),
        ("accompagné de Monsieur Jean Moreau", "Monsieur Jean Moreau"),
        ("Madame N'Diaye au sol", "Madame N'Diaye"),
    ],
)
def test_a_name_after_a_civility_is_flagged(notes: str, text: str) -> None:
    assert _found(notes) == [(Identifying.NAME, text)]


@pytest.mark.parametrize(
    ("notes", "text"),
    [
        ("personne née le 12/03/1985, désorientée", "née le 12/03/1985"),
        ("né le 3 mars 1990", "né le 3 mars 1990"),
        ("DDN: 01-02-1979", "DDN: 01-02-1979"),
        ("date de naissance 4.5.66", "date de naissance 4.5.66"),
        ("né en 1985", "né en 1985"),
        ("femme, 14/07/1992, au sol", "14/07/1992"),
    ],
)
def test_a_date_of_birth_is_flagged(notes: str, text: str) -> None:
    assert _found(notes) == [(Identifying.BIRTH_DATE, text)]


@pytest.mark.parametrize(
    ("notes", "text"),
    [
        ("rappeler le frère au 06 12 34 56 78", "06 12 34 56 78"),
        ("tél 0612345678", "0612345678"),
        ("joignable +33 6 12 34 56 78 la nuit", "+33 6 12 34 56 78"),
    ],
)
def test_a_phone_number_is_flagged(notes: str, text: str) -> None:
    assert _found(notes) == [(Identifying.PHONE, text)]


@pytest.mark.parametrize(
    "notes",
    [
        "3 pers. vers 14h30, 2 chiens, sous le pont",
        "déjà signalé le 27/11/2026 au même endroit",
        "M. le commissaire demande un retour",
        "rue du 8 mai 1945 au 12",
        "au 18 rue de Flandre, 75019",
        "",
    ],
)
def test_the_notes_of_coordination_are_not_flagged(notes: str) -> None:
    assert _found(notes) == []


def test_several_findings_come_in_reading_order_each_once() -> None:
    notes = "Mme Martin née le 12/03/1985, tél 06 12 34 56 78"

    assert [kind for kind, _ in _found(notes)] == [
        Identifying.NAME,
        Identifying.BIRTH_DATE,
        Identifying.PHONE,
    ]
