"""The kinds of line an incident's timeline holds, and why an action can be refused."""

from __future__ import annotations

from enum import StrEnum

from operline.errors import OperlineError
from operline.sentences import QT_TRANSLATE_NOOP, Template
from operline.text_input import first_control


class EventKind(StrEnum):
    """What an ``incident_event`` row records; ``field`` names the column that changed."""

    CREATED = "created"
    STAGE = "stage"
    ASSIGNED = "assigned"
    REASSIGNED = "reassigned"
    CLOSED = "closed"
    UPDATED = "updated"
    NOTE = "note"
    LINKED_CALL = "linked_call"
    #: The last step recorded was undone: ``field`` changed back from old to new value.
    UNDO = "undo"
    #: A supervisor corrected ``field`` in the day log, with a reason.
    CORRECTED = "corrected"
    #: The same, on a day already signed off: the day log flags it.
    CORRECTED_AFTER_SIGN_OFF = "corrected_after_sign_off"
    #: The call came from the log kept before Operline: ``new_value`` names the file, and
    #: the line stands at the instant of the import, after the call's historical lines.
    IMPORTED = "imported"
    #: A write refused because another desk changed the call first: ``field``, the value
    #: then current (``old_value``) and the value tried (``new_value``), in its author's name.
    CONFLICT = "conflict"


#: The kinds of a correction line, flagged or not.
CORRECTIONS = frozenset({EventKind.CORRECTED, EventKind.CORRECTED_AFTER_SIGN_OFF})


class Refusal(StrEnum):
    """Why the desk's rules refuse an action on an incident."""

    NOT_FOUND = "not_found"
    WRONG_STAGE = "wrong_stage"
    ALREADY_CLOSED = "already_closed"
    PLACE_NEEDED = "place_needed"
    PLACE_UNKNOWN = "place_unknown"
    PLACE_ONLY_FOR_ORIENTATION = "place_only_for_orientation"
    TEAM_UNKNOWN = "team_unknown"
    TEAM_NOT_ON_DUTY = "team_not_on_duty"
    SAME_TEAM = "same_team"
    REASON_NEEDED = "reason_needed"
    IN_FUTURE = "in_future"
    BEFORE_PREVIOUS_STAGE = "before_previous_stage"
    BACKDATED_NEEDS_REASON = "backdated_needs_reason"
    NOTE_EMPTY = "note_empty"
    NOTE_TOO_LONG = "note_too_long"
    CALL_FORM = "call_form"
    FREE_PLACES = "free_places"
    AFTER_NEXT_STAGE = "after_next_stage"
    NO_STAGE_TIME = "no_stage_time"
    CORRECTION_NEEDS_REASON = "correction_needs_reason"
    NOTHING_CHANGED = "nothing_changed"
    SECTOR_UNKNOWN = "sector_unknown"
    PERSONS_RANGE = "persons_range"
    TEXT_TOO_LONG = "text_too_long"
    OUTCOME_NOT_CLOSED = "outcome_not_closed"
    VALUE_INVALID = "value_invalid"
    NOTE_CONTROL_CHARACTER = "note_control_character"
    REASON_CONTROL_CHARACTER = "reason_control_character"
    TEXT_CONTROL_CHARACTER = "text_control_character"


