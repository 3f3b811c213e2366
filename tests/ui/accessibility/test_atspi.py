"""The real window, read by a real screen reader's client: Operline starts on a virtual X
screen with the AT-SPI bus that Orca listens to, and ``atspi_reader.py`` walks its tree
and presses its keys. What it reports is what a blind operator would meet.

It needs Debian's xvfb, dbus, at-spi2-core, python3-pyatspi, xdotool and openbox (a window
manager, so that the focus behaves as on a desktop); ``.ci/run`` installs them. Without
them the test is skipped and says why, unless ``OPERLINE_REQUIRE_ATSPI`` is set, as in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

READER = Path(__file__).with_name("atspi_reader.py")
DEBIAN_PYTHON = Path("/usr/bin/python3")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
_TOOLS = {"Xvfb": "xvfb", "dbus-run-session": "dbus", "xdotool": "xdotool", "openbox": "openbox"}
#: Lines the reading may leave on the app's standard error: Qt's bridge asks the bus for an
#: address only newer AT-SPI registries give.
_KNOWN_NOISE = ("qt.accessibility.atspi: AtSpiAdaptor::applicationInterface does not implement",)


def _what_is_missing() -> str | None:
    for tool, package in _TOOLS.items():
        if shutil.which(tool) is None:
            return f"{tool} is missing (Debian package {package})"
    if not BUS_LAUNCHER.exists():
        return "the AT-SPI bus is missing (Debian package at-spi2-core)"
    probe = [str(DEBIAN_PYTHON), "-c", "import pyatspi"]
    if not DEBIAN_PYTHON.exists() or subprocess.run(probe, capture_output=True).returncode:
        return "pyatspi is missing from /usr/bin/python3 (Debian package python3-pyatspi)"
    return None


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    missing = _what_is_missing()
    if missing is not None:
        if os.environ.get("OPERLINE_REQUIRE_ATSPI"):
            pytest.fail(f"the AT-SPI reading cannot run: {missing}")
        pytest.skip(f"the AT-SPI reading needs a virtual screen and its bus: {missing}")
    home = tmp_path_factory.mktemp("atspi")
    report = home / "reading.json"
    with _virtual_screen() as display:
        environment = _desktop_environment(home, display)
        window_manager = subprocess.Popen(
            ["openbox"], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            returncode = _read_the_demo(home, environment, report)
        finally:
            window_manager.terminate()
            window_manager.wait(timeout=10)
    if returncode != 0 or not report.exists():
        log = (home / "reading.log").read_text(encoding="utf-8", errors="replace")
        pytest.fail(f"the AT-SPI reading failed ({returncode}):\n{log[-4000:]}")
    reading: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return reading


def _read_the_demo(home: Path, environment: dict[str, str], report: Path) -> int | None:
    """The reader, in a D-Bus session of its own, on ``operline --demo``; its exit code.

    Everything runs in one process group, stopped whole if the reading hangs; what it
    prints goes to a file, which no process left behind can hold open.
    """
    command = [sys.executable, "-m", "operline", "--demo"]
    reader = [str(DEBIAN_PYTHON), str(READER), str(report), "--", *command]
    with open(home / "reading.log", "w", encoding="utf-8") as log:
        session = subprocess.Popen(
            ["dbus-run-session", "--", *reader],
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            return session.wait(timeout=240)
        except subprocess.TimeoutExpired:
            os.killpg(session.pid, signal.SIGKILL)
            session.wait()
            return None


@contextmanager
def _virtual_screen() -> Iterator[str]:
    """An Xvfb server on the first free display, stopped on leaving."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as announced:
            number = announced.readline().strip()
        if not number:
            pytest.fail("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def _desktop_environment(home: Path, display: str) -> dict[str, str]:
    left_out = {"QT_QPA_PLATFORM", "OPERLINE_DATABASE_URL", "LC_ALL", "LC_MESSAGES", "LANGUAGE"}
    environment = {k: v for k, v in os.environ.items() if k not in left_out}
    environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
    environment.update(
        {
            "DISPLAY": display,
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "TMPDIR": str(home),
            "LANG": "fr_FR.UTF-8",
            # Qt speaks to the bus only when told a screen reader may listen.
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
    )
    return environment


def test_the_supervisor_took_over_the_desk_for_the_second_reading(
    reading: dict[str, Any],
) -> None:
    # The demo's operator, then its supervisor (the charts are a supervisor's): each screen
    # is read with both rights, and the handover dialog's three steps on the way.
    assert reading["handover"] == "taken over by Claire Dumont"


def test_every_screen_was_read_as_each_role(reading: dict[str, Any]) -> None:
    read = dict(reading["read"])
    for who in ("operator", "supervisor"):
        for screen in ("calls", "desk", "on duty", "week", "journal", "history", "charts"):
            assert read[f"{who}, {screen}"] > 20, (who, screen)
    assert read["handover, who"] > 5


def test_every_widget_taking_the_focus_has_a_name(reading: dict[str, Any]) -> None:
    assert reading["unnamed"] == []


def test_every_label_on_screen_is_read(reading: dict[str, Any]) -> None:
    assert reading["labels_unread"] == []


#: The tables each screen shows (the week's chart reads as one), by their spoken names.
TABLES = {
    "calls": ["Appels en cours, urgents d'abord, puis du plus ancien au plus récent"],
    "desk": ["Équipes", "Lieux, capacité et places libres"],
    "on duty": ["Équipes de garde par secteur"],
    "week": ["Couverture des jours à venir"],
    "journal": ["Appels du jour, du plus récent au plus ancien"],
    "history": ["Appels trouvés, les plus récents d'abord"],
}


@pytest.mark.parametrize("screen", sorted(TABLES))
def test_tab_and_shift_tab_leave_every_table(reading: dict[str, Any], screen: str) -> None:
    tables = reading["tables"][screen]
    assert sorted(tables) == sorted(TABLES[screen])
    for name, keys in tables.items():
        assert keys["Tab"].startswith("left for "), (name, keys)
        assert keys["shift+Tab"].startswith("left for "), (name, keys)


def test_the_weeks_cells_are_read_and_follow_the_cursor(reading: dict[str, Any]) -> None:
    week = reading["week"]
    assert week["found"], "the week chart is not on the bus"
    assert week["role"] == "table"
    # The demo's six sectors and seven Paris days from today's midnight: 167, 168 or 169
    # hours, by the clocks' changes.
    assert week["cells"] in {6 * 167, 6 * 168, 6 * 169}
    assert week["first_cell"].startswith("Stalingrad — ")
    number, role, name = week["focused_before"]
    assert role == "table cell"
    assert week["focused_after_right"][0] == number + 1
    assert week["focused_after_right"][2] != name
    assert week["heard_after_right"] == ["table cell", week["focused_after_right"][2]]


def test_the_app_quits_cleanly_after_the_reading(reading: dict[str, Any]) -> None:
    assert reading["exit_code"] == 0
    unexpected = [line for line in reading["stderr"] if not line.startswith(_KNOWN_NOISE)]
    assert unexpected == []
