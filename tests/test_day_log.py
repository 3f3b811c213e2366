"""The day log as a whole: Paris days of 23 and 25 hours, the CSV for French Excel."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.day_log import day_log_csv, format_delay, read_day_log
from operline.db.engine import Database
from operline.db.models import Incident, Sector, Team
from operline.handover import hand_over
from operline.paris_time import format_paris_clock
from tests.actors import COMMAND_LINE, PASSWORD, with_password

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _calls(database: Database, *received: datetime, closed_after_minutes: int = 0) -> None:
    with database.write() as session:
        sector = Sector(name="Stalingrad", created_at=NOW)
        team = Team(name="Maraude Nord", organisation="Association", created_at=NOW)
        session.add_all([sector, team])
        session.flush()
        for number, at in enumerate(received, start=1):
            closed = at + timedelta(minutes=closed_after_minutes)
            session.add(
                Incident(
                    reference=f"OPL-{at.year}-{number:06d}",
                    received_at=at,
                    sector_id=sector.id,
                    category=Category.DISTRESS.value,
                    priority=Priority.NORMAL.value,
                    persons=1,
                    status=Status.CLOSED.value if closed_after_minutes else Status.NEW.value,
                    assigned_team_id=team.id if closed_after_minutes else None,
                    outcome=Outcome.TAKEN_IN_CHARGE.value if closed_after_minutes else None,
                    closed_at=closed if closed_after_minutes else None,
                    team_on_duty_at_intake=False,
                    created_at=at,
                    updated_at=at,
                )
            )


def test_the_spring_day_lasts_23_hours_and_its_calls_read_in_order(database: Database) -> None:
    _calls(
        database,
        datetime(2026, 3, 28, 22, 59, tzinfo=UTC),  # 23:59 the day before
        datetime(2026, 3, 28, 23, 0, tzinfo=UTC),  # 00:00
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),  # 01:59, just before the jump
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),  # 03:00, just after it
        datetime(2026, 3, 29, 21, 59, tzinfo=UTC),  # 23:59
        datetime(2026, 3, 29, 22, 0, tzinfo=UTC),  # 00:00 the day after
    )

    log = read_day_log(database, date(2026, 3, 29), actor=COMMAND_LINE, now=NOW)

    assert log.hours == 23
    assert [row.reference[-1] for row in log.rows] == ["2", "3", "4", "5"]
    assert not log.status.sign_offs


def test_the_autumn_day_lasts_25_hours_and_tells_its_two_half_past_two(
    database: Database,
) -> None:
    _calls(
        database,
        datetime(2026, 10, 24, 22, 0, tzinfo=UTC),  # 00:00
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 summer time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 winter time
        datetime(2026, 10, 25, 22, 59, tzinfo=UTC),  # 23:59
        closed_after_minutes=1,
    )

    log = read_day_log(database, date(2026, 10, 25), actor=COMMAND_LINE, now=NOW)

    assert log.hours == 25
    assert len(log.rows) == 4
    lines = day_log_csv(log).decode("utf-8-sig").split("\r\n")
    received = [line.split(";")[2] for line in lines[1:-1]]
    assert received == ["00:00", "02:30 +02:00", "02:30 +01:00", "23:59"]


def test_the_csv_opens_in_french_excel(database: Database) -> None:
    _calls(database, datetime(2026, 6, 10, 8, 0, tzinfo=UTC), closed_after_minutes=25)
    log = read_day_log(database, date(2026, 6, 10), actor=COMMAND_LINE, now=NOW)

    content = day_log_csv(log)

    assert content.startswith(b"\xef\xbb\xbf")
    text = content.decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert rows[0][:4] == ["Référence", "Jour", "Reçu", "Secteur"]
    assert rows[1][:7] == [
        "OPL-2026-000001",
        "10/06/2026",
        "10:00",
        "Stalingrad",
        "Personne en détresse / malaise",
        "Normal",
        "Clos",
    ]
    closed, delay = rows[1][13], rows[1][14]
    assert (closed, delay) == ("10:25", "25")
    assert rows[1][-4:] == [
        "Maraude Nord",
        "Aucune équipe",
        "Prise en charge par l'équipe",
        "",
    ]


def test_delays_read_as_the_desk_says_them() -> None:
    assert [format_delay(timedelta(minutes=m)) for m in (0, 6, 59, 60, 65, 150)] == [
        "0 min",
        "6 min",
        "59 min",
        "1 h 00",
        "1 h 05",
        "2 h 30",
    ]
    assert format_delay(None) == ""


def test_the_day_log_holds_the_day_s_handovers_oldest_first(database: Database) -> None:
    _calls(database, datetime(2026, 11, 26, 8, 0, tzinfo=UTC))
    ines = with_password(database, "Inès Moreau", OperatorRole.OPERATOR)
    karim = with_password(database, "Karim Haddad", OperatorRole.OPERATOR)
    for giver, taker, at in (
        (ines, karim, datetime(2026, 11, 26, 6, 0, tzinfo=UTC)),
        (karim, ines, datetime(2026, 11, 26, 18, 0, tzinfo=UTC)),
        (ines, karim, datetime(2026, 11, 26, 23, 30, tzinfo=UTC)),  # 00:30 the day after
    ):
        hand_over(
            database,
            "",
            actor=giver,
            to_operator_id=taker.operator_id or 0,
            password=PASSWORD,
            now=at,
        )

    log = read_day_log(database, date(2026, 11, 26), actor=COMMAND_LINE, now=NOW)

    assert [(h.from_name, h.to_name) for h in log.handovers] == [
        ("Inès Moreau", "Karim Haddad"),
        ("Karim Haddad", "Inès Moreau"),
    ]
    assert [format_paris_clock(h.at) for h in log.handovers] == ["07:00", "19:00"]
