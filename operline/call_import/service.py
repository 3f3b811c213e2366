"""Importing the call log kept before Operline: checked whole, then written in one go.

By default an import is all or nothing: one row with a problem and nothing is written.
``skip_invalid`` writes the rows without problems and returns the others for the rejected
file; ``dry_run`` checks and counts, and writes nothing. A call imported before (its
fingerprint is in ``imported_call``) is counted as skipped, never written twice.
The checks and the roster's answers are read before the write transaction opens, so the
desks' calls wait on the import's write only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.call_import.problems import RowProblem
from operline.call_import.reading import CallFile, CallRecord, read_call_file
from operline.call_import.rows import CallRow, CheckedRecords, DeskNames, check_records
from operline.call_import.writing import ImportSource, write_calls
from operline.db.engine import Database
from operline.db.models import Facility, ImportedCall, Sector, Team
from operline.names import fold_name
from operline.roster.duty import duties_as_stood

#: How many fingerprints one statement names at most, well under every backend's limit.
_PER_STATEMENT = 500


@dataclass(frozen=True)
class CallImport:
    """What an import did (or, dry run or refused, would do), and what it found."""

    file_name: str
    file_sha256: str
    header: tuple[str, ...]
    separator: str
    #: Calls written (or that a dry run would write).
    imported: int
    #: Calls of the file imported before, left as they are.
    skipped: int
    #: Rows with a problem, each with its problems, in the order of the file.
    rejected: tuple[tuple[CallRecord, tuple[RowProblem, ...]], ...]
    warnings: tuple[RowProblem, ...]
    #: The references given, in the order of the file's rows (none when nothing was written).
    references: tuple[str, ...]
    dry_run: bool
    #: Whether anything was written: false on a dry run, or a refusal for a row's problem.
    written: bool

    @property
    def problems(self) -> tuple[RowProblem, ...]:
        return tuple(problem for _, problems in self.rejected for problem in problems)


def import_calls(
    database: Database,
    content: bytes,
    *,
    file_name: str,
    actor: Actor,
    now: datetime,
    skip_invalid: bool = False,
    dry_run: bool = False,
) -> CallImport:
    """Import a call log file; raises CallFileError when it cannot be read at all."""
    require(actor, Right.IMPORT)
    sha256 = hashlib.sha256(content).hexdigest()
    call_file = read_call_file(content)
    with database.read() as session:
        checked = check_records(call_file.records, desk_names(session), now=now)
        new_rows = _not_imported(session, checked.rows)
    checked = _with_misshapen(checked, call_file)
    refused = bool(checked.rejected) and not skip_invalid
    if dry_run or refused:
        return _result(call_file, file_name, sha256, checked, new_rows, (), dry_run=dry_run)
    # As the roster stood when each call came in, as for a call the desk logs late.
    questions = [(row.sector_id, row.received_at) for row in new_rows]
    on_duty = {
        row.line: bool(teams)
        for row, teams in zip(new_rows, duties_as_stood(database, questions), strict=True)
    }
    source = ImportSource(file_name, sha256, actor.operator_id, now)
    with database.write() as session:
        # Another import may have written some of the same calls since they were read.
        new_rows = _not_imported(session, new_rows)
        duties = [on_duty[row.line] for row in new_rows]
        references = write_calls(session, new_rows, duties, source)
        result = _result(call_file, file_name, sha256, checked, new_rows, references)
        write_audit(
            session,
            actor,
            AuditAction.CALL_IMPORT,
            now=now,
            target=file_name,
            details=f"sha256={sha256}; {result.imported} imported, {result.skipped} skipped "
            f"(imported before), {len(result.rejected)} rejected",
        )
    return result


def desk_names(session: Session) -> DeskNames:
    """Every sector, team and place of the desk, retired ones too, by folded name."""

    def named(rows: Iterable[tuple[int, str]]) -> dict[str, int]:
        return {fold_name(name): row_id for row_id, name in rows}

    return DeskNames(
        sectors=named(session.execute(select(Sector.id, Sector.name)).all()),
        teams=named(session.execute(select(Team.id, Team.name)).all()),
        places=named(session.execute(select(Facility.id, Facility.name)).all()),
    )


def _not_imported(session: Session, rows: tuple[CallRow, ...]) -> tuple[CallRow, ...]:
    """The rows whose fingerprint no earlier import wrote."""
    fingerprints = [row.fingerprint for row in rows]
    known: set[str] = set()
    for start in range(0, len(fingerprints), _PER_STATEMENT):
        chunk = fingerprints[start : start + _PER_STATEMENT]
        known.update(
            session.scalars(
                select(ImportedCall.fingerprint).where(ImportedCall.fingerprint.in_(chunk))
            )
        )
    return tuple(row for row in rows if row.fingerprint not in known)


def _with_misshapen(checked: CheckedRecords, call_file: CallFile) -> CheckedRecords:
    """The rows of a wrong number of fields among the rejected, in the order of the file."""
    if not call_file.misshapen:
        return checked
    rejected = [
        *checked.rejected,
        *((record, (problem,)) for record, problem in call_file.misshapen),
    ]
    rejected.sort(key=lambda pair: pair[0].line)
    return CheckedRecords(checked.rows, tuple(rejected), checked.warnings)


def _result(
    call_file: CallFile,
    file_name: str,
    sha256: str,
    checked: CheckedRecords,
    new_rows: tuple[CallRow, ...],
    references: Iterable[str],
    *,
    dry_run: bool = False,
) -> CallImport:
    references = tuple(references)
    return CallImport(
        file_name=file_name,
        file_sha256=sha256,
        header=call_file.header,
        separator=call_file.separator,
        imported=len(references) if references or not dry_run else len(new_rows),
        skipped=len(checked.rows) - len(new_rows),
        rejected=checked.rejected,
        warnings=checked.warnings,
        references=references,
        dry_run=dry_run,
        written=bool(references),
    )
