"""Connections to a PostgreSQL server: timeouts, keepalives, and dropped ones replaced.

A desk runs for days, so a connection waiting in the pool may have been closed by the
server (a restart, a terminated backend) or found dead by the keepalives. Such a
connection is replaced before use, without asking the server anything: the server's
farewell, or the socket's error, waits on the socket, so a zero-timeout look at it tells
a dropped connection from a live one. A ping instead would cost a round trip before
every unit of work, the largest share of a board's redraw on a distant server.
"""

from __future__ import annotations

import select
from typing import Any

from sqlalchemy import Engine, event, exc
from sqlalchemy.engine import URL

#: The longest one statement may run on PostgreSQL before the server cancels it, so a
#: desk waiting on a stuck lock or an overloaded server gets an answer, not a freeze.
POSTGRES_STATEMENT_TIMEOUT_S = 30
#: libpq settings that notice a half-open connection (a cut network, a server gone)
#: within about half a minute, idle or in the middle of a query, instead of never.
POSTGRES_CONNECTION_SETTINGS: dict[str, int] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


def postgres_connect_args(url: URL) -> dict[str, Any]:
    """Timeouts and keepalives, unless the URL sets its own; its ``options`` are kept."""
    arguments: dict[str, Any] = {
        name: value for name, value in POSTGRES_CONNECTION_SETTINGS.items() if name not in url.query
    }
    given = url.query.get("options", "")
    options = given if isinstance(given, str) else " ".join(given)
    if "statement_timeout" not in options:
        timeout = f"-c statement_timeout={POSTGRES_STATEMENT_TIMEOUT_S * 1000}"
        arguments["options"] = f"{options} {timeout}".strip()
    return arguments


def replace_dropped_connections(engine: Engine) -> None:
    """Have ``engine``'s pool replace a dropped connection before handing it out."""
    event.listen(engine, "checkout", _refuse_if_dropped)


def is_dropped(dbapi_connection: Any) -> bool:
    """Whether an idle connection was closed by the server or found dead by keepalives."""
    if dbapi_connection.closed or getattr(dbapi_connection, "broken", False):
        return True
    try:
        socket = dbapi_connection.fileno()
        # An idle connection has nothing to read: anything there is the server's last
        # word (a FATAL before closing), the end of the stream, or the socket's error.
        readable, _, failed = select.select([socket], [], [socket], 0)
    except Exception:  # a closed socket, or the driver's own "connection closed" error
        return True
    return bool(readable or failed)


def _refuse_if_dropped(dbapi_connection: Any, _record: object, _proxy: object) -> None:
    if is_dropped(dbapi_connection):
        # The pool discards this connection and hands out another (a new one if need be).
        raise exc.DisconnectionError("the server closed this connection")
