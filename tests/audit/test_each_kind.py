"""Each kind of audited action writes exactly one entry, done through its own service.

Every scenario prepares what the action needs (those entries are not counted), then acts
once; the entries written after that are exactly the one expected (a handover is also the
sign-in of the incoming operator), and the chain still verifies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.audit_export import export_audit
from operline.audit_retention import prune_audit
from operline.call_import.service import import_calls
from operline.day_log import read_day_log, record_export
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.demo import fill_demo_database
from operline.figures.buckets import IsoWeek
from operline.figures.sector_view import sector_figures
from operline.figures.week import week_figures
from operline.handover import hand_over, handovers_of_day
from operline.history.filters import HistoryFilter
from operline.history.search import search_history
from operline.incidents.conflicts import IncidentConflict
from operline.incidents.timeline import read_incident
from operline.incidents.undo import undo_last_stage
from operline.journal import day_incident_ids
from operline.logins import SignInRefused, sign_in, sign_out
from operline.operators import set_operator_active
from operline.paris_time import to_paris
from operline.privacy import purge
from operline.roster import editing
from operline.roster.roster_file import export_roster, import_roster
from tests.actors import COMMAND_LINE, PASSWORD, WORKSTATION
from tests.test_rights import (
    ADMINISTRATOR_ONLY,
    NOW,
    PERSON_ONLY,
    SUPERVISOR_ONLY,
    Desk,
    build_desk,
)

#: Prepares what an action needs, and returns the action itself.
Scenario = Callable[[Desk], Callable[[], object]]


@pytest.fixture
def desk(database: Database, tmp_path: Path) -> Desk:
    """The desk of ``tests.test_rights``, on each backend."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return build_desk(database, folder)


def _by_supervisor(name: str) -> Scenario:
    service = SUPERVISOR_ONLY[name][1]
    return lambda d: lambda: service(d, d.supervisor)


def _by_administrator(name: str) -> Scenario:
    service = ADMINISTRATOR_ONLY[name][1]
    return lambda d: lambda: service(d, d.administrator)


def _by_operator(name: str) -> Scenario:
    service = PERSON_ONLY[name]
    return lambda d: lambda: service(d, d.operator)


def _undo(d: Desk) -> Callable[[], object]:
    # The routed call was routed by the operator a minute ago: that step may be undone.
    return lambda: undo_last_stage(
        d.database, d.routed_call, version=2, actor=d.operator, now=NOW + timedelta(minutes=1)
    )


def _conflict(d: Desk) -> Callable[[], object]:
    _by_operator("route_incident")(d)()

    def route_again_from_a_stale_board() -> None:
        with pytest.raises(IncidentConflict):
            PERSON_ONLY["route_incident"](d, d.supervisor)

    return route_again_from_a_stale_board


def _wrong_password(d: Desk) -> None:
    with pytest.raises(SignInRefused):
        sign_in(d.database, "Karim Haddad", "pas le bon", workstation=WORKSTATION, now=NOW)


def _locked_at_the_fifth(d: Desk) -> Callable[[], object]:
    for _ in range(4):
        _wrong_password(d)
    return lambda: _wrong_password(d)


def _retired_then(restore: Scenario, retire: str) -> Scenario:
    def prepare(d: Desk) -> Callable[[], object]:
        by = _by_administrator if retire in ADMINISTRATOR_ONLY else _by_supervisor
        by(retire)(d)()
        return restore(d)

    return prepare


def _day_log_export(d: Desk) -> Callable[[], object]:
    log = read_day_log(d.database, NOW.date(), actor=d.supervisor, now=NOW)
    return lambda: record_export(d.database, log, "pdf", actor=d.supervisor, now=NOW)


def _handover(d: Desk) -> Callable[[], object]:
    incoming = d.supervisor.operator_id
    assert incoming is not None
    return lambda: hand_over(
        d.database, "RAS", actor=d.operator, to_operator_id=incoming, password=PASSWORD, now=NOW
    )


def _roster_import(d: Desk) -> Callable[[], object]:
    rows = export_roster(d.database)
    changed = [replace(rows[0], start=time(9))]
    return lambda: import_roster(
        d.database, changed, create_sectors=False, actor=d.supervisor, now=NOW, replace_all=True
    )


def _audit_export(d: Desk) -> Callable[[], object]:
    path = d.export_folder / "audit.csv"
    return lambda: export_audit(
        d.database, NOW.date(), NOW.date(), path, actor=COMMAND_LINE, now=NOW
    )


