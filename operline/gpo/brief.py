"""The brief's PDF file: written beside the CSV files, atomically, and audited.

The PDF itself is painted by Qt (``operline.ui.gpo``); saving it needs no Qt: the bytes are
written to a temporary file in the folder, flushed to disk, and renamed over an earlier
brief of the same week in the transaction that writes the audit entry, so a failed run
leaves the earlier file as it was.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.db.engine import Database
from operline.figures.buckets import IsoWeek
from operline.gpo.export import ExportedFile
from operline.gpo.folder import check_folder, rename_in, write_temporary
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
    temporary, _ = write_temporary(folder, target.name, lambda output: output.write(pdf))
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
            rename_in([(temporary, target)], folder)
    finally:
        temporary.unlink(missing_ok=True)
    return written
