"""The routing panel: the sector's teams first call first, phones to read, one key to route."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Category, Status
from operline.db.engine import Database
from operline.incidents.intake import CallForm, LoggedCall, log_call
from operline.incidents.stages import IncidentState
from operline.ui.intake.routing_panel import RoutingPanel
from operline.ui.intake.routing_panel_model import RoutingColumn
from operline.ui.tasks import TaskRunner, _Task
from tests.incidents.conftest import NOW
from tests.ui.conftest import desk_context
from tests.ui.desk_helpers import SUNDAY_MORNING, Clock, FilledDesk, Keyboard, fill_desk


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


def _panel(qtbot: QtBot, desk: FilledDesk, clock: Clock) -> RoutingPanel:
    panel = RoutingPanel(desk_context(desk.database, clock, lambda: desk.operator))
    qtbot.addWidget(panel)
    panel.resize(560, 420)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    return panel


def _lines(panel: RoutingPanel) -> list[list[str]]:
    model = panel.model
    return [
        [model.index(row, column).data() for column in RoutingColumn]
        for row in range(model.rowCount())
    ]


def _label(panel: RoutingPanel, name: str) -> QLabel:
    found = panel.findChild(QLabel, name)
    assert found is not None
    return found


def _log(desk: FilledDesk, sector: str, at: datetime = NOW) -> LoggedCall:
    form = CallForm(received_at=at, sector_id=desk.sectors[sector], category=Category.DISTRESS)
    return log_call(desk.database, form, actor=desk.actor, now=at)


@pytest.mark.usefixtures("english")
def test_the_sectors_teams_show_first_call_first_with_readable_phones(
    qtbot: QtBot, desk: FilledDesk, qtmodeltester: ModelTester
) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    assert panel.model.rowCount() == 0
    assert _label(panel, "routingWarning").text() == (
        "Choose the sector: its teams on duty appear here."
    )

    panel.show_sector(desk.sectors[ref.STALINGRAD], NOW)

    assert _lines(panel) == [
        [ref.MARAUDE_NUIT, "first call", "01 99 00 51 03", "08:00"],
        [ref.FLUID_CRACK, "backup", "01 99 00 01 42", "00:00"],
    ]
    assert _label(panel, "routingWarning").isHidden()
    assert _label(panel, "routingHeading").text() == "Teams on duty at 22:00"
    qtmodeltester.check(panel.model)


@pytest.mark.usefixtures("english")
def test_ctrl_c_copies_the_selected_teams_phone(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    panel.show_sector(desk.sectors[ref.STALINGRAD], NOW)
    notices: list[str] = []
    panel.notice.connect(notices.append)
    panel.table.setFocus()
    keys = Keyboard(qtbot, panel)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Down)  # the backup

    keys.press(Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == "01 99 00 01 42"
    assert notices == [f"Phone of {ref.FLUID_CRACK} copied: 01 99 00 01 42"]


@pytest.mark.usefixtures("english")
def test_every_team_can_be_shown_with_one_key(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    panel.show_sector(desk.sectors[ref.STALINGRAD], NOW)
    panel.table.setFocus()

    Keyboard(qtbot, panel).press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)

    assert panel.all_teams.isChecked()
    lines = _lines(panel)
    assert len(lines) == len(ref.TEAMS)
    assert lines[0][:2] == [ref.MARAUDE_NUIT, "first call"]
    assert [ref.UASA_1, "not on duty"] in [line[:2] for line in lines]


@pytest.mark.usefixtures("english")
def test_nobody_on_duty_is_said_in_red_with_the_neighbours_teams(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    panel = _panel(qtbot, desk, Clock(SUNDAY_MORNING))

    panel.show_sector(desk.sectors[ref.QUAIS_OURCQ], SUNDAY_MORNING)

    warning = _label(panel, "routingWarning")
    assert warning.isVisible()
    assert warning.text() == "⚠ No team on duty for this sector"
    lines = _lines(panel)
    assert lines[:2] == [
        [ref.MARAUDE_STALINGRAD, f"on duty in {ref.STALINGRAD}", "01 99 00 51 01", "20:00"],
        [ref.MARAUDE_CHAPELLE, f"on duty in {ref.ROSA_PARKS}", "01 99 00 51 02", "20:00"],
    ]
    assert [ref.MARAUDE_NUIT, "not on duty", "01 99 00 51 03", ""] in lines


@pytest.mark.usefixtures("english")
def test_backups_only_is_said_apart(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))

    panel.show_sector(desk.sectors[ref.HORS_SECTEUR], NOW)

    warning = _label(panel, "routingWarning")
    assert warning.text() == "No first-call team on duty: backups only"
    assert _lines(panel)[0][:2] == [ref.FLUID_CRACK, "backup"]


@pytest.mark.usefixtures("english")
def test_enter_routes_the_saved_call_and_says_so(qtbot: QtBot, desk: FilledDesk) -> None:
    clock = Clock(NOW + timedelta(minutes=1))
    panel = _panel(qtbot, desk, clock)
    call = _log(desk, ref.STALINGRAD)
    routed: list[IncidentState] = []
    panel.routed.connect(routed.append)

    panel.route_call(call)
    assert _label(panel, "routingPending").text() == (
        f"{call.reference} saved: call the team, then Enter to record it."
    )
    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)

    [state] = routed
    assert (state.status, state.assigned_team_id) == (
        Status.ROUTED,
        desk.teams[ref.MARAUDE_NUIT],
    )
    assert state.routed_at == clock.now
    assert _label(panel, "routingOutcome").text() == (
        f"✔ {call.reference}: {ref.MARAUDE_NUIT} contacted at 22:01."
    )
    assert _label(panel, "routingPending").isHidden()
    assert panel.pending is None


@pytest.mark.usefixtures("english")
def test_enter_without_a_saved_call_routes_nothing(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    panel.show_sector(desk.sectors[ref.STALINGRAD], NOW)
    panel.table.setFocus()

    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)

    assert _label(panel, "routingProblem").text().startswith("⚠ Save the call first")


@pytest.mark.usefixtures("english")
def test_a_call_changed_at_another_desk_is_not_routed_twice(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    call = _log(desk, ref.STALINGRAD)
    other = RoutingPanel(desk_context(desk.database, Clock(NOW), lambda: desk.operator))
    qtbot.addWidget(other)
    other.route_call(call)
    other.route_selected()  # another desk routed it meanwhile

    panel.route_call(call)
    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)

    assert _label(panel, "routingProblem").text() == (
        f"⚠ {call.reference} was changed at another desk meanwhile: "
        "the call now and your entry are shown side by side."
    )
    assert panel.conflict is not None  # both versions, side by side


@pytest.mark.usefixtures("english")
def test_typing_a_new_calls_sector_lets_the_unrouted_call_wait_on_the_board(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    call = _log(desk, ref.STALINGRAD)
    notices: list[str] = []
    panel.notice.connect(notices.append)
    panel.route_call(call)

    panel.show_sector(None, NOW)  # the form was emptied for the next call
    assert panel.pending == call
    panel.show_sector(desk.sectors[ref.EOLE], NOW)

    assert panel.pending is None
    assert notices == [f"{call.reference} was not routed: it waits on the live board."]


@pytest.mark.usefixtures("english")
def test_a_routing_problem_goes_once_its_cause_is_fixed(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    problem = _label(panel, "routingProblem")
    panel.show_sector(desk.sectors[ref.STALINGRAD], NOW)
    panel.table.setFocus()
    keys = Keyboard(qtbot, panel)
    keys.press(Qt.Key.Key_Return)
    assert problem.isVisible()  # save the call first

    panel.route_call(_log(desk, ref.STALINGRAD))  # the call is saved: that no longer applies
    assert not problem.isVisible()

    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    off_duty = next(row for row, line in enumerate(_lines(panel)) if line[1] == "not on duty")
    panel.table.setCurrentIndex(panel.model.index(off_duty, RoutingColumn.TEAM))
    keys.press(Qt.Key.Key_Return)
    assert problem.isVisible()  # a team not on duty here needs a reason
    assert panel.pending is not None
    assert panel.reason.hasFocus()

    keys.type("Maraude injoignable")
    assert not problem.isVisible()
    assert panel.pending is not None  # nothing recorded until Enter


class _HeldRunner(TaskRunner):
    """Keeps the work asked until the test lets it run, as a slow database would."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self.held: list[_Task[Any]] = []

    def _start(self, task: _Task[Any]) -> None:
        self.held.append(task)

    def release(self) -> None:
        while self.held:
            task = self.held.pop(0)
            self._perform(task)
            self._answer(task)


