"""Opening a database: URL choice, SQLite settings, sessions, and errors in plain words."""

from __future__ import annotations

import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import StaticPool

from operline.db.change_log import record_changes_of
from operline.db.network_share import network_share_of
from operline.db.server_connections import (
    POSTGRES_STATEMENT_TIMEOUT_S,
    postgres_connect_args,
    replace_dropped_connections,
)
from operline.db.types import StoredValueError
from operline.errors import DatabaseDamaged, DatabaseError, DatabaseProblem, MissingDatabase
from operline.private_files import make_database_private, prepare_private_file, private_folder
from operline.sentences import QT_TRANSLATE_NOOP

DATABASE_URL_VARIABLE = "OPERLINE_DATABASE_URL"
#: How long a writer waits for another desk's write on SQLite. Waiters poll the lock, so
#: with four desks writing flat out one could wait past 5 s (a call refused as "locked");
#: the wait runs off the GUI thread, and matches PostgreSQL's statement timeout.
SQLITE_BUSY_TIMEOUT_S = 30.0
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's primary result codes for a damaged file: SQLITE_CORRUPT and SQLITE_NOTADB.
_SQLITE_DAMAGE_CODES = frozenset({11, 26})
# SQLite's primary result codes for a file it may not write, and for a full disk.
_SQLITE_READONLY = 8
_SQLITE_FULL = 13


def default_database_path() -> Path:
    """Where the desk's SQLite file lives when no URL is given."""
    return Path(platformdirs.user_data_dir("operline", appauthor=False)) / "operline.sqlite3"


def choose_database_url(given: str | None, *, create_folder: bool = True) -> str:
    """The URL to use: ``--db``, else ``OPERLINE_DATABASE_URL``, else the default file.

    The default file's folder is created unless ``create_folder`` is false (commands that
    only read or copy a database create nothing).
    """
    if given:
        return given
    from_environment = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    if from_environment:
        return from_environment
    path = default_database_path()
    if create_folder:
        private_folder(path.parent)
    return f"sqlite:///{path}"


