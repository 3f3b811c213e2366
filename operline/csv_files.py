"""Writing CSV files, one writer for every file the desk makes.

Two shapes: the plain one (``;``, LF, no BOM), that the desk's own importers read back,
and the one French Excel opens as it is, accents and columns right: UTF-8 with a byte
order mark, ``;`` between fields, CRLF at each line end.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

#: Cells a spreadsheet would run as a formula; written with a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(rows: Iterable[Sequence[object]], *, line_end: str = "\n") -> str:
    """Rows as CSV text with ``;`` between fields."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";", lineterminator=line_end)
    writer.writerows(rows)
    return output.getvalue()


def french_excel_csv(rows: Iterable[Sequence[object]]) -> bytes:
    """Rows as a file French Excel opens directly: UTF-8 with BOM, ``;``, CRLF."""
    safe = ([_not_a_formula(cell) for cell in row] for row in rows)
    return ("\ufeff" + csv_text(safe, line_end="\r\n")).encode("utf-8")


def _not_a_formula(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell
