"""One tab of the roster editor: the list of one kind of entry beside the form that edits it.

(Over 400 lines: the read, check, save and leave cycle of a tab, one state machine.)

The list is read, the form checked at every change and saved through the desk's task
runner, off the GUI thread: a tab says what to read or write as a function of the database,
built here from the form and run on the worker. Each problem shows under its field (errors
in red, warnings in amber); only the answer about the latest draft counts, and Save stays
disabled while an error remains, nothing changed or a write is in flight. Leaving a changed
form asks first, so nothing typed is lost unnoticed. Texts of this base class use the
"EditorPage" context explicitly: Qt would otherwise look them up under each tab's own class.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from operline.db.engine import Database
from operline.errors import OperlineError
from operline.roster.editing import Check, RosterEditRefused
from operline.ui import shortcuts
from operline.ui.messages import error_sentence
from operline.ui.roster_editor.tab import D, EditorContext, EditorTab, R, ShowChoices
from operline.ui.tasks import Work

__all__ = ["NEW", "SAVE", "SHORTCUTS", "EditorContext", "EditorPage", "ShowChoices"]

# Declared with every other key in operline.ui.shortcuts.
SAVE = shortcuts.EDITOR_SAVE
NEW = shortcuts.EDITOR_NEW
REMOVE = shortcuts.EDITOR_REMOVE
SHORTCUTS = (SAVE, NEW, REMOVE)


class EditorPage(EditorTab[R, D]):
    """A tab that reads, checks and writes through the runner, and asks before leaving."""

    #: Something was saved, retired or removed; it carries what changed (a ``Changes``).
    saved = Signal(object)

    def __init__(self, context: EditorContext, *, name: str, parent: QWidget | None = None):
        super().__init__(context, name=name, parent=parent)
        self._current: R | None = None
        self._baseline: D | None = None
        self._selecting = False
        #: How many reads and checks were asked: only the latest one's answer counts.
        self._reads = 0
        self._checks = 0
        self._after_read: list[Callable[[], None]] = []
        self._check_ok = False
        self._writing = False
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.form_widget.edited.connect(self._edited)

    def finish_setup(
        self, remove_text: str, *, can_restore: bool, above_list: QWidget | None = None
    ) -> None:
        """Put the buttons after the fields (so Tab reaches them last), then load the list."""

        scroll = QScrollArea(self)
        scroll.setObjectName(f"{self.objectName()}FormScroll")
        scroll.setWidget(self.form_widget)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self.new_button = self._button(
            "newButton", QCoreApplication.translate("EditorPage", "New"), self.start_new
        )
        self.save_button = self._button(
            "saveButton", QCoreApplication.translate("EditorPage", "Save"), self.save
        )
        self.remove_button = self._button("removeButton", remove_text, self.remove_selected)
        self.restore_button = self._button(
            "restoreButton", QCoreApplication.translate("EditorPage", "Bring back"), self._restore
        )
        self.restore_button.setVisible(False)
        self._can_restore = can_restore
        self.status = QLabel(self)
        self.status.setObjectName(f"{self.objectName()}Status")
        buttons = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)

        side = QVBoxLayout()
        side.addWidget(self.title)
        side.addWidget(scroll, 1)
        side.addLayout(buttons)
        listing = QVBoxLayout()
        if above_list is not None:
            listing.addWidget(above_list)
        listing.addWidget(self.table)
        layout = QHBoxLayout(self)
        layout.addLayout(listing, 11)
        layout.addLayout(side, 9)

        # Del acts on the list only: in a text field it still deletes a character.
        self.remove_action = QAction(remove_text, self.table)
        self.remove_action.setObjectName(f"{self.objectName()}RemoveAction")
        self.remove_action.setShortcut(REMOVE.sequence())
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.table.addAction(self.remove_action)
        self.refresh()
        self._show(None)

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(f"{self.objectName()}{name[0].upper()}{name[1:]}")
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(lambda: slot())
        return button

    # Reading and showing

    @property
    def current(self) -> R | None:
        return self._current

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the list again; an unchanged form shows the fresh entry, then ``then`` runs."""
        if then is not None:
            self._after_read.append(then)
        self._reads += 1
        asked = self._reads
        load, load_choices = self.load(), self.load_choices()

        def read(database: Database) -> tuple[list[R], ShowChoices | None]:
            records = load(database)
            return records, load_choices(database) if load_choices is not None else None

        self.context.runner.run(
            read,
            lambda answer: self._read(asked, *answer),
            lambda error: self._read_refused(asked, error),
            owner=self,
        )

    def _read(self, asked: int, records: list[R], show_choices: ShowChoices | None) -> None:
        if asked != self._reads:
            return  # a later read is on its way, and the waiting steps with it
        if show_choices is not None:
            show_choices()
        current_id = self.record_id(self._current) if self._current is not None else None
        dirty = self.has_unsaved_changes()
        self._selecting = True
        self.model.set_records(records)
        row = self.model.row_of(current_id) if current_id is not None else None
        if row is not None:
            self._select_row(row)
        self._selecting = False
        if not dirty:
            self._show(self.model.record(row) if row is not None else None)
        elif current_id is not None and row is None:
            self._current = None  # removed meanwhile: saving would add it again
            self.revalidate()
        waiting, self._after_read = self._after_read, []
        for step in waiting:
            step()

    def _read_refused(self, asked: int, error: OperlineError) -> None:
        if asked == self._reads:
            self._after_read.clear()
            self.form_widget.show_sentence(error_sentence(error))

    def focus_form(self) -> None:
        self.form_widget.focus_first()

    def has_unsaved_changes(self) -> bool:
        if self._baseline is None or not self.editable(self._current):
            return False
        return self.read_form() != self._baseline

    def _show(self, record: R | None) -> None:
        self._current = record
        draft = self.draft_of(record) if record is not None else self.blank()
        with self.form_widget.filling():
            self.fill_form(draft, record)
        self._baseline = self.read_form()
        self.form_widget.new_entry = record is None
        self.title.setText(self.form_title(record))
        self.form_widget.setEnabled(self.editable(record))
        self.status.clear()
        retired = record is not None and not self.is_active(record)
        self.restore_button.setVisible(self._can_restore and retired)
        self._set_removable(record is not None and self.can_remove(record))
        self._check_ok = False  # until the service has said so of this entry
        self.revalidate()

    def _set_removable(self, removable: bool) -> None:
        self.remove_button.setEnabled(removable)
        self.remove_action.setEnabled(removable)

    def _edited(self) -> None:
        self.status.clear()
        self.revalidate()

    def revalidate(self) -> None:
        """Ask the service what is wrong with the form as it stands, and show it."""
        self._checks += 1
        asked = self._checks
        # Until the answer comes, Save keeps what the previous draft's check said.
        self._update_save()
        self.context.runner.run(
            self.check(self.read_form(), self._current),
            lambda check: self._checked(asked, check),
            lambda error: self._check_refused(asked, error),
            owner=self,
        )

    def _checked(self, asked: int, check: Check) -> None:
        if asked != self._checks:
            return  # about a draft typed over since
        self._check_ok = check.ok
        self.form_widget.show_check(check)
        self._update_save()

    def _check_refused(self, asked: int, error: OperlineError) -> None:
        if asked != self._checks:
            return
        self._check_ok = False
        self.form_widget.show_sentence(error_sentence(error))
        self._update_save()

    def _update_save(self) -> None:
        dirty = self._baseline is not None and self.read_form() != self._baseline
        self.save_button.setEnabled(
            self._check_ok and dirty and self.editable(self._current) and not self._writing
        )

    def problems_of(self, field_name: str) -> list[str]:
        """The sentences shown under a field, errors first (for tests and screen readers)."""
        return self.form_widget.problems_of(field_name)

    # Acting

    def start_new(self) -> None:
        """An empty form for a new entry, focused; a changed form is asked about first."""
        self.leave(self._new_entry)

    def _new_entry(self) -> None:
        self._clear_selection()
        self._show(None)
        self.focus_form()

    def save(self, then: Callable[[], None] | None = None) -> bool:
        """Save the form; the list then shows the saved entry, selected, and ``then`` runs.

        False when there is nothing to save (an error shown, nothing changed, a save
        already in flight).
        """
        if not self.save_button.isEnabled():
            return False
        draft, record = self.read_form(), self._current
        self._writing = True
        self.context.runner.run(
            self.store(draft, record),
            lambda saved: self._stored(draft, saved, then),
            self._store_refused,
            owner=self,
            busy=(self.save_button, self.new_button),
        )
        return True

    def _stored(self, draft: D, saved: R, then: Callable[[], None] | None) -> None:
        self._writing = False
        self._current = saved
        # What was saved is the form's new starting point; typing since stays unsaved.
        self._baseline = draft
        self._update_save()
        self.saved.emit(self.changes)

        def shown() -> None:
            self.status.setText(QCoreApplication.translate("EditorPage", "Saved."))
            if then is not None:
                then()

        self.refresh(then=shown)

    def _store_refused(self, error: OperlineError) -> None:
        self._writing = False
        if isinstance(error, RosterEditRefused):
            self._check_ok = False
            self.form_widget.show_check(Check(errors=error.errors))
        else:
            self._not_saved(error)
        self._update_save()

    def _not_saved(self, error: OperlineError) -> None:
        QMessageBox.critical(
            self, QCoreApplication.translate("EditorPage", "Not saved"), error_sentence(error)
        )

    def remove_selected(self) -> None:
        record = self._current
        if record is None or not self.can_remove(record):
            return
        answer = QMessageBox.question(
            self,
            self.remove_button.text().replace("&", "").rstrip("…"),
            self.removal_question(record),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        # Back to the list either way, so the arrows and Del keep working.
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if answer == QMessageBox.StandardButton.Yes:
            self._act(self.remove(record))

    def _restore(self) -> None:
        if self._current is not None:
            self._act(self.restore(self._current))

    def _act(self, work: Work[object]) -> None:
        self.context.runner.run(
            work,
            lambda _done: self._acted(),
            self._not_saved,
            owner=self,
            busy=(self.remove_button, self.remove_action, self.restore_button),
        )

    def _acted(self) -> None:
        # Nothing more to retire or bring back until the list says what the entry is now.
        self._set_removable(False)
        self.restore_button.setVisible(False)
        self._baseline = None
        self.saved.emit(self.changes)
        self.refresh(then=lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))

    def leave(self, then: Callable[[], None]) -> None:
        """Run ``then`` once the form may be left: unchanged, saved, or its changes dropped.

        A changed form is asked about; Cancel, or a save refused, keeps it as typed.
        """
        if not self.has_unsaved_changes():
            then()
            return
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("EditorPage", "Unsaved changes"),
            QCoreApplication.translate("EditorPage", "Save the changes made in the form?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            self.save(then=then)
        elif answer == QMessageBox.StandardButton.Discard:
            self._show(self._current)
            then()

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting:
            return
        chosen = self.model.record(current.row()) if current.isValid() else None
        if not self.has_unsaved_changes():
            self._show(chosen)
            return
        # The entry being edited stays selected while the question is asked and any save
        # runs; the one chosen is shown after, found again by id in the list read then.
        self._selecting = True
        if previous.isValid():
            self._select_row(previous.row())
        else:
            self._clear_selection()
        self._selecting = False
        chosen_id = self.record_id(chosen) if chosen is not None else None
        self.leave(lambda: self._go_to(chosen_id))

    def _go_to(self, record_id: int | None) -> None:
        row = self.model.row_of(record_id) if record_id is not None else None
        self._selecting = True
        if row is None:
            self._clear_selection()
        else:
            self._select_row(row)
        self._selecting = False
        self._show(self.model.record(row) if row is not None else None)

    def _clear_selection(self) -> None:
        selecting, self._selecting = self._selecting, True
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self._selecting = selecting

    def _select_row(self, row: int) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
