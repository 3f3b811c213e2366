"""``operline audit verify|export|prune`` as a data-protection officer runs them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlalchemy import select

from operline.audit import AuditAction
from operline.audit_chain import verify_audit_chain
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.paris_time import now_utc
from tests.audit.chain import tamper, write_entries
from tests.command_line import run_operline


def test_verify_says_an_untouched_chain_is_intact(database: Database, database_url: str) -> None:
    empty = run_operline("audit", "verify", "--db", database_url)
    assert (empty.returncode, empty.stderr) == (0, "")
    assert empty.stdout == f"{database.name}: the audit chain is intact and holds no entry yet.\n"

    ids = write_entries(database, 3)
    done = run_operline("audit", "verify", "--db", database_url)
    assert (done.returncode, done.stderr) == (0, "")
    head = verify_audit_chain(database).head_hash
    assert done.stdout == (
        f"{database.name}: the audit chain is intact from entry {ids[0]} to entry {ids[-1]} "
        f"(3 in all), head hash {head}.\n"
    )


def test_verify_names_the_entry_edited_and_exits_1(database: Database, database_url: str) -> None:
    ids = write_entries(database, 3)
    tamper(database, f"UPDATE audit_log SET actor = 'quelqu''un' WHERE id = {ids[1]}")
    done = run_operline("audit", "verify", "--db", database_url)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        f"operline: Audit entry {ids[1]} was altered: its fields no longer match its hash.\n"
    )
    french = run_operline("audit", "verify", "--db", database_url, "--lang", "fr")
    assert french.returncode == 1
    assert f"L’entrée d’audit {ids[1]} a été modifiée" in french.stderr


def test_verify_names_the_entry_deleted(database: Database, database_url: str) -> None:
    ids = write_entries(database, 3)
    tamper(database, f"DELETE FROM audit_log WHERE id = {ids[1]}")
    done = run_operline("audit", "verify", "--db", database_url)
    assert done.returncode == 1
    assert done.stderr == (
        f"operline: An audit entry was removed before entry {ids[2]}: "
        f"it does not follow entry {ids[0]}.\n"
    )


def test_export_writes_the_period_and_is_audited(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    today = now_utc()
    write_entries(database, 2, start=today - timedelta(minutes=5))
    path = tmp_path / "audit.csv"
    day = today.date().isoformat()
    done = run_operline(
        "audit", "export", "--db", database_url, "--from", day, "--to", day, str(path)
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(f"{path}: ")
    assert path.read_bytes().startswith("\ufeffid;at_utc;".encode())
    with database.read() as session:
        actions = list(session.scalars(select(AuditLog.action).order_by(AuditLog.id)))
    assert actions[-1] == AuditAction.AUDIT_EXPORT

    refused = run_operline(
        "audit", "export", "--db", database_url, "--from", day, "--to", "2000-01-01", str(path)
    )
    assert refused.returncode == 2
    assert refused.stderr == (
        f"operline: The period ends on 2000-01-01, before it starts on {day}.\n"
    )


def test_prune_tells_what_it_removes_and_dry_run_changes_nothing(
    database: Database, database_url: str
) -> None:
    now = now_utc()
    write_entries(database, 2, start=now - timedelta(days=800))
    write_entries(database, 1, start=now)
    dry = run_operline("audit", "prune", "--dry-run", "--db", database_url)
    assert (dry.returncode, dry.stderr) == (0, "")
    assert dry.stdout.startswith(
        f"{database.name}: 2 audit entries older than 12 months would be removed (before "
    )
    assert dry.stdout.endswith("); nothing was changed.\n")
    assert verify_audit_chain(database).entries == 3

    done = run_operline("audit", "prune", "--db", database_url)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(
        f"{database.name}: 2 audit entries older than 12 months removed (before "
    )
    report = verify_audit_chain(database)
    assert report.intact
    assert report.entries == 2  # the one kept, and the prune's own
    assert run_operline("audit", "verify", "--db", database_url).returncode == 0
