"""The sentence under the sector field when the letters typed name no active sector."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.incidents.routing import SectorSuggestions

_CONTEXT = "SectorRefusal"

NEAREST = str(
    QT_TRANSLATE_NOOP("SectorRefusal", "No sector is called {typed}. Did you mean {names}?")
)
OUTSIDE = str(
    QT_TRANSLATE_NOOP(
        "SectorRefusal",
        "No sector is called {typed}, nor anything near. "
        "A call from outside the sectors goes in {outside}.",
    )
)
NOTHING = str(
    QT_TRANSLATE_NOOP(
        "SectorRefusal", "No sector is called {typed}: type a few letters of an active sector."
    )
)
#: A name as the sentence quotes it.
QUOTED = str(QT_TRANSLATE_NOOP("SectorRefusal", "“{name}”"))
#: Between the names proposed, and before the last one.
SEPARATOR = str(QT_TRANSLATE_NOOP("SectorRefusal", ", "))
LAST_SEPARATOR = str(QT_TRANSLATE_NOOP("SectorRefusal", " or "))


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def sector_refusal(typed: str, suggestions: SectorSuggestions) -> str:
    """Why the sector is refused, with the names to type instead."""
    quoted = _translate(QUOTED)
    typed = quoted.format(name=" ".join(typed.split()))
    names = [quoted.format(name=sector.name) for sector in suggestions.nearest]
    if names:
        listed = names[-1]
        if len(names) > 1:
            listed = _translate(SEPARATOR).join(names[:-1]) + _translate(LAST_SEPARATOR) + listed
        return _translate(NEAREST).format(typed=typed, names=listed)
    if suggestions.outside is not None:
        return _translate(OUTSIDE).format(
            typed=typed, outside=quoted.format(name=suggestions.outside.name)
        )
    return _translate(NOTHING).format(typed=typed)
