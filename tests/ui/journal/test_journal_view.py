"""The journal of a day as a supervisor uses it: day keys, order, labels, empty days."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline.actors import system_actor
from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.journal import JOURNAL_VIEW
from operline.operators import add_operator
from operline.ui.journal.model import JournalColumn
from operline.ui.journal.view import JournalView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import ImmediateRunner
from tests.actors import WORKSTATION
from tests.ui.conftest import NOW, Call, store_calls

NIGHT_SUPERVISOR = system_actor("superviseur.nuit", WORKSTATION)

TODAY = date(2026, 11, 27)
YESTERDAY = TODAY - timedelta(days=1)


def _open_view(qtbot: QtBot, database: Database) -> JournalView:
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.setFocus()
    return view


def _press(
    qtbot: QtBot,
    view: JournalView,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key as the keyboard does: through the window, where shortcuts live."""
    qtbot.keyClick(view.window().windowHandle(), key, modifier)


def _column(view: JournalView, column: JournalColumn) -> list[str]:
    model = view.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _audited_days(database: Database) -> list[str | None]:
    with database.read() as session:
        query = select(AuditLog.target).where(AuditLog.action == JOURNAL_VIEW)
        return list(session.scalars(query.order_by(AuditLog.id)))


def test_today_lists_the_calls_newest_first_in_french(
    qtbot: QtBot, database: Database, french: InstalledLanguage
) -> None:
    refs = store_calls(
        database,
        Call(datetime(2026, 11, 27, 7, 5, tzinfo=UTC)),
        Call(
            datetime(2026, 11, 27, 16, 40, tzinfo=UTC),
            category=Category.WOMAN,
            priority=Priority.URGENT,
            status=Status.CLOSED,
            team="UASA binôme 2",
            outcome=Outcome.TAKEN_IN_CHARGE,
            sector="Porte de la Chapelle",
        ),
        Call(datetime(2026, 11, 26, 23, 10, tzinfo=UTC), status=Status.ROUTED, team="ELA"),
        Call(datetime(2026, 11, 26, 22, 50, tzinfo=UTC)),  # 23:50 on the 26th in Paris
    )

    view = _open_view(qtbot, database)

    assert view.day == TODAY
    assert _column(view, JournalColumn.REFERENCE) == [refs[1], refs[0], refs[2]]
    assert _column(view, JournalColumn.TIME) == ["17:40", "08:05", "00:10"]
    first_row = [view.model.index(0, column).data() for column in JournalColumn]
    assert first_row == [
        "17:40",
        refs[1],
        "Porte de la Chapelle",
        "Femme / femme enceinte",
        "Urgent",
        "",
        "",
        "",
        "17:40\n+0 min",
        "UASA binôme 2",
        "Aucune équipe",
        "Prise en charge par l'équipe",
    ]
    # A call still open shows the stage it reached where a closed one shows its outcome.
    assert _column(view, JournalColumn.OUTCOME) == [
        "Prise en charge par l'équipe",
        "En cours\u00a0: Reçu",
        "En cours\u00a0: Équipe contactée",
    ]
    assert _column(view, JournalColumn.TEAM)[1] == "—"
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in JournalColumn]
    assert headers == [
        "Heure",
        "Référence",
        "Secteur",
        "Besoin",
        "Priorité",
        "Équipe contactée",
        "Pris en compte",
        "Sur place",
        "Clos",
        "Équipe",
        "De garde à l'appel",
        "Issue ou étape",
    ]
    assert view.findChild(QLabel, "journalCount").text() == "3 appels"
    assert view.table.isVisible()


def test_the_day_opens_with_the_cursor_on_the_newest_call_so_enter_opens_it(
    qtbot: QtBot, database: Database, french: InstalledLanguage
) -> None:
    refs = store_calls(
        database,
        Call(datetime(2026, 11, 27, 7, 5, tzinfo=UTC)),
        Call(datetime(2026, 11, 27, 16, 40, tzinfo=UTC)),
    )
    # Shown without the focus on its table, as when another screen keeps it meanwhile.
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.show()

    assert view.table.currentIndex().row() == 0
    view.open_action.trigger()

    assert view.detail is not None
    assert refs[1] in view.detail.windowTitle()


