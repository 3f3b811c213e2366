"""Loading the roster from the tables gives the engine the same answers, on both backends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import event

from operline.db.engine import Database
from operline.db.models import RosterException, Sector, ShiftPattern, Team
from operline.roster.engine import on_duty_teams
from operline.roster.gaps import coverage_gaps
from operline.roster.store import load_roster, load_roster_as_stood

from . import at

CREATED = at("2025-12-01T09:00")
MONDAY, TUESDAY, SUNDAY = 1, 2, 64


@dataclass(frozen=True)
class Desk:
    stalingrad: int
    eole: int
    maraude: int
    uasa: int
    ela: int
    retired: int


def fill(database: Database) -> Desk:
    with database.write() as session:
        stalingrad = Sector(name="Stalingrad", created_at=CREATED)
        eole = Sector(name="Éole", created_at=CREATED)
        maraude = Team(
            name="Maraude Nord",
            organisation="Association",
            phone="+33612345601",
            created_at=CREATED,
        )
        uasa = Team(name="UASA", organisation="Police municipale", phone=None, created_at=CREATED)
        ela = Team(name="ELA", organisation="GHU Paris", phone="+33612345603", created_at=CREATED)
        retired = Team(
            name="Ancienne équipe",
            organisation="Association",
            phone="+33612345604",
            active=False,
            created_at=CREATED,
        )
        session.add_all([stalingrad, eole, maraude, uasa, ela, retired])
        session.flush()
        session.add_all(
            [
                # Monday and Sunday nights in Stalingrad, the last starting Sunday 1 February.
                ShiftPattern(
                    team=maraude,
                    tier=1,
                    days=MONDAY | SUNDAY,
                    start_time=time(20),
                    end_time=time(8),
                    all_sectors=False,
                    sectors=[stalingrad],
                    valid_from=None,
                    valid_until=date(2026, 2, 1),
                    created_at=CREATED,
                ),
                # Tuesday days, everywhere.
                ShiftPattern(
                    team=uasa,
                    tier=1,
                    days=TUESDAY,
                    start_time=time(8),
                    end_time=time(20),
                    all_sectors=True,
                    valid_from=date(2026, 1, 1),
                    valid_until=None,
                    created_at=CREATED,
                ),
                ShiftPattern(
                    team=ela,
                    tier=2,
                    days=127,
                    start_time=time(0),
                    end_time=time(0),
                    all_sectors=False,
                    sectors=[eole],
                    valid_from=None,
                    valid_until=None,
                    created_at=CREATED,
                ),
                ShiftPattern(
                    team=retired,
                    tier=1,
                    days=127,
                    start_time=time(0),
                    end_time=time(0),
                    all_sectors=True,
                    valid_from=None,
                    valid_until=None,
                    created_at=CREATED,
                ),
                RosterException(
                    team_id=maraude.id,
                    kind="replace",
                    replacement_team_id=ela.id,
                    starts_at=at("2026-01-06T00:00"),
                    ends_at=at("2026-01-06T04:00"),
                    all_sectors=True,
                    reason="Équipe en formation",
                    author="superviseur",
                    created_at=CREATED,
                ),
                RosterException(
                    team_id=uasa.id,
                    kind="off",
                    replacement_team_id=None,
                    starts_at=at("2026-01-06T12:00"),
                    ends_at=at("2026-01-06T14:00"),
                    all_sectors=False,
                    sectors=[eole],
                    reason="Véhicule en panne",
                    author="superviseur",
                    created_at=CREATED,
                ),
                RosterException(
                    team_id=ela.id,
                    kind="add",
                    replacement_team_id=None,
                    starts_at=at("2025-12-02T10:00"),
                    ends_at=at("2025-12-02T12:00"),
                    all_sectors=False,
                    sectors=[stalingrad],
                    reason="Renfort",
                    author="superviseur",
                    created_at=CREATED,
                ),
            ]
        )
        return Desk(stalingrad.id, eole.id, maraude.id, uasa.id, ela.id, retired.id)


def test_the_loaded_roster_answers_who_is_on_duty(database: Database) -> None:
    desk = fill(database)
    with database.read() as session:
        roster = load_roster(session)

    def on_duty(sector_id: int, when: str) -> list[tuple[str, int]]:
        return [(duty.name, duty.tier) for duty in on_duty_teams(roster, sector_id, at(when))]

    assert desk.retired not in roster.teams
    assert on_duty(desk.stalingrad, "2026-01-05T23:00") == [("Maraude Nord", 1)]
    assert on_duty(desk.eole, "2026-01-05T23:00") == [("ELA", 2)]
    # Replaced from midnight to four: ELA takes the night in Stalingrad at tier 1.
    assert on_duty(desk.stalingrad, "2026-01-06T01:00") == [("ELA", 1)]
    assert on_duty(desk.stalingrad, "2026-01-06T05:00") == [("Maraude Nord", 1)]
    assert on_duty(desk.stalingrad, "2026-01-06T13:00") == [("UASA", 1)]
    assert on_duty(desk.eole, "2026-01-06T13:00") == [("ELA", 2)]
    assert on_duty(desk.eole, "2026-01-06T15:00") == [("UASA", 1), ("ELA", 2)]
    assert on_duty(desk.stalingrad, "2025-12-02T11:00") == [("ELA", 1)]
    assert on_duty(desk.stalingrad, "2025-12-30T13:00") == []  # before UASA's valid_from
    assert on_duty(desk.stalingrad, "2026-02-02T07:00") == [("Maraude Nord", 1)]
    assert on_duty(desk.stalingrad, "2026-02-02T23:00") == []  # no shift after valid_until


def test_the_loaded_roster_reports_the_phoneless_team(database: Database) -> None:
    desk = fill(database)
    with database.read() as session:
        roster = load_roster(session)
    start = at("2026-01-06T08:00")
    gaps = coverage_gaps(roster, [desk.stalingrad], start=start, end=start + timedelta(hours=12))
    assert [(gap.kind, gap.start, gap.end) for gap in gaps] == [
        ("no_phone", start, at("2026-01-06T20:00"))
    ]


def test_exceptions_already_over_can_be_left_out(database: Database) -> None:
    desk = fill(database)
    with database.read() as session:
        roster = load_roster(session, changes_ending_after=at("2026-01-01T00:00"))
    assert len(roster.changes) == 2
    assert on_duty_teams(roster, desk.stalingrad, at("2025-12-02T11:00")) == []


def test_the_roster_is_read_by_index_however_long_its_history(
    sqlite_database: Database,
) -> None:
    desk = fill(sqlite_database)
    with sqlite_database.write() as session:
        # Two years of weekly imports, each ending four shifts: the rows left behind.
        for week in range(104):
            ended = CREATED - timedelta(weeks=104 - week)
            for _ in range(4):
                session.add(
                    ShiftPattern(team_id=desk.maraude, tier=1, days=MONDAY, start_time=time(8),
                                 end_time=time(20), all_sectors=True, created_at=ended,
                                 recorded_at=ended - timedelta(weeks=1), retired_at=ended)
                )  # fmt: skip
    seen: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        seen.append((statement, parameters))

    event.listen(sqlite_database.engine, "before_cursor_execute", note)
    try:
        with sqlite_database.read() as session:
            load_roster(session, changes_ending_after=CREATED)
            load_roster_as_stood(session, CREATED)
    finally:
        event.remove(sqlite_database.engine, "before_cursor_execute", note)
    with sqlite_database.read() as session:
        plans = [
            " ".join(row[3] for row in session.connection().exec_driver_sql(
                f"EXPLAIN QUERY PLAN {statement}", parameters).all())
            for statement, parameters in seen
            if "shift_pattern" in statement or "roster_exception" in statement
        ]  # fmt: skip
    assert len(plans) == 8  # patterns, their sectors, exceptions, theirs: twice
    for plan in plans:
        assert "SCAN shift_pattern" not in plan.replace("SCAN shift_pattern_sector", ""), plan
        assert "SCAN roster_exception" not in plan.replace("SCAN roster_exception_sector", "")
