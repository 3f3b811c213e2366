"""Text entering Operline: control characters are found, tab and line breaks are not."""

from __future__ import annotations

import pytest

from operline.text_input import ControlCharacter, first_control


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Quai\x00 2", ControlCharacter(5, "U+0000")),
        ("\x1b[31mrouge", ControlCharacter(1, "U+001B")),
        ("Sortie 2\x07", ControlCharacter(9, "U+0007")),
        ("del\x7f", ControlCharacter(4, "U+007F")),
        ("C1 \x85 here", ControlCharacter(4, "U+0085")),
        ("ligne\u2028cachée", ControlCharacter(6, "U+2028")),
        ("a\x00b\x1bc", ControlCharacter(2, "U+0000")),  # the first one is named
    ],
)
def test_control_characters_are_found_with_their_position(
    text: str, found: ControlCharacter
) -> None:
    assert first_control(text) == found


@pytest.mark.parametrize(
    "text", ["", "Métro Stalingrad", "Malaise\tsur le quai\r\nsortie 2\n", "Éole — 19ᵉ 🚑"]
)
def test_tab_line_breaks_and_letters_are_text(text: str) -> None:
    assert first_control(text) is None
