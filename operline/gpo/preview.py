"""What the GPO export of a week will hold, shown before it is saved: the summary and hot spots.

The preview walks the week's calls through the very lines of the incidents file and the
same tally as ``export_gpo_week`` (``operline.gpo.incidents``, ``operline.gpo.tally``),
writing nothing, so what the supervisor reads is what the files will say, cell for cell.
It names places and counts small enough to point at a call: like the week's charts, it is
a consultation of the history, and leaves one audit row naming the week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from operline.actors import Actor, Right, require
from operline.audit import AuditAction, write_audit
from operline.csv_files import not_a_formula
from operline.db.engine import Database
from operline.db.models import Sector
from operline.figures.buckets import IsoWeek
from operline.gpo.export import places_between
from operline.gpo.incidents import Progress, incident_lines
from operline.gpo.tally import TOTAL, WeekTally
from operline.gpo.week import check_week_is_over
from operline.roster.board import active_sectors


@dataclass(frozen=True, slots=True)
class HotSpot:
    """A row of the hot spots file: a place of a sector and its calls, this week and the last."""

    sector: str
    location: str
    calls: int
    calls_previous_week: int


@dataclass(frozen=True)
class GpoPreview:
    """The summary and hot spots of a week, each cell as the export's files will hold it."""

    week: IsoWeek
    #: The summary file's header.
    summary_columns: tuple[str, ...]
    #: One row a sector (active ones in the desk's order, then retired ones with calls),
    #: then the ``TOTAL`` row; every cell the text of the file (numbers written out, empty
    #: for a median with no acknowledged call).
    summary: tuple[tuple[str, ...], ...]
    #: The places with the most calls, most first.
    hotspots: tuple[HotSpot, ...]

    @property
    def calls(self) -> int:
        """The week's calls: the ``TOTAL`` row's count."""
        total = self.summary[-1]
        assert total[0] == TOTAL
        return int(total[1])


def preview_gpo_week(
    database: Database,
    week: IsoWeek,
    *,
    actor: Actor,
    now: datetime,
    progress: Progress | None = None,
) -> GpoPreview:
    """Read what the week's export will hold, writing no file; the reading is audited.

    ``progress``, when given, is told (calls read, calls of the week) as the calls go by.
    """
    require(actor, Right.EXPORT)
    check_week_is_over(week, now)
    start, end = week.bounds()
    previous_start, _ = week.shifted(-1).bounds()
    with database.read() as session:
        sectors = active_sectors(session)
        names = {id_: name for id_, name in session.execute(select(Sector.id, Sector.name))}
        tally = WeekTally()
        for _ in incident_lines(session, start, end, tally, progress=progress):
            pass  # each line counted into the tally, as when it is written
        previous = places_between(session, previous_start, start)
    header, *summary = tally.summary_lines(sectors)
    shown = {sector_id: name for sector_id, name in sectors} | names
    _, *hotspots = tally.hotspot_lines(previous, shown)
    preview = GpoPreview(
        week=week,
        summary_columns=tuple(str(cell) for cell in header),
        summary=tuple(tuple(_cell(cell) for cell in row) for row in summary),
        hotspots=tuple(
            HotSpot(_cell(sector), _cell(location), _count(calls), _count(before))
            for sector, location, calls, before in hotspots
        ),
    )
    with database.write() as session:
        write_audit(
            session,
            actor,
            AuditAction.GPO_PREVIEW,
            now=now,
            target=str(week),
            details=f"{preview.calls} calls",
        )
    return preview


def _cell(value: object) -> str:
    """A cell as the file holds it: a number written out, text guarded against formulas."""
    return str(not_a_formula(value))


def _count(value: object) -> int:
    assert isinstance(value, int)
    return value
