"""Settings every desk of a database shares, declared in one place with their defaults.

A setting never written reads as its default; a value that no longer parses (after a
change of format) reads as the default too, rather than stopping the desk.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.db.models import DeskSetting
from operline.errors import InvalidInput
from operline.phones import normalise_phone
from operline.sentences import QT_TRANSLATE_NOOP, Template
from operline.text_input import first_control

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    default: T
    parse: Callable[[str], T]
    describe: str

    @property
    def attribute(self) -> str:
        """Its name in ``DeskSettings``: the key without its group."""
        return self.key.split(".", 1)[1]


class SettingProblem(StrEnum):
    """Why a value was refused for a setting."""

    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    NOT_A_PHONE = "not_a_phone"
    WRONG_LENGTH = "wrong_length"
    CONTROL_CHARACTER = "control_character"


#: The sentence of each problem, as the settings dialog and the command line tell it.
SETTING_SENTENCES: dict[SettingProblem, Template] = {
    SettingProblem.NOT_A_NUMBER: QT_TRANSLATE_NOOP(
        "SettingsDialog", "{value} is not a whole number"
    ),
    SettingProblem.OUT_OF_RANGE: QT_TRANSLATE_NOOP(
        "SettingsDialog", "{value} is not between {low} and {high} {unit}"
    ),
    SettingProblem.NOT_A_PHONE: QT_TRANSLATE_NOOP(
        "SettingsDialog", "{value} is not a phone number"
    ),
    SettingProblem.WRONG_LENGTH: QT_TRANSLATE_NOOP(
        "SettingsDialog", "it must hold {low} to {high} characters"
    ),
    SettingProblem.CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "SettingsDialog", "character {position} is an invisible control character ({character})"
    ),
}
_MINUTES = QT_TRANSLATE_NOOP("SettingsDialog", "minutes")
_HOURS = QT_TRANSLATE_NOOP("SettingsDialog", "hours")
_DAYS = QT_TRANSLATE_NOOP("SettingsDialog", "days")
_YEARS = QT_TRANSLATE_NOOP("SettingsDialog", "years")
_MONTHS = QT_TRANSLATE_NOOP("SettingsDialog", "months")


class BadSettingValue(ValueError):
    """A value a setting's parser refused, with the values its sentence names."""

    def __init__(self, problem: SettingProblem, **values: object) -> None:
        self.sentence = SETTING_SENTENCES[problem](**values)
        super().__init__(str(self.sentence))
        self.problem = problem
        self.values = values


class SettingRefused(InvalidInput):
    """``write_setting`` refused a value: which setting, why, and the values of why."""

    def __init__(self, key: str, refused: BadSettingValue) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("SettingsDialog", "{key}: {reason}"), key=key, reason=refused.sentence
        )
        self.key = key
        self.reason = refused.sentence
        self.problem = refused.problem
        self.values = refused.values


def _whole_number(low: int, high: int, unit: Template) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise BadSettingValue(SettingProblem.NOT_A_NUMBER, value=text) from None
        if not low <= value <= high:
            raise BadSettingValue(
                SettingProblem.OUT_OF_RANGE, value=value, low=low, high=high, unit=unit
            )
        return value

    return parse


_minutes = _whole_number(1, 240, _MINUTES)
_hours = _whole_number(1, 72, _HOURS)
_undo_minutes = _whole_number(1, 60, _MINUTES)
# A call's notes serve its follow-up: at least a month, at most a year after it closed.
_notes_days = _whole_number(30, 365, _DAYS)
# The history serves the GPO's yearly review: at least a year, at most five.
_anonymise_years = _whole_number(1, 5, _YEARS)
_audit_months = _whole_number(12, 36, _MONTHS)
_idle_minutes = _whole_number(1, 30, _MINUTES)
# At least one automatic backup a day, so the status bar's "over 24 h" means a problem.
_backup_hours = _whole_number(1, 24, _HOURS)
_yes_or_no = _whole_number(0, 1, QT_TRANSLATE_NOOP("SettingsDialog", "(1 yes, 0 no)"))


