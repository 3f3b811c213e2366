"""« Received at » follows the desk's clock until the call's first key, then holds."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateTimeEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.db.engine import Database
from operline.db.models import Incident
from operline.drafts import DraftStore
from operline.ui.intake.desk_view import DeskView
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    FilledDesk,
    Keyboard,
    fill_desk,
    focused,
    open_desk_view,
)

pytestmark = [
    pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES),
    pytest.mark.usefixtures("english"),
]


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def view(qtbot: QtBot, desk: FilledDesk, clock: Clock, tmp_path: Path) -> DeskView:
    return open_desk_view(qtbot, desk, clock, tmp_path / "drafts")


def _minutes_later(view: DeskView, clock: Clock, minutes: int) -> None:
    """The desk's clock moves on, and the form's next tick comes (the tick, without its wait)."""
    clock.now = NOW + timedelta(minutes=minutes)
    assert view.form.received_tick.isActive()
    view.form.received_tick.timeout.emit()


def _received_saved(desk: FilledDesk) -> list[object]:
    with desk.database.read() as session:
        return list(session.scalars(select(Incident.received_at).order_by(Incident.id)))


def test_the_time_moves_on_while_the_form_is_empty(view: DeskView, clock: Clock) -> None:
    view.start_new_call()  # Ctrl+N, then no call comes for a while
    assert view.form.received.text() == "25/11/2026 22:00"

    _minutes_later(view, clock, 6)

    assert view.form.received.text() == "25/11/2026 22:06"
    assert view.form.received_at == NOW + timedelta(minutes=6)
    assert not view.keeper.unwritten  # a time alone is no call: no draft of it


def test_the_time_stops_at_the_first_key_in_the_sector(
    qtbot: QtBot, view: DeskView, clock: Clock
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    clock.now = NOW + timedelta(minutes=6)  # between two ticks: the call comes in now

    keys.type("s")

    assert view.form.received.text() == "25/11/2026 22:06"
    _minutes_later(view, clock, 9)  # the crew talks on
    keys.type("t")
    keys.press(Qt.Key.Key_Return)
    _minutes_later(view, clock, 11)
    assert view.form.received.text() == "25/11/2026 22:06"
    assert view.form.received_at == NOW + timedelta(minutes=6)


def test_a_time_typed_by_hand_stays(qtbot: QtBot, view: DeskView, clock: Clock) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # « Received at »
    assert focused() is view.form.received
    view.form.received.setSelectedSection(QDateTimeEdit.Section.HourSection)  # a click
    keys.type("21")  # a call taken at 21:00 by another desk, typed in now
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # on to the sector

    _minutes_later(view, clock, 10)
    keys.type("st")
    _minutes_later(view, clock, 12)

    assert view.form.received.text() == "25/11/2026 21:00"
    assert view.form.received_at == NOW - timedelta(hours=1)


def test_a_tick_does_not_move_the_time_under_the_operators_fingers(
    qtbot: QtBot, view: DeskView, clock: Clock
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)

    _minutes_later(view, clock, 3)

    assert view.form.received.text() == "25/11/2026 22:00"
    keys.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # left untouched
    _minutes_later(view, clock, 4)
    assert view.form.received.text() == "25/11/2026 22:04"


def test_after_an_idle_handover_the_first_call_gets_the_time_it_comes_in(
    qtbot: QtBot, view: DeskView, desk: FilledDesk, clock: Clock
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()  # the leaving operator picked up the form, no call came
    for minutes in range(0, 6 * 60 + 30, 30):  # the shift changes, a quiet night
        _minutes_later(view, clock, minutes)
    clock.now = NOW + timedelta(hours=6, minutes=34)

    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.late_prompt is None  # not "received 6 h 34 ago"
    assert _received_saved(desk) == [NOW + timedelta(hours=6, minutes=34)]
    # The next call's form follows the clock again.
    _minutes_later(view, clock, 6 * 60 + 40)
    assert view.form.received_at == NOW + timedelta(hours=6, minutes=40)


def test_a_draft_given_back_keeps_its_time(
    qtbot: QtBot, desk: FilledDesk, clock: Clock, tmp_path: Path
) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.belong_to(desk.database.name)
    received = NOW - timedelta(minutes=3)
    store.save(
        {"sector_text": ref.EOLE, "location": "Rotonde", "received_at": received.isoformat()},
        saved_at=NOW,
    )
    view = open_desk_view(qtbot, desk, clock, tmp_path / "drafts")
    assert view.offer_saved_draft()
    Keyboard(qtbot, view).press(Qt.Key.Key_Return)  # resume, the default

    _minutes_later(view, clock, 10)

    assert view.form.received_at == received
    assert view.form.received.text() == "25/11/2026 21:57"
