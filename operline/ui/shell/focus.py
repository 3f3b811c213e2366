"""The keyboard stays with the desk: focus back on the screen after a dialog, window keys
from any field, and a greyed entry's reason said when its key is pressed.

A dialog closing hands the focus back to whatever had it, which may be nothing (a widget
since hidden, the window itself): the screen's keys then did nothing until the operator
switched screens. And a text field takes some window keys for its own editing (Ctrl+E
"end of line" on Linux), so Ctrl+E did not open the roster editor from the call form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from operline.ui import shortcuts


class DeskKeyboard(QObject):
    """Watches the application for the window's dialogs closing and its keys pressed."""

    def __init__(
        self,
        window: QMainWindow,
        current_screen: Callable[[], QWidget | None],
        refused: Callable[[str], None],
        window_keys: Sequence[shortcuts.Shortcut] = shortcuts.WINDOW_WIDE,
    ) -> None:
        super().__init__(window)
        self.setObjectName("deskKeyboard")
        self._window = window
        self._current_screen = current_screen
        self._refused = refused
        self._keys = {
            sequence.toString() for shortcut in window_keys for sequence in shortcut.sequences()
        }
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        #: The widget of the window that had the focus when a dialog of ours opened.
        self._had_focus: QWidget | None = None
        window.destroyed.connect(self._forget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(watched, QDialog) and self._ours(watched):
            focus = QApplication.focusWidget()
            if focus is not None and focus.window() is self._window:
                self._had_focus = focus  # a dialog opened from a dialog leaves it be
        elif kind == QEvent.Type.Hide and isinstance(watched, QDialog) and self._ours(watched):
            # Once the dialog is gone and whatever closed it has done its part.
            QTimer.singleShot(0, self.give_focus_back)
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            return self._window_key(event)
        return False

    def give_focus_back(self) -> None:
        """Put the focus on the screen shown, unless it is already there or a dialog is up."""
        if not _alive(self._window) or QApplication.activeModalWidget() is not None:
            return
        screen = self._current_screen()
        if screen is None or not self._window.isVisible():
            return
        had, self._had_focus = self._had_focus, None
        if _usable(QApplication.focusWidget(), screen):
            return  # where Qt or whatever closed the dialog put it
        self._window.activateWindow()
        if had is not None and _alive(had) and _usable(had, screen):
            had.setFocus(Qt.FocusReason.OtherFocusReason)  # the field the operator was in
        else:
            screen.setFocus(Qt.FocusReason.OtherFocusReason)

    def _window_key(self, event: QKeyEvent) -> bool:
        typed = QKeySequence(event.keyCombination()).toString()
        if typed not in self._keys:
            return False
        for action in self._window.actions():
            if not action.isEnabled() and any(s.toString() == typed for s in action.shortcuts()):
                # A greyed entry's key does nothing; saying why is better than silence.
                self._refused(action.statusTip())
                return True
        # Swallowing the override keeps the field from taking the key: the shortcut fires.
        return True

    def _ours(self, dialog: QDialog) -> bool:
        parent = dialog.parentWidget()
        return parent is not None and parent.window() is self._window

    def _forget(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def _alive(widget: QWidget) -> bool:
    return bool(shiboken6.isValid(widget))


def _usable(widget: QWidget | None, screen: QWidget) -> bool:
    """Whether the focus may stay on a widget: shown, enabled, on the screen shown."""
    return (
        widget is not None
        and widget.isVisible()
        and widget.isEnabled()
        and (widget is screen or screen.isAncestorOf(widget))
    )


def explain_greyed(action: QAction, reason: str, *, tooltip: str) -> None:
    """Grey an action with the sentence saying why, or give it back its usual tooltip."""
    action.setEnabled(not reason)
    action.setToolTip(reason or tooltip)
    action.setStatusTip(reason)
