"""The upgrade at start: a copy first (SQLite's backup API, in pages, with progress), the
three newest copies kept, and a failed copy leaving the database as it was."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from operline.db import backup as backup_module
from operline.db import migrate as migrate_module
from operline.db.engine import open_database
from operline.db.migrate import UpgradeStep, head_revision, upgrade_database
from operline.db.models import Sector
from operline.errors import DatabaseError, DatabaseProblem

NOW = datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
MIGRATIONS_FOLDER = Path(__file__).parents[1] / "operline" / "db" / "migrations"


def newer_app(folder: Path, columns: int) -> str:
    """The shipped migrations plus ``columns`` more, each adding a column to sector."""
    migrations = folder / f"migrations_{columns}"
    shutil.copytree(MIGRATIONS_FOLDER, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    previous = head_revision()
    for number in range(columns):
        revision = str(9000 + number)
        (migrations / "versions" / f"{revision}_column.py").write_text(
            "import sqlalchemy as sa\nfrom alembic import op\n\n"
            f"revision = '{revision}'\ndown_revision = '{previous}'\n\n\n"
            "def upgrade():\n"
            "    with op.batch_alter_table('sector') as batch:\n"
            f"        batch.add_column(sa.Column('extra_{number}', sa.String(7)))\n",
            encoding="utf-8",
        )
        previous = revision
    return str(migrations)


def test_the_copy_is_taken_in_pages_and_its_progress_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backup_module, "PAGES_PER_STEP", 2)
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    try:
        upgrade_database(database, now=NOW)
        with database.write() as session:
            session.add_all(Sector(name=f"Secteur {n}", created_at=NOW) for n in range(300))
        told: list[tuple[float, UpgradeStep]] = []
        report = upgrade_database(
            database,
            now=NOW,
            migrations=newer_app(tmp_path, 1),
            progress=lambda done, what: told.append((done, what)),
        )
    finally:
        database.dispose()
    assert report.backup is not None
    copying = [done for done, what in told if what is UpgradeStep.COPYING]
    assert len(copying) > 3, told  # told page step by page step, not once at the end
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    assert told[0] == (0.0, UpgradeStep.COPYING)
    assert told[-1] == (1.0, UpgradeStep.DONE)
    assert UpgradeStep.UPGRADING in {what for _, what in told}
    with sqlite3.connect(report.backup) as copy:
        assert copy.execute("SELECT COUNT(*) FROM sector").fetchone() == (300,)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_only_the_three_newest_copies_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    unrelated = tmp_path / "desk.before-manual.txt"  # not a copy Operline made
    unrelated.write_text("keep me", encoding="utf-8")
    database = open_database(f"sqlite:///{path}")
    copies = []
    try:
        upgrade_database(database, now=NOW)
        for step in range(1, 6):
            report = upgrade_database(
                database, now=NOW + timedelta(days=step), migrations=newer_app(tmp_path, step)
            )
            assert report.backup is not None
            copies.append(report.backup)
    finally:
        database.dispose()
    left = sorted(tmp_path.glob("desk.before-*.sqlite3"))
    assert left == sorted(copies[-3:])
    assert unrelated.read_text(encoding="utf-8") == "keep me"
    assert report.removed_copies == (copies[-4],)


def test_a_failed_copy_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "desk.sqlite3"
    database = open_database(f"sqlite:///{path}")
    upgrade_database(database, now=NOW)
    database.dispose()
    with sqlite3.connect(path) as raw:  # a file from before the desk used WAL
        raw.execute("PRAGMA journal_mode = DELETE")
    raw.close()
    before = path.read_bytes()

    def failing_copy(*_args: object, **_options: object) -> Path:
        raise DatabaseError(DatabaseProblem.BACKUP_FAILED, str(path), "disk I/O error")

    monkeypatch.setattr(migrate_module, "backup_sqlite_file", failing_copy)
    database = open_database(f"sqlite:///{path}")
    try:
        with pytest.raises(DatabaseError, match="the database was not changed"):
            upgrade_database(database, now=NOW, migrations=newer_app(tmp_path, 1))
    finally:
        database.dispose()
    assert path.read_bytes() == before  # still in its old journal mode, schema untouched
