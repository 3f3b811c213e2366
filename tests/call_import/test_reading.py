"""Reading the call log file: encodings, separators, header, records and their lines."""

from __future__ import annotations

import pytest

from operline.call_import.problems import CallFileError
from operline.call_import.reading import read_call_file


def _problems(content: bytes) -> list[str]:
    with pytest.raises(CallFileError) as caught:
        read_call_file(content)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize(
    "content",
    [
        "received_at;sector;category\n23/11/2024 14:05;Éole;Autre\n".encode(),
        "\ufeffreceived_at;sector;category\r\n23/11/2024 14:05;Éole;Autre\r\n".encode(),
        "received_at;sector;category\r\n23/11/2024 14:05;Éole;Autre\r\n".encode("cp1252"),
        "received_at,sector,category\n23/11/2024 14:05,Éole,Autre\n".encode(),
    ],
    ids=["utf-8", "utf-8 with BOM", "windows-1252", "comma"],
)
def test_every_encoding_and_separator_reads_the_same_record(content: bytes) -> None:
    read = read_call_file(content)

    assert read.header == ("received_at", "sector", "category")
    assert [record.fields for record in read.records] == [
        {"received_at": "23/11/2024 14:05", "sector": "Éole", "category": "Autre"}
    ]
    assert [record.line for record in read.records] == [2]


def test_the_separator_is_the_one_of_the_header() -> None:
    read = read_call_file(b"received_at,sector,category,notes\n23/11/2024 14:05,Eole,other,a;b\n")

    assert read.separator == ","
    assert read.records[0].fields["notes"] == "a;b"


def test_columns_come_in_any_order_and_any_case() -> None:
    read = read_call_file(b"Category; SECTOR ;received_at\nautre;eole;23/11/2024 14:05\n")

    assert read.records[0].fields == {
        "category": "autre",
        "sector": "eole",
        "received_at": "23/11/2024 14:05",
    }


def test_an_unknown_column_is_refused_not_dropped() -> None:
    problems = _problems(b"received_at;sector;category;victim_name\n")

    assert problems == [
        "line 1, column victim_name: not a column of the call log (columns: received_at, "
        "sector, location, category, priority, persons, caller_service, caller_phone, team, "
        "acknowledged_at, on_scene_at, closed_at, outcome, orientation, notes)"
    ]


def test_the_required_columns_and_a_column_given_twice_are_each_told() -> None:
    problems = _problems(b"location;sector;sector\n")

    assert problems == [
        "line 1, column sector: given twice in the header",
        "line 1, column received_at: missing from the header",
        "line 1, column category: missing from the header",
    ]


def test_an_empty_file_has_no_header() -> None:
    assert _problems(b"")[0].startswith("line 1: the header row is missing")


def test_bytes_neither_utf8_nor_windows_1252_are_refused() -> None:
    assert _problems(b"received_at\x81;sector\n") == [
        "line 1: the file is neither UTF-8 nor Windows-1252 text (byte 12)"
    ]


def test_a_record_spread_over_lines_is_numbered_by_its_first_line() -> None:
    content = (
        b'received_at;sector;category;notes\n23/11/2024 14:05;eole;autre;"two\nlines"\n'
        b"\n23/11/2024 15:05;eole;autre;\n"
    )

    read = read_call_file(content)

    assert [record.line for record in read.records] == [2, 5]
    assert read.records[0].fields["notes"] == "two\nlines"


def test_a_record_of_the_wrong_width_is_kept_aside_with_its_problem() -> None:
    read = read_call_file(b"received_at;sector;category\n23/11/2024 14:05;eole\n")

    assert read.records == ()
    [(record, problem)] = read.misshapen
    assert record.raw == ("23/11/2024 14:05", "eole")
    assert str(problem) == "line 2: 2 fields, expected 3"


def test_a_column_without_a_name_is_told_by_its_position() -> None:
    assert _problems(b"received_at;sector;;category\n") == [
        "line 1: column 3 of the header has no name"
    ]
