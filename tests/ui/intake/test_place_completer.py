"""The list of places proposed gives the keyboard back: Tab moves on, Alt shortcuts work."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Category
from operline.db.engine import Database
from operline.incidents.intake import CallForm, log_call
from operline.ui.intake.desk_view import DeskView
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    Keyboard,
    fill_desk,
    focused,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

ALT, CTRL = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ControlModifier


def _chord(keys: Keyboard, modifier: Qt.Key, key: Qt.Key) -> None:
    """A modifier held down, then a key: two events, as a keyboard sends them."""
    keys.press(modifier)
    keys.press(key, ALT if modifier == Qt.Key.Key_Alt else CTRL)


@pytest.fixture
def view(qtbot: QtBot, database: Database, tmp_path: Path) -> DeskView:
    desk = fill_desk(database)
    for place in ("Rotonde de la Villette", "Rotonde, côté quai"):
        form = CallForm(
            received_at=NOW - timedelta(days=2),
            sector_id=desk.sectors[ref.STALINGRAD],
            category=Category.DISTRESS,
            location=place,
        )
        log_call(database, form, actor=desk.actor, now=NOW)
    return open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")


def _places_proposed(qtbot: QtBot, view: DeskView) -> Keyboard:
    """The sector chosen, a few letters of the place: the list of places is open."""
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    keys.type("rot", free_text=True)
    popup = view.form.location.proposals.popup()
    assert popup is not None
    assert popup.isVisible()
    return keys


@pytest.mark.usefixtures("english")
def test_tab_takes_the_highlighted_place_and_moves_on(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)
    keys.press(Qt.Key.Key_Down)

    keys.press(Qt.Key.Key_Tab)

    assert view.form.location.text() == "Rotonde de la Villette"
    assert focused() is view.form.category
    assert not view.form.location.proposals.popup().isVisible()


@pytest.mark.usefixtures("english")
def test_alt_digit_chooses_the_need_with_the_list_open(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)

    _chord(keys, Qt.Key.Key_Alt, Qt.Key.Key_2)

    assert view.form.category.category is Category.SHELTER
    assert view.form.location.text() == "rot"  # no digit typed into the place
    assert not view.form.location.proposals.popup().isVisible()


@pytest.mark.usefixtures("english")
def test_digits_after_an_alt_letter_go_to_the_field_it_named(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)

    _chord(keys, Qt.Key.Key_Alt, Qt.Key.Key_E)  # "P&ersons"
    keys.press(Qt.Key.Key_Backspace)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_0)

    assert focused() is view.form.persons
    assert view.form.persons.value() == 10
    assert view.form.location.text() == "rot"
    assert not view.form.location.proposals.popup().isVisible()
    places = view.places.table
    assert places.state() != places.State.EditingState  # nothing typed into the places


@pytest.mark.usefixtures("english")
def test_ctrl_enter_saves_with_the_list_open(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)
    view.form.category.set_category(Category.DISTRESS)

    _chord(keys, Qt.Key.Key_Control, Qt.Key.Key_Return)

    assert view.routing.pending is not None  # saved, the routing panel asks for the team
    assert focused() is view.routing.table
