"""Names as the desk types them: case and accents never matter ("eole" finds "Éole")."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def fold_name(name: str) -> str:
    """The form two names are compared in: no accents, no case, single spaces."""
    bare = unicodedata.normalize("NFKD", name)
    without_accents = "".join(c for c in bare if not unicodedata.combining(c))
    return " ".join(without_accents.casefold().split())


def find_by_name(wanted: str, candidates: Iterable[tuple[str, T]]) -> T | None:
    """The candidate whose name matches ``wanted`` ignoring case and accents, if any."""
    key = fold_name(wanted)
    for name, value in candidates:
        if fold_name(name) == key:
            return value
    return None