def _call_import(d: Desk) -> Callable[[], object]:
    received = to_paris(NOW - timedelta(days=1))
    content = f"received_at;sector;category\n{received:%d/%m/%Y %H:%M};Stalingrad;autre\n"
    return lambda: import_calls(
        d.database, content.encode(), file_name="journal.csv", actor=d.supervisor, now=NOW
    )


def _privacy_purge(d: Desk) -> Callable[[], object]:
    # Three years on, every call of the desk is past its anonymisation.
    return lambda: purge(
        d.database, actor=d.administrator, now=NOW + timedelta(days=3 * 366),
        drafts_folder=d.export_folder,
    )  # fmt: skip


def _audit_prune(d: Desk) -> Callable[[], object]:
    # Two years on, every entry is past its retention.
    return lambda: prune_audit(d.database, now=NOW + timedelta(days=800), actor=COMMAND_LINE)


SCENARIOS: dict[AuditAction, Scenario] = {
    AuditAction.OPERATOR_SIGN_IN: lambda d: (
        lambda: sign_in(d.database, "Karim Haddad", PASSWORD, workstation=WORKSTATION, now=NOW)
    ),
    AuditAction.LOGOUT: lambda d: lambda: sign_out(d.database, d.supervisor, now=NOW),
    AuditAction.LOGIN_FAILED: lambda d: lambda: _wrong_password(d),
    AuditAction.ACCOUNT_LOCKED: _locked_at_the_fifth,
    AuditAction.UNLOCK: _by_administrator("unlock_operator"),
    AuditAction.PASSWORD_SET: _by_administrator("set_password"),
    AuditAction.ROLE_CHANGE: _by_administrator("set_role"),
    AuditAction.OPERATOR_ADD: _by_administrator("add_operator"),
    AuditAction.OPERATOR_RETIRE: _by_administrator("retire_operator"),
    AuditAction.OPERATOR_RESTORE: _retired_then(
        lambda d: (
            lambda: set_operator_active(
                d.database, "Zoé Martin", True, actor=d.administrator, now=NOW
            )
        ),
        "retire_operator",
    ),
    AuditAction.OPERATOR_HANDOVER: _handover,
    AuditAction.HANDOVER_VIEW: lambda d: (
        lambda: handovers_of_day(d.database, NOW.date(), actor=d.supervisor, now=NOW)
    ),
    AuditAction.SETTINGS_WRITE: _by_administrator("write_setting"),
    AuditAction.INCIDENT_VIEW: lambda d: (
        lambda: read_incident(d.database, d.new_call, actor=d.supervisor, now=NOW)
    ),
    AuditAction.JOURNAL_VIEW: lambda d: (
        lambda: day_incident_ids(d.database, NOW.date(), actor=d.operator, now=NOW)
    ),
    AuditAction.HISTORY_SEARCH: lambda d: (
        lambda: search_history(
            d.database, HistoryFilter(sector_id=d.sector_id), actor=d.supervisor, now=NOW
        )
    ),
    AuditAction.SECTOR_FIGURES_VIEW: lambda d: (
        lambda: sector_figures(d.database, d.sector_id, actor=d.operator, now=NOW)
    ),
    AuditAction.WEEK_FIGURES_VIEW: lambda d: (
        lambda: week_figures(d.database, IsoWeek(2026, 47), actor=d.supervisor, now=NOW)
    ),
    AuditAction.INCIDENT_LOG: _by_operator("log_call"),
    AuditAction.INCIDENT_LINK: _by_operator("link_call"),
    AuditAction.INCIDENT_ROUTE: _by_operator("route_incident"),
    AuditAction.INCIDENT_ADVANCE: _by_operator("advance_incident"),
    AuditAction.INCIDENT_CLOSE: _by_operator("close_incident"),
    AuditAction.INCIDENT_REASSIGN: _by_operator("reassign_incident"),
    AuditAction.INCIDENT_NOTE: _by_operator("add_note"),
    AuditAction.INCIDENT_UNDO: _undo,
    AuditAction.INCIDENT_CONFLICT: _conflict,
    AuditAction.PLACES_REPORT: _by_operator("report_free_places"),
    AuditAction.INCIDENT_CORRECT: _by_supervisor("correct_incident"),
    AuditAction.DAY_SIGN_OFF: _by_supervisor("sign_off_day"),
    AuditAction.DAY_LOG_EXPORT: _day_log_export,
    AuditAction.GPO_EXPORT: _by_supervisor("export_gpo_week"),
    AuditAction.GPO_PREVIEW: _by_supervisor("preview_gpo_week"),
    AuditAction.GPO_BRIEF: _by_supervisor("save_gpo_brief"),
    AuditAction.ROSTER_IMPORT: _roster_import,
    AuditAction.EXCEPTION_ADD: _by_supervisor("add_roster_exception"),
    AuditAction.EXCEPTION_REMOVE: _by_supervisor("remove_roster_exception"),
    AuditAction.TEAM_ADD: _by_supervisor("add_team"),
    AuditAction.TEAM_UPDATE: _by_supervisor("update_team"),
    AuditAction.TEAM_RETIRE: _by_supervisor("retire_team"),
    AuditAction.TEAM_RESTORE: _retired_then(
        lambda d: (
            lambda: editing.restore_team(d.database, d.other_team_id, actor=d.supervisor, now=NOW)
        ),
        "retire_team",
    ),
    AuditAction.SECTOR_ADD: _by_supervisor("add_sector"),
    AuditAction.SECTOR_UPDATE: _by_supervisor("update_sector"),
    AuditAction.SECTOR_RETIRE: _by_supervisor("retire_sector"),
    AuditAction.SECTOR_RESTORE: _retired_then(_by_supervisor("restore_sector"), "retire_sector"),
    AuditAction.FACILITY_ADD: _by_supervisor("add_facility"),
    AuditAction.FACILITY_UPDATE: _by_supervisor("update_facility"),
    AuditAction.FACILITY_RETIRE: _by_supervisor("retire_facility"),
    AuditAction.FACILITY_RESTORE: _retired_then(
        _by_supervisor("restore_facility"), "retire_facility"
    ),
    AuditAction.PATTERN_ADD: _by_supervisor("add_shift_pattern"),
    AuditAction.PATTERN_UPDATE: _by_supervisor("update_shift_pattern"),
    AuditAction.PATTERN_DELETE: _by_supervisor("delete_shift_pattern"),
    AuditAction.AUDIT_EXPORT: _audit_export,
    AuditAction.AUDIT_PRUNE: _audit_prune,
    AuditAction.CALL_IMPORT: _call_import,
    AuditAction.PRIVACY_PURGE: _privacy_purge,
}
#: What else the action writes, besides its own entry.
ALSO_WRITTEN = {
    # The incoming operator signs in, the outgoing one signs out.
    AuditAction.OPERATOR_HANDOVER: [AuditAction.OPERATOR_SIGN_IN, AuditAction.LOGOUT],
    # The fifth wrong password is a failure, and locks the account.
    AuditAction.ACCOUNT_LOCKED: [AuditAction.LOGIN_FAILED],
}


