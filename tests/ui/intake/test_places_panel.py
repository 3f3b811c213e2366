"""Places with room tonight: capacity, free places and when reported; a number and Enter."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.db.engine import Database
from operline.db.models import FacilityReport
from operline.incidents.places import report_free_places
from operline.ui.intake.places_panel import PlaceColumn, PlacesPanel
from tests.incidents.conftest import NOW
from tests.ui.conftest import desk_context
from tests.ui.desk_helpers import Clock, FilledDesk, Keyboard, fill_desk


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


def _panel(qtbot: QtBot, desk: FilledDesk, clock: Clock) -> PlacesPanel:
    panel = PlacesPanel(desk_context(desk.database, clock, lambda: desk.operator))
    qtbot.addWidget(panel)
    panel.resize(560, 320)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    panel.setFocus()
    return panel


def _lines(panel: PlacesPanel) -> list[list[str]]:
    model = panel.model
    return [
        [model.index(row, column).data() for column in PlaceColumn]
        for row in range(model.rowCount())
    ]


def _go_to(qtbot: QtBot, panel: PlacesPanel, keys: Keyboard, place: str) -> None:
    """Move down the list with the arrows until the place's line."""
    names = [line[PlaceColumn.PLACE] for line in _lines(panel)]
    for _ in range(names.index(place) - panel.table.currentIndex().row()):
        keys.press(Qt.Key.Key_Down)
    assert panel.current_place() is not None
    assert panel.current_place().name == place  # type: ignore[union-attr]


@pytest.mark.usefixtures("english")
def test_places_show_capacity_free_places_and_report_time(
    qtbot: QtBot, desk: FilledDesk, qtmodeltester: ModelTester
) -> None:
    report_free_places(
        desk.database,
        desk.places[ref.HALTE_DE_NUIT],
        4,
        actor=desk.actor,
        reported_at=NOW - timedelta(minutes=45),
    )
    report_free_places(
        desk.database,
        desk.places[ref.HEBERGEMENT_FEMMES],
        0,
        actor=desk.actor,
        reported_at=NOW - timedelta(hours=2),
    )

    panel = _panel(qtbot, desk, Clock(NOW))

    lines = _lines(panel)
    assert lines[0] == [ref.HALTE_DE_NUIT, "25", "4", "21:15"]  # room first
    assert lines[-1] == [ref.HEBERGEMENT_FEMMES, "20", "0", "20:00"]  # full last
    assert [ref.ESPACE_DE_REPOS, "14", "?", ""] in lines  # nobody said tonight
    assert [ref.D2O, "—", "?", ""] in lines  # no number of places
    assert ref.CTR not in [line[0] for line in lines]  # not open yet
    qtmodeltester.check(panel.model)


@pytest.mark.usefixtures("english")
def test_a_number_and_enter_record_the_free_places_now(qtbot: QtBot, desk: FilledDesk) -> None:
    clock = Clock(NOW + timedelta(minutes=7))
    panel = _panel(qtbot, desk, clock)
    keys = Keyboard(qtbot, panel)
    _go_to(qtbot, panel, keys, ref.ESPACE_DE_REPOS)
    keys.counted = 0

    keys.press(Qt.Key.Key_3)
    keys.press(Qt.Key.Key_Return)

    assert keys.counted == 2
    qtbot.waitUntil(lambda: [ref.ESPACE_DE_REPOS, "14", "3", "22:07"] in _lines(panel))
    with desk.database.read() as session:
        reports = session.execute(
            select(
                FacilityReport.facility_id,
                FacilityReport.free_places,
                FacilityReport.reported_at,
                FacilityReport.operator_id,
            )
        ).all()
    assert [tuple(r) for r in reports] == [
        (desk.places[ref.ESPACE_DE_REPOS], 3, clock.now, desk.operator.operator_id)
    ]
    assert _lines(panel)[0][0] == ref.ESPACE_DE_REPOS  # the place with room comes first
    assert panel.current_place().name == ref.ESPACE_DE_REPOS  # type: ignore[union-attr]
    message = panel.findChild(QLabel, "placesMessage")
    assert message is not None
    assert message.text() == f"✔ {ref.ESPACE_DE_REPOS}: 3 free place(s) at 22:07."


@pytest.mark.usefixtures("english")
def test_more_free_places_than_the_capacity_are_refused(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    keys = Keyboard(qtbot, panel)
    _go_to(qtbot, panel, keys, ref.ESPACE_DE_REPOS)

    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_5)
    keys.press(Qt.Key.Key_Return)

    message = panel.findChild(QLabel, "placesMessage")
    assert message is not None
    qtbot.waitUntil(message.isVisible)
    assert message.text() == "⚠ Free places go from 0 to the capacity (14)."
    with desk.database.read() as session:
        assert session.scalars(select(FacilityReport)).all() == []
    assert [ref.ESPACE_DE_REPOS, "14", "?", ""] in _lines(panel)

    panel.refresh()  # a new reading does not make the refusal true or false
    assert message.isVisible()
    keys.press(Qt.Key.Key_Down)  # on to another place: the refusal no longer applies
    assert panel.current_place().name != ref.ESPACE_DE_REPOS  # type: ignore[union-attr]
    assert not message.isVisible()


@pytest.mark.usefixtures("english")
def test_escape_leaves_the_number_unchanged(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    keys = Keyboard(qtbot, panel)

    keys.press(Qt.Key.Key_2)
    keys.press(Qt.Key.Key_Escape)
    qtbot.wait(20)

    with desk.database.read() as session:
        assert session.scalars(select(FacilityReport)).all() == []


@pytest.mark.usefixtures("english")
def test_reports_from_another_desk_show_at_the_next_refresh(qtbot: QtBot, desk: FilledDesk) -> None:
    panel = _panel(qtbot, desk, Clock(NOW))
    report_free_places(
        desk.database, desk.places[ref.HALTE_DE_NUIT], 6, actor=desk.actor, reported_at=NOW
    )
    assert [ref.HALTE_DE_NUIT, "25", "?", ""] in _lines(panel)

    panel.refresh_timer.timeout.emit()

    assert _lines(panel)[0] == [ref.HALTE_DE_NUIT, "25", "6", "22:00"]
