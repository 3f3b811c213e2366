"""A library the window needs is missing: one sentence naming it and the README, no abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from operline.ui.shell.x_libraries import (
    README_SECTION,
    missing_library,
    missing_library_sentence,
    uses_x,
)

ROOT = Path(__file__).parents[3]


@pytest.fixture
def needs_a_missing_library(tmp_path: Path) -> Path:
    """A shared library linked against libdesk-x-gone.so.0, which was then removed."""
    if shutil.which("gcc") is None:
        pytest.skip("needs gcc to build a library that links to a missing one")
    gone = tmp_path / "libdesk-x-gone.so.0"
    source = tmp_path / "x.c"
    source.write_text("int gone(void) { return 1; }\nint needs(void) { return 0; }\n")
    build = ["gcc", "-shared", "-fPIC", str(source)]
    subprocess.run([*build, "-Wl,-soname,libdesk-x-gone.so.0", "-o", str(gone)], check=True)
    needing = tmp_path / "lib" / "libQt6Widgets.so.6"
    needing.parent.mkdir()
    subprocess.run([*build, "-o", str(needing), "-Wl,--no-as-needed", str(gone)], check=True)
    gone.unlink()
    return needing


def test_the_missing_library_is_named(needs_a_missing_library: Path) -> None:
    assert missing_library([needs_a_missing_library]) == "libdesk-x-gone.so.0"
    assert missing_library([ROOT / "nothing-here.so"]) is None


def test_the_window_is_refused_in_one_sentence_instead_of_qts_abort(
    needs_a_missing_library: Path,
) -> None:
    qt = needs_a_missing_library.parent.parent
    started = (
        "import sys; from pathlib import Path; import operline.ui.shell.x_libraries as x; "
        f"x.qt_folder = lambda: Path({str(qt)!r}); "
        "from operline.cli.main import main; sys.exit(main(['--demo', '--smoke']))"
    )
    environ = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}
    done = subprocess.run(
        [sys.executable, "-c", started], env=environ, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    assert done.stderr == missing_library_sentence("libdesk-x-gone.so.0") + "\n"
    assert "libdesk-x-gone.so.0" in done.stderr
    assert README_SECTION in done.stderr
    assert "On a Linux desktop" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_x_is_checked_only_when_qt_will_use_it() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("X is Linux's")
    assert uses_x({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_x({"QT_QPA_PLATFORM": "offscreen"})
    assert not uses_x({"WAYLAND_DISPLAY": "wayland-0"})
    assert uses_x({"DISPLAY": ":0"})
