"""How far back a call's time may be before the desk asks: a declared setting, 6 h by default."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.settings import LATE_ENTRY_HOURS, SETTINGS, DeskSettings, read_settings, write_setting
from tests.actors import COMMAND_LINE

NOW = datetime(2026, 11, 28, 0, 30, tzinfo=UTC)  # 01:30 in Paris


def test_more_than_six_hours_back_is_late_by_default() -> None:
    settings = DeskSettings()
    assert LATE_ENTRY_HOURS in SETTINGS
    assert settings.late_entry_hours == 6
    assert not settings.late_entry(NOW - timedelta(hours=6), NOW)
    assert settings.late_entry(NOW - timedelta(hours=6, seconds=1), NOW)
    assert not settings.late_entry(NOW, NOW)
    # 19:25 the evening before, in Paris: across midnight, 6 h 05 back.
    assert settings.late_entry(datetime(2026, 11, 27, 18, 25, tzinfo=UTC), NOW)


def test_the_threshold_is_stored_and_checked(database: Database) -> None:
    assert read_settings(database).late_entry_hours == 6
    written = write_setting(database, "desk.late_entry_hours", "3", actor=COMMAND_LINE, now=NOW)
    assert written.late_entry_hours == 3
    assert written.late_entry(NOW - timedelta(hours=3, minutes=1), NOW)
    for wrong in ("0", "73", "six"):
        with pytest.raises(InvalidInput, match=r"desk\.late_entry_hours"):
            write_setting(database, "desk.late_entry_hours", wrong, actor=COMMAND_LINE, now=NOW)
    assert read_settings(database).late_entry_hours == 3
