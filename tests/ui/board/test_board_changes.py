"""A change redraws the board from the calls it names, and the board shows what a full read shows.

After a stage the board reads the changed call alone and moves its counts, alerts and
timer by that call's row before and after. Each test compares what the operator sees
with a board opened afresh on the same database at the same instant: a count, a colour
or a notification that drifted from a full count would differ.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QGuiApplication, QImage
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.changes import Changes, IncidentChange
from operline.codes import Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident
from operline.incidents.live_board import Alert
from operline.incidents.stages import Action, advance_incident, close_incident, reassign_incident
from operline.ui.board.live_board import LiveBoard
from operline.ui.board.model import BoardColumn
from operline.ui.board.team_choices import CloseDialog
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import (
    Clock,
    RecordingAlarm,
    column,
    log,
    make_live_desk,
    open_board,
    operator_of,
    press,
    route,
    selected_id,
)
from tests.ui.conftest import desk_context


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


def what_the_desk_sees(board: LiveBoard) -> dict[str, Any]:
    """The counts, the rows with their colours and stages, and when a colour next changes."""
    model = board.model
    strip = board.strip
    return {
        "count": board.count.text(),
        "tiles": [strip.tile_text(None), *(strip.tile_text(s.sector_id) for s in strip.sectors())],
        "rows": [
            (
                model.incident(row).incident_id,
                model.alert(row),
                model.index(row, BoardColumn.ALERT).data(),
                model.index(row, BoardColumn.STAGE).data(),
                model.index(row, BoardColumn.SECTOR).data(),
                model.index(row, BoardColumn.TEAM).data(),
            )
            for row in range(model.rowCount())
        ],
        "next colour change": board.next_alert_at,
        "empty": board.empty.text() if board.pages.currentWidget() is board.empty else "",
    }


def read_afresh(qtbot: QtBot, desk: Desk, clock: Clock, board: LiveBoard) -> dict[str, Any]:
    """What a board opened now on the same database shows, with the same sector chosen."""
    operator = operator_of(desk)
    fresh = LiveBoard(desk_context(desk.database, clock, lambda: operator), alarm=RecordingAlarm())
    qtbot.addWidget(fresh)
    fresh.filter_sector(board.strip.chosen)
    seen = what_the_desk_sees(fresh)
    fresh.age_timer.stop()
    fresh.alert_timer.stop()
    return seen


def at_another_desk(desk: Desk) -> Action:
    return Action(desk.actor, NOW, NOW, "Équipe injoignable")


def version_of(desk: Desk, incident_id: int) -> int:
    with desk.database.read() as session:
        version = session.scalar(select(Incident.version).where(Incident.id == incident_id))
    assert version is not None
    return version


def corrected_sector(desk: Desk, incident_id: int, sector: str) -> Changes:
    """A correction at another desk: the call was in another sector (its version moves)."""
    with desk.database.write() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None
        incident.sector_id = desk.sectors[sector]
    return Changes.of_incident(incident_id, IncidentChange.STAGE)


@pytest.mark.usefixtures("english")
def test_counts_after_each_stage_key_are_those_of_a_board_read_afresh(
    qtbot: QtBot, live_desk: Desk
) -> None:
    red = log(live_desk, 40)
    route(live_desk, red, 39)
    amber = log(live_desk, 20, sector=ref.EOLE)
    route(live_desk, amber, 19, sector=ref.EOLE)
    waiting = log(live_desk, 2)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    stalingrad = live_desk.sectors[ref.STALINGRAD]
    assert board.count.text() == "3 open call(s) · 2 late"

    assert board.select_incident(red)
    press(qtbot, board, Qt.Key.Key_A)  # red, acknowledged: no longer late

    assert board.count.text() == "3 open call(s) · 1 late"
    assert board.strip.tile_text(stalingrad).startswith("Stalingrad: 2 open call(s), 0 late;")
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    assert board.select_incident(amber)
    press(qtbot, board, Qt.Key.Key_C)
    closing = board.keys.dialog
    assert isinstance(closing, CloseDialog)
    press(qtbot, closing, Qt.Key.Key_1)
    press(qtbot, closing, Qt.Key.Key_Return)

    assert board.count.text() == "2 open call(s)"
    assert board.strip.tile_text(live_desk.sectors[ref.EOLE]).startswith(
        "Éole: 0 open call(s), 0 late;"
    )
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)
    assert selected_id(board) in (red, waiting)


@pytest.mark.usefixtures("english")
def test_a_sector_shown_alone_follows_calls_that_change_sector_or_close(
    qtbot: QtBot, live_desk: Desk
) -> None:
    shown = log(live_desk, 40)
    kept = log(live_desk, 10)
    elsewhere = log(live_desk, 20, sector=ref.EOLE)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    board.filter_sector(live_desk.sectors[ref.STALINGRAD])
    assert board.select_incident(kept)
    publish = board.desk.changes.publish

    # A call not shown moves between two other sectors: the table stays, the tiles move.
    publish(corrected_sector(live_desk, elsewhere, ref.ROSA_PARKS))
    assert [board.model.incident(r).incident_id for r in range(2)] == [shown, kept]
    assert board.strip.tile_text(live_desk.sectors[ref.ROSA_PARKS]).startswith(
        "Rosa Parks: 1 open call(s), 1 late;"
    )
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    # A call shown leaves for another sector: it leaves the table, the cursor stays put.
    publish(corrected_sector(live_desk, shown, ref.EOLE))
    assert column(board, BoardColumn.SECTOR) == [ref.STALINGRAD]
    assert selected_id(board) == kept
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    # A call from elsewhere comes into the sector shown.
    publish(corrected_sector(live_desk, elsewhere, ref.STALINGRAD))
    assert column(board, BoardColumn.SECTOR) == [ref.STALINGRAD, ref.STALINGRAD]
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    # The last calls shown close at another desk: the sector's empty page says so.
    for incident_id in (kept, elsewhere):
        state = close_incident(
            live_desk.database,
            incident_id,
            Outcome.NOT_FOUND,
            facility_id=None,
            version=version_of(live_desk, incident_id),
            action=Action(live_desk.actor, NOW, NOW),
        )
        publish(state.changes)
    assert board.model.rowCount() == 0
    assert board.empty.text() == "No open call in Stalingrad (Alt+0: every sector)"
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)


@pytest.mark.usefixtures("english")
def test_a_call_handed_to_another_team_turns_late_again_and_is_told_once(
    qtbot: QtBot, live_desk: Desk
) -> None:
    old = log(live_desk, 40)
    route(live_desk, old, 39)
    waited = log(live_desk, 20, sector=ref.EOLE)
    route(live_desk, waited, 19, sector=ref.EOLE)
    for incident_id in (old, waited):
        advance_incident(
            live_desk.database,
            incident_id,
            Status.ACKNOWLEDGED,
            version=2,
            action=Action(live_desk.actor, NOW, NOW),
        )
    fresh = log(live_desk, 2, Priority.URGENT)
    clock = Clock(NOW)
    alarm = RecordingAlarm()
    board = open_board(qtbot, live_desk, clock, alarm=alarm)
    assert board.select_incident(old)
    assert alarm.notifications == []
    publish = board.desk.changes.publish
    assert board.next_alert_at == NOW + timedelta(minutes=3)  # the urgent call, amber

    def hand_over(incident_id: int, sector: str, number: int) -> None:
        team = live_desk.on_duty(sector)[number]
        state = reassign_incident(
            live_desk.database,
            incident_id,
            team.team_id,
            version=version_of(live_desk, incident_id),
            action=at_another_desk(live_desk),
        )
        publish(state.changes)

    # Handed over, the call waits for the new team's answer: 40 minutes is red at once.
    hand_over(old, ref.STALINGRAD, 1)
    assert board.model.alert(board.model.row_of(old)) is Alert.RED
    assert [urgent for _, _, urgent in alarm.notifications] == [True]
    assert alarm.rings == 1
    assert board.next_contact.isVisible()  # the cursor is on it: whom to call next
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    # 20 minutes is amber: told quietly; the call already told is not told again.
    hand_over(waited, ref.EOLE, 1)
    hand_over(old, ref.STALINGRAD, 0)
    assert [urgent for _, _, urgent in alarm.notifications] == [True, False]
    assert "waits for a team's acknowledgement (20 min)" in alarm.notifications[1][1]
    assert alarm.rings == 1
    assert board.count.text() == "3 open call(s) · 2 late"
    assert what_the_desk_sees(board) == read_afresh(qtbot, live_desk, clock, board)

    # A full read afterwards tells nothing more.
    board.refresh()
    assert len(alarm.notifications) == 2
    assert alarm.rings == 1
    assert selected_id(board) == old
    assert fresh in [board.model.incident(r).incident_id for r in range(3)]


@pytest.mark.usefixtures("english")
def test_a_stage_redraws_its_row_alone_and_the_cursor_stays_on_it(
    qtbot: QtBot, live_desk: Desk
) -> None:
    ids = [log(live_desk, minutes) for minutes in (30, 20, 10)]
    for incident_id, minutes in zip(ids, (29, 19, 9), strict=True):
        route(live_desk, incident_id, minutes)
    board = open_board(qtbot, live_desk, Clock(NOW))
    assert board.select_incident(ids[1])
    moved: list[str] = []
    board.model.rowsInserted.connect(lambda *_: moved.append("inserted"))
    board.model.rowsRemoved.connect(lambda *_: moved.append("removed"))
    board.model.layoutChanged.connect(lambda *_: moved.append("layout"))
    board.model.modelReset.connect(lambda: moved.append("reset"))
    redrawn: list[int] = []
    board.model.dataChanged.connect(lambda first, *_: redrawn.append(first.row()))

    press(qtbot, board, Qt.Key.Key_A)

    assert column(board, BoardColumn.STAGE) == ["Team contacted", "Acknowledged", "Team contacted"]
    assert selected_id(board) == ids[1]
    assert board.table.currentIndex().row() == 1
    assert board.table.hasFocus()
    assert moved == []
    assert redrawn == [1]


@pytest.mark.usefixtures("english")
def test_each_cell_is_painted_with_what_the_model_says_of_it(qtbot: QtBot, live_desk: Desk) -> None:
    log(live_desk, 40)
    log(live_desk, 7, Priority.URGENT, ref.EOLE)
    log(live_desk, 1, location="Rue de Tanger")
    board = open_board(qtbot, live_desk, Clock(NOW))
    model = board.model
    delegate = QStyledItemDelegate()
    # The view fills each cell's options from one call to the model: what one cell said
    # must never stay on the next (a colour, a bold font, an alignment).
    for row in range(model.rowCount()):
        for which in BoardColumn:
            index = model.index(row, which)
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, index)
            background = index.data(Qt.ItemDataRole.BackgroundRole)
            font = index.data(Qt.ItemDataRole.FontRole)
            alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
            assert option.text == index.data(), (row, which)
            assert option.backgroundBrush == (background if background is not None else QBrush())
            assert option.font.bold() == (font is not None and font.bold()), (row, which)
            if alignment is None:
                assert not option.displayAlignment & Qt.AlignmentFlag.AlignRight, (row, which)
            else:
                assert option.displayAlignment & Qt.AlignmentFlag.AlignRight, (row, which)


@pytest.mark.usefixtures("english")
def test_what_the_screen_shows_is_what_the_board_draws(qtbot: QtBot, live_desk: Desk) -> None:
    ids = [log(live_desk, 40 + n) for n in range(40)]
    last = ids[0]  # the newest: at the end of the list
    route(live_desk, last, 39)
    board = open_board(qtbot, live_desk, Clock(NOW))
    board.table.scrollToBottom()
    qtbot.wait(20)

    # The list at its end: the panel of whom to call next comes and goes under it, the
    # table shrinks and grows, and its rows shift; no row may be left as it was drawn.
    assert board.select_incident(last)
    assert board.next_contact.isVisible()
    press(qtbot, board, Qt.Key.Key_A)
    assert not board.next_contact.isVisible()
    board.resize(1200, 700)
    qtbot.wait(20)
    board.resize(1366, 768)
    qtbot.wait(20)
    assert on_screen(board) == drawn(board)

    # A call in sight changes at another desk: its row alone is painted again.
    board.table.scrollToTop()
    qtbot.wait(20)
    top = board.model.incident(0).incident_id
    route(live_desk, top, 30)
    board.desk.changes.publish(Changes.of_incident(top, IncidentChange.TEAM))
    qtbot.wait(20)
    assert board.model.index(0, BoardColumn.STAGE).data() == "Team contacted"
    assert on_screen(board) == drawn(board)


@pytest.mark.usefixtures("english")
def test_whom_to_call_next_moves_nothing_and_hides_not_the_call(
    qtbot: QtBot, live_desk: Desk
) -> None:
    ids = [log(live_desk, 40 + n) for n in range(40)]
    last = ids[0]  # the newest: at the end of the list
    route(live_desk, last, 39)
    board = open_board(qtbot, live_desk, Clock(NOW))
    board.resize(1366, 768)
    board.table.scrollToBottom()
    qtbot.wait(20)
    panel = board.next_contact
    where = (board.table.geometry(), board.strip.geometry(), board.hint.geometry())

    def in_sight(incident_id: int) -> bool:
        row = board.table.visualRect(board.model.index(board.model.row_of(incident_id), 0))
        rows = board.table.viewport().geometry()
        return rows.contains(row.translated(rows.topLeft()))

    assert board.select_incident(last)
    assert panel.isVisible()
    # The table, the strip and the line of keys stay put; the call is above the panel,
    # whose lines all show.
    assert (board.table.geometry(), board.strip.geometry(), board.hint.geometry()) == where
    assert in_sight(last)
    assert not panel.geometry().intersects(board.table.viewport().geometry())
    assert panel.height() >= panel.heightForWidth(panel.width())
    assert board.table.geometry().contains(panel.geometry().translated(board.table.pos()))

    press(qtbot, board, Qt.Key.Key_A)
    assert not panel.isVisible()
    assert board.table.geometry() == where[0]
    assert in_sight(last)
    # The rows take the panel's room back: the last call ends the list at the foot.
    assert board.table.verticalScrollBar().value() == board.table.verticalScrollBar().maximum()
    qtbot.wait(20)
    assert on_screen(board) == drawn(board)


def on_screen(board: LiveBoard) -> QImage:
    """The table as the window's surface holds it: what was painted and kept."""
    screen = QGuiApplication.primaryScreen()
    top_left = board.table.mapTo(board.window(), board.table.rect().topLeft())
    whole = screen.grabWindow(board.window().winId()).toImage()
    return whole.copy(
        top_left.x(), top_left.y(), board.table.width(), board.table.height()
    ).convertToFormat(QImage.Format.Format_RGB32)


def drawn(board: LiveBoard) -> QImage:
    """The table painted from scratch."""
    return board.table.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
