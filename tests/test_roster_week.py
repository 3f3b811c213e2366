"""The coverage of the coming days, as the week view draws it, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from operline import reference_data as ref
from operline.db.engine import Database
from operline.demo import fill_demo_database
from operline.roster.week import SectorWeek, week_coverage

from .test_roster_board import Shift, at, fill_desk


def _sector(weeks: tuple[SectorWeek, ...], name: str) -> SectorWeek:
    return next(week for week in weeks if week.sector == name)


def _night_desk(database: Database) -> None:
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole"],
        teams={"Nuit": "+33199005103", "Jour": "+33199005101", "ELA": "+33199000141"},
        shifts=[
            Shift("Nuit", "20:00", "08:00"),
            Shift("Jour", "08:00", "20:00", ("Stalingrad",)),
            Shift("ELA", "09:00", "18:00", ("Éole",), tier=2),
        ],
    )


def test_the_days_keep_their_true_length_when_the_clocks_change(database: Database) -> None:
    _night_desk(database)

    autumn = week_coverage(database, date(2026, 10, 24), 7, at("2026-10-24T00:00"))
    spring = week_coverage(database, date(2026, 3, 28), 2, at("2026-03-28T00:00"))

    assert [day.length for day in autumn.days] == [timedelta(hours=h) for h in (24, 25) + (24,) * 5]
    assert autumn.start == datetime(2026, 10, 23, 22, 0, tzinfo=UTC)
    assert autumn.end - autumn.start == timedelta(hours=7 * 24 + 1)
    assert [day.length for day in spring.days] == [timedelta(hours=24), timedelta(hours=23)]
    # The night of the change: 20:00 summer time to 08:00 winter time.
    stalingrad = _sector(autumn.sectors, "Stalingrad")
    night = next(band for band in stalingrad.bands if band.start == at("2026-10-24T20:00"))
    assert night.kind == "first_call"
    assert [team.name for team in night.teams] == ["Nuit"]
    assert night.end - night.start == timedelta(hours=13)


def test_bands_tile_the_window_and_gaps_come_from_the_gap_report(database: Database) -> None:
    _night_desk(database)
    now = at("2026-11-25T12:00")

    coverage = week_coverage(database, date(2026, 11, 25), 7, now)

    for sector in coverage.sectors:
        assert sector.bands[0].start == coverage.start
        assert sector.bands[-1].end == coverage.end
        assert all(a.end == b.start for a, b in zip(sector.bands, sector.bands[1:], strict=False))
    eole = _sector(coverage.sectors, "Éole")
    # Éole has a backup in the day and nobody else: no first-call team from 08:00 to 20:00.
    wednesday = [band for band in eole.bands if band.start.date() == date(2026, 11, 25)]
    assert [(band.kind, band.start, band.end) for band in wednesday] == [
        ("nobody", at("2026-11-25T08:00"), at("2026-11-25T09:00")),
        ("backup_only", at("2026-11-25T09:00"), at("2026-11-25T18:00")),
        ("nobody", at("2026-11-25T18:00"), at("2026-11-25T20:00")),
        ("first_call", at("2026-11-25T20:00"), at("2026-11-26T08:00")),
    ]
    # Gaps never before now: today's starts at noon, not at 08:00.
    assert [(gap.start, gap.end) for gap in eole.gaps[:2]] == [
        (now, at("2026-11-25T20:00")),
        (at("2026-11-26T08:00"), at("2026-11-26T20:00")),
    ]
    assert len(eole.gaps) == 7
    assert _sector(coverage.sectors, "Stalingrad").gaps == ()


def test_the_teams_at_an_instant_carry_their_whole_duty(database: Database) -> None:
    _night_desk(database)

    coverage = week_coverage(database, date(2026, 11, 25), 7, at("2026-11-25T03:00"))
    eole = _sector(coverage.sectors, "Éole")

    # The night began the evening before the window: its real start is kept.
    (night,) = eole.on_duty_at(at("2026-11-25T03:00"))
    assert (night.name, night.since, night.until) == (
        "Nuit",
        at("2026-11-24T20:00"),
        at("2026-11-25T08:00"),
    )
    assert [d.name for d in eole.on_duty_at(at("2026-11-25T10:00"))] == ["ELA"]
    assert [g.kind for g in eole.gaps_at(at("2026-11-25T10:00"))] == ["no_team"]
    assert eole.gaps_at(at("2026-11-25T22:00")) == ()


def test_the_demo_week_shows_the_documented_sunday_gap(database: Database) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)

    coverage = week_coverage(database, date(2026, 11, 27), 7, now)

    assert [s.sector for s in coverage.sectors] == [s.name for s in ref.SECTORS]
    canal = _sector(coverage.sectors, ref.QUAIS_OURCQ)
    assert [(g.start, g.end, g.kind) for g in canal.gaps] == [
        (at("2026-11-29T08:00"), at("2026-11-29T20:00"), "no_team")
    ]
    assert _sector(coverage.sectors, ref.STALINGRAD).gaps == ()


def test_a_week_needs_a_day(database: Database) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        week_coverage(database, date(2026, 11, 27), 0, at("2026-11-27T18:00"))
