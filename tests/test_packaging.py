"""An installed Operline starts: the wheel holds every module and resource, and runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]

# What a build leaves behind, or what the wheel must not be built from.
_NOT_SOURCES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
)


def source_modules() -> set[str]:
    """Every module of the source tree, as the wheel names it (resources/ included)."""
    found = set()
    for folder, subfolders, files in os.walk(ROOT / "operline", followlinks=True):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        for name in files:
            if name.endswith(".py"):
                found.add((Path(folder) / name).relative_to(ROOT).as_posix())
    return found


def build_wheel(into: Path) -> Path:
    """Build the wheel as ``pip install .`` would, from a clean copy of the tree.

    A copy, because a stale ``build/`` folder of an earlier build would slip modules
    into the wheel that the package list no longer names.
    """
    source = into / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=_NOT_SOURCES)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(into), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = into.glob("operline-*.whl")
    return wheel


def install_in_fresh_venv(wheel: Path, venv: Path) -> Path:
    """A venv that sees neither the source tree nor the system's packages; its python."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    # This environment's pip installs into the new venv: no pip bootstrap to wait for;
    # the dependencies come from the same index or cache as the tests' own install.
    pip = [sys.executable, "-m", "pip", "--python", str(python)]
    subprocess.run(
        [*pip, "install", "-q", "--no-compile", str(wheel)],
        check=True,
        capture_output=True,
    )
    return python


def installed_environment() -> dict[str, str]:
    ignored = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "OPERLINE_DATABASE_URL")
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="the venv layout below is POSIX")
def test_the_installed_wheel_holds_every_module_and_starts(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(source_modules() - names)
    assert not missing, f"modules of the source tree missing from the wheel: {missing}"
    for shipped in (
        "operline/db/migrations/script.py.mako",
        "operline/resources/translations/operline_fr.qm",
        "operline/resources/translations/operline_fr.ts",
        "operline/resources/icons/operline.svg",
        "operline/resources/icons/operline.png",
        "operline/resources/common-passwords.txt",
    ):
        assert shipped in names

    python = install_in_fresh_venv(wheel, tmp_path / "venv")
    command = python.parent / "operline"
    run = {"capture_output": True, "text": True, "cwd": tmp_path, "timeout": 120}
    where = subprocess.run(
        [python, "-c", "import operline.incidents, operline; print(operline.__file__)"],
        env=installed_environment(),
        check=False,
        **run,
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv"), where.stdout

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    done = subprocess.run([command, "--version"], env=installed_environment(), check=False, **run)
    assert (done.returncode, done.stdout.strip()) == (0, f"operline {version}"), done.stderr
    smoke = subprocess.run(
        [command, "--demo", "--smoke"], env=installed_environment(), check=False, **run
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "Traceback" not in smoke.stderr


def test_the_desktop_entry_starts_the_installed_command() -> None:
    entry = (ROOT / "packaging" / "org.operline.Operline.desktop").read_text(encoding="utf-8")
    assert "\nExec=operline\n" in entry
    assert "\nIcon=org.operline.Operline\n" in entry
