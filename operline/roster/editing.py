"""The roster editor's services: teams, sectors, places, weekly shifts and exceptions.

Each change is checked field by field (``check_*`` returns errors and warnings while the
supervisor types; ``add_*``/``update_*`` check again and raise ``RosterEditRefused``), is
written in one transaction with its audit row, and comes back as a frozen record. Sectors,
teams and places are retired, never deleted, since calls keep pointing at them; weekly
shifts are rules and can be deleted.
"""

from operline.roster.editing_common import (
    MESSAGES,
    Check,
    FieldProblem,
    Problem,
    RosterEditRefused,
)
from operline.roster.editing_exceptions import (
    ExceptionDraft,
    add_exception,
    check_exception,
    list_exceptions,
    remove_exception,
)
from operline.roster.editing_facilities import (
    FacilityDraft,
    FacilityRecord,
    add_facility,
    check_facility,
    facility_kinds,
    list_facilities,
    restore_facility,
    retire_facility,
    update_facility,
)
from operline.roster.editing_patterns import (
    SCHEDULE,
    PatternDraft,
    PatternRecord,
    add_shift_pattern,
    check_shift_pattern,
    delete_shift_pattern,
    list_shift_patterns,
    update_shift_pattern,
)
from operline.roster.editing_sectors import (
    SectorDraft,
    SectorRecord,
    add_sector,
    check_sector,
    list_sectors,
    restore_sector,
    retire_sector,
    update_sector,
)
from operline.roster.editing_teams import (
    TeamDraft,
    TeamRecord,
    add_team,
    check_team,
    list_teams,
    restore_team,
    retire_team,
    update_team,
)
from operline.roster.roster_exceptions import ExceptionKind, RosterExceptionRecord

__all__ = [
    "MESSAGES",
    "SCHEDULE",
    "Check",
    "ExceptionDraft",
    "ExceptionKind",
    "FacilityDraft",
    "FacilityRecord",
    "FieldProblem",
    "PatternDraft",
    "PatternRecord",
    "Problem",
    "RosterEditRefused",
    "RosterExceptionRecord",
    "SectorDraft",
    "SectorRecord",
    "TeamDraft",
    "TeamRecord",
    "add_exception",
    "add_facility",
    "add_sector",
    "add_shift_pattern",
    "add_team",
    "check_exception",
    "check_facility",
    "check_sector",
    "check_shift_pattern",
    "check_team",
    "delete_shift_pattern",
    "facility_kinds",
    "list_exceptions",
    "list_facilities",
    "list_sectors",
    "list_shift_patterns",
    "list_teams",
    "remove_exception",
    "restore_facility",
    "restore_sector",
    "restore_team",
    "retire_facility",
    "retire_sector",
    "retire_team",
    "update_facility",
    "update_sector",
    "update_shift_pattern",
    "update_team",
]
