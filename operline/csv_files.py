"""Writing CSV files, one writer for every file the desk makes.

Two shapes: the plain one (``;``, LF, no BOM), that the desk's own importers read back,
and the one French Excel opens as it is, accents and columns right: UTF-8 with a byte
order mark, ``;`` between fields, CRLF at each line end, RFC 4180 quoting.

A cell a spreadsheet would run as a formula (or whose first character it would swallow)
is written with one leading apostrophe. A cell that already starts with an apostrophe gets
one too, so the protective apostrophe is never in doubt: a reader of the file removes one
apostrophe from any text cell that starts with one and has the value as it was stored.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TextIO

#: Cells a spreadsheet would run as a formula, or read other than as typed.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\0")
#: The protective mark, and the starts it is put before.
PROTECTION = "'"
_PROTECTED_STARTS = (*FORMULA_STARTS, PROTECTION)
#: What French Excel needs to read UTF-8.
BOM = "\ufeff"


def csv_text(rows: Iterable[Sequence[object]], *, line_end: str = "\n") -> str:
    """Rows as CSV text with ``;`` between fields."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator=line_end)
    writer.writerows(rows)
    return output.getvalue()


def french_excel_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as a file French Excel opens directly: UTF-8 with BOM, ``;``, CRLF."""
    output = io.StringIO(newline="")
    write_french_excel_csv(rows, output)
    return output.getvalue().encode("utf-8")


def write_french_excel_csv(
    rows: Iterable[Sequence[object]],
    output: TextIO,
    *,
    text_columns: Sequence[int] | None = None,
) -> int:
    """Write rows for French Excel to a text file opened with ``newline=""`` in UTF-8.

    The rows are written as they come, so a long export never sits whole in memory;
    returns how many rows were written. Every cell is guarded, unless ``text_columns``
    names the only columns that can hold text from outside (the others being numbers,
    instants or fixed labels the writer's caller makes, none starting with a formula
    character): a week of calls is millions of cells.
    """
    output.write(BOM)
    writer = csv.writer(output, delimiter=";", lineterminator="\r\n")
    written = 0
    starts = _PROTECTED_STARTS
    if text_columns is not None:
        columns = tuple(text_columns)
        for row in rows:
            if written:  # the header is guarded whole
                cells = list(row)
                for column in columns:
                    cell = cells[column]
                    if type(cell) is str and cell.startswith(starts):
                        cells[column] = PROTECTION + cell
                writer.writerow(cells)
            else:
                writer.writerow([not_a_formula(cell) for cell in row])
            written += 1
        return written
    for row in rows:
        # ``not_a_formula`` inlined: this runs for every cell of a file.
        writer.writerow(
            [
                PROTECTION + cell if type(cell) is str and cell.startswith(starts) else cell
                for cell in row
            ]
        )
        written += 1
    return written


def not_a_formula(cell: object) -> object:
    """The cell as written: text a spreadsheet would run gets one leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(_PROTECTED_STARTS):
        return PROTECTION + cell
    return cell