def _entries_after(database: Database, last: int) -> list[str]:
    with database.read() as session:
        query = select(AuditLog.action).where(AuditLog.id > last).order_by(AuditLog.id)
        return list(session.scalars(query))


@pytest.mark.parametrize("kind", SCENARIOS, ids=str)
def test_each_kind_of_action_writes_exactly_one_entry(desk: Desk, kind: AuditAction) -> None:
    act = SCENARIOS[kind](desk)
    with desk.database.read() as session:
        last = session.scalar(select(func.max(AuditLog.id))) or 0

    act()

    written = _entries_after(desk.database, last)
    assert written.count(kind) == 1
    assert sorted(written) == sorted([kind, *ALSO_WRITTEN.get(kind, [])])
    assert verify_audit_chain(desk.database).intact


def test_the_demo_fill_writes_exactly_one_entry(database: Database) -> None:
    fill_demo_database(database, incidents=10, weeks=1, seed=1, now=NOW)
    assert _entries_after(database, 0) == [AuditAction.DEMO_FILLED]
    assert verify_audit_chain(database).intact


def test_every_kind_of_action_is_covered() -> None:
    assert set(SCENARIOS) | {AuditAction.DEMO_FILLED} == set(AuditAction)


def test_the_day_log_read_is_one_journal_and_one_handover_consultation(desk: Desk) -> None:
    with desk.database.read() as session:
        last = session.scalar(select(func.max(AuditLog.id))) or 0
    read_day_log(desk.database, date(2026, 11, 25), actor=desk.supervisor, now=NOW)
    assert _entries_after(desk.database, last) == [
        AuditAction.JOURNAL_VIEW,
        AuditAction.HANDOVER_VIEW,
    ]
