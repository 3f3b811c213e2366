"""Changing and removing in the roster editor: the list shows the roster in force, while
the roster as it stood before the change can still be read."""

from __future__ import annotations

from datetime import time, timedelta

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.roster import editing
from operline.roster.duty import on_duty_as_stood
from operline.roster.editing import ExceptionDraft, PatternDraft, SectorDraft, TeamDraft
from operline.ui.shell.language import InstalledLanguage
from tests.ui.conftest import NOW
from tests.ui.roster_editor.test_roster_editor import (
    ACTOR,
    add,
    answer_next_question,
    audit_actions,
    column,
    open_editor,
    press,
)

EVERY_DAY = frozenset(range(7))
WEEK_AGO = NOW - timedelta(days=7)


def on_duty(database: Database, sector_id: int, hours_from_now: float) -> list[str]:
    at = NOW + timedelta(hours=hours_from_now)
    return [team.name for team in on_duty_as_stood(database, sector_id, at)]


def test_a_shift_changed_then_deleted_in_the_editor_still_answers_for_before(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    stalingrad = add(database, editing.add_sector, SectorDraft("Stalingrad"))
    maraude = add(database, editing.add_team, TeamDraft("Maraude", "Asso", "01 99 00 12 34"))
    draft = PatternDraft(maraude, 1, EVERY_DAY, time(8), time(20), frozenset({stalingrad}))
    editing.add_shift_pattern(database, draft, actor=ACTOR, now=WEEK_AGO)
    editor = open_editor(qtbot, database)
    page = editor.patterns
    editor.tabs.setCurrentWidget(page)
    page.table.setFocus()
    page.table.selectRow(0)

    page.end.setTime(QTime(22, 0))  # NOW is 18:00 in Paris: still on duty, for longer
    with qtbot.waitSignal(editor.roster_changed):
        press(qtbot, editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    assert column(page, 3) == ["08:00 → 22:00"]
    [changed] = editing.list_shift_patterns(database)
    assert page.current == changed  # the changed shift, under its new id, stays selected
    assert page.table.selectionModel().isRowSelected(0)
    assert on_duty(database, stalingrad, -24 + 3) == []  # yesterday 21:00: it ended at 20:00
    assert on_duty(database, stalingrad, 3) == ["Maraude"]

    page.table.setFocus()
    accepted = answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.roster_changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert accepted
    assert "Maraude" in accepted[0]
    assert page.model.rowCount() == 0
    assert editing.list_shift_patterns(database) == []
    assert audit_actions(database)[-2:] == ["roster.pattern.update", "roster.pattern.delete"]
    assert on_duty(database, stalingrad, -1) == ["Maraude"]  # an hour ago, as it stood
    assert on_duty(database, stalingrad, 0) == []
    assert on_duty(database, stalingrad, 24 - 8) == []  # tomorrow morning


def test_an_exception_removed_in_the_editor_still_applies_to_before(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    stalingrad = add(database, editing.add_sector, SectorDraft("Stalingrad"))
    maraude = add(database, editing.add_team, TeamDraft("Maraude", "Asso", "01 99 00 12 34"))
    draft = PatternDraft(maraude, 1, EVERY_DAY, time(8), time(20), frozenset({stalingrad}))
    editing.add_shift_pattern(database, draft, actor=ACTOR, now=WEEK_AGO)
    off = ExceptionDraft(maraude, "off", None, None, NOW - timedelta(hours=3),
                         NOW + timedelta(days=1), "formation")  # fmt: skip
    editing.add_exception(database, off, actor=ACTOR, now=NOW - timedelta(hours=4))
    editor = open_editor(qtbot, database)
    page = editor.exceptions
    editor.tabs.setCurrentWidget(page)
    page.table.setFocus()
    page.table.selectRow(0)

    accepted = answer_next_question(QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.roster_changed):
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)

    assert accepted
    assert page.model.rowCount() == 0
    assert editing.list_exceptions(database, now=NOW, include_past=True) == []
    assert audit_actions(database)[-1] == "roster.exception.remove"
    assert on_duty(database, stalingrad, -1) == []  # off, as the roster stood an hour ago
    assert on_duty(database, stalingrad, 1) == ["Maraude"]
