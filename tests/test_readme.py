"""The README opens with the two commands a newcomer runs, and CI runs the second."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.startswith("```sh\n"), "the README starts with its two commands"
    block = text.removeprefix("```sh\n").split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_starts_with_exactly_two_commands() -> None:
    install_and_open, install_and_test = readme_commands()
    assert install_and_open.endswith("operline --demo")
    assert ".venv/bin/pytest" in install_and_test


def test_ci_runs_the_readmes_test_command() -> None:
    _, install_and_test = readme_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert install_and_test in ci_lines
