"""Routing from the call form a call another desk changed since it was saved: both versions
side by side; keep the other desk's, or apply the routing over it at the version now current."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.actors import Actor
from operline.codes import Category, OperatorRole, Status
from operline.db.engine import Database
from operline.incidents.conflicts import ConflictField
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind
from operline.incidents.intake import CallForm, LoggedCall, log_call
from operline.incidents.stages import Action, route_incident
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.ui.conflict_dialog import ConflictColumn, ConflictDialog
from operline.ui.intake.routing_panel import RoutingPanel
from tests.actors import WORKSTATION
from tests.incidents.conftest import NOW
from tests.ui.conftest import desk_context
from tests.ui.desk_helpers import Clock, FilledDesk, Keyboard, fill_desk

CTRL = Qt.KeyboardModifier.ControlModifier
#: When the other desk acted: half a minute after the call was saved.
THEN = NOW + timedelta(seconds=30)
#: When this desk presses Enter, the team called.
LATER = NOW + timedelta(minutes=1)


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


def _other_desk(role: OperatorRole = OperatorRole.OPERATOR) -> Actor:
    return Actor(2, "Karim Haddad", role, WORKSTATION)


def _saved_call(qtbot: QtBot, desk: FilledDesk) -> tuple[RoutingPanel, LoggedCall]:
    """The call saved at this desk, its panel waiting for Enter on the first team."""
    form = CallForm(
        received_at=NOW, sector_id=desk.sectors[ref.STALINGRAD], category=Category.DISTRESS
    )
    call = log_call(desk.database, form, actor=desk.actor, now=NOW)
    panel = RoutingPanel(desk_context(desk.database, Clock(LATER), lambda: desk.operator))
    qtbot.addWidget(panel)
    panel.resize(560, 420)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.route_call(call)
    qtbot.waitUntil(lambda: panel.selected_row() is not None)
    return panel, call


def _conflict(qtbot: QtBot, panel: RoutingPanel) -> ConflictDialog:
    dialog = panel.conflict
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _rows(dialog: ConflictDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in ConflictColumn]
        for row in range(model.rowCount())
    ]


def _problem(panel: RoutingPanel) -> str:
    label = panel.findChild(QLabel, "routingProblem")
    assert label is not None
    return label.text() if label.isVisible() else ""


def _detail(desk: FilledDesk, call: LoggedCall) -> IncidentDetail:
    return read_incident(desk.database, call.incident_id, actor=desk.actor, now=LATER)


def _correct_location(desk: FilledDesk, call: LoggedCall) -> None:
    """A supervisor at another desk corrects where the crew is, before the call is routed."""
    correct_incident(
        desk.database, call.incident_id,
        Correction(LogField.LOCATION, "Angle rue de Flandre", "Lieu précisé par l'équipage"),
        version=call.version, actor=_other_desk(OperatorRole.SUPERVISOR), now=THEN,
    )  # fmt: skip


@pytest.mark.usefixtures("french")
def test_the_routing_of_a_call_corrected_meanwhile_shows_both_and_applies_over_it(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    panel, call = _saved_call(qtbot, desk)
    _correct_location(desk, call)

    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)

    dialog = _conflict(qtbot, panel)
    assert _problem(panel) == (
        f"⚠ {call.reference} a été modifié à un autre poste entre-temps\u00a0: "
        "l'appel actuel et votre saisie sont affichés côte à côte."
    )
    assert dialog.sentence.text() == (
        f"Karim Haddad a modifié {call.reference} à un autre poste à 22:00, "
        "avant l'enregistrement de votre saisie."
    )
    assert _rows(dialog)[0] == ["Étape (diffère)", "Reçu", "Équipe contactée"]
    assert dialog.conflict.fields[-1] == ConflictField("assigned_team_id", None, ref.MARAUDE_NUIT)
    assert _detail(desk, call).status is Status.NEW

    Keyboard(qtbot, panel).press(Qt.Key.Key_Return, CTRL)

    assert panel.conflict is None
    detail = _detail(desk, call)
    assert (detail.status, detail.routed_at) == (Status.ROUTED, LATER)
    assert detail.location == "Angle rue de Flandre"  # the correction stands beneath
    outcome = panel.findChild(QLabel, "routingOutcome")
    assert outcome is not None
    assert outcome.isVisible()
    assert outcome.text() == f"✔ {call.reference}\u00a0: {ref.MARAUDE_NUIT} contactée à 22:01."
    assert panel.pending is None
    kinds = [line.kind for line in detail.timeline]
    assert kinds.index(EventKind.CONFLICT) < kinds.index(EventKind.ASSIGNED)


@pytest.mark.usefixtures("french")
def test_keeping_the_current_version_leaves_the_call_waiting_for_its_team(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    panel, call = _saved_call(qtbot, desk)
    _correct_location(desk, call)
    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)
    assert _conflict(qtbot, panel).keep_button.isDefault()

    Keyboard(qtbot, panel).press(Qt.Key.Key_Escape)  # to the dialog, the active window

    assert panel.conflict is None
    assert _detail(desk, call).status is Status.NEW
    assert panel.pending is not None  # still waiting, at the version now current
    assert panel.table.hasFocus()
    # Enter once the operator has looked: the team is recorded, no second conflict.
    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)
    assert panel.conflict is None
    assert _detail(desk, call).status is Status.ROUTED


@pytest.mark.usefixtures("french")
def test_applying_over_a_call_already_routed_elsewhere_says_why_it_cannot(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    panel, call = _saved_call(qtbot, desk)
    # The other desk routed it from the board, to another team.
    route_incident(
        desk.database, call.incident_id, desk.teams[ref.FLUID_CRACK], version=call.version,
        action=Action(_other_desk(), THEN, THEN),
    )  # fmt: skip
    Keyboard(qtbot, panel).press(Qt.Key.Key_Return)
    dialog = _conflict(qtbot, panel)
    team_row = next(row for row in _rows(dialog) if row[1] == ref.FLUID_CRACK)
    assert team_row[2] == ref.MARAUDE_NUIT

    dialog.apply_button.click()

    assert panel.conflict is None
    assert _problem(panel).startswith(f"⚠ {call.reference} est à l'étape Équipe contactée")
    detail = _detail(desk, call)
    assert detail.status is Status.ROUTED
    assert detail.routed_at == THEN  # the other desk's routing stands
