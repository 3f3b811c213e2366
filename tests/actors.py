"""People acting in tests: a supervisor and an operator signed in, and the command line."""

from __future__ import annotations

from datetime import UTC, datetime

from operline.actors import Actor, system_actor
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.operators import add_operator

WORKSTATION = "poste-test"

#: The command line of a supervisor's computer: a supervisor who is nobody at the desk.
COMMAND_LINE = system_actor("claire", WORKSTATION)


def signed_in(database: Database, name: str, role: OperatorRole) -> Actor:
    """A new operator of ``role``, as signed in at the test workstation."""
    added = add_operator(
        database, name, role, actor=COMMAND_LINE, now=datetime(2026, 1, 1, tzinfo=UTC)
    )
    return added.at(WORKSTATION)


#: A password every role's policy accepts, for the tests that sign in.
PASSWORD = "cheval agrafe pile correcte"


def with_password(
    database: Database, name: str, role: OperatorRole, password: str = PASSWORD
) -> Actor:
    """A new person of ``role`` with ``password``, as the login flow would sign them in."""
    from operline.logins import set_password

    actor = signed_in(database, name, role)
    set_password(database, name, password, actor=COMMAND_LINE, now=datetime(2026, 1, 1, tzinfo=UTC))
    return actor
