"""docs/privacy.md names the settings, bounds, commands and audit entries the code has."""

from __future__ import annotations

from pathlib import Path

import pytest

from operline.audit import AuditAction
from operline.incidents.audited import INCIDENT_WRITES
from operline.settings import ANONYMISE_AFTER_YEARS, NOTES_DAYS, SettingRefused, _parse

ROOT = Path(__file__).parents[2]
DOC = (ROOT / "docs" / "privacy.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("setting", "low", "high"), [(NOTES_DAYS, 30, 365), (ANONYMISE_AFTER_YEARS, 1, 5)]
)
def test_each_retention_setting_is_told_with_its_default_and_bounds(
    setting: object, low: int, high: int
) -> None:
    key, default = setting.key, setting.default  # type: ignore[attr-defined]
    assert f"| `{key}` | {default} | {low} to {high} " in DOC
    assert _parse(key, str(low)) == str(low)
    assert _parse(key, str(high)) == str(high)
    for outside in (low - 1, high + 1):
        with pytest.raises(SettingRefused):
            _parse(key, str(outside))


def test_the_commands_and_the_audit_entry_are_named() -> None:
    assert "`operline privacy purge`" in DOC
    assert "`operline privacy purge --dry-run`" in DOC
    assert f"(`{AuditAction.PRIVACY_PURGE.value}`" in DOC
    for viewed in (AuditAction.INCIDENT_VIEW, AuditAction.JOURNAL_VIEW, AuditAction.HISTORY_SEARCH):
        assert f"`{viewed.value}`" in DOC
    for written in (*INCIDENT_WRITES, AuditAction.PLACES_REPORT):
        assert f"`{written.value}`" in DOC


def test_the_readme_links_the_page_lists_the_purge_and_asks_for_disk_encryption() -> None:
    assert "[docs/privacy.md](docs/privacy.md)" in README
    assert "| `operline privacy purge [--dry-run]` |" in README
    assert "needs full-disk encryption, as the CNIL expects" in README
