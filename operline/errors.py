"""Problems a user can cause or fix, each told as one clear sentence.

Each error carries a ``Sentence``: its English template, declared for translation where it
is raised, and the values to fill in. The window and the command line translate the
template through the same catalogue; ``str(error)`` is the English sentence (logs, tests).
"""

from __future__ import annotations

from enum import StrEnum

from operline.sentences import QT_TRANSLATE_NOOP, Sentence, Template


class OperlineError(Exception):
    """A problem the user can act on; its sentence is shown as is, never a traceback.

    Raised with a template marked by ``QT_TRANSLATE_NOOP`` and the values it names. A plain
    string is a sentence not declared for translation yet: it stays English everywhere.
    """

    exit_code = 1

    def __init__(self, template: Template | str, /, **values: object) -> None:
        context = template.context if isinstance(template, Template) else ""
        self.sentence = Sentence(context, str(template), values)
        super().__init__(str(self.sentence))


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
    NETWORK_SHARE = "network_share"
    OTHER = "other"


#: The sentence of each database problem; ``detail`` is the driver's words, shown as they
#: are, or a sentence of ours.
DATABASE_SENTENCES: dict[DatabaseProblem, Template] = {
    DatabaseProblem.INVALID_URL: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{where} is not a valid database URL "
        "(expected e.g. sqlite:////path/to/operline.sqlite3 or postgresql://user@host/db).",
    ),
    DatabaseProblem.UNKNOWN_DRIVER: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The database URL {where} names a database driver that is not installed ({detail}).",
    ),
    DatabaseProblem.MISSING_FOLDER: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "The folder of the database {where} does not exist."
    ),
    DatabaseProblem.NOT_SQLITE: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "{where} is not an SQLite database; Operline left it untouched."
    ),
    DatabaseProblem.NOT_OPERLINE: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "{where} holds another program's tables, not an Operline database; "
        "Operline left it untouched.",
    ),
    DatabaseProblem.CORRUPT: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The database {where} is damaged ({detail}); restore it from a backup.",
    ),
    DatabaseProblem.LOCKED: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The database {where} is locked by another program; close that program and try again.",
    ),
    DatabaseProblem.READ_ONLY: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "Operline cannot write to the database {where}: the file or its folder is read-only.",
    ),
    DatabaseProblem.DISK_FULL: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The disk holding the database {where} is full; nothing more was saved.",
    ),
    DatabaseProblem.UNREACHABLE: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "The database server {where} cannot be reached ({detail})."
    ),
    DatabaseProblem.ACCESS_DENIED: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "The database server {where} refused the connection ({detail})."
    ),
    DatabaseProblem.NEWER_SCHEMA: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The database {where} was written by a newer version of Operline "
        "(schema {detail}); update Operline to open it.",
    ),
    DatabaseProblem.BACKUP_FAILED: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The copy of {where} made before updating it failed ({detail}); "
        "the database was not changed.",
    ),
    DatabaseProblem.COPY_FAILED: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "The backup of {where} failed ({detail}); no copy was written."
    ),
    DatabaseProblem.CHANGED_ELSEWHERE: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "What you changed was changed at another desk meanwhile in {where}; nothing was "
        "saved: look again and retry.",
    ),
    DatabaseProblem.NETWORK_SHARE: QT_TRANSLATE_NOOP(
        "DatabaseMessages",
        "The database {where} is on a network share ({detail}), where SQLite files get "
        "damaged; for several computers, use a PostgreSQL server.",
    ),
    DatabaseProblem.OTHER: QT_TRANSLATE_NOOP(
        "DatabaseMessages", "The database {where} cannot be used: {detail}."
    ),
}


class DatabaseError(OperlineError):
    """The database cannot be opened, read or written, and why."""

    def __init__(self, problem: DatabaseProblem, where: str, detail: str | Sentence = "") -> None:
        self.problem = problem
        self.where = where
        self.detail = detail
        super().__init__(DATABASE_SENTENCES[problem], where=where, detail=detail)


class DatabaseDamaged(DatabaseError):
    """SQLite reported damage, or a stored value cannot be read back: stop writing.

    Writing on into a damaged file spreads the damage and would replace good backups, so
    the desk keeps what it shows, writes nothing more, and asks for the last good backup.
    """

    def __init__(self, where: str, detail: str | Sentence) -> None:
        super().__init__(DatabaseProblem.CORRUPT, where, detail)


class MissingDatabase(OperlineError):
    """A command that only reads or copies a database was given a path with no file."""

    def __init__(self, where: str) -> None:
        self.where = where
        super().__init__(
            QT_TRANSLATE_NOOP(
                "DatabaseMessages",
                "There is no database at {where}; check the path (nothing was created).",
            ),
            where=where,
        )


class InvalidInput(OperlineError):
    """Input given on the command line or in a file that cannot be used."""

    exit_code = 2
