"""The week chart read by a screen reader: a table with a cell per sector and hour, each
saying who is on duty there, and the focus following the cursor."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui.duty.week_view import WeekView
from tests.test_roster_board import Shift, at, fill_desk
from tests.ui.duty.test_week_view import one_night_team, open_week


def _week(qtbot: QtBot, database: Database) -> WeekView:
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole"],
        teams={"Nuit": "+33199005103", "ELA": "+33199000141"},
        shifts=[Shift("Nuit", "20:00", "08:00"), Shift("ELA", "09:00", "18:00", ("Éole",), tier=2)],
    )
    return open_week(qtbot, database, at("2026-11-27T19:30"))


@pytest.mark.usefixtures("french")
def test_the_chart_is_a_table_of_sectors_by_hours(qtbot: QtBot, sqlite_database: Database) -> None:
    view = _week(qtbot, sqlite_database)
    table = QAccessible.queryAccessibleInterface(view.chart)
    assert table is not None

    assert table.role() == QAccessible.Role.Table
    assert table.text(QAccessible.Text.Name) == "Couverture des jours à venir"
    # Two sectors, seven days of 24 hours from Friday's midnight (no clock change).
    assert table.childCount() == 2 * 7 * 24
    first = table.child(0)
    assert first.role() == QAccessible.Role.Cell
    assert first.text(QAccessible.Text.Name) == (
        "Stalingrad — ven. 27/11 00:00. Premier appel\u00a0: Nuit, 01 99 00 51 03, "
        "jeu. 26/11 20:00 – ven. 27/11 08:00"
    )
    eole_saturday_ten = table.child(7 * 24 + 24 + 10)
    assert eole_saturday_ten.text(QAccessible.Text.Name) == (
        "Éole — sam. 28/11 10:00. Renfort\u00a0: ELA, 01 99 00 01 41, sam. 28/11 09:00–18:00. "
        "⚠ Aucune équipe de garde\u00a0: sam. 28/11 08:00–20:00"
    )
    assert table.indexOfChild(eole_saturday_ten) == 7 * 24 + 24 + 10
    assert eole_saturday_ten.parent().object() is view.chart
    assert table.child(2 * 7 * 24) is None


@pytest.mark.usefixtures("french")
def test_the_cell_under_the_cursor_has_the_focus(qtbot: QtBot, sqlite_database: Database) -> None:
    view = _week(qtbot, sqlite_database)
    table = QAccessible.queryAccessibleInterface(view.chart)
    assert table is not None

    focused = table.focusChild()
    assert focused is not None
    assert focused.state().focused
    assert focused.text(QAccessible.Text.Name).startswith("Stalingrad — ven. 27/11 19:00.")

    qtbot.keyClick(view.chart, Qt.Key.Key_Right)
    now_focused = table.focusChild()
    assert now_focused.text(QAccessible.Text.Name).startswith("Stalingrad — ven. 27/11 20:00.")
    assert not focused.state().focused
    # Where the cell is on screen is where the cursor is painted.
    centre = now_focused.rect().center()
    assert table.childAt(centre.x(), centre.y()) is now_focused


@pytest.mark.usefixtures("french")
def test_moving_the_cursor_tells_the_screen_reader(
    qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = _week(qtbot, sqlite_database)
    heard: list[tuple[QAccessible.Event, int]] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(
        QAccessible,
        "updateAccessibility",
        staticmethod(lambda event: heard.append((event.type(), event.child()))),
    )

    qtbot.keyClick(view.chart, Qt.Key.Key_Down)

    # Éole, Friday 19:00: the second row's twentieth hour.
    assert heard == [(QAccessible.Event.Focus, 7 * 24 + 19)]


@pytest.mark.usefixtures("french")
def test_the_night_the_clocks_go_back_has_an_hour_more_of_cells(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    one_night_team(sqlite_database)
    # Saturday 24 October 2026: the clocks go back at 03:00 on Sunday morning.
    view = open_week(qtbot, sqlite_database, at("2026-10-24T18:00"))
    table = QAccessible.queryAccessibleInterface(view.chart)
    assert table is not None

    assert table.childCount() == 7 * 24 + 1
    names = [table.child(24 + hour).text(QAccessible.Text.Name) for hour in range(5)]
    # Sunday from midnight: 02:00 comes twice, and each says which it is.
    when = [re.match(r"Stalingrad — dim\. (25/10 [^.]*)\. ", name) for name in names]
    assert [found.group(1) if found else None for found in when] == [
        "25/10 00:00",
        "25/10 01:00",
        "25/10 02:00 (heure d'été)",
        "25/10 02:00 (heure d'hiver)",
        "25/10 03:00",
    ]
