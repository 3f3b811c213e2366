"""The code keeps a shape a newcomer can read: short modules, imports that flow one way."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).parents[1] / "operline"
LONG = 400
REASON = "(Over 400 lines:"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def runtime_imports(path: Path, known: set[str]) -> set[str]:
    """The operline modules a module imports when it runs (not those only for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # ``from package import module`` needs the module; a parent package is always
            # initialised first by Python itself, so it is no dependency of this module.
            modules = {f"{node.module}.{alias.name}" for alias in node.names} & known
            names = [
                alias.name for alias in node.names if f"{node.module}.{alias.name}" not in known
            ]
            found.update(modules)
            if names:
                found.add(node.module)
    return {name for name in found if name in known}


def test_a_module_over_400_lines_says_why_at_its_top() -> None:
    unexplained = []
    for name, path in sources().items():
        text = path.read_text(encoding="utf-8")
        docstring = ast.get_docstring(ast.parse(text)) or ""
        if text.count("\n") > LONG and REASON not in docstring:
            unexplained.append(name)
    assert unexplained == []


def circles_in(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each import circle found by a depth-first walk, as the trail that closes it."""
    circles: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for imported in sorted(graph[name]):
            if state.get(imported) == "open":
                circles.append([*trail[trail.index(imported) :], imported])
            elif imported not in state:
                visit(imported, [*trail, imported])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    return circles


def test_no_module_imports_itself_back_through_others() -> None:
    modules = sources()
    graph = {name: runtime_imports(path, set(modules)) - {name} for name, path in modules.items()}
    assert circles_in(graph) == []


def test_the_circle_finder_sees_a_circle(tmp_path: Path) -> None:
    first = tmp_path / "first.py"
    first.write_text(
        "from operline import journal\nfrom operline.db import Base\n", encoding="utf-8"
    )
    known = {"operline", "operline.journal", "operline.db"}
    assert runtime_imports(first, known) == {"operline.journal", "operline.db"}
    guarded = tmp_path / "guarded.py"
    guarded.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import operline.journal\n",
        encoding="utf-8",
    )
    assert runtime_imports(guarded, {"operline.journal"}) == set()
    assert circles_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert circles_in({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []
