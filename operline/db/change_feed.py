"""Following the change sequence on a thread of its own: what the other desks changed.

On PostgreSQL one connection ``LISTEN``\\s and waits on its socket (an idle desk sends no
query; libpq's keepalives watch the line); a notification carries the next change whole,
or wakes it to read the change rows after the last one it saw. On SQLite, where there is
no notification, a dedicated connection asks ``PRAGMA data_version`` twice a second (it
moves when another connection committed) and reads the rows only then. Rows this process
wrote are skipped: it redrew those changes when it made them. A lost connection is
retried with a growing wait; once back, the rows written meanwhile are read, so nothing
is missed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

from operline.changes import Changes
from operline.db.change_log import (
    CHANNEL,
    Notification,
    changes_since,
    latest_sequence,
    read_notification,
)
from operline.db.engine import Database


def starting_sequence(database: Database) -> int:
    """The sequence number to follow from, read before the screens first read the data."""
    with database.errors(), database.engine.connect() as connection:
        return latest_sequence(connection)


#: How often SQLite's data version is asked (the accepted stand-in for a notification).
SQLITE_POLL_S = 0.5
#: How long a PostgreSQL wait lasts before the thread looks whether it should stop.
_WAKE_S = 0.5
FIRST_RETRY_S = 0.5
LONGEST_RETRY_S = 15.0

_log = logging.getLogger(__name__)


class ChangeFeed:
    """A background follower of the sequence; callbacks run on its thread."""

    def __init__(
        self,
        database: Database,
        *,
        heard: Callable[[Changes], None],
        online: Callable[[bool], None],
        poll_s: float = SQLITE_POLL_S,
        start_after: int | None = None,
    ) -> None:
        self._database = database
        self._heard = heard
        self._online = online
        self._poll_s = poll_s
        #: The last sequence number read; None: the one last written at the first connection.
        self.last: int | None = start_after
        self.connected = False
        #: The PostgreSQL server process of the listening connection (None on SQLite).
        self.backend_pid: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="operline-change-feed", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _run(self) -> None:
        wait = FIRST_RETRY_S
        while not self._stop.is_set():
            try:
                with self._database.engine.connect() as connection:
                    self._follow(connection)
                return
            except Exception as error:  # any failure of the line: retry
                _log.warning("change feed: connection lost (%s)", error)
                # A line that worked is retried soon; one that keeps failing, less often.
                wait = FIRST_RETRY_S if self.connected else min(wait * 2, LONGEST_RETRY_S)
                self._tell_online(False)
            if self._stop.wait(wait):
                return

    def _follow(self, connection: Connection) -> None:
        if self._database.is_sqlite:
            self._follow_sqlite(connection)
        else:
            self._follow_postgres(connection.execution_options(isolation_level="AUTOCOMMIT"))

    def _follow_postgres(self, connection: Connection) -> None:
        try:
            with connection.begin():
                connection.exec_driver_sql(f"LISTEN {CHANNEL}")
                schema = connection.exec_driver_sql("SELECT current_schema()").scalar_one()
            self._catch_up(connection)
            raw: Any = connection.connection.dbapi_connection
            self.backend_pid = raw.info.backend_pid
            self._wait_for_notifications(connection, raw, schema)
        finally:
            # Never back to the pool still listening: notifications would pile up there.
            connection.invalidate()

    def _wait_for_notifications(self, connection: Connection, raw: Any, schema: str) -> None:
        while not self._stop.is_set():
            # Waits on the socket, no query; wakes for a notification or to look at _stop.
            # Another schema's desks (on the same server) notify the same channel.
            # Drained before reading: the generator holds the connection while it lives.
            for note in list(raw.notifies(timeout=_WAKE_S, stop_after=1)):
                self._notified(connection, read_notification(note.payload), schema)

    def _notified(self, connection: Connection, told: Notification | None, schema: str) -> None:
        last = self.last
        if last is None or (told is not None and told.schema != schema):
            return  # not following yet (the first read is next); or another schema's desks
        if told is not None and told.sequence <= last:
            return  # read already, by a catch-up
        if told is not None and told.changes is not None and told.sequence == last + 1:
            # The next row, carried whole: no need to read it back from the server.
            self.last = told.sequence
            if told.origin != self._database.origin and told.changes:
                self._heard(told.changes)
            return
        # A gap (a number a rolled-back write took, or a notification missed), a change too
        # long to carry, or a payload this version cannot read: the rows tell.
        self._catch_up(connection)

    def _follow_sqlite(self, connection: Connection) -> None:
        raw: Any = connection.connection.dbapi_connection
        version = raw.execute("PRAGMA data_version").fetchone()[0]
        self._catch_up(connection)
        while not self._stop.wait(self._poll_s):
            now = raw.execute("PRAGMA data_version").fetchone()[0]
            if now != version:
                version = now
                self._catch_up(connection)

    def _catch_up(self, connection: Connection) -> None:
        with connection.begin():
            if self.last is None:
                # No starting point given: only what follows the first connection is news.
                self.last = latest_sequence(connection)
                heard = Changes()
            else:
                since = changes_since(connection, self.last, origin=self._database.origin)
                self.last, heard = since.last, since.changes
        self._tell_online(True)
        if heard:
            self._heard(heard)

    def _tell_online(self, online: bool) -> None:
        if online != self.connected:
            self.connected = online
            self._online(online)
