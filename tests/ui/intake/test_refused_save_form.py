"""A call the database refuses to save (read-only) stays in the form, and saves later."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.db.engine import Database
from tests.incidents.conftest import NOW
from tests.test_refused_saves import every_connection_runs
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    Keyboard,
    fill_desk,
    incident_count,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


@pytest.mark.usefixtures("english")
def test_a_call_refused_by_a_read_only_database_stays_in_the_form(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    desk = fill_desk(sqlite_database)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)  # Stalingrad
    keys.type("Rotonde", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)

    with every_connection_runs(desk.database, "PRAGMA query_only = ON"):
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not view.saving)

    assert "the file or its folder is read-only" in view.form.status.text()
    assert str(desk.database.sqlite_path) in view.form.status.text()
    assert view.form.location.text() == "Rotonde"
    assert view.form.sector_id == desk.sectors[ref.STALINGRAD]
    assert incident_count(desk.database) == 0

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: incident_count(desk.database) == 1)
