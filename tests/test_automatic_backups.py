"""Automatic backups of an SQLite file: written checked into ``backups/``, every N hours,
kept 14 days, private; the setting that spaces them is bounded."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.db.automatic_backups import (
    KEPT_DAYS,
    automatic_backups,
    backups_folder,
    is_stale,
    latest_backup,
    write_automatic_backup,
)
from operline.db.engine import Database
from operline.db.models import Incident
from operline.errors import DatabaseDamaged
from operline.settings import BACKUP_EVERY_HOURS, SettingRefused, read_settings, write_setting
from tests.actors import COMMAND_LINE
from tests.test_cli_database import add_incident

NOW = datetime(2026, 12, 3, 13, 5, 7, tzinfo=UTC)


def _integrity(path: Path) -> list[str]:
    copy = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in copy.execute("PRAGMA integrity_check")]
    finally:
        copy.close()


def _references(path: Path) -> list[str]:
    copy = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [str(row[0]) for row in copy.execute("SELECT reference FROM incident")]
    finally:
        copy.close()


def test_a_backup_is_written_beside_the_database_checked_private_and_named_by_its_time(
    sqlite_database: Database,
) -> None:
    add_incident(sqlite_database.url.render_as_string())
    path = sqlite_database.sqlite_path
    assert path is not None

    run = write_automatic_backup(sqlite_database, now=NOW, every_hours=6)

    written = run.written.path
    assert written.parent == path.parent / "backups"
    assert written.name == "operline-20261203T130507Z.sqlite3"
    assert run.written.at == NOW
    assert _integrity(written) == ["ok"]
    assert _references(written) == ["OPL-2026-000001"]
    # One file, nothing beside it: it can be copied elsewhere as it is.
    assert sorted(p.name for p in written.parent.iterdir()) == [written.name]
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert latest_backup(path) == run.written


def test_the_next_backup_is_due_every_n_hours_and_the_names_sort_as_made(
    sqlite_database: Database,
) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None
    times = [NOW, NOW + timedelta(hours=3), NOW + timedelta(hours=6), NOW + timedelta(days=1)]

    runs = [write_automatic_backup(sqlite_database, now=at, every_hours=3) for at in times]

    assert [run.next_at for run in runs] == [at + timedelta(hours=3) for at in times]
    backups = automatic_backups(path)
    assert [backup.at for backup in backups] == times
    names = [backup.path.name for backup in backups]
    assert names == sorted(names)


def test_backups_older_than_14_days_are_removed_once_a_new_one_is_written(
    sqlite_database: Database,
) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None
    old = write_automatic_backup(sqlite_database, now=NOW - timedelta(days=15), every_hours=6)
    kept = write_automatic_backup(sqlite_database, now=NOW - timedelta(days=13), every_hours=6)
    assert old.written.path.exists()
    # Someone's file in the folder, not one of ours: never removed.
    stranger = backups_folder(path) / "operline-keep-me.sqlite3"
    stranger.write_bytes(b"")

    run = write_automatic_backup(sqlite_database, now=NOW, every_hours=6)

    assert run.removed == (old.written.path,)
    assert not old.written.path.exists()
    assert [backup.at for backup in automatic_backups(path)] == [kept.written.at, NOW]
    assert stranger.exists()
    assert KEPT_DAYS == 14


def test_a_backup_left_half_written_by_a_crash_is_neither_the_last_nor_kept(
    sqlite_database: Database,
) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None
    folder = backups_folder(path)
    folder.mkdir()
    partial = folder / "operline-20261203T120000Z.sqlite3.partial"
    partial.write_bytes(b"SQLite format 3\x00 cut short")
    assert latest_backup(path) is None

    write_automatic_backup(sqlite_database, now=NOW, every_hours=6)

    assert not partial.exists()
    assert [backup.at for backup in automatic_backups(path)] == [NOW]


def test_a_damaged_database_gives_no_backup_and_removes_none(
    sqlite_database: Database,
) -> None:
    path = sqlite_database.sqlite_path
    assert path is not None
    earlier = write_automatic_backup(sqlite_database, now=NOW - timedelta(days=20), every_hours=6)
    sqlite_database.dispose()
    _damage_a_table_page(path)

    with pytest.raises(DatabaseDamaged):
        write_automatic_backup(sqlite_database, now=NOW, every_hours=6)

    assert [backup.path for backup in automatic_backups(path)] == [earlier.written.path]
    assert sorted(p.name for p in backups_folder(path).iterdir()) == [earlier.written.path.name]


def _damage_a_table_page(path: Path) -> None:
    """Fold the log in, then overwrite the second half of the file with noise."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(page * 2, len(data), page):
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))


def test_the_last_backup_is_stale_after_24_hours_or_when_there_is_none() -> None:
    assert is_stale(None, NOW)
    assert not is_stale(NOW - timedelta(hours=23, minutes=59), NOW)
    assert is_stale(NOW - timedelta(hours=24, minutes=1), NOW)


def test_the_setting_is_declared_six_hours_by_default_one_to_twenty_four(
    sqlite_database: Database,
) -> None:
    assert BACKUP_EVERY_HOURS.key == "backup.every_hours"
    assert read_settings(sqlite_database).every_hours == 6
    for refused in ("0", "25", "six"):
        with pytest.raises(SettingRefused):
            write_setting(
                sqlite_database, "backup.every_hours", refused, actor=COMMAND_LINE, now=NOW
            )
    for accepted in (1, 24):
        settings = write_setting(
            sqlite_database, "backup.every_hours", str(accepted), actor=COMMAND_LINE, now=NOW
        )
        assert settings.every_hours == accepted


def test_the_backup_holds_what_the_database_held_when_it_was_made(
    sqlite_database: Database,
) -> None:
    add_incident(sqlite_database.url.render_as_string())
    run = write_automatic_backup(sqlite_database, now=NOW, every_hours=6)
    with sqlite_database.write() as session:
        incident = session.scalars(select(Incident)).one()
        incident.reference = "OPL-2026-000099"

    assert _references(run.written.path) == ["OPL-2026-000001"]
