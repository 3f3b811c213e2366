"""Enter on the board opens the call: its fields and its whole timeline, the opening audited."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.codes import Status
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.incidents.events import EventKind
from operline.incidents.stages import Action, add_note, advance_incident
from operline.incidents.timeline import TimelineLine, read_incident
from operline.operators import acting
from operline.ui.board.incident_detail import (
    IncidentDetailDialog,
    TimelineColumn,
    TimelineModel,
    change_text,
)
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import (
    Clock,
    log,
    make_live_desk,
    open_board,
    operator_of,
    press,
    route,
)


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


def _timeline(dialog: IncidentDetailDialog) -> list[list[str]]:
    model = dialog.timeline_model
    return [
        [model.index(row, column).data() for column in TimelineColumn]
        for row in range(model.rowCount())
    ]


@pytest.mark.usefixtures("french")
def test_enter_opens_the_call_with_its_timeline_in_french(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 20, location="Sortie du métro Stalingrad")
    team = route(live_desk, incident, 18)
    operator = operator_of(live_desk)
    advance_incident(
        live_desk.database,
        incident,
        Status.ACKNOWLEDGED,
        version=2,
        action=Action(
            live_desk.actor,
            NOW - timedelta(minutes=15),
            NOW - timedelta(minutes=5),
            "saisi après coup",
        ),
    )
    add_note(
        live_desk.database,
        incident,
        "Deux personnes, une blessée à la main",
        actor=live_desk.actor,
        now=NOW - timedelta(minutes=4),
    )
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_Return)

    dialog = board.keys.dialog
    assert isinstance(dialog, IncidentDetailDialog)
    assert dialog.field_text("sector") == ref.STALINGRAD
    assert dialog.field_text("location") == "Sortie du métro Stalingrad"
    assert dialog.field_text("team") == team
    assert dialog.field_text("received") == "21:40"
    assert dialog.field_text("acknowledged") == "21:45"
    assert dialog.field_text("persons") == "2"
    assert dialog.field_text("closed") == "—"
    lines = _timeline(dialog)
    times = [line[TimelineColumn.TIME] for line in lines]
    assert times == ["25/11 21:40", "25/11 21:42", "25/11 21:42", "25/11 21:45", "25/11 21:56"]
    changes = [line[TimelineColumn.CHANGE] for line in lines]
    assert changes == [
        "Reçu",
        "Reçu → Équipe contactée",
        team,
        "Équipe contactée → Pris en compte",
        "Deux personnes, une blessée à la main",
    ]
    operators = [line[TimelineColumn.OPERATOR] for line in lines]
    # Routing needs someone signed in, so every line of the timeline names its operator.
    assert operators == [operator.name] * 5
    assert lines[3][TimelineColumn.REASON] == "saisi après coup"
    assert dialog.timeline.hasFocus()

    with live_desk.database.read() as session:
        audits = session.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.target).where(
                AuditLog.action == "incident.view"
            )
        ).all()
    assert audits == [
        (acting(operator).audit_name, "incident.view", board.selected_incident().reference)
    ]

    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert board.keys.dialog is None
    assert board.table.hasFocus()


@pytest.mark.usefixtures("english")
def test_a_double_click_opens_the_call_too(qtbot: QtBot, live_desk: Desk) -> None:
    log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    cell = board.table.visualRect(board.model.index(0, 3)).center()

    # Qt's double click follows a first click on the same cell.
    qtbot.mouseClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(board.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)

    assert isinstance(board.keys.dialog, IncidentDetailDialog)
    assert board.keys.dialog.windowTitle() == f"Call {board.selected_incident().reference}"


@pytest.mark.usefixtures("english")
def test_the_timeline_model_passes_the_model_tester(
    qtmodeltester: ModelTester, live_desk: Desk
) -> None:
    incident = log(live_desk, 20)
    route(live_desk, incident, 18)
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=NOW)
    model = TimelineModel()
    qtmodeltester.check(model)
    model.set_lines(detail.timeline)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.index(0, TimelineColumn.WHAT).data() == "Call logged"
    assert model.index(2, TimelineColumn.WHAT).data() == "Team"


@pytest.mark.usefixtures("english")
def test_changes_read_as_the_desk_names_them() -> None:
    def line(field: str, old: str | None, new: str | None) -> TimelineLine:
        return TimelineLine(NOW, EventKind.UPDATED, None, field, old, new, None)

    assert change_text(line("outcome", None, "oriented")) == "Oriented to a facility"
    assert change_text(line("priority", "normal", "urgent")) == "Normal → Urgent"
    assert change_text(line("category", "care", "minor")) == "Care need → Presumed minor"
    # A code this version does not know is shown as stored, not dropped.
    assert change_text(line("status", "routed", "paused")) == "Team contacted → paused"
    assert change_text(line("location", None, None)) == "—"
