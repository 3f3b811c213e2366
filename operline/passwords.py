"""Passwords: the policy a new one must meet, and its Argon2id hash, never the password.

Hashes are argon2-cffi's Argon2id with its current default parameters (RFC 9106's low
memory profile); a hash made with weaker parameters than today's is redone at the next good
sign-in. The policy follows the CNIL's and NIST's current advice: a long password, none of
the most common ones, and no forced periodic change.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from operline.codes import OperatorRole
from operline.errors import InvalidInput
from operline.sentences import QT_TRANSLATE_NOOP

#: The shortest password each role may choose: those who change the roster, the log or
#: the people hold more and are worth more to an intruder.
MINIMUM_LENGTH: dict[OperatorRole, int] = {
    OperatorRole.OPERATOR: 12,
    OperatorRole.SUPERVISOR: 16,
    OperatorRole.ADMINISTRATOR: 16,
}
#: Argon2 hashes any length; this only keeps a pasted book from tying up a desk.
MAXIMUM_LENGTH = 256

_HASHER = PasswordHasher()
#: What may follow a common password and still leave it common: "password1234!".
_TRAILING = "0123456789!?.,;:-_*#@$%&+= "


class PasswordRefused(InvalidInput):
    """A new password the policy refuses; the sentence says which rule."""


def check_password(password: str, role: OperatorRole) -> None:
    """Raise ``PasswordRefused`` unless ``password`` meets the policy of ``role``."""
    shortest = MINIMUM_LENGTH[role]
    if len(password) < shortest:
        raise PasswordRefused(
            QT_TRANSLATE_NOOP(
                "PasswordMessages",
                "The password holds {length} characters: {role_label} choose at least {shortest}.",
            ),
            length=len(password),
            role_label=_ROLE_PLURAL[role],
            shortest=shortest,
        )
    if len(password) > MAXIMUM_LENGTH:
        raise PasswordRefused(
            QT_TRANSLATE_NOOP(
                "PasswordMessages", "The password holds more than {longest} characters."
            ),
            longest=MAXIMUM_LENGTH,
        )
    if is_common(password):
        raise PasswordRefused(
            QT_TRANSLATE_NOOP(
                "PasswordMessages",
                "This password is among the most common ones, the first an intruder tries: "
                "choose another (a few unrelated words make a good one).",
            )
        )


def is_common(password: str) -> bool:
    """Whether ``password`` is a common one, alone, with digits or signs after, or repeated."""
    folded = password.casefold()
    common = common_passwords()
    stem = folded.rstrip(_TRAILING)
    if folded in common or stem in common:
        return True
    # "aaaaaaaaaaaa", "abcabcabcabc", "iloveyouiloveyou": a short or common run repeated.
    return any(
        len(folded) % size == 0
        and folded == folded[:size] * (len(folded) // size)
        and (size <= 4 or folded[:size] in common)
        for size in range(1, len(folded) // 2 + 1)
    )


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list of common passwords (see the header of the file for its source)."""
    text = files("operline.resources").joinpath("common-passwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def hash_password(password: str) -> str:
    """The Argon2id hash to store (its parameters and salt are inside it)."""
    return _HASHER.hash(password)


def password_matches(stored: str | None, password: str) -> bool:
    """Whether ``password`` is the one ``stored`` hashes; a missing hash takes as long."""
    try:
        return _HASHER.verify(stored or _unknown_login_hash(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@cache
def _unknown_login_hash() -> str:
    """Checked against when a login is unknown, so its answer takes as long as a real check.

    Made when first needed, not at import: every command would pay for one hash.
    """
    return _HASHER.hash("operline: no such login, the same time spent")


def needs_rehash(stored: str) -> bool:
    """Whether ``stored`` was made with weaker parameters than the current ones."""
    try:
        return _HASHER.check_needs_rehash(stored)
    except InvalidHashError:
        return True


_ROLE_PLURAL = {
    OperatorRole.OPERATOR: QT_TRANSLATE_NOOP("PasswordMessages", "operators"),
    OperatorRole.SUPERVISOR: QT_TRANSLATE_NOOP("PasswordMessages", "supervisors"),
    OperatorRole.ADMINISTRATOR: QT_TRANSLATE_NOOP("PasswordMessages", "administrators"),
}
