"""The journal of a day: Paris day bounds, newest first, rows in order, consultations audited."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from operline.actors import system_actor
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident, Sector, Team
from operline.journal import JOURNAL_VIEW, JournalRow, day_incident_ids, journal_rows
from tests.actors import COMMAND_LINE, WORKSTATION

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
DURAND = system_actor("m.durand", WORKSTATION)


def _add_incidents(database: Database, *received: datetime) -> list[int]:
    """Store one incident per instant, in the given order; their ids in the same order."""
    with database.write() as session:
        sector = Sector(name="Stalingrad", created_at=NOW)
        session.add(sector)
        session.flush()
        incidents = [
            Incident(
                reference=f"OPL-{at.year}-{number:06d}",
                received_at=at,
                sector_id=sector.id,
                category=Category.DISTRESS.value,
                priority=Priority.NORMAL.value,
                persons=1,
                status=Status.NEW.value,
                team_on_duty_at_intake=True,
                created_at=at,
                updated_at=at,
            )
            for number, at in enumerate(received, start=1)
        ]
        session.add_all(incidents)
        session.flush()
        return [incident.id for incident in incidents]


def test_a_day_lists_its_calls_newest_first(database: Database) -> None:
    ids = _add_incidents(
        database,
        datetime(2026, 6, 10, 8, 0, tzinfo=UTC),
        datetime(2026, 6, 10, 22, 15, tzinfo=UTC),
        datetime(2026, 6, 10, 13, 5, tzinfo=UTC),
        datetime(2026, 6, 11, 9, 0, tzinfo=UTC),
    )

    listed = day_incident_ids(database, date(2026, 6, 10), actor=COMMAND_LINE, now=NOW)

    assert listed == (ids[2], ids[0])  # 22:15 UTC is already 11 June in Paris (CEST)
    assert day_incident_ids(database, date(2026, 6, 11), actor=COMMAND_LINE, now=NOW) == (
        ids[3],
        ids[1],
    )


def test_paris_midnight_bounds_the_day_not_utc_midnight(database: Database) -> None:
    ids = _add_incidents(
        database,
        datetime(2026, 1, 14, 22, 59, 59, tzinfo=UTC),  # 23:59:59 on 14 Jan in Paris
        datetime(2026, 1, 14, 23, 0, tzinfo=UTC),  # midnight on 15 Jan in Paris
        datetime(2026, 1, 15, 22, 59, 59, tzinfo=UTC),  # last second of 15 Jan in Paris
        datetime(2026, 1, 15, 23, 0, tzinfo=UTC),  # 16 Jan in Paris
    )

    assert day_incident_ids(database, date(2026, 1, 15), actor=COMMAND_LINE, now=NOW) == (
        ids[2],
        ids[1],
    )


def test_the_25_hour_autumn_day_holds_all_its_calls(database: Database) -> None:
    # On 25 October 2026 Paris goes from UTC+2 to UTC+1: the day lasts 25 hours,
    # from 22:00 UTC on the 24th to 23:00 UTC on the 25th.
    ids = _add_incidents(
        database,
        datetime(2026, 10, 24, 21, 59, tzinfo=UTC),  # 23:59 on 24 Oct in Paris
        datetime(2026, 10, 24, 23, 30, tzinfo=UTC),  # 01:30 on 25 Oct in Paris
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 the first time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 the second time
        datetime(2026, 10, 25, 22, 30, tzinfo=UTC),  # 23:30 on 25 Oct in Paris
        datetime(2026, 10, 25, 23, 0, tzinfo=UTC),  # midnight, 26 Oct in Paris
    )

    listed = day_incident_ids(database, date(2026, 10, 25), actor=COMMAND_LINE, now=NOW)

    assert listed == (ids[4], ids[3], ids[2], ids[1])


def test_the_23_hour_spring_day_holds_all_its_calls(database: Database) -> None:
    # On 29 March 2026 Paris jumps from UTC+1 to UTC+2: from 23:00 UTC to 22:00 UTC.
    ids = _add_incidents(
        database,
        datetime(2026, 3, 28, 22, 59, tzinfo=UTC),
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),
        datetime(2026, 3, 29, 21, 59, tzinfo=UTC),
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),
    )

    listed = day_incident_ids(database, date(2026, 3, 29), actor=COMMAND_LINE, now=NOW)

    assert listed == (ids[2], ids[1])


def test_calls_received_at_the_same_instant_keep_a_stable_order(database: Database) -> None:
    same = datetime(2026, 6, 10, 10, 0, tzinfo=UTC)
    ids = _add_incidents(database, same, same, same)

    listed = day_incident_ids(database, date(2026, 6, 10), actor=COMMAND_LINE, now=NOW)

    assert listed == tuple(reversed(ids))


def test_each_consultation_leaves_an_audit_row(database: Database) -> None:
    _add_incidents(database, datetime(2026, 6, 10, 10, 0, tzinfo=UTC))

    day_incident_ids(database, date(2026, 6, 10), actor=DURAND, now=NOW)
    day_incident_ids(database, date(2026, 6, 9), actor=DURAND, now=NOW + timedelta(1))

    with database.read() as session:
        rows = session.scalars(select(AuditLog).order_by(AuditLog.id)).all()
        seen = [(row.actor, row.action, row.target, row.at) for row in rows]
    assert seen == [
        (DURAND.audit_name, JOURNAL_VIEW, "2026-06-10", NOW),
        (DURAND.audit_name, JOURNAL_VIEW, "2026-06-09", NOW + timedelta(1)),
    ]


def test_an_empty_day_is_still_an_audited_consultation(database: Database) -> None:
    assert day_incident_ids(database, date(2026, 6, 10), actor=COMMAND_LINE, now=NOW) == ()

    with database.read() as session:
        targets = session.scalars(select(AuditLog.target)).all()
    assert targets == ["2026-06-10"]


def test_rows_come_back_in_the_order_asked_with_names_and_codes(database: Database) -> None:
    ids = _add_incidents(
        database,
        datetime(2026, 6, 10, 8, 0, tzinfo=UTC),
        datetime(2026, 6, 10, 9, 0, tzinfo=UTC),
    )
    with database.write() as session:
        team = Team(name="Maraude Nord", organisation="Association", created_at=NOW)
        session.add(team)
        session.flush()
        routed = session.get_one(Incident, ids[1])
        routed.assigned_team_id = team.id
        routed.priority = Priority.URGENT.value
        routed.category = Category.WOMAN.value
        routed.status = Status.CLOSED.value
        routed.outcome = Outcome.TAKEN_IN_CHARGE.value
        routed.closed_at = datetime(2026, 6, 10, 9, 40, tzinfo=UTC)

    rows = journal_rows(database, [ids[1], ids[0]])

    assert rows == [
        JournalRow(
            id=ids[1],
            reference="OPL-2026-000002",
            received_at=datetime(2026, 6, 10, 9, 0, tzinfo=UTC),
            sector="Stalingrad",
            category=Category.WOMAN,
            priority=Priority.URGENT,
            status=Status.CLOSED,
            team="Maraude Nord",
            outcome=Outcome.TAKEN_IN_CHARGE,
            closed_at=datetime(2026, 6, 10, 9, 40, tzinfo=UTC),
            version=2,
        ),
        JournalRow(
            id=ids[0],
            reference="OPL-2026-000001",
            received_at=datetime(2026, 6, 10, 8, 0, tzinfo=UTC),
            sector="Stalingrad",
            category=Category.DISTRESS,
            priority=Priority.NORMAL,
            status=Status.NEW,
            team=None,
            outcome=None,
        ),
    ]
    assert journal_rows(database, []) == []


def test_rows_of_a_long_id_list_are_all_returned_in_order(database: Database) -> None:
    start = datetime(2026, 6, 10, 0, 0, tzinfo=UTC)
    ids = _add_incidents(database, *(start + timedelta(seconds=n) for n in range(1200)))
    asked = [*reversed(ids), 10**9]

    rows = journal_rows(database, asked)

    assert [row.id for row in rows] == list(reversed(ids))
