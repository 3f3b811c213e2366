"""The weekly export for the GPO: three CSV files for French Excel, written atomically.

``operline-gpo-YYYY-Www-incidents.csv`` (one row a call), ``…-summary.csv`` (one row a
sector, then the total) and ``…-hotspots.csv`` (the places with the most calls). Each file
is written to a temporary file in the same folder, flushed to disk, and renamed over the
previous one only once all three are complete, in the transaction that writes the audit
entry: a failed run leaves the files of an earlier run as they were. Re-running overwrites
the same week.

The files carry no notes, callback numbers or operator names; a phone number typed into
the place or the calling service is masked (``operline.gpo.minimise``).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.csv_files import write_french_excel_csv
from operline.db.engine import Database
from operline.db.models import Incident, Sector
from operline.figures.buckets import IsoWeek
from operline.figures.places import fold_place
from operline.gpo.folder import check_folder, rename_in, sha256_of, write_temporary
from operline.gpo.incidents import INCIDENT_TEXT_COLUMNS, Progress, incident_lines
from operline.gpo.minimise import mask_phones
from operline.gpo.tally import WeekTally
from operline.gpo.week import check_week_is_over
from operline.roster.board import active_sectors

#: The three files, in the order they are written and audited.
KINDS = ("incidents", "summary", "hotspots")


@dataclass(frozen=True, slots=True)
class ExportedFile:
    """One file written: where, how many data rows (the header not counted; the pages of
    a PDF), its SHA-256."""

    kind: str
    path: Path
    rows: int
    sha256: str


@dataclass(frozen=True)
class GpoExport:
    """What an export wrote."""

    week: IsoWeek
    files: tuple[ExportedFile, ...]

    def file(self, kind: str) -> ExportedFile:
        return next(written for written in self.files if written.kind == kind)


def file_name(week: IsoWeek, kind: str) -> str:
    """The name the GPO's contract gives a file: operline-gpo-2026-W13-incidents.csv."""
    return f"operline-gpo-{week}-{kind}.csv"


def export_gpo_week(
    database: Database,
    week: IsoWeek,
    folder: Path,
    *,
    actor: Actor,
    now: datetime,
    progress: Progress | None = None,
) -> GpoExport:
    """Write the week's three files into ``folder``; the export is audited.

    ``progress``, when given, is told (calls written, calls of the week) as the
    incidents file is written.
    """
    require(actor, Right.EXPORT)
    check_week_is_over(week, now)
    check_folder(folder)
    start, end = week.bounds()
    previous_start, _ = week.shifted(-1).bounds()
    pending: list[tuple[str, Path, int]] = []
    try:
        with database.read() as session:
            sectors = active_sectors(session)
            names = {id_: name for id_, name in session.execute(select(Sector.id, Sector.name))}
            tally = WeekTally()
            pending.append(
                _write_lines(
                    folder,
                    week,
                    "incidents",
                    incident_lines(session, start, end, tally, progress=progress),
                    text_columns=INCIDENT_TEXT_COLUMNS,
                )
            )
            previous = places_between(session, previous_start, start)
        pending.append(_write_lines(folder, week, "summary", tally.summary_lines(sectors)))
        shown = {sector_id: name for sector_id, name in sectors} | names
        pending.append(_write_lines(folder, week, "hotspots", tally.hotspot_lines(previous, shown)))
        files = tuple(
            ExportedFile(kind, folder / file_name(week, kind), rows, sha256_of(path))
            for kind, path, rows in pending
        )
        with database.write() as session:
            write_audit(
                session,
                actor,
                AuditAction.GPO_EXPORT,
                now=now,
                target=str(week),
                details=_details(files),
            )
            session.flush()
            rename_in(
                (
                    (temporary, written.path)
                    for (_, temporary, _), written in zip(pending, files, strict=True)
                ),
                folder,
            )
    finally:
        for _, path, _ in pending:
            path.unlink(missing_ok=True)
    return GpoExport(week, files)


def _write_lines(
    folder: Path,
    week: IsoWeek,
    kind: str,
    lines: Iterable[Sequence[object]],
    *,
    text_columns: Sequence[int] | None = None,
) -> tuple[str, Path, int]:
    """Write a file's lines to a temporary file beside it: its kind, path and data rows."""

    def fill(output: BinaryIO) -> int:
        text = io.TextIOWrapper(output, encoding="utf-8", newline="")
        rows = write_french_excel_csv(lines, text, text_columns=text_columns) - 1
        text.flush()
        text.detach()  # the file stays open: the folder's writer syncs and closes it
        return rows

    path, rows = write_temporary(folder, file_name(week, kind), fill)
    return kind, path, rows


def _details(files: tuple[ExportedFile, ...]) -> str:
    return "; ".join(
        f"{written.kind} {written.rows} rows sha256 {written.sha256}" for written in files
    )


def places_between(session: Session, start: datetime, end: datetime) -> Counter[tuple[int, str]]:
    """Calls per sector and place in ``[start, end)``, places compared as the hot spots are."""
    rows = session.execute(
        select(Incident.sector_id, Incident.location, func.count())
        .where(
            Incident.received_at >= start,
            Incident.received_at < end,
            Incident.location.is_not(None),
        )
        .group_by(Incident.sector_id, Incident.location)
    )
    places: Counter[tuple[int, str]] = Counter()
    for sector_id, location, count in rows:
        key = fold_place(mask_phones(location or ""))
        if key:
            places[sector_id, key] += int(count)
    return places
