"""Smaller things a screen reader met: merged cells, the proposals list, the form's frame."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.ui.duty.duty_board import BoardColumn, DutyBoard
from operline.ui.intake.call_form import NewCallForm
from tests.incidents.conftest import NOW
from tests.test_roster_board import at
from tests.ui.conftest import desk_context
from tests.ui.desk_helpers import Clock, fill_desk, open_desk_view


@pytest.mark.usefixtures("english")
def test_the_duty_boards_merged_cells_read_as_what_they_show(
    qtbot: QtBot, database: Database
) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)
    board = DutyBoard(desk_context(database, lambda: now))
    qtbot.addWidget(board)
    board.show()
    table = board.table
    first = next(
        row for row in range(table.rowCount()) if table.item(row, 0).text() == ref.STALINGRAD
    )
    assert table.rowSpan(first, BoardColumn.SECTOR) > 1

    under = table.model().index(first + 1, BoardColumn.SECTOR)
    assert under.data(Qt.ItemDataRole.DisplayRole) == ""
    assert under.data(Qt.ItemDataRole.AccessibleTextRole) == ref.STALINGRAD
    handoff = table.item(first, BoardColumn.HANDOFF).text()
    below = table.model().index(first + 1, BoardColumn.HANDOFF)
    assert below.data(Qt.ItemDataRole.AccessibleTextRole) == handoff


@pytest.mark.usefixtures("english")
def test_the_sectors_proposals_are_named_after_the_field(qtbot: QtBot) -> None:
    form = NewCallForm(clock=lambda: NOW)
    qtbot.addWidget(form)

    popup = form.sector.proposals.popup()
    assert popup.accessibleName() == "Proposals for Sector"


@pytest.mark.usefixtures("english")
def test_the_forms_scrolling_frame_takes_no_tab_stop_and_is_named(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    view = open_desk_view(qtbot, fill_desk(database), Clock(NOW), tmp_path / "drafts")
    scroller = view.findChild(QScrollArea, "callFormScroller")
    assert scroller is not None

    assert scroller.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert scroller.accessibleName() == "New call"


@pytest.mark.usefixtures("english")
def test_the_save_button_takes_the_focus_by_tab_and_by_click(qtbot: QtBot) -> None:
    form = NewCallForm(clock=lambda: NOW)
    qtbot.addWidget(form)

    policy = form.save_button.focusPolicy()
    assert policy & Qt.FocusPolicy.TabFocus
    assert policy & Qt.FocusPolicy.ClickFocus