#: The sentence of each refusal, as the window and the logs tell it.
REFUSALS: dict[Refusal, Template] = {
    Refusal.NOT_FOUND: QT_TRANSLATE_NOOP("Refusals", "There is no such incident."),
    Refusal.WRONG_STAGE: QT_TRANSLATE_NOOP(
        "Refusals", "{reference} is at stage {status}: it cannot be {wanted} now."
    ),
    Refusal.ALREADY_CLOSED: QT_TRANSLATE_NOOP("Refusals", "{reference} is closed."),
    Refusal.PLACE_NEEDED: QT_TRANSLATE_NOOP(
        "Refusals", "An orientation needs the place the person was oriented to."
    ),
    Refusal.PLACE_UNKNOWN: QT_TRANSLATE_NOOP(
        "Refusals", "This place does not exist or is no longer in use."
    ),
    Refusal.PLACE_ONLY_FOR_ORIENTATION: QT_TRANSLATE_NOOP(
        "Refusals", "Only an orientation names a place."
    ),
    Refusal.TEAM_UNKNOWN: QT_TRANSLATE_NOOP("Refusals", "This team does not exist or is retired."),
    Refusal.TEAM_NOT_ON_DUTY: QT_TRANSLATE_NOOP(
        "Refusals", "{team} is not on duty in this sector: give a short reason."
    ),
    Refusal.SAME_TEAM: QT_TRANSLATE_NOOP("Refusals", "{team} already has this call."),
    Refusal.REASON_NEEDED: QT_TRANSLATE_NOOP(
        "Refusals", "Give the reason for handing the call to another team."
    ),
    Refusal.IN_FUTURE: QT_TRANSLATE_NOOP("Refusals", "A time in the future cannot be recorded."),
    Refusal.BEFORE_PREVIOUS_STAGE: QT_TRANSLATE_NOOP(
        "Refusals", "This time is before the previous stage ({previous})."
    ),
    Refusal.BACKDATED_NEEDS_REASON: QT_TRANSLATE_NOOP(
        "Refusals", "A time set back needs a reason."
    ),
    Refusal.NOTE_EMPTY: QT_TRANSLATE_NOOP("Refusals", "The note is empty."),
    Refusal.NOTE_TOO_LONG: QT_TRANSLATE_NOOP(
        "Refusals", "A note holds at most {limit} characters."
    ),
    Refusal.CALL_FORM: QT_TRANSLATE_NOOP("Refusals", "The call cannot be saved: {problems}."),
    Refusal.FREE_PLACES: QT_TRANSLATE_NOOP(
        "Refusals", "Free places go from 0 to the capacity ({capacity})."
    ),
    Refusal.AFTER_NEXT_STAGE: QT_TRANSLATE_NOOP(
        "Refusals", "This time is after the next stage ({next})."
    ),
    Refusal.NO_STAGE_TIME: QT_TRANSLATE_NOOP(
        "Refusals", "{reference} has not reached this stage: there is no time to correct."
    ),
    Refusal.CORRECTION_NEEDS_REASON: QT_TRANSLATE_NOOP("Refusals", "A correction needs a reason."),
    Refusal.NOTHING_CHANGED: QT_TRANSLATE_NOOP(
        "Refusals", "The new value is the one already recorded."
    ),
    Refusal.SECTOR_UNKNOWN: QT_TRANSLATE_NOOP(
        "Refusals", "This sector does not exist or is retired."
    ),
    Refusal.PERSONS_RANGE: QT_TRANSLATE_NOOP("Refusals", "Between 1 and 50 people."),
    Refusal.TEXT_TOO_LONG: QT_TRANSLATE_NOOP("Refusals", "At most {limit} characters."),
    Refusal.OUTCOME_NOT_CLOSED: QT_TRANSLATE_NOOP(
        "Refusals", "{reference} is not closed: it has no outcome to correct."
    ),
    Refusal.VALUE_INVALID: QT_TRANSLATE_NOOP(
        "Refusals", "This value does not fit the field corrected."
    ),
    Refusal.NOTE_CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "Refusals",
        "Character {position} of the note is an invisible control character ({character}): "
        "remove it.",
    ),
    Refusal.REASON_CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "Refusals",
        "Character {position} of the reason is an invisible control character ({character}): "
        "remove it.",
    ),
    Refusal.TEXT_CONTROL_CHARACTER: QT_TRANSLATE_NOOP(
        "Refusals",
        "Character {position} of the new value is an invisible control character "
        "({character}): remove it.",
    ),
}


def refuse_control_characters(text: str, refusal: Refusal) -> None:
    """Refuse ``text`` when it holds a control character other than tab and line breaks."""
    control = first_control(text)
    if control is not None:
        raise IncidentRefused(refusal, position=control.position, character=control.code)


class IncidentRefused(OperlineError):
    """An action the desk's rules do not allow; nothing was written."""

    exit_code = 2

    def __init__(self, code: Refusal, **values: object) -> None:
        self.code = code
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(REFUSALS[code], **self.values)


class IncidentChanged(OperlineError):
    """Another desk changed the incident since it was read; reload and try again."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Refusals",
                "{reference} was changed at another desk meanwhile; check it and try again.",
            ),
            reference=reference,
        )
