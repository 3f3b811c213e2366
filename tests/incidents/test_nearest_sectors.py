"""A mistyped sector gets the nearest names; nothing near proposes "Hors secteur"."""

from __future__ import annotations

import pytest

from operline import reference_data as ref
from operline.incidents.routing import SectorChoice, nearest_sectors

SECTORS = [
    SectorChoice(number, name)
    for number, name in enumerate(
        (
            ref.STALINGRAD,
            ref.EOLE,
            ref.PORTE_DE_LA_CHAPELLE,
            ref.ROSA_PARKS,
            ref.QUAIS_OURCQ,
            ref.HORS_SECTEUR,
        ),
        start=1,
    )
]


def _names(typed: str, sectors: list[SectorChoice] = SECTORS) -> list[str]:
    return [sector.name for sector in nearest_sectors(typed, sectors).nearest]


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("Stalingrd", ref.STALINGRAD),
        ("STALINGRAAD", ref.STALINGRAD),
        ("eolle", ref.EOLE),
        ("Éolle", ref.EOLE),
        ("la chapele", ref.PORTE_DE_LA_CHAPELLE),
        ("Porte de la Chapele", ref.PORTE_DE_LA_CHAPELLE),
        ("roza parc", ref.ROSA_PARKS),
        ("ourq", ref.QUAIS_OURCQ),
        ("hors secteru", ref.HORS_SECTEUR),
    ],
)
def test_a_typo_proposes_the_sector_meant_first(typed: str, first: str) -> None:
    suggestions = nearest_sectors(typed, SECTORS)
    assert suggestions.nearest[0].name == first
    assert suggestions.outside is None


def test_accents_and_case_do_not_matter() -> None:
    assert _names("EOLLE") == _names("éollé") == [ref.EOLE]


def test_a_name_close_to_nothing_proposes_hors_secteur() -> None:
    for typed in ("Bastille", "Gare du Nord", "x", "zz"):
        suggestions = nearest_sectors(typed, SECTORS)
        assert suggestions.nearest == ()
        assert suggestions.outside == SectorChoice(6, ref.HORS_SECTEUR)


def test_hors_secteur_is_not_proposed_when_it_is_retired() -> None:
    active = [sector for sector in SECTORS if sector.name != ref.HORS_SECTEUR]
    assert nearest_sectors("Bastille", active).outside is None


def test_at_most_three_are_proposed_nearest_first() -> None:
    sectors = [
        SectorChoice(1, "Stalingrad nord"),
        SectorChoice(2, "Stalingrad"),
        SectorChoice(3, "Stalingrad sud"),
        SectorChoice(4, "Stalingrad est"),
        SectorChoice(5, "Éole"),
    ]
    names = _names("stalingrd", sectors)
    assert len(names) == 3
    assert names[0] == "Stalingrad"
    assert "Éole" not in names


def test_nothing_typed_proposes_nothing_near() -> None:
    assert nearest_sectors("  ", SECTORS).nearest == ()
