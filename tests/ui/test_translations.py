"""The French translation is complete, current, compiled, and names codes as the desk does."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from operline.actors import ActionRefused, Actor, Right, system_actor
from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.errors import DatabaseError, DatabaseProblem
from operline.ui import labels
from operline.ui.messages import error_sentence
from operline.ui.shell.language import InstalledLanguage, translation_file

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
FRENCH_TS = TRANSLATIONS / "operline_fr.ts"
FRENCH_QM = TRANSLATIONS / "operline_fr.qm"


def _load_updater() -> ModuleType:
    path = ROOT / "packaging" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


updater = _load_updater()


def _messages() -> list[tuple[str, str, list[str]]]:
    """(context, source, translations) for every entry of the French .ts file."""
    found = []
    for context in ET.parse(FRENCH_TS).getroot().iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            found.append((name, message.findtext("source", default=""), texts))
    return found


def test_the_ts_file_holds_exactly_the_strings_of_the_sources(tmp_path: Path) -> None:
    fresh = tmp_path / FRENCH_TS.name
    shutil.copyfile(FRENCH_TS, fresh)

    updater.run_lupdate(fresh)

    assert updater.source_strings(fresh) == updater.source_strings(FRENCH_TS), (
        "run packaging/update_translations.py and translate the new strings"
    )


def test_every_string_is_translated() -> None:
    assert updater.unfinished(FRENCH_TS) == []
    assert all(text.strip() for _, _, texts in _messages() for text in texts)


def test_the_qm_file_is_the_compiled_ts_file(tmp_path: Path) -> None:
    compiled = tmp_path / "operline_fr.qm"

    updater.run_lrelease(FRENCH_TS, compiled)

    assert compiled.read_bytes() == FRENCH_QM.read_bytes(), (
        "run packaging/update_translations.py to compile the translation"
    )
    assert translation_file("fr") == FRENCH_QM.read_bytes()  # what the app loads


def test_translations_keep_every_placeholder() -> None:
    for context, source, texts in _messages():
        wanted = sorted(re.findall(r"\{\w+\}|%n", source))
        for text in texts:
            assert sorted(re.findall(r"\{\w+\}|%n", text)) == wanted, (context, source, text)


def test_the_french_desk_speaks_of_calls_never_of_incidents() -> None:
    # The whole French desk says « appel »; placeholders such as {incidents} are not text.
    for context, source, texts in _messages():
        for text in texts:
            words = re.sub(r"\{\w+\}", "", text)
            assert not re.search(r"incident", words, re.IGNORECASE), (context, source, text)


@pytest.mark.usefixtures("french")
@pytest.mark.parametrize(
    ("label", "codes"),
    [
        (labels.priority_label, Priority),
        (labels.category_label, Category),
        (labels.status_label, Status),
        (labels.outcome_label, Outcome),
    ],
)
def test_french_labels_are_those_of_the_codes(label: object, codes: type) -> None:
    assert callable(label)
    shown = {code: label(code) for code in codes}
    assert shown == {code: code.label_fr for code in codes}


def test_the_ts_file_names_codes_as_the_codes_module() -> None:
    french = {source: texts[0] for context, source, texts in _messages() if context == "Labels"}
    for sources in (
        labels.PRIORITY_SOURCES,
        labels.CATEGORY_SOURCES,
        labels.STATUS_SOURCES,
        labels.OUTCOME_SOURCES,
    ):
        for code, source in sources.items():
            assert french[source] == code.label_fr


def test_english_labels_are_the_source_texts(english: InstalledLanguage) -> None:
    assert labels.category_label(Category.DISTRESS) == "Person in distress / unwell"
    assert labels.status_label(Status.ON_SCENE) == "On scene"


def test_english_database_sentences_say_what_the_command_line_says(
    english: InstalledLanguage,
) -> None:
    for problem in DatabaseProblem:
        error = DatabaseError(problem, "/srv/operline.sqlite3", "disk I/O error")
        assert error_sentence(error) == str(error)


def test_every_database_problem_has_a_french_sentence(french: InstalledLanguage) -> None:
    for problem in DatabaseProblem:
        error = DatabaseError(problem, "/srv/operline.sqlite3", "disk I/O error")
        sentence = error_sentence(error)
        assert sentence != str(error)
        assert "/srv/operline.sqlite3" in sentence


def _rights_refusals() -> list[ActionRefused]:
    operator = Actor(7, "Zoé Martin", OperatorRole.OPERATOR, "poste-2")
    nobody = ActionRefused(system_actor("claire", "poste-2"), Right.HANDLE_CALLS)
    lacking = [right for right in Right if not operator.may(right)]
    assert lacking, "an operator lacks some right"
    return [nobody, *(ActionRefused(operator, right) for right in lacking)]


def test_english_rights_refusals_say_what_the_command_line_says(
    english: InstalledLanguage,
) -> None:
    for refused in _rights_refusals():
        assert error_sentence(refused) == str(refused)


def test_every_rights_refusal_has_a_french_sentence(french: InstalledLanguage) -> None:
    for refused in _rights_refusals():
        sentence = error_sentence(refused)
        assert sentence != str(refused)
        assert "poste-2" in sentence or "Zoé Martin" in sentence