@dataclass(frozen=True)
class Database:
    """An open database: one engine, sessions for reading and for writing."""

    engine: Engine
    url: URL
    _reader: sessionmaker[Session]
    _writer: sessionmaker[Session]
    _one_statement_reader: sessionmaker[Session]
    #: This process's mark on the change rows it writes: it redrew those changes itself,
    #: and skips them when it follows the change sequence.
    origin: str = field(default_factory=lambda: uuid.uuid4().hex[:16])

    @property
    def name(self) -> str:
        """What to call the database in messages: a file path or a URL without password."""
        return describe_url(self.url)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return _sqlite_file(self.url)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; it never takes the write lock."""
        with self.errors(), self._reader() as session:
            yield session

    @contextmanager
    def read_one_statement(self) -> Iterator[Session]:
        """A session for a read of one statement, the board's redraw after a change.

        On PostgreSQL the statement runs outside a transaction: the BEGIN and ROLLBACK
        around it would double the round trips to a distant server, and one statement
        sees one state anyway. Several statements that must agree use ``read``.
        """
        with self.errors(), self._one_statement_reader() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error.

        On SQLite the transaction begins IMMEDIATE, so two desks writing at once wait
        for each other instead of failing half-way. What the session changed is written
        to the change sequence in the same transaction (``operline.db.change_log``).
        """
        with self.errors(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def errors(self) -> Iterator[None]:
        """Turn driver errors into one clear ``DatabaseError``.

        Damage (SQLite reporting corruption, or a stored value the model cannot read)
        becomes ``DatabaseDamaged``, whatever statement met it.
        """
        try:
            yield
        except exc.DBAPIError as error:
            raise explain_driver_error(error, self.name) from error
        except sqlite3.Error as error:  # raw driver calls (pragmas) are not wrapped
            raise explain_driver_error(error, self.name) from error
        except StoredValueError as error:
            raise DatabaseDamaged(self.name, str(error)) from error
        except StaleDataError as error:  # a versioned row another desk updated first
            raise DatabaseError(DatabaseProblem.CHANGED_ELSEWHERE, self.name) from error

    def dispose(self) -> None:
        self.engine.dispose()


def describe_url(url: URL) -> str:
    path = _sqlite_file(url)
    if path is not None:
        return str(path)
    return url.render_as_string(hide_password=True)


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def parse_database_url(raw: str) -> URL:
    """A SQLAlchemy URL; plain ``postgresql://`` means psycopg 3."""
    try:
        url = make_url(raw)
    except (exc.ArgumentError, ValueError):
        raise DatabaseError(DatabaseProblem.INVALID_URL, raw) from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


def open_database(raw_url: str, *, must_exist: bool = False) -> Database:
    """Connect to a database and check it can be used; nothing is written yet.

    With ``must_exist``, an SQLite file that is not there is an error and is not created
    (commands that only read or copy a database).
    """
    url = parse_database_url(raw_url)
    where = describe_url(url)
    path = _sqlite_file(url)
    if path is not None:
        if must_exist and not path.exists():
            raise MissingDatabase(where)
        _check_sqlite_file(path)
        if not path.exists():
            # Born private: SQLite gives its log and shared memory the file's permissions.
            with _as_database_error(where):
                prepare_private_file(path)
    engine = _create_engine(url, where)
    writer = sessionmaker(writing(engine))
    database = Database(
        engine=engine,
        url=url,
        _reader=sessionmaker(engine),
        _writer=writer,
        _one_statement_reader=sessionmaker(reading_one_statement(engine)),
    )
    record_changes_of(writer, database.origin)
    try:
        with database.errors(), engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DatabaseError:
        engine.dispose()
        raise
    if path is not None:
        make_database_private(path)
    return database


@contextmanager
def _as_database_error(where: str) -> Iterator[None]:
    try:
        yield
    except PermissionError:
        raise DatabaseError(DatabaseProblem.READ_ONLY, where) from None
    except OSError as error:
        raise DatabaseError(DatabaseProblem.OTHER, where, error.strerror or str(error)) from None


def _check_sqlite_file(path: Path) -> None:
    where = str(path)
    if not path.parent.is_dir():
        raise DatabaseError(DatabaseProblem.MISSING_FOLDER, where)
    share = network_share_of(path.parent)
    if share is not None:
        raise DatabaseError(DatabaseProblem.NETWORK_SHARE, where, share)
    if path.exists():
        if path.is_dir():
            raise DatabaseError(DatabaseProblem.NOT_SQLITE, where)
        with path.open("rb") as file:
            header = file.read(100)
        if header and not header.startswith(_SQLITE_HEADER):
            if _looks_like_damaged_sqlite(path, header):
                overwritten = QT_TRANSLATE_NOOP("DatabaseMessages", "its header is overwritten")
                raise DatabaseDamaged(where, overwritten())
            raise DatabaseError(DatabaseProblem.NOT_SQLITE, where)
        # WAL needs to create its -wal and -shm files next to the database.
        if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
            raise DatabaseError(DatabaseProblem.READ_ONLY, where)
    elif not os.access(path.parent, os.W_OK):
        raise DatabaseError(DatabaseProblem.READ_ONLY, where)


def _looks_like_damaged_sqlite(path: Path, header: bytes) -> bool:
    """Whether a file without SQLite's magic string is an SQLite file whose start was hit.

    Bytes 21 to 23 of every SQLite header are fixed (64, 32, 32), and a database is whole
    pages; a desk's file keeps its usual name.
    """
    if header[21:24] == b"\x40\x20\x20":
        return True
    size = path.stat().st_size
    return size >= 1024 and size % 512 == 0 and path.suffix in (".sqlite3", ".sqlite", ".db")


def _create_engine(url: URL, where: str) -> Engine:
    options: dict[str, Any] = {}
    backend = url.get_backend_name()
    if backend == "sqlite":
        options["connect_args"] = {"timeout": SQLITE_BUSY_TIMEOUT_S}
        if _sqlite_file(url) is None:
            options["poolclass"] = StaticPool
            options["connect_args"]["check_same_thread"] = False
    elif backend == "postgresql":
        options["connect_args"] = postgres_connect_args(url)
    try:
        engine = create_engine(url, **options)
    except exc.NoSuchModuleError as error:
        raise DatabaseError(DatabaseProblem.UNKNOWN_DRIVER, where, url.drivername) from error
    except ImportError as error:
        raise DatabaseError(DatabaseProblem.UNKNOWN_DRIVER, where, str(error)) from error
    except exc.ArgumentError as error:
        raise DatabaseError(DatabaseProblem.INVALID_URL, where) from error
    if backend == "sqlite":
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
    else:
        replace_dropped_connections(engine)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (see _begin_sqlite_transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_BUSY_TIMEOUT_S * 1000)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        # What a retention purge erases is overwritten in the file, not left in free pages.
        cursor.execute("PRAGMA secure_delete = ON")
    finally:
        cursor.close()


def use_write_ahead_log(database: Database) -> None:
    """Switch an Operline SQLite file to WAL, for good: readers never wait for a writer.

    Done once the file is known to be Operline's, since it rewrites the file's header.
    """
    with database.errors(), database.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw is not None
        # Raw, since the pragma cannot run in a transaction; its errors are told as any
        # other driver error (a locked or full file is one sentence, not a traceback).
        mode = raw.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        unavailable = QT_TRANSLATE_NOOP("DatabaseMessages", "WAL journal unavailable")
        raise DatabaseError(DatabaseProblem.OTHER, database.name, unavailable())


def reading_one_statement(engine: Engine) -> Engine:
    """The engine for a read of one statement: on PostgreSQL, no transaction around it."""
    if engine.dialect.name == "sqlite":
        return engine
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def writing(engine: Engine) -> Engine:
    """The engine for a unit of work that writes: on SQLite it begins IMMEDIATE."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")


def _begin_sqlite_transaction(connection: Any) -> None:
    # Reads never take the write lock; writers say so (see ``writing``).
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def explain_driver_error(error: exc.DBAPIError | sqlite3.Error, where: str) -> DatabaseError:
    """The plain-words problem behind a driver error (wrapped by SQLAlchemy or raw)."""
    original = error.orig if isinstance(error, exc.DBAPIError) else error
    message = str(original).strip().splitlines()[0] if original is not None else str(error)
    lowered = message.lower()
    if _is_damage(original, lowered):
        return DatabaseDamaged(where, message)
    code = getattr(original, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF == _SQLITE_READONLY:
        return DatabaseError(DatabaseProblem.READ_ONLY, where)
    if isinstance(code, int) and code & 0xFF == _SQLITE_FULL:
        return DatabaseError(DatabaseProblem.DISK_FULL, where)
    if "database is locked" in lowered or "database table is locked" in lowered:
        return DatabaseError(DatabaseProblem.LOCKED, where)
    if "readonly" in lowered or "read-only" in lowered or "unable to open database" in lowered:
        return DatabaseError(DatabaseProblem.READ_ONLY, where)
    if "disk is full" in lowered or "no space left" in lowered:
        return DatabaseError(DatabaseProblem.DISK_FULL, where)
    if "statement timeout" in lowered:
        detail = QT_TRANSLATE_NOOP(
            "DatabaseMessages", "no answer within {seconds} s; nothing was saved"
        )(seconds=POSTGRES_STATEMENT_TIMEOUT_S)
        return DatabaseError(DatabaseProblem.UNREACHABLE, where, detail)
    if "password authentication failed" in lowered or ("role" in lowered and "exist" in lowered):
        return DatabaseError(DatabaseProblem.ACCESS_DENIED, where, message)
    if "database" in lowered and "does not exist" in lowered:
        return DatabaseError(DatabaseProblem.ACCESS_DENIED, where, message)
    operational = isinstance(error, exc.OperationalError)
    if operational and not isinstance(original, sqlite3.Error):
        return DatabaseError(DatabaseProblem.UNREACHABLE, where, message)
    return DatabaseError(DatabaseProblem.OTHER, where, message)


def _is_damage(original: BaseException | None, lowered: str) -> bool:
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", None)
        if isinstance(code, int) and code & 0xFF in _SQLITE_DAMAGE_CODES:
            return True
        return any(
            words in lowered
            for words in ("malformed", "not a database", "corrupt", "database disk image")
        )
    return False
