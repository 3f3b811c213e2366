"""What the roster editor says: problems found in a form, days, tiers, kinds of exception.

The problem sentences are the English sentences of ``operline.roster.editing_common``,
translated here by their code (a test keeps the two lists equal), so the window and the
command line never tell a problem two ways.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.roster.editing import FieldProblem, Problem
from operline.roster.roster_exceptions import ExceptionKind
from operline.roster.roster_file import bits_to_weekdays

_PROBLEMS = "RosterProblems"
_TEXTS = "RosterTexts"

PROBLEM_SOURCES: dict[Problem, str] = {
    Problem.REQUIRED: str(QT_TRANSLATE_NOOP("RosterProblems", "Required.")),
    Problem.TOO_LONG: str(QT_TRANSLATE_NOOP("RosterProblems", "At most {limit} characters.")),
    Problem.CONTROL_CHARACTER: str(
        QT_TRANSLATE_NOOP(
            "RosterProblems",
            "Character {position} is an invisible control character ({character}): remove it.",
        )
    ),
    Problem.NAME_TAKEN: str(QT_TRANSLATE_NOOP("RosterProblems", "{name} already exists.")),
    Problem.NAME_TAKEN_RETIRED: str(
        QT_TRANSLATE_NOOP(
            "RosterProblems", "{name} already exists, retired: bring it back instead."
        )
    ),
    Problem.PHONE_INVALID: str(
        QT_TRANSLATE_NOOP(
            "RosterProblems",
            "Not a phone number (e.g. 01 99 00 12 34 or +33 1 99 00 12 34).",
        )
    ),
    Problem.CAPACITY_NEGATIVE: str(
        QT_TRANSLATE_NOOP("RosterProblems", "A number of places cannot be negative.")
    ),
    Problem.TEAM_UNKNOWN: str(QT_TRANSLATE_NOOP("RosterProblems", "This team does not exist.")),
    Problem.TEAM_RETIRED: str(QT_TRANSLATE_NOOP("RosterProblems", "{name} is retired.")),
    Problem.SECTOR_UNKNOWN: str(
        QT_TRANSLATE_NOOP("RosterProblems", "A chosen sector does not exist.")
    ),
    Problem.SECTOR_RETIRED: str(QT_TRANSLATE_NOOP("RosterProblems", "{name} is retired.")),
    Problem.SECTORS_MISSING: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Choose at least one sector, or every sector.")
    ),
    Problem.DAYS_MISSING: str(QT_TRANSLATE_NOOP("RosterProblems", "Choose at least one day.")),
    Problem.TIER_INVALID: str(
        QT_TRANSLATE_NOOP("RosterProblems", "The tier is 1 (called first) or 2 (backup).")
    ),
    Problem.UNTIL_BEFORE_FROM: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Ends before it starts ({start}).")
    ),
    Problem.ENDS_BEFORE_START: str(QT_TRANSLATE_NOOP("RosterProblems", "Ends before it starts.")),
    Problem.ENDS_IN_PAST: str(QT_TRANSLATE_NOOP("RosterProblems", "Already over.")),
    Problem.KIND_INVALID: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Choose what changes: off, replaced or added.")
    ),
    Problem.REPLACEMENT_MISSING: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Choose the team that takes over.")
    ),
    Problem.REPLACEMENT_SELF: str(
        QT_TRANSLATE_NOOP("RosterProblems", "A team cannot replace itself.")
    ),
    Problem.GONE: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Someone else removed this entry; nothing was saved.")
    ),
    Problem.NO_PHONE: str(
        QT_TRANSLATE_NOOP("RosterProblems", "Without a duty phone the desk cannot call this team.")
    ),
    Problem.TEAM_NO_PHONE: str(
        QT_TRANSLATE_NOOP("RosterProblems", "{name} has no duty phone: the desk cannot call it.")
    ),
    Problem.SAME_TEAM_OVERLAP: str(
        QT_TRANSLATE_NOOP(
            "RosterProblems", "This team already works then: {days} {start}–{end} in {sectors}."
        )
    ),
    Problem.FIRST_CALL_OVERLAP: str(
        QT_TRANSLATE_NOOP(
            "RosterProblems", "{team} is also called first then: {days} {start}–{end} in {sectors}."
        )
    ),
}

#: Short day names, Monday first, as on the day buttons.
DAY_SOURCES: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("RosterTexts", "Mon")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Tue")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Wed")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Thu")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Fri")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Sat")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Sun")),
)
#: Full day names, for screen readers.
DAY_NAME_SOURCES: tuple[str, ...] = (
    str(QT_TRANSLATE_NOOP("RosterTexts", "Monday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Tuesday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Wednesday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Thursday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Friday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Saturday")),
    str(QT_TRANSLATE_NOOP("RosterTexts", "Sunday")),
)

KIND_SOURCES: dict[ExceptionKind, str] = {
    "off": str(QT_TRANSLATE_NOOP("RosterTexts", "Off")),
    "replace": str(QT_TRANSLATE_NOOP("RosterTexts", "Replaced")),
    "add": str(QT_TRANSLATE_NOOP("RosterTexts", "Added to the roster")),
}


def problem_sentence(problem: FieldProblem) -> str:
    """The translated sentence of a problem, with its values."""
    values = dict(problem.values)
    if "day_bits" in values:
        values["days"] = days_text(bits_to_weekdays(int(values["day_bits"])))
    template = QCoreApplication.translate(_PROBLEMS, PROBLEM_SOURCES[problem.code])
    return template.format(**values)


def meeting_heading(code: Problem) -> str:
    """What a group of shifts met by the one being edited has in common."""
    if code is Problem.SAME_TEAM_OVERLAP:
        return QCoreApplication.translate("RosterTexts", "This team already works at that time:")
    return QCoreApplication.translate("RosterTexts", "Also called first at that time:")


def meeting_line(problem: FieldProblem) -> str:
    """One shift met: ``Maraude de nuit — Every day 20:00–08:00 — Stalingrad, Éole``."""
    values = dict(problem.values)
    when = (
        f"{days_text(bits_to_weekdays(int(values['day_bits'])))} {values['start']}–{values['end']}"
    )
    parts = [when, values["sectors"]]
    if problem.code is Problem.FIRST_CALL_OVERLAP:
        parts.insert(0, values["team"])
    return " — ".join(parts)


def day_label(day: int) -> str:
    return QCoreApplication.translate(_TEXTS, DAY_SOURCES[day])


def day_name(day: int) -> str:
    return QCoreApplication.translate(_TEXTS, DAY_NAME_SOURCES[day])


def days_text(weekdays: frozenset[int]) -> str:
    """``Mon–Fri Sun``: runs of three days or more as a range, every day said so."""
    if len(weekdays) == 7:
        return QCoreApplication.translate("RosterTexts", "Every day")
    parts: list[str] = []
    run: list[int] = []
    for day in [*sorted(weekdays), None]:
        if day is not None and run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{day_label(run[0])}–{day_label(run[-1])}")
        else:
            parts.extend(day_label(d) for d in run)
        run = [day] if day is not None else []
    return " ".join(parts)


def hours_text(start: time, end: time) -> str:
    """``20:00 → 08:00 (+1)`` for a shift ending the next day."""
    text = f"{start:%H:%M} → {end:%H:%M}"
    return f"{text} (+1)" if end <= start else text


def tier_text(tier: int) -> str:
    if tier == 1:
        return QCoreApplication.translate("RosterTexts", "1 – called first")
    return QCoreApplication.translate("RosterTexts", "2 – backup")


def kind_text(kind: ExceptionKind) -> str:
    return QCoreApplication.translate(_TEXTS, KIND_SOURCES[kind])


def short_date(day: date) -> str:
    return f"{day:%d/%m/%Y}"
