"""What the next operator takes over: late calls first, the next 12 hours' gaps, the places."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, FacilityReport, Incident, Sector
from operline.handover_summary import handover_summary
from operline.incidents.board_snapshot import board_snapshot
from operline.incidents.live_board import Alert
from operline.incidents.places import REPORT_FRESHNESS
from operline.roster.board import duty_board
from operline.settings import write_setting
from tests.actors import COMMAND_LINE, signed_in
from tests.test_roster_board import Shift, at, fill_desk


def fill_out_of_sector(database: Database) -> None:
    """Stalingrad covered around the clock; \"Hors secteur\" only by a day backup team."""
    fill_desk(
        database,
        sectors=["Stalingrad", "Hors secteur"],
        teams={"Maraude": "+33199005103", "ELA": "+33199005161"},
        shifts=[
            Shift("Maraude", "00:00", "00:00", ("Stalingrad",)),
            Shift("ELA", "09:00", "18:00", None, tier=2),
        ],
    )


#: Thursday 26 November 2026, 06:50 in Paris: the night operator is about to leave.
NOW = at("2026-11-26T06:50")
CREATED = datetime(2025, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Call:
    reference: str
    received: str
    priority: Priority = Priority.NORMAL
    acknowledged: str | None = None
    closed: bool = False
    sector: str = "Stalingrad"


def store_calls(database: Database, *calls: Call) -> None:
    with database.write() as session:
        sectors = dict(session.execute(select(Sector.name, Sector.id)).all())
        for call in calls:
            received = at(call.received)
            session.add(
                Incident(
                    reference=call.reference,
                    received_at=received,
                    sector_id=sectors[call.sector],
                    category=Category.SHELTER.value,
                    priority=call.priority.value,
                    persons=1,
                    status=(Status.CLOSED if call.closed else Status.NEW).value,
                    outcome=Outcome.CANCELLED.value if call.closed else None,
                    closed_at=received if call.closed else None,
                    acknowledged_at=at(call.acknowledged) if call.acknowledged else None,
                    team_on_duty_at_intake=True,
                    created_at=received,
                    updated_at=received,
                )
            )


def report(database: Database, place: str, free: int, when: str) -> None:
    with database.write() as session:
        facility = session.scalars(select(Facility).where(Facility.name == place)).one()
        session.add(FacilityReport(facility_id=facility.id, free_places=free, reported_at=at(when)))


def fill_night(database: Database) -> None:
    """Four sectors, a night and a day team, a team with no phone, five places."""
    fill_desk(
        database,
        sectors=["Stalingrad", "Éole", "Rosa Parks", "Porte de la Chapelle"],
        teams={
            "Maraude de nuit": "+33199005103",
            "Maraude de jour": "+33199005101",
            "UASA binôme 2": None,
            "Équipe Chapelle": "+33199005141",
        },
        shifts=[
            Shift("Maraude de nuit", "20:00", "08:00", ("Stalingrad", "Éole")),
            Shift("Maraude de jour", "08:00", "18:30", ("Stalingrad",)),
            Shift("UASA binôme 2", "20:00", "08:00", ("Rosa Parks",)),
            Shift("Équipe Chapelle", "06:00", "19:10", ("Porte de la Chapelle",)),
        ],
    )
    with database.write() as session:
        for name, capacity, active in [
            ("Halte de nuit", 25, True),
            ("Espace de repos", 14, True),
            ("ASSORE", 610, True),
            ("Accueil de jour médicalisé", 30, True),
            ("Hébergement femmes", 20, True),
            ("D2O", None, True),  # admissions, no free places to report
            ("Ancien accueil", 10, False),
        ]:
            session.add(
                Facility(
                    name=name, kind="shelter", capacity=capacity, active=active, created_at=CREATED
                )
            )


@pytest.fixture
def night(database: Database) -> Database:
    fill_night(database)
    return database


def test_late_calls_come_first_red_then_amber_each_in_the_boards_order(night: Database) -> None:
    store_calls(
        night,
        Call("OPL-A", "2026-11-26T06:20", Priority.URGENT),  # 30 min, urgent: red
        Call("OPL-B", "2026-11-26T06:00", acknowledged="2026-11-26T06:10"),
        Call("OPL-C", "2026-11-26T06:30"),  # 20 min: amber
        Call("OPL-D", "2026-11-26T05:00"),  # 1 h 50: red
        Call("OPL-E", "2026-11-26T06:48", Priority.URGENT),  # 2 min: on time
        Call("OPL-F", "2026-11-26T04:00", closed=True),
    )

    summary = handover_summary(night, now=NOW)

    assert [(call.reference, call.alert) for call in summary.calls] == [
        ("OPL-A", Alert.RED),
        ("OPL-D", Alert.RED),
        ("OPL-C", Alert.AMBER),
        ("OPL-E", Alert.NONE),  # urgent before older, as on the board
        ("OPL-B", Alert.NONE),
    ]
    assert summary.late_calls == 3
    assert summary.at == NOW


def test_the_calls_are_coloured_by_the_desks_own_limits(night: Database) -> None:
    store_calls(night, Call("OPL-C", "2026-11-26T06:30"))
    write_setting(night, "alerts.normal_ack_minutes", "30", actor=COMMAND_LINE, now=NOW)

    summary = handover_summary(night, now=NOW)

    assert [call.alert for call in summary.calls] == [Alert.NONE]
    assert summary.settings.normal_ack_minutes == 30
    assert summary.late_calls == 0


def test_only_the_gaps_of_the_next_12_hours_are_named(night: Database) -> None:
    summary = handover_summary(night, now=NOW)

    assert [(g.sector, g.kind, g.start, g.end, g.ongoing) for g in summary.gaps] == [
        ("Éole", "no_team", at("2026-11-26T08:00"), at("2026-11-26T20:00"), False),
        ("Rosa Parks", "no_team", at("2026-11-26T08:00"), at("2026-11-26T20:00"), False),
        # 11 h 40 from now: in the shift taken over.
        ("Stalingrad", "no_team", at("2026-11-26T18:30"), at("2026-11-26T20:00"), False),
        # Going on now: a team on duty cannot be phoned until 08:00.
        ("Rosa Parks", "no_phone", at("2026-11-25T20:00"), at("2026-11-26T08:00"), True),
    ]
    # Left out: Porte de la Chapelle from 19:10 (12 h 20 ahead), Rosa Parks' phone from 20:00.


def test_a_sector_never_covered_is_named_as_the_duty_board_shows_it(
    database: Database,
) -> None:
    fill_out_of_sector(database)

    summary = handover_summary(database, now=NOW)

    board = {row.sector: row.covered for row in duty_board(database, NOW)}
    assert board == {"Stalingrad": True, "Hors secteur": False}
    assert [(g.sector, g.kind, g.ongoing, g.standing) for g in summary.gaps] == [
        ("Hors secteur", "no_team", True, True),
    ]


def test_places_full_or_not_reported_since_the_evening(night: Database) -> None:
    report(night, "Halte de nuit", 0, "2026-11-25T23:40")
    report(night, "Espace de repos", 0, "2026-11-25T20:00")
    report(night, "Espace de repos", 3, "2026-11-26T02:00")  # room again since
    report(night, "ASSORE", 5, "2026-11-25T17:00")  # before the evening: says nothing
    report(night, "Hébergement femmes", 2, "2026-11-26T06:00")
    report(night, "Hébergement femmes", 0, "2026-11-26T06:30")  # the last one counts
    report(night, "Ancien accueil", 0, "2026-11-26T06:00")  # retired: not a place to offer

    summary = handover_summary(night, now=NOW)

    assert [(p.name, p.reported_at) for p in summary.full_places] == [
        ("Halte de nuit", at("2026-11-25T23:40")),
        ("Hébergement femmes", at("2026-11-26T06:30")),
    ]
    assert [p.name for p in summary.unreported_places] == [
        "Accueil de jour médicalisé",
        "ASSORE",
    ]
    assert summary.places_with_room == 1
    assert summary.reports_since == at("2026-11-25T18:50") == NOW - REPORT_FRESHNESS


def test_a_quiet_desk_hands_over_an_empty_summary(database: Database) -> None:
    signed_in(database, "Inès Moreau", OperatorRole.OPERATOR)

    summary = handover_summary(database, now=NOW)

    assert (summary.calls, summary.gaps, summary.full_places, summary.unreported_places) == (
        (),
        (),
        (),
        (),
    )
    assert summary.places_with_room == 0


def test_read_from_the_boards_last_snapshot_the_summary_is_the_same(night: Database) -> None:
    store_calls(
        night,
        Call("OPL-A", "2026-11-26T06:20", Priority.URGENT),
        Call("OPL-C", "2026-11-26T06:34"),  # 12 min four minutes ago, 16 now: amber
    )
    board = board_snapshot(night, now=NOW - timedelta(minutes=4))
    assert [call.alert for call in board.incidents] == [Alert.RED, Alert.NONE]

    summary = handover_summary(night, now=NOW, board=board)

    assert [(call.reference, call.alert) for call in summary.calls] == [
        ("OPL-A", Alert.RED),
        ("OPL-C", Alert.AMBER),
    ]
    assert summary.calls[0] is board.incidents[0]  # unchanged: not built again
    assert summary.board.at == NOW
