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
    """A key combination (or a family of them) and what it does, as the operators read it."""

    keys: str
    #: English source text, translated when shown.
    what: str
    #: Further keys doing the same (Ctrl+Enter beside Ctrl+Return), or the rest of a family
    #: (Alt+2 … Alt+7 after Alt+1); the list shows them as one line.
    more: tuple[str, ...] = ()

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)

    def sequences(self) -> list[QKeySequence]:
        return [QKeySequence(keys) for keys in (self.keys, *self.more)]

    def key_text(self) -> str:
        """The keys as the desk writes them (e.g. Ctrl+Q, Ctrl+Entrée; Alt+1 … Alt+7)."""
        first = key_text(self.keys)
        if len(self.more) > 1:
            return f"{first} … {key_text(self.more[-1])}"
        return first

    def description(self) -> str:
        return QCoreApplication.translate(_CONTEXT, self.what)

    def bind(self, action: QAction) -> QAction:
        """Give an action these keys and show the first in its tooltip."""
        action.setShortcuts(self.sequences())
        action.setToolTip(f"{action.text().replace('&', '')} ({self.key_text()})")
        return action


#: Qt writes the Enter key "Return" or "Enter" in every language; the desk says one word.
_ENTER = str(QT_TRANSLATE_NOOP("Shortcuts", "Enter"))


def key_text(keys: str) -> str:
    """Keys as this platform writes them, the Enter key by its name in the desk's language."""
    native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
    # Qt's own translations name the key too ("Retour" in French): every name of it goes.
    names = {"Return", "Enter"} | {
        QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        for key in ("Return", "Enter")
    }
    enter = QCoreApplication.translate(_CONTEXT, _ENTER)
    return "+".join(enter if part in names else part for part in native.split("+"))


def _alt_digits(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"Alt+{number}" for number in range(first, last + 1))


