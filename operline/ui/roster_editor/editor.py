"""The roster editor, for supervisors: teams, sectors, places, weekly shifts, exceptions.

Each tab is a list beside a form checked as the supervisor types. Ctrl+S saves the form
shown, Ctrl+N starts a new entry, Del in a list retires or deletes the selected entry after
asking. Every read and write goes through the desk's task runner, off the GUI thread; each
change is written with its audit row and put on the desk's change bus, so the other
screens redraw what it touches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from operline.actors import Actor
from operline.changes import Changes
from operline.ui.desk_context import DeskContext
from operline.ui.roster_editor.exceptions import ExceptionsPage
from operline.ui.roster_editor.page import NEW, SAVE, EditorContext, EditorPage
from operline.ui.roster_editor.pages import FacilitiesPage, SectorsPage, TeamsPage
from operline.ui.roster_editor.patterns import PatternsPage
from operline.ui.shortcuts import Shortcut


class RosterEditor(QWidget):
    """Five tabs of roster data a supervisor keeps; can be shown alone or in a dialog."""

    #: A change to the roster was saved (teams, sectors, shifts or exceptions), after it
    #: went on the change bus: for screens that read the roster only when shown.
    roster_changed = Signal()

    def __init__(self, desk: DeskContext, *, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterEditor")
        self.setAccessibleName(self.tr("Roster editor"))
        self._desk = desk
        context = EditorContext(desk.runner, actor, desk.clock)
        self.teams = TeamsPage(context, self)
        self.sectors = SectorsPage(context, self)
        self.facilities = FacilitiesPage(context, self)
        self.patterns = PatternsPage(context, self)
        self.exceptions = ExceptionsPage(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("rosterEditorTabs")
        self.tabs.setAccessibleName(self.tr("Roster editor"))
        titles: list[tuple[EditorPage[Any, Any], str]] = [
            (self.teams, self.tr("&Teams")),
            (self.sectors, self.tr("&Sectors")),
            (self.facilities, self.tr("&Places")),
            (self.patterns, self.tr("&Weekly shifts")),
            (self.exceptions, self.tr("E&xceptions")),
        ]
        self.pages = [page for page, _ in titles]
        for page, title in titles:
            self.tabs.addTab(page, title)
            page.saved.connect(self._page_saved)
        self.tabs.currentChanged.connect(self._tab_shown)
        self._stale: set[int] = set()

        self.save_action = self._action(self.tr("Save"), "rosterSaveAction", SAVE)
        self.save_action.triggered.connect(lambda: self.current_page().save())
        self.new_action = self._action(self.tr("New"), "rosterNewAction", NEW)
        self.new_action.triggered.connect(lambda: self.current_page().start_new())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tabs)
        self.setTabOrder(self.tabs, self.teams.table)

    def current_page(self) -> EditorPage[Any, Any]:
        return self.pages[self.tabs.currentIndex()]

    def has_unsaved_changes(self) -> bool:
        """Whether a tab holds a form changed but not saved (to ask before closing)."""
        return any(page.has_unsaved_changes() for page in self.pages)

    def _action(self, text: str, name: str, shortcut: Shortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        shortcut.bind(action)
        # Only while the editor has the focus: the main window keeps its own keys.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _page_saved(self, changes: Changes) -> None:
        # The other tabs read their lists again when next shown: a renamed team must
        # appear in the weekly shifts, a retired sector leave the choices.
        sender = self.sender()
        self._stale = {i for i, page in enumerate(self.pages) if page is not sender}
        self._desk.changes.publish(changes)
        if changes.roster:
            self.roster_changed.emit()

    def _tab_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.pages[index].refresh()


class RosterEditorDialog(QDialog):
    """The roster editor in its own window, asking before unsaved changes are lost."""

    def __init__(self, desk: DeskContext, *, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterEditorDialog")
        self.setWindowTitle(self.tr("Teams and roster"))
        self.setAccessibleName(self.tr("Teams and roster"))
        self.editor = RosterEditor(desk, actor=actor, parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        self.resize(1280, 700)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._unsaved_page() is None:
            super().closeEvent(event)
        else:
            event.ignore()
            self._close_once_left(self.close)

    def reject(self) -> None:
        # Escape closes the dialog: it asks first, like the window's close button.
        self._close_once_left(lambda: QDialog.reject(self))

    def _unsaved_page(self) -> EditorPage[Any, Any] | None:
        return next((p for p in self.editor.pages if p.has_unsaved_changes()), None)

    def _close_once_left(self, close: Callable[[], object]) -> None:
        """Ask about each tab holding unsaved changes; ``close`` once none is left."""
        page = self._unsaved_page()
        if page is None:
            close()
            return
        self.editor.tabs.setCurrentWidget(page)
        # A save answers later, from the runner: the next tab is asked about then.
        page.leave(lambda: self._close_once_left(close))
