"""The roster editor as a supervisor uses it: keyboard, checks as one types, saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.actors import system_actor
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.roster import editing
from operline.roster.editing import PatternDraft, SectorDraft, TeamDraft
from operline.roster.engine import on_duty_teams
from operline.roster.store import load_roster
from operline.ui import palette
from operline.ui.roster_editor.editor import RosterEditor, RosterEditorDialog
from operline.ui.roster_editor.texts import PROBLEM_SOURCES
from operline.ui.shell.language import InstalledLanguage
from tests.actors import WORKSTATION
from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK, NOW, desk_context

ACTOR = system_actor("Claire Dumont", WORKSTATION)


def open_editor(qtbot: QtBot, database: Database) -> RosterEditor:
    editor = RosterEditor(desk_context(database, lambda: NOW), actor=ACTOR)
    qtbot.addWidget(editor)
    editor.resize(1366, 768)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    return editor


def press(
    qtbot: QtBot,
    editor: RosterEditor,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key as the keyboard sends it: through the window, so shortcuts apply."""
    qtbot.keyClick(editor.window().windowHandle(), key, modifier)


def type_in_focus(qtbot: QtBot, text: str) -> None:
    # QTest types ASCII only.
    assert text.isascii()
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClicks(focused, text)


def tab(qtbot: QtBot) -> QWidget:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    now_focused = QApplication.focusWidget()
    assert now_focused is not None
    return now_focused


def answer_next_question(button: QMessageBox.StandardButton) -> list[str]:
    """Click ``button`` in the next message box, from the event loop; its text is returned."""
    seen: list[str] = []
    waited = [0]

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            waited[0] += 20
            if waited[0] < 5000:  # never outlive the test that asked
                QTimer.singleShot(20, look)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, look)
    return seen


def audit_actions(database: Database) -> list[str]:
    with database.read() as session:
        query = select(AuditLog.action).where(AuditLog.action.startswith("roster."))
        return list(session.scalars(query.order_by(AuditLog.id)))


def column(editor_page: object, number: int) -> list[str]:
    model = editor_page.model  # type: ignore[attr-defined]
    return [model.index(row, number).data() for row in range(model.rowCount())]


def add(database: Database, maker: Callable[..., object], draft: object) -> int:
    record = maker(database, draft, actor=ACTOR, now=NOW)
    return int(record.id)  # type: ignore[attr-defined]


