"""A call time far back (a wrong day, a wrong hour) is confirmed before the call is saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.settings import LATE_ENTRY_HOURS, write_setting
from operline.ui.intake.desk_view import DeskView
from tests.actors import COMMAND_LINE
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    FilledDesk,
    Keyboard,
    fill_desk,
    focused,
    incident_count,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

#: 28 November 2026, 01:30 in Paris: the evening before is on another day.
AFTER_MIDNIGHT = datetime(2026, 11, 28, 0, 30, tzinfo=UTC)


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


def _view(qtbot: QtBot, desk: FilledDesk, now: datetime, tmp_path: Path) -> DeskView:
    return open_desk_view(qtbot, desk, Clock(now), tmp_path / "drafts")


def _save_call_received(qtbot: QtBot, view: DeskView, received_at: datetime) -> Keyboard:
    """A call typed in with an earlier time, then Ctrl+Enter."""
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("eo")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_2)
    view.form.received.show_instant(received_at, typed=True)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return keys


@pytest.mark.usefixtures("english")
def test_a_call_more_than_six_hours_back_asks_and_enter_goes_back_to_the_time(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, NOW, tmp_path)
    received = NOW - timedelta(hours=6, minutes=1)
    keys = _save_call_received(qtbot, view, received)

    prompt = view.late_prompt
    assert prompt is not None
    assert prompt.isVisible()
    assert prompt.text() == "This call was received at 15:59, 6 h 01 ago."
    keys.press(Qt.Key.Key_Return)  # a reflex Enter corrects the time, saves nothing

    assert view.late_prompt is None
    assert incident_count(desk.database) == 0
    assert focused() is view.form.received
    assert view.form.received_at == received  # nothing typed is lost

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    prompt = view.late_prompt
    assert prompt is not None
    prompt.save_button.click()

    assert view.late_prompt is None
    assert incident_count(desk.database) == 1


@pytest.mark.usefixtures("english")
def test_exactly_six_hours_back_is_saved_without_asking(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, NOW, tmp_path)

    _save_call_received(qtbot, view, NOW - timedelta(hours=6))

    assert view.late_prompt is None
    assert incident_count(desk.database) == 1


@pytest.mark.usefixtures("english")
def test_across_paris_midnight_the_prompt_names_the_day(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, AFTER_MIDNIGHT, tmp_path)

    # 27/11 at 19:25 in Paris, typed at 01:30 the next night.
    _save_call_received(qtbot, view, datetime(2026, 11, 27, 18, 25, tzinfo=UTC))

    prompt = view.late_prompt
    assert prompt is not None
    assert prompt.text() == "This call was received at 27/11 19:25, 6 h 05 ago."
    prompt.save_button.click()
    assert incident_count(desk.database) == 1


@pytest.mark.usefixtures("english")
def test_the_evening_before_midnight_is_not_far_back(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, AFTER_MIDNIGHT, tmp_path)

    _save_call_received(qtbot, view, datetime(2026, 11, 27, 22, 50, tzinfo=UTC))  # 23:50

    assert view.late_prompt is None
    assert incident_count(desk.database) == 1


@pytest.mark.usefixtures("english")
def test_the_threshold_is_the_desks_setting_read_when_saving(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, NOW, tmp_path)
    write_setting(desk.database, LATE_ENTRY_HOURS.key, "2", actor=COMMAND_LINE, now=NOW)

    _save_call_received(qtbot, view, NOW - timedelta(hours=2, minutes=30))

    assert view.late_prompt is not None
    assert view.late_prompt.text() == "This call was received at 19:30, 2 h 30 ago."


@pytest.mark.usefixtures("french")
def test_the_late_entry_prompt_reads_in_french(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = _view(qtbot, desk, NOW, tmp_path)

    _save_call_received(qtbot, view, NOW - timedelta(hours=7))

    prompt = view.late_prompt
    assert prompt is not None
    assert prompt.text() == "Cet appel a été reçu à 15:00, il y a 7 h 00."
    assert prompt.save_button.text() == "Enregistrer avec cette heure"
    assert prompt.defaultButton() is prompt.correct_button
