"""The notes of a call looking identifying: said under the field as typed, asked at saving.

The form keeps the call (and its draft) whatever the answer: Enter or Escape goes back to
the notes with the first piece found selected, so one Delete removes it; saving as it is
takes the other button, on purpose.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit, QWidget

from operline.notes_check import KIND_SENTENCES, Flagged
from operline.ui.messages import translated


def describe_flagged(flagged: tuple[Flagged, ...]) -> str:
    """The pieces found, as the form and the prompt name them: « a name (M. Dupont), … »."""
    return ", ".join(translated(KIND_SENTENCES[piece.kind](text=piece.text)) for piece in flagged)


def select_flagged(notes: QPlainTextEdit, piece: Flagged) -> None:
    """Put the cursor on a piece found, selected, so Delete removes it."""
    cursor = notes.textCursor()
    cursor.setPosition(piece.start)
    cursor.setPosition(piece.end, QTextCursor.MoveMode.KeepAnchor)
    notes.setTextCursor(cursor)


class IdentifyingNotesPrompt(QMessageBox):
    """The notes seem to name the person, their date of birth or a phone: remove it first?"""

    def __init__(self, flagged: tuple[Flagged, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("identifyingNotesPrompt")
        self.setAccessibleName(self.tr("Identifying notes"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Identifying notes"))
        self.setText(
            self.tr("The notes seem to hold {found}.").format(found=describe_flagged(flagged))
        )
        self.setInformativeText(
            self.tr(
                "The desk records what coordination needs, not who the person is: remove it "
                "from the notes before saving. The call stays in the form."
            )
        )
        self.remove_button = self.addButton(
            self.tr("Remove it from the notes"), QMessageBox.ButtonRole.RejectRole
        )
        self.save_button = self.addButton(
            self.tr("&Save as it is"), QMessageBox.ButtonRole.AcceptRole
        )
        self.remove_button.setObjectName("removeFromNotesButton")
        self.save_button.setObjectName("saveNotesAsTheyAreButton")
        self.setDefaultButton(self.remove_button)
        self.setEscapeButton(self.remove_button)

    @property
    def confirmed(self) -> bool:
        """Whether the operator chose to save the notes as they are."""
        return self.clickedButton() is self.save_button
