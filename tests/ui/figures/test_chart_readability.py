"""The week's charts and the sector's chart as a supervisor reads them, on screen and on paper."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsTextItem
from pytestqt.qtbot import QtBot

from operline.db.engine import Database
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner
from tests.figures.test_figures import Logged, log, paris
from tests.ui.desk_helpers import OFFSCREEN_POPUP_NOTICES
from tests.ui.figures.test_figures_screens import (
    _history,
    _window,
    window,  # noqa: F401  (the fixture)
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

#: What ``QGraphicsTextItem::type()`` answers, the axes' and legends' labels.
_TEXT_ITEM = 8
_NUMBER = re.compile(r"^\d[\d\s\u202f\u00a0]*$")


def _labels(panel: ChartPanel) -> list[QGraphicsTextItem]:
    shown = []
    for item in panel.view.scene().items():
        drawn = item.toGraphicsObject() if item.type() == _TEXT_ITEM else None
        if isinstance(drawn, QGraphicsTextItem) and drawn.isVisible():
            shown.append(drawn)
    return shown


def written(panel: ChartPanel) -> list[str]:
    """Every text the chart shows on screen (title, axes, legend), as drawn: elided or whole."""
    return [label.toPlainText() for label in _labels(panel)]


def numbers(panel: ChartPanel) -> list[str]:
    """The labels of the value axis under the bars, left to right."""
    chart = panel.chart()
    assert chart is not None
    below = chart.mapToScene(chart.plotArea().bottomLeft()).y()
    found = [
        (label.scenePos().x(), label.toPlainText())
        for label in _labels(panel)
        if _NUMBER.match(label.toPlainText()) and label.scenePos().y() >= below
    ]
    return [text for _, text in sorted(found)]


def printed_sizes(path: Path) -> dict[str, set[float]]:
    """Each text of the printed page with the sizes (points) it is printed in."""
    sizes: dict[str, set[float]] = {}

    def seen(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            points = size * abs(tm[3]) * abs(cm[3])
            sizes.setdefault(" ".join(text.split()), set()).add(round(points, 2))

    PdfReader(path).pages[0].extract_text(visitor_text=seen)
    return sizes


@pytest.fixture
def bare_call_window(qtbot: QtBot, sqlite_database: Database, tmp_path: Path) -> MainWindow:
    """Week 48 with one call of Stalingrad taken while no team was on duty."""
    _history(sqlite_database)
    log(sqlite_database, Logged(paris("2026-11-24T03:00"), team_on_duty=False))
    return _window(qtbot, sqlite_database, ImmediateRunner(sqlite_database), tmp_path)


def test_on_paper_the_hour_grid_is_written_as_small_as_the_charts_beside_it(
    french: InstalledLanguage,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    window.show_charts()
    target = tmp_path / "semaine.pdf"
    assert window.charts.save_pdf(target)

    sizes = printed_sizes(target)
    labels = [
        *sizes["lun. 23"],  # down the hour grid and down the calls per day
        *sizes["22"],  # across the grid's hours
        *sizes["Stalingrad (n = 1)"],  # the time to acknowledgement's sectors
        *sizes["Médiane"],  # its legend
    ]
    assert max(labels) - min(labels) < 0.1, sizes
    assert 7.5 < min(labels) <= 8.0
    # The titles alike, in bold a little larger than the labels.
    titles = [
        *sizes["Appels par heure (heure de Paris) et jour de la semaine"],
        *sizes["Appels par jour et par secteur"],
        *sizes["Issues"],
    ]
    assert max(titles) - min(titles) < 0.1, sizes
    assert min(titles) > max(labels)


def test_a_week_of_one_call_without_a_team_counts_it_in_whole_numbers_once_each(
    french: InstalledLanguage, bare_call_window: MainWindow, tmp_path: Path
) -> None:
    bare_call_window.show_charts()
    panel = bare_call_window.charts.no_team

    assert panel.view.isVisible()
    assert numbers(panel) == ["0", "1", "2"]
    target = tmp_path / "semaine.pdf"
    assert bare_call_window.charts.save_pdf(target)
    assert "Appels sans équipe de garde, par secteur" in printed_sizes(target)


def test_a_week_with_every_call_covered_says_so_instead_of_an_empty_chart(
    french: InstalledLanguage,
    window: MainWindow,  # noqa: F811
    tmp_path: Path,
) -> None:
    window.show_charts()
    panel = window.charts.no_team

    assert not panel.view.isVisible()
    assert panel.sentence.isVisible()
    assert panel.sentence.sentence == "Aucun appel sans équipe de garde cette semaine."
    target = tmp_path / "semaine.pdf"
    assert window.charts.save_pdf(target)
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Aucun appel sans équipe de garde cette semaine." in text


def test_a_week_without_a_call_says_so_in_every_chart(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    window.show_charts()
    charts = window.charts
    for _ in range(10):
        charts.previous_action.trigger()
    assert charts.summary.text().startswith("0 appel")

    said = {
        panel.objectName(): panel.sentence.sentence
        for panel in charts.panels()
        if panel.sentence.isVisible()
    }
    assert said == {
        "callsPerDayChart": "Aucun appel cette semaine.",
        "ackTimesChart": "Aucun appel pris en compte cette semaine.",
        "outcomesChart": "Aucun appel cette semaine.",
        "noTeamChart": "Aucun appel sans équipe de garde cette semaine.",
    }
    # The hour grid stays: an empty grid of the week's seven days is a figure in itself.
    assert charts.heat.isVisible()
    charts.this_week_button.click()
    assert charts.per_day.view.isVisible()
    assert not charts.per_day.sentence.isVisible()


def test_the_week_s_charts_write_every_french_label_whole_on_a_1366_pixel_desk(
    french: InstalledLanguage,
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    window.show_charts()
    charts = window.charts

    assert window.width() == 1366  # the dashboard did not widen the window
    qtbot.waitUntil(lambda: charts.week_label.width() >= charts.week_label.sizeHint().width())
    for panel in (charts.per_day, charts.ack, charts.outcomes):
        texts = written(panel)
        assert texts, panel.objectName()
        assert not [text for text in texts if "..." in text or "…" in text], texts
        # In black, not the theme's greys, which fade once printed.
        colours = {
            label.defaultTextColor().name() for label in _labels(panel) if label.toPlainText()
        }
        assert colours == {"#000000"}, panel.objectName()
    # Every sector's name is in the legend of the calls per day, none cut short.
    assert charts.figures is not None
    sectors = {sector.sector for sector in charts.figures.sectors}
    assert sectors
    assert sectors <= set(written(charts.per_day))


def test_the_sector_s_28_days_name_their_mondays_whole(
    french: InstalledLanguage,
    window: MainWindow,  # noqa: F811
) -> None:
    window.open_sector_view(window.calls.strip.sectors()[0].sector_id)
    view = window.sector_view
    assert view is not None
    panel = view.days_chart

    texts = written(panel)

    assert {"lun. 2/11", "lun. 9/11", "lun. 16/11", "lun. 23/11"} <= set(texts)
    assert not [text for text in texts if "..." in text or "…" in text], texts


def test_on_paper_every_sector_and_outcome_is_named_whole_beside_its_bar(
    french: InstalledLanguage, bare_call_window: MainWindow, tmp_path: Path
) -> None:
    bare_call_window.show_charts()
    charts = bare_call_window.charts
    target = tmp_path / "semaine.pdf"

    assert charts.save_pdf(target)

    printed = set(printed_sizes(target))
    assert not [text for text in printed if "…" in text or "..." in text], printed
    assert charts.figures is not None
    for sector in charts.figures.sectors:
        # The calls with no team on duty, per sector: « Stalingrad (100,0 %) ».
        assert [
            text
            for text in printed
            if text.startswith(f"{sector.sector} (") and text.endswith("%)")
        ], sector.sector
    outcome_axis = charts.outcomes.chart()
    assert outcome_axis is not None
    (names,) = outcome_axis.axes(Qt.Orientation.Vertical)
    for name in names.categories():
        assert " ".join(name.split()) in printed, name
