"""Draw Operline's PNG icons (and the Windows .ico) from resources/icons/operline.svg.

    python packaging/render_icons.py          # rewrite the pictures
    python packaging/render_icons.py --check  # exit 1 if one is missing or the wrong size

The SVG is the only drawing; what this writes is committed, so that installing the desktop
files needs no Qt:

- ``resources/icons/hicolor/<N>x<N>/apps/org.operline.Operline.png`` for the usual sizes
  of the freedesktop icon theme (the ``.desktop`` file's ``Icon=org.operline.Operline``);
- ``resources/icons/operline.png``, the 256 px picture the window falls back on when its
  Qt cannot read SVG;
- ``resources/icons/operline.ico``, the icon of the Windows build's ``operline.exe``.

Qt draws them offscreen (no display needed), with its own SVG renderer.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "operline.svg"
APP_ID = "org.operline.Operline"
#: The sizes of the hicolor theme that desktops look for.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: What a Windows .ico holds (256 is its largest).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
FALLBACK = ICONS / "operline.png"
ICO = ICONS / "operline.ico"


def theme_png(size: int) -> Path:
    """Where the hicolor picture of ``size`` pixels lives."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header; ValueError when it is no PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def ico_sizes(data: bytes) -> list[int]:
    """The square sizes an .ico holds (0 in its directory means 256)."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    if (reserved, kind) != (0, 1):
        raise ValueError("not an icon file")
    sizes = []
    for index in range(count):
        width, height = data[6 + 16 * index], data[7 + 16 * index]
        if width != height:
            raise ValueError("an icon that is not square")
        sizes.append(width or 256)
    return sizes


def expected() -> dict[Path, int]:
    """Every PNG this script writes, with its size."""
    wanted = {theme_png(size): size for size in SIZES}
    wanted[FALLBACK] = 256
    return wanted


def problems() -> list[str]:
    """What is missing or of the wrong size, one sentence each."""
    found = []
    for path, size in expected().items():
        where = path.relative_to(ROOT)
        if not path.is_file():
            found.append(f"{where} is missing")
            continue
        try:
            actual = png_size(path.read_bytes())
        except ValueError as error:
            found.append(f"{where}: {error}")
            continue
        if actual != (size, size):
            found.append(f"{where} is {actual[0]}x{actual[1]}, not {size}x{size}")
    if not ICO.is_file():
        found.append(f"{ICO.relative_to(ROOT)} is missing")
    else:
        try:
            sizes = ico_sizes(ICO.read_bytes())
        except ValueError as error:
            found.append(f"{ICO.relative_to(ROOT)}: {error}")
        else:
            if sorted(sizes) != sorted(ICO_SIZES):
                found.append(f"{ICO.relative_to(ROOT)} holds sizes {sizes}, not {ICO_SIZES}")
    return found


def render(size: int) -> bytes:
    """The SVG drawn on a transparent square of ``size`` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"render_icons: Qt cannot read {SVG.relative_to(ROOT)}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(pictures: dict[int, bytes]) -> bytes:
    """A Windows .ico holding PNG pictures (allowed since Windows Vista)."""
    sizes = sorted(pictures)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    directory = b""
    for size in sizes:
        data = pictures[size]
        side = 0 if size == 256 else size  # one byte: 0 stands for 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + directory + b"".join(pictures[size] for size in sizes)


def write_all() -> list[Path]:
    """Draw every picture; the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    drawn = {size: render(size) for size in sorted({*SIZES, *ICO_SIZES})}
    written = []
    for path, size in expected().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(drawn[size])
        written.append(path)
    ICO.write_bytes(ico({size: drawn[size] for size in ICO_SIZES}))
    written.append(ICO)
    del app
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check that every picture is there"
    )
    arguments = parser.parse_args(argv)
    if arguments.check:
        found = problems()
        for problem in found:
            print(f"render_icons: {problem}", file=sys.stderr)
        if found:
            print("render_icons: run python packaging/render_icons.py", file=sys.stderr)
        return 1 if found else 0
    for path in write_all():
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
