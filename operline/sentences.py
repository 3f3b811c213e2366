"""Sentences told to the user: English templates declared where they are said, translated late.

A template is marked ``QT_TRANSLATE_NOOP("Context", "English {value}.")`` where the code
says it; pyside6-lupdate finds that name in any Python file, so the French goes into the
one catalogue the window and the command line both read. The marker here needs no Qt: it
returns the text, remembering its context. A ``Sentence`` is a template with its values;
each front end translates the template, then fills in the values (a value that is itself
a sentence or a template, such as a reason or a unit, is translated too).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

#: Looks up a template's translation by context and English text ("" when it has none).
Translate = Callable[[str, str], str]


class Template(str):
    """An English template that knows its translation context; it is its own English text."""

    context: str

    def __new__(cls, context: str, text: str) -> Template:
        template = super().__new__(cls, text)
        template.context = context
        return template

    def __call__(self, **values: object) -> Sentence:
        """This template with the values its fields name."""
        return Sentence(self.context, str(self), dict(values))


def QT_TRANSLATE_NOOP(context: str, text: str) -> Template:
    """Mark ``text`` for translation in ``context``; returns the text as a ``Template``."""
    return Template(context, text)


def english(context: str, text: str) -> str:
    """The translation into English: the templates are English already."""
    return ""


@dataclass(frozen=True)
class Sentence:
    """One sentence to tell: where its template is translated, the template, its values."""

    context: str
    template: str
    values: Mapping[str, object] = field(default_factory=dict)

    def told(self, translate: Translate) -> str:
        """The sentence in the language of ``translate``, values filled in."""
        translated = translate(self.context, self.template) if self.context else ""
        # Without a translation the English template still takes translated values.
        values = {name: _told(value, translate) for name, value in self.values.items()}
        try:
            return (translated or self.template).format(**values)
        except (KeyError, IndexError, ValueError):
            return str(self)  # a translation naming a value the sentence lacks must not hide it

    def __str__(self) -> str:
        return self.template.format(**self.values)


def _told(value: object, translate: Translate) -> object:
    if isinstance(value, Sentence):
        return value.told(translate)
    if isinstance(value, Template):
        return translate(value.context, str(value)) or str(value)
    return value
