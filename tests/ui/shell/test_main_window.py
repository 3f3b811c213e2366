"""The main window as the desk sees it: menus in its language, database named, backups."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

import operline
from operline.codes import OperatorRole
from operline.db.engine import Database, open_database
from operline.db.models import AuditLog, Incident
from operline.demo import fill_demo_database
from operline.drafts import DraftStore
from operline.operators import OperatorInfo, add_operator
from operline.roster.board import UpcomingGap
from operline.roster.gaps import GapKind
from operline.ui import shortcuts
from operline.ui.shell.gap_banner import GapBanner
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner
from tests.actors import COMMAND_LINE
from tests.test_roster_board import at
from tests.ui.conftest import NOW, Call, close_next_modal, store_calls


@pytest.fixture
def window(qtbot: QtBot, sqlite_database: Database) -> MainWindow:
    shown = MainWindow(
        sqlite_database,
        runner=ImmediateRunner(sqlite_database),
        actor="superviseur",
        clock=lambda: NOW,
    )
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


def _menus(window: MainWindow) -> dict[str, list[str]]:
    """Each menu's title and the texts of its entries, separators left out."""
    found = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        found[action.text()] = [a.text() for a in menu.actions() if not a.isSeparator()]
    return found


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(window.windowHandle(), key, modifier)


def test_menus_speak_french(french: InstalledLanguage, window: MainWindow) -> None:
    assert window.windowTitle() == "Operline"
    assert _menus(window) == {
        "&Fichier": ["&Sauvegarder la base de données…", "E&xporter pour le GPO…", "&Quitter"],
        "Appe&ls": ["&Nouvel appel", "&Aller à un appel…", "&Changement d'opérateur…"],
        "Tableau de &garde": ["Équipes, secteurs, lieux et &gardes…", "&Réglages du plateau…"],
        "Affic&hage": [
            "&Appels en cours",
            "&Fiche d'appel",
            "&De garde maintenant",
            "La &semaine",
            "Le &journal",
            "L'&historique",
            "La semaine en &graphiques",
            "&Contraste élevé",
        ],
        "&Journal": [
            "Jour &précédent",
            "Jour &suivant",
            "&Aujourd'hui",
            "Aller à une &date…",
            "&Recharger",
            "&Corriger l'appel…",
            "Si&gner le journal du jour",
            "&Imprimer le journal…",
            "Enregistrer en PD&F…",
        ],
        "H&istorique": [
            "&Rechercher dans l'historique",
            "Chercher à &nouveau",
            "&Effacer les filtres",
            "&Vue du secteur de l'appel",
        ],
        "&Aide": ["&Raccourcis clavier", "À &propos d'Operline"],
    }


@pytest.mark.usefixtures("french")
def test_french_menus_have_one_access_key_each(window: MainWindow) -> None:
    for title, entries in [("menu bar", list(_menus(window))), *_menus(window).items()]:
        keys = [re.search(r"&(\w)", text) for text in entries]
        letters = [match.group(1).lower() for match in keys if match]
        assert len(letters) == len(entries), title
        assert len(set(letters)) == len(letters), (title, entries)


def test_menus_speak_english(english: InstalledLanguage, window: MainWindow) -> None:
    assert _menus(window) == {
        "&File": ["&Back up the database…", "E&xport for the GPO…", "&Quit"],
        "&Calls": ["&New call", "&Go to a call…", "&Change of operator…"],
        "&Roster": ["&Teams, sectors, places and roster…", "Desk &settings…"],
        "&View": [
            "Open &calls",
            "Call &form",
            "&On duty now",
            "The &week",
            "The &journal",
            "The &history",
            "The week in c&harts",
            "&High contrast",
        ],
        "&Journal": [
            "&Previous day",
            "&Next day",
            "&Today",
            "&Go to a date…",
            "&Reload",
            "&Correct the call…",
            "&Sign off the day",
            "Pr&int the day log…",
            "Save as P&DF…",
        ],
        "H&istory": [
            "&Search the history",
            "Search &again",
            "&Clear the filters",
            "&View of the call's sector",
        ],
        "&Help": ["&Keyboard shortcuts", "&About Operline"],
    }


def test_the_status_bar_names_the_database(
    french: InstalledLanguage, window: MainWindow, sqlite_database: Database
) -> None:
    label = window.statusBar().findChild(QLabel, "databaseInUse")
    assert label.isVisible()
    assert label.text() == f"Base de données\u00a0: {sqlite_database.name}"
    assert str(sqlite_database.sqlite_path) in label.text()


