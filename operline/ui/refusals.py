"""The sentence the desk reads when its rules refuse an action, or a call field is wrong.

The services refuse with a code and values (``IncidentRefused.code``, ``FieldProblem.code``);
each code has an English source sentence here, translated by Qt, with the same ``{names}``
as the service's own English sentence (a test keeps them aligned).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.errors import OperlineError
from operline.incidents.events import IncidentChanged, IncidentRefused, Refusal
from operline.incidents.intake import CallRefused, FieldProblem, IntakeProblem
from operline.ui.messages import error_sentence

_CONTEXT = "Refusals"

REFUSAL_SENTENCES: dict[Refusal, str] = {
    Refusal.NOT_FOUND: str(QT_TRANSLATE_NOOP("Refusals", "There is no such incident.")),
    Refusal.WRONG_STAGE: str(
        QT_TRANSLATE_NOOP(
            "Refusals", "{reference} is at stage {status}: it cannot be {wanted} now."
        )
    ),
    Refusal.ALREADY_CLOSED: str(QT_TRANSLATE_NOOP("Refusals", "{reference} is closed.")),
    Refusal.PLACE_NEEDED: str(
        QT_TRANSLATE_NOOP("Refusals", "An orientation needs the place the person was oriented to.")
    ),
    Refusal.PLACE_UNKNOWN: str(
        QT_TRANSLATE_NOOP("Refusals", "This place does not exist or is no longer in use.")
    ),
    Refusal.PLACE_ONLY_FOR_ORIENTATION: str(
        QT_TRANSLATE_NOOP("Refusals", "Only an orientation names a place.")
    ),
    Refusal.TEAM_UNKNOWN: str(
        QT_TRANSLATE_NOOP("Refusals", "This team does not exist or is retired.")
    ),
    Refusal.TEAM_NOT_ON_DUTY: str(
        QT_TRANSLATE_NOOP("Refusals", "{team} is not on duty in this sector: give a short reason.")
    ),
    Refusal.SAME_TEAM: str(QT_TRANSLATE_NOOP("Refusals", "{team} already has this call.")),
    Refusal.REASON_NEEDED: str(
        QT_TRANSLATE_NOOP("Refusals", "Give the reason for handing the call to another team.")
    ),
    Refusal.IN_FUTURE: str(
        QT_TRANSLATE_NOOP("Refusals", "A time in the future cannot be recorded.")
    ),
    Refusal.BEFORE_PREVIOUS_STAGE: str(
        QT_TRANSLATE_NOOP("Refusals", "This time is before the previous stage ({previous}).")
    ),
    Refusal.BACKDATED_NEEDS_REASON: str(
        QT_TRANSLATE_NOOP("Refusals", "A time set back needs a reason.")
    ),
    Refusal.NOTE_EMPTY: str(QT_TRANSLATE_NOOP("Refusals", "The note is empty.")),
    Refusal.NOTE_TOO_LONG: str(
        QT_TRANSLATE_NOOP("Refusals", "A note holds at most {limit} characters.")
    ),
    Refusal.CALL_FORM: str(
        QT_TRANSLATE_NOOP("Refusals", "The call cannot be saved: correct the fields in red.")
    ),
    Refusal.FREE_PLACES: str(
        QT_TRANSLATE_NOOP("Refusals", "Free places go from 0 to the capacity ({capacity}).")
    ),
    Refusal.AFTER_NEXT_STAGE: str(
        QT_TRANSLATE_NOOP("Refusals", "This time is after the next stage ({next}).")
    ),
    Refusal.NO_STAGE_TIME: str(
        QT_TRANSLATE_NOOP(
            "Refusals", "{reference} has not reached this stage: there is no time to correct."
        )
    ),
    Refusal.CORRECTION_NEEDS_REASON: str(
        QT_TRANSLATE_NOOP("Refusals", "A correction needs a reason.")
    ),
    Refusal.NOTHING_CHANGED: str(
        QT_TRANSLATE_NOOP("Refusals", "The new value is the one already recorded.")
    ),
    Refusal.SECTOR_UNKNOWN: str(
        QT_TRANSLATE_NOOP("Refusals", "This sector does not exist or is retired.")
    ),
    Refusal.PERSONS_RANGE: str(QT_TRANSLATE_NOOP("Refusals", "Between 1 and 50 people.")),
    Refusal.TEXT_TOO_LONG: str(QT_TRANSLATE_NOOP("Refusals", "At most {limit} characters.")),
    Refusal.OUTCOME_NOT_CLOSED: str(
        QT_TRANSLATE_NOOP("Refusals", "{reference} is not closed: it has no outcome to correct.")
    ),
    Refusal.VALUE_INVALID: str(
        QT_TRANSLATE_NOOP("Refusals", "This value does not fit the field corrected.")
    ),
}

PROBLEM_SENTENCES: dict[IntakeProblem, str] = {
    IntakeProblem.REQUIRED: str(QT_TRANSLATE_NOOP("Refusals", "Required.")),
    IntakeProblem.IN_FUTURE: str(
        QT_TRANSLATE_NOOP("Refusals", "A call cannot be received in the future.")
    ),
    IntakeProblem.PHONE_INVALID: str(
        QT_TRANSLATE_NOOP("Refusals", "Not a phone number (e.g. 01 99 00 12 34).")
    ),
    IntakeProblem.SECTOR_UNKNOWN: str(
        QT_TRANSLATE_NOOP("Refusals", "This sector does not exist or is retired.")
    ),
    IntakeProblem.PERSONS_RANGE: str(QT_TRANSLATE_NOOP("Refusals", "Between 1 and 50 people.")),
    IntakeProblem.TOO_LONG: str(QT_TRANSLATE_NOOP("Refusals", "At most {limit} characters.")),
}

_CHANGED = str(
    QT_TRANSLATE_NOOP(
        "Refusals", "{reference} was changed at another desk meanwhile; check it and try again."
    )
)


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def refusal_sentence(refused: IncidentRefused) -> str:
    """The translated sentence of a refusal, with its values filled in."""
    template = _translate(REFUSAL_SENTENCES[refused.code])
    # The call form's refusal lists English problems; the fields in red say them better.
    values = {} if isinstance(refused, CallRefused) else refused.values
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        # A translation naming a value the service did not give must not hide the refusal.
        return str(refused)


def problem_sentence(problem: FieldProblem) -> str:
    """The translated sentence shown beside a field of the call form."""
    template = _translate(PROBLEM_SENTENCES[problem.code])
    try:
        return template.format(limit=problem.limit)
    except (KeyError, IndexError, ValueError):
        return problem.message


def action_problem(error: OperlineError) -> str:
    """One sentence for anything that stopped an action on an incident."""
    if isinstance(error, IncidentRefused):
        return refusal_sentence(error)
    if isinstance(error, IncidentChanged):
        return _translate(_CHANGED).format(reference=error.reference)
    return error_sentence(error)
