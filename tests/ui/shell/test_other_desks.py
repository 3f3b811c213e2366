"""A call logged at another desk appears on this desk's board by itself, within 2 seconds.

The other desk is a second database opened on the same URL (another PostgreSQL
connection, or another process on the SQLite file); the board is never asked to read
again by hand. A listener cut by the server says so in a banner, comes back by itself
and shows what was logged meanwhile.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from operline import reference_data as ref
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.ui.board.live_board import LiveBoard
from operline.ui.shell.other_desks import OfflineBanner, OtherDesks
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import Clock, log, make_live_desk, open_board

WITHIN_MS = 2_000


def board_ids(board: LiveBoard) -> set[int]:
    return {incident.incident_id for incident in board.model.incidents()}


def watch_others(
    qtbot: QtBot, board: LiveBoard, database: Database
) -> tuple[OtherDesks, OfflineBanner]:
    banner = OfflineBanner()
    qtbot.addWidget(banner)
    others = OtherDesks(
        database,
        board.desk.changes,
        banner,
        lambda: board.shown_at,
        poll_s=0.05,
    )
    others.start()
    qtbot.waitUntil(lambda: others.online, timeout=WITHIN_MS)
    return others, banner


@pytest.fixture
def two_desks(database: Database) -> Iterator[tuple[Desk, Desk]]:
    here = make_live_desk(database)
    elsewhere = open_database(database.url.render_as_string(hide_password=False))
    try:
        yield (
            here,
            Desk(elsewhere, here.sectors, here.teams, here.places, here.operator_id, here.actor),
        )
    finally:
        elsewhere.dispose()


def test_a_call_logged_elsewhere_appears_on_the_board(
    qtbot: QtBot, two_desks: tuple[Desk, Desk]
) -> None:
    here, elsewhere = two_desks
    board = open_board(qtbot, here, Clock(NOW))
    others, _banner = watch_others(qtbot, board, here.database)
    try:
        incident_id = log(elsewhere, 3)
        qtbot.waitUntil(lambda: incident_id in board_ids(board), timeout=WITHIN_MS)
    finally:
        others.stop()


@pytest.mark.postgres
def test_a_board_cut_off_says_so_and_catches_up(qtbot: QtBot, postgres_url: str) -> None:
    first = open_database(postgres_url)
    upgrade_database(first, now=datetime.now(UTC))
    second = open_database(postgres_url)
    try:
        elsewhere = make_live_desk(first)
        here = Desk(
            second,
            elsewhere.sectors,
            elsewhere.teams,
            elsewhere.places,
            elsewhere.operator_id,
            elsewhere.actor,
        )
        board = open_board(qtbot, here, Clock(NOW))
        others, banner = watch_others(qtbot, board, second)
        try:
            with first.engine.begin() as connection:
                connection.execute(
                    text("SELECT pg_terminate_backend(:pid)"), {"pid": others.feed.backend_pid}
                )
            qtbot.waitUntil(banner.isVisible, timeout=WITHIN_MS)
            assert "Offline" in banner.text()
            assert "22:00" in banner.text()  # when the board shown was read, Paris time
            incident_id = log(elsewhere, 3)
            qtbot.waitUntil(lambda: incident_id in board_ids(board), timeout=WITHIN_MS * 2)
            qtbot.waitUntil(lambda: not banner.isVisible(), timeout=WITHIN_MS)
        finally:
            others.stop()
    finally:
        second.dispose()
        first.dispose()


def test_a_call_logged_by_another_sqlite_process_appears(
    qtbot: QtBot, sqlite_database: Database
) -> None:
    here = make_live_desk(sqlite_database)
    board = open_board(qtbot, here, Clock(NOW))
    others, _banner = watch_others(qtbot, board, sqlite_database)
    # Another process on the same file logs a call through the product's service.
    script = (
        "import json, sys\n"
        "from datetime import datetime\n"
        "from operline.actors import Actor\n"
        "from operline.codes import Category, OperatorRole, Priority\n"
        "from operline.db.engine import open_database\n"
        "from operline.incidents.intake import CallForm, log_call\n"
        "d = json.loads(sys.argv[2])\n"
        "at = datetime.fromisoformat(d['at'])\n"
        "actor = Actor(d['operator'], d['name'], OperatorRole(d['role']), 'poste-2')\n"
        "form = CallForm(received_at=at, sector_id=d['sector'], category=Category.DISTRESS,\n"
        "                priority=Priority.NORMAL, persons=1, location='')\n"
        "print(log_call(open_database(sys.argv[1]), form, actor=actor, now=at).incident_id)\n"
    )
    given = {
        "sector": here.sectors[ref.STALINGRAD],
        "at": NOW.isoformat(),
        "operator": here.operator_id,
        "name": here.actor.name,
        "role": here.actor.role.value,
    }
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                sqlite_database.url.render_as_string(hide_password=False),
                json.dumps(given),
            ],
            check=True,
            timeout=60,
            capture_output=True,
            text=True,
        )
        incident_id = int(done.stdout.strip())
        qtbot.waitUntil(lambda: incident_id in board_ids(board), timeout=WITHIN_MS)
    finally:
        others.stop()