def test_f1_lists_every_declared_shortcut(
    french: InstalledLanguage, qtbot: QtBot, window: MainWindow
) -> None:
    listed: list[tuple[str, str]] = []

    def read(dialog: QDialog) -> None:
        for table in dialog.findChildren(QTableWidget):
            for row in range(table.rowCount()):
                listed.append((table.item(row, 0).text(), table.item(row, 1).text()))

    seen = close_next_modal(inspect=read)
    _press(qtbot, window, Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier)

    assert seen.title == "Raccourcis clavier"
    assert listed == [(s.key_text(), s.description()) for s in shortcuts.ALL]
    assert ("F5", "Journal\u00a0: recharger la journée") in listed
    assert ("Ctrl+Q", "Quitter Operline") in listed


def test_every_shortcut_in_the_window_is_in_the_list(window: MainWindow) -> None:
    declared = {keys.toString() for s in shortcuts.ALL for keys in s.sequences()}
    bound = {
        keys.toString() for action in window.findChildren(QAction) for keys in action.shortcuts()
    }
    editor = {shortcuts.EDITOR_SAVE, shortcuts.EDITOR_NEW, shortcuts.EDITOR_REMOVE}
    # The roster editor's keys live in its own window, opened on demand.
    assert declared - bound <= {s.sequence().toString() for s in editor}
    assert bound <= declared


