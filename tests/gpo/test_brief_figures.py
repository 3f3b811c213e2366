"""The brief's figures equal the CSV files the GPO gets, read back as its spreadsheet would."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from statistics import fmean

import pytest

from operline.actors import ActionRefused
from operline.codes import OperatorRole, Outcome, Priority
from operline.db.engine import Database
from operline.errors import InvalidInput
from operline.figures.buckets import IsoWeek
from operline.gpo.brief_figures import BriefFigures, KeyFigures, read_brief_figures
from operline.gpo.export import export_gpo_week, file_name
from operline.gpo.incidents import WEEKDAYS_FR
from operline.gpo.minimise import MASK
from operline.paris_time import PARIS, as_utc
from tests.actors import COMMAND_LINE, signed_in
from tests.gpo.calls import Call, paris, read_back, sectors, store
from tests.test_roster_board import Shift, fill_desk

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
W48 = IsoWeek(2026, 48)
#: The week the clocks go forward (Sunday 29 March 2026, 02:00 → 03:00): 167 hours.
W13 = IsoWeek(2026, 13)
ACTIVE = ("Stalingrad", "Éole", "Porte de la Chapelle")
NOTE = "Femme enceinte, agitée"
PHONE = "+33699887766"


def weeks_of_calls() -> list[Call]:
    """Calls in weeks 43 to 48 of 2026, each week a different mix."""
    calls = []
    for back in range(6):
        monday = W48.shifted(-back).monday
        for number in range(6 - back):
            calls.append(
                Call(
                    paris(f"{monday + timedelta(days=number % 7)}T{8 + number:02d}:15"),
                    sector=ACTIVE[number % 3],
                    location=f"Rue de Tanger {number % 2}" if number < 4 else "Rue Riquet",
                    priority=Priority.URGENT if number % 2 else Priority.NORMAL,
                    team_on_duty=number != 1,
                    stages=(2, 3 + 4 * number + back, 30, 60) if number % 3 else (1, 5 + back),
                    outcome=Outcome.TAKEN_IN_CHARGE if number % 3 else None,
                    notes=NOTE,
                    callback_number=PHONE,
                )
            )
    return calls


@pytest.fixture
def weeks(database: Database) -> Database:
    sectors(database, *ACTIVE, retired=("Forceval",))
    store(database, *weeks_of_calls())
    return database


def brief(database: Database, week: IsoWeek, now: datetime = NOW) -> BriefFigures:
    return read_brief_figures(database, week, actor=COMMAND_LINE, now=now)


def total_row(database: Database, week: IsoWeek, folder: Path) -> dict[str, str]:
    """The summary's TOTAL row of the week's export, written and read back."""
    export_gpo_week(database, week, folder, actor=COMMAND_LINE, now=NOW)
    summary = read_back(folder / file_name(week, "summary")).records
    assert summary[-1]["sector"] == "TOTAL"
    return summary[-1]


def key_cells(figures: KeyFigures) -> tuple[str, ...]:
    """A week's key figures as the summary file writes them."""
    shown = (figures.calls, figures.urgent, figures.no_team)
    delays = (figures.median_minutes, figures.p90_minutes)
    return (*map(str, shown), *("" if delay is None else str(delay) for delay in delays))


