"""Phone numbers: French formats accepted, stored in E.164 (+33…)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers

from operline.sentences import QT_TRANSLATE_NOOP, Template


class PhoneProblem(ValueError):
    """Text that is no phone number, and why, as a sentence to translate."""

    def __init__(self, template: Template, /, **values: object) -> None:
        self.sentence = template(**values)
        super().__init__(str(self.sentence))


def normalise_phone(text: str) -> str:
    """The E.164 form of a phone number typed the French way or internationally.

    Raises PhoneProblem (a ValueError) with a short reason when it is not a valid number.
    """
    try:
        number = phonenumbers.parse(text, "FR")
    except phonenumbers.NumberParseException:
        raise PhoneProblem(
            QT_TRANSLATE_NOOP("PhoneMessages", "{text} is not a phone number"), text=repr(text)
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise PhoneProblem(
            QT_TRANSLATE_NOOP("PhoneMessages", "{text} is not a valid phone number"),
            text=repr(text),
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# The desk shows the same few numbers again and again (each red call under the cursor
# lists its sector's teams): parsing one costs a quarter of a millisecond.
@lru_cache(maxsize=4096)
def format_phone(e164: str) -> str:
    """A stored number as the desk reads it: 01 99 00 12 34, or international abroad."""
    number = phonenumbers.parse(e164, None)
    if number.country_code == 33:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
