"""A sector's view from the board's keys, and the week in charts, as the desk uses them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QImage
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operline.actors import system_actor
from operline.changes import Changes, IncidentChange
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import Incident
from operline.drafts import DraftStore
from operline.figures.buckets import IsoWeek
from operline.operators import add_operator
from operline.ui.board.model import BoardColumn
from operline.ui.figures.places_model import PlaceColumn
from operline.ui.journal.cells import JournalColumn
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.figures.test_figures import Logged, log, paris
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES, fill_desk
from tests.ui.shell.test_off_the_gui_thread import StatementWatch, settle

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

#: Wednesday 25 November 2026, 22:00 in Paris (ISO week 48).
NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def _history(database: Database) -> None:
    fill_desk(database, NOW)
    log(
        database,
        Logged(paris("2026-11-20T10:00"), location="Rue d'Aubervilliers"),
        Logged(paris("2026-11-21T10:00"), location="rue d’aubervilliers "),
        Logged(paris("2026-11-25T10:00"), location="RUE D'AUBERVILLIERS"),
        Logged(paris("2026-11-25T11:00"), location="Quai de Valmy", ack_after=timedelta(minutes=6)),
        Logged(paris("2026-11-18T11:00"), sector="Éole"),
    )


def _window(qtbot: QtBot, database: Database, runner: TaskRunner, tmp_path: Path) -> MainWindow:
    shown = MainWindow(
        database,
        runner=runner,
        actor="superviseur",
        clock=lambda: NOW,
        session=DeskSession(),
        drafts=DraftStore(tmp_path / "drafts"),
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database, tmp_path: Path) -> MainWindow:
    _history(sqlite_database)
    return _window(qtbot, sqlite_database, ImmediateRunner(sqlite_database), tmp_path)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(window.windowHandle(), key, modifier)


def test_alt_shift_and_a_digit_on_the_board_opens_that_sectors_view(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow
) -> None:
    window.calls.setFocus()
    first = window.calls.strip.sectors()[0]
    assert first.name == "Stalingrad"

    _press(qtbot, window, Qt.Key.Key_1, ALT_SHIFT)

    view = window.sector_view
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    assert view.windowTitle() == "Secteur Stalingrad"
    places = view.places_model
    assert [
        (places.index(row, PlaceColumn.PLACE).data(), places.index(row, PlaceColumn.CALLS).data())
        for row in range(places.rowCount())
    ] == [("Rue d'Aubervilliers", "3")]
    assert view.lists.tabText(0) == "Appels en cours (4)"
    assert view.lists.tabText(1) == "Journal du jour (2)"
    assert view.today_model.rowCount() == 2
    assert view.ack_text(view.figures.ack_this_week)[0] == "6 min 00 s"
    assert "Maintenant" in view.on_duty.text()
    # The board itself is still filtered as it was: the key opened, it did not filter.
    assert window.calls.strip.chosen is None

    window.activateWindow()
    window.calls.setFocus()
    _press(qtbot, window, Qt.Key.Key_2, ALT_SHIFT)
    assert view.windowTitle() == "Secteur Éole"
    assert window.sector_view is view


def test_the_open_function_of_the_window_shows_any_sector(window: MainWindow) -> None:
    second = window.calls.strip.sectors()[1]

    window.open_sector_view(second.sector_id)

    assert window.sector_view is not None
    assert window.sector_view.figures is not None
    assert window.sector_view.figures.sector == second.name


def test_a_call_logged_on_the_desk_reaches_the_open_sector_view(
    qtbot: QtBot, window: MainWindow, sqlite_database: Database
) -> None:
    stalingrad = window.calls.strip.sectors()[0].sector_id
    window.open_sector_view(stalingrad)
    view = window.sector_view
    assert view is not None
    assert view.open_model.rowCount() == 4

    log(sqlite_database, Logged(paris("2026-11-25T21:30"), location="Rotonde"))
    with sqlite_database.read() as session:
        new = session.scalar(select(func.max(Incident.id)))
    assert new is not None
    window.changes.publish(Changes.of_incident(new, IncidentChange.LOGGED))

    assert view.open_model.rowCount() == 5
    assert view.today_model.rowCount() == 3


def test_the_places_model_passes_the_model_tester(
    qtmodeltester: ModelTester, window: MainWindow
) -> None:
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)
    assert window.sector_view is not None
    qtmodeltester.check(window.sector_view.places_model)


def test_ctrl_7_shows_this_week_and_alt_left_the_week_before(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow
) -> None:
    _press(qtbot, window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)

    charts = window.charts
    assert window.screens.currentWidget() is charts
    assert charts.figures is not None
    assert charts.figures.week == IsoWeek(2026, 48)
    assert charts.week_label.text() == "Semaine 48\u00a0: du lundi 23 au dimanche 29 novembre 2026"
    assert charts.summary.text().startswith("2 appels · 0 sans équipe de garde (0,0\u00a0%)")
    assert not charts.next_action.isEnabled()

    _press(qtbot, window, Qt.Key.Key_Left, ALT)

    assert charts.figures.week == IsoWeek(2026, 47)
    assert charts.week_label.text().startswith("Semaine 47\u00a0: du lundi 16 au dimanche 22")
    assert charts.summary.text().startswith("3 appels")
    assert charts.next_action.isEnabled()
    # The day keys of the journal stay the journal's: the journal did not move.
    assert window.journal.day == NOW.date()

    _press(qtbot, window, Qt.Key.Key_Right, ALT)
    assert charts.figures.week == IsoWeek(2026, 48)


def test_a_chart_saves_as_a_png_that_shows_it(
    french: InstalledLanguage, window: MainWindow, tmp_path: Path
) -> None:
    window.show_charts()
    panel = window.charts.per_day
    target = tmp_path / "appels.png"

    assert panel.save_png(target)

    picture = QImage(str(target))
    assert not picture.isNull()
    assert picture.width() == panel.view.width() * 2
    # The bars are drawn: some pixels are the first sector's dark shade.
    dark = sum(
        1
        for x in range(0, picture.width(), 4)
        for y in range(0, picture.height(), 4)
        if picture.pixelColor(x, y).lightness() < 80
    )
    assert dark > 50
    assert window.statusBar().currentMessage() == f"Graphique enregistré dans {target}."


def test_every_chart_of_the_week_prints_to_a_pdf(window: MainWindow, tmp_path: Path) -> None:
    window.show_charts()
    target = tmp_path / "semaine.pdf"

    assert window.charts.save_pdf(target)

    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_size > 10_000


def test_the_french_screens_fit_a_1366_by_768_desk(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow
) -> None:
    window.show_charts()
    charts = window.charts
    # Once laid out, the week's French name is whole and the last button within the screen.
    qtbot.waitUntil(lambda: charts.week_label.width() >= charts.week_label.sizeHint().width())
    assert charts.pdf_button.geometry().right() <= charts.width()
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)
    view = window.sector_view
    assert view is not None
    hint = view.minimumSizeHint()
    assert hint.width() <= 1366
    assert hint.height() <= 768 - 40


def test_no_statement_runs_on_the_gui_thread(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    _history(sqlite_database)
    runner = TaskRunner(sqlite_database)
    shown = _window(qtbot, sqlite_database, runner, tmp_path)
    settle(qtbot, runner)
    watch = StatementWatch(sqlite_database)
    try:
        shown.calls.setFocus()
        _press(qtbot, shown, Qt.Key.Key_1, ALT_SHIFT)
        settle(qtbot, runner)
        view = shown.sector_view
        assert view is not None
        qtbot.waitUntil(lambda: view.figures is not None)
        shown.changes.publish(Changes.of_incident(1, IncidentChange.STAGE))
        settle(qtbot, runner)
        shown.activateWindow()
        _press(qtbot, shown, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        _press(qtbot, shown, Qt.Key.Key_Left, ALT)
        settle(qtbot, runner)
        assert shown.charts.figures is not None
        assert shown.charts.figures.week == IsoWeek(2026, 47)
    finally:
        watch.stop()
        shown.calls.age_timer.stop()
        runner.shut_down()
    assert watch.on_gui_thread == []
    assert watch.on_worker > 5


def _needed(table: QTableView, column: int) -> int:
    """The width the header's and the cells' text of ``column`` need, in their own fonts."""
    model = table.model()
    head = QFontMetrics(table.horizontalHeader().font())
    widest = head.horizontalAdvance(str(model.headerData(column, Qt.Orientation.Horizontal)))
    for row in range(model.rowCount()):
        index = model.index(row, column)
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else table.font())
        for line in str(index.data() or "").splitlines():
            widest = max(widest, metrics.horizontalAdvance(line))
    return widest


def test_at_1366_pixels_the_sector_s_tables_show_every_column_whole(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow
) -> None:
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)
    view = window.sector_view
    assert view is not None
    view.resize(1366, 768 - 40)
    tables = (
        (view.open_table, BoardColumn.LOCATION),
        (view.today_table, JournalColumn.ON_DUTY),
        (view.places_table, PlaceColumn.PLACE),
    )
    for table, elided in tables:
        page = table if table is not view.places_table else table.parentWidget()
        view.lists.setCurrentWidget(page)
        qtbot.waitUntil(table.isVisible)
        assert table.model().rowCount() > 0, table.objectName()
        shown = [c for c in range(table.model().columnCount()) if not table.isColumnHidden(c)]
        # No horizontal scroll bar: the columns fit in the table's width.
        assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width()
        for column in shown:
            if column != elided:
                text = table.model().headerData(column, Qt.Orientation.Horizontal)
                assert table.columnWidth(column) >= _needed(table, column), text


def test_an_operator_sees_the_sector_without_the_weeks_delays_and_is_told_why(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow, sqlite_database: Database
) -> None:
    operator = add_operator(
        sqlite_database,
        "Salomé Petit",
        OperatorRole.OPERATOR,
        actor=system_actor("superviseur", "poste-1"),
        now=NOW,
    )
    window.session.set_operator(operator)

    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)

    view = window.sector_view
    assert view is not None
    qtbot.waitUntil(lambda: view.figures is not None)
    cells = view._ack_cells
    for row in (1, 2):  # this week and last week
        for column in (1, 2, 3):
            cell = cells[(row, column)]
            assert cell.text() == "—"
            assert not cell.isEnabled()
            assert cell.toolTip().startswith("Seul un superviseur voit les délais des semaines")
    # Today stays in sight: the open calls and the day's log.
    assert view.lists.tabText(0) == "Appels en cours (4)"
    assert view.lists.tabText(1) == "Journal du jour (2)"


def test_a_supervisor_sees_the_weeks_delays(window: MainWindow) -> None:
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)

    view = window.sector_view
    assert view is not None
    assert view._ack_cells[(1, 1)].text() == "6 min 00 s"
    assert view._ack_cells[(1, 1)].isEnabled()
    assert view._ack_cells[(1, 1)].toolTip() == ""
