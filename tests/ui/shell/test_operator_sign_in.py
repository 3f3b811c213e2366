"""Signing in at the desk: a few letters of a name, Enter; the audit log keeps who and where."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from operline import reference_data as ref
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Operator
from operline.operators import OperatorInfo
from operline.ui.shell.sign_in import DeskSession, OperatorSignIn
from operline.ui.tasks import ImmediateRunner
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import Clock, FilledDesk, Keyboard, fill_desk


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


def _dialog(qtbot: QtBot, desk: FilledDesk, session: DeskSession) -> OperatorSignIn:
    dialog = OperatorSignIn(
        ImmediateRunner(desk.database), clock=Clock(NOW), session=session, workstation="poste-2"
    )
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def _listed(dialog: OperatorSignIn) -> list[str]:
    return [dialog.people.item(row).text() for row in range(dialog.people.count())]


@pytest.mark.usefixtures("english")
def test_everyone_who_may_sign_in_is_listed_by_name(qtbot: QtBot, desk: FilledDesk) -> None:
    dialog = _dialog(qtbot, desk, DeskSession())

    listed = _listed(dialog)

    assert "Claire Dumont (supervisor)" in listed
    assert len(listed) == len(ref.OPERATORS)
    assert dialog.name.hasFocus()


@pytest.mark.usefixtures("english")
def test_a_few_letters_and_enter_sign_in(qtbot: QtBot, desk: FilledDesk) -> None:
    session = DeskSession()
    changes: list[object] = []
    session.operator_changed.connect(changes.append)
    dialog = _dialog(qtbot, desk, session)
    keys = Keyboard(qtbot, dialog)

    keys.type("elo")  # Élodie, accent and case left out
    assert _listed(dialog) == ["Élodie Martin"]
    keys.press(Qt.Key.Key_Return)

    assert keys.counted == 4
    signed = session.operator
    assert signed is not None
    assert (signed.name, signed.role) == ("Élodie Martin", OperatorRole.OPERATOR)
    assert session() == signed  # what widgets read as ``operator``
    assert changes == [signed]
    assert dialog.result() == OperatorSignIn.DialogCode.Accepted
    with desk.database.read() as session_db:
        rows = session_db.execute(
            select(AuditLog.action, AuditLog.actor, AuditLog.target, AuditLog.at).where(
                AuditLog.action == "operator.sign_in"
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        ("operator.sign_in", f"Élodie Martin (#{signed.operator_id}) @ poste-2", "poste-2", NOW)
    ]


@pytest.mark.usefixtures("english")
def test_a_family_name_finds_the_person_and_arrows_choose_among_several(
    qtbot: QtBot, desk: FilledDesk
) -> None:
    session = DeskSession()
    dialog = _dialog(qtbot, desk, session)
    keys = Keyboard(qtbot, dialog)

    keys.type("m")
    assert _listed(dialog) == ["Élodie Martin", "Inès Moreau"]
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)

    assert session.operator is not None
    assert session.operator.name == "Inès Moreau"


@pytest.mark.usefixtures("english")
def test_nobody_matching_signs_nobody_in(qtbot: QtBot, desk: FilledDesk) -> None:
    session = DeskSession()
    dialog = _dialog(qtbot, desk, session)
    keys = Keyboard(qtbot, dialog)

    keys.type("zz")
    keys.press(Qt.Key.Key_Return)

    assert session.operator is None
    problem = dialog.findChild(QLabel, "signInProblem")
    assert problem is not None
    assert problem.text() == "⚠ Nobody matches this name."
    assert dialog.isVisible()


@pytest.mark.usefixtures("english")
def test_someone_who_left_the_desk_meanwhile_cannot_sign_in(qtbot: QtBot, desk: FilledDesk) -> None:
    session = DeskSession()
    dialog = _dialog(qtbot, desk, session)
    keys = Keyboard(qtbot, dialog)
    keys.type("karim")
    with desk.database.write() as db:
        db.execute(update(Operator).where(Operator.name == "Karim Haddad").values(active=False))

    keys.press(Qt.Key.Key_Return)

    assert session.operator is None
    problem = dialog.findChild(QLabel, "signInProblem")
    assert problem is not None
    assert problem.text() == "⚠ This person no longer works at the desk."
    assert _listed(dialog) == []


def test_the_session_tells_only_real_changes(qtbot: QtBot) -> None:
    session = DeskSession()
    changes: list[object] = []
    session.operator_changed.connect(changes.append)
    someone = OperatorInfo(3, "Inès Moreau", OperatorRole.OPERATOR)

    session.set_operator(someone)
    session.set_operator(someone)
    session.set_operator(None)

    assert changes == [someone, None]


@pytest.mark.usefixtures("english")
def test_a_new_database_says_how_to_add_the_first_operators(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    dialog = OperatorSignIn(
        ImmediateRunner(sqlite_database), clock=Clock(NOW), session=DeskSession()
    )
    qtbot.addWidget(dialog)
    dialog.show()
    problem = dialog.findChild(QLabel, "signInProblem")
    assert problem.isVisible()
    assert "operline operator add NAME" in problem.text()


@pytest.mark.usefixtures("english")
def test_nobody_matching_goes_once_the_name_finds_someone(qtbot: QtBot, desk: FilledDesk) -> None:
    dialog = _dialog(qtbot, desk, DeskSession())
    keys = Keyboard(qtbot, dialog)
    problem = dialog.findChild(QLabel, "signInProblem")
    assert problem is not None
    keys.type("zz")
    keys.press(Qt.Key.Key_Return)
    assert problem.isVisible()

    keys.type("z")  # still nobody: the sentence stays
    assert problem.isVisible()
    for _ in range(3):
        keys.press(Qt.Key.Key_Backspace)
    keys.type("in")

    assert dialog.picker.chosen() is not None
    assert not problem.isVisible()
