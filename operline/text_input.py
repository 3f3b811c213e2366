"""Text as it may enter Operline: no control characters but tab and line breaks.

A NUL, an escape or a bell pasted into a field would reach the database (PostgreSQL refuses
a NUL outright) or a file; every entry point of free text asks ``first_control`` first.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

#: Control characters text may hold: tab and the line breaks.
_ALLOWED = frozenset("\t\n\r")
#: Line and paragraph separators: invisible, and line breaks no file or terminal agrees on.
_SEPARATORS = frozenset("\u2028\u2029")


@dataclass(frozen=True)
class ControlCharacter:
    """The first forbidden character of a text: where (from 1) and which (``U+0000``)."""

    position: int
    code: str


def first_control(text: str) -> ControlCharacter | None:
    """The first control character of ``text`` other than tab and line breaks, if any."""
    for index, character in enumerate(text):
        if character in _ALLOWED:
            continue
        if character in _SEPARATORS or unicodedata.category(character) == "Cc":
            return ControlCharacter(index + 1, f"U+{ord(character):04X}")
    return None
