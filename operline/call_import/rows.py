"""Checking each record of the call log against the desk's rules, every problem told.

A record is checked whole: all its problems are found, so a supervisor fixes the file in
one pass. Names (sectors, teams, places) and codes are compared with case and accents
ignored; a sector, team or place retired since still names the history it was part of.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TypeVar

from operline.call_import.fingerprint import call_fingerprint
from operline.call_import.problems import RowProblem
from operline.call_import.reading import COLUMNS, CallRecord
from operline.call_import.times import AMBIGUOUS, read_time
from operline.codes import Category, Outcome, Priority, Status
from operline.incidents.intake import CLOCK_TOLERANCE, NOTES_LIMIT, PERSONS_RANGE
from operline.names import fold_name
from operline.paris_time import TimeProblem, isoformat_paris
from operline.phones import PhoneProblem, normalise_phone
from operline.sentences import QT_TRANSLATE_NOOP, Sentence
from operline.text_input import first_control

_CONTROL = QT_TRANSLATE_NOOP(
    "CallImport", "character {position} is an invisible control character ({character})"
)
_REQUIRED = QT_TRANSLATE_NOOP("CallImport", "required")
_TOO_LONG = QT_TRANSLATE_NOOP("CallImport", "longer than {limit} characters")
_UNKNOWN = {
    "sector": QT_TRANSLATE_NOOP("CallImport", "{text} is no sector of the desk"),
    "team": QT_TRANSLATE_NOOP("CallImport", "{text} is no team of the desk"),
    "orientation": QT_TRANSLATE_NOOP("CallImport", "{text} is no place of the desk"),
}
_NOT_CODE = QT_TRANSLATE_NOOP("CallImport", "{text} is not one of: {codes}")
_PERSONS = QT_TRANSLATE_NOOP("CallImport", "{text} is not a whole number from 1 to 50")
_IN_FUTURE = QT_TRANSLATE_NOOP("CallImport", "{text} is in the future")
_BEFORE = QT_TRANSLATE_NOOP("CallImport", "{text} is before {column} ({previous})")
_NEEDS_CLOSED = QT_TRANSLATE_NOOP("CallImport", "an outcome needs closed_at")
_NEEDS_OUTCOME = QT_TRANSLATE_NOOP("CallImport", "required when closed_at is given")
_NEEDS_PLACE = QT_TRANSLATE_NOOP("CallImport", "required when the outcome is oriented")
_ONLY_ORIENTED = QT_TRANSLATE_NOOP("CallImport", "only an orientation names a place")
_NEEDS_TEAM = QT_TRANSLATE_NOOP("CallImport", "required when {column} is given")
_SAME_CALL = QT_TRANSLATE_NOOP("CallImport", "the same call as line {first}")

#: The longest text of each free-text column, as the call form allows.
TEXT_LIMITS = {"location": 200, "caller_service": 120, "notes": NOTES_LIMIT}
#: The stage times of the file, in the order a call goes through them.
STAGE_COLUMNS = ("received_at", "acknowledged_at", "on_scene_at", "closed_at")


@dataclass(frozen=True)
class DeskNames:
    """The desk's sectors, teams and places by folded name, to their ids."""

    sectors: Mapping[str, int]
    teams: Mapping[str, int]
    places: Mapping[str, int]


@dataclass(frozen=True)
class CallRow:
    """A record that passed every check: the incident it becomes, ready to write."""

    line: int
    received_at: datetime
    sector_id: int
    location: str | None
    category: Category
    priority: Priority
    persons: int
    caller_service: str | None
    callback_number: str | None
    team_id: int | None
    acknowledged_at: datetime | None
    on_scene_at: datetime | None
    closed_at: datetime | None
    outcome: Outcome | None
    facility_id: int | None
    notes: str | None
    fingerprint: str

    @property
    def status(self) -> Status:
        """The stage the earlier log left the call at."""
        if self.closed_at is not None:
            return Status.CLOSED
        if self.on_scene_at is not None:
            return Status.ON_SCENE
        if self.acknowledged_at is not None:
            return Status.ACKNOWLEDGED
        return Status.ROUTED if self.team_id is not None else Status.NEW


