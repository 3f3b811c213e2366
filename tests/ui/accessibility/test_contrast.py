"""Every text colour on its background reads at WCAG AA (4.5:1), every mark at 3:1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui import palette
from operline.ui.journal.view import JournalView
from operline.ui.palette import PAIRS, Pair, apply_palette, contrast
from operline.ui.tasks import ImmediateRunner
from tests.ui.conftest import NOW, Call, store_calls
from tests.ui.journal.test_journal_view import NIGHT_SUPERVISOR


def test_the_wcag_ratio_is_computed_as_the_standard_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # Fusion's selection, found too pale.
    assert contrast("#ffffff", "#308cc6") == pytest.approx(3.69, abs=0.01)
    assert contrast("#ffb300", "#ffffff") == pytest.approx(1.79, abs=0.01)


@pytest.mark.parametrize("pair", PAIRS, ids=lambda pair: pair.what)
def test_each_pair_reaches_its_contrast(pair: Pair) -> None:
    ratio = contrast(pair.foreground, pair.background)
    assert ratio >= pair.minimum, f"{pair.what}: {ratio:.2f}:1, needs {pair.minimum}:1"


@pytest.fixture
def desk_palette(qapp: QApplication) -> Iterator[None]:
    before = QPalette(qapp.palette())
    apply_palette(qapp)
    try:
        yield
    finally:
        qapp.setPalette(before)


@pytest.mark.usefixtures("desk_palette", "english")
def test_the_selected_row_and_the_placeholder_are_painted_in_the_readable_colours(
    qtbot: QtBot, database: Database
) -> None:
    store_calls(database, Call(datetime(2026, 11, 27, 7, 5, tzinfo=UTC)))
    view = JournalView(ImmediateRunner(database), actor=NIGHT_SUPERVISOR, clock=lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show()
    view.table.selectRow(0)
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus)

    rect = view.table.visualRect(view.model.index(0, 1))
    image = view.table.viewport().grab().toImage()
    seen = {
        image.pixelColor(x, rect.center().y()).name()
        for x in range(rect.left() + 1, rect.right() - 1)
    }
    assert palette.SELECTION in seen

    field = QLineEdit()
    qtbot.addWidget(field)
    assert field.palette().color(QPalette.ColorRole.PlaceholderText).name() == palette.PLACEHOLDER
