"""The rejected file: the rows an import left out, as read, with why in a last column.

It keeps the file's header and separator, so once the rows are fixed (and the ``reason``
column removed) they import as the others did. UTF-8 with a byte order mark, which Excel
and LibreOffice both open with their accents right.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

from operline.call_import.problems import RowProblem
from operline.call_import.reading import CallRecord
from operline.private_files import write_private
from operline.sentences import QT_TRANSLATE_NOOP, Sentence

REASON_COLUMN = "reason"
_IN_COLUMN = QT_TRANSLATE_NOOP("CallImport", "column {column}: {reason}")


def rejected_path(path: Path) -> Path:
    """Where the rows left out of ``path`` are written: ``FILE.rejected.csv``."""
    return path.with_name(f"{path.name}.rejected.csv")


def rejected_csv(
    header: Sequence[str],
    separator: str,
    rejected: Sequence[tuple[CallRecord, Sequence[RowProblem]]],
    tell: Callable[[Sentence], str],
) -> bytes:
    """The rejected rows as a file; ``tell`` puts each problem in the reader's language."""
    output = io.StringIO(newline="")
    writer = csv.writer(output, delimiter=separator, lineterminator="\r\n")
    writer.writerow([*header, REASON_COLUMN])
    width = len(header)
    for record, problems in rejected:
        fields = list(record.raw) + [""] * (width - len(record.raw))
        writer.writerow([*fields, "; ".join(tell(_reason(problem)) for problem in problems)])
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def _reason(problem: RowProblem) -> Sentence:
    """The problem without its line, which the row itself is: ``column NAME: reason``."""
    if problem.column is None:
        return problem.reason
    return _IN_COLUMN(column=problem.column, reason=problem.reason)


def write_rejected(path: Path, content: bytes) -> None:
    """Write the file whole or not at all: a temporary file renamed over it. Its rows are
    the earlier log's, notes and callback numbers included: the file is 0600."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        write_private(partial, content)
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)
