"""Reading the call log file: its encoding, its separator, its header, its records.

The earlier log was kept in a spreadsheet: saved as UTF-8 (with or without a byte order
mark) or as Windows-1252 by an older Excel, with ``;`` or ``,`` between fields, its
columns in any order. A column the desk does not know is refused rather than dropped:
an import must not lose what the log holds.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from operline.call_import.problems import CallFileError, RowProblem
from operline.sentences import QT_TRANSLATE_NOOP

#: The columns of the call log, in the order the rejected file and the README give them.
COLUMNS = (
    "received_at",
    "sector",
    "location",
    "category",
    "priority",
    "persons",
    "caller_service",
    "caller_phone",
    "team",
    "acknowledged_at",
    "on_scene_at",
    "closed_at",
    "outcome",
    "orientation",
    "notes",
)
#: The columns the header must hold.
REQUIRED_COLUMNS = ("received_at", "sector", "category")


@dataclass(frozen=True)
class CallRecord:
    """One record of the file: the line it starts on, its fields by column, as read."""

    line: int
    fields: dict[str, str]
    #: The fields as the file gave them, for the rejected file.
    raw: tuple[str, ...]


@dataclass(frozen=True)
class CallFile:
    """The file read: its header, separator, records and the records of a wrong shape."""

    header: tuple[str, ...]
    separator: str
    records: tuple[CallRecord, ...]
    #: Records whose number of fields is not the header's, with their problem.
    misshapen: tuple[tuple[CallRecord, RowProblem], ...]


def decode_call_file(content: bytes) -> str:
    """The file's text: UTF-8 (its BOM dropped), else Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        not_text = QT_TRANSLATE_NOOP(
            "CallImport", "the file is neither UTF-8 nor Windows-1252 text (byte {byte})"
        )
        raise CallFileError([RowProblem(1, None, not_text(byte=error.start + 1))]) from None


def read_call_file(content: bytes) -> CallFile:
    """The records of a call log file; raises CallFileError when it cannot be read at all."""
    text = decode_call_file(content)
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        missing = QT_TRANSLATE_NOOP("CallImport", "the header row is missing ({columns})")
        raise CallFileError([RowProblem(1, None, missing(columns=";".join(COLUMNS)))])
    separator = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = tuple(name.strip().lower() for name in next(reader))
    _check_header(header)
    records: list[CallRecord] = []
    misshapen: list[tuple[CallRecord, RowProblem]] = []
    width = len(header)
    line = reader.line_num + 1
    try:
        for fields in reader:
            start, line = line, reader.line_num + 1
            if not any(field.strip() for field in fields):
                continue
            if len(fields) != width:
                record = CallRecord(start, {}, tuple(fields))
                count = QT_TRANSLATE_NOOP("CallImport", "{count} fields, expected {expected}")
                problem = RowProblem(start, None, count(count=len(fields), expected=width))
                misshapen.append((record, problem))
                continue
            records.append(CallRecord(start, dict(zip(header, fields, strict=True)), tuple(fields)))
    except csv.Error as error:  # e.g. a field past the csv module's 131,072 characters
        unreadable = QT_TRANSLATE_NOOP("CallImport", "the file cannot be read as CSV ({detail})")
        raise CallFileError([RowProblem(line, None, unreadable(detail=error))]) from None
    return CallFile(header, separator, tuple(records), tuple(misshapen))


def _check_header(header: tuple[str, ...]) -> None:
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for position, name in enumerate(header, start=1):
        if not name:
            unnamed = QT_TRANSLATE_NOOP("CallImport", "column {position} of the header has no name")
            problems.append(RowProblem(1, None, unnamed(position=position)))
        elif name in seen:
            twice = QT_TRANSLATE_NOOP("CallImport", "given twice in the header")
            problems.append(RowProblem(1, name, twice()))
        elif name not in COLUMNS:
            unknown = QT_TRANSLATE_NOOP(
                "CallImport", "not a column of the call log (columns: {columns})"
            )
            problems.append(RowProblem(1, name, unknown(columns=", ".join(COLUMNS))))
        seen.add(name)
    for name in REQUIRED_COLUMNS:
        if name not in seen:
            missing = QT_TRANSLATE_NOOP("CallImport", "missing from the header")
            problems.append(RowProblem(1, name, missing()))
    if problems:
        raise CallFileError(problems)
