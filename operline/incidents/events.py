"""The kinds of line an incident's timeline holds, and why an action can be refused."""

from __future__ import annotations

from enum import StrEnum

from operline.errors import OperlineError


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


#: The English sentence of each refusal; the window shows its own translation.
REFUSALS: dict[Refusal, str] = {
    Refusal.NOT_FOUND: "There is no such incident.",
    Refusal.WRONG_STAGE: "{reference} is at stage {status}: it cannot be {wanted} now.",
    Refusal.ALREADY_CLOSED: "{reference} is closed.",
    Refusal.PLACE_NEEDED: "An orientation needs the place the person was oriented to.",
    Refusal.PLACE_UNKNOWN: "This place does not exist or is no longer in use.",
    Refusal.PLACE_ONLY_FOR_ORIENTATION: "Only an orientation names a place.",
    Refusal.TEAM_UNKNOWN: "This team does not exist or is retired.",
    Refusal.TEAM_NOT_ON_DUTY: "{team} is not on duty in this sector: give a short reason.",
    Refusal.SAME_TEAM: "{team} already has this call.",
    Refusal.REASON_NEEDED: "Give the reason for handing the call to another team.",
    Refusal.IN_FUTURE: "A time in the future cannot be recorded.",
    Refusal.BEFORE_PREVIOUS_STAGE: "This time is before the previous stage ({previous}).",
    Refusal.BACKDATED_NEEDS_REASON: "A time set back needs a reason.",
    Refusal.NOTE_EMPTY: "The note is empty.",
    Refusal.NOTE_TOO_LONG: "A note holds at most {limit} characters.",
    Refusal.CALL_FORM: "The call cannot be saved: {problems}.",
    Refusal.FREE_PLACES: "Free places go from 0 to the capacity ({capacity}).",
}


class IncidentRefused(OperlineError):
    """An action the desk's rules do not allow; nothing was written."""

    exit_code = 2

    def __init__(self, code: Refusal, **values: object) -> None:
        self.code = code
        self.values = {name: str(value) for name, value in values.items()}
        super().__init__(REFUSALS[code].format(**self.values))


class IncidentChanged(OperlineError):
    """Another desk changed the incident since it was read; reload and try again."""

    def __init__(self, reference: str) -> None:
        self.reference = reference
        super().__init__(
            f"{reference} was changed at another desk meanwhile; check it and try again."
        )
