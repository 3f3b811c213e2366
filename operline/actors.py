"""Who acts at the desk, and what their role lets them do.

Every write service takes an ``Actor`` and calls ``require`` before it writes, so a right
is checked where the data changes, not only in a menu. An operator signed in is a person
(with an operator id); the command line acts as the system user, a supervisor who is no
person of the desk and so can neither log nor follow a call. Logins with passwords will
produce the same value.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from enum import StrEnum

from operline.codes import OperatorRole
from operline.errors import OperlineError
from operline.sentences import QT_TRANSLATE_NOOP, Template


class Right(StrEnum):
    """What an action needs; each service names the one it needs."""

    #: Log a call, link one, route, record stages, notes and free places.
    HANDLE_CALLS = "handle_calls"
    #: Open a call's detail, a day's journal or search the history (audited).
    CONSULT_HISTORY = "consult_history"
    #: Teams, sectors, places, weekly shifts, exceptions, the roster file.
    EDIT_ROSTER = "edit_roster"
    #: The settings every desk shares.
    EDIT_SETTINGS = "edit_settings"
    #: Who works at the desk.
    MANAGE_OPERATORS = "manage_operators"
    #: Correct a field or a stage time of a call in the day log, with a reason.
    CORRECT_LOG = "correct_log"
    #: Sign off the day log.
    SIGN_OFF_DAY = "sign_off_day"
    #: Write the weekly files the desk sends its partners (the GPO export).
    EXPORT = "export"
    #: Bring the call log kept before Operline into the history (``operline import calls``).
    IMPORT = "import"
    #: Export the audit trail for a data-protection officer, and apply its retention.
    AUDIT_TRAIL = "audit_trail"


_ROLE_RIGHTS: dict[OperatorRole, frozenset[Right]] = {
    OperatorRole.OPERATOR: frozenset({Right.HANDLE_CALLS, Right.CONSULT_HISTORY}),
    OperatorRole.SUPERVISOR: frozenset(Right),
}

#: Rights only a person signed in holds: a call's timeline names who handled or corrected
#: it, a day's sign-off who signed it.
_PERSONAL_RIGHTS = frozenset({Right.HANDLE_CALLS, Right.CORRECT_LOG, Right.SIGN_OFF_DAY})

#: The sentence of a refusal for want of someone signed in.
NOBODY_SIGNED_IN = QT_TRANSLATE_NOOP(
    "RightsMessages", "Nobody is signed in at {workstation}: sign in to log or follow a call."
)
#: The same, for what only a supervisor signed in does to the day log.
NO_SUPERVISOR_SIGNED_IN = QT_TRANSLATE_NOOP(
    "RightsMessages",
    "Nobody is signed in at {workstation}: a supervisor signs in to correct or sign off "
    "the day log.",
)
#: The sentence of each refusal for want of a supervisor's role.
SUPERVISOR_ONLY: dict[Right, Template] = {
    Right.EDIT_ROSTER: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may change the roster "
        "(teams, sectors, places, shifts and exceptions).",
    ),
    Right.EDIT_SETTINGS: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may change the desk's settings.",
    ),
    Right.MANAGE_OPERATORS: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may add, retire or bring "
        "back an operator.",
    ),
    Right.CORRECT_LOG: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may correct the day log.",
    ),
    Right.SIGN_OFF_DAY: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may sign off the day log.",
    ),
    Right.EXPORT: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may export the week for the GPO.",
    ),
    Right.IMPORT: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may import the earlier call log.",
    ),
    Right.AUDIT_TRAIL: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may export or prune the audit "
        "trail.",
    ),
}

#: The longest name the ``operator`` table holds.
NAME_LIMIT = 80


@dataclass(frozen=True)
class Actor:
    """Someone (or the system user of the command line) doing something at a workstation."""

    #: None for the system user, who is not one of the desk's operators.
    operator_id: int | None
    name: str
    role: OperatorRole
    workstation: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an actor has a name")

    @property
    def is_person(self) -> bool:
        """Whether this is an operator signed in, not the system user."""
        return self.operator_id is not None

    @property
    def is_supervisor(self) -> bool:
        return self.role is OperatorRole.SUPERVISOR

    def may(self, right: Right) -> bool:
        """Whether the actor's role, and being a person when it matters, allow ``right``."""
        if right in _PERSONAL_RIGHTS and not self.is_person:
            return False
        return right in _ROLE_RIGHTS[self.role]

    @property
    def audit_name(self) -> str:
        """How the audit log names the actor: ``Name (#12) @ desk-1``, ``alice (system) @ …``.

        The audit row also keeps the operator id, the same one the timeline keeps; this
        text is what a reader of the log sees, with where the action was done.
        """
        who = f"#{self.operator_id}" if self.operator_id is not None else "system"
        return f"{self.name} ({who}) @ {self.workstation}"


def system_actor(user: str, workstation: str) -> Actor:
    """The command line's actor: the system user, with a supervisor's rights."""
    name = user.strip()[:NAME_LIMIT] or "unknown"
    return Actor(None, name, OperatorRole.SUPERVISOR, workstation.strip() or "?")


def command_line_actor() -> Actor:
    """The system user of this computer, who runs ``operline`` commands."""
    return system_actor(system_user(), workstation_name())


def system_user() -> str:
    """The login name of whoever runs Operline, or "unknown" when the system has none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or the user database
        return "unknown"


def workstation_name() -> str:
    """This computer's name, as the audit log records where an action was done."""
    try:
        return socket.gethostname() or "?"
    except OSError:
        return "?"


class ActionRefused(OperlineError):
    """The actor may not do this; nothing was written.

    ``template`` is the sentence before ``name`` and ``workstation`` are filled in.
    """

    exit_code = 2

    def __init__(self, actor: Actor, right: Right) -> None:
        self.actor = actor
        self.right = right
        if right in _PERSONAL_RIGHTS and not actor.is_person:
            self.template = (
                NOBODY_SIGNED_IN if right is Right.HANDLE_CALLS else NO_SUPERVISOR_SIGNED_IN
            )
        else:
            # Every other right an actor can lack is a supervisor's.
            self.template = SUPERVISOR_ONLY[right]
        super().__init__(self.template, name=actor.name, workstation=actor.workstation)


def require(actor: Actor, right: Right) -> None:
    """Raise ``ActionRefused`` unless the actor may do what ``right`` covers."""
    if not actor.may(right):
        raise ActionRefused(actor, right)
