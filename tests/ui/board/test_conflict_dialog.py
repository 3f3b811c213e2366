"""Two desks on one call: the board still showing the old version gets both versions side
by side, keeps the other desk's or applies its own entry over it; nothing is lost."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from pytestqt.qtbot import QtBot

from operline.actors import Actor
from operline.codes import OperatorRole, Outcome, Status
from operline.db.engine import Database
from operline.incidents.conflicts import Conflict, ConflictField
from operline.incidents.events import EventKind
from operline.incidents.stages import Action, advance_incident, close_incident, reassign_incident
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.ui.board.live_board import LiveBoard
from operline.ui.board.team_choices import CloseDialog
from operline.ui.conflict_dialog import ConflictColumn, ConflictDialog
from tests.actors import WORKSTATION
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_dialog_titles import fits
from tests.ui.board.test_live_board import Clock, log, make_live_desk, open_board, press, route
from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK

#: When the other desk acted: a minute before the board's operator does.
EARLIER = NOW - timedelta(minutes=1)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


def other_desk(desk: Desk) -> Actor:
    """Karim Haddad, at another desk than the board's operator (Claire Dumont)."""
    return Actor(2, "Karim Haddad", OperatorRole.OPERATOR, WORKSTATION)


def detail_of(desk: Desk, incident: int) -> IncidentDetail:
    return read_incident(desk.database, incident, actor=desk.actor, now=NOW)


def rows(dialog: ConflictDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in ConflictColumn]
        for row in range(model.rowCount())
    ]


def bold_rows(dialog: ConflictDialog) -> list[int]:
    model = dialog.model
    bold = []
    for row in range(model.rowCount()):
        font = model.index(row, ConflictColumn.FIELD).data(Qt.ItemDataRole.FontRole)
        if isinstance(font, QFont) and font.bold():
            bold.append(row)
    return bold


def conflict_shown(qtbot: QtBot, board: LiveBoard) -> ConflictDialog:
    dialog = board.keys.dialog
    assert isinstance(dialog, ConflictDialog)
    qtbot.waitExposed(dialog)
    return dialog


def close_as_taken_in_charge(qtbot: QtBot, board: LiveBoard) -> None:
    press(qtbot, board, Qt.Key.Key_C)
    closing = board.keys.dialog
    assert isinstance(closing, CloseDialog)
    press(qtbot, closing, Qt.Key.Key_1)  # taken in charge
    press(qtbot, closing, Qt.Key.Key_Return)


@pytest.mark.usefixtures("french")
def test_the_second_acknowledgement_shows_both_versions_and_escape_keeps_the_first(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))  # reads the call at version 2
    advance_incident(
        live_desk.database, incident, Status.ACKNOWLEDGED, version=2,
        action=Action(other_desk(live_desk), EARLIER, EARLIER),
    )  # fmt: skip

    press(qtbot, board, Qt.Key.Key_A)

    dialog = conflict_shown(qtbot, board)
    reference = detail_of(live_desk, incident).reference
    assert dialog.windowTitle() == "Appel modifié à un autre poste"
    assert dialog.sentence.text() == (
        f"Karim Haddad a modifié {reference} à un autre poste à 21:59, "
        "avant l'enregistrement de votre saisie."
    )
    headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in ConflictColumn]
    assert headers == ["Champ", "Maintenant", "Votre saisie"]
    assert rows(dialog) == [
        ["Étape", "Pris en compte", "Pris en compte"],
        ["Heure de prise en compte (diffère)", "21:59", "22:00"],
    ]
    assert bold_rows(dialog) == [1]
    assert dialog.keep_button.isDefault()
    assert dialog.keep_button.text() == "Garder la version actuelle"
    assert dialog.apply_button.text() == "Appliquer ma saisie"
    assert dialog.table.accessibleName() == (
        "L'appel maintenant, à côté de votre saisie, champ par champ"
    )
    assert dialog.apply_button.accessibleName() == "Appliquer ma saisie"
    assert dialog.apply_button.toolTip() == "Ctrl+Entrée"
    assert fits(dialog) == []
    shots = os.environ.get("OPERLINE_DIALOG_SHOTS")
    if shots:
        dialog.grab().save(f"{shots}/conflict.png")

    press(qtbot, dialog, Qt.Key.Key_Escape)

    assert board.keys.dialog is None
    detail = detail_of(live_desk, incident)
    assert detail.acknowledged_at == EARLIER  # the other desk's acknowledgement stands
    assert detail.version == 3
    refused = [line for line in detail.timeline if line.kind is EventKind.CONFLICT]
    assert {(line.operator, line.field, line.new_value) for line in refused} == {
        ("Claire Dumont", "status", "acknowledged"),
        ("Claire Dumont", "acknowledged_at", NOW.isoformat()),
    }


