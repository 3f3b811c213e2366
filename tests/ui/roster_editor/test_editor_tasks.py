"""The roster editor waits for no database: lists, checks and saves go through the runner."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from operline.actors import system_actor
from operline.changes import Changes
from operline.db.engine import Database
from operline.roster import editing
from operline.roster.editing import SectorDraft, TeamDraft
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.roster_editor.editor import RosterEditor
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import TaskRunner, _Task
from tests.actors import WORKSTATION
from tests.ui.conftest import NOW

ACTOR = system_actor("Claire Dumont", WORKSTATION)


class StatementWatch:
    """Every statement sent to the database, with the thread that sent it."""

    def __init__(self, database: Database) -> None:
        self.on_gui_thread: list[str] = []
        self.on_worker = 0
        self._engine = database.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _connection: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        if threading.current_thread() is threading.main_thread():
            self.on_gui_thread.append(" ".join(statement.split())[:120])
        else:
            self.on_worker += 1

    def stop(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


class HeldRunner(TaskRunner):
    """Keeps each task until the test answers it, in the order the test chooses."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self.held: list[_Task[Any]] = []

    def _start(self, task: _Task[Any]) -> None:
        self.held.append(task)

    def answer(self, index: int = 0) -> None:
        task = self.held.pop(index)
        self._perform(task)
        self._answer(task)

    def answer_all(self) -> None:
        while self.held:  # an answer may ask more (a list read, then a check)
            self.answer()


def open_editor(qtbot: QtBot, runner: TaskRunner, bus: ChangeBus) -> RosterEditor:
    editor = build_editor(qtbot, runner, bus)
    show(qtbot, editor)
    return editor


def build_editor(qtbot: QtBot, runner: TaskRunner, bus: ChangeBus) -> RosterEditor:
    desk = DeskContext(runner, lambda: NOW, lambda: None, bus, lambda: ACTOR)
    editor = RosterEditor(desk, actor=ACTOR)
    qtbot.addWidget(editor)
    return editor


def show(qtbot: QtBot, editor: RosterEditor) -> None:
    editor.resize(1366, 768)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()


def heard_on(bus: ChangeBus) -> list[Changes]:
    heard: list[Changes] = []
    bus.changed.connect(heard.append)
    return heard


def column(page: Any, number: int) -> list[str]:
    return [page.model.index(row, number).data() for row in range(page.model.rowCount())]


@pytest.fixture
def held(sqlite_database: Database) -> Iterator[HeldRunner]:
    runner = HeldRunner(sqlite_database)
    yield runner
    runner.shut_down()


