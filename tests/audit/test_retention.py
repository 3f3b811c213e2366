"""Retention of the audit trail: old entries leave from the start, the chain still verifies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from operline.actors import ActionRefused
from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.audit_retention import audit_prune_plan, months_before, prune_audit
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditChain, AuditLog
from operline.settings import SettingRefused, write_setting
from tests.actors import COMMAND_LINE, signed_in
from tests.audit.chain import NOW, problem_of, tamper, write_entries

#: Thirteen months before NOW: a year and a month old.
OLD = datetime(2025, 10, 27, 15, 0, tzinfo=UTC)


def _actions(database: Database) -> list[str]:
    with database.read() as session:
        return list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def test_months_are_counted_on_the_calendar() -> None:
    assert months_before(NOW, 12) == datetime(2025, 11, 27, 15, 0, tzinfo=UTC)
    assert months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), 36) == datetime(2023, 1, 15, tzinfo=UTC)


def test_old_entries_leave_from_the_start_and_the_chain_still_verifies(
    database: Database,
) -> None:
    old = write_entries(database, 4, start=OLD)
    recent = write_entries(database, 3, start=NOW - timedelta(days=30))
    assert audit_prune_plan(database, now=NOW).count == 4
    assert _actions(database)[-1] == AuditAction.JOURNAL_VIEW  # the plan changed nothing

    assert prune_audit(database, now=NOW, actor=COMMAND_LINE) == 4

    with database.read() as session:
        kept = list(session.scalars(select(AuditLog.id).order_by(AuditLog.id)))
        head = session.get(AuditChain, 1)
        assert head is not None
        assert head.anchor_id == old[-1]
    assert kept[:3] == recent
    assert _actions(database)[-1] == AuditAction.AUDIT_PRUNE  # the prune is audited
    report = verify_audit_chain(database)
    assert report.intact, str(report.problem)
    assert (report.entries, report.first_id, report.anchor_id) == (4, recent[0], old[-1])
    # Nothing more is old: a second prune removes nothing and writes nothing.
    assert prune_audit(database, now=NOW, actor=COMMAND_LINE) == 0
    assert len(_actions(database)) == 4


def test_the_chain_is_cut_only_before_the_first_entry_still_kept(database: Database) -> None:
    write_entries(database, 2, start=OLD)
    write_entries(database, 1, start=NOW)
    # An old instant after a recent one (a desk whose clock was wrong) stays, with all after.
    write_entries(database, 1, start=OLD)
    assert prune_audit(database, now=NOW, actor=COMMAND_LINE) == 2
    assert verify_audit_chain(database).intact


def test_pruning_everything_leaves_a_chain_that_verifies(database: Database) -> None:
    write_entries(database, 3, start=OLD)
    assert prune_audit(database, now=NOW, actor=COMMAND_LINE) == 3
    report = verify_audit_chain(database)
    assert report.intact
    assert report.entries == 1  # the prune's own entry


def test_an_entry_removed_after_a_prune_is_still_noticed(database: Database) -> None:
    write_entries(database, 2, start=OLD)
    recent = write_entries(database, 3, start=NOW - timedelta(days=1))
    prune_audit(database, now=NOW, actor=COMMAND_LINE)
    tamper(database, f"DELETE FROM audit_log WHERE id = {recent[0]}")
    assert problem_of(database) == (
        f"An audit entry was removed before entry {recent[1]}: "
        "it does not follow the start of the chain."
    )


def test_the_retention_follows_its_setting(database: Database) -> None:
    write_entries(database, 2, start=OLD)
    write_setting(database, "audit.months_kept", "24", actor=COMMAND_LINE, now=NOW)
    assert audit_prune_plan(database, now=NOW).count == 0
    assert prune_audit(database, now=NOW, actor=COMMAND_LINE) == 0
    assert audit_prune_plan(database, now=NOW + timedelta(days=366)).months == 24
    with database.read() as session:
        assert session.scalar(select(func.count(AuditLog.id))) == 3


@pytest.mark.parametrize("months", ["11", "37", "douze"])
def test_the_retention_setting_stays_between_12_and_36_months(
    database: Database, months: str
) -> None:
    with pytest.raises(SettingRefused) as refused:
        write_setting(database, "audit.months_kept", months, actor=COMMAND_LINE, now=NOW)
    assert str(refused.value).startswith("audit.months_kept: ")


def test_an_operator_may_not_prune(database: Database) -> None:
    write_entries(database, 2, start=OLD)
    operator = signed_in(database, "Léa", OperatorRole.OPERATOR)
    with pytest.raises(ActionRefused):
        prune_audit(database, now=NOW, actor=operator)
    assert audit_prune_plan(database, now=NOW).count == 2
