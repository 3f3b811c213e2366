"""The history as the desk uses it: filters by keyboard, the count, the text, Enter, Ctrl+F."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import insert, select

from operline.audit import AuditAction
from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident, Sector
from operline.history.filters import HistoryFilter
from operline.operators import add_operator
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.history.model import HistoryColumn
from operline.ui.history.view import HistoryView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.actors import COMMAND_LINE
from tests.history import NOW, Past, store
from tests.ui.history import HeldRunner

DAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


@pytest.fixture
def calls(database: Database) -> list[int]:
    return store(
        database,
        Past(DAY, location="Jardins d'Éole, côté rue du Département"),
        Past(
            DAY + timedelta(hours=1),
            sector="Porte de la Chapelle",
            category=Category.SHELTER,
            outcome=Outcome.ORIENTED,
            place="Halte de nuit",
            notes="Demande une mise à l'abri",
        ),
        Past(DAY + timedelta(days=1), priority=Priority.URGENT, team="ELA", linked=True),
        Past(DAY + timedelta(days=2), status=Status.ROUTED, outcome=None, team_on_duty=False),
        Past(DAY + timedelta(days=3), sector="Éole", notes="ÉOLE, sous le pont"),
    )


def _context(runner: TaskRunner) -> DeskContext:
    return DeskContext(runner, lambda: NOW, lambda: None, ChangeBus(), lambda: COMMAND_LINE)


def _open(qtbot: QtBot, runner: TaskRunner) -> HistoryView:
    view = HistoryView(_context(runner))
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.show_current()
    return view


@pytest.fixture
def view(qtbot: QtBot, database: Database, calls: list[int]) -> HistoryView:
    return _open(qtbot, ImmediateRunner(database))


def _shown(view: HistoryView) -> list[str]:
    model = view.model
    return [model.index(row, HistoryColumn.REFERENCE).data() for row in range(model.rowCount())]


def _count(view: HistoryView) -> str:
    return view.findChild(QLabel, "historyCount").text()


def _press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, key, modifier)


def _choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Pick an entry the way the keyboard does: focus the list, then arrow down to it."""
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    wanted = combo.findText(text)
    assert wanted >= 0, (text, [combo.itemText(i) for i in range(combo.count())])
    while combo.currentIndex() != wanted:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < wanted else Qt.Key.Key_Up)


def test_every_call_newest_first_with_the_count_in_french(
    qtbot: QtBot, french: InstalledLanguage, view: HistoryView
) -> None:
    assert _shown(view) == [f"OPL-2026-00000{n}" for n in (5, 4, 3, 2, 1)]
    assert _count(view) == "5 appels"
    assert view.model.index(3, HistoryColumn.OUTCOME).data() == "Orienté vers Halte de nuit"


def test_each_filter_chosen_from_the_keyboard_narrows_the_list(
    qtbot: QtBot, french: InstalledLanguage, view: HistoryView
) -> None:
    bar = view.filters
    cases = [
        (bar.sector, "Porte de la Chapelle", ["OPL-2026-000002"]),
        (bar.category, "Demande d'orientation / mise à l'abri", ["OPL-2026-000002"]),
        (bar.priority, "Urgent", ["OPL-2026-000003"]),
        (bar.status, "Équipe contactée", ["OPL-2026-000004"]),
        (bar.team, "ELA", ["OPL-2026-000003"]),
        (bar.outcome, "Orientation vers une structure", ["OPL-2026-000002"]),
        (bar.place, "Halte de nuit", ["OPL-2026-000002"]),
        (bar.linked, "Un autre appel lié", ["OPL-2026-000003"]),
    ]
    for combo, entry, expected in cases:
        _choose(qtbot, combo, entry)
        assert _shown(view) == expected, entry
        assert _count(view) == "1 appel"
        bar.clear()
        assert len(_shown(view)) == 5

    bar.no_team_on_duty.setFocus()
    _press(qtbot, Qt.Key.Key_Space)
    assert _shown(view) == ["OPL-2026-000004"]


def test_filters_combine_and_the_period_counts_in_paris_days(
    qtbot: QtBot, french: InstalledLanguage, view: HistoryView
) -> None:
    bar = view.filters
    _choose(qtbot, bar.sector, "Stalingrad")
    assert _shown(view) == ["OPL-2026-000004", "OPL-2026-000003", "OPL-2026-000001"]
    _choose(qtbot, bar.linked, "Aucun autre appel")
    assert _shown(view) == ["OPL-2026-000004", "OPL-2026-000001"]

    _choose(qtbot, bar.period, "Dates choisies")
    bar.first_day.setDate(date(2026, 11, 21))
    bar.last_day.setDate(date(2026, 11, 22))
    assert _shown(view) == ["OPL-2026-000004"]
    _choose(qtbot, bar.period, "7 derniers jours")  # 21 to 27 November
    assert _shown(view) == ["OPL-2026-000004"]
    assert bar.current_filter() == HistoryFilter(
        first_day=date(2026, 11, 21),
        last_day=date(2026, 11, 27),
        sector_id=bar.sector.currentData(),
        linked=False,
    )


