"""Read Operline's window the way a screen reader does, over the AT-SPI bus, and say what
it found as JSON in a file.

Run by Debian's own Python (``/usr/bin/python3``, which has ``python3-pyatspi``) inside a
D-Bus session on an X display: ``atspi_reader.py REPORT -- COMMAND...`` starts COMMAND, finds its
application on the bus, visits each screen with the keys a user would press (``xdotool``),
and quits it with Ctrl+Q. ``tests/ui/accessibility/test_atspi.py`` sets all this up.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator

import pyatspi
from gi.repository import GLib

#: The screens and the keys that show them, in the order of the tabs.
SCREENS = {
    "calls": "ctrl+1",
    "desk": "ctrl+2",
    "on duty": "ctrl+3",
    "week": "ctrl+4",
    "journal": "ctrl+5",
    "history": "ctrl+6",
    "charts": "ctrl+7",
}
#: The tables Tab must leave, by the screen they are on.
TABLE_SCREENS = ("calls", "on duty", "journal", "history")
WEEK_TABLE = "Couverture des jours à venir"
_INSIDE_A_TABLE = {
    pyatspi.ROLE_TABLE_CELL,
    pyatspi.ROLE_TABLE_ROW,
    pyatspi.ROLE_TABLE_COLUMN_HEADER,
    pyatspi.ROLE_TABLE_ROW_HEADER,
}


def main(report_path: str, command: list[str]) -> int:
    app_process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    report: dict[str, object] = {}
    _Focus.listen()
    try:
        window = _wait_for(lambda: _operline_frame(), 60, "the Operline window on the bus")
        time.sleep(1.0)  # the first screen's reads
        report["unnamed"] = []
        report["labels_unread"] = []
        for screen, keys in SCREENS.items():
            _press(keys)
            showing = list(_showing(window))
            report["unnamed"] += [f"{screen}: {_where(n)}" for n in showing if _unnamed(n)]
            report["labels_unread"] += [f"{screen}: {_where(n)}" for n in showing if _unread(n)]
        report["tables"] = {screen: _tab_out_of_table(window, screen) for screen in TABLE_SCREENS}
        report["week"] = _read_week(window)
        _press("ctrl+q")
        report["exit_code"] = app_process.wait(timeout=30)
    finally:
        if app_process.poll() is None:
            app_process.kill()
        stderr = app_process.stderr.read().decode("utf-8", "replace") if app_process.stderr else ""
        report["stderr"] = stderr.splitlines()
        with open(report_path, "w", encoding="utf-8") as report_file:
            json.dump(report, report_file, ensure_ascii=False, indent=1)
    return 0


def _operline_frame() -> pyatspi.Accessible | None:
    desktop = pyatspi.Registry.getDesktop(0)
    for number in range(desktop.childCount):
        application = desktop.getChildAtIndex(number)
        if application is not None and application.name == "Operline":
            for index in range(application.childCount):
                frame = application.getChildAtIndex(index)
                if frame is not None and frame.getRole() == pyatspi.ROLE_FRAME:
                    return frame
    return None


def _wait_for(found: Callable[[], object], seconds: float, what: str):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        time.sleep(0.2)
    raise SystemExit(f"atspi_reader: {what} did not appear within {seconds:.0f} s")


class _Focus:
    """The object that last said it took the focus, heard as a screen reader hears it."""

    current: pyatspi.Accessible | None = None

    @classmethod
    def listen(cls) -> None:
        pyatspi.Registry.registerEventListener(cls._heard, "object:state-changed:focused")

    @classmethod
    def _heard(cls, event: pyatspi.event.Event) -> None:
        if event.detail1:
            cls.current = event.source


def _pump(seconds: float) -> None:
    """Let the bus deliver its events for a while."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        while context.iteration(False):
            pass
        time.sleep(0.02)


def _press(keys: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)
    _pump(0.6)


def _showing(node: pyatspi.Accessible) -> Iterator[pyatspi.Accessible]:
    """Every object on screen, a table's cells left to the table."""
    state = node.getState()
    if not state.contains(pyatspi.STATE_SHOWING):
        return
    yield node
    if node.getRole() == pyatspi.ROLE_TABLE:
        return
    for number in range(node.childCount):
        child = node.getChildAtIndex(number)
        if child is not None:
            yield from _showing(child)


def _where(node: pyatspi.Accessible) -> str:
    path = []
    while node is not None and node.getRole() != pyatspi.ROLE_FRAME:
        path.append(f"{node.getRoleName()} {node.name!r}")
        node = node.parent
    return " < ".join(path)


def _unnamed(node: pyatspi.Accessible) -> bool:
    """Takes the focus, yet a screen reader would say only its role."""
    focusable = node.getState().contains(pyatspi.STATE_FOCUSABLE)
    inside_a_table = node.getRole() in _INSIDE_A_TABLE
    return focusable and not inside_a_table and not node.name.strip()


def _unread(node: pyatspi.Accessible) -> bool:
    """A label on screen that a screen reader reads as nothing."""
    if node.getRole() != pyatspi.ROLE_LABEL or node.name.strip():
        return False
    extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return extents.width > 0 and extents.height > 0


def _inside(node: pyatspi.Accessible | None, table: pyatspi.Accessible) -> bool:
    while node is not None:
        if node == table:
            return True
        node = node.parent
    return False


def _tab_out_of_table(window: pyatspi.Accessible, screen: str) -> dict[str, str]:
    """Put the focus in the screen's table, then press Tab and Shift+Tab from it."""
    _press(SCREENS[screen])
    tables = [n for n in _showing(window) if n.getRole() == pyatspi.ROLE_TABLE]
    if not tables:
        return {"table": "none on screen"}
    table = max(tables, key=lambda t: t.childCount)
    result = {"table": table.name}
    for keys in ("Tab", "shift+Tab"):
        table.queryComponent().grabFocus()
        _pump(0.4)
        if not _inside(_Focus.current, table):
            result[keys] = "the table did not take the focus"
            continue
        _press(keys)
        now = _Focus.current
        result[keys] = (
            "stayed in the table"
            if _inside(now, table)
            else f"left for {now.getRoleName()} {now.name!r}"
            if now is not None
            else "left for nothing focused"
        )
    return result


def _read_week(window: pyatspi.Accessible) -> dict[str, object]:
    _press(SCREENS["week"])
    charts = [n for n in _showing(window) if n.name == WEEK_TABLE]
    if not charts:
        return {"found": False}
    chart = charts[0]
    chart.queryComponent().grabFocus()
    _pump(0.4)
    before = _focused_cell(chart)
    _press("Right")
    after = _focused_cell(chart)
    heard = _Focus.current
    return {
        "found": True,
        "role": chart.getRoleName(),
        "cells": chart.childCount,
        "first_cell": chart.getChildAtIndex(0).name,
        "focused_before": before,
        "focused_after_right": after,
        # What a screen reader would say after Right: the focus event's object.
        "heard_after_right": [heard.getRoleName(), heard.name] if heard is not None else None,
    }


def _focused_cell(chart: pyatspi.Accessible) -> list[object] | None:
    for number in range(chart.childCount):
        cell = chart.getChildAtIndex(number)
        if cell.getState().contains(pyatspi.STATE_FOCUSED):
            return [number, cell.getRoleName(), cell.name]
    return None


if __name__ == "__main__":
    if sys.argv[2:3] != ["--"] or len(sys.argv) < 4:
        raise SystemExit("usage: atspi_reader.py REPORT -- COMMAND...")
    sys.exit(main(sys.argv[1], sys.argv[3:]))
