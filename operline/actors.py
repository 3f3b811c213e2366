"""Who acts at the desk, and what their role lets them do.

Every write service takes an ``Actor`` and calls ``require`` before it writes, so a right
is checked where the data changes, not only in a menu. An operator signed in is a person
(with an operator id); the command line acts as the system user, a supervisor who is no
person of the desk and so can neither log nor follow a call. A login with a password
(``operline.logins``) produces the same value for the person signed in.

Three roles, each holding the rights of the one before: an operator logs, routes and
tracks calls, and consults the last 24 hours of the history (``consulted_since``); a
supervisor also consults the history before them (``Right.CONSULT_ARCHIVE``), corrects
and signs off the log, edits the roster and exports; an administrator also manages the
people, their roles and the desk's settings.
The command line is the administrator's tool: it acts for whoever can open the database.
"""

from __future__ import annotations

import getpass
import socket
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from operline.codes import OperatorRole
from operline.errors import OperlineError
from operline.paris_time import paris_day_bounds
from operline.sentences import QT_TRANSLATE_NOOP, Template


class Right(StrEnum):
    """What an action needs; each service names the one it needs."""

    #: Log a call, link one, route, record stages, notes and free places.
    HANDLE_CALLS = "handle_calls"
    #: Open a call's detail, a day's journal or search the history (audited); without
    #: ``CONSULT_ARCHIVE``, only the calls received in the last ``RECENT`` hours.
    CONSULT_HISTORY = "consult_history"
    #: The history beyond the last 24 hours: older calls, earlier days' logs, the week
    #: figures and the sector figures' past weeks (a supervisor's).
    CONSULT_ARCHIVE = "consult_archive"
    #: Teams, sectors, places, weekly shifts, exceptions, the roster file.
    EDIT_ROSTER = "edit_roster"
    #: The settings every desk shares (an administrator's).
    EDIT_SETTINGS = "edit_settings"
    #: Who works at the desk, their role, password and lock (an administrator's).
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


#: What only an administrator may do.
ADMINISTRATOR_RIGHTS = frozenset({Right.MANAGE_OPERATORS, Right.EDIT_SETTINGS})

_ROLE_RIGHTS: dict[OperatorRole, frozenset[Right]] = {
    OperatorRole.OPERATOR: frozenset({Right.HANDLE_CALLS, Right.CONSULT_HISTORY}),
    OperatorRole.SUPERVISOR: frozenset(Right) - ADMINISTRATOR_RIGHTS,
    OperatorRole.ADMINISTRATOR: frozenset(Right),
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
    Right.CONSULT_ARCHIVE: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is signed in as an operator: only a supervisor may consult the history "
        "beyond the last 24 hours (older calls, earlier days, the week figures).",
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

#: The sentence of each refusal for want of an administrator's role.
ADMINISTRATOR_ONLY: dict[Right, Template] = {
    Right.EDIT_SETTINGS: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is not an administrator: only an administrator may change the desk's settings.",
    ),
    Right.MANAGE_OPERATORS: QT_TRANSLATE_NOOP(
        "RightsMessages",
        "{name} is not an administrator: only an administrator may add, retire or bring "
        "back a person, change a role, a password or a lock.",
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
        """Whether the role holds a supervisor's rights (an administrator's does)."""
        return self.role is not OperatorRole.OPERATOR

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
    """The command line's actor: the system user, with an administrator's rights.

    Whoever can open the database file (or holds the server's credentials) could change
    it anyway; the audit log names them by the computer's account.
    """
    name = user.strip()[:NAME_LIMIT] or "unknown"
    return Actor(None, name, OperatorRole.ADMINISTRATOR, workstation.strip() or "?")


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
        elif right in ADMINISTRATOR_ONLY:
            self.template = ADMINISTRATOR_ONLY[right]
        else:
            # Every other right an actor can lack is a supervisor's.
            self.template = SUPERVISOR_ONLY[right]
        super().__init__(self.template, name=actor.name, workstation=actor.workstation)


def require(actor: Actor, right: Right) -> None:
    """Raise ``ActionRefused`` unless the actor may do what ``right`` covers."""
    if not actor.may(right):
        raise ActionRefused(actor, right)


#: How far back an operator consults the history: the night's calls, from before midnight.
RECENT = timedelta(hours=24)


def consulted_since(actor: Actor, now: datetime) -> datetime | None:
    """The earliest reception time the actor may consult at ``now``; None for no limit."""
    require(actor, Right.CONSULT_HISTORY)
    if actor.may(Right.CONSULT_ARCHIVE):
        return None
    return now - RECENT


def require_recent(actor: Actor, received_at: datetime, *, now: datetime) -> None:
    """Raise ``ActionRefused`` unless the actor may consult a call received at ``received_at``."""
    since = consulted_since(actor, now)
    if since is not None and received_at < since:
        raise ActionRefused(actor, Right.CONSULT_ARCHIVE)


def require_day(actor: Actor, day: date, *, now: datetime) -> None:
    """Raise ``ActionRefused`` unless the actor may open the log of the Paris day ``day``.

    An operator opens the days that overlap the last 24 hours: today, and yesterday
    while its last hours are still within them.
    """
    since = consulted_since(actor, now)
    if since is not None and paris_day_bounds(day)[1] <= since:
        raise ActionRefused(actor, Right.CONSULT_ARCHIVE)
