"""Problems a user can cause or fix, each told as one clear sentence.

``str(error)`` is the English sentence (CLI, logs); the GUI translates by ``problem`` code
and the same ``where``/``detail`` values (see ``operline.ui.messages``).
"""

from __future__ import annotations

from enum import StrEnum


class OperlineError(Exception):
    """A problem the user can act on; its text is shown as is, never a traceback."""

    exit_code = 1


class DatabaseProblem(StrEnum):
    INVALID_URL = "invalid_url"
    UNKNOWN_DRIVER = "unknown_driver"
    MISSING_FOLDER = "missing_folder"
    NOT_SQLITE = "not_sqlite"
    NOT_OPERLINE = "not_operline"
    CORRUPT = "corrupt"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    DISK_FULL = "disk_full"
    UNREACHABLE = "unreachable"
    ACCESS_DENIED = "access_denied"
    NEWER_SCHEMA = "newer_schema"
    BACKUP_FAILED = "backup_failed"
    COPY_FAILED = "copy_failed"
    CHANGED_ELSEWHERE = "changed_elsewhere"
    OTHER = "other"


_SENTENCES = {
    DatabaseProblem.INVALID_URL: "{where} is not a valid database URL "
    "(expected e.g. sqlite:////path/to/operline.sqlite3 or postgresql://user@host/db).",
    DatabaseProblem.UNKNOWN_DRIVER: "The database URL {where} names a database driver "
    "that is not installed ({detail}).",
    DatabaseProblem.MISSING_FOLDER: "The folder of the database {where} does not exist.",
    DatabaseProblem.NOT_SQLITE: "{where} is not an SQLite database; Operline left it untouched.",
    DatabaseProblem.NOT_OPERLINE: "{where} holds another program's tables, not an Operline "
    "database; Operline left it untouched.",
    DatabaseProblem.CORRUPT: "The database {where} is damaged ({detail}); "
    "restore it from a backup.",
    DatabaseProblem.LOCKED: "The database {where} is locked by another program; "
    "close that program and try again.",
    DatabaseProblem.READ_ONLY: "Operline cannot write to the database {where}: "
    "the file or its folder is read-only.",
    DatabaseProblem.DISK_FULL: "The disk holding the database {where} is full; "
    "nothing more was saved.",
    DatabaseProblem.UNREACHABLE: "The database server {where} cannot be reached ({detail}).",
    DatabaseProblem.ACCESS_DENIED: "The database server {where} refused the connection ({detail}).",
    DatabaseProblem.NEWER_SCHEMA: "The database {where} was written by a newer version of "
    "Operline (schema {detail}); update Operline to open it.",
    DatabaseProblem.BACKUP_FAILED: "The copy of {where} made before updating it failed "
    "({detail}); the database was not changed.",
    DatabaseProblem.COPY_FAILED: "The backup of {where} failed ({detail}); no copy was written.",
    DatabaseProblem.CHANGED_ELSEWHERE: "What you changed was changed at another desk meanwhile "
    "in {where}; nothing was saved: look again and retry.",
    DatabaseProblem.OTHER: "The database {where} cannot be used: {detail}.",
}


class DatabaseError(OperlineError):
    """The database cannot be opened, read or written, and why."""

    def __init__(self, problem: DatabaseProblem, where: str, detail: str = "") -> None:
        self.problem = problem
        self.where = where
        self.detail = detail
        super().__init__(_SENTENCES[problem].format(where=where, detail=detail))


class DatabaseDamaged(DatabaseError):
    """SQLite reported damage, or a stored value cannot be read back: stop writing.

    Writing on into a damaged file spreads the damage and would replace good backups, so
    the desk keeps what it shows, writes nothing more, and asks for the last good backup.
    """

    def __init__(self, where: str, detail: str) -> None:
        super().__init__(DatabaseProblem.CORRUPT, where, detail)


class MissingDatabase(OperlineError):
    """A command that only reads or copies a database was given a path with no file."""

    def __init__(self, where: str) -> None:
        self.where = where
        super().__init__(f"There is no database at {where}; check the path (nothing was created).")


class InvalidInput(OperlineError):
    """Input given on the command line or in a file that cannot be used."""

    exit_code = 2
