"""Finding a call by its reference, as an operator types it in the "go to call" box."""

from __future__ import annotations

import pytest

from operline.db.engine import Database
from operline.incidents.references import incident_id_by_reference, parse_reference
from tests.incidents.test_stage_refusals import new_call, small_desk


@pytest.mark.parametrize(
    ("typed", "reference"),
    [
        ("OPL-2026-000123", "OPL-2026-000123"),
        ("  opl-2026-000123 ", "OPL-2026-000123"),
        ("OPL-2025-123", "OPL-2025-000123"),
        ("2025-123", "OPL-2025-000123"),
        ("123", "OPL-2026-000123"),
        ("000123", "OPL-2026-000123"),
        ("7", "OPL-2026-000007"),
        ("", None),
        ("0", None),
        ("OPL-2026-", None),
        ("Stalingrad", None),
        ("1234567", None),
        ("12a", None),
    ],
)
def test_a_typed_reference_is_read_as_the_desk_writes_it(typed: str, reference: str | None) -> None:
    assert parse_reference(typed, year=2026) == reference


def test_a_call_is_found_by_its_reference_or_its_number_this_year(
    sqlite_database: Database,
) -> None:
    desk = small_desk(sqlite_database)
    first, second = new_call(desk), new_call(desk)
    year = int(second.reference.split("-")[1])
    number = str(int(second.reference.rsplit("-", 1)[1]))
    assert (
        incident_id_by_reference(desk.database, second.reference, year=year) == second.incident_id
    )
    assert incident_id_by_reference(desk.database, number, year=year) == second.incident_id
    assert incident_id_by_reference(desk.database, first.reference.lower(), year=year) == (
        first.incident_id
    )
    # The same number another year, an unknown number, and no reference at all.
    assert incident_id_by_reference(desk.database, number, year=year - 1) is None
    assert incident_id_by_reference(desk.database, "999", year=year) is None
    assert incident_id_by_reference(desk.database, "Éole", year=year) is None
