"""The first start of a real desk: an empty database, and the roster file it may begin from.

A first start is a database where nobody has a password yet and no sector exists: the
first administrator is created, then the desk begins with the Paris reference data
(``operline.paris_reference``), a roster file, or nothing. A database from before logins
keeps its sectors, and with them the plain sign-in of its first administrator.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from operline.actors import Actor, Right, require
from operline.db.engine import Database
from operline.db.models import Sector
from operline.errors import InvalidInput
from operline.logins import needs_first_administrator
from operline.roster.csv_format import RosterFileError, parse_roster_csv
from operline.roster.roster_file import RosterImport, import_roster
from operline.sentences import QT_TRANSLATE_NOOP, Sentence

_IN_FILE = QT_TRANSLATE_NOOP("FirstStartMessages", "{name}, {reason}")
_UNREADABLE = QT_TRANSLATE_NOOP("FirstStartMessages", "The file {path} cannot be read: {reason}.")


class RosterFileRefused(InvalidInput):
    """A roster file refused whole; ``problems`` tells each one, naming the file."""

    def __init__(self, problems: list[Sentence]) -> None:
        self.problems = tuple(problems)
        super().__init__(_IN_FILE, **self.problems[0].values)


def is_first_start(database: Database) -> bool:
    """Whether nobody has a password yet and no sector exists: a brand new desk."""
    if not needs_first_administrator(database):
        return False
    with database.read() as session:
        return session.scalar(select(Sector.id).limit(1)) is None


def import_roster_file(
    database: Database, path: Path, *, actor: Actor, now: datetime
) -> RosterImport:
    """Read, check and import a roster CSV file, creating the sectors it names.

    Raises ``RosterFileRefused`` with every problem of the file, and changes nothing then.
    """
    require(actor, Right.EDIT_ROSTER)
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InvalidInput(_UNREADABLE, path=path, reason=error.strerror or str(error)) from None
    try:
        rows = parse_roster_csv(content)
    except RosterFileError as error:
        raise RosterFileRefused(
            [_IN_FILE(name=path.name, reason=problem) for problem in error.problems]
        ) from None
    return import_roster(database, rows, create_sectors=True, actor=actor, now=now)
