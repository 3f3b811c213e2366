"""Before Qt starts: a missing system library said in one sentence, not Qt's abort.

Qt, and its X platform plugin (libqxcb) above all, need libraries that a minimal Linux
lacks; without one, Python stops on an ImportError or Qt prints a page about plugins and
aborts. Loading the libraries first names the one missing. Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

#: Where the README lists the libraries to install.
README_SECTION = "the README, paragraph \u201cOn a Linux desktop\u201d"

_MISSING = re.compile(r"([\w.+-]+\.so[\w.]*): cannot open shared object file")


def qt_folder() -> Path | None:
    """PySide6's Qt folder, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "Qt"


def uses_x(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt will open its window through X: on Linux, unless another platform is set."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def missing_library(libraries: list[Path]) -> str | None:
    """The file name of a library one of ``libraries`` cannot load (e.g. libxcb-cursor.so.0)."""
    for library in libraries:
        if not library.exists():
            continue
        try:
            ctypes.CDLL(str(library))
        except OSError as error:
            found = _MISSING.search(str(error))
            return found.group(1) if found else str(error)
    return None


def window_problem(environ: Mapping[str, str] = os.environ) -> str | None:
    """The sentence saying which library the window lacks, or None if it can open."""
    if not sys.platform.startswith("linux"):
        return None
    qt = qt_folder()
    if qt is None:
        return None
    libraries = [qt / "lib" / "libQt6Widgets.so.6"]
    if uses_x(environ):
        libraries.append(qt / "plugins" / "platforms" / "libqxcb.so")
    library = missing_library(libraries)
    return None if library is None else missing_library_sentence(library)


def missing_library_sentence(library: str) -> str:
    """The one sentence told instead of Qt's abort."""
    return (
        f"operline: the window cannot open because the library {library} is missing; "
        f"install the X libraries listed in {README_SECTION}."
    )
