"""Whatever an operator typed reads back from the files as typed, and never runs as a formula."""

from __future__ import annotations

import io
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from operline.csv_files import (
    FORMULA_STARTS,
    french_excel_csv,
    not_a_formula,
    write_french_excel_csv,
)
from operline.db.engine import Database
from operline.db.models import AuditLog, Facility, Incident, Sector, Team
from operline.figures.buckets import IsoWeek
from operline.gpo.export import export_gpo_week
from operline.gpo.incidents import FIXED_TEXTS, INCIDENT_COLUMNS, INCIDENT_TEXT_COLUMNS
from operline.gpo.minimise import MASK, mask_phones
from tests.actors import COMMAND_LINE
from tests.gpo.calls import Call, paris, read_back, store, unprotected

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
W48 = IsoWeek(2026, 48)

#: Text as it can reach the database: anything but control characters other than tab and
#: line breaks (the desk refuses those where text comes in; PostgreSQL refuses NUL).
_CHARACTERS = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["\t", "\r", "\n", ";", ",", '"', "'", "=", "+", "-", "@", "😀", "é", " "]
)
_TEXT = st.text(_CHARACTERS, max_size=30)
_PREFIXED = st.tuples(st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "'", ""]), _TEXT).map(
    "".join
)
TEXT = st.one_of(_TEXT, _PREFIXED)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6", "'+33 6"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\nx", "'\nx"),
        ("\0x", "'\0x"),
        ("'quoted", "''quoted"),
        ("a=b", "a=b"),
        ("", ""),
        (-2, -2),
    ],
)
def test_a_cell_that_would_run_as_a_formula_gets_one_apostrophe(
    cell: object, written: object
) -> None:
    assert not_a_formula(cell) == written


def test_the_day_log_csv_shape_is_unchanged() -> None:
    assert french_excel_csv([["a;b", "=x"], [1, None]]) == '\ufeff"a;b";\'=x\r\n1;\r\n'.encode()


@pytest.mark.parametrize(
    ("typed", "exported"),
    [
        ("06 12 34 56 78", MASK),
        ("tél 06.12.34.56.78 svp", f"tél {MASK} svp"),
        ("+33 6 12 34 56 78", MASK),
        ("0033612345678", MASK),
        ("+44 20 7946 0958", MASK),
        ("01-99-00-12-34", MASK),
        ("Devant le 12 rue de Tanger", "Devant le 12 rue de Tanger"),
        ("Sortie 2, ligne 12, 75019", "Sortie 2, ligne 12, 75019"),
    ],
)
def test_a_phone_number_typed_in_free_text_is_masked(typed: str, exported: str) -> None:
    assert mask_phones(typed) == exported


def _clear(database: Database) -> None:
    with database.write() as session:
        for table in (AuditLog, Incident, Team, Facility, Sector):
            session.execute(delete(table))


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    location=TEXT,
    caller=TEXT,
    sector=TEXT.filter(bool),
    team=TEXT.filter(bool),
    place=TEXT.filter(bool),
    other=TEXT,
)
def test_any_typed_text_reads_back_as_stored_and_no_cell_starts_a_formula(
    database: Database, location: str, caller: str, sector: str, team: str, place: str, other: str
) -> None:
    _clear(database)
    store(
        database,
        Call(
            paris("2026-11-25T10:00"),
            sector=sector,
            location=location,
            caller_service=caller,
            team=team,
            stages=(1, 2, 3),
            orientation=place,
        ),
        Call(paris("2026-11-26T10:00"), sector=sector, location=other, caller_service=None),
    )
    with tempfile.TemporaryDirectory() as folder:
        result = export_gpo_week(database, W48, Path(folder), actor=COMMAND_LINE, now=NOW)
        read = {f.kind: read_back(f.path) for f in result.files}

    for back in read.values():
        for row in back.rows:
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS)
    first, second = read["incidents"].records
    assert unprotected(first["location"]) == mask_phones(location)
    assert unprotected(first["caller_service"]) == mask_phones(caller)
    assert unprotected(first["sector"]) == unprotected(second["sector"]) == sector
    assert unprotected(first["team"]) == team
    assert unprotected(first["orientation"]) == place
    assert unprotected(second["location"]) == mask_phones(other)
    assert second["caller_service"] == ""
    summary = read["summary"].records
    assert [unprotected(r["sector"]) for r in summary] == [sector, "TOTAL"]
    assert summary[0]["calls"] == "2"


def test_the_fixed_texts_of_the_incidents_file_never_need_the_guard() -> None:
    """Only the columns of outside text are guarded cell by cell; the rest is ours."""
    assert all(text and not text.startswith((*FORMULA_STARTS, "'")) for text in FIXED_TEXTS)
    assert [INCIDENT_COLUMNS[column] for column in INCIDENT_TEXT_COLUMNS] == [
        "reference", "sector", "location", "caller_service", "team", "orientation",
    ]  # fmt: skip


def test_with_text_columns_named_the_header_and_those_columns_are_guarded() -> None:
    output = io.StringIO(newline="")
    rows = [["=a", "=b"], ["=c", "=d"]]
    assert write_french_excel_csv(rows, output, text_columns=(1,)) == 2
    assert output.getvalue() == "\ufeff'=a;'=b\r\n=c;'=d\r\n"
