"""What the roster editor finds wrong, or worth a second look, in what a supervisor typed.

Each problem names the form field it belongs to and carries a stable code with the values
of its sentence, so the window can show it translated beside that field; ``message`` is
the English sentence, for logs and the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import phonenumbers
from sqlalchemy import String
from sqlalchemy.orm import Session

from operline.actors import Actor
from operline.audit import AuditAction, write_audit
from operline.db.models import Base, Facility, Sector, Team
from operline.errors import InvalidInput
from operline.names import fold_name
from operline.phones import normalise_phone
from operline.text_input import first_control


class Problem(StrEnum):
    """Why a field cannot be saved (errors) or deserves a look (warnings)."""

    REQUIRED = "required"
    TOO_LONG = "too_long"
    CONTROL_CHARACTER = "control_character"
    NAME_TAKEN = "name_taken"
    NAME_TAKEN_RETIRED = "name_taken_retired"
    PHONE_INVALID = "phone_invalid"
    CAPACITY_NEGATIVE = "capacity_negative"
    TEAM_UNKNOWN = "team_unknown"
    TEAM_RETIRED = "team_retired"
    SECTOR_UNKNOWN = "sector_unknown"
    SECTOR_RETIRED = "sector_retired"
    SECTORS_MISSING = "sectors_missing"
    DAYS_MISSING = "days_missing"
    TIER_INVALID = "tier_invalid"
    UNTIL_BEFORE_FROM = "until_before_from"
    ENDS_BEFORE_START = "ends_before_start"
    ENDS_IN_PAST = "ends_in_past"
    KIND_INVALID = "kind_invalid"
    REPLACEMENT_MISSING = "replacement_missing"
    REPLACEMENT_SELF = "replacement_self"
    GONE = "gone"
    # Warnings: saving is allowed, the supervisor should know.
    NO_PHONE = "no_phone"
    TEAM_NO_PHONE = "team_no_phone"
    SAME_TEAM_OVERLAP = "same_team_overlap"
    FIRST_CALL_OVERLAP = "first_call_overlap"


#: The English sentence of each problem; ``{name}``-style fields come from its values.
MESSAGES: dict[Problem, str] = {
    Problem.REQUIRED: "Required.",
    Problem.TOO_LONG: "At most {limit} characters.",
    Problem.CONTROL_CHARACTER: (
        "Character {position} is an invisible control character ({character}): remove it."
    ),
    Problem.NAME_TAKEN: "{name} already exists.",
    Problem.NAME_TAKEN_RETIRED: "{name} already exists, retired: bring it back instead.",
    Problem.PHONE_INVALID: "Not a phone number (e.g. 01 99 00 12 34 or +33 1 99 00 12 34).",
    Problem.CAPACITY_NEGATIVE: "A number of places cannot be negative.",
    Problem.TEAM_UNKNOWN: "This team does not exist.",
    Problem.TEAM_RETIRED: "{name} is retired.",
    Problem.SECTOR_UNKNOWN: "A chosen sector does not exist.",
    Problem.SECTOR_RETIRED: "{name} is retired.",
    Problem.SECTORS_MISSING: "Choose at least one sector, or every sector.",
    Problem.DAYS_MISSING: "Choose at least one day.",
    Problem.TIER_INVALID: "The tier is 1 (called first) or 2 (backup).",
    Problem.UNTIL_BEFORE_FROM: "Ends before it starts ({start}).",
    Problem.ENDS_BEFORE_START: "Ends before it starts.",
    Problem.ENDS_IN_PAST: "Already over.",
    Problem.KIND_INVALID: "Choose what changes: off, replaced or added.",
    Problem.REPLACEMENT_MISSING: "Choose the team that takes over.",
    Problem.REPLACEMENT_SELF: "A team cannot replace itself.",
    Problem.GONE: "Someone else removed this entry; nothing was saved.",
    Problem.NO_PHONE: "Without a duty phone the desk cannot call this team.",
    Problem.TEAM_NO_PHONE: "{name} has no duty phone: the desk cannot call it.",
    Problem.SAME_TEAM_OVERLAP: "This team already works then: {days} {start}–{end} in {sectors}.",
    Problem.FIRST_CALL_OVERLAP: (
        "{team} is also called first then: {days} {start}–{end} in {sectors}."
    ),
}


@dataclass(frozen=True)
class FieldProblem:
    """A problem of one form field; ``field`` is the draft attribute it is about."""

    field: str
    message: str
    code: Problem
    #: The values the sentence was filled with, as (name, text) pairs.
    values: tuple[tuple[str, str], ...] = ()


def field_problem(field: str, code: Problem, **values: object) -> FieldProblem:
    texts = {name: str(value) for name, value in values.items()}
    return FieldProblem(field, MESSAGES[code].format(**texts), code, tuple(texts.items()))


@dataclass(frozen=True)
class Check:
    """What checking a draft found: errors block saving, warnings do not."""

    errors: tuple[FieldProblem, ...] = ()
    warnings: tuple[FieldProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


class RosterEditRefused(InvalidInput):
    """A change refused because of problems in its fields; nothing was written."""

    def __init__(self, errors: Iterable[FieldProblem]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.errors))


def refuse_on_errors(check: Check) -> None:
    """Raise ``RosterEditRefused`` when the check found errors."""
    if check.errors:
        raise RosterEditRefused(check.errors)


def text_limit(model: type[Base], column: str) -> int:
    """How many characters a text column of a table holds."""
    column_type = model.__table__.c[column].type
    assert isinstance(column_type, String)
    assert column_type.length is not None
    return column_type.length


def control_problem(field: str, text: str) -> FieldProblem | None:
    """The first control character of a text (tab and line breaks are text), if any."""
    control = first_control(text)
    if control is None:
        return None
    return field_problem(
        field, Problem.CONTROL_CHARACTER, position=control.position, character=control.code
    )


def text_problems(field: str, text: str, *, limit: int, required: bool) -> list[FieldProblem]:
    """A control character, an empty required text, or one longer than its column allows."""
    if (control := control_problem(field, text)) is not None:
        return [control]
    stripped = text.strip()
    if required and not stripped:
        return [field_problem(field, Problem.REQUIRED)]
    if len(stripped) > limit:
        return [field_problem(field, Problem.TOO_LONG, limit=limit)]
    return []


def name_problems(
    field: str,
    name: str,
    existing: Iterable[tuple[int, str, bool]],
    *,
    own_id: int | None,
    limit: int,
) -> list[FieldProblem]:
    """Text problems, then a clash with another entry ignoring case and accents.

    ``existing`` holds (id, name, active) of every entry, retired ones included: the
    table refuses two equal names, and "Éole" next to "eole" would confuse the desk.
    """
    problems = text_problems(field, name, limit=limit, required=True)
    if problems:
        return problems
    key = fold_name(name)
    for entry_id, other, active in existing:
        if entry_id != own_id and fold_name(other) == key:
            code = Problem.NAME_TAKEN if active else Problem.NAME_TAKEN_RETIRED
            return [field_problem(field, code, name=other)]
    return []


def read_phone(
    field: str, text: str, *, stored: str | None
) -> tuple[str | None, list[FieldProblem]]:
    """The E.164 number a typed phone means (None when empty), or why it is refused.

    A number already saved is kept as it is when the text still reads as it: some
    numbers came in before this check (the fiction ranges of the demo, for one), and
    editing a team's name must not force a new phone.
    """
    if (control := control_problem(field, text)) is not None:
        return None, [control]
    stripped = text.strip()
    if not stripped:
        return None, []
    try:
        return normalise_phone(stripped), []
    except ValueError:
        if stored is not None and _loose_e164(stripped) == stored:
            return stored, []
        return None, [field_problem(field, Problem.PHONE_INVALID)]


def _loose_e164(text: str) -> str | None:
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def describe_changes(before: Mapping[str, object], after: Mapping[str, object]) -> str:
    """``name: 'A' → 'B'; phone: None → '+331…'`` for the fields that changed."""
    return "; ".join(
        f"{field}: {before[field]!r} → {after[field]!r}"
        for field in after
        if before.get(field) != after[field]
    )


def describe_values(values: Mapping[str, object]) -> str:
    """``name: 'A'; phone: None`` for an entry as it was created or removed."""
    return "; ".join(f"{field}: {value!r}" for field, value in values.items())


#: The audit action of retiring, then of bringing back, each kind of entry.
_RETIRE_RESTORE: dict[type[Base], tuple[AuditAction, AuditAction]] = {
    Sector: (AuditAction.SECTOR_RETIRE, AuditAction.SECTOR_RESTORE),
    Team: (AuditAction.TEAM_RETIRE, AuditAction.TEAM_RESTORE),
    Facility: (AuditAction.FACILITY_RETIRE, AuditAction.FACILITY_RESTORE),
}


def set_active(
    session: Session,
    row: Sector | Team | Facility,
    active: bool,
    *,
    kind: str,
    actor: Actor,
    now: datetime,
) -> None:
    """Retire a row or bring it back, with its audit line; nothing when it already is."""
    if row.active == active:
        return
    row.active = active
    retire, restore = _RETIRE_RESTORE[type(row)]
    write_audit(
        session,
        actor,
        restore if active else retire,
        now=now,
        target=f"{kind} {row.id}",
        details=f"name: {row.name!r}",
    )
