"""The on-duty board: for each sector, who to call now, and what changes at the next handoff.

Everything here is read from the roster engine (``on_duty_teams``, ``next_handoff``,
``coverage_gaps``), so the board, the routing and the gap report always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.db.models import Sector
from operline.names import fold_name
from operline.paris_time import as_utc
from operline.roster.engine import OnDuty, next_handoff, on_duty_teams
from operline.roster.gaps import GapKind, coverage_gaps
from operline.roster.store import load_roster

#: How far ahead the warning about coverage gaps looks.
GAP_WARNING_WINDOW = timedelta(hours=24)
#: A gap running for this long already is standing, not news: the board shows it in red,
#: and repeating it in the warning would teach the desk to ignore the warning.
STANDING_GAP = timedelta(days=7)
#: How far past the warning window a gap's end is looked for.
GAP_END_LOOKOUT = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class SectorDutyRow:
    """One sector of the board: the teams on duty now, tier 1 first, and the next handoff.

    ``after`` lists who is on duty from ``handoff_at`` on; both are empty/None when nothing
    changes within the engine's lookout.
    """

    sector_id: int
    sector: str
    first_call: tuple[OnDuty, ...]
    backup: tuple[OnDuty, ...]
    handoff_at: datetime | None
    after: tuple[OnDuty, ...]

    @property
    def covered(self) -> bool:
        """Whether a first-call (tier-1) team is on duty."""
        return bool(self.first_call)

    @property
    def first_call_without_phone(self) -> tuple[OnDuty, ...]:
        return tuple(team for team in self.first_call if team.phone is None)

    @property
    def arriving(self) -> tuple[OnDuty, ...]:
        """Teams on duty after the handoff that are not on duty now at that tier."""
        now = _keys(self.first_call + self.backup)
        return tuple(team for team in self.after if (team.team_id, team.tier) not in now)

    @property
    def leaving(self) -> tuple[OnDuty, ...]:
        """Teams on duty now that are no longer on duty at that tier after the handoff."""
        later = _keys(self.after)
        return tuple(
            team for team in self.first_call + self.backup if (team.team_id, team.tier) not in later
        )

    @property
    def covered_after(self) -> bool:
        return any(team.tier == 1 for team in self.after)


@dataclass(frozen=True, slots=True)
class UpcomingGap:
    """A coverage gap the desk should hear about: ``[start, end)`` in UTC, true bounds."""

    sector_id: int
    sector: str
    start: datetime
    end: datetime
    kind: GapKind
    #: The gap has already begun.
    ongoing: bool
    #: The gap has lasted ``STANDING_GAP`` or more (its true start lies further back).
    standing: bool = False


def duty_board(database: Database, at: datetime) -> list[SectorDutyRow]:
    """Every active sector, in the desk's order, with its teams on duty at ``at``."""
    at = as_utc(at)
    with database.read() as session:
        sectors = active_sectors(session)
        roster = load_roster(session, changes_ending_after=at)
    rows = []
    for sector_id, name in sectors:
        on_duty = on_duty_teams(roster, sector_id, at)
        handoff = next_handoff(roster, sector_id, at)
        rows.append(
            SectorDutyRow(
                sector_id=sector_id,
                sector=name,
                first_call=tuple(team for team in on_duty if team.tier == 1),
                backup=tuple(team for team in on_duty if team.tier > 1),
                handoff_at=handoff[0] if handoff else None,
                after=tuple(handoff[1]) if handoff else (),
            )
        )
    return rows


def earliest_handoff(rows: list[SectorDutyRow]) -> datetime | None:
    """When the board next changes: the first handoff of any sector."""
    return min((row.handoff_at for row in rows if row.handoff_at is not None), default=None)


def upcoming_gaps(
    database: Database,
    now: datetime,
    *,
    within: timedelta = GAP_WARNING_WINDOW,
    standing: bool = False,
) -> list[UpcomingGap]:
    """Gaps going on now or starting within ``within``, soonest first, no team before no phone.

    Gaps standing for ``STANDING_GAP`` or more (a sector nobody is rostered for) are left
    out, unless ``standing``: then they come first of their kind, marked ``standing``.
    """
    now = as_utc(now)
    horizon = now + within
    window_start = now - STANDING_GAP
    with database.read() as session:
        sectors = active_sectors(session)
        roster = load_roster(session, changes_ending_after=window_start)
    names = dict(sectors)
    order = {sector_id: index for index, (sector_id, _) in enumerate(sectors)}
    # Read without ``now`` so a gap already begun keeps its true start.
    gaps = coverage_gaps(roster, names, start=window_start, end=horizon + GAP_END_LOOKOUT, now=None)
    found = [
        UpcomingGap(
            gap.sector_id,
            names[gap.sector_id],
            gap.start,
            gap.end,
            gap.kind,
            gap.start <= now,
            standing=gap.start <= window_start,
        )
        for gap in gaps
        if gap.end > now and gap.start < horizon and (standing or gap.start > window_start)
    ]
    found.sort(key=lambda gap: (gap.kind != "no_team", gap.start, order[gap.sector_id]))
    return found


def active_sectors(session: Session) -> list[tuple[int, str]]:
    """The active sectors' ids and names, in the desk's order."""
    rows = session.execute(select(Sector.id, Sector.name, Sector.sort_order).where(Sector.active))
    # Sorted here, not in SQL: SQLite and PostgreSQL order accented names differently.
    ordered = sorted(rows, key=lambda row: (row.sort_order, fold_name(row.name), row.id))
    return [(row.id, row.name) for row in ordered]


def _keys(teams: tuple[OnDuty, ...]) -> set[tuple[int, int]]:
    return {(team.team_id, team.tier) for team in teams}