@dataclass(frozen=True)
class CheckedRecords:
    """The records that can be imported, and those that cannot with their problems."""

    rows: tuple[CallRow, ...]
    rejected: tuple[tuple[CallRecord, tuple[RowProblem, ...]], ...]
    warnings: tuple[RowProblem, ...]

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        """Every problem, in the order of the file."""
        return tuple(problem for _, problems in self.rejected for problem in problems)


C = TypeVar("C", Category, Priority, Outcome)
#: A quick look for what ``first_control`` refuses (the Cc characters but tab and line
#: breaks, and the line and paragraph separators), which it then finds and names.
_ANY_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
#: Names, codes and phone numbers repeat from call to call: each is worked out once.
_folded = lru_cache(maxsize=4096)(fold_name)
_normalised_phone = lru_cache(maxsize=4096)(normalise_phone)


def _codes(kind: type[C]) -> dict[str, C]:
    folded: dict[str, C] = {}
    for code in kind:
        folded[fold_name(code.value)] = code
        folded[fold_name(code.label_fr)] = code
    return folded


_CATEGORIES = _codes(Category)
_PRIORITIES = _codes(Priority)
_OUTCOMES = _codes(Outcome)


def check_records(
    records: Iterable[CallRecord], names: DeskNames, *, now: datetime
) -> CheckedRecords:
    """Each record checked; a call given twice in the file is a problem of the second."""
    rows: list[CallRow] = []
    rejected: list[tuple[CallRecord, tuple[RowProblem, ...]]] = []
    warnings: list[RowProblem] = []
    first_seen: dict[str, int] = {}
    latest = now + CLOCK_TOLERANCE
    for record in records:
        checker = _RecordCheck(record, names, latest)
        row = checker.row()
        warnings.extend(checker.warnings)
        if row is not None and row.fingerprint in first_seen:
            same = _SAME_CALL(first=first_seen[row.fingerprint])
            checker.problems.append(RowProblem(record.line, None, same))
            row = None
        if row is None:
            rejected.append((record, tuple(sorted(checker.problems, key=_column_order))))
            continue
        first_seen[row.fingerprint] = record.line
        rows.append(row)
    rejected.sort(key=lambda pair: pair[0].line)
    return CheckedRecords(tuple(rows), tuple(rejected), tuple(warnings))


def _column_order(problem: RowProblem) -> int:
    """Problems of a row in the order of the columns (those of the whole row last)."""
    return COLUMNS.index(problem.column) if problem.column in COLUMNS else len(COLUMNS)


