"""Notes that name the person, give a date of birth or a phone are flagged before saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.db.engine import Database
from operline.db.models import Incident
from operline.ui.intake.desk_view import DeskView
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


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


@pytest.fixture
def view(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> DeskView:
    return open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")


def _type_call_with_notes(qtbot: QtBot, view: DeskView, notes: str) -> Keyboard:
    """A call to Éole, need 2, these notes, then Ctrl+Enter."""
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("eo")
    keys.press(Qt.Key.Key_Return)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_2)
    view.form.notes.setFocus()
    keys.type(notes, free_text=True)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return keys


def _saved_notes(database: Database) -> list[str | None]:
    with database.read() as session:
        return list(session.scalars(select(Incident.notes)))


@pytest.mark.usefixtures("english")
def test_a_name_in_the_notes_is_warned_about_as_typed_and_enter_goes_back_to_remove_it(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = _type_call_with_notes(qtbot, view, "Au sol, M. Dupont, besoin de soins")

    assert view.form.reminder.text() == ("These notes seem to hold a name (M. Dupont): remove it.")
    prompt = view.notes_prompt
    assert prompt is not None
    assert prompt.isVisible()
    assert prompt.text() == "The notes seem to hold a name (M. Dupont)."
    keys.press(Qt.Key.Key_Return)  # a reflex Enter saves nothing

    assert view.notes_prompt is None
    assert incident_count(desk.database) == 0
    assert focused() is view.form.notes
    assert view.form.notes.textCursor().selectedText() == "M. Dupont"
    assert view.keeper.unwritten or view.keeper.store.load() is not None  # the draft stays

    keys.press(Qt.Key.Key_Delete)
    assert view.form.reminder.text() == "No name, no identity: only what coordination needs"
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.notes_prompt is None
    assert _saved_notes(desk.database) == ["Au sol, , besoin de soins"]


@pytest.mark.usefixtures("english")
def test_escape_keeps_the_call_and_save_as_it_is_saves_it(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = _type_call_with_notes(qtbot, view, "née le 12/03/1985, tél 06 12 34 56 78")
    prompt = view.notes_prompt
    assert prompt is not None
    assert prompt.text() == (
        "The notes seem to hold a date of birth (née le 12/03/1985), "
        "a phone number (06 12 34 56 78)."
    )
    keys.press(Qt.Key.Key_Escape)
    assert incident_count(desk.database) == 0
    assert view.form.notes.toPlainText() == "née le 12/03/1985, tél 06 12 34 56 78"

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    prompt = view.notes_prompt
    assert prompt is not None
    prompt.save_button.click()

    assert _saved_notes(desk.database) == ["née le 12/03/1985, tél 06 12 34 56 78"]


@pytest.mark.usefixtures("french")
def test_the_prompt_reads_in_french(qtbot: QtBot, view: DeskView) -> None:
    _type_call_with_notes(qtbot, view, "Mme Martin demande un hébergement")

    prompt = view.notes_prompt
    assert prompt is not None
    assert prompt.text() == "Les notes semblent contenir un nom (Mme Martin)."
    assert prompt.remove_button.text() == "Le retirer des notes"
    assert view.form.reminder.text() == (
        "Ces notes semblent contenir un nom (Mme Martin)\u00a0: "
        "retirez ce qui identifie la personne."
    )


@pytest.mark.usefixtures("english")
def test_notes_of_coordination_save_without_a_question(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    _type_call_with_notes(qtbot, view, "3 pers. sous le pont, 2 chiens")

    assert view.notes_prompt is None
    assert _saved_notes(desk.database) == ["3 pers. sous le pont, 2 chiens"]
