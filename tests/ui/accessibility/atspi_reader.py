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
        report["read"] = []
        report["unnamed"] = []
        report["labels_unread"] = []
        # The demo opens signed in as its operator; its supervisor then takes over the desk,
        # and the screens are read again with a supervisor's rights.
        _read_screens(window, "operator", report)
        report["tables"] = {screen: _tab_out_of_tables(window, screen) for screen in SCREENS}
        report["handover"] = _hand_over_to_the_supervisor(report)
        _read_screens(window, "supervisor", report)
        report["charts"] = _tab_out_of_tables(window, "charts")
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


def _read_screens(window: pyatspi.Accessible, who: str, report: dict[str, list[object]]) -> None:
    for screen, keys in SCREENS.items():
        _press(keys)
        _read(window, f"{who}, {screen}", report)


def _read(root: pyatspi.Accessible, where: str, report: dict[str, list[object]]) -> None:
    showing = list(_showing(root))
    report["read"].append([where, len(showing)])
    report["unnamed"] += [f"{where}: {_where(n)}" for n in showing if _unnamed(n)]
    report["labels_unread"] += [f"{where}: {_where(n)}" for n in showing if _unread(n)]


def _hand_over_to_the_supervisor(report: dict[str, list[object]]) -> str:
    """Ctrl+L, a note, then the demo's supervisor signs in with the password its banner says."""
    _press("ctrl+l")
    dialog = _wait_for(lambda: _operline_window(pyatspi.ROLE_DIALOG), 20, "the handover")
    _pump(1.0)
    _read(dialog, "handover", report)
    _type("Releve sans consigne particuliere")
    _press("ctrl+Return")
    _pump(1.0)
    _read(dialog, "handover, who", report)
    banner = next(
        (n for n in _showing(dialog) if n.getRole() == pyatspi.ROLE_LABEL and "(" in n.name),
        None,
    )
    if banner is None:
        _press("Escape")
        _press("Escape")
        return "no demo accounts shown"
    login, password = _supervisor_account(banner.name)
    _type(login)
    _press("Return")
    _type(password)
    _press("Return")
    _pump(2.0)
    _read(dialog, "handover, taken", report)
    _press("Return")
    _pump(1.0)
    if _operline_window(pyatspi.ROLE_DIALOG) is not None:
        _press("Escape")
        return "the handover dialog stayed open"
    return f"taken over by {login}"


def _supervisor_account(banner: str) -> tuple[str, str]:
    """The login and password the banner gives after a role containing "supervis"."""
    words: list[str] = []
    tokens = banner.split()
    for number, token in enumerate(tokens):
        if token.startswith("(") and token.rstrip(":").endswith(")"):
            if "supervis" in token:
                password = next(t for t in tokens[number + 1 :] if t != ":")
                return " ".join(words[-2:]), password
            words = []
        else:
            words.append(token)
    raise SystemExit(f"atspi_reader: no supervisor in the demo banner: {banner!r}")


def _type(text: str) -> None:
    subprocess.run(["xdotool", "type", "--delay", "15", text], check=True)
    _pump(0.4)


def _operline_frame() -> pyatspi.Accessible | None:
    return _operline_window(pyatspi.ROLE_FRAME)


def _operline_window(role: object) -> pyatspi.Accessible | None:
    """Operline's first window of that role on the bus (its frame, or a dialog)."""
    desktop = pyatspi.Registry.getDesktop(0)
    for number in range(desktop.childCount):
        application = desktop.getChildAtIndex(number)
        if application is not None and application.name == "Operline":
            for index in range(application.childCount):
                window = application.getChildAtIndex(index)
                if window is not None and window.getRole() == role:
                    return window
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


def _tab_out_of_tables(window: pyatspi.Accessible, screen: str) -> dict[str, dict[str, str]]:
    """Put the focus in each table on the screen, then press Tab, and Shift+Tab, from it."""
    _press(SCREENS[screen])
    tables = [n for n in _showing(window) if n.getRole() == pyatspi.ROLE_TABLE]
    return {table.name: _tab_out_of(table) for table in tables}


def _tab_out_of(table: pyatspi.Accessible) -> dict[str, str]:
    result = {}
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
