"""The figures of a small known history: calls per day, delays, repeat places, DST weeks."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import func, select

from operline.audit import AuditAction
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident, Sector
from operline.errors import InvalidInput
from operline.figures.ack_times import percentile_of_sorted
from operline.figures.buckets import IsoWeek, hour_buckets
from operline.figures.places import fold_place, merge_spellings
from operline.figures.sector_view import sector_figures, sector_today
from operline.figures.week import week_figures
from operline.paris_time import InFold, InGap, paris_to_utc
from tests.actors import COMMAND_LINE

#: Thursday 26 November 2026, 15:00 in Paris (ISO week 48).
NOW = datetime(2026, 11, 26, 14, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Logged:
    received_at: datetime
    sector: str = "Stalingrad"
    location: str | None = None
    ack_after: timedelta | None = None
    outcome: Outcome | None = None
    team_on_duty: bool = True


def paris(text: str) -> datetime:
    """A Paris wall-clock time (never inside a change of time here) as a UTC instant."""
    return paris_to_utc(datetime.fromisoformat(text), in_gap=InGap.RAISE, in_fold=InFold.RAISE)


def log(database: Database, *calls: Logged) -> dict[str, int]:
    """Store calls as the desk would have; the sectors' ids by name."""
    with database.write() as session:
        sectors = {s.name: s for s in session.scalars(select(Sector))}
        first = (session.scalar(select(func.count(Incident.id))) or 0) + 1
        for number, call in enumerate(calls, start=first):
            if call.sector not in sectors:
                sectors[call.sector] = Sector(
                    name=call.sector, sort_order=len(sectors), created_at=NOW
                )
                session.add(sectors[call.sector])
                session.flush()
            closed = call.outcome is not None
            session.add(
                Incident(
                    reference=f"OPL-2026-{number:06d}",
                    received_at=call.received_at,
                    sector_id=sectors[call.sector].id,
                    location=call.location,
                    category=Category.DISTRESS.value,
                    priority=Priority.NORMAL.value,
                    persons=1,
                    status=Status.CLOSED.value if closed else Status.NEW.value,
                    team_on_duty_at_intake=call.team_on_duty,
                    acknowledged_at=(
                        call.received_at + call.ack_after if call.ack_after is not None else None
                    ),
                    outcome=call.outcome.value if closed else None,
                    orientation_facility_id=None,
                    closed_at=call.received_at + timedelta(hours=1) if closed else None,
                    created_at=call.received_at,
                    updated_at=call.received_at,
                )
            )
        session.flush()
        return {name: sector.id for name, sector in sectors.items()}


def test_a_sector_counts_its_calls_per_paris_day_over_four_weeks(database: Database) -> None:
    sectors = log(
        database,
        # 23:30 in Paris on Wednesday 25 is still the 25th, though already the 26th nowhere.
        Logged(paris("2026-11-25T23:30")),
        Logged(paris("2026-11-26T00:10")),
        Logged(paris("2026-11-26T14:59")),
        Logged(paris("2026-11-26T15:01")),  # after now: not counted yet
        Logged(paris("2026-10-30T12:00")),  # the first of the 28 days
        Logged(paris("2026-10-29T23:59")),  # the day before: left out
        Logged(paris("2026-11-26T10:00"), sector="Éole"),
    )

    figures = sector_figures(database, sectors["Stalingrad"], actor=COMMAND_LINE, now=NOW)

    assert len(figures.days) == 28
    assert figures.days[0].day == date(2026, 10, 30)
    assert figures.days[-1].day == date(2026, 11, 26)
    by_day = {d.day: d.calls for d in figures.days if d.calls}
    # The chart counts what the log holds for the day, the call logged for 15:01 too.
    assert by_day == {date(2026, 10, 30): 1, date(2026, 11, 25): 1, date(2026, 11, 26): 3}
    assert figures.sector == "Stalingrad"
    assert len(figures.live.today_ids) == 3
    assert {i.sector for i in figures.live.open_incidents} == {"Stalingrad"}


