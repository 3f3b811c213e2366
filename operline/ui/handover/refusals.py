"""The sentence the desk reads when a handover is refused, in the desk's language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.errors import OperlineError
from operline.handover import HandoverProblem, HandoverRefused
from operline.ui.messages import error_sentence

#: The translated sources of ``operline.handover``'s refusals (a test keeps them equal).
HANDOVER_REFUSALS: dict[HandoverProblem, str] = {
    HandoverProblem.NOTE_TOO_LONG: str(
        QT_TRANSLATE_NOOP("HandoverDialog", "A handover note holds at most {limit} characters.")
    ),
    HandoverProblem.TO_ONESELF: str(
        QT_TRANSLATE_NOOP(
            "HandoverDialog",
            "{name} cannot hand over to themselves: the next operator signs in.",
        )
    ),
    HandoverProblem.NOT_AT_DESK: str(
        QT_TRANSLATE_NOOP(
            "HandoverDialog", "This person does not exist or no longer works at the desk."
        )
    ),
}


def handover_problem(error: OperlineError) -> str:
    """One translated sentence for what stopped a handover."""
    if not isinstance(error, HandoverRefused):
        return error_sentence(error)
    template = QCoreApplication.translate("HandoverDialog", HANDOVER_REFUSALS[error.problem])
    try:
        return template.format(**error.values)
    except (KeyError, IndexError, ValueError):
        return str(error)
