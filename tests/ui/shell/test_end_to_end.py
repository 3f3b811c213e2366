"""A night call from the crew's phone to its closure, keyboard only, in the real window."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.codes import Outcome, Status
from operline.db.engine import Database
from operline.db.models import Incident
from operline.drafts import DraftStore
from operline.incidents.places import report_free_places
from operline.incidents.timeline import read_incident
from operline.roster.engine import on_duty_teams
from operline.roster.store import load_roster
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner
from tests.actors import WORKSTATION
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, Keyboard, fill_desk, focused

#: From Ctrl+N to the call routed, keys outside free text (place, notes).
KEY_BUDGET = 15

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


def test_an_urgent_call_in_stalingrad_is_logged_routed_and_closed_from_the_keyboard(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    desk = fill_desk(sqlite_database)
    report_free_places(
        sqlite_database,
        desk.places[ref.ESPACE_DE_REPOS],
        4,
        actor=desk.operator.at(WORKSTATION),
        reported_at=NOW - timedelta(hours=1),
    )
    clock = Clock(NOW)
    session = DeskSession()
    session.set_operator(desk.operator)
    window = MainWindow(
        sqlite_database,
        runner=ImmediateRunner(sqlite_database),
        actor="test",
        clock=clock,
        session=session,
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    keys = Keyboard(qtbot, window)

    # The crew calls: an urgent call in Stalingrad, logged and routed.
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is window.desk
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    keys.type("Rotonde, côté quai de la Seine", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)  # person in distress / unwell
    keys.press(Qt.Key.Key_U)  # urgent
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.desk.routing.table
    keys.press(Qt.Key.Key_Return)  # the suggested team, first on duty
    assert keys.counted <= KEY_BUDGET

    # Then followed on the open calls, one key a stage.
    keys.press(Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is window.calls
    assert window.calls.model.rowCount() == 1
    acknowledged_at = NOW + timedelta(minutes=3)
    clock.now = acknowledged_at
    keys.press(Qt.Key.Key_A)
    on_scene_at = NOW + timedelta(minutes=14)
    clock.now = on_scene_at
    keys.press(Qt.Key.Key_S)
    closed_at = NOW + timedelta(minutes=41)
    clock.now = closed_at
    keys.press(Qt.Key.Key_C)
    keys.press(Qt.Key.Key_2)  # oriented: the places with room come first
    keys.press(Qt.Key.Key_1)  # the Espace de repos, 4 places free
    keys.press(Qt.Key.Key_Return)
    assert window.calls.model.rowCount() == 0

    with sqlite_database.read() as reading:
        (incident_id,) = reading.scalars(select(Incident.id)).all()
        first_call = on_duty_teams(load_roster(reading), desk.sectors[ref.STALINGRAD], NOW)[0]
    detail = read_incident(sqlite_database, incident_id, actor=desk.actor, now=closed_at)
    assert (detail.status, detail.outcome, detail.facility) == (
        Status.CLOSED,
        Outcome.ORIENTED,
        ref.ESPACE_DE_REPOS,
    )
    assert detail.location == "Rotonde, côté quai de la Seine"
    assert detail.team == first_call.name
    stages = [
        (line.new_value, line.at, line.operator)
        for line in detail.timeline
        if line.kind.value in ("created", "stage")
    ]
    name = desk.operator.name
    assert stages == [
        ("new", NOW, name),
        ("routed", NOW, name),
        ("acknowledged", acknowledged_at, name),
        ("on_scene", on_scene_at, name),
        ("closed", closed_at, name),
    ]
