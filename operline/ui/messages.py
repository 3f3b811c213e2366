"""Problems told to the user as one translated sentence.

The English source texts say the same as ``operline.errors`` (a test keeps them equal),
with the same ``{where}`` and ``{detail}`` fields, so the dialog and the command line
tell one story. ``detail`` comes from the database driver and is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline import actors
from operline.actors import ActionRefused, Right
from operline.errors import DatabaseError, DatabaseProblem, OperlineError

_CONTEXT = "DatabaseMessages"

DATABASE_SENTENCES: dict[DatabaseProblem, str] = {
    DatabaseProblem.INVALID_URL: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "{where} is not a valid database URL "
            "(expected e.g. sqlite:////path/to/operline.sqlite3 or postgresql://user@host/db).",
        )
    ),
    DatabaseProblem.UNKNOWN_DRIVER: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database URL {where} names a database driver that is not installed ({detail}).",
        )
    ),
    DatabaseProblem.MISSING_FOLDER: str(
        QT_TRANSLATE_NOOP("DatabaseMessages", "The folder of the database {where} does not exist.")
    ),
    DatabaseProblem.NOT_SQLITE: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "{where} is not an SQLite database; Operline left it untouched.",
        )
    ),
    DatabaseProblem.NOT_OPERLINE: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "{where} holds another program's tables, not an Operline database; "
            "Operline left it untouched.",
        )
    ),
    DatabaseProblem.CORRUPT: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database {where} is damaged ({detail}); restore it from a backup.",
        )
    ),
    DatabaseProblem.LOCKED: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database {where} is locked by another program; close that program and try again.",
        )
    ),
    DatabaseProblem.READ_ONLY: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "Operline cannot write to the database {where}: the file or its folder is read-only.",
        )
    ),
    DatabaseProblem.DISK_FULL: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The disk holding the database {where} is full; nothing more was saved.",
        )
    ),
    DatabaseProblem.UNREACHABLE: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages", "The database server {where} cannot be reached ({detail})."
        )
    ),
    DatabaseProblem.ACCESS_DENIED: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages", "The database server {where} refused the connection ({detail})."
        )
    ),
    DatabaseProblem.NEWER_SCHEMA: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The database {where} was written by a newer version of Operline "
            "(schema {detail}); update Operline to open it.",
        )
    ),
    DatabaseProblem.BACKUP_FAILED: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "The copy of {where} made before updating it failed ({detail}); "
            "the database was not changed.",
        )
    ),
    DatabaseProblem.COPY_FAILED: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages", "The backup of {where} failed ({detail}); no copy was written."
        )
    ),
    DatabaseProblem.CHANGED_ELSEWHERE: str(
        QT_TRANSLATE_NOOP(
            "DatabaseMessages",
            "What you changed was changed at another desk meanwhile in {where}; nothing was "
            "saved: look again and retry.",
        )
    ),
    DatabaseProblem.OTHER: str(
        QT_TRANSLATE_NOOP("DatabaseMessages", "The database {where} cannot be used: {detail}.")
    ),
}


# The translated sources of the sentences of ``operline.actors`` (a test keeps them equal).
NOBODY_SIGNED_IN = str(
    QT_TRANSLATE_NOOP(
        "RightsMessages", "Nobody is signed in at {workstation}: sign in to log or follow a call."
    )
)
NO_SUPERVISOR_SIGNED_IN = str(
    QT_TRANSLATE_NOOP(
        "RightsMessages",
        "Nobody is signed in at {workstation}: a supervisor signs in to correct or sign off "
        "the day log.",
    )
)
SUPERVISOR_ONLY: dict[Right, str] = {
    Right.EDIT_ROSTER: str(
        QT_TRANSLATE_NOOP(
            "RightsMessages",
            "{name} is signed in as an operator: only a supervisor may change the roster "
            "(teams, sectors, places, shifts and exceptions).",
        )
    ),
    Right.EDIT_SETTINGS: str(
        QT_TRANSLATE_NOOP(
            "RightsMessages",
            "{name} is signed in as an operator: only a supervisor may change the desk's settings.",
        )
    ),
    Right.MANAGE_OPERATORS: str(
        QT_TRANSLATE_NOOP(
            "RightsMessages",
            "{name} is signed in as an operator: only a supervisor may add, retire or bring "
            "back an operator.",
        )
    ),
    Right.CORRECT_LOG: str(
        QT_TRANSLATE_NOOP(
            "RightsMessages",
            "{name} is signed in as an operator: only a supervisor may correct the day log.",
        )
    ),
    Right.SIGN_OFF_DAY: str(
        QT_TRANSLATE_NOOP(
            "RightsMessages",
            "{name} is signed in as an operator: only a supervisor may sign off the day log.",
        )
    ),
}


def rights_sentence(error: ActionRefused) -> str:
    """The translated sentence of a refusal for want of a right, with who and where."""
    if error.template == actors.NOBODY_SIGNED_IN:
        source = NOBODY_SIGNED_IN
    elif error.template == actors.NO_SUPERVISOR_SIGNED_IN:
        source = NO_SUPERVISOR_SIGNED_IN
    else:
        source = SUPERVISOR_ONLY[error.right]
    template = QCoreApplication.translate("RightsMessages", source)
    try:
        return template.format(name=error.actor.name, workstation=error.actor.workstation)
    except (KeyError, IndexError, ValueError):
        # A translation naming a value the refusal does not give must not hide it.
        return str(error)


def database_sentence(error: DatabaseError) -> str:
    """The translated sentence for a database problem, with its place and detail."""
    template = QCoreApplication.translate(_CONTEXT, DATABASE_SENTENCES[error.problem])
    return template.format(where=error.where, detail=error.detail)


def error_sentence(error: OperlineError) -> str:
    """One sentence for any problem the user can act on."""
    if isinstance(error, DatabaseError):
        return database_sentence(error)
    if isinstance(error, ActionRefused):
        return rights_sentence(error)
    # Other problems carry no code yet: their English sentence is the best we have.
    return str(error)
