"""The dialogs of the stage keys: reasons required, times set back, outcomes, notes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Outcome, Status
from operline.db.engine import Database
from operline.incidents.stages import Action, advance_incident
from operline.incidents.timeline import read_incident
from operline.ui.board.model import BoardColumn
from operline.ui.board.stage_dialogs import NoteDialog, StageTimeDialog, recent_instant
from operline.ui.board.team_choices import CloseDialog, TeamDialog
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import (
    Clock,
    column,
    log,
    make_live_desk,
    open_board,
    press,
    route,
    status_of,
)


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


@pytest.mark.usefixtures("english")
def test_handing_a_call_to_another_team_needs_a_reason(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 30)
    first = route(live_desk, incident, 29)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_R)
    dialog = board.keys.dialog
    assert isinstance(dialog, TeamDialog)
    proposed = dialog.teams.currentItem().text()
    assert proposed.startswith(f"1   {ref.FLUID_CRACK} · 01 99 00 01 42 · backup until")
    assert first not in [dialog.teams.item(row).text() for row in range(dialog.teams.count())]

    press(qtbot, dialog, Qt.Key.Key_Return)
    assert board.keys.dialog is dialog  # still open, with the reason asked for
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Give the reason for handing the call to another team."
    assert dialog.fields.reason_edit.hasFocus()
    assert status_of(live_desk, incident) == before

    qtbot.keyClicks(dialog.fields.reason_edit, "Maraude injoignable")
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    assert column(board, BoardColumn.TEAM) == [ref.FLUID_CRACK]
    assert column(board, BoardColumn.STAGE) == ["Team contacted"]
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    handed = [line for line in detail.timeline if line.kind.value == "reassigned"]
    assert [(h.old_value, h.new_value, h.reason) for h in handed] == [
        (first, ref.FLUID_CRACK, "Maraude injoignable")
    ]


@pytest.mark.usefixtures("english")
def test_a_stage_set_back_in_time_needs_a_reason_and_keeps_its_time(
    qtbot: QtBot,
    live_desk: Desk,
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)  # 21:42 in Paris
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    dialog = board.keys.dialog
    assert isinstance(dialog, StageTimeDialog)
    assert dialog.windowTitle() == "Acknowledged at an earlier time"
    assert dialog.fields.time_edit.hasFocus()
    assert dialog.fields.time_edit.time() == QTime(22, 0)

    dialog.fields.time_edit.setTime(QTime(21, 30))
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.problem.text() == "This time is before the previous stage (21:42)."

    dialog.fields.time_edit.setTime(QTime(21, 50))
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.problem.text() == "A time set back needs a reason."
    assert dialog.fields.reason_edit.hasFocus()
    assert status_of(live_desk, incident) == before

    qtbot.keyClicks(dialog.fields.reason_edit, "Rappel de la maraude sur l'autre ligne")
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    assert detail.status is Status.ACKNOWLEDGED
    assert detail.acknowledged_at == NOW - timedelta(minutes=10)
    last = detail.timeline[-1]
    assert (last.new_value, last.at, last.reason) == (
        "acknowledged",
        NOW - timedelta(minutes=10),
        "Rappel de la maraude sur l'autre ligne",
    )


@pytest.mark.usefixtures("english")
def test_shift_s_before_the_acknowledgement_is_refused_without_a_dialog(
    qtbot: QtBot,
    live_desk: Desk,
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)

    assert board.keys.dialog is None
    assert board.message.text().endswith("it cannot be marked on scene now.")


@pytest.mark.usefixtures("english")
def test_closing_asks_for_the_outcome_then_closes_with_the_digit_chosen(
    qtbot: QtBot,
    live_desk: Desk,
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_C)
    dialog = board.keys.dialog
    assert isinstance(dialog, CloseDialog)
    assert dialog.outcomes.hasFocus()
    assert not dialog.places.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Choose the outcome (keys 1 to 6)."
    assert status_of(live_desk, incident) == before

    press(qtbot, dialog, Qt.Key.Key_4)
    assert dialog.outcome() is Outcome.NOT_FOUND
    assert not dialog.places.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    assert (detail.status, detail.outcome, detail.facility) == (
        Status.CLOSED,
        Outcome.NOT_FOUND,
        None,
    )
    assert board.model.rowCount() == 0


@pytest.mark.usefixtures("english")
def test_escape_leaves_the_call_as_it_was(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    for key in (Qt.Key.Key_C, Qt.Key.Key_R, Qt.Key.Key_N):
        press(qtbot, board, key)
        dialog = board.keys.dialog
        assert dialog is not None
        press(qtbot, dialog, Qt.Key.Key_Escape)
        assert board.keys.dialog is None
        assert board.table.hasFocus()

    assert status_of(live_desk, incident) == before


@pytest.mark.usefixtures("english")
def test_an_empty_note_is_refused_and_a_long_one_counted(
    qtbot: QtBot,
    live_desk: Desk,
) -> None:
    incident = log(live_desk, 3)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_N)
    dialog = board.keys.dialog
    assert isinstance(dialog, NoteDialog)
    assert dialog.text.hasFocus()
    qtbot.keyClicks(dialog.text, "   ")
    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.problem.text() == "The note is empty."

    dialog.text.setPlainText("x" * 501)
    assert dialog.count.text() == "501 / 500 characters"
    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.problem.text() == "A note holds at most 500 characters."
    assert status_of(live_desk, incident) == before


def test_a_time_typed_means_its_latest_reading_not_after_now() -> None:
    now = datetime(2026, 11, 25, 23, 10, tzinfo=UTC)  # 00:10 in Paris, Thursday
    assert recent_instant(time(0, 10), now) == now
    assert recent_instant(time(0, 5), now) == now - timedelta(minutes=5)
    # Just before midnight: yesterday evening, not tonight.
    assert recent_instant(time(23, 55), now) == now - timedelta(minutes=15)
    # The autumn hour happens twice: the reading not after now.
    first_pass = datetime(2026, 10, 25, 0, 40, tzinfo=UTC)  # 02:40 (summer time)
    second_pass = datetime(2026, 10, 25, 1, 40, tzinfo=UTC)  # 02:40 again (winter time)
    assert recent_instant(time(2, 30), first_pass) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert recent_instant(time(2, 30), second_pass) == datetime(2026, 10, 25, 1, 30, tzinfo=UTC)


@pytest.mark.usefixtures("english")
def test_the_time_left_as_shown_is_when_the_key_is_pressed(
    qtbot: QtBot,
    live_desk: Desk,
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    advance_incident(
        live_desk.database,
        incident,
        Status.ACKNOWLEDGED,
        version=2,
        action=Action(live_desk.actor, NOW - timedelta(minutes=15), NOW - timedelta(minutes=15)),
    )
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)

    press(qtbot, board, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    dialog = board.keys.dialog
    assert isinstance(dialog, StageTimeDialog)
    clock.advance(4)  # the operator was on the phone meanwhile
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=clock.now)
    assert detail.on_scene_at == clock.now  # no reason needed for "now"


@pytest.mark.usefixtures("french")
def test_the_close_dialog_names_the_place_and_sector_of_the_call_it_closes(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 20, sector=ref.EOLE, location="Sortie du métro, rue d'Aubervilliers")
    route(live_desk, incident, 18, sector=ref.EOLE)
    log(live_desk, 10, location="Quai de Seine")
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_C)  # the oldest call is the one under the cursor
    dialog = board.keys.dialog
    assert isinstance(dialog, CloseDialog)
    header = dialog.findChild(QLabel, "stageDialogIncident")
    assert header is not None
    assert header.isVisible()
    assert ref.EOLE in header.text()
    assert "Sortie du métro, rue d'Aubervilliers" in header.text()
    assert "Quai de Seine" not in header.text()
    press(qtbot, dialog, Qt.Key.Key_Escape)

    press(qtbot, board, Qt.Key.Key_Down)
    press(qtbot, board, Qt.Key.Key_N)
    note = board.keys.dialog
    assert isinstance(note, NoteDialog)
    header = note.findChild(QLabel, "stageDialogIncident")
    assert header is not None
    assert "Quai de Seine" in header.text()
    record = note.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert record.text() == "Enregistrer (Ctrl+Entrée)"


@pytest.mark.usefixtures("french")
def test_an_orientation_waits_for_a_place_chosen_and_the_status_line_names_it(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_C)
    dialog = board.keys.dialog
    assert isinstance(dialog, CloseDialog)
    places = dialog.places
    assert 3 <= places.count() < 9
    label = dialog.form.labelForField(places)
    assert isinstance(label, QLabel)
    assert label.text() == f"&Lieu (1–{places.count()})"

    press(qtbot, dialog, Qt.Key.Key_2)  # oriented
    assert places.hasFocus()
    assert places.selectedItems() == []
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert board.keys.dialog is dialog
    refused = "Choisissez le lieu vers lequel la personne a été orientée."
    assert dialog.problem.text() == refused
    assert places.hasFocus()
    assert places.accessibleDescription() == refused
    assert status_of(live_desk, incident) == before

    press(qtbot, dialog, Qt.Key.Key_Down)  # the first arrow picks the first place
    assert places.selectedItems() == [places.item(0)]
    press(qtbot, dialog, Qt.Key.Key_3)
    assert places.selectedItems() == [places.item(2)]
    third = places.item(2).text().split("   ", 1)[1].split(" — ")[0]
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    assert (detail.status, detail.outcome, detail.facility) == (
        Status.CLOSED,
        Outcome.ORIENTED,
        third,
    )
    reference = detail.reference
    assert board.message.text() == f"{reference} clos\u00a0: orienté vers {third}."


@pytest.mark.usefixtures("french")
def test_a_team_not_on_duty_sends_the_focus_to_the_reason_it_needs(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_T)
    dialog = board.keys.dialog
    assert isinstance(dialog, TeamDialog)
    teams = [dialog.teams.item(row).text() for row in range(min(dialog.teams.count(), 9))]
    row = next(row for row, text in enumerate(teams) if text.endswith("pas de garde"))
    team = teams[row].split("   ", 1)[1].split(" · ")[0]
    press(qtbot, dialog, Qt.Key(Qt.Key.Key_1 + row))
    assert dialog.teams.selectedItems() == [dialog.teams.item(row)]
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is dialog
    refused = f"{team} n'est pas de garde dans ce secteur\u00a0: donnez une raison courte."
    assert dialog.problem.text() == refused
    reason = dialog.fields.reason_edit
    assert reason.hasFocus()
    assert reason.accessibleDescription().startswith(refused)
    assert status_of(live_desk, incident) == before

    typed = QApplication.focusWidget()
    assert typed is not None
    qtbot.keyClicks(typed, "Équipe du secteur en intervention")
    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    assert column(board, BoardColumn.TEAM) == [team]
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    routed = [line for line in detail.timeline if line.new_value == "routed"]
    assert [line.reason for line in routed] == ["Équipe du secteur en intervention"]
