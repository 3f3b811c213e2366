"""What leaves the desk carries no phone number, even one typed into a free-text field.

The files have no notes, callback numbers or operator names to begin with; the free text
they do carry (the place, the calling service) may still hold a number an operator typed
there, so any run of digits that reads as a phone number is replaced by a mark. The rule
leans towards masking: a run of nine digits or more, with the usual separators between
them, is masked whether or not it is a valid number, and so is any number the phone
library finds (international forms included).
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

#: What a masked number reads as.
MASK = "[numéro masqué]"

#: Nine digits or more, with at most two separators (space, dot, dash, slash, brackets)
#: between two digits and an optional international prefix: 06 12 34 56 78, +33 6…
_DIGIT_RUN = re.compile(r"(?:\+|\b00)?\d(?:[ \t.\-/()]{0,2}\d){8,}")


@lru_cache(maxsize=16384)
def mask_phones(text: str) -> str:
    """The text with every phone number in it replaced by ``MASK``.

    Remembered: a week's places and calling services are a few hundred texts typed again
    and again, and the phone library is slow.
    """
    if not any(character.isdigit() for character in text):
        return text
    pieces = []
    last = 0
    for match in phonenumbers.PhoneNumberMatcher(
        text, "FR", leniency=phonenumbers.Leniency.POSSIBLE
    ):
        pieces += [text[last : match.start], MASK]
        last = match.end
    pieces.append(text[last:])
    return _DIGIT_RUN.sub(MASK, "".join(pieces))
