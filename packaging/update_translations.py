"""Regenerate the translation sources from the code, then compile them.

Run from anywhere: ``python packaging/update_translations.py``. It runs pyside6-lupdate
over every Python file of ``operline`` (the window's ``self.tr()`` texts, and the
sentences marked ``QT_TRANSLATE_NOOP`` where the domain and the command line say them)
into ``resources/translations/operline_*.ts`` (new strings appear as unfinished entries
for the translator; strings gone from the code are dropped), then pyside6-lrelease into
the ``.qm`` files the application loads.
``--check`` changes nothing and says whether the ``.ts`` files are up to date.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "operline"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def tool(name: str) -> str:
    """A Qt tool installed with PySide6, next to this Python or on the PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed; install PySide6 in this environment.")
    return found


def sources() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def ts_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"operline_{language}.ts"


def qm_path(language: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"operline_{language}.qm"


def run_lupdate(target: Path) -> None:
    """Merge the strings of the sources into one .ts file (created if missing)."""
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *[str(path) for path in sources()],
            "-no-obsolete",
            "-locations",
            "none",
            "-source-language",
            "en",
            "-silent",
            "-ts",
            str(target),
        ],
        check=True,
    )


def run_lrelease(source: Path, target: Path) -> None:
    """Compile a .ts file into the .qm file Qt loads."""
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)], check=True
    )


def source_strings(ts_file: Path) -> dict[str, set[str]]:
    """The source strings of a .ts file, by context (obsolete entries left out)."""
    found: dict[str, set[str]] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("obsolete", "vanished"):
                continue
            found.setdefault(name, set()).add(message.findtext("source", default=""))
    return found


def unfinished(ts_file: Path) -> list[str]:
    """The source strings of a .ts file that have no finished translation."""
    missing = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source", default="")
        if translation is None or translation.get("type") is not None:
            missing.append(source)
            continue
        forms = translation.findall("numerusform")
        texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
        if not all(text.strip() for text in texts):
            missing.append(source)
    return missing


def is_up_to_date(language: str) -> bool:
    """Whether the .ts file holds exactly the strings of the current sources."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = ts_path(language, Path(folder))
        shutil.copyfile(ts_path(language), fresh)
        run_lupdate(fresh)
        return source_strings(fresh) == source_strings(ts_path(language))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check, change nothing")
    arguments = parser.parse_args()
    status = 0
    for language in LANGUAGES:
        if arguments.check:
            if not is_up_to_date(language):
                print(f"{ts_path(language).name} is out of date: run {Path(__file__).name}")
                status = 1
            continue
        run_lupdate(ts_path(language))
        run_lrelease(ts_path(language), qm_path(language))
        left = unfinished(ts_path(language))
        if left:
            print(f"{ts_path(language).name}: {len(left)} string(s) to translate:")
            for source in left:
                print(f"  {source}")
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
