"""``operline --demo`` leaves no folder behind: after SIGTERM, a failed start, a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from operline.cli.demo_window import DEMO_PREFIX


def demo_folders(temp: Path) -> list[Path]:
    return sorted(temp.glob(f"{DEMO_PREFIX}*"))


def start_demo(temp: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if k != "OPERLINE_DATABASE_URL"}
    environment.update({"QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(temp), **env})
    return subprocess.Popen(
        [sys.executable, "-m", "operline", "--demo", *args],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_the_demo_folder_is_removed_after_sigterm(tmp_path: Path) -> None:
    demo = start_demo(tmp_path)
    deadline = time.monotonic() + 120
    # Wait until the window's process runs on the filled database.
    while time.monotonic() < deadline:
        folders = demo_folders(tmp_path)
        if folders and (folders[0] / "demo.sqlite3-wal").exists():
            break
        assert demo.poll() is None, demo.communicate()
        time.sleep(0.2)
    time.sleep(3)
    demo.send_signal(signal.SIGTERM)
    demo.communicate(timeout=60)
    assert demo.returncode != 0
    assert demo_folders(tmp_path) == []


def test_the_demo_folder_is_removed_after_a_failed_start(tmp_path: Path) -> None:
    demo = start_demo(tmp_path, "--smoke", QT_QPA_PLATFORM="no-such-platform")
    _, err = demo.communicate(timeout=180)
    assert demo.returncode != 0, err
    assert demo_folders(tmp_path) == []


def test_a_folder_left_by_a_killed_demo_is_removed_at_the_next(tmp_path: Path) -> None:
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    left = tmp_path / f"{DEMO_PREFIX}left"
    left.mkdir()
    (left / "owner.pid").write_text(gone.stdout.strip(), encoding="ascii")
    (left / "demo.sqlite3").write_bytes(b"")
    someone_else = tmp_path / f"{DEMO_PREFIX}running"
    someone_else.mkdir()
    (someone_else / "owner.pid").write_text(str(os.getpid()), encoding="ascii")
    demo = start_demo(tmp_path, "--smoke")
    _, err = demo.communicate(timeout=180)
    assert demo.returncode == 0, err
    assert demo_folders(tmp_path) == [someone_else]
