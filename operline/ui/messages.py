"""Problems told to the user as one translated sentence.

Each error carries its sentence, declared for translation where it is raised (see
``operline.sentences``); the window translates it through the application's translators,
the same catalogue the command line reads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from operline.errors import OperlineError
from operline.sentences import Sentence


def translated(sentence: Sentence) -> str:
    """A sentence in the window's language, its values filled in."""
    return sentence.told(QCoreApplication.translate)


def error_sentence(error: OperlineError) -> str:
    """One sentence for any problem the user can act on."""
    return translated(error.sentence)
