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
from operline.phones import normalise_phone

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
_Problem = Callable[[str, str], None]


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

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def parse_roster_csv(content: bytes) -> list[RosterRow]:
    """The rows of a roster file; raises RosterFileError listing every problem."""
    if len(content) > MAX_FILE_BYTES:
        raise RosterFileError(
            [
                f"the file is {len(content):,} bytes, more than a roster can be "
                f"({MAX_FILE_BYTES:,} bytes at most): is it the right file?"
            ]
        )
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RosterFileError([f"the file is not UTF-8 text (byte {error.start + 1})"]) from None
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise RosterFileError([f"line 1: the header row is missing ({';'.join(COLUMNS)})"])
    separator = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        records = list(reader)
    except csv.Error as error:  # e.g. a field past the csv module's 131,072 characters
        raise RosterFileError([f"line {reader.line_num}: {_csv_problem(error)}"]) from None
    if len(records) - 1 > MAX_ROWS:
        raise RosterFileError(
            [
                f"the file has {len(records) - 1:,} rows, more than a roster can be "
                f"({MAX_ROWS:,} rows at most): is it the right file?"
            ]
        )
    header = [name.strip().lower() for name in records[0]]
    if header != list(COLUMNS):
        raise RosterFileError([_header_problem(header)])
    rows: list[tuple[int, RosterRow]] = []
    sized: list[tuple[int, dict[str, str]]] = []
    problems: list[str] = []
    for number, record in enumerate(records[1:], start=2):
        if not any(field.strip() for field in record):
            continue
        if len(record) != len(COLUMNS):
            problems.append(f"line {number}: {len(record)} fields, expected {len(COLUMNS)}")
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


def _csv_problem(error: csv.Error) -> str:
    if "field larger than field limit" in str(error):
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return f"the file cannot be read as CSV ({error})"


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


def _duplicates(rows: list[tuple[int, RosterRow]]) -> list[str]:
    # A shift given twice would be stored twice and counted twice on the board.
    first_seen: dict[tuple[object, ...], int] = {}
    problems = []
    for number, row in rows:
        key = shift_key(row)
        if key in first_seen:
            problems.append(f"line {number}: the same shift as line {first_seen[key]}")
        else:
            first_seen[key] = number
    return problems


def _header_problem(header: list[str]) -> str:
    missing = [name for name in COLUMNS if name not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing:
        return f"line 1, column {missing[0]}: missing from the header"
    if unknown:
        return f"line 1, column {unknown[0]}: not a roster column"
    return f"line 1: columns must come in this order: {';'.join(COLUMNS)}"


def _parse_row(fields: dict[str, str], number: int) -> tuple[RosterRow | None, list[str]]:
    problems: list[str] = []

    def problem(column: str, reason: str) -> None:
        problems.append(f"line {number}, column {column}: {reason}")

    values = {name: value.strip() for name, value in fields.items()}
    for column, limit in (("team", 120), ("organisation", 120)):
        if not values[column]:
            problem(column, "empty")
        elif len(values[column]) > limit:
            problem(column, f"longer than {limit} characters")
    phone = None
    if values["phone"]:
        try:
            phone = normalise_phone(values["phone"])
        except ValueError as error:
            problem("phone", str(error))
    tier = 0
    if values["tier"] in ("1", "2"):
        tier = int(values["tier"])
    else:
        problem("tier", f"{values['tier']!r} is not 1 (called first) or 2 (backup)")
    sectors = _sectors(values["sectors"], problem)
    weekdays = _weekdays(values["days"], problem)
    start = _clock(values["start"], "start", problem)
    end = _clock(values["end"], "end", problem)
    valid_from = _day(values["valid_from"], "valid_from", problem)
    valid_until = _day(values["valid_until"], "valid_until", problem)
    if valid_from and valid_until and valid_from > valid_until:
        problem("valid_until", f"{valid_until} is before valid_from {valid_from}")
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
        problem("sectors", "give sector names separated by | or * for every sector")
    return names


def _weekdays(text: str, problem: _Problem) -> frozenset[int] | None:
    if text == ALL:
        return frozenset(range(7))
    days: set[int] = set()
    for part in (piece.strip().lower() for piece in text.split(",")):
        first, _, last = part.partition("-")
        if first not in _DAY_NAMES or (last and last not in _DAY_NAMES):
            problem("days", f"{part!r} is not a day (lun…dim, mon…sun) or a range like lun-ven")
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
    problem(column, f"{text!r} is not a time of day HH:MM")
    return None


def _day(text: str, column: str, problem: _Problem) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problem(column, f"{text!r} is not a date YYYY-MM-DD")
        return None


def _team_contradictions(records: list[tuple[int, dict[str, str]]]) -> list[str]:
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
                problems.append(
                    f"line {number}, column {column}: {fields[column].strip()!r} differs "
                    f"from line {first_number} for the same team"
                )
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
