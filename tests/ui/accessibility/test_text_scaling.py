"""Text one and a half times the usual size, as a desk set to large text shows it: every
screen of the window still shows each label and button whole, none cut off.

A text the window elides on purpose (ending with « … ») is shown whole in its tooltip.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.operators import active_operators
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner
from tests.ui.conftest import DESK_SCREEN_WIDTH, NOW

#: Large text: one and a half times the system's size.
SCALE = 1.5


@pytest.fixture
def large_text(qapp: QApplication) -> Iterator[QFont]:
    usual = QFont(qapp.font())
    large = QFont(usual)
    large.setPointSizeF(usual.pointSizeF() * SCALE)
    qapp.setFont(large)
    try:
        yield large
    finally:
        qapp.setFont(usual)


def _shown_text(widget: QLabel | QAbstractButton) -> str:
    return widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def clipped(window: QWidget) -> list[str]:
    """Each label, button and check box shown whose text does not fit it, named."""
    found = []
    widgets: list[QLabel | QAbstractButton] = [
        *window.findChildren(QLabel),
        *window.findChildren(QAbstractButton),
    ]
    for widget in widgets:
        text = widget.text()
        if not widget.isVisible() or not text.strip():
            continue
        if text.endswith("…") and widget.toolTip():
            continue  # elided on purpose, whole in its tooltip
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed_height = widget.heightForWidth(widget.width())
            if needed_height > widget.height() + 1:
                found.append(f"{_name(widget)}: {needed_height} px high in {widget.height()}")
            continue
        hint = widget.sizeHint()
        room = widget.width()
        needed = hint.width()
        if isinstance(widget, QLabel) and _plain(widget):
            lines = _shown_text(widget).split("\n")
            advance = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
            needed = max(needed, advance + widget.contentsMargins().left() * 2)
        if needed > room + 1:
            found.append(f"{_name(widget)}: {needed} px wide in {room}")
        elif widget.fontMetrics().height() > widget.height() + 1:
            high = widget.fontMetrics().height()
            found.append(f"{_name(widget)}: {high} px high in {widget.height()}")
    return found


def _plain(label: QLabel) -> bool:
    shown = label.textFormat()
    if shown == Qt.TextFormat.AutoText:
        return "<" not in label.text()
    return shown == Qt.TextFormat.PlainText


def _name(widget: QWidget) -> str:
    trail = []
    current: QWidget | None = widget
    while current is not None and len(trail) < 3:
        trail.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    text = widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""
    return f"{' < '.join(trail)} « {text[:60]} »"


def _large_window(qtbot: QtBot, database: Database) -> MainWindow:
    """The window as a supervisor sees it (every screen open to them) on the desk screen."""
    window = MainWindow(database, runner=ImmediateRunner(database), actor="test", clock=lambda: NOW)
    qtbot.addWidget(window)
    supervisor = next(o for o in active_operators(database) if o.role is OperatorRole.SUPERVISOR)
    window.session.set_operator(supervisor)
    window.resize(DESK_SCREEN_WIDTH, 768)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _visit(qtbot: QtBot, window: MainWindow, index: int) -> QWidget:
    window.screens.setCurrentIndex(index)
    page = window.screens.widget(index)
    qtbot.waitUntil(page.isVisible)
    QApplication.processEvents()  # the layouts settle
    return page


@pytest.mark.usefixtures("french", "large_text")
def test_a_label_cut_off_is_found_and_named(qtbot: QtBot) -> None:
    box = QWidget()
    qtbot.addWidget(box)
    whole = QLabel("Aucune équipe de garde", box)
    whole.move(0, 0)
    whole.adjustSize()
    cut = QLabel("Aucune équipe de garde", box)
    cut.setObjectName("cutLabel")
    cut.setGeometry(0, 40, whole.width() // 2, whole.height())
    box.show()

    found = clipped(box)

    assert len(found) == 1
    assert found[0].startswith("cutLabel")


@pytest.mark.usefixtures("french")
def test_every_screen_shows_its_texts_whole_in_large_text(
    qtbot: QtBot, sqlite_database: Database, large_text: QFont
) -> None:
    fill_demo_database(sqlite_database, incidents=300, weeks=2, seed=1, now=NOW)
    window = _large_window(qtbot, sqlite_database)
    assert window.font().pointSizeF() == large_text.pointSizeF()

    problems = {}
    for index in range(window.screens.count()):
        _visit(qtbot, window, index)
        found = clipped(window)
        if found:
            problems[window.screens.tabText(index)] = found
    assert problems == {}


_SCREENS = [
    "calls",
    "desk",
    "board",
    "week",
    "journal",
    "history",
    "charts",
]


@pytest.mark.parametrize("screen", _SCREENS)
@pytest.mark.usefixtures("french", "large_text")
def test_each_screen_fits_the_desk_screen_in_large_text(
    qtbot: QtBot, sqlite_database: Database, screen: str
) -> None:
    fill_demo_database(sqlite_database, incidents=0, weeks=1, seed=1, now=NOW)
    window = _large_window(qtbot, sqlite_database)
    page = getattr(window, screen)

    _visit(qtbot, window, window.screens.indexOf(page))

    # Wider, the window would leave its right-hand side off the screen.
    around = window.width() - page.width()  # the frames between the screen and the window
    assert page.minimumSizeHint().width() + around <= DESK_SCREEN_WIDTH
