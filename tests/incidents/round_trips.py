"""A TCP relay in front of PostgreSQL that counts the round trips a service costs."""

from __future__ import annotations

import contextlib
import socket
import threading
from types import TracebackType

from sqlalchemy.engine import make_url


class RoundTripRelay:
    """Relays 127.0.0.1:port to the server; each burst of client bytes after an answer
    (or at the start) is one round trip, whatever the statements it carries."""

    def __init__(self, url: str) -> None:
        server = make_url(url)
        self._target = (server.host or "127.0.0.1", server.port or 5432)
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self.round_trips = 0
        self._lock = threading.Lock()
        self._closed = threading.Event()
        #: Every socket the relay opened, closed with it (a leaked one fails a later test).
        self._sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, url: str) -> str:
        """The same database, reached through the relay."""
        relayed = make_url(url).set(host="127.0.0.1", port=self.port)
        return relayed.render_as_string(hide_password=False)

    def __enter__(self) -> RoundTripRelay:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._closed.set()
        self._listener.close()
        with self._lock:
            opened = list(self._sockets)
        for end in opened:
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self._target)
            with self._lock:
                self._sockets += [client, upstream]
            last = ["answer"]  # the side that spoke last on this connection
            for source, sink, side in ((client, upstream, "ask"), (upstream, client, "answer")):
                threading.Thread(
                    target=self._pump, args=(source, sink, side, last), daemon=True
                ).start()

    def _pump(self, source: socket.socket, sink: socket.socket, side: str, last: list[str]) -> None:
        try:
            while chunk := source.recv(65536):
                with self._lock:
                    if side == "ask" and last[0] == "answer":
                        self.round_trips += 1
                    last[0] = side
                sink.sendall(chunk)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
