"""The sector view and the week in charts follow the desk: new calls, stages, corrections,
and the teams on duty at the roster's next handoff."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from operline.changes import Changes, IncidentChange
from operline.db.engine import Database
from operline.db.models import Incident, Sector
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.figures.sector_view import SectorView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.actors import COMMAND_LINE
from tests.figures.test_figures import Logged, log, paris
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, fill_desk
from tests.ui.duty.test_duty_board import Clock
from tests.ui.figures.test_figures_screens import (
    NOW,
    _history,
    window,  # noqa: F401  (the fixture)
)
from tests.ui.shell.test_off_the_gui_thread import StatementWatch, settle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)


def _last_id(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.max(Incident.id))) or 0


def _logged(database: Database, call: Logged) -> int:
    log(database, call)
    return _last_id(database)


def _stalingrad(window: MainWindow) -> SectorView:  # noqa: F811
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)
    view = window.sector_view
    assert view is not None
    assert view.figures is not None
    assert view.figures.sector == "Stalingrad"
    return view


def test_a_call_logged_in_the_sector_shows_in_its_lists_bar_and_places(
    french: InstalledLanguage,
    window: MainWindow,  # noqa: F811
    sqlite_database: Database,
) -> None:
    view = _stalingrad(window)
    assert view.figures is not None
    assert (view.open_model.rowCount(), view.today_model.rowCount()) == (4, 2)
    assert view.figures.days[-1].calls == 2
    places = [view.places_model.index(r, 0).data() for r in range(view.places_model.rowCount())]
    assert "Quai de Valmy" not in places

    new = _logged(sqlite_database, Logged(paris("2026-11-25T21:30"), location="Quai de Valmy"))
    window.changes.publish(Changes.of_incident(new, IncidentChange.LOGGED))

    assert (view.open_model.rowCount(), view.today_model.rowCount()) == (5, 3)
    assert view.lists.tabText(1) == "Journal du jour (3)"
    assert view.figures.days[-1].calls == 3  # today's bar, counted from today's log
    places = [view.places_model.index(r, 0).data() for r in range(view.places_model.rowCount())]
    assert "Quai de Valmy" in places  # a second call there: it now recurs


def test_a_call_of_another_sector_reads_nothing_but_where_it_was_logged(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    _history(sqlite_database)
    bus = ChangeBus()
    context = DeskContext(
        ImmediateRunner(sqlite_database), lambda: NOW, lambda: None, bus, lambda: COMMAND_LINE
    )
    view = SectorView(context)
    qtbot.addWidget(view)
    view.show()
    with sqlite_database.read() as session:
        stalingrad = session.scalar(select(Sector.id).where(Sector.name == "Stalingrad"))
    assert stalingrad is not None
    view.show_sector(stalingrad)
    drawn: list[object] = []
    view.shown.connect(drawn.append)
    new = _logged(sqlite_database, Logged(paris("2026-11-25T21:30"), sector="Éole"))
    watch = StatementWatch(sqlite_database)
    try:
        bus.publish(Changes.of_incident(new, IncidentChange.LOGGED))
    finally:
        watch.stop()

    assert drawn == []
    assert view.open_model.rowCount() == 4
    # One look at where and when the call was received; no list nor figure read again.
    selects = [s for s in watch.on_gui_thread if s.startswith("SELECT")]
    assert selects == [
        "SELECT incident.id, incident.sector_id, incident.received_at FROM incident "
        "WHERE incident.id IN (?)"
    ]


def test_a_stage_recorded_in_the_sector_redraws_this_week_s_delays(
    window: MainWindow,  # noqa: F811
    sqlite_database: Database,
) -> None:
    view = _stalingrad(window)
    acknowledged = view._ack_cells[(1, 3)]
    assert acknowledged.text() == "1"
    new = _logged(sqlite_database, Logged(paris("2026-11-25T21:00")))
    window.changes.publish(Changes.of_incident(new, IncidentChange.LOGGED))
    with sqlite_database.write() as session:
        session.execute(
            update(Incident)
            .where(Incident.id == new)
            .values(acknowledged_at=paris("2026-11-25T21:10"), status="acknowledged")
        )

    window.changes.publish(Changes.of_incident(new, IncidentChange.STAGE))

    assert acknowledged.text() == "2"
    assert view._ack_cells[(1, 1)].text() != "6 min 00 s"  # the median moved with it


def test_a_correction_moving_a_call_to_another_day_redraws_its_weeks(
    window: MainWindow,  # noqa: F811
    sqlite_database: Database,
) -> None:
    view = _stalingrad(window)
    assert view.figures is not None
    before = {day.day.isoformat(): day.calls for day in view.figures.days}
    with sqlite_database.write() as session:
        moved = session.scalar(
            select(Incident.id).where(Incident.received_at == paris("2026-11-25T10:00"))
        )
        session.execute(
            update(Incident)
            .where(Incident.id == moved)
            .values(received_at=paris("2026-11-19T10:00"))
        )
    assert moved is not None

    window.changes.publish(Changes.of_incident(moved, IncidentChange.CORRECTED))

    after = {day.day.isoformat(): day.calls for day in view.figures.days}
    assert after["2026-11-25"] == before["2026-11-25"] - 1
    assert after["2026-11-19"] == before["2026-11-19"] + 1
    assert view.today_model.rowCount() == 1


def test_the_week_charts_count_a_new_call_of_the_week_shown_only(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    sqlite_database: Database,
) -> None:
    window.show_charts()
    charts = window.charts
    assert charts.summary.text().startswith("2 appels")

    new = _logged(sqlite_database, Logged(paris("2026-11-25T21:30")))
    with qtbot.waitSignal(charts.shown, timeout=3000):
        window.changes.publish(Changes.of_incident(new, IncidentChange.LOGGED))
    assert charts.summary.text().startswith("3 appels")

    # The week before is shown: a call of this week does not make it read again.
    charts.show_week(charts.week.shifted(-1))
    assert charts.summary.text().startswith("3 appels")  # week 47's three
    drawn: list[object] = []
    charts.shown.connect(drawn.append)
    other = _logged(sqlite_database, Logged(paris("2026-11-25T21:40")))
    window.changes.publish(Changes.of_incident(other, IncidentChange.LOGGED))
    assert not charts.updates._again.isActive()
    QApplication.processEvents()
    assert drawn == []


def test_a_note_leaves_the_week_charts_alone(
    window: MainWindow,  # noqa: F811
) -> None:
    window.show_charts()
    window.changes.publish(Changes.of_incident(1, IncidentChange.NOTE))
    assert not window.charts.updates._again.isActive()


def test_the_teams_on_duty_change_at_the_roster_s_next_handoff(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    start = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    desk = fill_desk(sqlite_database, start)
    clock = Clock(start)
    context = DeskContext(
        ImmediateRunner(sqlite_database), clock, lambda: None, ChangeBus(), lambda: COMMAND_LINE
    )
    view = SectorView(context)
    qtbot.addWidget(view)
    view.show()
    view.show_sector(desk.sectors["Stalingrad"])
    assert view.figures is not None
    handoff = view.figures.handoff_at
    assert handoff is not None
    coming = [team.name for team in view.figures.next_on_duty]
    # Just before the handoff, as the desk would be.
    clock.now = handoff - timedelta(milliseconds=300)
    view.show_sector(desk.sectors["Stalingrad"])
    timer = view.updates.handoff_timer
    assert timer.isActive()
    assert 0 <= timer.remainingTime() <= 300

    clock.now = handoff  # the clocks reach the handoff as the timer fires
    with qtbot.waitSignal(view.shown, timeout=3000):
        pass

    assert [team.name for team in view.figures.on_duty] == coming
    assert all(html.escape(name) in view.on_duty.text() for name in coming)
    assert view.figures.handoff_at is None or view.figures.handoff_at > handoff
    assert view.updates.handoff_at == view.figures.handoff_at


def test_every_read_after_a_change_runs_off_the_gui_thread(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    from tests.ui.figures.test_figures_screens import _window

    _history(sqlite_database)
    runner = TaskRunner(sqlite_database)
    shown = _window(qtbot, sqlite_database, runner, tmp_path)
    settle(qtbot, runner)
    try:
        shown.show_charts()
        settle(qtbot, runner)
        qtbot.waitUntil(lambda: shown.charts.figures is not None)
        shown.open_sector_view(shown.calls.strip.sectors()[0].sector_id)
        settle(qtbot, runner)
        view = shown.sector_view
        assert view is not None
        qtbot.waitUntil(lambda: view.figures is not None)
        new = _logged(sqlite_database, Logged(paris("2026-11-25T21:30")))
        watch = StatementWatch(sqlite_database)
        try:
            with qtbot.waitSignals([view.shown, shown.charts.shown], timeout=5000):
                shown.changes.publish(Changes.of_incident(new, IncidentChange.LOGGED))
            settle(qtbot, runner)
        finally:
            watch.stop()
        assert view.today_model.rowCount() == 3
        assert shown.charts.summary.text() != ""
    finally:
        shown.calls.age_timer.stop()
        runner.shut_down()
    assert watch.on_gui_thread == []
    assert watch.on_worker >= 3


def test_at_midnight_the_sector_view_turns_to_the_new_day(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    _history(sqlite_database)
    midnight = datetime(2026, 11, 25, 23, 0, tzinfo=UTC)  # 00:00 on the 26th in Paris
    clock = Clock(midnight - timedelta(milliseconds=300))
    context = DeskContext(
        ImmediateRunner(sqlite_database), clock, lambda: None, ChangeBus(), lambda: COMMAND_LINE
    )
    view = SectorView(context)
    qtbot.addWidget(view)
    view.show()
    with sqlite_database.read() as session:
        stalingrad = session.scalar(select(Sector.id).where(Sector.name == "Stalingrad"))
    assert stalingrad is not None
    view.show_sector(stalingrad)
    assert view.today_model.rowCount() == 2
    assert view.updates.handoff_timer.remainingTime() <= 300

    clock.now = midnight
    with qtbot.waitSignal(view.shown, timeout=3000):
        pass

    assert view.figures is not None
    assert view.figures.live.today.isoformat() == "2026-11-26"
    assert view.today_model.rowCount() == 0  # nothing yet on the new day
    assert view.figures.days[-2].calls == 2  # yesterday's bar keeps its calls
