"""The audit entries of a period as a CSV file, for a data-protection officer.

One row an entry, with every column the entry has, its hashes included, so the file can be
checked against the chain. The file is written beside its name and renamed in once the
export is audited: a failed export leaves an earlier file as it was.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.audit_chain import stored_entries
from operline.csv_files import write_french_excel_csv
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.gpo.folder import check_folder, rename_in, sha256_of, write_temporary
from operline.paris_time import isoformat_paris, paris_day_bounds
from operline.sentences import QT_TRANSLATE_NOOP

HEADER = (
    "id",
    "at_utc",
    "at_paris",
    "operator_id",
    "actor",
    "action",
    "target",
    "details",
    "details_sha256",
    "details_erased_at",
    "previous_hash",
    "entry_hash",
)
#: The columns that hold text from outside (the others are numbers, instants and hashes).
TEXT_COLUMNS = (4, 5, 6, 7)


@dataclass(frozen=True)
class AuditExport:
    """The file written: where, how many entries, and its SHA-256."""

    path: Path
    rows: int
    sha256: str


def export_audit(
    database: Database, first: date, last: date, path: Path, *, actor: Actor, now: datetime
) -> AuditExport:
    """Write the entries of the Paris days ``first`` to ``last`` into ``path``; audited."""
    require(actor, Right.AUDIT_TRAIL)
    if last < first:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "AuditMessages", "The period ends on {last}, before it starts on {first}."
            ),
            first=first.isoformat(),
            last=last.isoformat(),
        )
    folder = path.parent
    check_folder(folder)
    start, _ = paris_day_bounds(first)
    _, end = paris_day_bounds(last)
    with database.read() as session:
        temporary, rows = write_temporary(
            folder, path.name, lambda output: _write(output, _lines(session, start, end))
        )
    try:
        written = AuditExport(path, rows - 1, sha256_of(temporary))
        with database.write() as session:
            write_audit(
                session,
                actor,
                AuditAction.AUDIT_EXPORT,
                now=now,
                target=f"{first.isoformat()}..{last.isoformat()}",
                details=f"{path.name}: {written.rows} entries, sha256 {written.sha256}",
            )
            session.flush()
            rename_in([(temporary, path)], folder)
    finally:
        temporary.unlink(missing_ok=True)
    return written


def _write(output: BinaryIO, lines: Iterator[Sequence[object]]) -> int:
    text = io.TextIOWrapper(output, encoding="utf-8", newline="")
    try:
        return write_french_excel_csv(lines, text, text_columns=TEXT_COLUMNS)
    finally:
        text.flush()
        text.detach()


def _lines(session: Session, start: datetime, end: datetime) -> Iterator[Sequence[object]]:
    yield HEADER
    for entry in stored_entries(session, between=(start, end)):
        yield (
            entry.id,
            entry.at.isoformat(),
            isoformat_paris(entry.at),
            "" if entry.operator_id is None else entry.operator_id,
            entry.actor,
            entry.action,
            entry.target or "",
            entry.details or "",
            entry.details_sha256 or "",
            "" if entry.details_erased_at is None else entry.details_erased_at.isoformat(),
            entry.previous_hash,
            entry.entry_hash,
        )