def _phone_or_empty(text: str) -> str:
    if not text.strip():
        return ""
    try:
        return normalise_phone(text)
    except ValueError:
        raise BadSettingValue(SettingProblem.NOT_A_PHONE, value=text.strip()) from None


URGENT_ACK_MINUTES = Setting(
    "alerts.urgent_ack_minutes",
    5,
    _minutes,
    "minutes an urgent call may wait for a team's acknowledgement before it turns amber",
)
NORMAL_ACK_MINUTES = Setting(
    "alerts.normal_ack_minutes",
    15,
    _minutes,
    "minutes a normal call may wait for a team's acknowledgement before it turns amber",
)
SUPERVISOR_PHONE = Setting(
    "desk.supervisor_phone",
    "",
    _phone_or_empty,
    "the supervisor on call, proposed when no team answers",
)

LATE_ENTRY_HOURS = Setting(
    "desk.late_entry_hours",
    6,
    _hours,
    "hours back beyond which a call's time asks for a confirmation before it is saved",
)


def _desk_name(text: str) -> str:
    name = " ".join(text.split())
    if not 1 <= len(name) <= 80:
        raise BadSettingValue(SettingProblem.WRONG_LENGTH, low=1, high=80)
    return name


DESK_NAME = Setting(
    "desk.name",
    "Numéro opérationnel unique",
    _desk_name,
    "the desk's name, at the head of the printed day log",
)
UNDO_MINUTES = Setting(
    "desk.undo_minutes",
    5,
    _undo_minutes,
    "minutes during which the operator who recorded a step may still undo it (Ctrl+Z)",
)

NOTES_DAYS = Setting(
    "privacy.notes_days",
    90,
    _notes_days,
    "days after a call is closed before its notes and linked calls' summaries are erased",
)
ANONYMISE_AFTER_YEARS = Setting(
    "privacy.anonymise_after_years",
    2,
    _anonymise_years,
    "years after a call was received before it is anonymised (place reduced to the sector, "
    "callback number and notes erased)",
)
AUDIT_MONTHS_KEPT = Setting(
    "audit.months_kept",
    12,
    _audit_months,
    "months an audit entry is kept before it is removed from the start of the audit chain",
)
IDLE_LOCK_MINUTES = Setting(
    "desk.idle_lock_minutes",
    5,
    _idle_minutes,
    "minutes without a key or a click after which the window is masked until the person "
    "signed in types their password again (30 at most)",
)

BACKUP_EVERY_HOURS = Setting(
    "backup.every_hours",
    6,
    _backup_hours,
    "hours between two automatic backups of an SQLite database, in the backups folder "
    "beside it (1 to 24; PostgreSQL is backed up with pg_dump)",
)

HIGH_CONTRAST = Setting(
    "display.high_contrast",
    0,
    _yes_or_no,
    "1 to open every desk's window in high contrast (each desk may switch it in its View "
    "menu), 0 for the system's light or dark colours",
)

SETTINGS: tuple[Setting[int] | Setting[str], ...] = (
    URGENT_ACK_MINUTES,
    NORMAL_ACK_MINUTES,
    SUPERVISOR_PHONE,
    LATE_ENTRY_HOURS,
    DESK_NAME,
    UNDO_MINUTES,
    NOTES_DAYS,
    ANONYMISE_AFTER_YEARS,
    AUDIT_MONTHS_KEPT,
    IDLE_LOCK_MINUTES,
    BACKUP_EVERY_HOURS,
    HIGH_CONTRAST,
)