def test_ctrl_q_quits(qtbot: QtBot, window: MainWindow) -> None:
    _press(qtbot, window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_about_names_the_version_and_the_database(
    french: InstalledLanguage, window: MainWindow, sqlite_database: Database
) -> None:
    seen = close_next_modal()
    window.about_action.trigger()

    assert seen.title == "À propos d'Operline"
    assert f"Operline {operline.__version__}" in seen.text
    assert f"Base de données utilisée\u00a0: {sqlite_database.name}" in seen.text


def test_a_backup_is_a_readable_copy(
    french: InstalledLanguage, window: MainWindow, sqlite_database: Database, tmp_path: Path
) -> None:
    store_calls(sqlite_database, Call(datetime(2026, 11, 27, 9, 0, tzinfo=UTC)))
    target = tmp_path / "copie.sqlite3"

    window.write_backup(target)

    assert window.statusBar().currentMessage() == f"Sauvegarde écrite dans {target}."
    copy = open_database(f"sqlite:///{target}")
    try:
        with copy.read() as session:
            assert session.scalar(select(func.count(Incident.id))) == 1
    finally:
        copy.dispose()


def test_a_backup_never_overwrites_a_file(
    french: InstalledLanguage, window: MainWindow, tmp_path: Path
) -> None:
    target = tmp_path / "existe.sqlite3"
    target.write_bytes(b"a file the supervisor cares about")

    seen = close_next_modal()
    window.write_backup(target)

    assert seen.title == "Sauvegarde non écrite"
    assert seen.text == (
        f"{target} existe déjà\u00a0; choisissez un nouveau nom de fichier pour la sauvegarde."
    )
    assert target.read_bytes() == b"a file the supervisor cares about"


def test_the_backup_menu_suggests_a_dated_file_beside_the_database(
    window: MainWindow,
    sqlite_database: Database,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    suggested: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[str, str]:
        suggested.append(str(args[2]))
        return str(tmp_path / "choisie.sqlite3"), ""

    monkeypatch.setattr("operline.ui.shell.main_window.QFileDialog.getSaveFileName", choose)
    window.backup_action.trigger()

    database_path = sqlite_database.sqlite_path
    assert database_path is not None
    assert suggested == [str(database_path.with_name("operline-backup-20261127-1800.sqlite3"))]
    assert (tmp_path / "choisie.sqlite3").exists()


# Screens and the coverage warning


class MovingClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _demo_window(qtbot: QtBot, database: Database, clock: MovingClock) -> MainWindow:
    fill_demo_database(database, incidents=20, now=clock.now)
    shown = MainWindow(database, runner=ImmediateRunner(database), actor="opératrice", clock=clock)
    qtbot.addWidget(shown)
    shown.resize(1366, 768)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    return shown


@pytest.mark.usefixtures("french")
def test_the_open_calls_come_first_and_ctrl_digits_switch_screens(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.screens.currentWidget() is window.calls
    assert window.calls.isAncestorOf(QApplication.focusWidget())
    tabs = [window.screens.tabText(i) for i in range(window.screens.count())]
    assert tabs == [
        "Appels en cours  (Ctrl+1)",
        "Fiche d'appel  (Ctrl+2)",
        "De garde  (Ctrl+3)",
        "Semaine  (Ctrl+4)",
        "Journal  (Ctrl+5)",
        "Historique  (Ctrl+6)",
        "Graphiques  (Ctrl+7)",
    ]
    control = Qt.KeyboardModifier.ControlModifier
    _press(qtbot, window, Qt.Key.Key_3, control)
    assert window.screens.currentWidget() is window.board
    assert window.board.table.hasFocus()
    _press(qtbot, window, Qt.Key.Key_4, control)
    assert window.screens.currentWidget() is window.week
    assert window.week.chart.hasFocus()
    _press(qtbot, window, Qt.Key.Key_5, control)
    assert window.screens.currentWidget() is window.journal
    _press(qtbot, window, Qt.Key.Key_6, control)
    assert window.screens.currentWidget() is window.history
    _press(qtbot, window, Qt.Key.Key_7, control)
    assert window.screens.currentWidget() is window.charts
    assert window.charts.isAncestorOf(QApplication.focusWidget())
    _press(qtbot, window, Qt.Key.Key_1, control)
    assert window.screens.currentWidget() is window.calls


def test_ctrl_n_from_any_screen_opens_an_empty_call_form(qtbot: QtBot, window: MainWindow) -> None:
    window.show_journal()
    _press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is window.desk
    assert window.desk.form.hasFocus() or window.desk.form.isAncestorOf(window.desk.focusWidget())


def test_the_day_keys_move_the_journal_only_while_it_is_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    today = window.journal.day

    _press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.journal.day == today

    window.show_journal()
    _press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.journal.day == today - timedelta(days=1)


@pytest.mark.usefixtures("french")
def test_a_gap_within_a_day_raises_the_warning(qtbot: QtBot, sqlite_database: Database) -> None:
    window = _demo_window(qtbot, sqlite_database, MovingClock(at("2026-11-28T18:00")))

    assert window.banner.isVisible()
    assert window.banner.lines == [
        "⚠ Quais du canal de l'Ourcq\u00a0: aucune équipe de garde de 08:00 à 20:00 demain"
    ]
    qtbot.mouseClick(window.banner.week_button, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.week


def test_no_warning_while_the_next_gap_is_more_than_a_day_away(
    qtbot: QtBot, database: Database
) -> None:
    clock = MovingClock(at("2026-11-28T07:00"))  # the canal's gap opens tomorrow at 08:00
    window = _demo_window(qtbot, database, clock)

    assert not window.banner.isVisible()

    # The warning moves with the board: at its next refresh the gap is within a day.
    clock.now = at("2026-11-28T09:00")
    window.board.refresh()
    assert window.banner.isVisible()
    assert "Quais du canal de l'Ourcq" in window.banner.lines[0]


def _gap(sector: str, start: str, end: str, *, kind: GapKind = "no_team") -> UpcomingGap:
    begins = at(start)
    return UpcomingGap(1, sector, begins, at(end), kind, begins <= NIGHT_DESK)


NIGHT_DESK = at("2026-11-27T22:30")


@pytest.mark.usefixtures("french")
def test_the_warning_speaks_as_the_desk_does(qtbot: QtBot) -> None:
    banner = GapBanner()
    qtbot.addWidget(banner)

    banner.show_gaps(
        [
            _gap("Éole", "2026-11-27T21:00", "2026-11-27T23:00"),
            _gap("Éole", "2026-11-28T02:00", "2026-11-28T06:00"),
            _gap("Stalingrad", "2026-11-27T23:00", "2026-11-28T08:00"),
            _gap("Rosa Parks", "2026-11-28T14:00", "2026-11-28T18:00", kind="no_phone"),
            _gap("Forceval", "2026-11-28T18:00", "2026-11-29T00:00"),
        ],
        NIGHT_DESK,
    )

    assert banner.lines == [
        "⚠ Éole\u00a0: aucune équipe de garde en ce moment, jusqu'à 23:00",
        "⚠ Éole\u00a0: aucune équipe de garde de 02:00 à 06:00 cette nuit",
        "⚠ Stalingrad\u00a0: aucune équipe de garde de 23:00 à demain 08:00",
        "et 2 autres dans la vue de la semaine",
    ]
    banner.show_gaps([_gap("Forceval", "2026-11-28T18:00", "2026-11-29T00:00")], NIGHT_DESK)
    assert banner.lines == ["⚠ Forceval\u00a0: aucune équipe de garde de 18:00 à 24:00 demain"]
    banner.show_gaps([], NIGHT_DESK)
    assert banner.isHidden()


def test_the_journal_is_consulted_in_the_name_of_the_operator_signed_in(
    window: MainWindow, sqlite_database: Database
) -> None:
    def consulted_by() -> list[str]:
        with sqlite_database.read() as session:
            query = select(AuditLog.actor).where(AuditLog.action == "journal.view")
            return list(session.scalars(query.order_by(AuditLog.id)))

    assert consulted_by() == []  # the journal is not read until it is shown
    window.show_journal()
    aminata = add_operator(
        sqlite_database, "Aminata Koné", OperatorRole.OPERATOR, actor=COMMAND_LINE, now=NOW
    )
    window.session.set_operator(aminata)
    window.journal.reload_action.trigger()
    # Before anyone signed in, the system user is named; then the operator, by id too.
    where = window.session.workstation
    assert consulted_by() == [
        f"superviseur (system) @ {where}",
        f"Aminata Koné (#{aminata.operator_id}) @ {where}",
    ]


def test_only_a_supervisor_signed_in_may_edit_the_roster(window: MainWindow) -> None:
    assert not window.edit_roster_action.isEnabled()
    window.session.set_operator(OperatorInfo(1, "Aminata Koné", OperatorRole.OPERATOR))
    assert not window.edit_roster_action.isEnabled()
    window.session.set_operator(OperatorInfo(2, "Zoé Martin", OperatorRole.SUPERVISOR))
    assert window.edit_roster_action.isEnabled()


def test_quitting_with_a_call_half_typed_keeps_it_and_asks_first(
    qtbot: QtBot, sqlite_database: Database, tmp_path: Path
) -> None:
    drafts = DraftStore(tmp_path / "drafts")
    shown = MainWindow(
        sqlite_database,
        runner=ImmediateRunner(sqlite_database),
        actor="test",
        clock=lambda: NOW,
        drafts=drafts,
    )
    qtbot.addWidget(shown)
    shown.show()
    shown.new_call()
    qtbot.keyClicks(shown.desk.form.location, "Rotonde de Stalingrad")

    seen = close_next_modal()  # the question, answered "No" by closing it
    shown.close()
    saved = drafts.load()
    still_shown = shown.isVisible()
    shown.desk.form.reset()  # so that closing the window at the end asks nothing

    assert "A call is being typed" in seen.text
    assert still_shown
    assert saved is not None
    assert saved[1]["location"] == "Rotonde de Stalingrad"


def test_after_midnight_the_journal_shows_the_new_day(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    clock = MovingClock(at("2026-11-27T23:50"))
    window = _demo_window(qtbot, sqlite_database, clock)
    window.show_journal()
    assert window.journal.day.isoformat() == "2026-11-27"
    window.show_calls()
    clock.now = at("2026-11-28T00:20")  # the desk works on past midnight
    window.show_journal()
    assert window.journal.day.isoformat() == "2026-11-28"


def test_an_operator_signed_in_sees_the_week_in_charts_greyed_and_why(
    window: MainWindow, qtbot: QtBot
) -> None:
    charts = window.screens.indexOf(window.charts)
    window.session.set_operator(OperatorInfo(1, "Aminata Koné", OperatorRole.OPERATOR))
    why = (
        "Aminata Koné is signed in as an operator: only a supervisor may open the week in "
        "charts (an operator consults the last 24 hours)."
    )
    assert not window.show_charts_action.isEnabled()
    assert window.show_charts_action.toolTip() == why
    assert not window.screens.isTabEnabled(charts)
    assert window.screens.tabToolTip(charts) == why
    _press(qtbot, window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.screens.currentWidget() is not window.charts
    window.session.set_operator(OperatorInfo(2, "Zoé Martin", OperatorRole.SUPERVISOR))
    assert window.screens.isTabEnabled(charts)
    window.show_charts()
    assert window.screens.currentWidget() is window.charts
