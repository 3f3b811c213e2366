"""What in a call's notes looks like it identifies the person: a name, a date of birth, a phone.

The desk records what coordination needs, not who the person is. The notes are free text,
so before a call is saved they are read for the three things that most often slip in:
a name after a civility (« M. Dupont », « Mme Martin », « Mlle … »), a date of birth
(« né le 12/03/1985 », « DDN 3 mars 1990 », or a full date years back), and a phone
number (read by phonenumbers, the French way or international). The check is a guess,
so the operator is asked to remove what it found, not forced to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import phonenumbers

from operline.sentences import QT_TRANSLATE_NOOP, Template


class Identifying(StrEnum):
    """What a piece of the notes looks like."""

    NAME = "name"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"


#: How the form and its prompt name each kind, before the text found.
KIND_SENTENCES: dict[Identifying, Template] = {
    Identifying.NAME: QT_TRANSLATE_NOOP("NotesCheck", "a name ({text})"),
    Identifying.BIRTH_DATE: QT_TRANSLATE_NOOP("NotesCheck", "a date of birth ({text})"),
    Identifying.PHONE: QT_TRANSLATE_NOOP("NotesCheck", "a phone number ({text})"),
}

#: A full date this many years back or more reads as a date of birth, not an event.
BIRTH_YEARS_BACK = 10


@dataclass(frozen=True)
class Flagged:
    """A piece of the notes that looks identifying: what, where (``start``:``end``), the text."""

    kind: Identifying
    start: int
    end: int
    text: str


_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|janv|févr|fevr|avr|juil|sept|oct|nov|déc|dec"
)
_DATE = (
    r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})"
    rf"|(?:1er|\d{{1,2}})\s+(?:{_MONTHS})\.?\s+\d{{4}}"
    r"|\d{4})"
)
# A capitalised word (and a second one, « M. Jean Dupont »), or a word in capitals.
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’\-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’\-]+)?"
_CIVILITY = re.compile(
    rf"(?<![\w.])(?:M\.|Mr\.?|Mme|Mlle|Mrs?|Monsieur|Madame|Mademoiselle)\s+(?P<name>{_NAME})"
)
_BORN = re.compile(
    rf"(?<!\w)(?:n[ée]e?s?\s+(?:le|en)|DDN\s*:?|date\s+de\s+naissance\s*:?)\s*(?P<date>{_DATE})",
    re.IGNORECASE,
)
# Written in words, a date years back is as often a street's (« rue du 8 mai 1945 »).
_FULL_DATE = re.compile(r"(?<![\w/.\-])(?P<date>\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})(?![\w/])")
_YEAR = re.compile(r"\d{4}")


def identifying_text(notes: str, *, today: date) -> tuple[Flagged, ...]:
    """What in ``notes`` looks like a name, a date of birth or a phone, in reading order.

    ``today`` tells a date of birth (years back) from the date of an event this week.
    """
    found: list[Flagged] = []
    for match in _CIVILITY.finditer(notes):
        found.append(Flagged(Identifying.NAME, match.start(), match.end(), match.group(0)))
    for match in _BORN.finditer(notes):
        found.append(Flagged(Identifying.BIRTH_DATE, match.start(), match.end(), match.group(0)))
    for match in _FULL_DATE.finditer(notes):
        year = int(_YEAR.findall(match.group("date"))[-1])
        if year <= today.year - BIRTH_YEARS_BACK:
            found.append(
                Flagged(Identifying.BIRTH_DATE, match.start(), match.end(), match.group(0))
            )
    for number in phonenumbers.PhoneNumberMatcher(notes, "FR"):
        found.append(Flagged(Identifying.PHONE, number.start, number.end, number.raw_string))
    return _without_overlaps(found)


def _without_overlaps(found: list[Flagged]) -> tuple[Flagged, ...]:
    """Each stretch of text once: of two findings that overlap, the longer one."""
    kept: list[Flagged] = []
    for flagged in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and flagged.start < kept[-1].end:
            continue
        kept.append(flagged)
    return tuple(kept)
