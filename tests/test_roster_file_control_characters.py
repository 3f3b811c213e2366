"""A roster file holding a control character is refused at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from operline.roster.csv_format import RosterFileError, parse_roster_csv
from tests import test_cli_roster
from tests.test_cli_roster import ROSTER, roster, write

desk = test_cli_roster.desk  # the same fixture: a database with four sectors


def test_a_nul_in_a_team_name_is_named_at_its_line_and_column() -> None:
    content = ROSTER.replace("Maraude Nuit", "Maraude\x00Nuit").encode("utf-8")

    with pytest.raises(RosterFileError) as refused:
        parse_roster_csv(content)

    assert [str(problem) for problem in refused.value.problems] == [
        "line 3, column team: character 8 is an invisible control character (U+0000)"
    ]


def test_an_escape_and_a_bell_are_named_in_their_own_columns() -> None:
    content = ROSTER.replace("Association B", "Asso\x1bB").replace("GHU Paris", "GHU\x07")

    with pytest.raises(RosterFileError) as refused:
        parse_roster_csv(content.encode("utf-8"))

    assert [str(problem) for problem in refused.value.problems] == [
        "line 4, column organisation: character 5 is an invisible control character (U+001B)",
        "line 5, column organisation: character 4 is an invisible control character (U+0007)",
    ]


def test_the_roster_stays_as_it_was_when_a_file_holds_a_nul(desk: str, tmp_path: Path) -> None:
    code, _, err = roster(desk, "import", str(write(tmp_path, ROSTER, name="first.csv")))
    assert code == 0, err
    before = tmp_path / "before.csv"
    assert roster(desk, "export", str(before))[0] == 0

    with_nul = ROSTER.replace("Maraude Nuit", "Maraude\x00Nuit").replace(
        "20:00;08:00", "21:00;08:00"
    )
    code, _, err = roster(desk, "import", str(write(tmp_path, with_nul, name="nul.csv")))

    assert code != 0
    assert "line 3, column team: character 8 is an invisible control character (U+0000)" in err
    after = tmp_path / "after.csv"
    assert roster(desk, "export", str(after))[0] == 0
    assert after.read_text(encoding="utf-8") == before.read_text(encoding="utf-8")
