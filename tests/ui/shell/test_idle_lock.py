"""The idle lock: the window masked after minutes without input, until the password is typed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.changes import Changes
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.operators import OperatorInfo
from operline.settings import SettingRefused, write_setting
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner
from tests.actors import COMMAND_LINE, PASSWORD, with_password
from tests.incidents.conftest import NOW
from tests.ui.conftest import close_next_modal
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, Keyboard

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> tuple[MainWindow, Clock]:
    zoe = with_password(sqlite_database, "Zoé Martin", OperatorRole.OPERATOR)
    session = DeskSession(workstation="poste-1")
    session.set_operator(OperatorInfo(zoe.operator_id or 0, zoe.name, zoe.role))
    clock = Clock(NOW)
    shown = MainWindow(
        sqlite_database,
        runner=ImmediateRunner(sqlite_database),
        actor="test",
        clock=clock,
        session=session,
    )
    qtbot.addWidget(shown)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown, clock


def _actions(database: Database) -> list[tuple[str, str | None]]:
    with database.read() as session:
        rows = session.execute(
            select(AuditLog.action, AuditLog.details)
            .where(
                AuditLog.action.in_(
                    ("operator.logout", "operator.sign_in", "operator.login_failed")
                )
            )
            .order_by(AuditLog.id)
        ).all()
    return [(action, details) for action, details in rows]


def test_five_minutes_without_input_mask_the_window_until_the_password(
    qtbot: QtBot,
    window: tuple[MainWindow, Clock],
    sqlite_database: Database,
    french: InstalledLanguage,
) -> None:
    shown, clock = window
    central = shown.centralWidget()
    keys = Keyboard(qtbot, shown)

    clock.now = NOW + timedelta(minutes=4, seconds=59)
    shown.idle_lock.check()
    assert not shown.idle_lock.is_locked
    keys.press(Qt.Key.Key_Shift)  # any key counts as use
    clock.now = NOW + timedelta(minutes=9)
    shown.idle_lock.check()
    assert not shown.idle_lock.is_locked  # 4 minutes since the key

    clock.now = NOW + timedelta(minutes=10)
    shown.idle_lock.check()

    screen = shown.idle_lock.screen
    assert screen is not None
    assert screen.isVisible()
    assert not central.isVisible()  # the screens are hidden, not only covered
    assert screen.heading.text() == (
        "Verrouillé après un moment sans utilisation. Zoé Martin, tapez votre mot de passe."
    )
    qtbot.waitUntil(screen.password.hasFocus)
    keys.type("pas le bon", free_text=True)
    keys.press(Qt.Key.Key_Return)
    assert shown.idle_lock.is_locked
    assert screen.problem.text() == (
        "⚠ L'identifiant ou le mot de passe est erroné. Vérifiez les deux et réessayez."
    )
    keys.press(Qt.Key.Key_Escape)  # Escape does not lift the mask
    assert shown.idle_lock.is_locked

    keys.type(PASSWORD, free_text=True)
    keys.press(Qt.Key.Key_Return)

    assert not shown.idle_lock.is_locked
    assert central.isVisible()
    assert shown.session.operator is not None
    assert shown.session.operator.name == "Zoé Martin"
    assert _actions(sqlite_database) == [
        ("operator.logout", "idle lock"),
        ("operator.login_failed", "attempt 1 of 5"),
        ("operator.sign_in", None),
    ]


def test_the_minutes_are_a_setting_read_again_when_it_changes(
    qtbot: QtBot, window: tuple[MainWindow, Clock], sqlite_database: Database
) -> None:
    shown, clock = window

    write_setting(sqlite_database, "desk.idle_lock_minutes", "12", actor=COMMAND_LINE, now=NOW)
    shown.changes.publish(Changes(settings=True))
    clock.now = NOW + timedelta(minutes=11)
    shown.idle_lock.check()
    assert not shown.idle_lock.is_locked
    clock.now = NOW + timedelta(minutes=12)
    shown.idle_lock.check()
    assert shown.idle_lock.is_locked


def test_nobody_signed_in_means_nothing_to_lock(
    qtbot: QtBot, window: tuple[MainWindow, Clock]
) -> None:
    shown, clock = window
    shown.session.set_operator(None)
    clock.now = NOW + timedelta(hours=1)
    shown.idle_lock.check()
    assert not shown.idle_lock.is_locked


def test_someone_else_takes_the_desk_from_the_mask(
    qtbot: QtBot, window: tuple[MainWindow, Clock]
) -> None:
    shown, clock = window
    clock.now = NOW + timedelta(minutes=5)
    shown.idle_lock.check()
    screen = shown.idle_lock.screen
    assert screen is not None

    seen = close_next_modal()
    screen.other.click()

    assert seen.kind == "OperatorSignIn"  # the sign-in, for the next person
    assert shown.session.operator is None
    assert not shown.idle_lock.is_locked


def test_more_than_30_minutes_is_refused(sqlite_database: Database) -> None:
    with pytest.raises(SettingRefused, match="31 is not between 1 and 30 minutes"):
        write_setting(sqlite_database, "desk.idle_lock_minutes", "31", actor=COMMAND_LINE, now=NOW)
