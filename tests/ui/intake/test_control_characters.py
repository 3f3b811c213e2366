"""A control character pasted into the call form is named under its field, in French."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    FilledDesk,
    Keyboard,
    fill_desk,
    incident_count,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


@pytest.mark.usefixtures("french")
def test_a_nul_in_the_place_and_an_escape_in_the_notes_are_refused_in_french(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)  # Stalingrad
    view.form.location.setText("Sortie\x00 2")  # as a paste brings it
    view.form.notes.setPlainText("Malaise\x1b[0m")
    view.form.category.setFocus()
    keys.press(Qt.Key.Key_1)  # person in distress

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.form.problem_shown("location") == (
        "⚠ Le caractère 7 est un caractère de contrôle invisible (U+0000)\u00a0: supprimez-le."
    )
    assert view.form.problem_shown("notes") == (
        "⚠ Le caractère 8 est un caractère de contrôle invisible (U+001B)\u00a0: supprimez-le."
    )
    assert view.form.problem_shown("category") == ""
    assert incident_count(desk.database) == 0
