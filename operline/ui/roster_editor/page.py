"""One tab of the roster editor: the list of one kind of entry beside the form that edits it.

The form is checked by the service at every change; each problem shows under its field
(errors in red, warnings in amber) and Save stays disabled while an error remains or
nothing changed. Leaving a changed form asks first, so nothing typed is lost unnoticed.
Texts of this base class use the "EditorPage" context explicitly: Qt would otherwise look
them up under each tab's own class name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.roster.editing import Check, RosterEditRefused
from operline.ui import shortcuts
from operline.ui.messages import error_sentence
from operline.ui.roster_editor.form import CheckedForm
from operline.ui.roster_editor.model import Column, RecordTableModel

R = TypeVar("R")
D = TypeVar("D")

# Declared with every other key in operline.ui.shortcuts.
SAVE = shortcuts.EDITOR_SAVE
NEW = shortcuts.EDITOR_NEW
REMOVE = shortcuts.EDITOR_REMOVE
SHORTCUTS = (SAVE, NEW, REMOVE)


@dataclass(frozen=True)
class EditorContext:
    """What every tab needs: the database, who is editing, and the time."""

    database: Database
    actor: Actor
    clock: Callable[[], datetime]


class EditorPage(QWidget, Generic[R, D]):
    """A list and its form; subclasses say what a record, a draft and the fields are."""

    #: Something was saved, retired or removed: other screens may need to refresh.
    saved = Signal()

    def __init__(self, context: EditorContext, *, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.context = context
        self._current: R | None = None
        self._baseline: D | None = None
        self._selecting = False

        self.model: RecordTableModel[R] = RecordTableModel(
            self.columns(), self.record_id, self.is_active, self
        )
        self.table = QTableView(self)
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda _index: self.focus_form())

        self.title = QLabel(self)
        self.title.setObjectName(f"{name}FormTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.form_widget = CheckedForm(f"{name}Form", self)
        self.form_widget.edited.connect(self.revalidate)

    # What each tab says

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    def load(self) -> list[R]:
        raise NotImplementedError

    def record_id(self, record: R) -> int:
        raise NotImplementedError

    def is_active(self, record: R) -> bool:
        """Whether an entry is in force; retired ones are greyed and can be brought back."""
        return True

    def can_remove(self, record: R) -> bool:
        """Whether Del may act on an entry: retiring what is retired already does nothing."""
        return self.is_active(record)

    def blank(self) -> D:
        raise NotImplementedError

    def draft_of(self, record: R) -> D:
        raise NotImplementedError

    def read_form(self) -> D:
        raise NotImplementedError

    def fill_form(self, draft: D, record: R | None) -> None:
        raise NotImplementedError

    def check(self, draft: D, record: R | None) -> Check:
        raise NotImplementedError

    def store(self, draft: D, record: R | None) -> R:
        raise NotImplementedError

    def remove(self, record: R) -> None:
        raise NotImplementedError

    def removal_question(self, record: R) -> str:
        raise NotImplementedError

    def restore(self, record: R) -> None:
        """Bring a retired entry back; only tabs whose entries retire offer it."""
        raise NotImplementedError

    def form_title(self, record: R | None) -> str:
        raise NotImplementedError

    def editable(self, record: R | None) -> bool:
        return True

    def refresh_choices(self) -> None:
        """Reload what the form's lists offer (teams, sectors); most forms have none."""

    # Building the form

    def add_field(self, label: str, widget: QWidget, *fields: str) -> None:
        """Add a form row for ``fields``; their problems show under the widget."""
        self.form_widget.add_field(label, widget, *fields)

    def watch(self, signal: object, *fields: str) -> None:
        """Check the form again whenever ``signal`` fires; it means ``fields`` changed."""
        self.form_widget.watch(signal, *fields)

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

    def size_columns(self, samples: list[list[str]]) -> None:
        """Widths from sample texts and the translated titles, never cut in either."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        for column, texts in enumerate(samples):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                *(metrics.horizontalAdvance(text) for text in texts),
                header.fontMetrics().horizontalAdvance(title) + 8,
            )
            self.table.setColumnWidth(column, width + 18)

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

    def refresh(self) -> None:
        """Read the list again; an unchanged form shows the fresh entry."""
        try:
            records = self.load()
            self.refresh_choices()
        except OperlineError as error:
            self.form_widget.show_sentence(error_sentence(error))
            return
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
        retired = record is not None and not self.is_active(record)
        self.restore_button.setVisible(self._can_restore and retired)
        removable = record is not None and self.can_remove(record)
        self.remove_button.setEnabled(removable)
        self.remove_action.setEnabled(removable)
        self.revalidate()

    def revalidate(self) -> None:
        """Ask the service what is wrong with the form as it stands, and show it."""
        self.status.clear()
        draft = self.read_form()
        try:
            check = self.check(draft, self._current)
        except OperlineError as error:
            self.save_button.setEnabled(False)
            self.form_widget.show_sentence(error_sentence(error))
            return
        self.form_widget.show_check(check)
        dirty = draft != self._baseline
        self.save_button.setEnabled(check.ok and dirty and self.editable(self._current))

    def problems_of(self, field_name: str) -> list[str]:
        """The sentences shown under a field, errors first (for tests and screen readers)."""
        return self.form_widget.problems_of(field_name)

    # Acting

    def start_new(self) -> None:
        """An empty form for a new entry, focused; a changed form is asked about first."""
        if not self.confirm_leaving():
            return
        self._selecting = True
        self.table.selectionModel().clearCurrentIndex()
        self.table.clearSelection()
        self._selecting = False
        self._show(None)
        self.focus_form()

    def save(self) -> bool:
        """Save the form; the list then shows the saved entry, selected."""
        saved = self._store_form()
        if saved is not None:
            self._current = saved
            self._baseline = None  # the form now matches what was saved
            self.refresh()
            self.status.setText(QCoreApplication.translate("EditorPage", "Saved."))
        return saved is not None

    def _store_form(self) -> R | None:
        if not self.save_button.isEnabled():
            return None
        try:
            record = self.store(self.read_form(), self._current)
        except RosterEditRefused as refused:
            self.form_widget.show_check(Check(errors=refused.errors))
            self.save_button.setEnabled(False)
            return None
        except OperlineError as error:
            QMessageBox.critical(
                self, QCoreApplication.translate("EditorPage", "Not saved"), error_sentence(error)
            )
            return None
        self.saved.emit()
        return record

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
            self._act(lambda: self.remove(record))

    def _restore(self) -> None:
        if self._current is not None:
            record = self._current
            self._act(lambda: self.restore(record))

    def _act(self, action: Callable[[], None]) -> None:
        try:
            action()
        except OperlineError as error:
            QMessageBox.critical(
                self, QCoreApplication.translate("EditorPage", "Not saved"), error_sentence(error)
            )
            return
        self._baseline = None
        self.saved.emit()
        self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_leaving(self) -> bool:
        """True when the form may be left: unchanged, saved now, or its changes dropped."""
        if not self.has_unsaved_changes():
            return True
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
            if self._store_form() is None:
                return False
            # The list is read again once the selection has settled.
            QTimer.singleShot(0, self, self.refresh)
            return True
        return answer == QMessageBox.StandardButton.Discard

    def _current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if self._selecting:
            return
        if not self.confirm_leaving():
            self._selecting = True
            if previous.isValid():
                self._select_row(previous.row())
            else:
                self.table.selectionModel().clearCurrentIndex()
                self.table.clearSelection()
            self._selecting = False
            return
        self._show(self.model.record(current.row()) if current.isValid() else None)

    def _select_row(self, row: int) -> None:
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
