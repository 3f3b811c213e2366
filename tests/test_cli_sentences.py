"""Every sentence the command line can say is declared once and has its French."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import operline
from operline.language import choose_language

PACKAGE = Path(operline.__file__).resolve().parent
FRENCH_TS = PACKAGE.parent / "resources" / "translations" / "operline_fr.ts"
#: The roster editor's checks: the window tells them field by field, by code, from
#: ``operline/ui/roster_editor``; the command line never runs them.
WINDOW_ONLY = ("roster/editing_",)
#: Constructors of the errors a user can cause, as the code names them.
ERRORS = {
    "OperlineError",
    "InvalidInput",
    "DatabaseError",
    "DatabaseDamaged",
    "MissingDatabase",
    "ActionRefused",
    "SettingRefused",
    "TimeProblem",
    "LocalTimeError",
}


def _modules() -> list[Path]:
    """The Python files the command line runs: everything but the window."""
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in path.relative_to(PACKAGE).parts
        and not str(path.relative_to(PACKAGE)).startswith(WINDOW_ONLY)
    ]


def _declared(path: Path) -> list[tuple[str, str]]:
    """The (context, English) pairs marked with QT_TRANSLATE_NOOP in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
            context, text = node.args
            if isinstance(context, ast.Constant) and isinstance(text, ast.Constant):
                found.append((context.value, text.value))
    return found


def _french() -> dict[tuple[str, str], str]:
    """The finished French of each (context, English) pair of the catalogue."""
    finished = {}
    for context in ET.parse(FRENCH_TS).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") is not None:
                continue  # unfinished, obsolete or vanished
            if (translation.text or "").strip():
                finished[(name, message.findtext("source", default=""))] = translation.text or ""
    return finished


def test_every_sentence_of_the_command_line_has_a_finished_french_translation() -> None:
    french = _french()
    declared = [pair for path in _modules() for pair in _declared(path)]
    assert len(declared) > 60  # the scan sees the sentences, not an empty list
    missing = [pair for pair in declared if pair not in french]
    assert missing == []


def _english_only(source: str) -> list[int]:
    """The lines where an error is raised, or built, with ready-made English, not a template."""
    tree = ast.parse(source)
    errors = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        and any(getattr(base, "id", None) in ERRORS for base in node.bases)
    ]
    built = [
        node
        for error in errors
        for node in ast.walk(error)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "__init__"
    ]
    named = [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ERRORS
    ]
    return sorted(
        node.lineno for node in (*built, *named) if node.args and _is_ready_made(node.args[0])
    )


def _is_ready_made(argument: ast.expr) -> bool:
    if isinstance(argument, ast.JoinedStr):
        return True
    if isinstance(argument, ast.Constant):
        return isinstance(argument.value, str)
    # "…".format(…), "; ".join(…): an English sentence already filled in.
    return isinstance(argument, ast.Call) and isinstance(argument.func, ast.Attribute)


def test_no_error_the_command_line_can_raise_is_a_ready_made_english_string() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in _modules()
        for line in _english_only(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        'raise InvalidInput(f"unknown team {name!r}")',
        'raise InvalidInput("give a reason")',
        'class A(InvalidInput):\n    def __init__(self): super().__init__("; ".join(p))',
        "class A(OperlineError):\n    def __init__(self): super().__init__(S[c].format(**v))",
    ],
)
def test_the_scan_sees_english_given_ready_made_to_an_error(source: str) -> None:
    assert len(_english_only(source)) == 1


def test_the_scan_lets_a_declared_template_through() -> None:
    source = 'raise InvalidInput(QT_TRANSLATE_NOOP("Roster", "unknown {name}"), name=name)'
    assert _english_only(source) == []


@pytest.mark.parametrize(
    ("forced", "environ", "system", "expected"),
    [
        (None, {"LANG": "fr_FR.UTF-8"}, None, "fr"),
        (None, {"LANG": "C"}, "fr", "en"),
        (None, {"LC_ALL": "fr_CA.UTF-8", "LANG": "C"}, None, "fr"),
        (None, {"LC_MESSAGES": "en_GB.UTF-8", "LANG": "fr_FR.UTF-8"}, None, "en"),
        (None, {"LC_ALL": "", "LANG": "fr_BE"}, None, "fr"),
        (None, {}, "fr", "fr"),
        (None, {}, None, "en"),
        ("en", {"LC_ALL": "fr_FR.UTF-8"}, "fr", "en"),
        ("fr", {"LANG": "C"}, None, "fr"),
    ],
)
def test_one_language_rule(
    forced: str | None, environ: dict[str, str], system: str | None, expected: str
) -> None:
    assert choose_language(forced, environ=environ, system=system) == expected


def test_the_compiled_catalogue_translates_a_sentence_and_the_detail_inside_it() -> None:
    from operline.cli import messages
    from operline.errors import DatabaseError, DatabaseProblem
    from operline.sentences import QT_TRANSLATE_NOOP as MARK

    detail = MARK("DatabaseMessages", "no answer in {seconds} s")(seconds=1800)
    error = DatabaseError(DatabaseProblem.COPY_FAILED, "/srv/operline.sqlite3", detail)
    try:
        messages.speak("fr")
        french = messages.told(error.sentence)
    finally:
        messages.speak("en")
    assert french == (
        "La sauvegarde de /srv/operline.sqlite3 a échoué (pas de réponse en 1800 s)"
        "\u00a0; aucune copie n'a été écrite."
    )
    assert messages.told(error.sentence) == str(error)
    assert str(error) == (
        "The backup of /srv/operline.sqlite3 failed (no answer in 1800 s); no copy was written."
    )
