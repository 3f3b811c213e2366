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

__all__ = [
    "DutySpan",
    "DutyTeam",
    "OnDuty",
    "Roster",
    "RosterChange",
    "TeamContact",
    "WeeklyShift",
    "duty_intervals",
    "duty_timeline",
    "next_handoff",
    "on_duty_teams",
]
