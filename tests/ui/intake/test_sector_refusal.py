"""Letters naming no sector are refused on Enter, with the nearest names or "Hors secteur"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.incidents.routing import SectorChoice
from operline.paris_time import Clock
from operline.ui.intake.call_form import NewCallForm
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Keyboard, focused

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

SECTORS = [
    SectorChoice(number, name)
    for number, name in enumerate([*ref.NAMED_SECTORS, ref.HORS_SECTEUR], start=1)
]


def _form(qtbot: QtBot, sectors: list[SectorChoice] = SECTORS) -> NewCallForm:
    clock: Clock = lambda: NOW  # noqa: E731
    shown = NewCallForm(clock=clock)
    shown.set_sectors(sectors)
    qtbot.addWidget(shown)
    shown.resize(760, 680)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.start()
    return shown


@pytest.mark.usefixtures("english")
def test_a_mistyped_sector_is_refused_on_enter_with_the_nearest_name(qtbot: QtBot) -> None:
    form = _form(qtbot)
    keys = Keyboard(qtbot, form)
    keys.type("Stalingrd")

    keys.press(Qt.Key.Key_Return)

    assert focused() is form.sector  # refused: the focus stays
    assert form.sector_id is None
    assert form.problem_shown("sector_id") == (
        "⚠ No sector is called “Stalingrd”. Did you mean “Stalingrad”?"
    )
    assert form.sector.selectedText() == "Stalingrd"  # the next letters replace it

    keys.type("stal")
    assert form.problem_shown("sector_id") == ""  # gone once it no longer applies
    keys.press(Qt.Key.Key_Return)
    assert form.sector_id == SECTORS[0].sector_id
    assert focused() is form.location


@pytest.mark.usefixtures("english")
def test_several_near_names_are_listed_nearest_first(qtbot: QtBot) -> None:
    form = _form(qtbot, [SectorChoice(1, "Stalingrad nord"), SectorChoice(2, "Stalingrad sud")])
    keys = Keyboard(qtbot, form)
    keys.type("stalingrd")

    keys.press(Qt.Key.Key_Return)

    assert form.problem_shown("sector_id") == (
        "⚠ No sector is called “stalingrd”. Did you mean “Stalingrad sud” or “Stalingrad nord”?"
    )


@pytest.mark.usefixtures("english")
def test_a_name_near_nothing_proposes_hors_secteur(qtbot: QtBot) -> None:
    form = _form(qtbot)
    keys = Keyboard(qtbot, form)
    keys.type("Bastille")

    keys.press(Qt.Key.Key_Return)

    assert focused() is form.sector
    assert form.problem_shown("sector_id") == (
        "⚠ No sector is called “Bastille”, nor anything near. "
        "A call from outside the sectors goes in “Hors secteur”."
    )
    keys.type("hors")
    keys.press(Qt.Key.Key_Return)
    assert form.sector.text() == ref.HORS_SECTEUR
    assert focused() is form.location


@pytest.mark.usefixtures("english")
def test_without_hors_secteur_the_refusal_asks_for_an_active_sector(qtbot: QtBot) -> None:
    form = _form(qtbot, [s for s in SECTORS if s.name != ref.HORS_SECTEUR])
    keys = Keyboard(qtbot, form)
    keys.type("Bastille")

    keys.press(Qt.Key.Key_Return)

    assert form.problem_shown("sector_id") == (
        "⚠ No sector is called “Bastille”: type a few letters of an active sector."
    )


@pytest.mark.usefixtures("english")
def test_tab_still_leaves_a_mistyped_sector_for_later(qtbot: QtBot) -> None:
    form = _form(qtbot)
    keys = Keyboard(qtbot, form)
    keys.type("eolle")

    keys.press(Qt.Key.Key_Tab)

    assert focused() is form.location  # the rest of the call can be typed first
    assert form.sector_id is None


@pytest.mark.usefixtures("french")
def test_the_refusal_reads_in_french(qtbot: QtBot) -> None:
    form = _form(qtbot)
    keys = Keyboard(qtbot, form)
    keys.type("eolle")

    keys.press(Qt.Key.Key_Return)

    assert form.problem_shown("sector_id") == (
        "⚠ Aucun secteur ne s'appelle «\u00a0eolle\u00a0». "
        "Vouliez-vous dire «\u00a0Éole\u00a0»\u00a0?"
    )
    form.sector.selectAll()
    keys.type("Bastille")
    keys.press(Qt.Key.Key_Return)
    assert form.problem_shown("sector_id") == (
        "⚠ Aucun secteur ne s'appelle «\u00a0Bastille\u00a0», ni rien d'approchant. "
        "Un appel venu d'ailleurs va dans «\u00a0Hors secteur\u00a0»."
    )
