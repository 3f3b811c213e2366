"""Ctrl+Z on a call another desk changed since the board read it: both versions are shown,
read only; the undo is not applied over the other desk's change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.actors import Actor
from operline.codes import OperatorRole, Status
from operline.db.engine import Database
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind
from operline.incidents.stages import Action, advance_incident
from operline.ui.board.model import BoardColumn
from tests.actors import WORKSTATION
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_conflict_dialog import conflict_shown, detail_of, other_desk, rows
from tests.ui.board.test_live_board import (
    Clock,
    column,
    log,
    make_live_desk,
    open_board,
    press,
    route,
)

CTRL = Qt.KeyboardModifier.ControlModifier
#: When the other desk acted: a minute after this desk's acknowledgement.
THEN = NOW + timedelta(minutes=1)


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


@pytest.mark.usefixtures("french")
def test_an_undo_over_another_desk_s_step_shows_both_versions_and_applies_nothing(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    press(qtbot, board, Qt.Key.Key_A)  # acknowledged here, at version 3
    assert column(board, BoardColumn.STAGE) == ["Pris en compte"]
    # Karim Haddad, at another desk, records the team on scene a minute later.
    advance_incident(
        live_desk.database, incident, Status.ON_SCENE, version=3,
        action=Action(other_desk(live_desk), THEN, THEN),
    )  # fmt: skip
    clock.advance(2)

    press(qtbot, board, Qt.Key.Key_Z, CTRL)

    dialog = conflict_shown(qtbot, board)
    reference = detail_of(live_desk, incident).reference
    assert board.message.text() == (
        f"{reference} a été modifié à un autre poste entre-temps\u00a0: "
        "l'appel actuel et votre saisie sont affichés côte à côte."
    )
    assert dialog.sentence.text() == (
        f"Karim Haddad a modifié {reference} à un autre poste à 22:01, "
        "avant l'enregistrement de votre saisie."
    )
    # Beside the call now: what taking back this desk's acknowledgement would have left.
    assert rows(dialog) == [
        ["Étape (diffère)", "Sur place", "Équipe contactée"],
        ["Heure de prise en compte (diffère)", "22:00", "—"],
    ]
    assert dialog.apply_button.isHidden()
    assert dialog.keys.text() == "Échap\u00a0: garder la version actuelle"
    assert "appuyez de nouveau sur Ctrl+Z" in dialog.legend.text()

    press(qtbot, dialog, Qt.Key.Key_Return, CTRL)  # no entry to apply: nothing happens
    assert board.keys.dialog is dialog
    assert detail_of(live_desk, incident).status is Status.ON_SCENE
    press(qtbot, dialog, Qt.Key.Key_Escape)

    assert board.keys.dialog is None
    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.on_scene_at) == (Status.ON_SCENE, THEN)
    assert column(board, BoardColumn.STAGE) == ["Sur place"]
    assert EventKind.UNDO not in [line.kind for line in detail.timeline]
    refused = [line for line in detail.timeline if line.kind is EventKind.CONFLICT]
    assert {(line.operator, line.field, line.new_value) for line in refused} == {
        ("Claire Dumont", "status", "routed"),
        ("Claire Dumont", "acknowledged_at", None),
    }

    # Pressed again after looking, Ctrl+Z meets the other desk's step: not this desk's.
    press(qtbot, board, Qt.Key.Key_Z, CTRL)
    assert board.keys.dialog is None
    assert board.message.text() == (
        f"{reference}\u00a0: la dernière étape a été enregistrée par Karim Haddad\u00a0; "
        "seule cette personne peut l'annuler."
    )
    assert detail_of(live_desk, incident).status is Status.ON_SCENE


@pytest.mark.usefixtures("french")
def test_after_a_correction_ctrl_z_pressed_again_undoes_the_call_as_it_is_now(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    press(qtbot, board, Qt.Key.Key_A)
    supervisor = Actor(2, "Karim Haddad", OperatorRole.SUPERVISOR, WORKSTATION)
    correct_incident(
        live_desk.database, incident,
        Correction(LogField.LOCATION, "Angle rue de Flandre", "Lieu précisé par l'équipage"),
        version=3, actor=supervisor, now=THEN,
    )  # fmt: skip
    clock.advance(2)

    press(qtbot, board, Qt.Key.Key_Z, CTRL)
    dialog = conflict_shown(qtbot, board)
    assert rows(dialog)[0] == ["Étape (diffère)", "Pris en compte", "Équipe contactée"]
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert detail_of(live_desk, incident).status is Status.ACKNOWLEDGED

    press(qtbot, board, Qt.Key.Key_Z, CTRL)  # on the call as the board now shows it

    assert board.keys.dialog is None
    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.acknowledged_at) == (Status.ROUTED, None)
    assert detail.location == "Angle rue de Flandre"  # the correction stands
    assert board.message.text() == (
        f"Dernière étape annulée\u00a0: {detail.reference} revient à l'étape "
        "«\u00a0Équipe contactée\u00a0»."
    )
