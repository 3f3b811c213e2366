"""What the desk reads for each stored code, through Qt translation.

The English texts are the source strings; the French translation of each must be
exactly the ``label_fr`` of ``operline.codes`` (a test checks it), so the GUI, the
exports and the command line never name a code two ways.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.codes import Category, Outcome, Priority, Status

_CONTEXT = "Labels"

PRIORITY_SOURCES: dict[Priority, str] = {
    Priority.URGENT: str(QT_TRANSLATE_NOOP("Labels", "Urgent")),
    Priority.NORMAL: str(QT_TRANSLATE_NOOP("Labels", "Normal")),
}

CATEGORY_SOURCES: dict[Category, str] = {
    Category.DISTRESS: str(QT_TRANSLATE_NOOP("Labels", "Person in distress / unwell")),
    Category.SHELTER: str(QT_TRANSLATE_NOOP("Labels", "Orientation / shelter request")),
    Category.MEDIATION: str(QT_TRANSLATE_NOOP("Labels", "Mediation (occupation of public space)")),
    Category.WOMAN: str(QT_TRANSLATE_NOOP("Labels", "Woman / pregnant woman")),
    Category.MINOR: str(QT_TRANSLATE_NOOP("Labels", "Presumed minor")),
    Category.CARE: str(QT_TRANSLATE_NOOP("Labels", "Care need")),
    Category.OTHER: str(QT_TRANSLATE_NOOP("Labels", "Other")),
}

STATUS_SOURCES: dict[Status, str] = {
    Status.NEW: str(QT_TRANSLATE_NOOP("Labels", "Received")),
    Status.ROUTED: str(QT_TRANSLATE_NOOP("Labels", "Team contacted")),
    Status.ACKNOWLEDGED: str(QT_TRANSLATE_NOOP("Labels", "Acknowledged")),
    Status.ON_SCENE: str(QT_TRANSLATE_NOOP("Labels", "On scene")),
    Status.CLOSED: str(QT_TRANSLATE_NOOP("Labels", "Closed")),
}

OUTCOME_SOURCES: dict[Outcome, str] = {
    Outcome.TAKEN_IN_CHARGE: str(QT_TRANSLATE_NOOP("Labels", "Taken in charge by the team")),
    Outcome.ORIENTED: str(QT_TRANSLATE_NOOP("Labels", "Oriented to a facility")),
    Outcome.REFUSED: str(QT_TRANSLATE_NOOP("Labels", "Refused by the person")),
    Outcome.NOT_FOUND: str(QT_TRANSLATE_NOOP("Labels", "Person not found")),
    Outcome.CANCELLED: str(QT_TRANSLATE_NOOP("Labels", "Cancelled by the crew")),
    Outcome.NO_FOLLOW_UP: str(QT_TRANSLATE_NOOP("Labels", "No follow-up")),
}


def _translate(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def priority_label(priority: Priority) -> str:
    return _translate(PRIORITY_SOURCES[priority])


def category_label(category: Category) -> str:
    return _translate(CATEGORY_SOURCES[category])


def status_label(status: Status) -> str:
    return _translate(STATUS_SOURCES[status])


def outcome_label(outcome: Outcome) -> str:
    return _translate(OUTCOME_SOURCES[outcome])
