"""Install Operline's menu entry, AppStream description and icons under a prefix.

    python packaging/install_desktop.py                    # for this user: ~/.local
    python packaging/install_desktop.py --prefix /usr/local  # for every user (as root)

Writes ``PREFIX/share/applications/org.operline.Operline.desktop``,
``PREFIX/share/metainfo/org.operline.Operline.metainfo.xml`` and the icons in
``PREFIX/share/icons/hicolor`` (the SVG as ``scalable``, the PNGs of
``packaging/render_icons.py``). The entry starts ``operline``: the command must be on the
PATH (``pip install .`` puts it there; for a PyInstaller build, link
``dist/operline/operline`` into ``~/.local/bin``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "org.operline.Operline"
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "resources" / "icons"


def files_to_install() -> dict[str, Path]:
    """Each file, by its path under ``PREFIX/share``."""
    wanted = {
        f"applications/{APP_ID}.desktop": PACKAGING / f"{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml": PACKAGING / f"{APP_ID}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg": ICONS / "operline.svg",
    }
    for picture in sorted((ICONS / "hicolor").glob(f"*/apps/{APP_ID}.png")):
        wanted[f"icons/hicolor/{picture.relative_to(ICONS / 'hicolor').as_posix()}"] = picture
    return wanted


def install(prefix: Path) -> list[Path]:
    """Copy every file under ``prefix/share``; the files written."""
    written = []
    for name, source in files_to_install().items():
        target = prefix / "share" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, default=Path.home() / ".local")
    arguments = parser.parse_args(argv)
    for path in install(arguments.prefix):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
