"""The times of the earlier log: French or ISO 8601, Paris time, the changes of clock."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from operline.call_import.times import ReadTime, read_time
from operline.paris_time import TimeProblem


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("23/11/2024 14:05", datetime(2024, 11, 23, 13, 5, tzinfo=UTC)),
        ("3/7/2024 9:05", datetime(2024, 7, 3, 7, 5, tzinfo=UTC)),
        ("2024-11-23T14:05", datetime(2024, 11, 23, 13, 5, tzinfo=UTC)),
        ("2024-11-23 14:05:30", datetime(2024, 11, 23, 13, 5, 30, tzinfo=UTC)),
        ("2024-11-23T14:05+00:00", datetime(2024, 11, 23, 14, 5, tzinfo=UTC)),
        ("2024-07-01T12:00Z", datetime(2024, 7, 1, 12, 0, tzinfo=UTC)),
    ],
)
def test_french_and_iso_times_are_read_in_paris_time_unless_they_have_an_offset(
    text: str, expected: datetime
) -> None:
    assert read_time(text) == ReadTime(expected)


def test_a_time_of_the_missing_spring_hour_is_refused() -> None:
    with pytest.raises(TimeProblem, match="2025-03-30 02:30 does not exist in Paris"):
        read_time("30/03/2025 02:30")


def test_a_time_of_the_repeated_autumn_hour_is_its_first_occurrence_flagged() -> None:
    read = read_time("26/10/2025 02:30")

    assert read == ReadTime(datetime(2025, 10, 26, 0, 30, tzinfo=UTC), ambiguous=True)


def test_with_an_offset_the_autumn_hour_is_exact_and_no_warning() -> None:
    assert read_time("2025-10-26T02:30+01:00") == ReadTime(
        datetime(2025, 10, 26, 1, 30, tzinfo=UTC)
    )


@pytest.mark.parametrize("text", ["23/11/2024", "2024-11-23", "hier 14h", "31/02/2024 10:00", "12"])
def test_what_names_no_date_and_time_is_refused_with_examples(text: str) -> None:
    with pytest.raises(TimeProblem, match=r"is not a date and time \(expected e\.g\. 23/11/2024"):
        read_time(text)


def test_years_out_of_range_are_refused() -> None:
    with pytest.raises(TimeProblem, match="out of the years Operline handles"):
        read_time("01/01/1800 10:00")
