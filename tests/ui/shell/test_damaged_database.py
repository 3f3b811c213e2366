"""A damaged database is written no more: the desk keeps what it shows and says what to do."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from operline.db.engine import Database
from operline.errors import DatabaseDamaged, OperlineError
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.main_window import MainWindow
from operline.ui.tasks import ImmediateRunner
from tests.ui.conftest import NOW, Call, store_calls


def _damage(_database: Database) -> None:
    raise DatabaseDamaged("operline.sqlite3", "database disk image is malformed")


def test_after_damage_nothing_more_reaches_the_database(
    qtbot: QtBot, sqlite_database: Database, english: InstalledLanguage
) -> None:
    store_calls(sqlite_database, Call(NOW))
    runner = ImmediateRunner(sqlite_database)
    window = MainWindow(sqlite_database, runner=runner, actor="test", clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    assert window.calls.model.rowCount() == 1
    refusals: list[OperlineError] = []

    runner.run(_damage, lambda _: None, refusals.append)

    banner = window.findChild(QLabel, "damageBanner")
    assert banner is not None
    assert banner.isVisible()
    assert "damaged" in banner.text()
    assert "restore the last good backup" in banner.text()

    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    event.listen(sqlite_database.engine, "before_cursor_execute", seen)
    try:
        window.calls.refresh()
        runner.run(
            lambda database: 1, lambda _: pytest.fail("ran on a damaged database"), refusals.append
        )
    finally:
        event.remove(sqlite_database.engine, "before_cursor_execute", seen)

    assert statements == []
    assert all(isinstance(error, DatabaseDamaged) for error in refusals)
    assert len(refusals) == 2
    assert window.calls.model.rowCount() == 1  # the last calls read stay in sight