def test_the_search_ignores_accents_and_case_as_it_is_typed(
    qtbot: QtBot, view: HistoryView, database: Database
) -> None:
    view.filters.search.setFocus()
    qtbot.keyClicks(view.filters.search, "eol")
    assert _shown(view) == ["OPL-2026-000005", "OPL-2026-000001"]

    qtbot.keyClicks(view.filters.search, " PONT")
    assert _shown(view) == ["OPL-2026-000005"]
    view.filters.search.setText("mise a l'ABRI")
    assert _shown(view) == ["OPL-2026-000002"]
    view.filters.search.setText("nothing like it")
    assert view.findChild(QWidget, "historyEmpty").isVisible()


def test_each_search_leaves_one_audit_row_and_pages_none(
    qtbot: QtBot, view: HistoryView, database: Database
) -> None:
    def searches() -> list[str | None]:
        with database.read() as session:
            query = select(AuditLog.details).where(
                AuditLog.action == AuditAction.HISTORY_SEARCH.value
            )
            return list(session.scalars(query.order_by(AuditLog.id)))

    assert searches() == ["every call"]
    view.filters.search.setText("Pont")
    for row in range(view.model.rowCount()):
        view.model.index(row, HistoryColumn.SECTOR).data()
    assert searches() == ["every call", "text='pont'"]


def test_enter_on_a_row_opens_the_call_and_its_timeline(
    qtbot: QtBot, french: InstalledLanguage, view: HistoryView
) -> None:
    view.table.setFocus()
    _press(qtbot, Qt.Key.Key_Down)
    _press(qtbot, Qt.Key.Key_Return)

    assert view.detail is not None
    assert "OPL-2026-000004" in view.detail.windowTitle()
    view.detail.reject()
    assert view.detail is None
    assert view.table.hasFocus()


def test_from_the_search_field_tab_reaches_every_filter_then_the_table(
    qtbot: QtBot, view: HistoryView
) -> None:
    bar = view.filters
    view.search_action.trigger()  # Ctrl+F
    reached = [QApplication.focusWidget()]
    for _ in range(13):
        _press(qtbot, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())

    # The two dates are greyed until "Dates chosen" is the period.
    assert reached == [
        bar.search,
        bar.no_team_on_duty,
        bar.period,
        bar.sector,
        bar.category,
        bar.priority,
        bar.status,
        bar.team,
        bar.outcome,
        bar.place,
        bar.linked,
        bar.order,
        bar.clear_button,
        view.table,
    ]


def test_only_the_answer_to_the_latest_filters_is_shown(
    qtbot: QtBot, database: Database, calls: list[int]
) -> None:
    runner = HeldRunner(database)
    view = _open(qtbot, runner)
    runner.release()
    assert len(_shown(view)) == 5
    counts = []
    view.shown.connect(lambda found: counts.append(found.count))

    view.filters.search.setText("eole")  # asked, on its way
    view.filters.search.setText("pont")  # waits for the first answer
    assert len(runner.held) == 1
    runner.release()  # the answer for "eole" comes: not shown, "pont" is asked instead
    assert counts == []
    assert len(runner.held) == 1
    runner.release()

    assert counts == [1]
    assert _shown(view) == ["OPL-2026-000005"]


def test_the_count_reads_as_the_desk_writes_numbers(
    qtbot: QtBot, sqlite_database: Database, french: InstalledLanguage
) -> None:
    with sqlite_database.write() as session:
        sector = Sector(name="Stalingrad", created_at=NOW)
        session.add(sector)
        session.flush()
        session.execute(
            insert(Incident),
            [
                {
                    "reference": f"OPL-2026-{n:06d}",
                    "received_at": DAY - timedelta(minutes=n),
                    "sector_id": sector.id,
                    "category": Category.CARE.value,
                    "priority": Priority.NORMAL.value,
                    "persons": 1,
                    "status": Status.NEW.value,
                    "team_on_duty_at_intake": True,
                    "created_at": DAY,
                    "updated_at": DAY,
                    "version": 1,
                }
                for n in range(1, 1235)
            ],
        )
    view = _open(qtbot, ImmediateRunner(sqlite_database))

    assert _count(view) == "1\u202f234 appels"


