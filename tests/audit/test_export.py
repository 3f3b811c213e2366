"""The audit export for a data-protection officer: a period's entries, as French Excel
reads them, written whole or not at all, and itself audited."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.actors import ActionRefused
from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.audit_export import HEADER, export_audit
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.errors import InvalidInput
from tests.actors import COMMAND_LINE, signed_in
from tests.audit.chain import NOW, write_entries


def _rows(path: Path) -> list[list[str]]:
    content = path.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")  # French Excel reads UTF-8 with its BOM
    assert b"\r\n" in content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_a_periods_entries_are_exported_with_every_column(
    database: Database, tmp_path: Path
) -> None:
    write_entries(database, 2, start=NOW - timedelta(days=3))
    inside = write_entries(database, 3, start=NOW)
    path = tmp_path / "audit.csv"
    written = export_audit(
        database, NOW.date(), NOW.date(), path, actor=COMMAND_LINE, now=NOW + timedelta(hours=1)
    )
    rows = _rows(path)
    assert tuple(rows[0]) == HEADER
    assert [int(row[0]) for row in rows[1:]] == inside
    assert written.rows == 3
    with database.read() as session:
        entry = session.get(AuditLog, inside[0])
        assert entry is not None
        assert rows[1][4:8] == [entry.actor, "journal.view", entry.target, entry.details]
        assert rows[1][-1] == entry.entry_hash
        audited = session.execute(
            select(AuditLog.target, AuditLog.details).where(
                AuditLog.action == AuditAction.AUDIT_EXPORT.value
            )
        ).one()
    assert audited.target == f"{NOW.date()}..{NOW.date()}"
    assert audited.details == f"audit.csv: 3 entries, sha256 {written.sha256}"
    assert verify_audit_chain(database).intact


def test_a_text_a_spreadsheet_would_run_is_not_a_formula(
    database: Database, tmp_path: Path
) -> None:
    from operline.audit import write_audit

    with database.write() as session:
        write_audit(session, COMMAND_LINE, AuditAction.HISTORY_SEARCH, now=NOW, details="=1+1")
    path = tmp_path / "audit.csv"
    export_audit(database, NOW.date(), NOW.date(), path, actor=COMMAND_LINE, now=NOW)
    assert _rows(path)[1][7] == "'=1+1"


def test_a_period_ending_before_it_starts_is_refused(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput) as refused:
        export_audit(
            database, date(2026, 11, 2), date(2026, 11, 1), tmp_path / "a.csv",
            actor=COMMAND_LINE, now=NOW,
        )  # fmt: skip
    assert str(refused.value) == "The period ends on 2026-11-01, before it starts on 2026-11-02."
    assert not (tmp_path / "a.csv").exists()


def test_an_operator_may_not_export_the_audit(database: Database, tmp_path: Path) -> None:
    operator = signed_in(database, "Léa", OperatorRole.OPERATOR)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(ActionRefused):
        export_audit(database, NOW.date(), NOW.date(), folder / "a.csv", actor=operator, now=NOW)
    assert list(folder.iterdir()) == []


def test_a_missing_folder_leaves_nothing_behind(database: Database, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput):
        export_audit(
            database, NOW.date(), NOW.date(), tmp_path / "nowhere" / "a.csv",
            actor=COMMAND_LINE, now=NOW,
        )  # fmt: skip
    with database.read() as session:
        assert session.scalars(select(AuditLog.action)).all() == []
