"""The shape of a roster editor tab: its list, its form, and what each tab says of itself.

What a tab reads or writes it says as a function of the database, built on the GUI thread
from the form and run on the task runner's worker (see ``operline.ui.roster_editor.page``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from operline.actors import Actor
from operline.changes import Changes
from operline.db.engine import Database
from operline.roster.editing import Check
from operline.ui.roster_editor.form import CheckedForm
from operline.ui.roster_editor.model import Column, RecordTableModel
from operline.ui.tasks import TaskRunner, Work

R = TypeVar("R")
D = TypeVar("D")
_Saved = TypeVar("_Saved", covariant=True)
_Draft = TypeVar("_Draft", contravariant=True)


class AddEntry(Protocol[_Draft, _Saved]):
    """A service that adds an entry from a draft, e.g. ``editing.add_team``."""

    def __call__(
        self, database: Database, draft: _Draft, /, *, actor: Actor, now: datetime
    ) -> _Saved: ...


class ChangeEntry(Protocol[_Draft, _Saved]):
    """A service that writes a draft over an entry, e.g. ``editing.update_team``."""

    def __call__(
        self, database: Database, entry_id: int, draft: _Draft, /, *, actor: Actor, now: datetime
    ) -> _Saved: ...


class ActOnEntry(Protocol):
    """A service that retires, brings back or removes an entry, e.g. ``editing.retire_team``."""

    def __call__(
        self, database: Database, entry_id: int, /, *, actor: Actor, now: datetime
    ) -> object: ...


#: Shows, on the GUI thread, the choices a form offers once they have been read.
ShowChoices = Callable[[], None]


@dataclass(frozen=True)
class EditorContext:
    """What every tab needs: the runner that reaches the database, who edits, the time."""

    runner: TaskRunner
    actor: Actor
    clock: Callable[[], datetime]


class EditorTab(QWidget, Generic[R, D]):
    """A list and its form; each tab says what a record, a draft and the fields are."""

    #: What a write of this tab changes; the places tab says places instead.
    changes = Changes(roster=True)

    def __init__(self, context: EditorContext, *, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.context = context

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

        self.title = QLabel(self)
        self.title.setObjectName(f"{name}FormTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.form_widget = CheckedForm(f"{name}Form", self)
        self.table.activated.connect(lambda _index: self.form_widget.focus_first())

    # What each tab says

    def columns(self) -> list[Column[R]]:
        raise NotImplementedError

    # The functions below build, on the GUI thread, the work the runner does on its worker:
    # what they return touches no widget and reads nothing but the database it is given.

    def load(self) -> Work[list[R]]:
        raise NotImplementedError

    def load_choices(self) -> Work[ShowChoices] | None:
        """Read what the form's lists offer (teams, sectors); most forms have none."""
        return None

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

    def check(self, draft: D, record: R | None) -> Work[Check]:
        raise NotImplementedError

    def store(self, draft: D, record: R | None) -> Work[R]:
        raise NotImplementedError

    def remove(self, record: R) -> Work[object]:
        raise NotImplementedError

    def removal_question(self, record: R) -> str:
        raise NotImplementedError

    def restore(self, record: R) -> Work[object]:
        """Bring a retired entry back; only tabs whose entries retire offer it."""
        raise NotImplementedError

    # The writes, as the tabs build them from their services

    def saving(
        self,
        draft: D,
        record: R | None,
        add: AddEntry[D, R],
        change: ChangeEntry[D, R] | None = None,
    ) -> Work[R]:
        """The work of saving: a new entry with ``add``, or over ``record`` with ``change``."""
        actor, now = self.context.actor, self.context.clock()
        if record is None or change is None:
            return lambda database: add(database, draft, actor=actor, now=now)
        entry_id = self.record_id(record)
        return lambda database: change(database, entry_id, draft, actor=actor, now=now)

    def acting(self, record: R, service: ActOnEntry) -> Work[object]:
        """The work of retiring, bringing back or removing ``record`` with ``service``."""
        entry_id, actor, now = self.record_id(record), self.context.actor, self.context.clock()
        return lambda database: service(database, entry_id, actor=actor, now=now)

    def form_title(self, record: R | None) -> str:
        raise NotImplementedError

    def editable(self, record: R | None) -> bool:
        return True

    # Building the form

    def add_field(self, label: str, widget: QWidget, *fields: str) -> None:
        """Add a form row for ``fields``; their problems show under the widget."""
        self.form_widget.add_field(label, widget, *fields)

    def watch(self, signal: object, *fields: str) -> None:
        """Check the form again whenever ``signal`` fires; it means ``fields`` changed."""
        self.form_widget.watch(signal, *fields)

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
