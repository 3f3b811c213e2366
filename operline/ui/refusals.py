"""The sentence the desk reads when its rules refuse an action, or a call field is wrong.

The services declare their refusals (``operline.incidents.events``) and the window
translates them like any error; the call form's field problems have their sentences here,
with the same ``{names}`` as the service's (a test keeps them aligned).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.errors import OperlineError
from operline.incidents.events import IncidentRefused
from operline.incidents.intake import CallRefused, FieldProblem, IntakeProblem
from operline.ui.messages import error_sentence

_CONTEXT = "Refusals"

#: The call form's refusal: the fields in red say the problems, one by one, better than
#: the service's English list of them.
_CALL_FORM = str(
    QT_TRANSLATE_NOOP("Refusals", "The call cannot be saved: correct the fields in red.")
)

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
    IntakeProblem.CONTROL_CHARACTER: str(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "Character {position} is an invisible control character ({character}): remove it.",
        )
    ),
}


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def refusal_sentence(refused: IncidentRefused) -> str:
    """The translated sentence of a refusal (declared in ``operline.incidents.events``)."""
    if isinstance(refused, CallRefused):
        return _translate(_CALL_FORM)
    return error_sentence(refused)


def problem_sentence(problem: FieldProblem) -> str:
    """The translated sentence shown beside a field of the call form."""
    template = _translate(PROBLEM_SENTENCES[problem.code])
    try:
        return template.format(
            limit=problem.limit, position=problem.position, character=problem.character
        )
    except (KeyError, IndexError, ValueError):
        return problem.message


def action_problem(error: OperlineError) -> str:
    """One sentence for anything that stopped an action on an incident."""
    if isinstance(error, IncidentRefused):
        return refusal_sentence(error)
    return error_sentence(error)
