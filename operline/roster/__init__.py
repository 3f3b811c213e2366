"""The roster: which team is on duty for a sector at an instant, and where nobody is."""

from operline.roster.engine import (
    DutySpan,
    DutyTeam,
    OnDuty,
    Roster,
    RosterChange,
    TeamContact,
    WeeklyShift,
    duty_intervals,
    duty_timeline,
    next_handoff,
    on_duty_teams,
)
from operline.roster.gaps import CoverageGap, coverage_gaps

__all__ = [
    "CoverageGap",
    "DutySpan",
    "DutyTeam",
    "OnDuty",
    "Roster",
    "RosterChange",
    "TeamContact",
    "WeeklyShift",
    "coverage_gaps",
    "duty_intervals",
    "duty_timeline",
    "next_handoff",
    "on_duty_teams",
]
