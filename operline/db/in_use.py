"""The mark that an Operline window or command has an SQLite database open: a lock on
``<db>.in-use``.

Each desk's window holds a shared lock on that file, beside the database, from its start
to its end, and so does each command working on the database (``operline.cli.main``) while
it runs; ``operline db restore`` takes it exclusively, without waiting, so it never
replaces a file a desk or a command is writing to; a window or command started during a
restore does not wait: it says so in one sentence and stops. The system drops a lock with
its process, even a killed one, so none is ever left behind; the empty file stays. On
Windows, whose locks are exclusive, each holder locks one byte of its own among
``SLOTS``, and a restore locks them all.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem, OperlineError
from operline.private_files import PRIVATE_FILE, make_private
from operline.sentences import QT_TRANSLATE_NOOP

# Windows: how many windows can hold the mark at once.
SLOTS = 64

RESTORE_UNDER_WAY = QT_TRANSLATE_NOOP(
    "DatabaseMessages",
    "The database {where} is being restored from a backup; start Operline again once the "
    "restore is over.",
)


def in_use_path(database_path: Path) -> Path:
    """The file whose lock says the SQLite file ``database_path`` is open."""
    return database_path.with_name(database_path.name + ".in-use")


class InUseLock:
    """A lock taken on the in-use file, held until ``release`` (or the process ends)."""

    def __init__(self, descriptor: int, slot: int, length: int) -> None:
        self._descriptor: int | None = descriptor
        self._slot = slot
        self._length = length

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        if self._descriptor is None:
            return
        descriptor, self._descriptor = self._descriptor, None
        try:
            _unlock(descriptor, self._slot, self._length)
        finally:
            os.close(descriptor)


def hold_shared(database_path: Path) -> InUseLock | None:
    """Mark the database open for this process; None while a restore holds it."""
    descriptor = _open(database_path)
    for slot in _shared_slots():
        if _try_lock(descriptor, slot, 1, exclusive=False):
            return InUseLock(descriptor, slot, 1)
    os.close(descriptor)
    return None


def hold_exclusive(database_path: Path) -> InUseLock | None:
    """The database for this process alone; None while any Operline has it open."""
    descriptor = _open(database_path)
    length = 1 if sys.platform != "win32" else SLOTS
    if _try_lock(descriptor, 0, length, exclusive=True):
        return InUseLock(descriptor, 0, length)
    os.close(descriptor)
    return None


def hold_while_open(database: Database) -> InUseLock | None:
    """The window's mark on its SQLite database (None for PostgreSQL); refused with one
    sentence while the database is being restored."""
    path = database.sqlite_path
    if path is None:
        return None
    try:
        lock = hold_shared(path)
    except OSError as error:
        raise DatabaseError(
            DatabaseProblem.OTHER, database.name, error.strerror or str(error)
        ) from None
    if lock is None:
        raise OperlineError(RESTORE_UNDER_WAY, where=database.name)
    return lock


def _open(database_path: Path) -> int:
    path = in_use_path(database_path)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    make_private(path)
    return descriptor


def _shared_slots() -> range:
    return range(1) if sys.platform != "win32" else range(SLOTS)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int, slot: int, length: int, *, exclusive: bool) -> bool:
        os.lseek(descriptor, slot, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, length)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int, slot: int, length: int) -> None:
        os.lseek(descriptor, slot, os.SEEK_SET)
        msvcrt.locking(descriptor, msvcrt.LK_UNLCK, length)

else:
    import fcntl

    def _try_lock(descriptor: int, slot: int, length: int, *, exclusive: bool) -> bool:
        # flock: a lock of the open file, not of the process, so two holders in one
        # process see each other as two processes would.
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(descriptor, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int, slot: int, length: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