def test_urgent_calls_stand_out(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    store_calls(
        database,
        Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC), priority=Priority.URGENT),
        Call(datetime(2026, 11, 27, 8, 0, tzinfo=UTC), priority=Priority.NORMAL),
    )
    view = _open_view(qtbot, database)

    urgent = view.model.index(0, JournalColumn.PRIORITY)
    normal = view.model.index(1, JournalColumn.PRIORITY)
    assert urgent.data() == "Urgent"
    assert urgent.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert urgent.data(Qt.ItemDataRole.FontRole).bold()
    assert normal.data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_day_keys_move_between_days_and_back_to_today(
    qtbot: QtBot, database: Database, french: InstalledLanguage
) -> None:
    refs = store_calls(
        database,
        Call(datetime(2026, 11, 27, 10, 0, tzinfo=UTC)),
        Call(datetime(2026, 11, 26, 10, 0, tzinfo=UTC)),
        Call(datetime(2026, 11, 25, 10, 0, tzinfo=UTC)),
    )
    view = _open_view(qtbot, database)

    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.day == YESTERDAY
    assert _column(view, JournalColumn.REFERENCE) == [refs[1]]

    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert _column(view, JournalColumn.REFERENCE) == [refs[2]]

    _press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.day == YESTERDAY

    _press(qtbot, view, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert view.day == TODAY
    assert _column(view, JournalColumn.REFERENCE) == [refs[0]]


def test_there_is_no_next_day_after_today(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    view = _open_view(qtbot, database)

    assert not view.next_day_action.isEnabled()
    _press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert view.day == TODAY

    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.next_day_action.isEnabled()


def test_an_empty_day_says_so(qtbot: QtBot, database: Database, french: InstalledLanguage) -> None:
    store_calls(database, Call(datetime(2026, 11, 27, 10, 0, tzinfo=UTC)))
    view = _open_view(qtbot, database)
    empty = view.findChild(QLabel, "journalEmpty")
    assert not empty.isVisible()

    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)

    assert empty.isVisible()
    assert empty.text() == "Aucun appel ce jour-là"
    assert not view.table.isVisible()
    assert view.model.rowCount() == 0


def test_typing_a_date_shows_that_day(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    refs = store_calls(database, Call(datetime(2026, 3, 29, 1, 30, tzinfo=UTC)))
    view = _open_view(qtbot, database)

    _press(qtbot, view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    day_field = view.findChild(type(view._date_edit), "journalDay")
    assert day_field.hasFocus()
    day_field.setDate(day_field.date().addDays(-(TODAY - date(2026, 3, 29)).days))
    qtbot.keyClick(day_field, Qt.Key.Key_Return)

    assert view.day == date(2026, 3, 29)
    assert _column(view, JournalColumn.REFERENCE) == refs
    assert _column(view, JournalColumn.TIME) == ["03:30"]  # the spring jump happened at 02:00


def test_each_consultation_is_audited(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    view = _open_view(qtbot, database)
    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    _press(qtbot, view, Qt.Key.Key_F5)

    assert _audited_days(database) == ["2026-11-27", "2026-11-26", "2026-11-26"]
    with database.read() as session:
        actors = set(session.scalars(select(AuditLog.actor)))
    assert actors == {NIGHT_SUPERVISOR.audit_name}


def test_reload_shows_calls_logged_since(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    view = _open_view(qtbot, database)
    assert view.model.rowCount() == 0

    refs = store_calls(database, Call(datetime(2026, 11, 27, 16, 55, tzinfo=UTC)))
    _press(qtbot, view, Qt.Key.Key_F5)

    assert _column(view, JournalColumn.REFERENCE) == refs
    assert view.table.isVisible()


def test_french_labels_fit_their_columns(
    qtbot: QtBot, database: Database, french: InstalledLanguage
) -> None:
    calls = [
        Call(
            datetime(2026, 11, 27, 10, 0, tzinfo=UTC) - timedelta(minutes=n),
            category=category,
            status=Status.CLOSED,
            outcome=outcome,
            team="Maraude Porte de la Chapelle",
            sector="Quais du canal de l'Ourcq",
        )
        for n, (category, outcome) in enumerate(zip(Category, list(Outcome) * 2, strict=False))
    ]
    store_calls(database, *calls)
    store_calls(
        database,
        Call(datetime(2026, 11, 27, 11, 0, tzinfo=UTC), status=Status.ON_SCENE, team="ELA"),
    )
    view = _open_view(qtbot, database)
    metrics = view.table.fontMetrics()
    header = view.table.horizontalHeader()
    two_lines = view.table.verticalHeader().defaultSectionSize()

    assert sum(header.sectionSize(column) for column in JournalColumn) <= 1366
    for column in JournalColumn:
        width = header.sectionSize(column)
        for text in [
            *_column(view, column),
            view.model.headerData(column, Qt.Orientation.Horizontal),
        ]:
            # Each row holds two lines: a text wraps once at most, between words.
            room = QRect(0, 0, width - 8, 1000)
            used = metrics.boundingRect(room, Qt.TextFlag.TextWordWrap, text)
            assert used.width() <= width - 8, (column.name, text, width)
            assert used.height() <= two_lines, (column.name, text, width)


def test_an_operator_goes_back_to_yesterday_and_no_further(
    qtbot: QtBot, database: Database, english: InstalledLanguage
) -> None:
    refs = store_calls(
        database,
        Call(datetime(2026, 11, 26, 20, 0, tzinfo=UTC)),
        Call(datetime(2026, 11, 25, 10, 0, tzinfo=UTC)),
    )
    operator = add_operator(
        database, "Aminata Koné", OperatorRole.OPERATOR, actor=NIGHT_SUPERVISOR, now=NOW
    ).at(WORKSTATION)
    view = JournalView(ImmediateRunner(database), actor=operator, clock=lambda: NOW)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.show_day(TODAY)

    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.day == YESTERDAY
    assert _column(view, JournalColumn.REFERENCE) == [refs[0]]
    assert not view.previous_day_action.isEnabled()
    assert view.previous_day_action.toolTip() == (
        "Aminata Koné is signed in as an operator: the days before are a supervisor's "
        "(an operator consults the last 24 hours)."
    )
    _press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    view.show_day(YESTERDAY - timedelta(days=1))  # typed in the date: held at yesterday
    assert view.day == YESTERDAY
    # No earlier day was read: the call of two days before stays out of sight.
    assert set(_audited_days(database)) == {TODAY.isoformat(), YESTERDAY.isoformat()}