def test_a_call_in_sight_that_changes_is_shown_changed(
    qtbot: QtBot, french: InstalledLanguage, view: HistoryView, database: Database, calls: list[int]
) -> None:
    from operline.changes import Changes, IncidentChange

    assert view.model.index(1, HistoryColumn.STATUS).data() == "Équipe contactée"
    with database.write() as session:
        incident = session.get(Incident, calls[3])
        assert incident is not None
        incident.status = Status.ACKNOWLEDGED.value

    view._context.changes.publish(Changes.of_incident(calls[3], IncidentChange.STAGE))

    assert view.model.index(1, HistoryColumn.STATUS).data() == "Pris en compte"


def test_retired_sectors_are_still_offered_and_said_retired(
    qtbot: QtBot, french: InstalledLanguage, database: Database, calls: list[int]
) -> None:
    with database.write() as session:
        eole = session.scalar(select(Sector).where(Sector.name == "Éole"))
        assert eole is not None
        eole.active = False

    view = _open(qtbot, ImmediateRunner(database))

    sectors = view.filters.sector
    assert [sectors.itemText(i) for i in range(sectors.count())] == [
        "Tous les secteurs",
        "Porte de la Chapelle",
        "Stalingrad",
        "Éole (retiré)",
    ]
    _choose(qtbot, sectors, "Éole (retiré)")
    assert _shown(view) == ["OPL-2026-000005"]


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_the_history_at_1366_pixels(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    from PySide6.QtWidgets import QAbstractButton

    from operline.ui.shell.main_window import MainWindow
    from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK

    store(sqlite_database, Past(DAY, location="Jardins d'Éole"))
    window = MainWindow(
        sqlite_database, runner=ImmediateRunner(sqlite_database), actor="test", clock=lambda: NOW
    )
    qtbot.addWidget(window)
    window.resize(DESK_SCREEN_WIDTH, 768)
    with qtbot.waitExposed(window):
        window.show()
    window.show_history()
    qtbot.wait(50)  # the layout follows the texts set by the search

    assert window.findChild(QLabel, "historyTitle").text().endswith(MARK)
    assert window.minimumSizeHint().width() <= DESK_SCREEN_WIDTH
    assert window.width() == DESK_SCREEN_WIDTH
    shown = [
        *window.history.findChildren(QAbstractButton),
        *window.history.findChildren(QLabel),
    ]
    for widget in shown:
        if widget.isVisible() and widget.text():
            assert widget.width() >= widget.sizeHint().width(), (widget.objectName(), widget.text())
    assert window.history.table.isVisible()
    assert window.history.table.viewport().height() >= 10 * window.history.table.rowHeight(0)


def _arrow_points_down(view: HistoryView) -> bool:
    """Read the sort arrow drawn at the right of the time's heading, as the eye does."""
    header = view.table.horizontalHeader()
    image = header.grab().toImage()
    left = header.sectionViewportPosition(HistoryColumn.TIME)
    right = left + header.sectionSize(HistoryColumn.TIME)
    widths = []
    for y in range(image.height()):
        dark = sum(image.pixelColor(x, y).lightness() < 160 for x in range(right - 24, right - 2))
        if dark:
            widths.append(dark)
    assert len(widths) >= 2, "no sort arrow drawn on the time's heading"
    return widths[0] > widths[-1]


def test_the_sort_arrow_points_the_way_the_calls_are_listed(
    qtbot: QtBot, view: HistoryView
) -> None:
    assert _shown(view)[0] == "OPL-2026-000005"
    assert _arrow_points_down(view)  # newest first: ▼

    header = view.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(HistoryColumn.TIME) + 10, header.height() // 2),
    )

    assert _shown(view)[0] == "OPL-2026-000001"
    assert not _arrow_points_down(view)  # oldest first: ▲


def test_an_operator_s_search_shows_the_last_24_hours_and_says_so(
    qtbot: QtBot, english: InstalledLanguage, database: Database, calls: list[int]
) -> None:
    store(database, Past(NOW - timedelta(hours=20), sector="Éole"))
    operator = add_operator(
        database, "Aminata Koné", OperatorRole.OPERATOR, actor=COMMAND_LINE, now=NOW
    ).at("poste-test")
    context = DeskContext(
        ImmediateRunner(database), lambda: NOW, lambda: None, ChangeBus(), lambda: operator
    )
    view = HistoryView(context)
    qtbot.addWidget(view)
    view.show()
    view.show_current()
    assert _shown(view) == ["OPL-2026-000006"]
    assert _count(view) == "1 call(s) in the last 24 hours (an operator's search)"