def test_a_team_is_edited_and_saved_without_a_statement_on_the_gui_thread(
    qtbot: QtBot, sqlite_database: Database, english: InstalledLanguage
) -> None:
    editing.add_team(
        sqlite_database, TeamDraft("Aurore", "Asso", "01 99 00 12 34"), actor=ACTOR, now=NOW
    )
    runner = TaskRunner(sqlite_database)
    bus = ChangeBus()
    heard = heard_on(bus)
    watch = StatementWatch(sqlite_database)
    try:
        editor = build_editor(qtbot, runner, bus)
        page = editor.teams
        assert page.model.rowCount() == 0  # asked; the rows come when the worker answers
        assert runner.pending > 0
        show(qtbot, editor)
        qtbot.waitUntil(lambda: column(page, 0) == ["Aurore"])

        page.table.setFocus()
        page.table.selectRow(0)
        assert page.name.text() == "Aurore"
        page.organisation.clear()
        qtbot.keyClicks(page.organisation, "Association Aurore")
        qtbot.waitUntil(page.save_button.isEnabled)
        qtbot.keyClick(
            editor.window().windowHandle(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
        assert not page.save_button.isEnabled()  # the write is in flight
        assert not page.new_button.isEnabled()
        qtbot.waitUntil(lambda: page.status.text() == "Saved.", timeout=10_000)
        qtbot.waitUntil(lambda: runner.pending == 0)

        assert column(page, 1) == ["Association Aurore"]
        assert page.table.currentIndex().row() == 0
        assert not page.save_button.isEnabled()  # nothing changed since
        assert heard == [Changes(roster=True)]
    finally:
        watch.stop()
        runner.shut_down()

    assert watch.on_gui_thread == []
    assert watch.on_worker > 5  # the list, the checks and the write, on the worker
    [team] = editing.list_teams(sqlite_database)
    assert team.organisation == "Association Aurore"


def test_only_the_check_of_the_latest_draft_counts(
    qtbot: QtBot, sqlite_database: Database, held: HeldRunner, english: InstalledLanguage
) -> None:
    editing.add_sector(sqlite_database, SectorDraft("Éole"), actor=ACTOR, now=NOW)
    editor = open_editor(qtbot, held, ChangeBus())
    page = editor.sectors
    editor.tabs.setCurrentWidget(page)
    held.answer_all()
    page.start_new()
    held.answer_all()

    page.name.setText("eole")  # taken
    page.name.setText("eoles")  # free
    assert len(held.held) == 2  # both asked, neither answered

    held.answer(1)  # the latest answers first
    assert page.problems_of("name") == []
    assert page.save_button.isEnabled()
    held.answer(0)  # then the one about "eole", typed over since
    assert page.problems_of("name") == []
    assert page.save_button.isEnabled()

    page.name.setText("Eole")
    held.answer_all()
    assert page.problems_of("name") == ["Éole already exists."]
    assert not page.save_button.isEnabled()


def test_save_is_greyed_while_the_write_is_in_flight_and_asked_once(
    qtbot: QtBot, sqlite_database: Database, held: HeldRunner, english: InstalledLanguage
) -> None:
    bus = ChangeBus()
    heard = heard_on(bus)
    editor = open_editor(qtbot, held, bus)
    page = editor.sectors
    editor.tabs.setCurrentWidget(page)
    held.answer_all()
    page.start_new()
    page.name.setText("Stalingrad")
    held.answer_all()
    assert page.save_button.isEnabled()

    page.save()
    assert not page.save_button.isEnabled()
    assert not page.save()  # a second Ctrl+S asks nothing more
    assert len(held.held) == 1
    assert editing.list_sectors(sqlite_database) == []
    assert heard == []

    held.answer_all()
    assert [s.name for s in editing.list_sectors(sqlite_database)] == ["Stalingrad"]
    assert column(page, 0) == ["Stalingrad"]
    assert page.status.text() == "Saved."
    assert heard == [Changes(roster=True)]


def test_a_name_taken_meanwhile_is_refused_under_its_field(
    qtbot: QtBot, sqlite_database: Database, held: HeldRunner, english: InstalledLanguage
) -> None:
    editor = open_editor(qtbot, held, ChangeBus())
    page = editor.sectors
    editor.tabs.setCurrentWidget(page)
    held.answer_all()
    page.start_new()
    page.name.setText("Éole")
    held.answer_all()
    assert page.save_button.isEnabled()
    # Another desk adds it between the check and the save.
    editing.add_sector(sqlite_database, SectorDraft("Eole"), actor=ACTOR, now=NOW)

    page.save()
    held.answer_all()

    assert page.problems_of("name") == ["Eole already exists."]
    assert not page.save_button.isEnabled()
    assert page.name.text() == "Éole"  # the typing is kept
    assert [s.name for s in editing.list_sectors(sqlite_database)] == ["Eole"]


def test_a_place_saved_tells_the_places_not_the_roster(
    qtbot: QtBot, sqlite_database: Database, held: HeldRunner, english: InstalledLanguage
) -> None:
    bus = ChangeBus()
    heard = heard_on(bus)
    editor = open_editor(qtbot, held, bus)
    page = editor.facilities
    editor.tabs.setCurrentWidget(page)
    held.answer_all()
    page.start_new()
    page.name.setText("Halte de nuit")
    page.kind.setText("night shelter")
    held.answer_all()
    assert page.save_button.isEnabled(), page.form_widget.general_text()

    with qtbot.assertNotEmitted(editor.roster_changed):
        page.save()
        held.answer_all()

    assert heard == [Changes(places=True)]
    assert column(page, 0) == ["Halte de nuit"]
