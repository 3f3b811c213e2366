"""The on-duty board and the coming gaps, read from the database on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from operline import reference_data as ref
from operline.db.engine import Database
from operline.db.models import Sector, ShiftPattern, Team
from operline.demo import fill_demo_database
from operline.paris_time import parse_instant
from operline.roster.board import (
    SectorDutyRow,
    duty_board,
    earliest_handoff,
    upcoming_gaps,
)

CREATED = datetime(2025, 1, 1, tzinfo=UTC)
EVERY_DAY = 127


def at(text: str) -> datetime:
    """An unambiguous Paris wall time, or an ISO instant with its offset."""
    return parse_instant(text)


@dataclass(frozen=True)
class Shift:
    team: str
    start: str
    end: str
    sectors: tuple[str, ...] | None = None
    tier: int = 1
    days: int = EVERY_DAY


def fill_desk(
    database: Database,
    *,
    sectors: Iterable[str],
    teams: dict[str, str | None],
    shifts: Iterable[Shift],
    retired_sectors: Iterable[str] = (),
    retired_teams: Iterable[str] = (),
) -> None:
    """Sectors in the order given, teams with their phones, weekly shifts (Paris times)."""
    retired_sector_names, retired_team_names = set(retired_sectors), set(retired_teams)
    with database.write() as session:
        by_sector = {
            name: Sector(
                name=name,
                sort_order=10 * order,
                active=name not in retired_sector_names,
                created_at=CREATED,
            )
            for order, name in enumerate(sectors)
        }
        by_team = {
            name: Team(
                name=name,
                organisation="Association",
                phone=phone,
                active=name not in retired_team_names,
                created_at=CREATED,
            )
            for name, phone in teams.items()
        }
        session.add_all([*by_sector.values(), *by_team.values()])
        for shift in shifts:
            session.add(
                ShiftPattern(
                    team=by_team[shift.team],
                    tier=shift.tier,
                    days=shift.days,
                    start_time=time.fromisoformat(shift.start),
                    end_time=time.fromisoformat(shift.end),
                    all_sectors=shift.sectors is None,
                    sectors=[by_sector[name] for name in shift.sectors or ()],
                    valid_from=None,
                    valid_until=None,
                    created_at=CREATED,
                )
            )


def _names(teams: Iterable[object]) -> list[str]:
    return [getattr(team, "name") for team in teams]  # noqa: B009 - OnDuty or DutyTeam


def _row(rows: list[SectorDutyRow], sector: str) -> SectorDutyRow:
    return next(row for row in rows if row.sector == sector)


def test_the_demo_board_on_a_friday_evening(database: Database) -> None:
    now = at("2026-11-27T18:00")
    fill_demo_database(database, incidents=0, now=now)

    rows = duty_board(database, now)

    assert [row.sector for row in rows] == [sector.name for sector in ref.SECTORS]
    stalingrad = _row(rows, ref.STALINGRAD)
    assert _names(stalingrad.first_call) == [
        ref.MARAUDE_STALINGRAD,
        ref.MEDIATION_STALINGRAD,
        ref.UASA_3,
    ]
    assert [team.phone for team in stalingrad.first_call] == [
        "+33199005101",
        "+33199005121",
        "+33199005133",
    ]
    assert _names(stalingrad.backup) == [ref.FLUID_CRACK]
    assert stalingrad.first_call[0].until == at("2026-11-27T20:00")
    # Next change: the street mediation team goes home at 19:00, nobody arrives.
    assert stalingrad.handoff_at == at("2026-11-27T19:00")
    assert _names(stalingrad.leaving) == [ref.MEDIATION_STALINGRAD]
    assert stalingrad.arriving == ()
    eole = _row(rows, ref.EOLE)
    assert eole.handoff_at == at("2026-11-27T20:00")
    assert _names(eole.arriving) == [ref.MARAUDE_NUIT]
    assert eole.covered_after
    outside = _row(rows, ref.HORS_SECTEUR)
    assert not outside.covered
    assert _names(outside.backup) == [ref.FLUID_CRACK]
    assert earliest_handoff(rows) == at("2026-11-27T19:00")


def test_at_the_handoff_only_the_incoming_team_is_on_duty(database: Database) -> None:
    fill_desk(
        database,
        sectors=["Éole"],
        teams={"Maraude de jour": "+33199005101", "Maraude de nuit": "+33199005103"},
        shifts=[
            Shift("Maraude de jour", "08:00", "20:00"),
            Shift("Maraude de nuit", "20:00", "08:00"),
        ],
    )

    (before,) = duty_board(database, at("2026-11-27T19:59"))
    (handoff,) = duty_board(database, at("2026-11-27T20:00"))

    assert _names(before.first_call) == ["Maraude de jour"]
    assert before.handoff_at == at("2026-11-27T20:00")
    assert _names(before.arriving) == ["Maraude de nuit"]
    assert _names(before.leaving) == ["Maraude de jour"]
    assert _names(handoff.first_call) == ["Maraude de nuit"]
    assert handoff.handoff_at == at("2026-11-28T08:00")


def test_the_night_the_clocks_go_back_the_handoff_is_an_hour_later(database: Database) -> None:
    fill_desk(
        database,
        sectors=["Stalingrad"],
        teams={"Jour": "+33199005101", "Nuit": "+33199005103"},
        shifts=[Shift("Jour", "08:00", "20:00"), Shift("Nuit", "20:00", "08:00")],
    )

    (row,) = duty_board(database, at("2026-10-24T21:00"))

    # 20:00 summer time to 08:00 winter time: thirteen hours of night.
    assert row.handoff_at == datetime(2026, 10, 25, 7, 0, tzinfo=UTC)
    assert row.first_call[0].until - row.first_call[0].since == timedelta(hours=13)
    assert _names(row.arriving) == ["Jour"]


def test_a_sector_without_a_first_call_team_or_without_a_phone(database: Database) -> None:
    fill_desk(
        database,
        sectors=["Rosa Parks", "Éole", "Forceval"],
        teams={"UASA binôme 1": None, "ELA": "+33199000141", "Ancienne": "+33199005199"},
        shifts=[
            Shift("UASA binôme 1", "00:00", "00:00", ("Rosa Parks",)),
            Shift("ELA", "09:00", "18:00", ("Éole",), tier=2),
            Shift("Ancienne", "00:00", "00:00"),
        ],
        retired_sectors=["Forceval"],
        retired_teams=["Ancienne"],
    )

    rosa, eole = duty_board(database, at("2026-11-27T10:00"))

    assert rosa.covered
    assert _names(rosa.first_call_without_phone) == ["UASA binôme 1"]
    assert not eole.covered
    assert _names(eole.backup) == ["ELA"]
    assert eole.handoff_at == at("2026-11-27T18:00")
    assert eole.after == ()


def test_the_warning_names_a_gap_starting_within_a_day(database: Database) -> None:
    fill_demo_database(database, incidents=0, now=at("2026-11-27T18:00"))

    saturday = upcoming_gaps(database, at("2026-11-28T18:00"))
    friday = upcoming_gaps(database, at("2026-11-27T18:00"))
    sunday = upcoming_gaps(database, at("2026-11-29T10:00"))

    # The documented Sunday gap on the canal; "Hors secteur" never has a first-call team,
    # a standing fact the board shows, not news for the warning.
    assert [(g.sector, g.start, g.end, g.kind, g.ongoing) for g in saturday] == [
        (ref.QUAIS_OURCQ, at("2026-11-29T08:00"), at("2026-11-29T20:00"), "no_team", False)
    ]
    assert friday == []
    assert [(g.sector, g.start, g.ongoing) for g in sunday] == [
        (ref.QUAIS_OURCQ, at("2026-11-29T08:00"), True)
    ]


def test_the_warning_puts_missing_teams_before_missing_phones(database: Database) -> None:
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole"],
        teams={"Sans numéro": None, "Jour": "+33199005101"},
        shifts=[
            Shift("Sans numéro", "22:00", "23:00", ("Stalingrad",)),
            Shift("Jour", "08:00", "02:00", ("Stalingrad",)),
            Shift("Jour", "08:00", "23:30", ("Éole",)),
        ],
    )

    gaps = upcoming_gaps(database, at("2026-11-27T21:00"))

    assert [(g.sector, g.kind, g.start, g.end) for g in gaps] == [
        ("Éole", "no_team", at("2026-11-27T23:30"), at("2026-11-28T08:00")),
        ("Stalingrad", "no_team", at("2026-11-28T02:00"), at("2026-11-28T08:00")),
        ("Stalingrad", "no_phone", at("2026-11-27T22:00"), at("2026-11-27T23:00")),
    ]
