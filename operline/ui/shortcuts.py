"""Every keyboard shortcut of the desk, declared once.

Menus, buttons and the Help > Keyboard shortcuts list all read this table, so a key
can never be bound twice or be missing from the list the operators read.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

_CONTEXT = "Shortcuts"


@dataclass(frozen=True)
class Shortcut:
    """A key combination and what it does, as the operators read it."""

    keys: str
    #: English source text, translated when shown.
    what: str

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def key_text(self) -> str:
        """The keys as this platform writes them (e.g. Ctrl+Q, ⌘Q)."""
        return self.sequence().toString(QKeySequence.SequenceFormat.NativeText)

    def description(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.what)

    def bind(self, action: QAction) -> QAction:
        """Give an action this key and show the key in its tooltip."""
        action.setShortcut(self.sequence())
        action.setToolTip(f"{action.text().replace('&', '')} ({self.key_text()})")
        return action


PREVIOUS_DAY = Shortcut("Alt+Left", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: previous day")))
NEXT_DAY = Shortcut("Alt+Right", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: next day")))
TODAY = Shortcut("Alt+Home", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: back to today")))
CHOOSE_DAY = Shortcut("Ctrl+G", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: type a date")))
RELOAD = Shortcut("F5", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: reload the day")))
SHOW_BOARD = Shortcut("F2", str(QT_TRANSLATE_NOOP("Shortcuts", "Show who is on duty now")))
SHOW_WEEK = Shortcut("F3", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the coverage of the week")))
SHOW_JOURNAL = Shortcut("F4", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the journal of a day")))
COPY_PHONE = Shortcut(
    "Ctrl+C", str(QT_TRANSLATE_NOOP("Shortcuts", "On duty: copy the selected team's phone"))
)
SHOW_SHORTCUTS = Shortcut("F1", str(QT_TRANSLATE_NOOP("Shortcuts", "List the keyboard shortcuts")))
QUIT = Shortcut("Ctrl+Q", str(QT_TRANSLATE_NOOP("Shortcuts", "Quit Operline")))

#: In the order the shortcuts list shows them.
ALL: tuple[Shortcut, ...] = (
    SHOW_BOARD,
    SHOW_WEEK,
    SHOW_JOURNAL,
    COPY_PHONE,
    PREVIOUS_DAY,
    NEXT_DAY,
    TODAY,
    CHOOSE_DAY,
    RELOAD,
    SHOW_SHORTCUTS,
    QUIT,
)
