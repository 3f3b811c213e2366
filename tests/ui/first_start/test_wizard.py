"""A new desk's first start: the first administrator, then the Paris data, a roster or nothing.

Each test starts the real window on an empty SQLite database and drives the wizard with the
keyboard, as the first administrator would.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWizardPage
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Facility, Incident, Sector, ShiftPattern, Team
from operline.ui.first_start import FirstStartWizard
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession, OperatorSignIn
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.actors import PASSWORD
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, Clock, Keyboard, focused

pytestmark = pytest.mark.qt_log_ignore(
    *OFFSCREEN_POPUP_NOTICES, "This plugin does not support propagateSizeHints"
)

ROSTER = (
    "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until\n"
    "Maraude Nord;Association;01 99 00 51 01;1;Stalingrad|Éole;lun-dim;08:00;20:00;;\n"
    "Maraude de nuit;Association;01 99 00 51 02;1;*;lun-dim;20:00;08:00;;\n"
)

Drive = Callable[[FirstStartWizard, Keyboard], None]


def count(database: Database, model: type[object]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[arg-type]


def _window(qtbot: QtBot, database: Database, runner: TaskRunner | None = None) -> MainWindow:
    window = MainWindow(
        database,
        runner=runner or ImmediateRunner(database),
        actor="test",
        clock=Clock(NOW),
        session=DeskSession(workstation="poste-1"),
    )
    qtbot.addWidget(window)
    window.show()
    return window


def start(qtbot: QtBot, window: MainWindow, drive: Drive) -> None:
    """``start_shift`` as the app calls it, the wizard driven from inside its own loop."""
    failures: list[BaseException] = []
    watch = QTimer()
    watch.setInterval(10)

    def in_the_wizard() -> None:
        wizard = window.first_start_wizard
        if wizard is None or not wizard.isVisible():
            return  # the task runner has not answered yet
        watch.stop()
        try:
            wizard.activateWindow()  # a window system would; offscreen, the test does
            qtbot.waitUntil(wizard.isActiveWindow)
            drive(wizard, Keyboard(qtbot, wizard))
        except BaseException as failure:  # told after the wizard closed, never lost
            failures.append(failure)
            wizard.reject()

    watch.timeout.connect(in_the_wizard)
    watch.start()
    window.start_shift()  # with the immediate runner, returns once the wizard closed
    qtbot.waitUntil(
        lambda: not watch.isActive() and window.first_start_wizard is None, timeout=20_000
    )
    if failures:
        raise failures[0]


def on_page(qtbot: QtBot, wizard: FirstStartWizard, page: QWizardPage) -> None:
    qtbot.waitUntil(lambda: wizard.currentPage() is page)


def create_administrator(
    qtbot: QtBot, wizard: FirstStartWizard, keys: Keyboard, *, shot: str = ""
) -> None:
    page = wizard.administrator_page
    assert focused() is page.login
    keys.type("Nadia Belkacem")
    keys.press(Qt.Key.Key_Return)
    assert focused() is page.password
    keys.type(PASSWORD)
    keys.press(Qt.Key.Key_Return)
    assert focused() is page.confirm
    keys.type(PASSWORD)
    assert page.policy.text().count("✔") == 3
    if shot:  # looked at by eye, for the French to fit
        wizard.grab().save(shot)
    keys.press(Qt.Key.Key_Return)
    on_page(qtbot, wizard, wizard.choice_page)


def signed_in_as_administrator(window: MainWindow) -> None:
    operator = window.session.operator
    assert operator is not None
    assert (operator.name, operator.role) == ("Nadia Belkacem", OperatorRole.ADMINISTRATOR)
    assert window.first_start_wizard is None
    label = window.findChild(QLabel, "operatorSignedIn")
    assert label is not None
    assert "Nadia Belkacem" in label.text()


@pytest.mark.parametrize("threaded", [False, True], ids=["immediate", "worker-thread"])
def test_the_paris_reference_data_and_the_desk_opens_signed_in(
    qtbot: QtBot, sqlite_database: Database, french: object, threaded: bool
) -> None:
    database = sqlite_database
    # The app's own runner too: each page's write answers later, from the worker.
    runner = TaskRunner(database) if threaded else None
    window = _window(qtbot, database, runner)

    def drive(wizard: FirstStartWizard, keys: Keyboard) -> None:
        create_administrator(qtbot, wizard, keys, shot="/tmp/wizard_1.png")
        assert wizard.choice_page.paris.isChecked()  # the first choice, ready for Enter
        wizard.grab().save("/tmp/wizard_2.png")
        keys.press(Qt.Key.Key_Return)
        on_page(qtbot, wizard, wizard.summary_page)
        summary = wizard.summary_page.summary.text()
        assert "Nadia Belkacem" in summary
        assert "6 secteurs" in summary
        wizard.grab().save("/tmp/wizard_3.png")
        keys.press(Qt.Key.Key_Return)

    try:
        start(qtbot, window, drive)
    finally:
        if runner is not None:
            qtbot.waitUntil(lambda: runner.pending == 0, timeout=10_000)
            window.calls.age_timer.stop()
            runner.shut_down()

    signed_in_as_administrator(window)
    assert count(database, Sector) == 6
    assert count(database, Team) == 11
    assert count(database, Facility) == 8
    assert count(database, ShiftPattern) > 0
    assert count(database, Incident) == 0
    with database.read() as session:
        actions = list(session.scalars(select(AuditLog.action)))
    assert actions[:3] == ["operator.add", "operator.password", "operator.sign_in"]
    assert actions.count("roster.sector.add") == 6
    assert actions.count("roster.facility.add") == 8


def test_a_roster_file_refused_then_a_good_one(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path, french: object
) -> None:
    database = sqlite_database
    bad = tmp_path / "planning-faux.csv"
    bad.write_text(ROSTER.replace("08:00;20:00", "8h;20:00"), encoding="utf-8")
    good = tmp_path / "planning.csv"
    good.write_text(ROSTER, encoding="utf-8")
    window = _window(qtbot, database)

    def drive(wizard: FirstStartWizard, keys: Keyboard) -> None:
        create_administrator(qtbot, wizard, keys)
        page = wizard.choice_page
        assert not page.path.isEnabled()
        keys.press(Qt.Key.Key_Down)  # from the Paris data to the roster file
        assert page.roster_file.isChecked()
        assert page.path.isEnabled()
        keys.press(Qt.Key.Key_Tab)
        assert focused() is page.path
        keys.type(str(bad))
        keys.press(Qt.Key.Key_Return)
        assert page.problem.isVisible()
        assert page.problem.text().startswith("⚠ planning-faux.csv, ligne 2, colonne start")
        assert page.problem.text().count("⚠") == 1  # one problem, one sentence
        assert wizard.currentPage() is page  # stays, to choose another file
        wizard.grab().save("/tmp/wizard_2_bad_file.png")
        page.path.clear()
        keys.type(str(good))
        keys.press(Qt.Key.Key_Return)
        on_page(qtbot, wizard, wizard.summary_page)
        assert "planning.csv est importé\u00a0: 2 gardes" in wizard.summary_page.summary.text()
        keys.press(Qt.Key.Key_Return)

    start(qtbot, window, drive)

    signed_in_as_administrator(window)
    with database.read() as session:
        assert sorted(session.scalars(select(Sector.name))) == ["Stalingrad", "Éole"]
        assert sorted(session.scalars(select(Team.name))) == ["Maraude Nord", "Maraude de nuit"]
    assert count(database, Facility) == 0


def test_starting_empty(qtbot: QtBot, sqlite_database: Database, english: object) -> None:
    database = sqlite_database
    window = _window(qtbot, database)

    def drive(wizard: FirstStartWizard, keys: Keyboard) -> None:
        create_administrator(qtbot, wizard, keys)
        keys.press(Qt.Key.Key_Down)
        keys.press(Qt.Key.Key_Down)
        assert wizard.choice_page.nothing.isChecked()
        keys.press(Qt.Key.Key_Return)
        on_page(qtbot, wizard, wizard.summary_page)
        assert "The desk is empty" in wizard.summary_page.summary.text()
        keys.press(Qt.Key.Key_Return)

    start(qtbot, window, drive)

    signed_in_as_administrator(window)
    assert count(database, Sector) == 0
    assert count(database, Team) == 0


def test_two_different_passwords_keep_the_first_page(
    qtbot: QtBot, sqlite_database: Database, english: object
) -> None:
    window = _window(qtbot, sqlite_database)

    def drive(wizard: FirstStartWizard, keys: Keyboard) -> None:
        page = wizard.administrator_page
        keys.type("Nadia Belkacem")
        keys.press(Qt.Key.Key_Return)
        keys.type(PASSWORD)
        keys.press(Qt.Key.Key_Return)
        keys.type(PASSWORD + "!")
        assert "✗ The same password typed twice" in page.policy.text()
        keys.press(Qt.Key.Key_Return)
        assert wizard.currentPage() is page
        assert page.problem.text() == "⚠ The two passwords differ: type the same one twice."
        assert focused() is page.password
        keys.press(Qt.Key.Key_Escape)

    start(qtbot, window, drive)

    assert window.session.operator is None
    assert count(sqlite_database, AuditLog) == 0


def test_a_database_with_sectors_but_no_administrator_keeps_the_sign_in(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    with sqlite_database.write() as session:
        session.add(Sector(name="Stalingrad", created_at=NOW))
    window = _window(qtbot, sqlite_database)
    seen: list[object] = []

    def look() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(type(modal))
        if modal is not None:
            modal.close()

    QTimer.singleShot(0, look)
    window.start_shift()

    assert seen == [OperatorSignIn]
    assert window.session.operator is None
