"""The on-duty board as an operator uses it: teams and numbers, red sectors, handoffs, Ctrl+C."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.errors import DatabaseError, DatabaseProblem
from operline.ui import palette
from operline.ui.duty.duty_board import SAFETY_REFRESH_MS, BoardColumn, DutyBoard
from operline.ui.shell.language import InstalledLanguage
from tests.test_roster_board import Shift, at, fill_desk
from tests.ui.conftest import desk_context


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _open_board(qtbot: QtBot, database: Database, clock: Clock) -> DutyBoard:
    board = DutyBoard(desk_context(database, clock))
    qtbot.addWidget(board)
    board.resize(1366, 700)
    with qtbot.waitActive(board):
        board.show()
        board.activateWindow()
    board.setFocus()
    return board


def _lines(board: DutyBoard) -> list[list[str]]:
    """The text of every cell, line by line, as the operator reads it."""
    table = board.table
    return [
        [table.item(row, column).text() for column in BoardColumn]
        for row in range(table.rowCount())
    ]


def _sector_lines(board: DutyBoard, sector: str) -> list[list[str]]:
    lines = _lines(board)
    first = next(i for i, line in enumerate(lines) if line[0].startswith(sector))
    end = next((i for i in range(first + 1, len(lines)) if lines[i][0]), len(lines))
    return lines[first:end]


def _press(qtbot: QtBot, board: DutyBoard, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(board.window().windowHandle(), key, modifier)


@pytest.mark.usefixtures("french")
def test_the_board_shows_each_sectors_teams_and_numbers(qtbot: QtBot, database: Database) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)

    board = _open_board(qtbot, database, Clock(now))

    assert _sector_lines(board, ref.STALINGRAD) == [
        [
            ref.STALINGRAD,
            ref.MARAUDE_STALINGRAD,
            "01 99 00 51 01",
            "20:00",
            f"{ref.FLUID_CRACK} · 01 99 00 01 42",
            f"19:00\u00a0: fin de {ref.MEDIATION_STALINGRAD}",
        ],
        ["", ref.MEDIATION_STALINGRAD, "01 99 00 51 21", "19:00", "", ""],
        ["", ref.UASA_3, "01 99 00 51 33", "21:00", "", ""],
    ]
    assert _sector_lines(board, ref.EOLE)[0][BoardColumn.HANDOFF] == f"20:00 → {ref.MARAUDE_NUIT}"
    sectors = [line[0] for line in _lines(board) if line[0]]
    assert sectors == [sector.name for sector in ref.SECTORS]
    assert (
        board.findChild(object, "dutyBoardTime").text()
        == "Situation au vendredi 27 novembre, 18:00"
    )


@pytest.mark.usefixtures("french")
def test_a_sector_with_nobody_on_duty_is_red(qtbot: QtBot, database: Database) -> None:
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole"],
        teams={"Maraude": "+33199005101", "ELA": "+33199000141"},
        shifts=[
            Shift("Maraude", "08:00", "20:00", ("Stalingrad",)),
            Shift("ELA", "09:00", "18:00", ("Éole",), tier=2),
        ],
    )

    board = _open_board(qtbot, database, Clock(at("2026-11-27T10:00")))

    stalingrad, eole = _lines(board)
    assert stalingrad[:3] == ["Stalingrad", "Maraude", "01 99 00 51 01"]
    assert eole[:2] == ["Éole", "⚠ Aucune équipe de garde"]
    assert eole[BoardColumn.BACKUP] == "ELA · 01 99 00 01 41"
    sector = board.table.item(1, BoardColumn.SECTOR)
    assert sector.background().color() == palette.colour("alarm")
    assert board.table.item(1, BoardColumn.FIRST_CALL).foreground().color() == palette.colour(
        "problem"
    )
    assert board.table.item(0, BoardColumn.SECTOR).background().color() != palette.colour("alarm")
    # Stalingrad goes bare at 20:00: the operator is told now.
    assert stalingrad[BoardColumn.HANDOFF] == "20:00 → aucune équipe de garde"


@pytest.mark.usefixtures("french")
def test_a_first_call_team_without_a_phone_is_flagged(qtbot: QtBot, database: Database) -> None:
    fill_desk(
        database,
        sectors=["Rosa Parks"],
        teams={"UASA binôme 1": None},
        shifts=[Shift("UASA binôme 1", "00:00", "00:00")],
    )

    board = _open_board(qtbot, database, Clock(at("2026-11-27T10:00")))

    ((sector, team, phone, *_),) = _lines(board)
    assert (sector, team, phone) == ("Rosa Parks  ⚠", "UASA binôme 1", "⚠ Pas de téléphone")
    tooltip = board.table.item(0, BoardColumn.SECTOR).toolTip()
    assert tooltip == "Pas de numéro de téléphone\u00a0: UASA binôme 1"


@pytest.mark.usefixtures("french")
def test_the_board_redraws_itself_at_the_handoff(qtbot: QtBot, database: Database) -> None:
    fill_desk(
        database,
        sectors=["Éole"],
        teams={"Maraude de jour": "+33199005101", "Maraude de nuit": "+33199005103"},
        shifts=[
            Shift("Maraude de jour", "08:00", "20:00"),
            Shift("Maraude de nuit", "20:00", "08:00"),
        ],
    )
    handoff = at("2026-11-27T20:00")
    clock = Clock(handoff - timedelta(milliseconds=300))

    board = _open_board(qtbot, database, clock)

    assert _lines(board)[0][BoardColumn.FIRST_CALL] == "Maraude de jour"
    assert board.next_refresh_at == handoff
    assert board.handoff_timer.isActive()
    assert 0 < board.handoff_timer.remainingTime() <= 300
    assert board.safety_timer.isActive()
    assert board.safety_timer.interval() == SAFETY_REFRESH_MS
    clock.now = handoff  # the clocks reach the handoff as the timer fires
    with qtbot.waitSignal(board.refreshed, timeout=3000):
        pass
    assert _lines(board)[0][BoardColumn.FIRST_CALL] == "Maraude de nuit"
    assert board.next_refresh_at == at("2026-11-28T08:00")


@pytest.mark.usefixtures("french")
def test_ctrl_c_copies_the_phone_of_the_team_under_the_cursor(
    qtbot: QtBot, database: Database
) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)
    board = _open_board(qtbot, database, Clock(now))
    QGuiApplication.clipboard().clear()
    notices: list[str] = []
    board.notice.connect(notices.append)

    assert board.table.hasFocus()
    assert (board.table.currentRow(), board.table.currentColumn()) == (0, BoardColumn.FIRST_CALL)
    _press(qtbot, board, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "01 99 00 51 01"

    _press(qtbot, board, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)
    _press(qtbot, board, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "01 99 00 51 21"
    assert notices[-1] == f"Numéro de {ref.MEDIATION_STALINGRAD} copié\u00a0: 01 99 00 51 21"

    # On the backup's cell, the backup's number.
    board.table.setCurrentCell(0, BoardColumn.BACKUP)
    _press(qtbot, board, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "01 99 00 01 42"


@pytest.mark.usefixtures("french")
def test_ctrl_c_on_a_sector_nobody_covers_copies_nothing(qtbot: QtBot, database: Database) -> None:
    fill_desk(database, sectors=["Éole"], teams={}, shifts=[])
    board = _open_board(qtbot, database, Clock(at("2026-11-27T18:00")))
    QGuiApplication.clipboard().setText("avant")
    notices: list[str] = []
    board.notice.connect(notices.append)

    _press(qtbot, board, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)

    assert QGuiApplication.clipboard().text() == "avant"
    assert notices == ["Aucune équipe dans cette case\u00a0: rien n'a été copié."]
    assert _lines(board)[0][BoardColumn.HANDOFF] == "—"
    assert board.next_refresh_at is None
    assert not board.handoff_timer.isActive()


def test_the_board_in_english(
    qtbot: QtBot, sqlite_database: Database, english: InstalledLanguage
) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(sqlite_database, incidents=0, now=now)

    board = _open_board(qtbot, sqlite_database, Clock(now))

    headings = [board.table.horizontalHeaderItem(c).text() for c in BoardColumn]
    assert headings == ["Sector", "First call", "Phone", "Until", "Backup", "Next handoff"]
    outside = _sector_lines(board, ref.HORS_SECTEUR)[0]
    assert outside[BoardColumn.FIRST_CALL] == "⚠ No team on duty"


@pytest.mark.usefixtures("french")
def test_a_database_out_of_reach_is_told_in_one_sentence(
    qtbot: QtBot, sqlite_database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill_desk(sqlite_database, sectors=["Éole"], teams={}, shifts=[])
    board = _open_board(qtbot, sqlite_database, Clock(at("2026-11-27T18:00")))

    def unreachable(*args: object) -> None:
        raise DatabaseError(DatabaseProblem.UNREACHABLE, "db.desk", "timeout")

    monkeypatch.setattr("operline.ui.duty.duty_board.duty_board", unreachable)
    board.refresh()

    problem = board.findChild(QLabel, "dutyBoardProblem")
    assert problem.isVisible()
    assert not board.table.isVisible()
    assert problem.text() == "Le serveur de base de données db.desk est injoignable (timeout)."
    assert board.safety_timer.isActive()  # it tries again in a minute
