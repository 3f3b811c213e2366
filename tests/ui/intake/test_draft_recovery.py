"""A call typed and never saved survives the desk being killed, and is offered back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Category, Priority
from operline.db.engine import Database
from operline.drafts import DraftStore
from operline.ui.intake.draft import AUTOSAVE_MS, DEBOUNCE_MS
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
    assert prompt.text() == "An unsaved call was found (typed at 22:00). Resume it?"
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
    assert not (drafts / "call-draft.json").exists()


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
    qtbot.wait(AUTOSAVE_MS + 200)  # the next tick writes nothing back
    assert not store.path.exists()


@pytest.mark.usefixtures("english")
def test_without_a_draft_nothing_is_offered(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert not view.offer_saved_draft()
    assert view.draft_prompt is None


@pytest.mark.usefixtures("english")
def test_a_draft_can_be_dropped(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
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
def test_an_old_draft_names_its_day(qtbot: QtBot, desk: FilledDesk, tmp_path: Path) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.save({"location": "Rotonde"}, saved_at=NOW.replace(day=24, hour=22, minute=14))
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")

    assert view.offer_saved_draft()

    assert view.draft_prompt is not None
    assert view.draft_prompt.text() == (
        "An unsaved call was found (typed at 24/11 23:14). Resume it?"
    )


@pytest.mark.usefixtures("english")
def test_a_stray_escape_does_not_drop_the_call(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    store = DraftStore(tmp_path / "drafts")
    store.save({"location": "Rotonde"}, saved_at=NOW)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    assert view.offer_saved_draft()

    Keyboard(qtbot, view).press(Qt.Key.Key_Escape)

    assert view.draft_prompt is not None
    assert view.draft_prompt.isVisible()
    assert store.path.exists()
