"""The call being typed survives a crash: written atomically, private, gone once saved."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

from operline.drafts import DraftStore

NOW = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)


def test_a_draft_is_kept_until_discarded(tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "state")
    assert store.load() is None
    store.save({"location": "Rotonde", "persons": 2}, saved_at=NOW)
    store.save({"location": "Rotonde de Stalingrad", "persons": 2}, saved_at=NOW)
    assert store.load() == (NOW, {"location": "Rotonde de Stalingrad", "persons": 2})
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert [p.name for p in store.path.parent.iterdir()] == ["call-draft.json"]
    store.discard()
    assert store.load() is None


def test_a_damaged_draft_counts_as_none(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.path.write_text('{"saved_at": "2026-11-27T20:00:00+00:00", "fie', encoding="utf-8")
    assert store.load() is None
