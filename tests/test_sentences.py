"""A sentence is translated, then filled in; a bad translation never hides the sentence."""

from __future__ import annotations

from operline.sentences import QT_TRANSLATE_NOOP, english

REASON = QT_TRANSLATE_NOOP("Test", "{value} is not between {low} and {high} {unit}")
MINUTES = QT_TRANSLATE_NOOP("Test", "minutes")
REFUSED = QT_TRANSLATE_NOOP("Test", "{key}: {reason}")
FRENCH = {
    "minutes": "minutes (fr)",
    str(REASON): "{value} n'est pas entre {low} et {high} {unit}",
}


def french(context: str, text: str) -> str:
    return FRENCH.get(text, "") if context == "Test" else ""


def test_values_that_are_sentences_or_templates_are_translated_too() -> None:
    sentence = REFUSED(key="a.b", reason=REASON(value=300, low=1, high=240, unit=MINUTES))
    assert str(sentence) == "a.b: 300 is not between 1 and 240 minutes"
    assert sentence.told(french) == "a.b: 300 n'est pas entre 1 et 240 minutes (fr)"
    assert sentence.told(english) == str(sentence)


def test_a_translation_naming_a_value_the_sentence_lacks_gives_the_english() -> None:
    sentence = MINUTES()
    assert sentence.told(lambda context, text: "{nope} minutes") == "minutes"


def test_a_template_is_its_english_text_and_knows_its_context() -> None:
    assert REASON == "{value} is not between {low} and {high} {unit}"
    assert REASON.context == "Test"