class _RecordCheck:
    """The checks of one record, gathering its problems and warnings."""

    def __init__(self, record: CallRecord, names: DeskNames, latest: datetime) -> None:
        self.record = record
        self.names = names
        self.latest = latest
        self.problems: list[RowProblem] = []
        self.warnings: list[RowProblem] = []

    def problem(self, column: str, reason: Sentence) -> None:
        self.problems.append(RowProblem(self.record.line, column, reason))

    def row(self) -> CallRow | None:
        fields = self.record.fields
        if _ANY_CONTROL.search("".join(fields.values())):
            for column, value in fields.items():
                if (control := first_control(value)) is not None:
                    position, character = control.position, control.code
                    self.problem(column, _CONTROL(position=position, character=character))
        if self.problems:  # the other checks would only repeat them
            return None
        values = {column: fields.get(column, "").strip() for column in COLUMNS}
        texts = {column: self._text(column, values[column]) for column in TEXT_LIMITS}
        sector_id = self._named("sector", values["sector"], self.names.sectors)
        if not values["sector"]:
            self.problem("sector", _REQUIRED())
        category = self._code("category", values["category"], _CATEGORIES)
        if category is None and not values["category"]:
            self.problem("category", _REQUIRED())
        priority = self._code("priority", values["priority"], _PRIORITIES)
        persons = self._persons(values["persons"])
        phone = self._phone(values["caller_phone"])
        team_id = self._named("team", values["team"], self.names.teams)
        times = self._times(values)
        outcome = self._outcome(values)
        facility_id = self._place(values, outcome)
        if not values["team"]:
            for column in ("acknowledged_at", "on_scene_at"):
                if values[column]:
                    self.problem("team", _NEEDS_TEAM(column=column))
                    break
        if self.problems or sector_id is None or category is None:
            return None
        received_at = times["received_at"]
        assert received_at is not None
        ordered: tuple[object, ...] = (
            received_at,
            sector_id,
            texts["location"],
            category.value,
            (priority or Priority.NORMAL).value,
            persons,
            texts["caller_service"],
            phone,
            team_id,
            times["acknowledged_at"],
            times["on_scene_at"],
            times["closed_at"],
            outcome.value if outcome else None,
            facility_id,
            texts["notes"],
        )
        return CallRow(
            self.record.line,
            received_at,
            sector_id,
            texts["location"],
            category,
            priority or Priority.NORMAL,
            persons,
            texts["caller_service"],
            phone,
            team_id,
            times["acknowledged_at"],
            times["on_scene_at"],
            times["closed_at"],
            outcome,
            facility_id,
            texts["notes"],
            call_fingerprint(ordered),
        )

    def _text(self, column: str, value: str) -> str | None:
        limit = TEXT_LIMITS[column]
        if len(value) > limit:
            self.problem(column, _TOO_LONG(limit=limit))
        return value or None

    def _named(self, column: str, value: str, known: Mapping[str, int]) -> int | None:
        if not value:
            return None
        found = known.get(_folded(value))
        if found is None:
            self.problem(column, _UNKNOWN[column](text=repr(value)))
        return found

    def _code(self, column: str, value: str, codes: Mapping[str, C]) -> C | None:
        if not value:
            return None
        found = codes.get(_folded(value))
        if found is None:
            # Both spellings a file may use: the code, and the French label the desk shows.
            listed = ", ".join(
                dict.fromkeys(f"{code.value} « {code.label_fr} »" for code in codes.values())
            )
            self.problem(column, _NOT_CODE(text=repr(value), codes=listed))
        return found

    def _persons(self, value: str) -> int:
        if not value:
            return 1
        if value.isdigit() and int(value) in PERSONS_RANGE:
            return int(value)
        self.problem("persons", _PERSONS(text=repr(value)))
        return 1

    def _phone(self, value: str) -> str | None:
        if not value:
            return None
        try:
            return _normalised_phone(value)
        except PhoneProblem as error:
            self.problem("caller_phone", error.sentence)
            return None

    def _times(self, values: Mapping[str, str]) -> dict[str, datetime | None]:
        times: dict[str, datetime | None] = {}
        previous: tuple[str, datetime] | None = None
        for column in STAGE_COLUMNS:
            times[column] = None
            text = values[column]
            if not text:
                if column == "received_at":
                    self.problem(column, _REQUIRED())
                continue
            try:
                read = read_time(text)
            except TimeProblem as error:
                self.problem(column, error.sentence)
                continue
            if read.ambiguous:
                warning = AMBIGUOUS(local=text, instant=isoformat_paris(read.instant))
                self.warnings.append(RowProblem(self.record.line, column, warning))
            if read.instant > self.latest:
                self.problem(column, _IN_FUTURE(text=repr(text)))
            elif previous is not None and read.instant < previous[1]:
                before = _BEFORE(text=repr(text), column=previous[0], previous=values[previous[0]])
                self.problem(column, before)
            times[column] = read.instant
            previous = (column, read.instant)
        return times

    def _outcome(self, values: Mapping[str, str]) -> Outcome | None:
        outcome = self._code("outcome", values["outcome"], _OUTCOMES)
        if values["closed_at"] and not values["outcome"]:
            self.problem("outcome", _NEEDS_OUTCOME())
        elif values["outcome"] and not values["closed_at"]:
            self.problem("outcome", _NEEDS_CLOSED())
        return outcome

    def _place(self, values: Mapping[str, str], outcome: Outcome | None) -> int | None:
        facility_id = self._named("orientation", values["orientation"], self.names.places)
        if outcome is Outcome.ORIENTED and not values["orientation"]:
            self.problem("orientation", _NEEDS_PLACE())
        elif values["orientation"] and outcome is not None and outcome is not Outcome.ORIENTED:
            self.problem("orientation", _ONLY_ORIENTED())
        return facility_id
