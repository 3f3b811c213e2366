"""Smoke test of the frozen app: build it with PyInstaller, start it as a user would, judge.

    python packaging/smoke_test.py               # build dist/operline, then test it
    python packaging/smoke_test.py --dist DIR    # test the build already in DIR

The build runs in a fresh home: empty data, config, state and cache folders, no
``OPERLINE_DATABASE_URL``, Qt's offscreen platform. In order, the built program must:

0. hold every Qt library its Qt binaries need (Linux, ``ldd``);
1. print ``operline <version>`` for ``--version``, the version of operline/__init__.py;
2. start its window in French on no database at all (``--lang fr --smoke``): create the
   database in the user data folder, migrate it, show and paint the main window, quit;
3. find that database sound (``db check``): the migrations it carries really ran;
4. carry the PostgreSQL driver: a server that is not there is told in one sentence.

A step fails on an unexpected exit code, on a "Traceback" anywhere, and on any line of
stderr that ``ALLOWED_STDERR`` does not list. The last line printed is the verdict,
``smoke: N passed, N failed``; the exit code is 0 when every step passed.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "operline.spec"
#: How long one start of the built program may take.
TIMEOUT_S = 120

#: Lines the built program may print on stderr without failing the test, each with why.
ALLOWED_STDERR: dict[str, str] = {
    # Qt's offscreen platform cannot pass size hints to a window manager it does not have;
    # a desktop never shows this (pyproject.toml's qt_log_ignore allows it to the tests).
    r"This plugin does not support propagateSizeHints\(\)": "Qt's offscreen platform",
}

# A PostgreSQL URL nothing listens on (port 1 is reserved): the driver loads, then is refused.
_NO_SERVER = "postgresql://operline@127.0.0.1:1/operline"


def package_version() -> str:
    """``__version__`` from operline/__init__.py, read without importing the package."""
    tree = ast.parse((ROOT / "operline" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and [ast.unparse(target) for target in node.targets] == ["__version__"]
            and isinstance(node.value, ast.Constant)
        ):
            return str(node.value.value)
    raise SystemExit("smoke test: operline/__init__.py sets no __version__")


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; the folder of the built app."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    print("smoke test: building:", " ".join(command), flush=True)
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "operline"


def executable(folder: Path) -> Path:
    name = "operline.exe" if sys.platform == "win32" else "operline"
    return folder / name


def fresh_environment(home: Path) -> dict[str, str]:
    """The environment of a user who never ran Operline, on Qt's offscreen platform."""
    dropped = ("OPERLINE_DATABASE_URL", "PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "LD_PRELOAD")
    environment = {k: v for k, v in os.environ.items() if k not in dropped and "QT_" not in k}
    folders = {
        "HOME": home,
        "USERPROFILE": home,
        "XDG_DATA_HOME": home / "data",
        "XDG_CONFIG_HOME": home / "config",
        "XDG_STATE_HOME": home / "state",
        "XDG_CACHE_HOME": home / "cache",
        "XDG_RUNTIME_DIR": home / "runtime",
        "APPDATA": home / "AppData" / "Roaming",  # platformdirs' folders on Windows
        "LOCALAPPDATA": home / "AppData" / "Local",
        "TMPDIR": home / "tmp",
        "TEMP": home / "tmp",
        "TMP": home / "tmp",
    }
    for path in folders.values():
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    environment.update({name: str(path) for name, path in folders.items()})
    environment["QT_QPA_PLATFORM"] = "offscreen"
    return environment


def database_file(environment: dict[str, str]) -> Path:
    """Where the built app puts its database by default (platformdirs' user data folder)."""
    if sys.platform == "win32":
        return Path(environment["LOCALAPPDATA"]) / "operline" / "operline.sqlite3"
    if sys.platform == "darwin":
        home = Path(environment["HOME"])
        return home / "Library" / "Application Support" / "operline" / "operline.sqlite3"
    return Path(environment["XDG_DATA_HOME"]) / "operline" / "operline.sqlite3"


def unexpected_lines(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(re.search(allowed, line) for allowed in ALLOWED_STDERR)
    ]


@dataclass
class Step:
    name: str
    arguments: Sequence[str]
    #: None: any non-zero exit code is expected (a refusal told in one sentence).
    exit_code: int | None = 0
    stdout_has: str = ""
    stderr_has: str = ""
    #: How many lines of stderr are expected, none of them allowed-listed (a refusal).
    told_lines: int = 0


def run(program: Path, step: Step, environment: dict[str, str], cwd: Path) -> list[str]:
    """Run one step; what went wrong, one sentence each (empty when it passed)."""
    started = time.monotonic()
    try:
        done = subprocess.run(
            [str(program), *step.arguments],
            env=environment,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return [f"{step.name}: still running after {TIMEOUT_S} s"]
    except OSError as error:
        return [f"{step.name}: {program} cannot be started ({error})"]
    seconds = time.monotonic() - started
    print(f"smoke test: {step.name}: exit {done.returncode} in {seconds:.1f} s", flush=True)
    failures = []
    if step.exit_code is None:
        if done.returncode == 0:
            failures.append(f"{step.name}: exit code 0, a refusal was expected")
    elif done.returncode != step.exit_code:
        failures.append(f"{step.name}: exit code {done.returncode}, not {step.exit_code}")
    if "Traceback" in done.stdout + done.stderr:
        failures.append(f"{step.name}: a traceback was printed")
    if step.stdout_has and step.stdout_has not in done.stdout:
        failures.append(f"{step.name}: stdout lacks {step.stdout_has!r}")
    if step.stderr_has and step.stderr_has not in done.stderr:
        failures.append(f"{step.name}: stderr lacks {step.stderr_has!r}")
    unexpected = unexpected_lines(done.stderr)
    if len(unexpected) != step.told_lines:
        failures.append(
            f"{step.name}: {len(unexpected)} unexpected line(s) on stderr, "
            f"{step.told_lines} expected"
        )
    if failures:
        for stream, text in (("stdout", done.stdout), ("stderr", done.stderr)):
            if text.strip():
                print(f"--- {step.name}: {stream}\n{text.rstrip()}", file=sys.stderr)
    return failures


def missing_qt_libraries(folder: Path) -> list[str]:
    """Linux: the Qt libraries a binary of the build needs that the build left out.

    The spec drops Qt libraries only unused plugins need; this catches one dropped too many.
    System libraries (X, GL, fontconfig) are the desktop's and are not looked at.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return []
    missing = set()
    for binary in sorted((folder / "_internal" / "PySide6").rglob("*.so*")):
        done = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        for line in done.stdout.splitlines():
            name = line.strip().split(" ")[0]
            if "not found" in line and name.startswith("libQt6"):
                missing.add(f"{name} (needed by {binary.relative_to(folder)})")
    return sorted(missing)


def folder_size(folder: Path) -> int:
    # PyInstaller links some libraries a second time: count each file once.
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(folder: Path) -> tuple[int, int, list[str]]:
    """Every step on the build in ``folder``: the steps passed and failed, the failures."""
    program = executable(folder)
    if not program.is_file():
        return 0, 1, [f"no program {program}"]
    version = package_version()
    passed = failed = 0
    failures: list[str] = []

    def judge(found: list[str]) -> None:
        nonlocal passed, failed
        passed += not found
        failed += bool(found)
        failures.extend(found)

    judge([f"libraries: {name} is missing" for name in missing_qt_libraries(folder)])
    home = Path(tempfile.mkdtemp(prefix="operline-smoke-"))
    try:
        environment = fresh_environment(home)
        version_step = Step("--version", ["--version"], stdout_has=f"operline {version}\n")
        judge(run(program, version_step, environment, home))
        window = Step(
            "first start, window in French",
            ["--lang", "fr", "--smoke"],
            stdout_has=f"Operline {version}: the main window was shown and painted.",
        )
        judge(run(program, window, environment, home))
        database = database_file(environment)
        if not database.is_file():
            judge([f"db check: the first start made no database at {database}"])
        else:
            check = Step("db check", ["--lang", "fr", "db", "check"], stdout_has=": OK,")
            judge(run(program, check, environment, home))
        no_server = Step(
            "PostgreSQL driver",
            ["--lang", "en", "--db", _NO_SERVER, "db", "check"],
            exit_code=None,
            stderr_has="cannot be reached (connection failed",  # psycopg's own words
            told_lines=1,
        )
        judge(run(program, no_server, environment, home))
        return passed, failed, failures
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, metavar="DIR", help="test this build (the folder of operline)"
    )
    arguments = parser.parse_args(argv)
    started = time.monotonic()
    if arguments.dist is not None:
        folder = arguments.dist.resolve()  # the steps run in the temporary home
    else:
        try:
            folder = build(ROOT / "dist", ROOT / "build" / "pyinstaller")
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"smoke test: the build failed ({error})", file=sys.stderr)
            print("smoke: 0 passed, 1 failed")
            return 1
        print(f"smoke test: built in {time.monotonic() - started:.0f} s", flush=True)
    passed, failed, failures = smoke(folder)
    for failure in failures:
        print(f"smoke test: {failure}", file=sys.stderr)
    size = folder_size(folder) / 2**20 if folder.is_dir() else 0
    print(
        f"smoke test of operline {package_version()} frozen in {folder} ({size:.0f} MiB): "
        f"{'FAILED' if failures else 'passed'} in {time.monotonic() - started:.0f} s"
    )
    # The verdict, in the form CI reads as a test count.
    print(f"smoke: {passed} passed, {failed} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
