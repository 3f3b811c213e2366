"""``operline --demo``: the window on a throwaway database, whose folder never outlives it.

The window runs in a child process while this one only waits: a SIGTERM or SIGINT sent
here is passed on, and the folder is removed however the window ends (a crash, a failed
start, a signal). Folders left by a process that was killed outright (SIGKILL, a power
cut) are removed at the next ``--demo``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import FrameType

DEMO_PREFIX = "operline-demo-"
_OWNER = "owner.pid"


def run_demo_window(fill: Callable[[str], None], window_arguments: Sequence[str]) -> int:
    """Fill a new demo database with ``fill(url)``, show the window on it, then remove it."""
    remove_abandoned_demo_folders()
    with demo_folder() as folder:
        url = f"sqlite:///{folder / 'demo.sqlite3'}"
        fill(url)
        return _run_window(["--db", url, *window_arguments])


@contextlib.contextmanager
def demo_folder() -> Iterator[Path]:
    """A new temporary folder, removed on leaving, on SIGTERM and on SIGINT."""
    previous = signal.signal(signal.SIGTERM, _leave)  # while the demo data is made
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))
    try:
        (folder / _OWNER).write_text(str(os.getpid()), encoding="ascii")
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        signal.signal(signal.SIGTERM, previous)


def _leave(number: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + number)


def remove_abandoned_demo_folders() -> list[Path]:
    """Remove the demo folders whose process is gone; the folders removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        try:
            owner = int((folder / _OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue  # not one of ours, or still being made
        if not _is_running(owner):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _run_window(arguments: Sequence[str]) -> int:
    if getattr(sys, "frozen", False):  # a PyInstaller build is its own interpreter
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "operline"]
    window = subprocess.Popen([*command, *arguments])

    def pass_on(number: int, _frame: FrameType | None) -> None:
        window.send_signal(number)

    previous = {
        number: signal.signal(number, pass_on) for number in (signal.SIGTERM, signal.SIGINT)
    }
    try:
        code = window.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    # A window ended by a signal: the same exit status a shell would report.
    return code if code >= 0 else 128 - code
