"""One name per field of a call: the form, the call's sheet, the board and the history agree."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel
from pytestqt.qtbot import QtBot

from operline.day_log import LogField
from operline.db.engine import Database
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.board.model import BoardColumn
from operline.ui.history.model import HistoryColumn
from operline.ui.history.model import column_title as history_title
from operline.ui.intake.call_form import NewCallForm
from operline.ui.journal.correction_dialog import field_name
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import Clock, log, make_live_desk, open_board, press


def _shown(label: QLabel) -> str:
    """A label as the operator reads it: without the '&' of its Alt letter."""
    return label.text().replace("&", "")


def _sheet_label(dialog: IncidentDetailDialog, field: str) -> str:
    value = dialog.fields[field]
    for form in dialog.findChildren(QFormLayout):
        label = form.labelForField(value)
        if isinstance(label, QLabel):
            return label.text()
    raise AssertionError(f"no label beside {field}")


@pytest.mark.usefixtures("french")
def test_the_form_the_sheet_the_board_and_the_history_name_each_field_alike(
    qtbot: QtBot, database: Database
) -> None:
    desk: Desk = make_live_desk(database)
    form = NewCallForm(clock=Clock(NOW))
    qtbot.addWidget(form)
    labels = {label.objectName(): _shown(label) for label in form.findChildren(QLabel)}
    assert labels["locationLabel"] == "Lieu"
    assert labels["personsLabel"] == "Personnes"
    assert labels["caller_serviceLabel"] == "Équipage appelant"
    assert form.caller_service.accessibleName() == "Équipage appelant"
    assert form.location.accessibleName() == "Lieu"
    assert form.persons.accessibleName() == "Personnes"

    log(desk, 5, location="Sortie du métro")
    board = open_board(qtbot, desk, Clock(NOW))
    header = board.model.headerData(BoardColumn.LOCATION, Qt.Orientation.Horizontal)
    assert header == "Lieu"
    press(qtbot, board, Qt.Key.Key_Return)
    sheet = board.keys.dialog
    assert isinstance(sheet, IncidentDetailDialog)
    assert _sheet_label(sheet, "location") == "Lieu"
    assert _sheet_label(sheet, "persons") == "Personnes"
    assert _sheet_label(sheet, "caller") == "Équipage appelant"
    assert _sheet_label(sheet, "place") == "Lieu d'orientation"
    press(qtbot, sheet, Qt.Key.Key_Escape)

    assert history_title(HistoryColumn.LOCATION) == "Lieu"
    assert field_name(LogField.CALLER) == "Équipage appelant"
    assert field_name(LogField.LOCATION) == "Lieu"
    assert field_name(LogField.PERSONS) == "Personnes"


@pytest.mark.usefixtures("french")
def test_no_screen_says_service_appelant_or_lieu_precis() -> None:
    french = Path(__file__).parents[3] / "resources" / "translations" / "operline_fr.ts"
    text = french.read_text(encoding="utf-8")
    for variant in (
        "Service appelant",
        "ervice appelant",
        "Lieu précis",
        "Nombre de personnes",
        "Structure d&apos;orientation",
    ):
        assert variant not in text


def test_the_french_writes_ctrl_entree_one_way() -> None:
    french = Path(__file__).parents[3] / "resources" / "translations" / "operline_fr.ts"
    translations = re.findall(r"<translation>([^<]*)</translation>", french.read_text("utf-8"))
    enter = re.compile(r"Ctrl\s*\+\s*(Entr[ée]e|Enter|Return|Retour)", re.IGNORECASE)
    written = {match.group(0) for text in translations for match in enter.finditer(text)}
    assert written <= {"Ctrl+Entrée"}
