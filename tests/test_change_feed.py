"""Every desk hears what the others wrote, through the change sequence, and nothing twice.

Two databases opened on the same URL stand for two desks (two PostgreSQL connections, or
two processes on one SQLite file); the second follows the sequence and must hear the
first's calls and notes, skip its own writes, and catch up after losing its connection.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import event, text

from operline.changes import Changes, IncidentChange
from operline.db import change_log
from operline.db.change_feed import ChangeFeed, starting_sequence
from operline.db.change_log import EVERYTHING, changes_since, decode, encode
from operline.db.engine import Database, open_database
from operline.incidents.live_board import open_incidents
from operline.incidents.stages import add_note
from operline.settings import DeskSettings
from tests.incidents.conftest import NOW, Desk
from tests.ui.board.test_live_board import log, make_live_desk

WAIT_S = 2.0


class Heard:
    """What a feed told, in order, as a test waits for it."""

    def __init__(self) -> None:
        self.changes: queue.Queue[Changes] = queue.Queue()
        self.online: queue.Queue[bool] = queue.Queue()

    def next_change(self) -> Changes:
        return self.changes.get(timeout=WAIT_S)

    def next_online(self) -> bool:
        return self.online.get(timeout=WAIT_S)


@pytest.fixture
def desk(database: Database) -> Desk:
    return make_live_desk(database)


@pytest.fixture
def other_desk(database: Database) -> Iterator[Database]:
    other = open_database(database.url.render_as_string(hide_password=False))
    try:
        yield other
    finally:
        other.dispose()


#: For a PostgreSQL server's notifications and connections: the database on PostgreSQL only.
only_on_postgresql = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)


def wait_until_gone(database: Database, pid: int) -> None:
    """Until the server process ``pid`` has exited (terminating it only asks it to)."""
    for _ in range(200):
        with database.engine.connect() as connection:
            alive = connection.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
            ).scalar_one()
        if not alive:
            return
        time.sleep(0.01)
    raise AssertionError(f"the server process {pid} did not exit")


def follow(database: Database, heard: Heard) -> ChangeFeed:
    feed = ChangeFeed(database, heard=heard.changes.put, online=heard.online.put, poll_s=0.05)
    feed.start()
    assert heard.next_online() is True
    return feed


def test_a_call_logged_at_one_desk_is_heard_at_the_other(desk: Desk, other_desk: Database) -> None:
    heard = Heard()
    feed = follow(other_desk, heard)
    try:
        incident_id = log(desk, 5)
        assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
        add_note(desk.database, incident_id, "Rappel du 115", actor=desk.actor, now=NOW)
        assert heard.next_change().incidents == {incident_id: IncidentChange.NOTE}
    finally:
        feed.stop()


def test_a_desk_does_not_hear_its_own_writes_again(desk: Desk, other_desk: Database) -> None:
    heard = Heard()
    feed = follow(desk.database, heard)
    try:
        log(desk, 5)  # written by the desk that follows: it redrew it already
        other_call = Desk(
            other_desk, desk.sectors, desk.teams, desk.places, desk.operator_id, desk.actor
        )
        incident_id = log(other_call, 3)
        assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
        assert heard.changes.empty()
    finally:
        feed.stop()


def test_the_sequence_holds_kinds_and_ids_only(desk: Desk) -> None:
    incident_id = log(desk, 5)
    add_note(
        desk.database, incident_id, "Monsieur Martin, 06 12 34 56 78", actor=desk.actor, now=NOW
    )
    with desk.database.read() as session:
        stored = " ".join(session.execute(text("SELECT changes FROM change_log")).scalars())
    assert "Martin" not in stored
    assert "06 12" not in stored
    assert decode(encode(Changes.of_incident(7, IncidentChange.TEAM))) == Changes.of_incident(
        7, IncidentChange.TEAM
    )


def test_a_desk_away_longer_than_the_rows_are_kept_reads_everything(desk: Desk) -> None:
    log(desk, 5)
    with desk.database.engine.connect() as connection:
        seen = changes_since(connection, 0, origin="").last
    log(desk, 4)
    with desk.database.write() as session:  # pruned, as after a day away
        session.execute(text("DELETE FROM change_log WHERE id <= :seen"), {"seen": seen})
    with desk.database.engine.connect() as connection:
        missed = changes_since(connection, seen, origin="").changes
    assert missed == EVERYTHING | missed  # every screen reads everything again


@only_on_postgresql
def test_a_notification_carries_the_change_so_the_listener_asks_nothing(
    desk: Desk, other_desk: Database
) -> None:
    heard = Heard()
    feed = follow(other_desk, heard)
    asked: list[str] = []
    event.listen(other_desk.engine, "before_cursor_execute", lambda *call: asked.append(call[2]))
    try:
        incident_id = log(desk, 5)
        assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
        add_note(desk.database, incident_id, "Rappel du 115", actor=desk.actor, now=NOW)
        assert heard.next_change().incidents == {incident_id: IncidentChange.NOTE}
    finally:
        feed.stop()
    assert asked == []


@only_on_postgresql
def test_a_change_too_long_to_carry_is_read_from_its_row(
    desk: Desk, other_desk: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(change_log, "NOTIFIED_CHANGES_LIMIT", 0)
    heard = Heard()
    feed = follow(other_desk, heard)
    asked: list[str] = []
    event.listen(other_desk.engine, "before_cursor_execute", lambda *call: asked.append(call[2]))
    try:
        incident_id = log(desk, 5)
        assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
    finally:
        feed.stop()
    assert any("change_log" in statement for statement in asked)


def test_a_notification_is_read_in_this_version_s_form_and_the_older_one() -> None:
    assert change_log.read_notification("{not json") is None
    older = change_log.read_notification("t_1:41")  # the payload of older versions
    assert older == change_log.Notification("t_1", 41, origin="", changes=None)
    told = change_log.read_notification(
        '{"schema": "desk", "sequence": 42, "origin": "a1", "changes": "{\\"r\\":1}"}'
    )
    assert told == change_log.Notification("desk", 42, "a1", Changes(roster=True))


@only_on_postgresql
def test_a_connection_the_server_dropped_is_replaced_before_a_desk_uses_it(
    desk: Desk, other_desk: Database
) -> None:
    incident_id = log(desk, 5)
    with other_desk.read() as session:  # leaves one connection waiting in the pool
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
    with desk.database.engine.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    wait_until_gone(desk.database, pid)
    # Whichever way the desk reads next, the server's farewell is seen and a new line opened.
    board = open_incidents(other_desk, now=NOW, settings=DeskSettings(), incident_ids=[incident_id])
    assert [row.incident_id for row in board] == [incident_id]
    with other_desk.read() as session:
        assert session.execute(text("SELECT pg_backend_pid()")).scalar_one() != pid


@pytest.mark.postgres
def test_a_dropped_listener_reconnects_and_catches_up(postgres_url: str) -> None:
    from datetime import UTC, datetime

    from operline.db.migrate import upgrade_database

    first = open_database(postgres_url)
    upgrade_database(first, now=datetime.now(UTC))
    second = open_database(postgres_url)
    heard = Heard()
    try:
        desk = make_live_desk(first)
        feed = follow(second, heard)
        try:
            assert feed.backend_pid is not None
            with first.engine.begin() as connection:
                connection.execute(
                    text("SELECT pg_terminate_backend(:pid)"), {"pid": feed.backend_pid}
                )
            assert heard.next_online() is False
            incident_id = log(desk, 5)  # written while the listener is away
            assert heard.next_online() is True
            assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
        finally:
            feed.stop()
    finally:
        second.dispose()
        first.dispose()


def test_two_sqlite_processes_hear_each_other(sqlite_database: Database) -> None:
    desk = make_live_desk(sqlite_database)
    incident_id = log(desk, 5)
    heard = Heard()
    feed = follow(desk.database, heard)
    script = (
        "import sys\n"
        "from operline.actors import Actor\n"
        "from operline.codes import OperatorRole\n"
        "from operline.db.engine import open_database\n"
        "from operline.incidents.stages import add_note\n"
        "from tests.incidents.conftest import NOW\n"
        "database = open_database(sys.argv[1])\n"
        "actor = Actor(int(sys.argv[3]), sys.argv[4], OperatorRole(sys.argv[5]), 'poste-2')\n"
        "add_note(database, int(sys.argv[2]), 'Equipe sur place', actor=actor, now=NOW)\n"
    )
    actor = desk.actor
    try:
        subprocess.run(
            [
                sys.executable,
                "-c",
                script,
                sqlite_database.url.render_as_string(hide_password=False),
                str(incident_id),
                str(actor.operator_id),
                actor.name,
                actor.role.value,
            ],
            check=True,
            timeout=60,
        )
        assert heard.next_change().incidents == {incident_id: IncidentChange.NOTE}
    finally:
        feed.stop()


def test_a_change_made_while_the_window_opens_is_heard(desk: Desk, other_desk: Database) -> None:
    followed_from = starting_sequence(other_desk)  # before the screens first read
    incident_id = log(desk, 5)  # meanwhile, at another desk
    heard = Heard()
    feed = ChangeFeed(
        other_desk, heard=heard.changes.put, online=heard.online.put, start_after=followed_from
    )
    feed.start()
    try:
        assert heard.next_change().incidents == {incident_id: IncidentChange.LOGGED}
    finally:
        feed.stop()


def test_a_setting_changed_elsewhere_is_heard_as_settings(desk: Desk, other_desk: Database) -> None:
    from operline.settings import write_setting
    from tests.actors import COMMAND_LINE

    heard = Heard()
    feed = follow(other_desk, heard)
    try:
        write_setting(desk.database, "desk.undo_minutes", "3", actor=COMMAND_LINE, now=NOW)
        assert heard.next_change() == Changes(settings=True)
        # Written again unchanged: nothing for the others to redraw, no row.
        write_setting(desk.database, "desk.undo_minutes", "3", actor=COMMAND_LINE, now=NOW)
        log(desk, 1)
        assert not heard.next_change().settings
    finally:
        feed.stop()
