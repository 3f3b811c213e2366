"""The call form driven with the keyboard only: where the focus is shows, digits for the
need still count one field too far, and Tab ends on saving, never back into the time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from operline.codes import Category
from operline.ui import palette
from operline.ui.intake.desk_view import DeskView
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, focused
from tests.ui.intake.test_place_completer import _places_proposed
from tests.ui.intake.test_place_completer import view as view  # the fixture

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


def _frame(view: DeskView) -> QColor:
    """The colour of the need list's frame, as the screen shows it."""
    image = view.form.category.grab().toImage()
    return image.pixelColor(image.width() // 2, 0)


@pytest.mark.usefixtures("english")
def test_the_need_list_shows_it_has_the_focus_after_the_place(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)
    away = _frame(view)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)  # the place proposed: on to the need

    assert focused() is view.form.category
    assert _frame(view) == palette.colour("focus_frame")
    assert away != palette.colour("focus_frame")


@pytest.mark.usefixtures("english")
def test_a_need_digit_typed_one_field_too_far_still_chooses_the_need(
    qtbot: QtBot, view: DeskView
) -> None:
    keys = _places_proposed(qtbot, view)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)  # the operator did not see the focus on the need
    assert focused() is view.form.urgent

    keys.press(Qt.Key.Key_2)

    assert view.form.category.category is Category.SHELTER
    assert not view.form.urgent.isChecked()
    keys.press(Qt.Key.Key_3)  # a need is chosen: the box leaves it be
    assert view.form.category.category is Category.SHELTER


@pytest.mark.usefixtures("english")
def test_tab_follows_the_crews_order_and_ends_on_saving(qtbot: QtBot, view: DeskView) -> None:
    keys = _places_proposed(qtbot, view)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    form = view.form
    received = form.received.dateTime()
    reached = [focused()]
    for _ in range(7):
        keys.press(Qt.Key.Key_Tab)
        reached.append(focused())
    assert reached == [
        form.category,
        form.urgent,
        form.persons,
        form.caller_service,
        form.callback_number,
        form.notes,
        form.save_button,
        form.save_button,  # Tab stops there, it does not wrap into « Received at »
    ]
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_5)
    assert form.received.dateTime() == received
