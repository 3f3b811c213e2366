"""The French user guide names every key the desk declares, as the desk writes it, and shows
exactly the pictures its script makes (the pictures themselves are made by hand, too slow
for the suite: ``python docs/make_screenshots.py``)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from operline.ui import shortcuts
from operline.ui.shell.language import install_language

DOCS = Path(__file__).parents[1] / "docs"
GUIDE = DOCS / "guide-fr.md"
SCRIPT = DOCS / "make_screenshots.py"
IMAGE = re.compile(r"!\[[^\]]*\]\((images/[^)\s]+)\)")
KEYS_HEADER = "| Touches | Action |"


@pytest.fixture
def french(qapp: object) -> Iterator[None]:
    installed = install_language("fr")
    try:
        yield
    finally:
        installed.uninstall()


def guide() -> str:
    return GUIDE.read_text(encoding="utf-8")


def keys_table() -> list[str]:
    """The rows of the guide's table of every shortcut, header and rule left out."""
    lines = guide().splitlines()
    start = lines.index(KEYS_HEADER) + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def referenced_images() -> list[str]:
    return IMAGE.findall(guide())


def script_pictures() -> list[str]:
    """The names in the script's PICTURES, read without running it."""
    tree = ast.parse(SCRIPT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.AnnAssign | ast.Assign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "PICTURES" for t in targets):
                assert node.value is not None
                value = ast.literal_eval(node.value)
                return list(value)
    raise AssertionError(f"{SCRIPT.name} declares no PICTURES")


@pytest.mark.usefixtures("french")
def test_the_guide_lists_every_shortcut_as_the_desk_shows_it_in_french() -> None:
    expected = [f"| `{key.key_text()}` | {key.description()} |" for key in shortcuts.ALL]
    # French, as F1 shows it: the Shift key is « Maj », Enter « Entrée », and a
    # non-breaking space before the colon.
    assert "| `Ctrl+Maj+S` | Journal\u00a0: signer la journée (superviseurs) |" in expected
    assert keys_table() == expected


@pytest.mark.usefixtures("french")
def test_every_key_the_desk_declares_is_named_in_the_guide() -> None:
    text = guide()
    missing = [key.key_text() for key in shortcuts.ALL if f"`{key.key_text()}`" not in text]
    assert missing == []


def test_every_image_the_guide_shows_exists() -> None:
    shown = referenced_images()
    assert shown, "the guide shows the desk"
    assert [name for name in shown if not (DOCS / name).is_file()] == []


def test_every_picture_in_the_images_folder_is_in_the_guide() -> None:
    on_disk = sorted(f"images/{path.name}" for path in (DOCS / "images").glob("*.png"))
    assert on_disk == sorted(set(referenced_images()))


def test_the_script_makes_exactly_the_pictures_the_guide_shows() -> None:
    assert sorted(f"images/{name}" for name in script_pictures()) == sorted(
        set(referenced_images())
    )


def test_the_guide_opens_with_the_command_that_makes_its_pictures() -> None:
    top = guide().split("\n## ", 1)[0]
    assert f"python docs/{SCRIPT.name}" in top
