"""Helpers of the call desk's GUI tests: a filled desk, a clock, keys pressed as a user does."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operline.actors import Actor
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Facility, Incident, Operator, Sector, Team
from operline.demo import fill_demo_database
from operline.drafts import DraftStore
from operline.operators import OperatorInfo
from operline.ui.intake.desk_view import DeskView
from tests.actors import WORKSTATION
from tests.incidents.conftest import NOW
from tests.ui.conftest import desk_context

#: Sunday 29 November 2026, 10:00 in Paris: nobody covers the Quais du canal de l'Ourcq.
SUNDAY_MORNING = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)

# Popups have no window system under the offscreen platform; nothing a user would see.
OFFSCREEN_POPUP_NOTICES = (
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@dataclass(frozen=True)
class FilledDesk:
    database: Database
    sectors: dict[str, int]
    teams: dict[str, int]
    places: dict[str, int]
    operator: OperatorInfo

    @property
    def actor(self) -> Actor:
        """The operator, signed in at the test workstation."""
        return self.operator.at(WORKSTATION)


def fill_desk(database: Database, now: datetime = NOW) -> FilledDesk:
    """The Paris reference data and roster, no calls, one operator to act as."""
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=now)
    with database.read() as session:
        sectors = dict(session.execute(select(Sector.name, Sector.id)).all())
        teams = dict(session.execute(select(Team.name, Team.id)).all())
        places = dict(session.execute(select(Facility.name, Facility.id)).all())
        operator = session.scalars(select(Operator).order_by(Operator.id)).first()
        assert operator is not None
        info = OperatorInfo(operator.id, operator.name, OperatorRole(operator.role))
    return FilledDesk(database, sectors, teams, places, info)


def incident_count(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count(Incident.id))) or 0


def open_desk_view(
    qtbot: QtBot, desk: FilledDesk, clock: Clock, drafts: Path, *, signed_in: bool = True
) -> DeskView:
    """A desk view at the size of the desk's screen, shown and active."""
    view = DeskView(
        desk_context(
            desk.database, clock, (lambda: desk.operator) if signed_in else (lambda: None)
        ),
        drafts=DraftStore(drafts),
    )
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    return view


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "something must have the keyboard focus"
    return widget


class Keyboard:
    """Keys pressed on the window as the operator does, counted outside free text."""

    def __init__(self, qtbot: QtBot, window: QWidget) -> None:
        self._qtbot = qtbot
        self._window = window
        self.counted = 0

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """One key (with its modifier), through the window: shortcuts work as for real."""
        self.counted += 1
        self._settle()
        # The key goes where the user's would: to the active window (a prompt, if open).
        target = QApplication.activeModalWidget() or QApplication.activeWindow() or self._window
        handle = target.window().windowHandle()
        assert handle is not None
        self._qtbot.keyClick(handle, key, modifier)
        self._settle()  # a prompt closed by this key hands the focus back

    def type(self, text: str, *, free_text: bool = False) -> None:
        """Letters into the focused field; free text (place, notes) is not counted."""
        if not free_text:
            self.counted += len(text)
        self._settle()
        type_into(focused(), text)

    def _settle(self) -> None:
        # Offscreen, a list of proposals or a prompt once shown stays the active window
        # after it closes, or none is; a window system hands activation back to the
        # window, as done here.
        active = QApplication.activeWindow()
        window = self._window.window()
        if (active is not None and not active.isHidden()) or window.isHidden():
            return
        had_focus = QApplication.focusWidget()
        window.activateWindow()
        self._qtbot.waitUntil(window.isActiveWindow)
        if had_focus is not None and had_focus.window() is window:
            had_focus.setFocus(Qt.FocusReason.PopupFocusReason)


def type_into(widget: QWidget, text: str) -> None:
    """Characters typed into a widget, accented ones included (QTest refuses those)."""
    for character in text:
        key = ord(character.upper()) if character.isascii() else 0
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(widget, event)
