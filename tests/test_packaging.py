"""An installed Operline starts: the wheel holds every module and resource, and runs; the
version is set once; the Linux desktop files validate and the icons are drawn at every size.

The frozen (PyInstaller) build is checked by packaging/smoke_test.py, run by CI after the
suite: building it takes minutes.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path
from types import ModuleType
from xml.etree import ElementTree

import pytest

import operline

ROOT = Path(__file__).parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_ENTRY = PACKAGING / "org.operline.Operline.desktop"
METAINFO = PACKAGING / "org.operline.Operline.metainfo.xml"

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

    version = operline.__version__
    (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
    assert f"\nVersion: {version}\n" in zipfile.ZipFile(wheel).read(metadata).decode("utf-8")
    done = subprocess.run([command, "--version"], env=installed_environment(), check=False, **run)
    assert (done.returncode, done.stdout.strip()) == (0, f"operline {version}"), done.stderr
    smoke = subprocess.run(
        [command, "--demo", "--smoke"], env=installed_environment(), check=False, **run
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "Traceback" not in smoke.stderr


def test_the_desktop_entry_starts_the_installed_command() -> None:
    entry = DESKTOP_ENTRY.read_text(encoding="utf-8")
    assert "\nExec=operline\n" in entry
    assert "\nIcon=org.operline.Operline\n" in entry


def packaging_script(name: str) -> ModuleType:
    """A script of packaging/, loaded as a module (packaging/ is no package)."""
    module_name = f"packaging_{name}"
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module


def test_the_version_is_set_in_operline_init_only() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "operline.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", operline.__version__)
    # The frozen app's smoke test reads it from the file, without importing the package.
    assert packaging_script("smoke_test").package_version() == operline.__version__


def test_the_source_tree_prints_the_package_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "operline", "--version"],
        cwd=ROOT,
        env=installed_environment(),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stdout) == (0, f"operline {operline.__version__}\n")


def test_the_newest_release_in_the_metainfo_is_this_version() -> None:
    releases = ElementTree.parse(METAINFO).getroot().findall("releases/release")
    assert releases, "the metainfo lists its releases"
    assert releases[0].get("version") == operline.__version__


def validator(name: str, package: str) -> str:
    """The validator's path; skip, saying what to install, where it is missing (fail on CI)."""
    found = shutil.which(name)
    if found is None:
        reason = f"{name} is not installed (apt-get install {package})"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return found


def test_the_desktop_entry_validates() -> None:
    command = validator("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run([command, DESKTOP_ENTRY], capture_output=True, text=True, check=False)
    # It exits 0 on hints too: any output is a problem to fix.
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_the_metainfo_validates_strictly() -> None:
    command = validator("appstreamcli", "appstream")
    done = subprocess.run(
        [command, "validate", "--no-net", "--strict", METAINFO],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_installed_desktop_files_validate_together(tmp_path: Path) -> None:
    """Installed under a prefix, the metainfo finds its desktop entry and its icons."""
    command = validator("appstreamcli", "appstream")
    written = packaging_script("install_desktop").install(tmp_path)
    share = tmp_path / "share"
    assert share / "applications" / "org.operline.Operline.desktop" in written
    assert share / "icons/hicolor/scalable/apps/org.operline.Operline.svg" in written
    assert share / "icons/hicolor/48x48/apps/org.operline.Operline.png" in written
    done = subprocess.run(
        [command, "validate-tree", "--no-net", "--strict", tmp_path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_icons_are_drawn_at_every_usual_size() -> None:
    icons = packaging_script("render_icons")
    assert icons.SIZES == (16, 24, 32, 48, 64, 128, 256, 512)
    assert icons.problems() == []
    for size in icons.SIZES:
        picture = ROOT / f"resources/icons/hicolor/{size}x{size}/apps/org.operline.Operline.png"
        assert icons.png_size(picture.read_bytes()) == (size, size)
    assert sorted(icons.ico_sizes((ROOT / "resources/icons/operline.ico").read_bytes())) == [
        16,
        24,
        32,
        48,
        64,
        128,
        256,
    ]


def test_the_translations_are_read_as_a_frozen_build_presents_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A PyInstaller build's resources come as a MultiplexedPath (joinpath takes one name
    on Python 3.11): the French translation is still found."""
    from importlib.readers import MultiplexedPath

    import operline.language

    folder = ROOT / "resources"
    monkeypatch.setattr(operline.language, "files", lambda _package: MultiplexedPath(folder))
    assert (
        operline.language.translation_file("fr")
        == (folder / "translations" / "operline_fr.qm").read_bytes()
    )


def test_the_frozen_apps_smoke_test_fails_on_any_stderr_line_it_does_not_list() -> None:
    smoke = packaging_script("smoke_test")
    stderr = (
        "This plugin does not support propagateSizeHints()\n"
        "\n"
        "qt.qpa.fonts: Populating font family aliases took 120 ms\n"
    )
    assert smoke.unexpected_lines(stderr) == [
        "qt.qpa.fonts: Populating font family aliases took 120 ms"
    ]
