"""The fingerprint of a call of the earlier log: the same call read twice has the same one.

It is taken over the values as read (instants in UTC, names as ids, text trimmed), not over
the file's bytes: the same log saved again in another encoding, with another separator or
its columns in another order is still the same calls.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime

_SEPARATOR = "\x1f"  # a control character, which no value read may hold


def call_fingerprint(values: Sequence[object]) -> str:
    """The SHA-256, in hexadecimal, of the values in their order."""
    text = _SEPARATOR.join(_canonical(value) for value in values)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _canonical(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