@dataclass(frozen=True)
class DeskSettings:
    """Every setting's current value."""

    urgent_ack_minutes: int = URGENT_ACK_MINUTES.default
    normal_ack_minutes: int = NORMAL_ACK_MINUTES.default
    supervisor_phone: str = SUPERVISOR_PHONE.default
    late_entry_hours: int = LATE_ENTRY_HOURS.default
    name: str = DESK_NAME.default
    undo_minutes: int = UNDO_MINUTES.default
    notes_days: int = NOTES_DAYS.default
    anonymise_after_years: int = ANONYMISE_AFTER_YEARS.default
    months_kept: int = AUDIT_MONTHS_KEPT.default
    idle_lock_minutes: int = IDLE_LOCK_MINUTES.default
    every_hours: int = BACKUP_EVERY_HOURS.default
    high_contrast: int = HIGH_CONTRAST.default

    def ack_limit(self, urgent: bool) -> timedelta:
        """How long a call may wait for acknowledgement before it turns amber."""
        minutes = self.urgent_ack_minutes if urgent else self.normal_ack_minutes
        return timedelta(minutes=minutes)

    def late_entry(self, received_at: datetime, now: datetime) -> bool:
        """Whether a call's time is so far back it may be a slip (a wrong day or hour)."""
        return now - received_at > timedelta(hours=self.late_entry_hours)

    @property
    def idle_limit(self) -> timedelta:
        """How long the window waits without input before it is masked."""
        return timedelta(minutes=self.idle_lock_minutes)

    @property
    def undo_window(self) -> timedelta:
        """How long after recording a step its operator may still undo it."""
        return timedelta(minutes=self.undo_minutes)


def read_settings(database: Database) -> DeskSettings:
    with database.read() as session:
        return stored_settings(session)


def stored_settings(session: Session) -> DeskSettings:
    """The settings as a session sees them, for a service that reads them in its own work."""
    stored = dict(session.execute(select(DeskSetting.key, DeskSetting.value)).all())
    values: dict[str, object] = {}
    for setting in SETTINGS:
        if setting.key in stored:
            try:
                values[setting.attribute] = setting.parse(stored[setting.key])
            except ValueError:
                continue
    return DeskSettings(**values)  # type: ignore[arg-type]


def write_setting(
    database: Database, key: str, value: str, *, actor: Actor, now: datetime
) -> DeskSettings:
    """Check and store one setting; the audit log keeps who changed it."""
    return write_settings(database, {key: value}, actor=actor, now=now)


def write_settings(
    database: Database, values: Mapping[str, str], *, actor: Actor, now: datetime
) -> DeskSettings:
    """Check every value, then store them all in one transaction, or none if one is refused."""
    require(actor, Right.EDIT_SETTINGS)
    parsed = {key: _parse(key, value) for key, value in values.items()}
    author = actor.name[:80]
    with database.write() as session:
        # Always in the same order: two desks writing the same keys never wait on each other
        # in a circle (each row is locked as it is written, then the audit chain's head).
        for key, value in sorted(parsed.items()):
            row = session.get(DeskSetting, key)
            if row is None:
                session.add(DeskSetting(key=key, value=value, updated_at=now, updated_by=author))
            else:
                row.value, row.updated_at, row.updated_by = value, now, author
            write_audit(
                session, actor, AuditAction.SETTINGS_WRITE, now=now, target=key, details=value
            )
    return read_settings(database)


def _parse(key: str, value: str) -> str:
    """The value as it is stored, or the refusal that names the setting."""
    setting = next((s for s in SETTINGS if s.key == key), None)
    if setting is None:
        known = ", ".join(s.key for s in SETTINGS)
        raise InvalidInput(
            QT_TRANSLATE_NOOP("SettingsDialog", "unknown setting {key} (settings: {known})"),
            key=repr(key),
            known=known,
        )
    control = first_control(value)
    if control is not None:
        refused = BadSettingValue(
            SettingProblem.CONTROL_CHARACTER, position=control.position, character=control.code
        )
        raise SettingRefused(key, refused)
    try:
        return str(setting.parse(value))
    except BadSettingValue as refused:
        raise SettingRefused(key, refused) from None