def row_cells(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(
        row[column]
        for column in (
            "calls",
            "urgent",
            "no_team_on_duty",
            "median_minutes_to_acknowledge",
            "p90_minutes_to_acknowledge",
        )
    )


def test_the_weeks_figures_are_the_summarys_total_row(weeks: Database, tmp_path: Path) -> None:
    figures = brief(weeks, W48)

    assert key_cells(figures.this_week) == row_cells(total_row(weeks, W48, tmp_path))
    assert figures.this_week.calls == 6
    assert figures.this_week.urgent == 3
    assert figures.this_week.no_team == 1


def test_the_previous_week_and_the_average_of_the_four_before_are_their_total_rows(
    weeks: Database, tmp_path: Path
) -> None:
    figures = brief(weeks, W48)

    assert figures.previous.week == IsoWeek(2026, 47)
    assert key_cells(figures.previous) == row_cells(total_row(weeks, IsoWeek(2026, 47), tmp_path))
    earlier = [IsoWeek(2026, number) for number in (43, 44, 45, 46)]
    assert [shown.week.week for shown in figures.earlier] == [43, 44, 45, 46]
    rows = [total_row(weeks, week, tmp_path) for week in earlier]
    for shown, row in zip(figures.earlier, rows, strict=True):
        assert key_cells(shown) == row_cells(row)
    average = figures.average
    assert average.weeks == tuple(earlier)
    assert average.calls == fmean(int(row["calls"]) for row in rows) == 2.5
    assert average.urgent == fmean(int(row["urgent"]) for row in rows)
    assert average.no_team == fmean(int(row["no_team_on_duty"]) for row in rows)
    assert average.median_minutes == fmean(
        int(row["median_minutes_to_acknowledge"]) for row in rows
    )
    assert average.p90_minutes == fmean(int(row["p90_minutes_to_acknowledge"]) for row in rows)


def test_calls_per_day_and_sector_add_up_to_the_incidents_file(
    weeks: Database, tmp_path: Path
) -> None:
    store(weeks, Call(paris("2026-11-28T12:00"), sector="Forceval"))
    figures = brief(weeks, W48)
    export_gpo_week(weeks, W48, tmp_path, actor=COMMAND_LINE, now=NOW)

    incidents = read_back(tmp_path / file_name(W48, "incidents")).records
    counted = Counter((r["sector"], WEEKDAYS_FR.index(r["weekday"])) for r in incidents)
    summary = read_back(tmp_path / file_name(W48, "summary")).records
    # The summary's sectors, in its order: the retired one with a call comes after.
    assert [s.sector for s in figures.per_day] == [r["sector"] for r in summary[:-1]]
    assert [s.sector for s in figures.per_day] == [*ACTIVE, "Forceval"]
    for sector in figures.per_day:
        assert sector.calls_per_day == tuple(counted[sector.sector, day] for day in range(7))
    assert sum(s.calls for s in figures.per_day) == len(incidents) == 7


def test_the_hot_spots_are_the_hot_spots_file_with_their_trend(
    weeks: Database, tmp_path: Path
) -> None:
    figures = brief(weeks, W48)
    export_gpo_week(weeks, W48, tmp_path, actor=COMMAND_LINE, now=NOW)

    rows = read_back(tmp_path / file_name(W48, "hotspots")).rows[1:]
    assert [
        [spot.sector, spot.location, str(spot.calls), str(spot.calls_previous_week)]
        for spot in figures.hotspots
    ] == rows
    trends = {(spot.sector, spot.location): spot.trend for spot in figures.hotspots}
    # Each place had one call in each week, but for Riquet in Porte de la Chapelle: none
    # in week 47.
    assert trends == {
        ("Stalingrad", "Rue de Tanger 0"): "same",
        ("Éole", "Rue de Tanger 1"): "same",
        ("Porte de la Chapelle", "Rue de Tanger 0"): "same",
        ("Stalingrad", "Rue de Tanger 1"): "same",
        ("Éole", "Rue Riquet"): "same",
        ("Porte de la Chapelle", "Rue Riquet"): "up",
    }
    store(
        weeks,
        Call(paris("2026-11-26T10:00"), location="Rue Riquet"),
        *[Call(paris("2026-11-17T10:00"), location="Rue Riquet")] * 2,
    )
    riquet = next(
        spot
        for spot in brief(weeks, W48).hotspots
        if (spot.sector, spot.location) == ("Stalingrad", "Rue Riquet")
    )
    assert (riquet.calls, riquet.calls_previous_week, riquet.trend) == (1, 2, "down")


def test_a_phone_typed_in_a_place_is_masked_and_no_note_or_phone_is_carried(
    weeks: Database,
) -> None:
    store(
        weeks,
        Call(paris("2026-11-26T12:00"), location="Devant le 12, rappeler 06 12 34 56 78"),
    )
    figures = brief(weeks, W48)

    text = repr(figures)
    assert NOTE not in text
    assert PHONE not in text
    assert "06 12 34 56 78" not in text
    assert "Devant le 12, rappeler " + MASK in {spot.location for spot in figures.hotspots}


def test_a_week_the_clocks_change_counts_its_sunday_of_23_hours(
    database: Database, tmp_path: Path
) -> None:
    sectors(database, *ACTIVE)
    store(
        database,
        Call(paris("2026-03-29T01:59")),
        Call(paris("2026-03-29T03:00"), sector="Éole", stages=(2, 7)),
        Call(paris("2026-03-29T23:59"), sector="Éole"),
        Call(paris("2026-03-30T00:00")),  # week 14
    )
    figures = brief(database, W13)

    assert figures.length_hours == 167
    assert figures.days[-1].isoformat() == "2026-03-29"
    per_day = {s.sector: s.calls_per_day for s in figures.per_day}
    assert per_day["Stalingrad"] == (0, 0, 0, 0, 0, 0, 1)
    assert per_day["Éole"] == (0, 0, 0, 0, 0, 0, 2)
    assert key_cells(figures.this_week) == row_cells(total_row(database, W13, tmp_path))
    assert key_cells(figures.this_week) == ("3", "0", "0", "7", "7")


def test_an_empty_week_is_all_zeros_with_no_delay_and_no_hot_spot(
    database: Database, tmp_path: Path
) -> None:
    sectors(database, *ACTIVE)
    figures = brief(database, W48)

    assert key_cells(figures.this_week) == ("0", "0", "0", "", "")
    assert key_cells(figures.this_week) == row_cells(total_row(database, W48, tmp_path))
    assert (figures.average.calls, figures.average.median_minutes) == (0.0, None)
    assert [(s.sector, s.calls_per_day) for s in figures.per_day] == [
        (name, (0,) * 7) for name in ACTIVE
    ]
    assert figures.hotspots == ()
    # Nobody is rostered at all: every sector went the whole week without a team.
    start, end = W48.bounds()
    assert [(s.sector, s.intervals, s.hours) for s in figures.without_team] == [
        (name, ((start, end),), 168.0) for name in ACTIVE
    ]


def test_hours_without_a_team_are_merged_nights_in_paris_time_across_the_clock_change(
    database: Database,
) -> None:
    fill_desk(
        database,
        sectors=ACTIVE,
        teams={"Maraude Nord": "+33140000000", "Équipe de nuit": "+33140000001"},
        shifts=[
            Shift("Maraude Nord", "08:00", "20:00", ("Stalingrad",)),
            Shift("Maraude Nord", "00:00", "00:00", ("Éole",)),
            # A backup covers its sector as the call's "no team on duty" reads it.
            Shift("Équipe de nuit", "20:00", "08:00", ("Porte de la Chapelle",), tier=2),
        ],
    )
    figures = brief(database, W13)

    gaps = {s.sector: s for s in figures.without_team}
    assert [s.sector for s in figures.without_team] == list(ACTIVE)
    assert gaps["Éole"].intervals == ()
    days = gaps["Porte de la Chapelle"].intervals
    assert [(f"{since:%a %H:%M}", f"{until:%a %H:%M}") for since, until in days[:2]] == [
        ("Mon 08:00", "Mon 20:00"),
        ("Tue 08:00", "Tue 20:00"),
    ]
    assert gaps["Porte de la Chapelle"].hours == 7 * 12.0
    nights = gaps["Stalingrad"].intervals
    assert len(nights) == 8  # Monday 00:00-08:00, six nights, Sunday 20:00-24:00
    assert all(since.tzinfo is PARIS and until.tzinfo is PARIS for since, until in nights)
    assert [(f"{since:%a %H:%M}", f"{until:%a %H:%M}") for since, until in nights] == [
        ("Mon 00:00", "Mon 08:00"),
        ("Mon 20:00", "Tue 08:00"),
        ("Tue 20:00", "Wed 08:00"),
        ("Wed 20:00", "Thu 08:00"),
        ("Thu 20:00", "Fri 08:00"),
        ("Fri 20:00", "Sat 08:00"),
        ("Sat 20:00", "Sun 08:00"),
        ("Sun 20:00", "Mon 00:00"),
    ]
    # The night the clocks go forward lasts 11 hours: the week has 167 - 7 × 12 = 83.
    saturday = nights[6]
    assert as_utc(saturday[1]) - as_utc(saturday[0]) == timedelta(hours=11)
    assert f"{saturday[0]:%z}" == "+0100"
    assert f"{saturday[1]:%z}" == "+0200"
    assert gaps["Stalingrad"].hours == 83.0


def test_the_brief_needs_the_export_right_and_a_week_that_is_over(
    weeks: Database,
) -> None:
    operator = signed_in(weeks, "Zoé Martin", OperatorRole.OPERATOR)
    with pytest.raises(ActionRefused):
        read_brief_figures(weeks, W48, actor=operator, now=NOW)
    with pytest.raises(InvalidInput, match="is not over yet"):
        brief(weeks, IsoWeek(2026, 49))
