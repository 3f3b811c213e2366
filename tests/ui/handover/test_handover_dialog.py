"""The shift handover (Ctrl+L) as the two operators live it, from the keyboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from operline.changes import Changes
from operline.codes import OperatorRole, Priority
from operline.db.engine import Database
from operline.db.models import Handover, Operator
from operline.demo.accounts import create_demo_accounts
from operline.handover import handovers_of_day
from operline.logins import set_password
from operline.operators import OperatorInfo, add_operator
from operline.ui import palette
from operline.ui.board.stage_dialogs import NoteDialog
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.handover.dialog import HandoverDialog, Step
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner
from tests.actors import COMMAND_LINE, PASSWORD
from tests.test_handover_summary import (
    NOW,
    Call,
    fill_night,
    fill_out_of_sector,
    report,
    store_calls,
)
from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK, close_next_modal
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, Keyboard, focused, type_into

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

WORKSTATION = "poste-1"
NB = "\u00a0"


@dataclass(frozen=True)
class Night:
    database: Database
    ines: OperatorInfo
    karim: OperatorInfo
    session: DeskSession
    clock: Clock

    def context(self) -> DeskContext:
        session = self.session
        return DeskContext(
            ImmediateRunner(self.database),
            self.clock,
            session,
            ChangeBus(),
            lambda: session().at(WORKSTATION),  # type: ignore[union-attr]
        )


@pytest.fixture
def night(sqlite_database: Database) -> Night:
    """06:50, Inès Moreau at the desk: five calls open, three late; places, gaps."""
    database = sqlite_database
    fill_night(database)
    people = [
        add_operator(database, name, role, actor=COMMAND_LINE, now=NOW)
        for name, role in (
            ("Inès Moreau", OperatorRole.OPERATOR),
            ("Karim Haddad", OperatorRole.OPERATOR),
            ("Claire Dumont", OperatorRole.SUPERVISOR),
        )
    ]
    for person in people:
        set_password(database, person.name, PASSWORD, actor=COMMAND_LINE, now=NOW)
    store_calls(
        database,
        Call("OPL-A", "2026-11-26T06:20", Priority.URGENT),
        Call("OPL-B", "2026-11-26T06:00", acknowledged="2026-11-26T06:10"),
        Call("OPL-C", "2026-11-26T06:30"),
        Call("OPL-D", "2026-11-26T05:00"),
        Call("OPL-E", "2026-11-26T06:48", Priority.URGENT),
    )
    report(database, "Halte de nuit", 0, "2026-11-25T23:40")
    report(database, "Espace de repos", 3, "2026-11-26T02:00")
    report(database, "Hébergement femmes", 4, "2026-11-26T05:00")
    session = DeskSession(workstation=WORKSTATION)
    session.set_operator(people[0])
    return Night(database, people[0], people[1], session, Clock(NOW))


def _dialog(qtbot: QtBot, night: Night) -> HandoverDialog:
    dialog = HandoverDialog(night.context(), session=night.session)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def test_a_sector_without_a_team_is_never_hidden_behind_every_sector(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    fill_out_of_sector(sqlite_database)
    ines = add_operator(
        sqlite_database, "Inès Moreau", OperatorRole.OPERATOR, actor=COMMAND_LINE, now=NOW
    )
    session = DeskSession(workstation=WORKSTATION)
    session.set_operator(ines)
    night = Night(sqlite_database, ines, ines, session, Clock(NOW))

    dialog = _dialog(qtbot, night)

    assert dialog.summary.gap_lines() == [
        f"⚠ Hors secteur{NB}: aucune équipe de premier appel, depuis plus d'une semaine"
    ]


def _handovers(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Handover)) or 0


def test_the_summary_puts_late_calls_first_and_the_red_ones_in_red(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    summary = dialog.summary

    assert summary.call_lines() == [
        ("OPL-A", "‼ Très en retard"),
        ("OPL-D", "‼ Très en retard"),
        ("OPL-C", "⚠ En retard"),
        ("OPL-E", ""),
        ("OPL-B", ""),
    ]
    for row, red in enumerate([True, True, False, False, False]):
        brush = summary.model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole)
        assert (brush is not None and brush.color() == palette.colour("alarm")) is red
    assert summary.calls_title.text() == f"Appels en cours{NB}: 5, dont 3 en retard"
    assert summary.as_of.text() == "État à 06:50"
    assert dialog.heading.text() == f"Inès Moreau passe la main{NB}: ce que reprend la relève"
    assert dialog.note.hasFocus()


def test_the_gaps_of_the_next_12_hours_and_the_places_in_the_desks_words(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    summary = dialog.summary

    assert summary.gaps_title.text() == "Trous de couverture des 12 prochaines heures"
    assert summary.gap_lines() == [
        f"⚠ Éole{NB}: aucune équipe de garde de 08:00 à 20:00 aujourd'hui",
        f"⚠ Rosa Parks{NB}: aucune équipe de garde de 08:00 à 20:00 aujourd'hui",
        f"⚠ Stalingrad{NB}: aucune équipe de garde de 18:30 à 20:00 aujourd'hui",
        f"⚠ Rosa Parks{NB}: une équipe de garde sans téléphone en ce moment, jusqu'à 08:00",
    ]
    assert summary.places_title.text() == "Lieux complets ou sans nouvelles depuis 18:50"
    assert summary.place_lines() == [
        f"Halte de nuit{NB}: complet (signalé à 23:40)",
        f"Accueil de jour médicalisé{NB}: aucun signalement",
        f"ASSORE{NB}: aucun signalement",
        f"Lieux avec des places libres{NB}: 2",
    ]


def test_escape_at_the_note_keeps_the_operator_signed_in_and_writes_nothing(
    qtbot: QtBot, night: Night
) -> None:
    dialog = _dialog(qtbot, night)
    keys = Keyboard(qtbot, dialog)
    keys.type("Rappeler la BAC 19", free_text=True)

    keys.press(Qt.Key.Key_Escape)

    assert not dialog.isVisible()
    assert dialog.result() == HandoverDialog.DialogCode.Rejected
    assert night.session.operator == night.ines
    assert _handovers(night.database) == 0


def test_escape_at_the_name_goes_back_to_the_note_as_typed(qtbot: QtBot, night: Night) -> None:
    dialog = _dialog(qtbot, night)
    keys = Keyboard(qtbot, dialog)
    keys.type("Halte pleine", free_text=True)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.step is Step.WHO
    assert focused() is dialog.picker.name
    # The one handing over is not offered: they cannot take over from themselves.
    assert dialog.picker.listed() == ["Claire Dumont (supervisor)", "Karim Haddad"]

    keys.press(Qt.Key.Key_Escape)

    assert dialog.isVisible()
    assert dialog.step is Step.NOTE
    assert dialog.note.toPlainText() == "Halte pleine"
    assert night.session.operator == night.ines
    assert _handovers(night.database) == 0


def test_on_a_demo_database_the_next_person_reads_whom_to_sign_in_as(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    real = _dialog(qtbot, night)
    Keyboard(qtbot, real).press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert real.step is Step.WHO
    assert not real.demo_banner.isVisible()  # a real desk shows no password
    real.reject()
    accounts = create_demo_accounts(night.database, now=NOW)

    dialog = _dialog(qtbot, night)
    keys = Keyboard(qtbot, dialog)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.step is Step.WHO
    assert dialog.demo_banner.isVisible()
    banner = dialog.demo_banner.text()
    assert banner.startswith("«\u00a0Démonstration\u00a0»\u00a0: base d'exercice")
    assert "Karim Haddad (opérateur)" in banner
    karim = next(a for a in accounts if a.login == "Karim Haddad")
    keys.type("kar")
    keys.press(Qt.Key.Key_Return)
    keys.type(karim.password, free_text=True)
    keys.press(Qt.Key.Key_Return)
    assert night.session.operator == night.karim


def test_a_note_too_long_is_refused_in_a_sentence_and_kept(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    dialog.note.setPlainText("x" * 501)
    assert dialog.count.text() == "501 / 500 caractères"

    Keyboard(qtbot, dialog).press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.step is Step.NOTE
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "⚠ Les consignes de relève tiennent en 500 caractères au plus."
    assert dialog.note.toPlainText() == "x" * 501


def test_the_note_carries_the_same_identity_warning_as_a_calls_note(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    incident = dialog.summary.model.incident(0)
    assert incident is not None
    note_dialog = NoteDialog(incident, lambda _text, _reply: None)
    qtbot.addWidget(note_dialog)

    warning = dialog.findChild(QLabel, "handoverNoteWarning")
    assert warning is not None
    assert warning.isVisible()
    assert warning.text() == note_dialog.findChild(QLabel, "noteWarning").text()
    assert warning.text().startswith("Pas de nom, pas d'identité")


def test_someone_who_left_the_desk_meanwhile_cannot_take_over(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    keys = Keyboard(qtbot, dialog)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys.type("kar")
    keys.press(Qt.Key.Key_Return)
    keys.type(PASSWORD, free_text=True)
    with night.database.write() as session:
        session.execute(
            update(Operator).where(Operator.id == night.karim.operator_id).values(active=False)
        )

    keys.press(Qt.Key.Key_Return)

    assert dialog.step is Step.WHO
    assert dialog.problem.text() == (
        "⚠ Cette personne n'existe pas ou ne travaille plus au plateau."
    )
    assert dialog.picker.listed() == []  # read again: Karim is gone
    assert night.session.operator == night.ines
    assert _handovers(night.database) == 0


def test_a_wrong_password_hands_nothing_over_and_keeps_the_name(
    qtbot: QtBot, night: Night, french: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    keys = Keyboard(qtbot, dialog)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys.type("kar")
    keys.press(Qt.Key.Key_Return)
    keys.type("pas le sien", free_text=True)

    keys.press(Qt.Key.Key_Return)

    assert dialog.step is Step.WHO
    assert dialog.problem.text() == (
        "⚠ L'identifiant ou le mot de passe est erroné. Vérifiez les deux et réessayez."
    )
    assert night.session.operator == night.ines  # Inès is still at the desk
    assert _handovers(night.database) == 0
    assert focused() is dialog.password
    assert dialog.password.text() == ""
    keys.type(PASSWORD, free_text=True)
    keys.press(Qt.Key.Key_Return)
    assert night.session.operator == night.karim


@pytest.fixture
def window(qtbot: QtBot, night: Night) -> MainWindow:
    shown = MainWindow(
        night.database,
        runner=ImmediateRunner(night.database),
        actor="test",
        clock=night.clock,
        session=night.session,
    )
    qtbot.addWidget(shown)
    shown.resize(DESK_SCREEN_WIDTH, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


def test_the_whole_handover_from_the_keyboard(
    qtbot: QtBot, night: Night, window: MainWindow, french: InstalledLanguage
) -> None:
    published: list[Changes] = []
    window.changes.changed.connect(published.append)
    keys = Keyboard(qtbot, window)

    keys.press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = window.handover_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert focused() is dialog.note
    keys.type("OPL-A : la maraude rappelle avant 7 h.", free_text=True)
    keys.press(Qt.Key.Key_Return)  # a new line: Enter does not hand over
    keys.type("Halte pleine.", free_text=True)
    night.clock.now = NOW.replace(minute=55)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is dialog.picker.name
    keys.type("kar")
    keys.press(Qt.Key.Key_Return)
    assert focused() is dialog.password
    keys.type(PASSWORD, free_text=True)
    keys.press(Qt.Key.Key_Return)

    # Karim is at the desk now, and reads what he takes over with Inès's note.
    assert night.session.operator == night.karim
    assert dialog.step is Step.TAKEN
    assert dialog.heading.text() == "À 06:55, Inès Moreau passe la main à Karim Haddad"
    assert dialog.note_from.text() == f"Consignes laissées par Inès Moreau{NB}:"
    assert dialog.note_read.toPlainText() == "OPL-A : la maraude rappelle avant 7 h.\nHalte pleine."
    assert dialog.summary.as_of.text() == "État à 06:55"  # read again for him
    assert dialog.summary.call_lines()[0] == ("OPL-A", "‼ Très en retard")
    assert [change.handover_days for change in published] == [frozenset({date(2026, 11, 26)})]
    (recorded,) = handovers_of_day(
        night.database, date(2026, 11, 26), actor=COMMAND_LINE, now=night.clock.now
    )
    assert (recorded.from_name, recorded.to_name, recorded.at, recorded.workstation) == (
        "Inès Moreau",
        "Karim Haddad",
        night.clock.now,
        WORKSTATION,
    )
    assert recorded.note == "OPL-A : la maraude rappelle avant 7 h.\nHalte pleine."

    keys.press(Qt.Key.Key_Return)  # he starts his shift

    assert window.handover_dialog is None
    status = window.findChild(QLabel, "operatorSignedIn")
    assert status.text() == f"Au poste{NB}: Karim Haddad"
    assert keys.counted == 9


def test_ctrl_l_with_nobody_signed_in_is_the_sign_in_alone(
    qtbot: QtBot, night: Night, window: MainWindow
) -> None:
    night.session.set_operator(None)

    seen = close_next_modal()
    Keyboard(qtbot, window).press(Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert seen.kind == "OperatorSignIn"
    assert window.handover_dialog is None


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_the_desk_screen(qtbot: QtBot, night: Night) -> None:
    dialog = _dialog(qtbot, night)
    for step in Step:
        if step is not Step.NOTE:
            dialog.picker.name.setText("kar")
            dialog.password.setText(PASSWORD)
            dialog.go_on()
            QApplication.processEvents()  # the new step's texts laid out
        assert dialog.step is step
        assert dialog.heading.text().endswith(MARK)
        assert dialog.width() <= DESK_SCREEN_WIDTH
        assert dialog.height() <= 768 - 60  # a title bar and a task bar
        assert dialog.minimumSizeHint().width() <= dialog.width()
        for widget in [*dialog.findChildren(QAbstractButton), *dialog.findChildren(QLabel)]:
            wraps = isinstance(widget, QLabel) and widget.wordWrap()
            if widget.isVisible() and widget.text() and not wraps:
                assert widget.width() >= widget.sizeHint().width(), widget.text()


def test_a_handover_note_naming_someone_is_shown_first_and_goes_on_when_asked_twice(
    qtbot: QtBot, night: Night, english: InstalledLanguage
) -> None:
    dialog = _dialog(qtbot, night)
    dialog.note.setFocus()
    type_into(dialog.note, "Rappeler M. Dupont pour la place")
    assert dialog.note_warning.text() == ("This note seems to hold a name (M. Dupont): remove it.")
    keys = Keyboard(qtbot, dialog)

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert dialog.step is Step.NOTE
    assert dialog.note.textCursor().selectedText() == "M. Dupont"
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.step is Step.WHO