def test_a_bad_phone_is_shown_beside_the_field_and_blocks_saving_until_fixed(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    editor = open_editor(qtbot, database)
    page = editor.teams

    press(qtbot, editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.name
    type_in_focus(qtbot, "Maraude Nord")
    tab(qtbot)
    type_in_focus(qtbot, "Association CAARUD")
    assert tab(qtbot) is page.phone
    type_in_focus(qtbot, "01 99 00")

    message = page.findChild(QLabel, "teamPhoneProblem")
    assert page.problems_of("phone") == [
        "Not a phone number (e.g. 01 99 00 12 34 or +33 1 99 00 12 34)."
    ]
    assert message.isVisible()
    assert palette.current().problem in message.text()
    assert page.phone.accessibleDescription() == page.problems_of("phone")[0]
    assert not page.save_button.isEnabled()
    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editing.list_teams(database) == []

    type_in_focus(qtbot, " 12 34")
    assert page.problems_of("phone") == []
    assert not message.isVisible()
    assert page.save_button.isEnabled()
    with qtbot.waitSignal(editor.roster_changed):
        press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [team] = editing.list_teams(database)
    assert (team.name, team.phone) == ("Maraude Nord", "+33199001234")
    assert column(page, 0) == ["Maraude Nord"]
    assert page.table.currentIndex().row() == 0
    assert page.title.text() == "Maraude Nord"
    assert not page.save_button.isEnabled()  # nothing changed since
    assert audit_actions(database) == ["roster.team.add"]


def test_a_team_without_phone_is_warned_about_in_amber_yet_saved(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    editor = open_editor(qtbot, database)
    page = editor.teams
    page.start_new()
    page.name.setText("UASA binôme 1")
    page.organisation.setText("Police municipale")

    message = page.findChild(QLabel, "teamPhoneProblem")
    assert page.problems_of("phone") == ["Without a duty phone the desk cannot call this team."]
    assert palette.current().caution in message.text()
    assert page.save_button.isEnabled()


def test_a_duplicate_name_is_refused_as_typed_whatever_the_accents(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    add(database, editing.add_sector, SectorDraft("Éole"))
    editor = open_editor(qtbot, database)
    editor.tabs.setCurrentWidget(editor.sectors)
    page = editor.sectors
    page.start_new()

    qtbot.keyClicks(page.name, "eole")

    assert page.problems_of("name") == ["Éole already exists."]
    assert not page.save_button.isEnabled()


def test_a_night_shift_is_added_with_the_keyboard_alone(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    stalingrad = add(database, editing.add_sector, SectorDraft("Stalingrad"))
    add(database, editing.add_sector, SectorDraft("Éole"))
    add(database, editing.add_team, TeamDraft("Maraude de nuit", "Association", "01 99 00 12 34"))
    editor = open_editor(qtbot, database)
    page = editor.patterns

    press(qtbot, editor, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert editor.tabs.currentWidget() is page
    press(qtbot, editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.team
    type_in_focus(qtbot, "Maraude")
    assert page.team.currentText() == "Maraude de nuit"
    assert tab(qtbot) is page.tier
    assert tab(qtbot) is page.days.buttons[0]
    for key in (Qt.Key.Key_Right,) * 4 + (Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert page.days.weekdays() == frozenset({4, 5})
    tab(qtbot)
    assert tab(qtbot) is page.start
    type_in_focus(qtbot, "20:00")
    assert tab(qtbot) is page.end
    type_in_focus(qtbot, "08:00")
    assert page.hours_note.text() == "ends the next day"
    assert tab(qtbot) is page.sectors.every
    assert tab(qtbot) is page.sectors.box(stalingrad)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert page.save_button.isEnabled(), page.form_widget.general_text()

    press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert column(page, 2) == ["Fri Sat"]
    assert column(page, 3) == ["20:00 → 08:00 (+1)"]
    assert column(page, 5) == ["Stalingrad"]
    with database.read() as session:
        roster = load_roster(session)
    saturday_2am = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)
    assert [t.name for t in on_duty_teams(roster, stalingrad, saturday_2am)] == ["Maraude de nuit"]


def test_two_teams_called_first_at_once_are_warned_about_below_the_form(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    stalingrad = add(database, editing.add_sector, SectorDraft("Stalingrad"))
    first = add(database, editing.add_team, TeamDraft("Maraude", "Asso", "01 99 00 12 34"))
    second = add(database, editing.add_team, TeamDraft("UASA", "Police", "01 99 00 12 35"))
    every_day = frozenset(range(7))
    add(
        database,
        editing.add_shift_pattern,
        PatternDraft(first, 1, every_day, time(8), time(20), frozenset({stalingrad})),
    )
    editor = open_editor(qtbot, database)
    page = editor.patterns
    editor.tabs.setCurrentWidget(page)
    page.start_new()

    page.team.setCurrentIndex(page.team.findData(second))
    page.days.buttons[0].click()
    page.sectors.every.click()

    general = page.findChild(QLabel, "patternsPageFormProblems")
    assert general.isVisible()
    assert palette.current().caution in general.text()
    assert "Also called first at that time:<br>" in general.text()
    assert "• Maraude — Every day 08:00–20:00 — Stalingrad" in general.text()
    assert general.accessibleDescription() == (
        "Maraude is also called first then: Every day 08:00–20:00 in Stalingrad."
    )
    assert page.save_button.isEnabled()


def test_retiring_a_sector_asks_first_then_keeps_it_greyed(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    add(database, editing.add_sector, SectorDraft("Forceval"))
    add(database, editing.add_sector, SectorDraft("Stalingrad"))
    editor = open_editor(qtbot, database)
    page = editor.sectors
    editor.tabs.setCurrentWidget(page)
    page.table.setFocus()
    page.table.selectRow(0)

    refused = answer_next_question(QMessageBox.StandardButton.No)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert refused
    assert "Forceval" in refused[0]
    assert column(page, 2) == ["Active", "Active"]

    # The offscreen platform leaves no window active after a dialog; a desktop would.
    with qtbot.waitActive(editor):
        editor.activateWindow()
    assert page.table.hasFocus()
    accepted = answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.roster_changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert accepted
    assert column(page, 2) == ["Retired", "Active"]
    assert page.model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert page.restore_button.isVisible()
    assert not page.remove_button.isEnabled()
    assert [s.active for s in editing.list_sectors(database)] == [False, True]
    assert audit_actions(database)[-1] == "roster.sector.retire"

    page.restore_button.click()
    assert column(page, 2) == ["Active", "Active"]


def test_leaving_a_changed_form_asks_and_cancel_keeps_the_typing(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    add(database, editing.add_team, TeamDraft("Aurore", "Asso", "01 99 00 12 34"))
    add(database, editing.add_team, TeamDraft("Boréal", "Asso", "01 99 00 12 35"))
    editor = open_editor(qtbot, database)
    page = editor.teams
    page.table.selectRow(0)
    page.organisation.setText("Association Aurore")

    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    page.table.selectRow(1)

    assert asked == ["Save the changes made in the form?"]
    assert page.table.currentIndex().row() == 0
    assert page.organisation.text() == "Association Aurore"

    answer_next_question(QMessageBox.StandardButton.Save)
    page.table.selectRow(1)
    qtbot.waitUntil(lambda: column(page, 1) == ["Association Aurore", "Asso"])
    assert page.name.text() == "Boréal"


def test_an_exception_is_checked_then_added(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    maraude = add(database, editing.add_team, TeamDraft("Maraude", "Asso", "01 99 00 12 34"))
    editor = open_editor(qtbot, database)
    page = editor.exceptions
    editor.tabs.setCurrentWidget(page)
    press(qtbot, editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    page.team.setCurrentIndex(page.team.findData(maraude))
    page.ends.setDateTime(page.starts.dateTime().addSecs(-3600))
    assert page.problems_of("ends_at") == ["Ends before it starts."]
    page.ends.setDateTime(page.starts.dateTime().addSecs(8 * 3600))
    assert page.problems_of("ends_at") == []
    assert not page.save_button.isEnabled()  # a reason is still missing
    qtbot.keyClicks(page.reason, "Vehicule en panne")
    with qtbot.waitSignal(editor.roster_changed):
        press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    [saved] = editing.list_exceptions(database, now=NOW)
    assert (saved.team, saved.kind, saved.reason) == ("Maraude", "off", "Vehicule en panne")
    assert saved.starts_at == NOW.replace(minute=0) + timedelta(hours=1)
    assert saved.ends_at - saved.starts_at == timedelta(hours=8)
    assert column(page, 1) == ["Off"]
    assert not page.form_widget.isEnabled()  # recorded: it can only be removed


def test_every_list_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, database: Database, english: InstalledLanguage
) -> None:
    from operline.demo import fill_demo_database

    fill_demo_database(database, incidents=0, weeks=1, now=NOW)
    [team, *_] = editing.list_teams(database)
    editing.add_exception(
        database,
        editing.ExceptionDraft(
            team.id, "off", None, None, NOW, NOW + timedelta(hours=4), "Formation"
        ),
        actor=ACTOR,
        now=NOW,
    )
    editor = open_editor(qtbot, database)

    for page in editor.pages:
        assert page.model.rowCount() > 0
        qtmodeltester.check(page.model)  # type: ignore[attr-defined]


def test_the_sentences_shown_are_the_services_own() -> None:
    assert PROBLEM_SOURCES == editing.MESSAGES


@pytest.mark.usefixtures("stretched_french")
def test_french_a_third_longer_still_fits_the_desk_screen(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    from operline.demo import fill_demo_database

    fill_demo_database(sqlite_database, incidents=0, weeks=1, now=NOW)
    editor = open_editor(qtbot, sqlite_database)
    assert editor.teams.title.text().endswith(MARK) or editor.teams.new_button.text().endswith(
        MARK
    )  # the pseudo-translation is in force
    assert editor.minimumSizeHint().width() <= DESK_SCREEN_WIDTH

    for page in editor.pages:
        editor.tabs.setCurrentWidget(page)
        page.table.selectRow(0)
        qtbot.wait(10)
        assert not page.table.horizontalScrollBar().isVisible(), page.objectName()
        header = page.table.horizontalHeader()
        for section in range(page.model.columnCount()):
            title = page.model.headerData(section, Qt.Orientation.Horizontal)
            assert header.sectionSize(section) >= header.fontMetrics().horizontalAdvance(title)
        for widget in [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]:
            if widget.isVisible() and widget.text() and not getattr(widget, "wordWrap", bool)():
                assert widget.width() >= widget.sizeHint().width(), widget.text()


def test_closing_the_dialog_with_unsaved_typing_asks_first(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    dialog = RosterEditorDialog(desk_context(database, lambda: NOW), actor=ACTOR)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editor.tabs.setCurrentWidget(dialog.editor.sectors)
    dialog.editor.sectors.start_new()
    dialog.editor.sectors.name.setText("Forceval")
    dialog.editor.tabs.setCurrentWidget(dialog.editor.teams)

    asked = answer_next_question(QMessageBox.StandardButton.Cancel)
    dialog.reject()
    assert asked == ["Save the changes made in the form?"]
    assert dialog.isVisible()
    assert dialog.editor.tabs.currentWidget() is dialog.editor.sectors

    answer_next_question(QMessageBox.StandardButton.Save)
    dialog.reject()
    assert not dialog.isVisible()
    assert [s.name for s in editing.list_sectors(database)] == ["Forceval"]
