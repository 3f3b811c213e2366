"""The wheel carries what the installed app needs: migrations, translations, icons."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


@pytest.mark.slow
def test_the_wheel_ships_migrations_translations_and_icons(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("operline-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "operline/roster/engine.py" in names
    assert "operline/db/migrations/env.py" in names
    assert "operline/db/migrations/script.py.mako" in names
    assert "operline/db/migrations/versions/0001_initial_schema.py" in names
    assert "operline/resources/translations/operline_fr.qm" in names
    assert "operline/resources/icons/operline.svg" in names


def test_the_desktop_entry_starts_the_installed_command() -> None:
    entry = (ROOT / "packaging" / "org.operline.Operline.desktop").read_text(encoding="utf-8")
    assert "\nExec=operline\n" in entry
    assert "\nIcon=org.operline.Operline\n" in entry
