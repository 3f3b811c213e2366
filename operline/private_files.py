"""Files readable by the computer's account only: what Operline writes is health data.

Every file Operline writes (the database and its write-ahead log, copies before an upgrade,
backups, drafts, exports) is created 0600 and its data folder 0700 on Linux and macOS, and
a file already there is brought back to 0600 when it is written again. The command line
also narrows its umask, so a file made by a library (SQLite, pg_dump, Qt's PDF writer)
is born private too. Windows keeps a user's files in their profile: nothing to change.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: Read and write for the computer's account only.
PRIVATE_FILE = 0o600
#: The same, and entering it, for a folder.
PRIVATE_FOLDER = 0o700
_POSIX = os.name == "posix"


def keep_new_files_private() -> None:
    """From now on, files and folders this process creates are its account's only."""
    if _POSIX:
        os.umask(0o077)


def private_folder(folder: Path) -> Path:
    """Create ``folder`` (and its parents) if needed, and make it 0700."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    if _POSIX and stat.S_IMODE(folder.stat().st_mode) != PRIVATE_FOLDER:
        os.chmod(folder, PRIVATE_FOLDER)
    return folder


def make_private(path: Path) -> None:
    """Make a file Operline wrote 0600, if it is there."""
    if not _POSIX:
        return
    try:
        os.chmod(path, PRIVATE_FILE)
    except FileNotFoundError:
        pass
    except PermissionError:
        pass  # another account's file (a database shared by hand): theirs to protect


def prepare_private_file(path: Path) -> None:
    """Create ``path`` empty and 0600 (or empty an earlier one and make it 0600), for a
    writer that opens the file itself (SQLite, Qt's PDF writer) to write into."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    try:
        if _POSIX:
            os.fchmod(descriptor, PRIVATE_FILE)
    finally:
        os.close(descriptor)


def write_private(path: Path, content: bytes) -> None:
    """Write ``content`` to ``path``, the file 0600 whether it is new or not."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(descriptor, "wb") as file:
        if _POSIX:
            os.fchmod(file.fileno(), PRIVATE_FILE)
        file.write(content)


def make_database_private(path: Path) -> None:
    """An SQLite file and its write-ahead log and shared memory, 0600 (SQLite gives the
    log the database file's permissions when it creates it)."""
    for part in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        make_private(part)
