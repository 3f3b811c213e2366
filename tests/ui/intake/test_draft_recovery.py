"""A call typed and never saved survives the desk being killed, and is offered back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Category, Priority
from operline.db.engine import Database, describe_url, parse_database_url
from operline.drafts import DraftStore
from operline.ui.intake.draft import DEBOUNCE_MS
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    FilledDesk,
    Keyboard,
    fill_desk,
    focused,
    incident_count,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

ROOT = Path(__file__).resolve().parents[3]
LOCATION = "Jardins d'Éole, entrée rue d'Aubervilliers"


def sqlite_url_name(url: str) -> str:
    """The name a desk opened on this URL gives its database."""
    return describe_url(parse_database_url(url))


def _store(folder: Path, database: Database) -> DraftStore:
    """The drafts a desk on this database keeps."""
    store = DraftStore(folder)
    store.belong_to(database.name)
    return store


def _draft_fields(store: DraftStore) -> dict[str, object]:
    found = store.load()
    return found[1] if found else {}


def _kill_while_typing(sqlite_url: str, drafts: Path) -> None:
    """Run a desk in another process, let it type a call, kill it without warning."""
    environment = {k: v for k, v in os.environ.items() if k != "OPERLINE_DATABASE_URL"}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    command = [
        sys.executable,
        "-m",
        "tests.ui.draft_crash_desk",
        sqlite_url,
        str(drafts),
        NOW.isoformat(),
    ]
    with subprocess.Popen(
        command,
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as desk:
        try:
            assert desk.stdout is not None
            assert desk.stdout.readline().strip() == "typed"
            store = DraftStore(drafts)
            store.belong_to(sqlite_url_name(sqlite_url))
            deadline = time.monotonic() + 30
            while _draft_fields(store).get("notes") != "Femme enceinte, malaise":
                assert desk.poll() is None, "the desk stopped by itself"
                assert time.monotonic() < deadline, "the draft was never written"
                time.sleep(0.05)
        finally:
            desk.send_signal(signal.SIGKILL)
            desk.wait(timeout=30)
    assert desk.returncode == -signal.SIGKILL


@pytest.mark.slow
@pytest.mark.usefixtures("english")
def test_a_call_typed_before_a_kill_is_offered_back_and_refills_the_form(
    qtbot: QtBot, sqlite_url: str, sqlite_database: Database, tmp_path: Path
) -> None:
    desk = fill_desk(sqlite_database)
    drafts = tmp_path / "drafts"
    _kill_while_typing(sqlite_url, drafts)

    view = open_desk_view(qtbot, desk, Clock(NOW), drafts)
    assert view.offer_saved_draft()
    prompt = view.draft_prompt
    assert prompt is not None
    assert prompt.isVisible()
    # The desk in the other process was typed into before its sectors were read: the
    # draft holds the letters, which choose Éole once given back.
    assert prompt.text() == (
        f"An unsaved call was found: éo, {LOCATION}, received at 22:00 (typed at 22:00). Resume it?"
    )
    Keyboard(qtbot, view).press(Qt.Key.Key_Return)  # resume, the default

    form = view.form
    assert form.sector.text() == ref.EOLE
    assert form.sector_id == desk.sectors[ref.EOLE]
    assert form.location.text() == LOCATION
    call = form.call_form()
    assert (call.category, call.priority, call.notes) == (
        Category.WOMAN,
        Priority.URGENT,
        "Femme enceinte, malaise",
    )
    assert call.received_at == NOW
    assert view.routing.model.rowCount() > 0  # the teams of Éole are shown again
    assert focused().window() is view

    Keyboard(qtbot, view).press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert incident_count(desk.database) == 1
    assert list(drafts.iterdir()) == []


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


@pytest.mark.usefixtures("english")
def test_the_form_is_written_shortly_after_each_change_and_gone_once_saved(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    store = view.keeper.store
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    assert not store.path.exists()  # an empty form is no call
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    keys.type("Rotonde", free_text=True)

    qtbot.waitUntil(
        lambda: _draft_fields(store).get("location") == "Rotonde", timeout=DEBOUNCE_MS * 3
    )
    assert json.loads(store.path.read_text(encoding="utf-8"))["saved_at"] == NOW.isoformat()
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"

    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert incident_count(desk.database) == 1
    assert not store.path.exists()
    # The next tick of the autosave writes nothing back (the tick, without its wait).
    assert view.keeper.autosave.isActive()
    view.keeper.autosave.timeout.emit()
    assert not store.path.exists()


@pytest.mark.usefixtures("english")
def test_without_a_draft_nothing_is_offered(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert not view.offer_saved_draft()
    assert view.draft_prompt is None


@pytest.mark.usefixtures("english")
def test_a_draft_can_be_dropped(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    store = _store(tmp_path / "drafts", desk.database)
    store.save({"location": "Rotonde", "sector_id": desk.sectors[ref.STALINGRAD]}, saved_at=NOW)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    assert view.offer_saved_draft()
    keys = Keyboard(qtbot, view)

    keys.press(Qt.Key.Key_Tab)  # to the other button
    keys.press(Qt.Key.Key_Return)

    assert view.draft_prompt is None
    assert not store.path.exists()
    assert not view.form.has_content()


@pytest.mark.usefixtures("english")
def test_the_prompt_names_the_drafts_sector_place_and_day(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    store = _store(tmp_path / "drafts", desk.database)
    typed_at = NOW.replace(day=24, hour=22, minute=14)
    store.save(
        {
            "sector_text": ref.STALINGRAD,
            "location": "Rotonde",
            "received_at": (typed_at - timedelta(minutes=3)).isoformat(),
        },
        saved_at=typed_at,
    )
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert view.offer_saved_draft()

    assert view.draft_prompt is not None
    assert view.draft_prompt.text() == (
        "An unsaved call was found: Stalingrad, Rotonde, received at 24/11 23:11 "
        "(typed at 24/11 23:14). Resume it?"
    )


@pytest.mark.usefixtures("english")
def test_a_draft_with_little_typed_says_what_is_missing(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    _store(tmp_path / "drafts", desk.database).save({"notes": "Malaise"}, saved_at=NOW)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert view.offer_saved_draft()

    assert view.draft_prompt is not None
    assert view.draft_prompt.text() == (
        "An unsaved call was found: no sector, no place given, received at 22:00 "
        "(typed at 22:00). Resume it?"
    )


@pytest.mark.usefixtures("french")
def test_the_draft_prompt_reads_in_french(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    _store(tmp_path / "drafts", desk.database).save(
        {"sector_text": ref.EOLE, "location": "Rotonde", "received_at": NOW.isoformat()},
        saved_at=NOW,
    )
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert view.offer_saved_draft()

    assert view.draft_prompt is not None
    assert view.draft_prompt.text() == (
        "Un appel non enregistré a été trouvé\u00a0: Éole, Rotonde, reçu à 22:00 "
        "(saisi à 22:00). Le reprendre\u00a0?"
    )


@pytest.mark.usefixtures("english")
def test_a_draft_typed_on_another_database_is_not_offered_nor_dropped(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    demo = DraftStore(tmp_path / "drafts")
    demo.belong_to(str(tmp_path / "demo" / "operline.db"))
    demo.save({"sector_text": ref.EOLE, "location": "Rotonde"}, saved_at=NOW)

    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert not view.offer_saved_draft()
    assert view.draft_prompt is None
    assert view.keeper.store.path != demo.path
    assert demo.load() is not None  # still there for the demo desk


@pytest.mark.usefixtures("english")
def test_a_stray_escape_does_not_drop_the_call(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    store = _store(tmp_path / "drafts", desk.database)
    store.save({"location": "Rotonde"}, saved_at=NOW)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    assert view.offer_saved_draft()

    Keyboard(qtbot, view).press(Qt.Key.Key_Escape)

    assert view.draft_prompt is not None
    assert view.draft_prompt.isVisible()
    assert store.path.exists()