@pytest.mark.usefixtures("english")
def test_a_team_not_on_duty_takes_the_typing_to_the_reason_at_once(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    runner = _HeldRunner(desk.database)
    context = desk_context(desk.database, Clock(NOW), lambda: desk.operator)
    panel = RoutingPanel(replace(context, runner=runner))
    qtbot.addWidget(panel)
    panel.resize(560, 420)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.route_call(_log(desk, ref.STALINGRAD))
    runner.release()
    keys = Keyboard(qtbot, panel)
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    runner.release()
    off_duty = next(row for row, line in enumerate(_lines(panel)) if line[1] == "not on duty")
    panel.table.setCurrentIndex(panel.model.index(off_duty, RoutingColumn.TEAM))
    panel.table.setFocus()

    keys.press(Qt.Key.Key_Return)
    assert panel.reason.hasFocus()  # before the desk has answered
    keys.type("Maraude")
    runner.release()  # the desk asks for the reason
    problem = _label(panel, "routingProblem")
    assert problem.isVisible()
    assert problem.text().endswith("is not on duty in this sector: give a short reason.")
    assert panel.reason.hasFocus()
    keys.type(" injoignable")
    assert panel.reason.text() == "Maraude injoignable"  # nothing typed was lost

    keys.press(Qt.Key.Key_Return)
    runner.release()
    assert panel.pending is None  # routed, with the reason


@pytest.mark.usefixtures("english")
def test_the_team_chosen_stays_chosen_when_the_teams_are_read_again(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    clock = Clock(NOW + timedelta(minutes=1))
    panel = _panel(qtbot, desk, clock)
    call = _log(desk, ref.STALINGRAD)
    routed: list[IncidentState] = []
    panel.routed.connect(routed.append)
    panel.route_call(call)
    keys = Keyboard(qtbot, panel)
    keys.press(Qt.Key.Key_Down)  # the second team
    second = panel.selected_row()
    assert second is not None
    assert second.team_id != desk.teams[ref.MARAUDE_NUIT]

    # Read again while the call waits for Enter: here every team is asked for (Ctrl+T).
    keys.press(Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert len(_lines(panel)) == len(ref.TEAMS)
    assert panel.selected_row() == second
    keys.press(Qt.Key.Key_Return)

    [state] = routed
    assert state.assigned_team_id == second.team_id


@pytest.mark.usefixtures("english")
def test_a_new_sector_starts_with_no_team_chosen_even_one_on_duty_there_too(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    clock = Clock(NOW + timedelta(minutes=1))
    panel = _panel(qtbot, desk, clock)
    panel.route_call(_log(desk, ref.STALINGRAD))
    keys = Keyboard(qtbot, panel)
    keys.press(Qt.Key.Key_Down)
    chosen = panel.selected_row()
    assert chosen is not None
    keys.press(Qt.Key.Key_Return)  # that team was contacted

    # The next call is in Éole, where the team chosen for Stalingrad is on duty too.
    panel.show_sector(desk.sectors[ref.EOLE], clock())
    assert chosen.name in [line[RoutingColumn.TEAM] for line in _lines(panel)]
    assert panel.selected_row() is None
    eole_call = _log(desk, ref.EOLE)
    panel.route_call(eole_call)
    first = panel.selected_row()
    assert first is not None
    assert first.name == _lines(panel)[0][RoutingColumn.TEAM]
