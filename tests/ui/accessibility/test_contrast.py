"""Every text colour on its background reads at WCAG AA (4.5:1), every mark at 3:1, in the
light and the dark scheme; in high contrast, both at 7:1."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui import palette
from operline.ui.contrast import (
    HIGH_CONTRAST_MINIMUM,
    Pair,
    contrast,
    pairs,
    relative_luminance,
    week_pairs,
)
from operline.ui.journal.view import JournalView
from operline.ui.palette import SCHEMES, Scheme, apply_palette
from operline.ui.tasks import ImmediateRunner
from operline.ui.week_colours import WEEK
from tests.ui.conftest import NOW, Call, store_calls
from tests.ui.journal.test_journal_view import NIGHT_SUPERVISOR


def test_the_wcag_ratio_is_computed_as_the_standard_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    # Fusion's selection, found too pale.
    assert contrast("#ffffff", "#308cc6") == pytest.approx(3.69, abs=0.01)
    assert contrast("#ffb300", "#ffffff") == pytest.approx(1.79, abs=0.01)


EVERY_PAIR = [
    pytest.param(pair, id=f"{scheme}: {pair.what}")
    for scheme, colours in SCHEMES.items()
    for pair in pairs(colours, scheme)
] + [
    pytest.param(pair, id=f"{scheme}, week chart: {pair.what}")
    for scheme, colours in WEEK.items()
    for pair in week_pairs(colours, scheme)
]


@pytest.mark.parametrize("pair", EVERY_PAIR)
def test_each_pair_reaches_its_contrast(pair: Pair) -> None:
    ratio = contrast(pair.foreground, pair.background)
    assert ratio >= pair.minimum, f"{pair.what}: {ratio:.2f}:1, needs {pair.minimum}:1"


def test_high_contrast_asks_seven_to_one_of_every_pair() -> None:
    asked = {pair.minimum for pair in pairs(SCHEMES[Scheme.HIGH_CONTRAST], Scheme.HIGH_CONTRAST)}
    assert asked == {HIGH_CONTRAST_MINIMUM}


def test_every_scheme_names_the_same_colours_and_none_is_left_light() -> None:
    light, dark = SCHEMES[Scheme.LIGHT], SCHEMES[Scheme.DARK]
    high = SCHEMES[Scheme.HIGH_CONTRAST]
    assert relative_luminance(dark.window) < 0.05
    assert relative_luminance(high.window) == 0
    assert light.window != dark.window != high.window


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
    assert palette.LIGHT.selection in seen

    field = QLineEdit()
    qtbot.addWidget(field)
    placeholder = field.palette().color(QPalette.ColorRole.PlaceholderText)
    assert placeholder.name() == palette.LIGHT.placeholder
