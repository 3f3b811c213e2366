"""Before a call is saved: open incidents of the same sector from the last half hour.

Two crews often call about the same person, but a reflex must never merge an urgent call
into another: Enter (or N) makes a new incident; linking the call to an open incident
takes L, on the incident highlighted with the arrows. The call being typed is shown on the
first line, above the open incidents, so their need, place and priority read side by side.
Escape goes back to the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Priority
from operline.incidents.intake import CallForm
from operline.incidents.live_board import BoardIncident
from operline.paris_time import format_paris
from operline.ui import palette
from operline.ui.labels import category_label, priority_label, status_label

# Keys of the prompt; they join operline.ui.shortcuts when the desk is wired into the window.
NEW_INCIDENT_KEYS = ("Return", "Enter", "N")
LINK_KEYS = "L"
BACK_KEYS = "Escape"


class DuplicateChoice(Enum):
    LINK = "link"
    NEW_INCIDENT = "new_incident"
    BACK = "back"


@dataclass(frozen=True)
class DuplicateAnswer:
    """What the operator chose; ``incident_id`` names the incident to link to."""

    choice: DuplicateChoice
    incident_id: int | None = None


class _CallsTable(QTableWidget):
    """The calls side by side; Enter is a new incident, L links, the arrows choose."""

    new_incident = Signal()
    linked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.new_incident.emit()
            return
        if plain and event.key() == Qt.Key.Key_L:
            self.linked.emit()
            return
        upwards = event.key() in (Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Home)
        if upwards and self.currentRow() <= 1:
            return  # the call being typed is no incident to link to
        super().keyPressEvent(event)


class DuplicatePrompt(QDialog):
    """A new incident (the default), a link to an open one, or back; from the keyboard."""

    #: The operator's DuplicateAnswer.
    answered = Signal(object)

    def __init__(
        self, call: CallForm, incidents: list[BoardIncident], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatePrompt")
        self.setWindowTitle(self.tr("Same call already open?"))
        self.setAccessibleName(self.tr("Possible duplicate"))
        self._incidents = list(incidents)
        self.answer = DuplicateAnswer(DuplicateChoice.BACK)

        intro = QLabel(
            self.tr(
                "%n open incident(s) of this sector received in the last 30 minutes. "
                "Is it the same call?",
                "",
                len(incidents),
            ),
            self,
        )
        intro.setObjectName("duplicateIntro")
        intro.setWordWrap(True)
        self.calls = self._table(call)
        self.calls.new_incident.connect(self.new_incident)
        self.calls.linked.connect(self.link)
        self.calls.itemDoubleClicked.connect(lambda _: self.link())

        buttons = QDialogButtonBox(self)
        buttons.setObjectName("duplicateButtons")
        self.new_button = self._button(
            buttons, "newIncidentButton", self.tr("New incident"), NEW_INCIDENT_KEYS[1]
        )
        self.link_button = self._button(
            buttons, "linkButton", self.tr("Same call: link to the highlighted incident"), LINK_KEYS
        )
        self.back_button = self._button(
            buttons, "backButton", self.tr("Back to the call"), BACK_KEYS
        )
        self.new_button.clicked.connect(self.new_incident)
        self.link_button.clicked.connect(self.link)
        self.back_button.clicked.connect(self.reject)
        # N from anywhere in the prompt; Enter and L are the table's, which has the focus.
        new_key = QShortcut(QKeySequence(NEW_INCIDENT_KEYS[2]), self)
        new_key.activated.connect(self.new_incident)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.calls, 1)
        layout.addWidget(buttons)
        self.resize(
            860, 120 + self.calls.verticalHeader().defaultSectionSize() * (len(incidents) + 2)
        )
        self.finished.connect(lambda _: self.answered.emit(self.answer))
        self.calls.setFocus()

    @property
    def highlighted(self) -> BoardIncident | None:
        """The open incident L would link the call to."""
        row = self.calls.currentRow() - 1
        return self._incidents[row] if 0 <= row < len(self._incidents) else None

    def row_texts(self, row: int) -> list[str]:
        """What a line of the table reads (0: the call being typed), column by column."""
        texts = []
        for column in range(self.calls.columnCount()):
            item = self.calls.item(row, column)
            texts.append(item.text() if item is not None else "")
        return texts

    def link(self) -> None:
        incident = self.highlighted
        if incident is None:
            return
        self.answer = DuplicateAnswer(DuplicateChoice.LINK, incident.incident_id)
        self.accept()

    def new_incident(self) -> None:
        self.answer = DuplicateAnswer(DuplicateChoice.NEW_INCIDENT)
        self.accept()

    def reject(self) -> None:
        self.answer = DuplicateAnswer(DuplicateChoice.BACK)
        super().reject()

    def _table(self, call: CallForm) -> _CallsTable:
        headings = [
            self.tr("Call"),
            self.tr("Received"),
            self.tr("Need"),
            self.tr("Place"),
            self.tr("Priority"),
            self.tr("Stage"),
        ]
        table = _CallsTable(len(self._incidents) + 1, len(headings), self)
        table.setObjectName("duplicateCalls")
        table.setAccessibleName(self.tr("The call being typed and the open incidents"))
        table.setHorizontalHeaderLabels(headings)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setTabKeyNavigation(False)
        table.setWordWrap(False)
        self._fill_row(
            table,
            0,
            [
                self.tr("This call"),
                format_paris(call.received_at, "%H:%M"),
                category_label(call.category) if call.category else "—",
                call.location.strip() or self.tr("no place given"),
                priority_label(call.priority),
                self.tr("being typed"),
            ],
            call.priority,
        )
        for row, incident in enumerate(self._incidents, start=1):
            self._fill_row(
                table,
                row,
                [
                    incident.reference,
                    format_paris(incident.received_at, "%H:%M"),
                    category_label(incident.category),
                    incident.location or self.tr("no place given"),
                    priority_label(incident.priority),
                    status_label(incident.status),
                ],
                incident.priority,
            )
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setCurrentCell(1, 0)
        return table

    def _fill_row(
        self, table: QTableWidget, row: int, texts: list[str], priority: Priority
    ) -> None:
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            if row == 0:
                # The call being typed is there to compare with, not to be chosen.
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item.setBackground(QBrush(palette.colour("note_strip")))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            if column == 4 and priority is Priority.URGENT:
                item.setForeground(QBrush(palette.colour("problem")))
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            table.setItem(row, column, item)

    def _button(self, box: QDialogButtonBox, name: str, text: str, keys: str) -> QPushButton:
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button = box.addButton(f"{text} ({shown})", QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button
