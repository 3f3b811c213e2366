"""The roster CSV file: one weekly shift pattern a row, read and written.

Header: ``team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until``.
UTF-8 with or without BOM, ``;`` or ``,`` between fields. A file with any bad row is
refused whole, with every problem as ``line N, column NAME: reason``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time

from operline.csv_files import csv_text
from operline.names import fold_name
from operline.phones import PhoneProblem, normalise_phone
from operline.sentences import QT_TRANSLATE_NOOP, Sentence
from operline.text_input import first_control

COLUMNS = (
    "team",
    "organisation",
    "phone",
    "tier",
    "sectors",
    "days",
    "start",
    "end",
    "valid_from",
    "valid_until",
)
ALL = "*"
#: A roster is a few hundred rows; far more is a wrong file, refused before any work.
MAX_FILE_BYTES = 1_000_000
MAX_ROWS = 5000

_DAY_NAMES = {
    **{
        name: number
        for number, name in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))
    },
    **{
        name: number
        for number, name in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
    },
}
_FRENCH_DAYS = ("lun", "mar", "mer", "jeu", "ven", "sam", "dim")

#: Records a problem of a column of the row being read: (column, reason).
_Problem = Callable[[str, Sentence], None]

_AT_LINE = QT_TRANSLATE_NOOP("RosterFile", "line {line}: {reason}")
_AT_COLUMN = QT_TRANSLATE_NOOP("RosterFile", "line {line}, column {column}: {reason}")
_CONTROL = QT_TRANSLATE_NOOP(
    "RosterFile", "character {position} is an invisible control character ({character})"
)
_TOO_BIG = QT_TRANSLATE_NOOP(
    "RosterFile",
    "the file is {size} bytes, more than a roster can be ({most} bytes at most): "
    "is it the right file?",
)
_TOO_LONG = QT_TRANSLATE_NOOP(
    "RosterFile",
    "the file has {rows} rows, more than a roster can be ({most} rows at most): "
    "is it the right file?",
)


@dataclass(frozen=True)
class RosterRow:
    """One shift pattern as the file tells it; ``sectors`` None means every sector."""

    team: str
    organisation: str
    phone: str | None
    tier: int
    sectors: tuple[str, ...] | None
    weekdays: frozenset[int]
    start: time
    end: time
    valid_from: date | None
    valid_until: date | None


class RosterFileError(ValueError):
    """A roster file that cannot be imported, with every problem found in it."""

    def __init__(self, problems: list[Sentence]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def parse_roster_csv(content: bytes) -> list[RosterRow]:
    """The rows of a roster file; raises RosterFileError listing every problem."""
    if len(content) > MAX_FILE_BYTES:
        raise RosterFileError([_TOO_BIG(size=f"{len(content):,}", most=f"{MAX_FILE_BYTES:,}")])
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        not_text = QT_TRANSLATE_NOOP("RosterFile", "the file is not UTF-8 text (byte {byte})")
        raise RosterFileError([not_text(byte=error.start + 1)]) from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        missing = QT_TRANSLATE_NOOP("RosterFile", "the header row is missing ({columns})")
        raise RosterFileError([_AT_LINE(line=1, reason=missing(columns=";".join(COLUMNS)))])
    separator = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        records = list(reader)
    except csv.Error as error:  # e.g. a field past the csv module's 131,072 characters
        raise RosterFileError(
            [_AT_LINE(line=reader.line_num, reason=_csv_problem(error))]
        ) from None
    if len(records) - 1 > MAX_ROWS:
        raise RosterFileError([_TOO_LONG(rows=f"{len(records) - 1:,}", most=f"{MAX_ROWS:,}")])
    header = [name.strip().lower() for name in records[0]]
    if header != list(COLUMNS):
        raise RosterFileError([_header_problem(header)])
    rows: list[tuple[int, RosterRow]] = []
    sized: list[tuple[int, dict[str, str]]] = []
    problems: list[Sentence] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(field.strip() for field in record):
            continue
        if len(record) != len(COLUMNS):
            fields_count = QT_TRANSLATE_NOOP("RosterFile", "{count} fields, expected {expected}")
            reason = fields_count(count=len(record), expected=len(COLUMNS))
            problems.append(_AT_LINE(line=number, reason=reason))
            continue
        fields = dict(zip(COLUMNS, record, strict=True))
        sized.append((number, fields))
        row, row_problems = _parse_row(fields, number)
        problems.extend(row_problems)
        if row is not None:
            rows.append((number, row))
    problems.extend(_team_contradictions(sized))
    problems.extend(_duplicates(rows))
    if problems:
        raise RosterFileError(problems)
    return [row for _, row in rows]


def _csv_problem(error: csv.Error) -> Sentence:
    if "field larger than field limit" in str(error):
        too_long = QT_TRANSLATE_NOOP("RosterFile", "a field is longer than {most} characters")
        return too_long(most=f"{csv.field_size_limit():,}")
    return QT_TRANSLATE_NOOP("RosterFile", "the file cannot be read as CSV ({detail})")(
        detail=error
    )


def shift_key(row: RosterRow) -> tuple[object, ...]:
    """What makes two rows the same shift: team (case and accents ignored) and times."""
    return (
        fold_name(row.team),
        row.tier,
        None if row.sectors is None else frozenset(fold_name(name) for name in row.sectors),
        row.weekdays,
        row.start,
        row.end,
        row.valid_from,
        row.valid_until,
    )


def _duplicates(rows: list[tuple[int, RosterRow]]) -> list[Sentence]:
    # A shift given twice would be stored twice and counted twice on the board.
    first_seen: dict[tuple[object, ...], int] = {}
    problems = []
    for number, row in rows:
        key = shift_key(row)
        if key in first_seen:
            same = QT_TRANSLATE_NOOP("RosterFile", "the same shift as line {first}")
            problems.append(_AT_LINE(line=number, reason=same(first=first_seen[key])))
        else:
            first_seen[key] = number
    return problems


def _header_problem(header: list[str]) -> Sentence:
    missing = [name for name in COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing:
        reason = QT_TRANSLATE_NOOP("RosterFile", "missing from the header")()
        return _AT_COLUMN(line=1, column=missing[0], reason=reason)
    if unknown:
        reason = QT_TRANSLATE_NOOP("RosterFile", "not a roster column")()
        return _AT_COLUMN(line=1, column=unknown[0], reason=reason)
    order = QT_TRANSLATE_NOOP("RosterFile", "columns must come in this order: {columns}")
    return _AT_LINE(line=1, reason=order(columns=";".join(COLUMNS)))


def _parse_row(fields: dict[str, str], number: int) -> tuple[RosterRow | None, list[Sentence]]:
    problems: list[Sentence] = []

    def problem(column: str, reason: Sentence) -> None:
        problems.append(_AT_COLUMN(line=number, column=column, reason=reason))

    for column, value in fields.items():
        if (control := first_control(value)) is not None:
            problem(column, _CONTROL(position=control.position, character=control.code))
    if problems:  # the other checks would only repeat them
        return None, problems
    values = {name: value.strip() for name, value in fields.items()}
    for column, limit in (("team", 120), ("organisation", 120)):
        if not values[column]:
            problem(column, QT_TRANSLATE_NOOP("RosterFile", "empty")())
        elif len(values[column]) > limit:
            longer = QT_TRANSLATE_NOOP("RosterFile", "longer than {limit} characters")
            problem(column, longer(limit=limit))
    phone = None
    if values["phone"]:
        try:
            phone = normalise_phone(values["phone"])
        except PhoneProblem as error:
            problem("phone", error.sentence)
    tier = 0
    if values["tier"] in ("1", "2"):
        tier = int(values["tier"])
    else:
        tier_problem = QT_TRANSLATE_NOOP(
            "RosterFile", "{text} is not 1 (called first) or 2 (backup)"
        )
        problem("tier", tier_problem(text=repr(values["tier"])))
    sectors = _sectors(values["sectors"], problem)
    weekdays = _weekdays(values["days"], problem)
    start = _clock(values["start"], "start", problem)
    end = _clock(values["end"], "end", problem)
    valid_from = _day(values["valid_from"], "valid_from", problem)
    valid_until = _day(values["valid_until"], "valid_until", problem)
    if valid_from and valid_until and valid_from > valid_until:
        before = QT_TRANSLATE_NOOP("RosterFile", "{until} is before valid_from {since}")
        problem("valid_until", before(until=valid_until, since=valid_from))
    if problems or start is None or end is None or weekdays is None:
        return None, problems
    row = RosterRow(
        team=values["team"],
        organisation=values["organisation"],
        phone=phone,
        tier=tier,
        sectors=sectors,
        weekdays=weekdays,
        start=start,
        end=end,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    return row, problems


def _sectors(text: str, problem: _Problem) -> tuple[str, ...] | None:
    if text == ALL:
        return None
    names = tuple(name.strip() for name in text.split("|"))
    if not text or not all(names):
        problem(
            "sectors",
            QT_TRANSLATE_NOOP(
                "RosterFile", "give sector names separated by | or * for every sector"
            )(),
        )
    return names


def _weekdays(text: str, problem: _Problem) -> frozenset[int] | None:
    if text == ALL:
        return frozenset(range(7))
    days: set[int] = set()
    for part in (piece.strip().lower() for piece in text.split(",")):
        first, _, last = part.partition("-")
        if first not in _DAY_NAMES or (last and last not in _DAY_NAMES):
            not_day = QT_TRANSLATE_NOOP(
                "RosterFile", "{text} is not a day (lun…dim, mon…sun) or a range like lun-ven"
            )
            problem("days", not_day(text=repr(part)))
            return None
        day, stop = _DAY_NAMES[first], _DAY_NAMES[last or first]
        days.add(day)
        while day != stop:  # a range may wrap past Sunday, as in fri-mon
            day = (day + 1) % 7
            days.add(day)
    return frozenset(days)


def _clock(text: str, column: str, problem: _Problem) -> time | None:
    hours, separator, minutes = text.partition(":")
    well_formed = separator and hours.isdigit() and minutes.isdigit() and len(minutes) == 2
    if well_formed and int(hours) < 24 and int(minutes) < 60:
        return time(int(hours), int(minutes))
    not_clock = QT_TRANSLATE_NOOP("RosterFile", "{text} is not a time of day HH:MM")
    problem(column, not_clock(text=repr(text)))
    return None


def _day(text: str, column: str, problem: _Problem) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        not_date = QT_TRANSLATE_NOOP("RosterFile", "{text} is not a date YYYY-MM-DD")
        problem(column, not_date(text=repr(text)))
        return None


def _team_contradictions(records: list[tuple[int, dict[str, str]]]) -> list[Sentence]:
    # Organisation and phone are repeated on each row of a team; they must agree, even on
    # rows that have other problems.
    first_seen: dict[str, tuple[int, dict[str, str]]] = {}
    problems = []
    for number, fields in records:
        key = fold_name(fields["team"])
        if not key:
            continue
        if key not in first_seen:
            first_seen[key] = (number, fields)
            continue
        first_number, first = first_seen[key]
        for column in ("organisation", "phone"):
            if _comparable(column, fields[column]) != _comparable(column, first[column]):
                differs = QT_TRANSLATE_NOOP(
                    "RosterFile", "{text} differs from line {first} for the same team"
                )
                reason = differs(text=repr(fields[column].strip()), first=first_number)
                problems.append(_AT_COLUMN(line=number, column=column, reason=reason))
    return problems


def _comparable(column: str, value: str) -> str:
    value = value.strip()
    if column == "phone" and value:
        try:
            return normalise_phone(value)
        except ValueError:
            return value
    return value


def write_roster_csv(rows: list[RosterRow]) -> str:
    """The roster as a file that imports back to the same roster."""
    lines: list[tuple[object, ...]] = [COLUMNS]
    for row in rows:
        lines.append(
            (
                row.team,
                row.organisation,
                row.phone or "",
                row.tier,
                ALL if row.sectors is None else "|".join(row.sectors),
                format_weekdays(row.weekdays),
                f"{row.start:%H:%M}",
                f"{row.end:%H:%M}",
                row.valid_from.isoformat() if row.valid_from else "",
                row.valid_until.isoformat() if row.valid_until else "",
            )
        )
    return csv_text(lines)


def format_weekdays(weekdays: frozenset[int]) -> str:
    """Days the French way, runs of three or more as ranges: ``lun-ven,dim``."""
    if len(weekdays) == 7:
        return ALL
    parts: list[str] = []
    ordered = sorted(weekdays)
    run: list[int] = []
    for day in [*ordered, None]:
        if day is not None and run and day == run[-1] + 1:
            run.append(day)
            continue
        if len(run) >= 3:
            parts.append(f"{_FRENCH_DAYS[run[0]]}-{_FRENCH_DAYS[run[-1]]}")
        else:
            parts.extend(_FRENCH_DAYS[d] for d in run)
        run = [day] if day is not None else []
    return ",".join(parts)
