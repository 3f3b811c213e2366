"""The week view: gaps painted where the roster has them, days at their true length, keys."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.ui import week_colours
from operline.ui.duty.week_view import WeekView
from operline.ui.shell.language import InstalledLanguage
from tests.test_roster_board import Shift, at, fill_desk
from tests.ui.conftest import desk_context


def open_week(qtbot: QtBot, database: Database, now: datetime) -> WeekView:
    view = WeekView(desk_context(database, lambda: now))
    qtbot.addWidget(view)
    view.resize(1366, 640)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.refresh()
    view.setFocus()
    return view


def one_night_team(database: Database) -> None:
    """Stalingrad alone, its night team on duty from 20:00 to 08:00 every day."""
    fill_desk(
        database,
        sectors=["Stalingrad"],
        teams={"Nuit": "+33199005103"},
        shifts=[Shift("Nuit", "20:00", "08:00")],
    )


def _press(qtbot: QtBot, view: WeekView, key: Qt.Key) -> None:
    qtbot.keyClick(view.chart, key)


@pytest.mark.usefixtures("french")
def test_the_documented_sunday_gap_is_painted_red(qtbot: QtBot, database: Database) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)

    view = open_week(qtbot, database, now)
    chart = view.chart

    canal_id = next(s.sector_id for s in chart.coverage.sectors if s.sector == ref.QUAIS_OURCQ)
    gaps = [b for b in chart.band_rects() if b.kind == "no_team" and b.sector_id == canal_id]
    assert [(gap.start, gap.end) for gap in gaps] == [
        (at("2026-11-29T08:00"), at("2026-11-29T20:00"))
    ]
    (gap,) = gaps
    days = chart.day_rects()
    sunday = days[2]  # Friday, Saturday, Sunday
    assert [chart.day_label(d.day, d.length) for d in chart.coverage.days[:4]] == [
        "ven. 27/11",
        "sam. 28/11",
        "dim. 29/11",
        "lun. 30/11",
    ]
    # From a third to five sixths of Sunday, in the canal's row.
    assert gap.rect.left() == pytest.approx(sunday.left() + sunday.width() / 3, abs=0.5)
    assert gap.rect.width() == pytest.approx(sunday.width() / 2, abs=0.5)
    row = chart.row_rect(4)
    assert row.top() <= gap.rect.top() < gap.rect.bottom() <= row.bottom()
    # And it is red on the screen, covered elsewhere.
    picture = chart.grab().toImage()
    inside = QPoint(3, -3)  # just inside the bottom-left corner, away from any label
    gap_colour = QColor(week_colours.week().uncovered)
    assert picture.pixelColor(gap.rect.bottomLeft().toPoint() + inside) == gap_colour
    monday = next(
        b
        for b in chart.band_rects()
        if b.sector_id == canal_id and b.start >= at("2026-11-30T08:00")
    )
    assert monday.kind == "first_call"
    first_call = QColor(week_colours.week().first_call)
    assert picture.pixelColor(monday.rect.bottomLeft().toPoint() + inside) == first_call


@pytest.mark.usefixtures("french")
def test_the_day_the_clocks_go_back_is_drawn_25_hours_wide(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    one_night_team(sqlite_database)

    view = open_week(qtbot, sqlite_database, at("2026-10-24T12:00"))
    chart = view.chart

    saturday, sunday, monday, *_ = chart.day_rects()
    assert sunday.width() / saturday.width() == pytest.approx(25 / 24, rel=1e-3)
    assert monday.width() == pytest.approx(saturday.width(), rel=1e-3)
    assert chart.day_label(date(2026, 10, 25), timedelta(hours=25)) == "dim. 25/10 (25 h)"
    night = next(b for b in chart.band_rects() if b.start == at("2026-10-24T20:00"))
    # 20:00 summer time to 08:00 winter time: thirteen hours wide.
    assert night.rect.width() == pytest.approx(saturday.width() * 13 / 24, rel=1e-3)
    assert not chart.grab().isNull()


@pytest.mark.usefixtures("french")
def test_the_keys_move_a_cursor_whose_details_show_below(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    fill_desk(
        sqlite_database,
        sectors=["Stalingrad", "Éole"],
        teams={"Nuit": "+33199005103", "ELA": "+33199000141"},
        shifts=[Shift("Nuit", "20:00", "08:00"), Shift("ELA", "09:00", "18:00", ("Éole",), tier=2)],
    )
    view = open_week(qtbot, sqlite_database, at("2026-11-27T19:30"))
    chart = view.chart

    assert chart.hasFocus()
    assert chart.cursor_at == at("2026-11-27T19:00")
    assert view.details.text() == "Stalingrad — ven. 27/11 19:00\nAucune équipe de garde"

    _press(qtbot, view, Qt.Key.Key_Right)
    assert view.details.text() == (
        "Stalingrad — ven. 27/11 20:00\n"
        "Premier appel\u00a0: Nuit, 01 99 00 51 03, ven. 27/11 20:00 – sam. 28/11 08:00"
    )

    _press(qtbot, view, Qt.Key.Key_Down)
    for _ in range(14):
        _press(qtbot, view, Qt.Key.Key_Right)
    assert view.details.text() == (
        "Éole — sam. 28/11 10:00\n"
        "Renfort\u00a0: ELA, 01 99 00 01 41, sam. 28/11 09:00–18:00\n"
        "⚠ Aucune équipe de garde\u00a0: sam. 28/11 08:00–20:00"
    )
    _press(qtbot, view, Qt.Key.Key_PageDown)
    assert view.details.text().startswith("Éole — dim. 29/11 10:00\n")

    _press(qtbot, view, Qt.Key.Key_Home)
    assert chart.cursor_at == at("2026-11-27T19:00")
    assert chart.cursor_row == 1
    for _ in range(10):
        _press(qtbot, view, Qt.Key.Key_Up)
    assert chart.cursor_row == 0


def test_the_week_view_in_english(
    qtbot: QtBot, sqlite_database: Database, english: InstalledLanguage
) -> None:
    fill_demo_database(sqlite_database, incidents=0, now=at("2026-11-27T18:00"))

    view = open_week(qtbot, sqlite_database, at("2026-11-27T18:00"))

    days = view.chart.coverage.days
    assert view.chart.day_label(days[3].day, days[3].length) == "Mon 30/11"
    assert view.details.text().startswith("Stalingrad — Fri 27/11 18:00\nFirst call: ")