def test_the_median_and_90th_percentile_of_this_week_against_last_week(
    database: Database,
) -> None:
    this_week = [1, 2, 3, 4, 10]  # minutes
    last_week = [5, 7]
    sectors = log(
        database,
        *(
            Logged(paris(f"2026-11-2{3 + n % 3}T10:0{n}"), ack_after=timedelta(minutes=m))
            for n, m in enumerate(this_week)
        ),
        *(
            Logged(paris(f"2026-11-1{6 + n}T09:00"), ack_after=timedelta(minutes=m))
            for n, m in enumerate(last_week)
        ),
        Logged(paris("2026-11-24T08:00")),  # never acknowledged: no delay
        Logged(paris("2026-11-24T08:00"), sector="Éole", ack_after=timedelta(hours=3)),
    )

    figures = sector_figures(database, sectors["Stalingrad"], actor=COMMAND_LINE, now=NOW)

    assert figures.this_week == IsoWeek(2026, 48)
    assert figures.ack_this_week.acknowledged == 5
    assert figures.ack_this_week.median == timedelta(minutes=3)
    # percentile_cont: rank 0.9 × 4 = 3.6, between 4 and 10 minutes.
    assert figures.ack_this_week.ninetieth == timedelta(minutes=7.6)
    assert figures.ack_last_week.median == timedelta(minutes=6)
    assert figures.ack_last_week.ninetieth == timedelta(minutes=6.8)


def test_places_are_the_same_whatever_the_case_accents_spaces_and_apostrophes(
    database: Database,
) -> None:
    sectors = log(
        database,
        Logged(paris("2026-11-20T10:00"), location="Rue d'Aubervilliers"),
        Logged(paris("2026-11-21T10:00"), location="rue d’aubervilliers "),
        Logged(paris("2026-11-22T10:00"), location="RUE D'AUBERVILLIERS"),
        Logged(paris("2026-11-23T10:00"), location="Rue d'Aubervilliers"),
        Logged(paris("2026-11-23T11:00"), location="Quai de Valmy, écluse"),
        Logged(paris("2026-11-23T12:00"), location="quai de valmy ecluse"),
        Logged(paris("2026-11-24T10:00"), location="Rotonde"),  # once: not a repeat
        Logged(paris("2026-10-01T10:00"), location="Quai de Valmy, écluse"),  # too long ago
        Logged(paris("2026-11-24T10:00"), location="Rue d'Aubervilliers", sector="Éole"),
    )

    figures = sector_figures(database, sectors["Stalingrad"], actor=COMMAND_LINE, now=NOW)

    assert [(p.place, p.calls) for p in figures.places] == [
        ("Rue d'Aubervilliers", 4),
        ("Quai de Valmy, écluse", 2),
    ]


def test_place_folding() -> None:
    assert fold_place("  Rue d’Aubervilliers ") == fold_place("RUE D'AUBERVILLIERS")
    assert fold_place("Quai de Valmy, écluse") == "quai de valmy ecluse"
    assert fold_place("Porte de la Chapelle") != fold_place("Porte de Clignancourt")
    assert merge_spellings([("—", 3), ("Éole", 1)]) == []


@given(st.lists(st.integers(min_value=0, max_value=50), min_size=2, max_size=40))
def test_percentiles_are_those_of_the_statistics_module(values: list[int]) -> None:
    ordered = sorted(values)
    for fraction, expected in (
        (0.5, statistics.median(values)),
        (0.9, statistics.quantiles(values, n=10, method="inclusive")[-1]),
    ):
        assert percentile_of_sorted(ordered, fraction) == pytest.approx(expected)
    assert percentile_of_sorted([], 0.5) is None


def test_a_spring_week_has_167_hours_and_no_sunday_2_am(database: Database) -> None:
    week = IsoWeek(2026, 13)  # the clocks go forward on Sunday 29 March 2026
    start, end = week.bounds()
    assert len(hour_buckets(start, end)) == 167
    log(
        database,
        Logged(datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),  # 01:30 in Paris, winter time
        Logged(datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),  # 03:30 in Paris, summer time
        Logged(datetime(2026, 3, 29, 21, 59, tzinfo=UTC)),  # 23:59, still Sunday
        Logged(datetime(2026, 3, 29, 22, 0, tzinfo=UTC)),  # Monday of the next week
    )

    figures = week_figures(database, week, actor=COMMAND_LINE, now=NOW)

    assert figures.length_hours == 167
    sunday = 6
    assert figures.hours_lived[sunday][2] == 0
    assert figures.calls_by_hour[sunday][1] == 1
    assert figures.calls_by_hour[sunday][3] == 1
    assert figures.calls_by_hour[sunday][23] == 1
    assert figures.sectors[0].calls_per_day == (0, 0, 0, 0, 0, 0, 3)


