"""Before a call is saved: open incidents of the same sector from the last half hour.

Two crews often call about the same person. The prompt lists those incidents; Enter links
the call to the selected one (it joins that incident's timeline), N makes a new incident
anyway, Escape goes back to the form.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operline.incidents.intake import PossibleDuplicate
from operline.paris_time import format_paris
from operline.ui.labels import category_label, status_label

# Keys of the prompt; they join operline.ui.shortcuts when the desk is wired into the window.
LINK_KEYS = "Return"
NEW_INCIDENT_KEYS = "N"
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


class _IncidentList(QListWidget):
    linked = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.linked.emit()
            return
        super().keyPressEvent(event)


class DuplicatePrompt(QDialog):
    """Link to an open incident, make a new one anyway, or go back; from the keyboard."""

    #: The operator's DuplicateAnswer.
    answered = Signal(object)

    def __init__(self, duplicates: list[PossibleDuplicate], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatePrompt")
        self.setWindowTitle(self.tr("Same call already open?"))
        self.setAccessibleName(self.tr("Possible duplicate"))
        self._duplicates = list(duplicates)
        self.answer = DuplicateAnswer(DuplicateChoice.BACK)

        intro = QLabel(
            self.tr(
                "%n open incident(s) of this sector received in the last 30 minutes. "
                "Is it the same call?",
                "",
                len(duplicates),
            ),
            self,
        )
        intro.setObjectName("duplicateIntro")
        intro.setWordWrap(True)
        self.incidents = _IncidentList(self)
        self.incidents.setObjectName("duplicateIncidents")
        self.incidents.setAccessibleName(self.tr("Open incidents of the sector"))
        self.incidents.setWordWrap(True)
        for duplicate in duplicates:
            item = QListWidgetItem(self._describe(duplicate), self.incidents)
            item.setData(Qt.ItemDataRole.UserRole, duplicate.incident_id)
        self.incidents.setCurrentRow(0)
        self.incidents.linked.connect(self.link)
        self.incidents.itemDoubleClicked.connect(lambda _: self.link())

        buttons = QDialogButtonBox(self)
        buttons.setObjectName("duplicateButtons")
        self.link_button = self._button(
            buttons, "linkButton", self.tr("Link to this incident"), LINK_KEYS
        )
        self.new_button = self._button(
            buttons, "newIncidentButton", self.tr("New incident anyway"), NEW_INCIDENT_KEYS
        )
        self.back_button = self._button(
            buttons, "backButton", self.tr("Back to the call"), BACK_KEYS
        )
        self.link_button.clicked.connect(self.link)
        self.new_button.clicked.connect(self.new_incident)
        self.back_button.clicked.connect(self.reject)
        new_key = QShortcut(QKeySequence(NEW_INCIDENT_KEYS), self)
        new_key.activated.connect(self.new_incident)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.incidents, 1)
        layout.addWidget(buttons)
        self.resize(720, 280)
        self.finished.connect(lambda _: self.answered.emit(self.answer))
        self.incidents.setFocus()

    def link(self) -> None:
        item = self.incidents.currentItem()
        if item is None:
            return
        self.answer = DuplicateAnswer(
            DuplicateChoice.LINK, int(item.data(Qt.ItemDataRole.UserRole))
        )
        self.accept()

    def new_incident(self) -> None:
        self.answer = DuplicateAnswer(DuplicateChoice.NEW_INCIDENT)
        self.accept()

    def reject(self) -> None:
        self.answer = DuplicateAnswer(DuplicateChoice.BACK)
        super().reject()

    def _describe(self, duplicate: PossibleDuplicate) -> str:
        parts = [
            duplicate.reference,
            format_paris(duplicate.received_at, "%H:%M"),
            category_label(duplicate.category),
            duplicate.location or self.tr("no place given"),
            status_label(duplicate.status),
        ]
        return " · ".join(parts)

    def _button(self, box: QDialogButtonBox, name: str, text: str, keys: str) -> QPushButton:
        shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
        button = box.addButton(f"{text} ({shown})", QDialogButtonBox.ButtonRole.ActionRole)
        assert button is not None
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button
