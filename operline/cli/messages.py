"""What the command line tells a person, in the language of ``operline.language``'s rule.

It reads the window's compiled catalogue with Qt's own reader (``operline.ui.catalogue``),
which needs no application object; QtCore loads only when a command speaks French.
Machine-readable output is printed as it is, never through here.
"""

from __future__ import annotations

import sys

from operline.language import translation_file
from operline.sentences import QT_TRANSLATE_NOOP, Sentence, Template, Translate, english

#: French typography puts a space before the colon: the catalogue says it.
_PROBLEM = QT_TRANSLATE_NOOP("CommandLine", "operline: {sentence}")

#: A file a command cannot read or write, and what the system said of it.
FILE_PROBLEM = QT_TRANSLATE_NOOP("CommandLine", "{path}: {reason}")

_translate: Translate = english


def speak(language: str) -> None:
    """Tell everything from now on in ``language`` (English when it has no catalogue)."""
    global _translate
    _translate = english if language == "en" else _catalogue(language)


def told(sentence: Sentence | Template) -> str:
    """A sentence (or a template without values) in the command line's language."""
    if isinstance(sentence, Template):
        sentence = sentence()
    return sentence.told(_translate)


def say(template: Template, /, **values: object) -> None:
    """Print a sentence for the person at the terminal on stdout."""
    print(told(template(**values)))


def warn(template: Template, /, **values: object) -> None:
    """Print a sentence on stderr (a problem found, not the output of the command)."""
    print(told(template(**values)), file=sys.stderr)


def complain(sentence: Sentence) -> None:
    """Print a problem on stderr, after the program's name."""
    print(told(_PROBLEM(sentence=sentence)), file=sys.stderr)


def _catalogue(language: str) -> Translate:
    data = translation_file(language)
    if data is None:
        return english
    from operline.ui.catalogue import catalogue_translate  # QtCore loads only here

    return catalogue_translate(data) or english
