"""Which language Operline speaks: one rule for the window and the command line.

``--lang`` when given; else the locale the environment names (``LC_ALL``, then
``LC_MESSAGES``, then ``LANG``: the first one set decides, as in POSIX); else what the
caller found of the system (the window asks Qt, which knows Windows' and macOS' settings);
else English. The compiled translations ship inside the package.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib.resources import files

from operline.errors import InvalidInput
from operline.sentences import QT_TRANSLATE_NOOP

LANGUAGES = ("fr", "en")
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def choose_language(
    forced: str | None,
    *,
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
) -> str:
    """The language asked for, else French on a French locale, else English."""
    if forced is not None:
        if forced not in LANGUAGES:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("Language", "Unknown language {forced}: choose one of {known}."),
                forced=repr(forced),
                known=", ".join(LANGUAGES),
            )
        return forced
    variables = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = variables.get(name, "").strip()
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return system if system in LANGUAGES else "en"


def translation_file(language: str) -> bytes | None:
    """The compiled translation of Operline for a language, if it has one."""
    # One name per step: a frozen build's resources (Python 3.11's MultiplexedPath) take
    # no more.
    resource = files("operline.resources") / "translations" / f"operline_{language}.qm"
    return resource.read_bytes() if resource.is_file() else None
