"""Helpers of the audit tests: entries written through the writer, and a forger's edits."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from operline.audit import AuditAction, write_audit
from operline.audit_chain import ChainReport, verify_audit_chain
from operline.db.engine import Database
from operline.db.models import AuditLog
from tests.actors import COMMAND_LINE

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)


def write_entries(database: Database, count: int, *, start: datetime = NOW) -> list[int]:
    """``count`` consultations of day logs, one a minute from ``start``; their ids."""
    for minute in range(count):
        with database.write() as session:
            write_audit(
                session,
                COMMAND_LINE,
                AuditAction.JOURNAL_VIEW,
                now=start + timedelta(minutes=minute),
                target=f"2026-11-{minute % 28 + 1:02d}",
                details=f"page {minute}",
            )
    with database.read() as session:
        return list(session.scalars(select(AuditLog.id).order_by(AuditLog.id)))[-count:]


def tamper(database: Database, *statements: str) -> None:
    """Run SQL on the database as someone editing it outside Operline would.

    On SQLite the file is opened with Python's sqlite3, not through SQLAlchemy.
    """
    path = database.sqlite_path
    if path is not None:
        connection = sqlite3.connect(path)
        try:
            for statement in statements:
                connection.execute(statement)
            connection.commit()
        finally:
            connection.close()
        return
    with database.engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


def problem_of(database: Database) -> str:
    report: ChainReport = verify_audit_chain(database)
    assert report.problem is not None, "the chain was expected not to verify"
    return str(report.problem)
