"""The handover written at the incoming operator's sign-in, and a Paris day's handovers."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from operline.actors import Actor
from operline.codes import OperatorRole, Priority
from operline.db.engine import Database
from operline.db.models import AuditLog, Handover, Operator
from operline.handover import (
    HANDOVER_NOTE_LIMIT,
    HandoverProblem,
    HandoverRefused,
    hand_over,
    handovers_of_day,
)
from operline.logins import SignInRefused
from operline.operators import OperatorInfo
from tests.actors import COMMAND_LINE, PASSWORD, WORKSTATION, with_password
from tests.test_handover_summary import NOW, Call, fill_night, store_calls
from tests.test_roster_board import at


def _people(database: Database) -> tuple[Actor, Actor]:
    return (
        with_password(database, "Inès Moreau", OperatorRole.OPERATOR),
        with_password(database, "Karim Haddad", OperatorRole.OPERATOR),
    )


def _rows(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(Handover)) or 0


def _audit(database: Database) -> list[tuple[str, str, str | None, str | None, datetime]]:
    with database.read() as session:
        rows = session.execute(
            select(AuditLog.action, AuditLog.actor, AuditLog.target, AuditLog.details, AuditLog.at)
            .where(AuditLog.action.in_(("operator.handover", "operator.sign_in", "handover.view")))
            .order_by(AuditLog.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def test_the_handover_keeps_who_to_whom_when_the_note_and_the_calls_left(
    database: Database,
) -> None:
    fill_night(database)
    ines, karim = _people(database)
    store_calls(
        database,
        Call("OPL-A", "2026-11-26T06:20", Priority.URGENT),  # red
        Call("OPL-B", "2026-11-26T06:00", acknowledged="2026-11-26T06:10"),
        Call("OPL-C", "2026-11-26T06:30"),  # amber
        Call("OPL-F", "2026-11-26T04:00", closed=True),
    )

    done = hand_over(
        database,
        "  OPL-A : la maraude rappelle avant 7 h.\nHalte pleine depuis 23 h 40.  ",
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    )

    assert done.incoming == OperatorInfo(karim.operator_id or 0, "Karim Haddad", karim.role)
    recorded = done.handover
    assert (recorded.from_name, recorded.to_name, recorded.at, recorded.workstation) == (
        "Inès Moreau",
        "Karim Haddad",
        NOW,
        WORKSTATION,
    )
    assert recorded.note == "OPL-A : la maraude rappelle avant 7 h.\nHalte pleine depuis 23 h 40."
    assert (recorded.open_calls, recorded.late_calls) == (3, 2)
    assert done.changes.handover_days == frozenset({date(2026, 11, 26)})
    assert handovers_of_day(database, date(2026, 11, 26), actor=karim, now=NOW) == [recorded]
    # The incoming operator signed in, at this desk; the outgoing one handed over.
    assert _audit(database)[:2] == [
        (
            "operator.sign_in",
            f"Karim Haddad (#{karim.operator_id}) @ {WORKSTATION}",
            WORKSTATION,
            None,
            NOW,
        ),
        (
            "operator.handover",
            f"Inès Moreau (#{ines.operator_id}) @ {WORKSTATION}",
            "Karim Haddad",
            "3 open calls, 2 late",
            NOW,
        ),
    ]


def test_the_next_operator_takes_over_only_with_their_own_password(database: Database) -> None:
    ines, karim = _people(database)

    with pytest.raises(SignInRefused, match="The login or the password is wrong"):
        hand_over(
            database,
            "RAS",
            actor=ines,
            to_operator_id=karim.operator_id or 0,
            password="x",
            now=NOW,
        )

    assert _rows(database) == 0
    assert _audit(database) == []  # no handover, no sign-in
    with database.read() as session:
        failed = session.scalars(
            select(AuditLog.details).where(AuditLog.action == "operator.login_failed")
        ).all()
    assert failed == ["attempt 1 of 5"]  # a wrong password counts toward the lock


def test_a_handover_without_a_note_is_still_recorded(database: Database) -> None:
    ines, karim = _people(database)

    done = hand_over(
        database,
        "   \n ",
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    )

    assert done.handover.note == ""
    with database.read() as session:
        assert session.scalars(select(Handover.note)).all() == [None]
    assert (done.handover.open_calls, done.handover.late_calls) == (0, 0)


def test_a_note_too_long_is_refused_and_nothing_is_written(database: Database) -> None:
    ines, karim = _people(database)
    longest = "x" * HANDOVER_NOTE_LIMIT

    with pytest.raises(HandoverRefused) as refused:
        hand_over(
            database,
            longest + "y",
            actor=ines,
            to_operator_id=karim.operator_id or 0,
            password=PASSWORD,
            now=NOW,
        )

    assert refused.value.problem is HandoverProblem.NOTE_TOO_LONG
    assert str(refused.value) == "A handover note holds at most 500 characters."
    assert _rows(database) == 0
    assert _audit(database) == []
    hand_over(
        database,
        longest,
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    )
    assert _rows(database) == 1


def test_nobody_hands_over_to_themselves(database: Database) -> None:
    ines, _ = _people(database)

    with pytest.raises(HandoverRefused) as refused:
        hand_over(
            database,
            "",
            actor=ines,
            to_operator_id=ines.operator_id or 0,
            password=PASSWORD,
            now=NOW,
        )

    assert str(refused.value) == (
        "Inès Moreau cannot hand over to themselves: the next operator signs in."
    )
    assert _rows(database) == 0


def test_someone_who_left_the_desk_cannot_take_over(database: Database) -> None:
    ines, karim = _people(database)
    with database.write() as session:
        session.execute(
            update(Operator).where(Operator.id == karim.operator_id).values(active=False)
        )

    with pytest.raises(HandoverRefused) as refused:
        hand_over(
            database,
            "",
            actor=ines,
            to_operator_id=karim.operator_id or 0,
            password=PASSWORD,
            now=NOW,
        )
    with pytest.raises(HandoverRefused):
        hand_over(database, "", actor=ines, to_operator_id=9999, password=PASSWORD, now=NOW)

    assert refused.value.problem is HandoverProblem.NOT_AT_DESK
    assert _rows(database) == 0
    assert _audit(database) == []


def _handovers_at(database: Database, *instants: datetime) -> None:
    ines, karim = _people(database)
    people = [ines, karim]
    for number, instant in enumerate(instants):
        giver, taker = people[number % 2], people[(number + 1) % 2]
        hand_over(
            database,
            f"relève {number}",
            actor=giver,
            to_operator_id=taker.operator_id or 0,
            password=PASSWORD,
            now=instant,
        )


def _notes(database: Database, day: date) -> list[str]:
    return [h.note for h in handovers_of_day(database, day, actor=COMMAND_LINE, now=NOW)]


def test_a_handover_at_half_past_midnight_belongs_to_its_paris_day(database: Database) -> None:
    _handovers_at(
        database,
        at("2026-11-26T22:00"),
        at("2026-11-27T00:30"),  # 23:30 UTC on the 26th
        at("2026-11-27T07:00"),
    )

    assert datetime(2026, 11, 26, 23, 30, tzinfo=UTC) == at("2026-11-27T00:30")
    assert _notes(database, date(2026, 11, 26)) == ["relève 0"]
    assert _notes(database, date(2026, 11, 27)) == ["relève 1", "relève 2"]
    assert _notes(database, date(2026, 11, 28)) == []


def test_the_25_hour_autumn_day_holds_both_half_past_two(database: Database) -> None:
    _handovers_at(
        database,
        at("2026-10-24T23:30+02:00"),
        at("2026-10-25T02:30+02:00"),  # 00:30 UTC: before the clocks go back
        at("2026-10-25T02:30+01:00"),  # 01:30 UTC: the same wall time, an hour later
        at("2026-10-25T23:30+01:00"),
        at("2026-10-26T00:30+01:00"),  # 23:30 UTC on the 25th
    )

    day = handovers_of_day(database, date(2026, 10, 25), actor=COMMAND_LINE, now=NOW)

    assert [h.note for h in day] == ["relève 1", "relève 2", "relève 3"]
    assert day[1].at - day[0].at == timedelta(hours=1)
    assert _notes(database, date(2026, 10, 24)) == ["relève 0"]
    assert _notes(database, date(2026, 10, 26)) == ["relève 4"]


def test_the_23_hour_spring_day_starts_and_ends_at_paris_midnight(database: Database) -> None:
    _handovers_at(
        database,
        at("2026-03-28T23:59"),
        at("2026-03-29T00:30"),
        at("2026-03-29T03:30"),  # 01:30 UTC, just after the missing hour
        at("2026-03-29T23:30"),  # 21:30 UTC
        at("2026-03-30T00:10"),
    )

    assert _notes(database, date(2026, 3, 29)) == ["relève 1", "relève 2", "relève 3"]
    assert _notes(database, date(2026, 3, 30)) == ["relève 4"]


def test_reading_a_days_handovers_is_an_audited_consultation(database: Database) -> None:
    ines, karim = _people(database)
    hand_over(
        database,
        "RAS",
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    )

    (read,) = handovers_of_day(database, date(2026, 11, 26), actor=karim, now=NOW)

    assert (read.from_operator_id, read.to_operator_id) == (ines.operator_id, karim.operator_id)
    assert _audit(database)[-1] == (
        "handover.view",
        f"Karim Haddad (#{karim.operator_id}) @ {WORKSTATION}",
        "2026-11-26",
        None,
        NOW,
    )