@pytest.mark.usefixtures("french")
def test_applying_my_closing_over_the_other_desk_s_acknowledgement_keeps_both(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    advance_incident(
        live_desk.database, incident, Status.ACKNOWLEDGED, version=2,
        action=Action(other_desk(live_desk), EARLIER, EARLIER),
    )  # fmt: skip

    close_as_taken_in_charge(qtbot, board)

    dialog = conflict_shown(qtbot, board)
    assert rows(dialog) == [
        ["Étape (diffère)", "Pris en compte", "Clos"],
        ["Heure de clôture (diffère)", "—", "22:00"],
        ["Issue (diffère)", "—", "Prise en charge par l'équipe"],
        ["Lieu d'orientation", "—", "—"],
    ]
    assert bold_rows(dialog) == [0, 1, 2]
    assert dialog.conflict.version == 3
    assert fits(dialog) == []
    shots = os.environ.get("OPERLINE_DIALOG_SHOTS")
    if shots:
        dialog.grab().save(f"{shots}/conflict_closing.png")

    press(qtbot, dialog, Qt.Key.Key_Return, CTRL)

    assert board.keys.dialog is None
    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.outcome) == (Status.CLOSED, Outcome.TAKEN_IN_CHARGE)
    assert detail.acknowledged_at == EARLIER  # the other desk's step is kept beneath
    assert detail.closed_at == NOW
    assert board.message.text() == f"{detail.reference} clos\u00a0: Prise en charge par l'équipe."
    kinds = [line.kind for line in detail.timeline]
    assert EventKind.CONFLICT in kinds
    assert kinds.index(EventKind.CONFLICT) < kinds.index(EventKind.CLOSED)


@pytest.mark.usefixtures("french")
def test_my_entry_applied_after_a_third_change_shows_the_newer_call(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    first_team = route(live_desk, incident, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    other = other_desk(live_desk)
    advance_incident(
        live_desk.database, incident, Status.ACKNOWLEDGED, version=2,
        action=Action(other, EARLIER, EARLIER),
    )  # fmt: skip
    close_as_taken_in_charge(qtbot, board)
    first = conflict_shown(qtbot, board)
    # Meanwhile the other desk hands the call to another team.
    team_id = next(i for name, i in live_desk.teams.items() if name != first_team)
    reassign_incident(
        live_desk.database, incident, team_id, version=3,
        action=Action(other, EARLIER, EARLIER, "Maraude injoignable"),
    )  # fmt: skip

    press(qtbot, first, Qt.Key.Key_Return, CTRL)

    again = conflict_shown(qtbot, board)
    assert again is not first
    assert again.conflict.version == 4
    assert rows(again)[0] == ["Étape (diffère)", "Équipe contactée", "Clos"]
    assert detail_of(live_desk, incident).status is Status.ROUTED

    press(qtbot, again, Qt.Key.Key_Enter, CTRL)

    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.outcome) == (Status.CLOSED, Outcome.TAKEN_IN_CHARGE)
    assert board.keys.dialog is None


@pytest.mark.usefixtures("french")
def test_my_entry_refused_by_the_desk_s_rules_once_applied_says_why(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    close_incident(
        live_desk.database, incident, Outcome.NOT_FOUND, facility_id=None, version=2,
        action=Action(other_desk(live_desk), EARLIER, EARLIER),
    )  # fmt: skip

    press(qtbot, board, Qt.Key.Key_A)
    dialog = conflict_shown(qtbot, board)
    assert rows(dialog)[0] == ["Étape (diffère)", "Clos", "Pris en compte"]
    dialog.apply_button.click()

    reference = detail_of(live_desk, incident).reference
    assert board.keys.dialog is None
    assert board.message.text() == (
        f"{reference} est à l'étape Clos\u00a0: "
        "il ne peut pas être marqué pris en compte maintenant."
    )
    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.outcome) == (Status.CLOSED, Outcome.NOT_FOUND)


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_the_dialog(qtbot: QtBot) -> None:
    conflict = Conflict(
        1, "OPL-2026-000123", 5,
        (
            ConflictField("status", "routed", "closed"),
            ConflictField("closed_at", None, NOW.isoformat()),
            ConflictField("outcome", None, Outcome.ORIENTED.value),
            ConflictField("orientation_facility_id", None, "Espace de repos Porte de la Chapelle"),
        ),
        "Jean-Baptiste Delacroix-Montaigne", EARLIER,
    )  # fmt: skip
    dialog = ConflictDialog(conflict, now=NOW, apply=lambda _version: None)
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()

    assert dialog.windowTitle().endswith(MARK)  # the pseudo-translation is in force
    assert fits(dialog) == []
    for button in (dialog.keep_button, dialog.apply_button):
        assert button.width() >= button.sizeHint().width(), button.text()
    assert dialog.table.horizontalScrollBar().maximum() == 0  # every value read whole
    assert dialog.width() <= DESK_SCREEN_WIDTH
    shots = os.environ.get("OPERLINE_DIALOG_SHOTS")
    if shots:
        dialog.grab().save(f"{shots}/conflict_stretched.png")


@pytest.mark.usefixtures("french")
def test_enter_keeps_the_current_version_as_escape_does(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 5)
    route(live_desk, incident, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    advance_incident(
        live_desk.database, incident, Status.ACKNOWLEDGED, version=2,
        action=Action(other_desk(live_desk), EARLIER, EARLIER),
    )  # fmt: skip
    close_as_taken_in_charge(qtbot, board)
    dialog = conflict_shown(qtbot, board)
    assert dialog.table.hasFocus()

    press(qtbot, dialog, Qt.Key.Key_Return)

    assert board.keys.dialog is None
    detail = detail_of(live_desk, incident)
    assert (detail.status, detail.version) == (Status.ACKNOWLEDGED, 3)
