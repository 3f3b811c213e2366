"""Roster imports that would hurt the desk are refused; out-of-range input is a sentence."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from operline.db.engine import SQLITE_BUSY_TIMEOUT_S
from operline.roster.csv_format import COLUMNS, MAX_FILE_BYTES, MAX_ROWS
from tests import test_cli_roster
from tests.test_cli_roster import ROSTER, roster, write

desk = test_cli_roster.desk  # the same fixture: a database with four sectors

HEADER = ";".join(COLUMNS) + "\n"


def imported(desk: str, tmp_path: Path) -> None:
    code, _, err = roster(desk, "import", str(write(tmp_path, ROSTER, name="first.csv")))
    assert code == 0, err


def stored_shifts(desk: str, tmp_path: Path) -> str:
    target = tmp_path / "now.csv"
    assert roster(desk, "export", str(target))[0] == 0
    return target.read_text(encoding="utf-8")


def test_a_header_only_file_needs_replace_all(desk: str, tmp_path: Path) -> None:
    imported(desk, tmp_path)
    before = stored_shifts(desk, tmp_path)
    empty = write(tmp_path, HEADER, name="empty.csv")
    code, _, err = roster(desk, "import", str(empty))
    assert code == 2
    assert "would remove all 5 shifts of the roster; give --replace-all" in err
    assert stored_shifts(desk, tmp_path) == before
    code, _, err = roster(desk, "import", "--replace-all", str(empty))
    assert code == 0, err
    assert stored_shifts(desk, tmp_path) == HEADER


def test_a_file_changing_most_shifts_needs_replace_all(desk: str, tmp_path: Path) -> None:
    imported(desk, tmp_path)
    kept_two = "".join(ROSTER.splitlines(keepends=True)[:3])
    code, _, err = roster(desk, "import", str(write(tmp_path, kept_two, name="two.csv")))
    assert code == 2
    assert "would remove or change 3 of the roster's 5 shifts (more than 50%)" in err
    one_less = "".join(ROSTER.splitlines(keepends=True)[:-1])
    code, _, err = roster(desk, "import", str(write(tmp_path, one_less, name="four.csv")))
    assert code == 0, err


def test_duplicate_rows_are_errors(desk: str, tmp_path: Path) -> None:
    lines = ROSTER.splitlines(keepends=True)
    twice = "".join([*lines, lines[1].replace("Maraude Nord", "maraude nord")])
    code, _, err = roster(desk, "import", str(write(tmp_path, twice)))
    assert code == 2
    assert "line 7: the same shift as line 2" in err


def test_a_file_too_large_or_too_long_has_its_own_sentence(desk: str, tmp_path: Path) -> None:
    big = write(tmp_path, HEADER + "x" * MAX_FILE_BYTES, name="big.csv")
    code, _, err = roster(desk, "import", str(big))
    assert code == 2
    assert f"more than a roster can be ({MAX_FILE_BYTES:,} bytes at most)" in err
    row = "T;O;;1;*;*;08:00;20:00;;\n"
    long = write(tmp_path, HEADER + row * (MAX_ROWS + 1), name="long.csv")
    code, _, err = roster(desk, "import", str(long))
    assert code == 2
    assert f"more than a roster can be ({MAX_ROWS:,} rows at most)" in err


def test_a_field_past_the_csv_limit_is_one_sentence(desk: str, tmp_path: Path) -> None:
    code, _, err = roster(desk, "import", str(write(tmp_path, HEADER + "x" * 140_000 + "\n")))
    assert code == 2
    assert "a field is longer than 131,072 characters" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("at", ["9999-12-31T23:59", "0001-01-01T00:00", "9999-12-31T23:59Z"])
def test_times_out_of_range_are_one_sentence(desk: str, at: str) -> None:
    code, _, err = roster(desk, "on-duty", "--sector", "Éole", "--at", at)
    assert code == 2
    assert "out of the years Operline handles (1900 to 9000)" in err
    assert len(err.strip().splitlines()) == 1


def test_gaps_over_too_many_days_is_one_sentence(desk: str) -> None:
    code, _, err = roster(desk, "gaps", "--days", "3000000")
    assert code == 2
    assert "--days: 3000000 is not between 1 and 366" in err


def test_the_largest_import_never_blocks_a_desk_past_the_busy_timeout(
    sqlite_url: str, tmp_path: Path
) -> None:
    from tests.test_cli_roster import SECTORS  # the same four sectors as the desk fixture

    assert roster(sqlite_url, "import", "--create-sectors", str(write(tmp_path, ROSTER)))[0] == 0
    rows = [
        f"Équipe {n};Association;;1;{SECTORS[n % 4]};*;{n % 24:02d}:00;{(n + 1) % 24:02d}:00;;\n"
        for n in range(MAX_ROWS)
    ]
    large = write(tmp_path, HEADER + "".join(rows), name="large.csv")
    path = sqlite_url.removeprefix("sqlite:///")
    waits: list[float] = []
    refused: list[str] = []
    done = threading.Event()

    def desk_saving_calls() -> None:
        other = sqlite3.connect(path, timeout=SQLITE_BUSY_TIMEOUT_S, isolation_level=None)
        try:
            while not done.is_set():
                started = time.monotonic()
                try:
                    other.execute("BEGIN IMMEDIATE")
                except sqlite3.OperationalError as error:  # the desk's call would be lost
                    refused.append(str(error))
                    continue
                waits.append(time.monotonic() - started)
                other.execute("ROLLBACK")
                time.sleep(0.01)
        finally:
            other.close()

    writer = threading.Thread(target=desk_saving_calls)
    writer.start()
    try:
        code, _, err = roster(sqlite_url, "import", "--replace-all", "--create-sectors", str(large))
    finally:
        done.set()
        writer.join()
    assert code == 0, err
    assert waits
    print(f"longest wait of a desk during the import: {max(waits):.3f} s")
    assert refused == []  # no desk's write gave up waiting for the import
    assert max(waits) < SQLITE_BUSY_TIMEOUT_S
