"""The brief's PDF file: written beside the CSV files, atomically, and audited.

The PDF itself is painted by Qt (``operline.ui.gpo``); saving it needs no Qt: the bytes are
written to a temporary file in the folder, flushed to disk, and renamed over an earlier
brief of the same week in the transaction that writes the audit entry, so a failed run
leaves the earlier file as it was.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from datetime import datetime
from pathlib import Path

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.figures.buckets import IsoWeek
from operline.gpo.export import ExportedFile, _not_writable, _sync_folder, check_folder
from operline.gpo.week import check_week_is_over

KIND = "brief"


def brief_file_name(week: IsoWeek) -> str:
    """operline-gpo-2026-W13-brief.pdf, beside the week's CSV files."""
    return f"operline-gpo-{week}-{KIND}.pdf"


def save_gpo_brief(
    database: Database,
    week: IsoWeek,
    pdf: bytes,
    folder: Path,
    *,
    pages: int,
    actor: Actor,
    now: datetime,
) -> ExportedFile:
    """Write the painted brief into ``folder`` in place of an earlier one; it is audited.

    ``rows`` of the file returned is its number of pages.
    """
    require(actor, Right.EXPORT)
    check_week_is_over(week, now)
    check_folder(folder)
    target = folder / brief_file_name(week)
    written = ExportedFile(KIND, target, pages, hashlib.sha256(pdf).hexdigest())
    temporary = _write_temporary(folder, target.name, pdf)
    try:
        with database.write() as session:
            write_audit(
                session,
                actor,
                AuditAction.GPO_BRIEF,
                now=now,
                target=str(week),
                details=f"{KIND} {pages} pages sha256 {written.sha256}",
            )
            session.flush()
            try:
                os.replace(temporary, target)
            except OSError as error:
                raise _not_writable(folder, error) from None
            _sync_folder(folder)
    finally:
        temporary.unlink(missing_ok=True)
    return written


def _write_temporary(folder: Path, name: str, content: bytes) -> Path:
    """Write the bytes to a temporary file beside ``name``, on disk when this returns."""
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    except OSError as error:
        raise _not_writable(folder, error) from None
    path = Path(temporary)
    try:
        with open(handle, "wb") as output:
            output.write(content)
            output.flush()
            os.fsync(output.fileno())
    except OSError as error:
        path.unlink(missing_ok=True)
        raise _not_writable(folder, error) from None
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path
