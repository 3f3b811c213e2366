"""Signing in at the desk: a login and a password, Enter; the audit log keeps every attempt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.demo.accounts import create_demo_accounts
from operline.operators import OperatorInfo
from operline.ui.shell.sign_in import DeskSession, OperatorSignIn
from operline.ui.tasks import ImmediateRunner
from tests.actors import PASSWORD, with_password
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, FilledDesk, Keyboard, fill_desk


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    filled = fill_desk(database)
    with_password(database, "Zoé Martin", OperatorRole.OPERATOR)
    return filled


def _dialog(
    qtbot: QtBot,
    database: Database,
    session: DeskSession,
    clock: Clock | None = None,
    **options: bool,
) -> OperatorSignIn:
    dialog = OperatorSignIn(
        ImmediateRunner(database),
        clock=clock or Clock(NOW),
        session=session,
        workstation="poste-2",
        **options,
    )
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _problem(dialog: OperatorSignIn) -> QLabel:
    problem = dialog.findChild(QLabel, "signInProblem")
    assert problem is not None
    return problem


@pytest.mark.usefixtures("english")
def test_the_login_then_the_password_and_enter_sign_in(qtbot: QtBot, desk: FilledDesk) -> None:
    session = DeskSession()
    changes: list[object] = []
    session.operator_changed.connect(changes.append)
    dialog = _dialog(qtbot, desk.database, session)
    keys = Keyboard(qtbot, dialog)
    assert dialog.login.hasFocus()
    assert dialog.password.echoMode() is QLineEdit.EchoMode.Password
    assert not dialog.demo_banner.isVisible()  # a real desk: no account shown

    keys.type("zoe martin")  # the name is the login, accent and case left out
    keys.press(Qt.Key.Key_Return)
    assert dialog.password.hasFocus()
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)

    signed = session.operator
    assert signed is not None
    assert (signed.name, signed.role) == ("Zoé Martin", OperatorRole.OPERATOR)
    assert changes == [signed]
    assert dialog.result() == OperatorSignIn.DialogCode.Accepted
    assert dialog.password.text() == ""  # the password does not linger in the widget
    with desk.database.read() as db:
        # Enter in the login only went on to the password: no attempt was counted.
        assert not db.scalars(
            select(AuditLog).where(AuditLog.action == "operator.login_failed")
        ).all()
    with desk.database.read() as db:
        rows = db.execute(
            select(AuditLog.actor, AuditLog.target, AuditLog.at).where(
                AuditLog.action == "operator.sign_in"
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        (f"Zoé Martin (#{signed.operator_id}) @ poste-2", "poste-2", NOW)
    ]


def test_a_wrong_password_says_neither_which_part_nor_lets_in(
    qtbot: QtBot, desk: FilledDesk, french: object
) -> None:
    session = DeskSession()
    dialog = _dialog(qtbot, desk.database, session)
    keys = Keyboard(qtbot, dialog)
    for login in ("Zoé Martin", "Quelqu'un d'inconnu"):
        dialog.login.setText(login)
        dialog.password.setFocus()
        keys.type("pas le bon mot de passe")
        keys.press(Qt.Key.Key_Return)

        assert session.operator is None
        assert _problem(dialog).text() == (
            "⚠ L'identifiant ou le mot de passe est erroné. Vérifiez les deux et réessayez."
        )
        assert dialog.password.text() == ""
        assert dialog.password.hasFocus()
        assert dialog.isVisible()


def test_a_locked_account_is_told_until_when(
    qtbot: QtBot, desk: FilledDesk, french: object
) -> None:
    clock = Clock(NOW)  # 25 November 2026, 21:00 UTC: 22:00 in Paris
    session = DeskSession()
    dialog = _dialog(qtbot, desk.database, session, clock)
    keys = Keyboard(qtbot, dialog)
    dialog.login.setText("Zoé Martin")
    for _ in range(5):
        dialog.password.setFocus()
        keys.type("faux mot de passe")
        keys.press(Qt.Key.Key_Return)
    locked = "⚠ Trop de mots de passe erronés\u00a0: ce compte est verrouillé jusqu'à 22:10."
    assert _problem(dialog).text().startswith(locked)

    # The good password is refused until the end of the lock, then lets in.
    dialog.password.setFocus()
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    assert session.operator is None
    clock.now = NOW + timedelta(minutes=10)
    dialog.password.setFocus()
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    assert session.operator is not None


def test_the_first_start_of_an_empty_database_creates_its_administrator(
    qtbot: QtBot, sqlite_database: Database, french: object
) -> None:
    session = DeskSession()
    dialog = _dialog(qtbot, sqlite_database, session)
    keys = Keyboard(qtbot, dialog)
    assert dialog.windowTitle() == "Premier administrateur"
    assert dialog.confirm.isVisible()

    keys.type("Claire Dumont")
    keys.press(Qt.Key.Key_Return)
    keys.type("trop court")
    keys.press(Qt.Key.Key_Return)
    keys.type("trop court")
    keys.press(Qt.Key.Key_Return)
    assert "au moins 16" in _problem(dialog).text()
    assert session.operator is None

    dialog.password.setFocus()
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    keys.type(PASSWORD + "!")
    keys.press(Qt.Key.Key_Return)
    assert _problem(dialog).text() == (
        "⚠ Les deux mots de passe diffèrent\u00a0: tapez deux fois le même."
    )

    dialog.password.setFocus()
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    assert session.operator == OperatorInfo(
        session.operator.operator_id if session.operator else 0,
        "Claire Dumont",
        OperatorRole.ADMINISTRATOR,
    )
    assert dialog.result() == OperatorSignIn.DialogCode.Accepted


def test_a_demo_database_shows_its_accounts_and_signs_its_operator_in(
    qtbot: QtBot, desk: FilledDesk, french: object
) -> None:
    accounts = create_demo_accounts(desk.database, now=NOW)
    dialog = _dialog(qtbot, desk.database, DeskSession())
    banner = dialog.demo_banner.text()
    assert banner.startswith("«\u00a0Démonstration\u00a0»\u00a0: base d'exercice")
    for account in accounts:
        assert f"{account.login}" in banner
        assert account.password in banner
    assert "Karim Haddad (opérateur)" in banner

    session = DeskSession()
    demo = OperatorSignIn(
        ImmediateRunner(desk.database), clock=Clock(NOW), session=session, demo_operator=True
    )
    qtbot.addWidget(demo)
    demo.show()
    qtbot.waitUntil(lambda: session.operator is not None)
    assert not demo.isVisible()
    assert session.operator is not None
    assert (session.operator.name, session.operator.role) == (
        "Karim Haddad",
        OperatorRole.OPERATOR,
    )


def test_the_session_tells_only_real_changes(qtbot: QtBot) -> None:
    session = DeskSession()
    changes: list[object] = []
    session.operator_changed.connect(changes.append)
    someone = OperatorInfo(3, "Inès Moreau", OperatorRole.OPERATOR)

    session.set_operator(someone)
    session.set_operator(someone)
    session.set_operator(None)

    assert changes == [someone, None]


@pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)
def test_the_demo_window_starts_signed_in_as_the_demo_operator(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    from operline.ui.shell.main_window import MainWindow

    create_demo_accounts(desk.database, now=NOW)
    window = MainWindow(
        desk.database,
        runner=ImmediateRunner(desk.database),
        actor="test",
        clock=Clock(NOW),
        session=DeskSession(workstation="poste-2"),
    )
    qtbot.addWidget(window)

    window.start_shift(demo_operator=True)  # returns once the sign-in dialog closed

    signed = window.session.operator
    assert signed is not None
    assert (signed.name, signed.role) == ("Karim Haddad", OperatorRole.OPERATOR)