def test_an_autumn_week_counts_both_2_am_hours_in_one_cell(database: Database) -> None:
    week = IsoWeek(2026, 43)  # the clocks go back on Sunday 25 October 2026
    log(
        database,
        Logged(datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # 02:30 summer time
        Logged(datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),  # 02:30 winter time
        Logged(datetime(2026, 10, 25, 22, 59, tzinfo=UTC)),  # 23:59, the 25-hour Sunday
    )

    figures = week_figures(database, week, actor=COMMAND_LINE, now=NOW)

    assert figures.length_hours == 169
    assert figures.hours_lived[6][2] == 2
    assert figures.calls_by_hour[6][2] == 2
    assert figures.sectors[0].calls_per_day[6] == 3


def test_the_week_counts_outcomes_delays_and_calls_with_no_team(database: Database) -> None:
    sectors = log(
        database,
        Logged(paris("2026-11-23T10:00"), outcome=Outcome.TAKEN_IN_CHARGE, ack_after=MINUTE * 4),
        Logged(paris("2026-11-23T11:00"), outcome=Outcome.REFUSED, ack_after=MINUTE * 8),
        Logged(paris("2026-11-24T03:00"), team_on_duty=False),
        Logged(paris("2026-11-29T23:30"), sector="Éole", team_on_duty=False),
        Logged(paris("2026-11-30T00:30"), sector="Éole"),  # the next week
    )

    figures = week_figures(database, IsoWeek(2026, 48), actor=COMMAND_LINE, now=NOW)

    assert [s.sector for s in figures.sectors] == ["Stalingrad", "Éole"]
    stalingrad, eole = figures.sectors
    assert stalingrad.calls_per_day == (2, 1, 0, 0, 0, 0, 0)
    assert eole.calls_per_day == (0, 0, 0, 0, 0, 0, 1)
    assert (stalingrad.no_team, eole.no_team, figures.no_team) == (1, 1, 2)
    assert stalingrad.ack.median == timedelta(minutes=6)
    assert eole.ack.acknowledged == 0
    assert dict(figures.outcomes) == {Outcome.TAKEN_IN_CHARGE: 1, Outcome.REFUSED: 1, None: 2}
    assert figures.calls_by_hour[0][10] == 1
    assert figures.calls == 4
    assert sectors["Éole"] == eole.sector_id


def test_reading_figures_is_audited_with_what_was_read(database: Database) -> None:
    sectors = log(database, Logged(paris("2026-11-26T10:00")))

    sector_figures(database, sectors["Stalingrad"], actor=COMMAND_LINE, now=NOW)
    week_figures(database, IsoWeek(2026, 48), actor=COMMAND_LINE, now=NOW)
    sector_today(database, sectors["Stalingrad"], actor=COMMAND_LINE, now=NOW)

    with database.read() as session:
        rows = session.execute(select(AuditLog.action, AuditLog.target).order_by(AuditLog.id))
        audited = [tuple(row) for row in rows if row[0].startswith("figures.")]
    assert audited == [
        (AuditAction.SECTOR_FIGURES_VIEW.value, f"sector #{sectors['Stalingrad']}"),
        (AuditAction.WEEK_FIGURES_VIEW.value, "2026-W48"),
    ]


def test_a_retired_sector_keeps_its_calls_in_the_week(database: Database) -> None:
    sectors = log(database, Logged(paris("2026-11-24T10:00"), sector="Forceval"))
    with database.write() as session:
        retired = session.get(Sector, sectors["Forceval"])
        assert retired is not None
        retired.active = False

    figures = week_figures(database, IsoWeek(2026, 48), actor=COMMAND_LINE, now=NOW)

    assert [(s.sector, s.calls) for s in figures.sectors] == [("Forceval", 1)]


def test_an_unknown_sector_is_told_in_one_sentence(database: Database) -> None:
    with pytest.raises(InvalidInput, match="no sector #999"):
        sector_figures(database, 999, actor=COMMAND_LINE, now=NOW)
