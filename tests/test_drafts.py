"""The call being typed survives a crash: written atomically, private, gone once saved."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from operline.drafts import DraftStore, database_identity

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


def test_each_database_keeps_its_own_draft(tmp_path: Path) -> None:
    demo, real = DraftStore(tmp_path), DraftStore(tmp_path)
    demo.belong_to("/tmp/operline-demo-1234/operline.db")
    real.belong_to("postgresql+psycopg://desk@db.example/operline")
    demo.save({"location": "Rotonde (démo)"}, saved_at=NOW)

    assert real.load() is None
    real.save({"location": "Quai de Valmy"}, saved_at=NOW)
    assert demo.load() == (NOW, {"location": "Rotonde (démo)"})
    assert real.load() == (NOW, {"location": "Quai de Valmy"})
    real.discard()
    assert demo.load() is not None
    assert demo.path.name.startswith("call-draft-")
    assert demo.path != real.path


def test_a_draft_names_its_database_and_no_other_one_reads_it(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.belong_to("postgresql+psycopg://desk@db.example/operline")
    store.save({"location": "Rotonde"}, saved_at=NOW)
    content = json.loads(store.path.read_text(encoding="utf-8"))
    assert content["database"] == "postgresql+psycopg://desk@db.example/operline"

    # A draft copied under another database's name is not offered there.
    other = DraftStore(tmp_path)
    other.belong_to("postgresql+psycopg://desk@db.example/training")
    other.path.write_text(store.path.read_text(encoding="utf-8"), encoding="utf-8")
    assert other.load() is None


def test_a_draft_of_no_known_database_is_offered_to_none(tmp_path: Path) -> None:
    unbound = DraftStore(tmp_path)
    unbound.save({"location": "Rotonde"}, saved_at=NOW)  # as before drafts had a database
    store = DraftStore(tmp_path)
    store.belong_to("/srv/operline/operline.db")
    assert store.load() is None


def test_a_relative_file_is_known_by_its_full_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    first = DraftStore(tmp_path)
    first.belong_to("operline.db")
    monkeypatch.chdir(tmp_path / "b")
    second = DraftStore(tmp_path)
    second.belong_to("operline.db")
    assert first.path != second.path
    assert database_identity(str(tmp_path / "a" / "operline.db")) == first.database
