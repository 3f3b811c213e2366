"""The week in charts printed or saved as PDF from the keyboard, on the day log's page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline.ui import shortcuts
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from tests.ui.conftest import close_next_modal
from tests.ui.figures.test_figures_screens import window  # noqa: F401  (the fixture)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _press(qtbot: QtBot, shown: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(shown.windowHandle(), key, modifier)


def test_ctrl_shift_p_on_the_charts_saves_them_as_a_pdf_page_like_the_day_log(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "semaine"
    asked: list[str] = []

    def choose(*args: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(target), ""

    monkeypatch.setattr("operline.ui.figures.week_dashboard.QFileDialog.getSaveFileName", choose)
    _press(qtbot, window, Qt.Key.Key_7, CTRL)
    _press(qtbot, window, Qt.Key.Key_P, CTRL_SHIFT)

    assert asked == ["Enregistrer les graphiques en PDF"]
    saved = target.with_suffix(".pdf")
    reader = PdfReader(saved)
    (page,) = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "Semaine 48 : du lundi 23 au dimanche 29 novembre 2026" in page
    assert "Appels par jour et par secteur" in page
    assert "Imprimé le 25/11/2026 22:00 par superviseur" in page
    assert "Page 1 / 1" in page
    # The day log's page: A4 landscape.
    box = reader.pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 297
    assert round(float(box.height) / 72 * 25.4) == 210
    assert window.statusBar().currentMessage() == f"Graphiques enregistrés dans {saved}."
    # The journal's own keys did nothing meanwhile: the day log was not asked.
    assert asked == ["Enregistrer les graphiques en PDF"]


def test_ctrl_p_on_the_charts_opens_the_print_dialog(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    _press(qtbot, window, Qt.Key.Key_7, CTRL)
    seen = close_next_modal()

    _press(qtbot, window, Qt.Key.Key_P, CTRL)

    qtbot.waitUntil(lambda: bool(seen.kind))
    assert seen.kind == "QPrintDialog"
    assert window.statusBar().currentMessage() != (
        "Les graphiques de la semaine ont été envoyés à l'imprimante."
    )  # cancelled: nothing printed


def test_the_keys_are_the_journal_s_and_listed_once() -> None:
    assert shortcuts.PRINT_CHARTS in shortcuts.ALL
    assert shortcuts.SAVE_CHARTS_PDF in shortcuts.ALL
    assert shortcuts.PRINT_CHARTS.keys == "Ctrl+P"
