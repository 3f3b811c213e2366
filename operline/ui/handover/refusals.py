"""The sentence the desk reads when a handover is refused, in the desk's language.

The refusals are declared in ``operline.handover``; they are translated like any error.
"""

from __future__ import annotations

from operline.errors import OperlineError
from operline.ui.messages import error_sentence


def handover_problem(error: OperlineError) -> str:
    """One translated sentence for what stopped a handover."""
    return error_sentence(error)
