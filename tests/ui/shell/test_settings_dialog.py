"""The desk's settings dialog: an administrator reads and changes them; a bad value is told."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from pytestqt.qtbot import QtBot

from operline.changes import Changes
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.operators import OperatorInfo
from operline.settings import read_settings
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.settings_dialog import SettingsDialog
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner
from tests.actors import signed_in
from tests.ui.conftest import DESK_SCREEN_WIDTH, NOW, desk_context


def _dialog(qtbot: QtBot, database: Database, heard: list[Changes]) -> SettingsDialog:
    desk = desk_context(database, lambda: NOW)
    desk.changes.changed.connect(heard.append)
    administrator = signed_in(database, "Claire Dumont", OperatorRole.ADMINISTRATOR)
    dialog = SettingsDialog(desk, actor=administrator)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_administrator_changes_the_delays_and_the_phone(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    heard: list[Changes] = []
    dialog = _dialog(qtbot, sqlite_database, heard)
    fields = dialog.fields
    assert fields["alerts.urgent_ack_minutes"].text() == "5"
    assert fields["desk.supervisor_phone"].text() == ""
    assert dialog.windowTitle() == "Réglages du plateau"

    fields["alerts.urgent_ack_minutes"].setText("8")
    fields["desk.supervisor_phone"].setText("01 99 00 01 99")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    settings = read_settings(sqlite_database)
    assert settings.urgent_ack_minutes == 8
    assert settings.supervisor_phone == "+33199000199"
    assert settings.normal_ack_minutes == 15  # untouched
    assert heard == [Changes(settings=True)]
    assert not dialog.isVisible()


def test_the_undo_window_is_a_field_of_the_dialog_like_the_others(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    heard: list[Changes] = []
    dialog = _dialog(qtbot, sqlite_database, heard)
    field = dialog.fields["desk.undo_minutes"]
    assert field.text() == "5"
    assert field.accessibleName() == "Une étape s'annule (Ctrl+Z) pendant (minutes)"
    dialog.resize(DESK_SCREEN_WIDTH, dialog.sizeHint().height())
    assert dialog.sizeHint().width() <= DESK_SCREEN_WIDTH

    field.setText("10")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    assert read_settings(sqlite_database).undo_minutes == 10
    assert heard == [Changes(settings=True)]


def test_a_value_out_of_range_is_told_and_nothing_is_written(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    heard: list[Changes] = []
    dialog = _dialog(qtbot, sqlite_database, heard)
    dialog.fields["alerts.normal_ack_minutes"].setText("500")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    problem = dialog.findChild(QLabel, "settingsProblem")
    assert problem is not None
    assert problem.isVisible()
    assert problem.text().startswith(
        "Non enregistré\u00a0: la valeur de «\u00a0Appel normal en orange après"
    )
    assert problem.text().endswith("(500 n'est pas entre 1 et 240\u00a0minutes).")
    assert dialog.isVisible()
    assert dialog.fields["alerts.normal_ack_minutes"].text() == "500"  # kept to correct
    assert read_settings(sqlite_database).normal_ack_minutes == 15
    assert heard == []


def test_one_refused_value_keeps_the_others_unsaved_and_the_fields_as_typed(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    heard: list[Changes] = []
    dialog = _dialog(qtbot, sqlite_database, heard)
    # The good value comes first in the dialog: it must not be saved alone.
    dialog.fields["alerts.urgent_ack_minutes"].setText("8")
    dialog.fields["alerts.normal_ack_minutes"].setText("500")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    settings = read_settings(sqlite_database)
    assert (settings.urgent_ack_minutes, settings.normal_ack_minutes) == (5, 15)
    assert dialog.fields["alerts.urgent_ack_minutes"].text() == "8"
    assert heard == []

    dialog.fields["alerts.normal_ack_minutes"].setText("20")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    settings = read_settings(sqlite_database)
    assert (settings.urgent_ack_minutes, settings.normal_ack_minutes) == (8, 20)
    assert heard == [Changes(settings=True)]


@pytest.mark.parametrize(
    ("key", "typed", "reason"),
    [
        ("desk.late_entry_hours", "six", "(six n'est pas un nombre entier)."),
        ("desk.late_entry_hours", "0", "(0 n'est pas entre 1 et 72\u00a0heures)."),
        ("desk.supervisor_phone", "01 99", "(01 99 n'est pas un numéro de téléphone)."),
    ],
)
def test_each_refusal_is_told_in_french_with_the_value_typed(
    qtbot: QtBot,
    sqlite_database: Database,
    french: InstalledLanguage,
    key: str,
    typed: str,
    reason: str,
) -> None:
    dialog = _dialog(qtbot, sqlite_database, [])
    dialog.fields[key].setText(typed)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    problem = dialog.findChild(QLabel, "settingsProblem")
    assert problem is not None
    assert problem.text().endswith(reason)
    assert "is not" not in problem.text()


@pytest.mark.parametrize("role", [OperatorRole.OPERATOR, OperatorRole.SUPERVISOR])
def test_an_operator_or_a_supervisor_sees_why_the_settings_are_greyed(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage, role: OperatorRole
) -> None:
    operator = signed_in(sqlite_database, "Inès Martin", role)
    session = DeskSession()
    session.set_operator(OperatorInfo(operator.operator_id or 0, operator.name, operator.role))
    window = MainWindow(
        sqlite_database,
        runner=ImmediateRunner(sqlite_database),
        actor="test",
        clock=lambda: NOW,
        session=session,
    )
    qtbot.addWidget(window)

    assert not window.settings_action.isEnabled()
    assert window.settings_action.toolTip() == (
        "Inès Martin n'est pas administrateur\u00a0: seul un administrateur peut modifier "
        "les réglages."
    )
