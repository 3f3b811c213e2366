"""The keyboard at the desk: Ctrl+G opens any call, focus comes back after each dialog,
window keys work from any field, a greyed entry says why, and F1 fits a laptop screen."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QTableView
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.codes import Category, OperatorRole, Outcome, Status
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.operators import OperatorInfo, add_operator
from operline.ui import shortcuts
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.shell.go_to_call import GoToCallDialog
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.shortcuts_dialog import ShortcutsDialog
from tests.actors import COMMAND_LINE
from tests.ui.conftest import NOW, Call, store_calls
from tests.ui.shell.test_main_window import window as main_window

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> MainWindow:
    return main_window.__wrapped__(qtbot, sqlite_database)  # type: ignore[attr-defined, no-any-return]


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    handle = window.windowHandle()
    modal = QApplication.activeModalWidget()
    if modal is not None and modal.windowHandle() is not None:
        handle = modal.windowHandle()
    qtbot.keyClick(handle, key, modifier)


def _views(database: Database) -> list[str | None]:
    with database.read() as session:
        query = select(AuditLog.target).where(AuditLog.action == "incident.view")
        return list(session.scalars(query.order_by(AuditLog.id)))


def test_ctrl_g_opens_a_closed_call_by_its_number_and_the_reading_is_audited(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database, french: InstalledLanguage
) -> None:
    closed = Call(
        datetime(2026, 11, 27, 9, 0, tzinfo=UTC),
        status=Status.CLOSED,
        team="Maraude Nord",
        outcome=Outcome.TAKEN_IN_CHARGE,
    )
    (reference,) = store_calls(sqlite_database, closed)
    window.show_desk()
    window.desk.setFocus()

    _press(qtbot, window, Qt.Key.Key_G, CTRL)
    dialog = window.go_to_dialog
    assert isinstance(dialog, GoToCallDialog)
    assert dialog.windowTitle() == "Aller à un appel"
    qtbot.waitUntil(dialog.field.hasFocus)
    qtbot.keyClicks(dialog.field, "999")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.problem.text() == "Aucun appel n'a la référence OPL-2026-000999."
    assert dialog.isVisible()

    dialog.field.clear()
    qtbot.keyClicks(dialog.field, str(int(reference.rsplit("-", 1)[1])))
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)

    assert window.go_to_dialog is None
    detail = window.detail_dialog
    assert isinstance(detail, IncidentDetailDialog)
    assert detail.detail.reference == reference
    assert detail.detail.status is Status.CLOSED
    assert _views(sqlite_database) == [reference]


def test_a_typed_reference_that_is_none_says_how_to_write_one(
    qtbot: QtBot, french: InstalledLanguage, window: MainWindow
) -> None:
    window.go_to_call()
    dialog = window.go_to_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.field.hasFocus)
    qtbot.keyClicks(dialog.field, "Stalingrad")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.problem.text() == (
        "Tapez une référence comme OPL-2026-000123, ou seulement son numéro."
    )
    _assert_shown_whole(dialog.problem)


def _assert_shown_whole(label: QLabel) -> None:
    """A word-wrapped label has the height its lines need at its width."""
    assert label.isVisible()
    assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_a_long_refusal_in_ctrl_g_is_shown_whole(
    qtbot: QtBot, french: InstalledLanguage, window: MainWindow
) -> None:
    window.go_to_call()
    dialog = window.go_to_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.field.hasFocus)
    long_sentence = " ".join(["Karim Haddad est connecté comme opérateur :"] * 4)
    dialog._say(long_sentence)  # as a refusal of the database would say it
    _assert_shown_whole(dialog.problem)


def test_enter_on_a_journal_row_opens_that_call(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database, english: InstalledLanguage
) -> None:
    (reference,) = store_calls(
        sqlite_database,
        Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), category=Category.SHELTER),
    )
    _press(qtbot, window, Qt.Key.Key_5, CTRL)
    table = window.journal.findChild(QTableView, "journalTable")
    qtbot.waitUntil(lambda: table.hasFocus())
    table.setCurrentIndex(window.journal.model.index(0, 0))

    _press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)

    detail = window.journal.detail
    assert isinstance(detail, IncidentDetailDialog)
    assert detail.detail.reference == reference
    assert _views(sqlite_database) == [reference]
    detail.reject()
    qtbot.waitUntil(lambda: table.hasFocus())


def test_the_keys_of_the_screen_work_again_after_a_dialog(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database
) -> None:
    boss = add_operator(
        sqlite_database, "Zoé Martin", OperatorRole.SUPERVISOR, actor=COMMAND_LINE, now=NOW
    )
    window.session.set_operator(boss)
    window.show_calls()
    window.calls.setFocus()
    # What the roster editor's closing left: the focus on nothing of the screen.
    QTimer.singleShot(0, lambda: _close_dialog_leaving_focus_on(window))
    window.edit_roster_action.trigger()

    qtbot.waitUntil(lambda: _in(window.calls, QApplication.focusWidget()))
    _press(qtbot, window, Qt.Key.Key_2, CTRL)
    assert window.screens.currentWidget() is window.desk


def _close_dialog_leaving_focus_on(window: MainWindow) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog):
        QTimer.singleShot(20, lambda: _close_dialog_leaving_focus_on(window))
        return
    window.menuBar().setFocus()
    dialog.reject()


def _in(screen: object, widget: object) -> bool:
    return widget is screen or (widget is not None and screen.isAncestorOf(widget))  # type: ignore[attr-defined]


def test_ctrl_e_opens_the_roster_editor_from_a_text_field(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database
) -> None:
    boss = add_operator(
        sqlite_database, "Zoé Martin", OperatorRole.SUPERVISOR, actor=COMMAND_LINE, now=NOW
    )
    window.session.set_operator(boss)
    window.new_call()
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    opened: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            opened.append(dialog.objectName())
            dialog.reject()
        else:
            QTimer.singleShot(20, look)

    QTimer.singleShot(0, look)
    qtbot.keyClick(field, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(opened))
    assert opened[0] != ""


@pytest.mark.parametrize(
    ("operator", "reason"),
    [
        (None, "Personne n'est connecté\u00a0: un superviseur se connecte (Ctrl+L)"),
        (
            OperatorInfo(1, "Aminata Koné", OperatorRole.OPERATOR),
            "Aminata Koné est connecté comme opérateur\u00a0: seul un superviseur",
        ),
    ],
)
def test_a_greyed_roster_entry_says_why_in_its_tooltip_and_the_status_bar(
    qtbot: QtBot,
    french: InstalledLanguage,
    window: MainWindow,
    operator: OperatorInfo | None,
    reason: str,
) -> None:
    window.session.set_operator(operator)
    action = window.edit_roster_action
    assert not action.isEnabled()
    assert action.toolTip().startswith(reason)
    assert action.statusTip() == action.toolTip()
    window.show_calls()
    window.calls.setFocus()
    _press(qtbot, window, Qt.Key.Key_E, CTRL)
    assert window.statusBar().currentMessage().startswith(reason)

    window.session.set_operator(OperatorInfo(2, "Zoé Martin", OperatorRole.SUPERVISOR))
    assert action.isEnabled()
    assert action.statusTip() == ""
    assert action.toolTip().endswith("(Ctrl+E)")


def test_the_shortcuts_list_fits_a_1366_by_768_screen_in_french(
    qtbot: QtBot, french: InstalledLanguage
) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    # Room left for the window's title bar and a desktop panel.
    assert hint.height() <= 768 - 80
    assert hint.width() <= 1366 - 40
    dialog.resize(hint)
    dialog.show()
    qtbot.waitExposed(dialog)
    for table in dialog.tables:
        last = table.rowCount() - 1
        assert table.visualRect(table.model().index(last, 1)).bottom() <= table.viewport().height()
        assert table.columnWidth(0) + table.columnWidth(1) <= table.viewport().width() + 1
    listed = dialog.listed()
    assert listed == [(s.key_text(), s.description()) for s in shortcuts.ALL]
    assert ("Ctrl+Entrée", "Nouvel appel\u00a0: enregistrer") in listed
    assert ("Ctrl+G", "Ouvrir un appel par sa référence ou son numéro") in listed


def _escape_the_dialog(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog))
    _press(qtbot, window, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


@pytest.mark.parametrize("screen", ["calls", "journal", "history"])
def test_after_a_calls_sheet_the_focus_is_back_on_the_screens_table(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database, screen: str
) -> None:
    store_calls(
        sqlite_database,
        Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC)),
        Call(datetime(2026, 11, 27, 9, 30, tzinfo=UTC)),
    )
    boss = add_operator(
        sqlite_database, "Zoé Martin", OperatorRole.SUPERVISOR, actor=COMMAND_LINE, now=NOW
    )
    window.session.set_operator(boss)
    if screen == "calls":
        window.show_calls()
        window.calls.refresh()
        table = window.calls.table
    elif screen == "journal":
        window.show_journal()
        table = window.journal.findChild(QTableView, "journalTable")
    else:
        window.show_history()
        table = window.history.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 1))

    _press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    _escape_the_dialog(qtbot, window)

    qtbot.waitUntil(table.hasFocus)
    _press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    assert table.currentIndex().row() == 1  # the next key works on the table at once


def test_after_ctrl_g_from_the_form_the_focus_is_back_in_the_field_typed_in(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.new_call()
    field = window.desk.form.location
    field.setFocus()
    qtbot.keyClicks(field, "Quai")

    _press(qtbot, window, Qt.Key.Key_G, CTRL)
    _escape_the_dialog(qtbot, window)

    qtbot.waitUntil(field.hasFocus)
    _press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.NoModifier)
    assert field.text() == "Quais"
    window.desk.form.reset()  # nothing left to keep as a draft when the window closes
