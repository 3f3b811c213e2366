"""File > Export for the GPO: a supervisor picks the week, reads its preview, saves its files."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu
from pytestqt.qtbot import QtBot

from operline.actors import system_actor
from operline.codes import OperatorRole, Outcome, Priority
from operline.db.engine import Database
from operline.figures.buckets import IsoWeek
from operline.gpo import folder as folder_module
from operline.gpo import incidents as incidents_module
from operline.operators import OperatorInfo
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.gpo.export_dialog import FOLDER_SETTING, GpoExportDialog
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import ImmediateRunner, TaskRunner
from tests.actors import WORKSTATION, signed_in
from tests.gpo.calls import Call, paris, read_back, sectors, store
from tests.gpo.test_export import ACTIVE, NOW, W48, files
from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK
from tests.ui.gpo.test_brief import pdf_text
from tests.ui.roster_editor.test_editor_tasks import StatementWatch

W47 = IsoWeek(2026, 47)
SUPERVISOR = system_actor("Claire Dumont", WORKSTATION)


@pytest.fixture
def two_weeks(database: Database) -> Database:
    """Calls in weeks 47 and 48 of 2026, in three active sectors."""
    sectors(database, *ACTIVE)
    store(
        database,
        *(
            Call(
                paris("2026-11-23T08:00") + timedelta(minutes=37 * number),
                sector=ACTIVE[number % 3],
                location=("Rotonde de la Villette", "Jardins d'Éole", "Porte de la Chapelle")[
                    number % 3
                ],
                priority=Priority.URGENT if number % 4 == 0 else Priority.NORMAL,
                team="Maraude Nord",
                stages=(3, 12, 30, 55),
                outcome=Outcome.TAKEN_IN_CHARGE,
            )
            for number in range(30)
        ),
        *(Call(paris("2026-11-17T10:00") + timedelta(hours=number)) for number in range(4)),
    )
    return database


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)


def context(runner: TaskRunner) -> DeskContext:
    return DeskContext(runner, lambda: NOW, lambda: None, ChangeBus(), lambda: SUPERVISOR)


def open_dialog(
    qtbot: QtBot, database: Database, settings: QSettings, runner: TaskRunner | None = None
) -> GpoExportDialog:
    desk = context(runner or ImmediateRunner(database))
    dialog = GpoExportDialog(desk, actor=desk.actor(), settings=settings)
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def rows(dialog: GpoExportDialog) -> list[list[str]]:
    table = dialog.summary
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def window_as(qtbot: QtBot, database: Database, role: OperatorRole | None) -> MainWindow:
    session = DeskSession()
    if role is not None:
        who = signed_in(database, "Inès Martin", role)
        session.set_operator(OperatorInfo(who.operator_id or 0, who.name, who.role))
    window = MainWindow(
        database, runner=ImmediateRunner(database), actor="test", clock=lambda: NOW,
        session=session,
    )  # fmt: skip
    qtbot.addWidget(window)
    return window


def test_a_supervisor_opens_it_from_the_file_menu_on_the_last_complete_week(
    qtbot: QtBot, two_weeks: Database, french: InstalledLanguage
) -> None:
    window = window_as(qtbot, two_weeks, OperatorRole.SUPERVISOR)
    file_menu = window.findChild(QMenu, "fileMenu")
    assert file_menu is not None
    assert "Exporter pour le GPO…" in [a.text().replace("&", "") for a in file_menu.actions()]
    assert window.gpo_export_action.isEnabled()

    window.gpo_export_action.trigger()
    dialog = window.gpo_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Exporter pour le GPO"
    assert dialog.picker.field.text() == "2026-W48"
    assert dialog.picker.days.text() == "du lundi 23 novembre au dimanche 29 novembre 2026"
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    shown = rows(dialog)
    assert [row[0] for row in shown] == [*ACTIVE, "TOTAL"]
    assert [row[1] for row in shown] == ["10", "10", "10", "30"]
    assert dialog.summary.verticalScrollBar().maximum() == 0, "the total is in sight"
    assert dialog.hotspots.rowCount() == 3
    assert dialog.hotspots.item(0, 1).text() == "Rotonde de la Villette"
    assert dialog.hotspots.item(0, 3).text() == "4"  # the week before
    assert dialog.focusWidget() is dialog.picker.field


@pytest.mark.parametrize(
    ("role", "why"),
    [
        (
            OperatorRole.OPERATOR,
            "Inès Martin est connecté comme opérateur\u00a0: seul un superviseur peut exporter "
            "la semaine pour le GPO.",
        ),
        (
            None,
            "Personne n'est connecté\u00a0: un superviseur se connecte (Ctrl+L) pour exporter "
            "la semaine pour le GPO.",
        ),
    ],
)
def test_the_entry_is_greyed_saying_why_for_an_operator_or_nobody(
    qtbot: QtBot,
    sqlite_database: Database,
    french: InstalledLanguage,
    role: OperatorRole | None,
    why: str,
) -> None:
    window = window_as(qtbot, sqlite_database, role)
    assert not window.gpo_export_action.isEnabled()
    assert window.gpo_export_action.toolTip() == why
    window.export_for_the_gpo()
    assert window.gpo_dialog is None


def test_the_week_is_picked_by_keyboard_alone(
    qtbot: QtBot, two_weeks: Database, settings: QSettings, french: InstalledLanguage
) -> None:
    dialog = open_dialog(qtbot, two_weeks, settings)
    field = dialog.picker.field

    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.text() == "2026-W47"
    assert dialog.picker.days.text() == "du lundi 16 novembre au dimanche 22 novembre 2026"
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.week == W47)
    assert rows(dialog)[-1][:2] == ["TOTAL", "4"]

    qtbot.keyClick(field, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert field.text() == "2026-W46"
    qtbot.keyClick(field, Qt.Key.Key_PageUp)
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.text() == "2026-W48"

    field.selectAll()
    qtbot.keyClicks(field, "2026-w47")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.picker.week == W47
    assert dialog.written is None, "Enter in the week field takes the week, saves nothing"
    qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.week == W47)

    field.selectAll()
    qtbot.keyClicks(field, "semaine 12")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == (
        "⚠ 'semaine 12' n’est pas une semaine ISO (attendu AAAA-Wss, par exemple 2026-W13)."
    )
    assert dialog.picker.week == W47, "the week shown stays"


def test_every_part_of_the_dialog_is_reached_from_the_keyboard(
    qtbot: QtBot, two_weeks: Database, settings: QSettings, french: InstalledLanguage
) -> None:
    dialog = open_dialog(qtbot, two_weeks, settings)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    alt = Qt.KeyboardModifier.AltModifier
    for key, widget in (
        (Qt.Key.Key_R, dialog.summary),  # « &Résumé par secteur »
        (Qt.Key.Key_P, dialog.hotspots),  # « &Points chauds »
        (Qt.Key.Key_D, dialog.folder),  # « &Dossier »
        (Qt.Key.Key_S, dialog.picker.field),  # « &Semaine »
    ):
        qtbot.keyClick(dialog.focusWidget(), key, alt)
        assert dialog.focusWidget() is widget
    walked = []
    for _ in range(9):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        walked.append(dialog.focusWidget().objectName())
    assert walked == [
        "gpoPreviousWeek", "gpoNextWeek", "gpoSummaryTable", "gpoHotSpotTable", "gpoFolder",
        "gpoChooseFolder", "gpoSave", "gpoBrief", "gpoClose",
    ]  # fmt: skip
    for widget in (dialog.picker.field, dialog.summary, dialog.hotspots, dialog.folder,
                   dialog.save_button, dialog.progress):  # fmt: skip
        assert widget.accessibleName()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_week_not_over_is_refused_in_a_sentence_and_cannot_be_saved(
    qtbot: QtBot, two_weeks: Database, settings: QSettings, french: InstalledLanguage
) -> None:
    dialog = open_dialog(qtbot, two_weeks, settings)
    qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: dialog.problem.isVisible())
    assert dialog.problem.text().startswith(
        "⚠ La semaine 2026-W49 n’est pas encore finie (elle se termine le "
    )
    assert "la dernière semaine complète est 2026-W48" in dialog.problem.text()
    assert dialog.summary.rowCount() == 0
    assert not dialog.save_button.isEnabled()


def test_save_writes_the_three_files_and_lists_them(
    qtbot: QtBot,
    two_weeks: Database,
    settings: QSettings,
    french: InstalledLanguage,
    tmp_path: Path,
) -> None:
    out = tmp_path / "gpo"
    out.mkdir()
    dialog = open_dialog(qtbot, two_weeks, settings)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    dialog.folder.setText(str(out))
    qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # « &Enregistrer »

    qtbot.waitUntil(lambda: dialog.files.isVisible(), timeout=5000)
    paths = files(out, W48)
    assert all(path.exists() for path in paths.values())
    summary = read_back(paths["summary"]).rows[1:]
    assert [list(row) for row in dialog.preview.summary] == summary  # type: ignore[union-attr]
    text = dialog.files.text()
    assert text.startswith(f"Fichiers écrits dans {out}\u00a0:")
    assert "operline-gpo-2026-W48-incidents.csv — 30 lignes" in text
    assert "operline-gpo-2026-W48-summary.csv — 4 lignes" in text
    assert "operline-gpo-2026-W48-hotspots.csv — 3 lignes" in text
    assert not dialog.problem.isVisible()
    assert settings.value(FOLDER_SETTING) == str(out)

    again = open_dialog(qtbot, two_weeks, settings)
    assert again.folder.text() == str(out), "the folder is remembered"


def test_the_brief_is_written_beside_the_files_with_the_figures_of_the_preview(
    qtbot: QtBot,
    two_weeks: Database,
    settings: QSettings,
    french: InstalledLanguage,
    tmp_path: Path,
) -> None:
    out = tmp_path / "gpo"
    out.mkdir()
    dialog = open_dialog(qtbot, two_weeks, settings)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    dialog.folder.setText(str(out))
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # « &Note… »

    qtbot.waitUntil(lambda: dialog.files.isVisible(), timeout=10000)
    brief = out / "operline-gpo-2026-W48-brief.pdf"
    assert dialog.files.text() == f"Note écrite\u00a0: {brief} — 1 page"
    assert not dialog.problem.isVisible()
    assert dialog.save_button.isEnabled()
    assert dialog.brief_button.isEnabled()
    (page,) = pdf_text(brief)
    assert "Note hebdomadaire au GPO — semaine 48" in page
    total = dialog.preview.summary[-1]  # type: ignore[union-attr]
    assert f"Appels {total[1]} " in page, "the brief's calls are the preview's TOTAL"
    assert settings.value(FOLDER_SETTING) == str(out)


def test_a_folder_missing_or_unwritable_is_told_in_one_sentence(
    qtbot: QtBot,
    two_weeks: Database,
    settings: QSettings,
    french: InstalledLanguage,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = open_dialog(qtbot, two_weeks, settings)
    dialog.folder.setText(str(tmp_path / "nowhere"))
    dialog.save_button.click()
    assert dialog.problem.text() == (
        f"⚠ Le dossier {tmp_path / 'nowhere'} n’existe pas\u00a0; rien n’a été exporté."
    )
    assert not dialog.files.isVisible()

    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: the system's refusal is played instead

        def refused(*_args: object, **_keywords: object) -> tuple[int, str]:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(folder_module.tempfile, "mkstemp", refused)
    dialog.folder.setText(str(locked))
    dialog.save_button.click()
    assert dialog.problem.text().startswith(
        f"⚠ Operline ne peut pas écrire l’export dans {locked} (Permission denied)"
    )
    assert list(locked.iterdir()) == []
    assert dialog.save_button.isEnabled()


@pytest.fixture
def runner(sqlite_database: Database) -> Iterator[TaskRunner]:
    started = TaskRunner(sqlite_database)
    yield started
    started.shut_down()


def test_the_progress_bar_moves_as_the_calls_go_by_on_the_runner(
    qtbot: QtBot,
    sqlite_database: Database,
    runner: TaskRunner,
    settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sectors(sqlite_database, *ACTIVE)
    store(
        sqlite_database, *(Call(paris("2026-11-24T10:00") + timedelta(minutes=n)) for n in range(9))
    )
    monkeypatch.setattr(incidents_module, "PROGRESS_EVERY", 2)
    dialog = open_dialog(qtbot, sqlite_database, settings, runner)
    assert dialog.week == W48
    seen: list[tuple[int, int]] = []
    dialog.progress.valueChanged.connect(
        lambda value: seen.append((value, dialog.progress.maximum()))
    )
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert [value for value, top in seen if top == 9] == [2, 4, 6, 8, 9]

    seen.clear()
    dialog.folder.setText(str(tmp_path))
    dialog.save_button.click()
    assert not dialog.save_button.isEnabled(), "one export at a time"
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert dialog.week == W48, "the week stays while its files are written"
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=5000)
    assert [value for value, top in seen if top == 9] == [2, 4, 6, 8, 9]
    assert dialog.save_button.isEnabled()


def test_the_dialog_sends_no_statement_from_the_gui_thread(
    qtbot: QtBot, two_weeks: Database, settings: QSettings, tmp_path: Path
) -> None:
    runner = TaskRunner(two_weeks)
    watch = StatementWatch(two_weeks)
    try:
        dialog = open_dialog(qtbot, two_weeks, settings, runner)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
        qtbot.keyClick(dialog.picker.field, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: dialog.preview is not None and dialog.preview.week == W47)
        dialog.folder.setText(str(tmp_path))
        dialog.save_button.click()
        qtbot.waitUntil(lambda: dialog.written is not None, timeout=5000)
    finally:
        watch.stop()
        runner.shut_down()
    assert watch.on_gui_thread == []
    assert watch.on_worker > 0


def test_closing_the_dialog_while_the_export_runs_is_safe(
    qtbot: QtBot,
    two_weeks: Database,
    settings: QSettings,
    tmp_path: Path,
) -> None:
    runner = TaskRunner(two_weeks)
    try:
        dialog = open_dialog(qtbot, two_weeks, settings, runner)
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
        gate = threading.Event()
        runner.run(lambda _database: gate.wait(5), lambda _: None, lambda _: None)
        dialog.folder.setText(str(tmp_path))
        dialog.save_button.click()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.close()
        gate.set()
        qtbot.waitUntil(lambda: runner.pending == 0, timeout=10000)
    finally:
        runner.shut_down()
    assert all(path.exists() for path in files(tmp_path, W48).values())


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_and_sector_names_are_whole(
    qtbot: QtBot, two_weeks: Database, settings: QSettings
) -> None:
    dialog = open_dialog(qtbot, two_weeks, settings)
    qtbot.waitUntil(lambda: dialog.preview is not None)
    assert dialog.windowTitle().endswith(MARK)  # the pseudo-translation is in force
    assert dialog.minimumSizeHint().width() <= DESK_SCREEN_WIDTH
    for widget in [*dialog.findChildren(QAbstractButton), *dialog.findChildren(QLabel)]:
        if widget.isVisible() and widget.text() and not getattr(widget, "wordWrap", bool)():
            assert widget.width() >= widget.sizeHint().width(), widget.text()
    table = dialog.summary
    for row in range(table.rowCount()):
        text = table.item(row, 0).text()
        assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(text), text
    assert table.verticalScrollBar().maximum() == 0, "the total is in sight"