# Screens and the window.
SHOW_CALLS = Shortcut("Ctrl+1", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the open calls")))
SHOW_DESK = Shortcut("Ctrl+2", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the call form")))
SHOW_BOARD = Shortcut("Ctrl+3", str(QT_TRANSLATE_NOOP("Shortcuts", "Show who is on duty now")))
SHOW_WEEK = Shortcut("Ctrl+4", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the coverage of the week")))
SHOW_JOURNAL = Shortcut("Ctrl+5", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the journal of a day")))
SHOW_HISTORY = Shortcut(
    "Ctrl+6", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the history of the calls"))
)
SHOW_CHARTS = Shortcut("Ctrl+7", str(QT_TRANSLATE_NOOP("Shortcuts", "Show the week in charts")))
NEW_CALL = Shortcut("Ctrl+N", str(QT_TRANSLATE_NOOP("Shortcuts", "New call")))
SIGN_IN = Shortcut(
    "Ctrl+L", str(QT_TRANSLATE_NOOP("Shortcuts", "Change of operator (shift change)"))
)
HAND_OVER = Shortcut(
    "Ctrl+Return",
    str(QT_TRANSLATE_NOOP("Shortcuts", "Handover: hand over to the next operator")),
    ("Ctrl+Enter",),
)
EDIT_ROSTER = Shortcut(
    "Ctrl+E", str(QT_TRANSLATE_NOOP("Shortcuts", "Edit teams, sectors, places and the roster"))
)
GO_TO_CALL = Shortcut(
    "Ctrl+G", str(QT_TRANSLATE_NOOP("Shortcuts", "Open a call by its reference or number"))
)
SHOW_SHORTCUTS = Shortcut("F1", str(QT_TRANSLATE_NOOP("Shortcuts", "List the keyboard shortcuts")))
QUIT = Shortcut("Ctrl+Q", str(QT_TRANSLATE_NOOP("Shortcuts", "Quit Operline")))

# The call form and its panels.
SAVE_CALL = Shortcut(
    "Ctrl+Return", str(QT_TRANSLATE_NOOP("Shortcuts", "New call: save")), ("Ctrl+Enter",)
)
TOGGLE_URGENT = Shortcut("Ctrl+U", str(QT_TRANSLATE_NOOP("Shortcuts", "New call: urgent or not")))
CHOOSE_NEED = Shortcut(
    "Alt+1", str(QT_TRANSLATE_NOOP("Shortcuts", "New call: choose the need")), _alt_digits(2, 7)
)
FOCUS_ROUTING = Shortcut(
    "F6", str(QT_TRANSLATE_NOOP("Shortcuts", "New call: go to the teams on duty"))
)
FOCUS_PLACES = Shortcut(
    "F7", str(QT_TRANSLATE_NOOP("Shortcuts", "New call: go to the places with room"))
)
COPY_PHONE = Shortcut(
    "Ctrl+C", str(QT_TRANSLATE_NOOP("Shortcuts", "Teams: copy the selected team's phone"))
)
ALL_TEAMS = Shortcut("Ctrl+T", str(QT_TRANSLATE_NOOP("Shortcuts", "Routing: show every team")))

# The open calls: one key a stage, on the selected call.
OPEN_CALL = Shortcut(
    "Return",
    str(QT_TRANSLATE_NOOP("Shortcuts", "Calls, journal, history: open the call and its timeline")),
    ("Enter",),
)
ROUTE = Shortcut("T", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: route to a team")))
ACKNOWLEDGED = Shortcut("A", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: the team acknowledged")))
ACKNOWLEDGED_EARLIER = Shortcut(
    "Shift+A", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: acknowledged earlier (with a reason)"))
)
ON_SCENE = Shortcut("S", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: the team is on scene")))
ON_SCENE_EARLIER = Shortcut(
    "Shift+S", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: on scene earlier (with a reason)"))
)
CLOSE_CALL = Shortcut("C", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: close with an outcome")))
REASSIGN = Shortcut(
    "R", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: hand to another team (with a reason)"))
)
NOTE = Shortcut("N", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: add a note")))
UNDO_STEP = Shortcut(
    "Ctrl+Z", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: undo my last step (5 minutes)"))
)
# A write refused because another desk changed the call first: Escape keeps theirs.
APPLY_MINE = Shortcut(
    "Ctrl+Return",
    str(QT_TRANSLATE_NOOP("Shortcuts", "Changed at another desk: apply my entry over it")),
    ("Ctrl+Enter",),
)
ALL_SECTORS = Shortcut("Alt+0", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: every sector")))
ONE_SECTOR = Shortcut(
    "Alt+1", str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: only one sector")), _alt_digits(2, 9)
)
# Shift beside the sector's Alt key: the same digit, the same place in the strip.
SECTOR_FIGURES = Shortcut(
    "Alt+Shift+1",
    str(QT_TRANSLATE_NOOP("Shortcuts", "Calls: open one sector's view")),
    tuple(f"Alt+Shift+{number}" for number in range(2, 10)),
)

# The journal of a day.
PREVIOUS_DAY = Shortcut("Alt+Left", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: previous day")))
NEXT_DAY = Shortcut("Alt+Right", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: next day")))
TODAY = Shortcut("Alt+Home", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: back to today")))
# Ctrl+G opens a call from anywhere, so the journal's date takes Ctrl+D.
CHOOSE_DAY = Shortcut("Ctrl+D", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: type a date")))
RELOAD = Shortcut("F5", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: reload the day")))
CORRECT_CALL = Shortcut(
    "F2", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: correct the call (supervisors)"))
)
SIGN_OFF_DAY = Shortcut(
    "Ctrl+Shift+S", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal: sign off the day (supervisors)"))
)
PRINT_DAY = Shortcut(
    "Ctrl+P", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal, charts: print the day log or the week"))
)
SAVE_DAY_PDF = Shortcut(
    "Ctrl+Shift+P", str(QT_TRANSLATE_NOOP("Shortcuts", "Journal, charts: save as PDF"))
)
# The week in charts prints with the day log's keys and machinery: one line in the list.
PRINT_CHARTS = PRINT_DAY
SAVE_CHARTS_PDF = SAVE_DAY_PDF

# The history.
SEARCH_HISTORY = Shortcut(
    "Ctrl+F", str(QT_TRANSLATE_NOOP("Shortcuts", "History: go to the search and the filters"))
)
SEARCH_AGAIN = Shortcut("F5", str(QT_TRANSLATE_NOOP("Shortcuts", "History: search again")))
HISTORY_SECTOR = Shortcut(
    "F4", str(QT_TRANSLATE_NOOP("Shortcuts", "History: open the view of the call's sector"))
)
# The week in charts: the journal's day keys, by week.
PREVIOUS_WEEK = Shortcut("Alt+Left", str(QT_TRANSLATE_NOOP("Shortcuts", "Charts: previous week")))
NEXT_WEEK = Shortcut("Alt+Right", str(QT_TRANSLATE_NOOP("Shortcuts", "Charts: next week")))

# The roster editor, in its own window.
EDITOR_SAVE = Shortcut(
    "Ctrl+S", str(QT_TRANSLATE_NOOP("Shortcuts", "Roster editor: save the form"))
)
EDITOR_NEW = Shortcut("Ctrl+N", str(QT_TRANSLATE_NOOP("Shortcuts", "Roster editor: new entry")))
EDITOR_REMOVE = Shortcut(
    "Del", str(QT_TRANSLATE_NOOP("Shortcuts", "Roster editor: retire or delete the selection"))
)

#: In the order the shortcuts list shows them.
ALL: tuple[Shortcut, ...] = (
    SHOW_CALLS,
    SHOW_DESK,
    SHOW_BOARD,
    SHOW_WEEK,
    SHOW_JOURNAL,
    SHOW_HISTORY,
    SHOW_CHARTS,
    NEW_CALL,
    SIGN_IN,
    HAND_OVER,
    EDIT_ROSTER,
    GO_TO_CALL,
    SHOW_SHORTCUTS,
    QUIT,
    SAVE_CALL,
    TOGGLE_URGENT,
    CHOOSE_NEED,
    FOCUS_ROUTING,
    FOCUS_PLACES,
    COPY_PHONE,
    ALL_TEAMS,
    OPEN_CALL,
    ROUTE,
    ACKNOWLEDGED,
    ACKNOWLEDGED_EARLIER,
    ON_SCENE,
    ON_SCENE_EARLIER,
    CLOSE_CALL,
    REASSIGN,
    NOTE,
    UNDO_STEP,
    APPLY_MINE,
    ALL_SECTORS,
    ONE_SECTOR,
    SECTOR_FIGURES,
    PREVIOUS_DAY,
    NEXT_DAY,
    TODAY,
    CHOOSE_DAY,
    RELOAD,
    SEARCH_HISTORY,
    SEARCH_AGAIN,
    HISTORY_SECTOR,
    PREVIOUS_WEEK,
    NEXT_WEEK,
    CORRECT_CALL,
    SIGN_OFF_DAY,
    PRINT_DAY,
    SAVE_DAY_PDF,
    EDITOR_SAVE,
    EDITOR_NEW,
    EDITOR_REMOVE,
)
#: Where the shortcuts list starts its second column: the keys of the open calls.
SECOND_COLUMN = ALL.index(OPEN_CALL)
#: Keys of the whole window, that a field must not take for its own editing keys.
WINDOW_WIDE: tuple[Shortcut, ...] = (
    SHOW_CALLS,
    SHOW_DESK,
    SHOW_BOARD,
    SHOW_WEEK,
    SHOW_JOURNAL,
    SHOW_HISTORY,
    SHOW_CHARTS,
    NEW_CALL,
    SIGN_IN,
    EDIT_ROSTER,
    GO_TO_CALL,
    SHOW_SHORTCUTS,
    QUIT,
)
