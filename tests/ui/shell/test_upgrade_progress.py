"""The upgrade at start shows how far it is, in the desk's words, then goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from operline.db import backup as backup_module
from operline.db.engine import open_database
from operline.db.migrate import UpgradeStep, upgrade_database
from operline.db.models import Sector
from operline.ui.shell.language import InstalledLanguage
from operline.ui.shell.upgrade_progress import UpgradeProgress
from tests.test_database_upgrade import NOW, newer_app


def test_the_copy_and_the_upgrade_are_shown_then_the_window_goes(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, french: InstalledLanguage
) -> None:
    monkeypatch.setattr(backup_module, "PAGES_PER_STEP", 2)
    database = open_database(f"sqlite:///{tmp_path / 'desk.sqlite3'}")
    progress = UpgradeProgress()
    qtbot.addWidget(progress)
    seen: list[tuple[str, int, bool]] = []
    real_call = UpgradeProgress.__call__

    def watched(shown: UpgradeProgress, fraction: float, step: UpgradeStep) -> None:
        real_call(shown, fraction, step)
        seen.append((shown.labelText(), shown.value(), shown.isVisible()))

    monkeypatch.setattr(UpgradeProgress, "__call__", watched)
    try:
        upgrade_database(database, now=NOW)
        with database.write() as session:
            session.add_all(Sector(name=f"Secteur {n}", created_at=NOW) for n in range(300))
        upgrade_database(database, now=NOW, migrations=newer_app(tmp_path, 1), progress=progress)
    finally:
        database.dispose()

    texts = [text for text, _, shown in seen if shown]
    assert "Copie de la base de données avant sa mise à jour…" in texts
    assert "Mise à jour de la base de données…" in texts
    values = [value for _, value, shown in seen if shown]
    assert values == sorted(values)
    assert len(values) > 3
    assert not progress.isVisible()  # done: nothing left on screen
