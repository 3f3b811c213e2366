"""Required fields say so to a screen reader; a refused save ties each sentence to its field
and puts the focus on the first field to correct."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import Clock, Keyboard, fill_desk, incident_count, open_desk_view


def described(widget: QWidget) -> str:
    """The description a screen reader reads after the field's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


@pytest.mark.usefixtures("english")
def test_required_fields_say_so_and_a_refused_save_reads_the_problem_on_the_field(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    desk = fill_desk(database)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    form = view.form
    keys = Keyboard(qtbot, view)
    view.start_new_call()

    hint = form.sector.placeholderText()
    assert described(form.sector) == f"Required · {hint}"
    assert described(form.category) == "Required"
    assert described(form.location) == form.location.placeholderText()  # nothing more

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert incident_count(desk.database) == 0
    assert QApplication.focusWidget() is form.sector  # the first field to correct
    assert described(form.sector) == f"Required · {form.problem_shown('sector_id')} · {hint}"
    assert described(form.category) == "Required · ⚠ Required."

    form.clear_problems()
    assert described(form.sector) == f"Required · {hint}"


@pytest.mark.usefixtures("french")
def test_required_reads_in_french(qtbot: QtBot, database: Database, tmp_path: Path) -> None:
    view = open_desk_view(qtbot, fill_desk(database), Clock(NOW), tmp_path / "drafts")
    view.start_new_call()

    assert described(view.form.sector).startswith("Obligatoire · ")
