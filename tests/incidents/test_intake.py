"""Logging a call: checks field by field, reference, duplicates, linked calls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from operline import reference_data as ref
from operline.codes import Category, Priority, Status
from operline.db.models import Incident, IncidentEvent
from operline.incidents.events import IncidentRefused
from operline.incidents.intake import (
    CallForm,
    CallRefused,
    IntakeProblem,
    check_call,
    link_call,
    log_call,
    possible_duplicates,
)
from tests.incidents.conftest import NOW, Desk


def call(desk: Desk, **changes: object) -> CallForm:
    values: dict[str, object] = {
        "received_at": NOW,
        "sector_id": desk.sectors[ref.STALINGRAD],
        "category": Category.DISTRESS,
        "priority": Priority.URGENT,
        "caller_service": "Commissariat du 19e",
        "callback_number": "01 99 00 55 01",
        "location": "Métro Stalingrad, sortie 2",
        "notes": "Malaise sur le quai",
    }
    values.update(changes)
    return CallForm(**values)  # type: ignore[arg-type]


def test_a_call_becomes_an_incident_with_its_first_timeline_line(desk: Desk) -> None:
    logged = log_call(desk.database, call(desk), actor=desk.actor, now=NOW)
    assert logged.reference == "OPL-2026-000001"
    assert logged.team_on_duty
    with desk.database.read() as session:
        incident = session.get(Incident, logged.incident_id)
        assert incident is not None
        assert (incident.status, incident.callback_number) == ("new", "+33199005501")
        assert incident.team_on_duty_at_intake
        events = session.scalars(select(IncidentEvent)).all()
    assert [(e.kind, e.new_value, e.operator_id) for e in events] == [
        ("created", "new", desk.operator_id)
    ]


def test_references_follow_each_other_and_restart_with_the_paris_year(desk: Desk) -> None:
    first = log_call(desk.database, call(desk), actor=desk.actor, now=NOW)
    second = log_call(desk.database, call(desk), actor=desk.actor, now=NOW)
    # 00:30 on 1 January in Paris is still 31 December in UTC.
    new_year = datetime(2026, 12, 31, 23, 30, tzinfo=UTC)
    third = log_call(
        desk.database, call(desk, received_at=new_year), actor=desk.actor, now=new_year
    )
    assert [first.reference, second.reference, third.reference] == [
        "OPL-2026-000001",
        "OPL-2026-000002",
        "OPL-2027-000001",
    ]


def test_every_problem_is_named_beside_its_field() -> None:
    form = CallForm(
        received_at=NOW + timedelta(minutes=5),
        sector_id=None,
        category=None,
        persons=0,
        callback_number="12",
        notes="x" * 501,
    )
    problems = {(p.field, p.code) for p in check_call(form, now=NOW)}
    assert problems == {
        ("received_at", IntakeProblem.IN_FUTURE),
        ("sector_id", IntakeProblem.REQUIRED),
        ("category", IntakeProblem.REQUIRED),
        ("persons", IntakeProblem.PERSONS_RANGE),
        ("callback_number", IntakeProblem.PHONE_INVALID),
        ("notes", IntakeProblem.TOO_LONG),
    }


def test_a_refused_call_writes_nothing(desk: Desk) -> None:
    with pytest.raises(CallRefused) as refused:
        log_call(desk.database, call(desk, category=None), actor=desk.actor, now=NOW)
    assert [p.field for p in refused.value.problems] == ["category"]
    with desk.database.read() as session:
        assert session.scalars(select(Incident)).all() == []


def test_a_call_where_nobody_is_on_duty_says_so(desk: Desk) -> None:
    # Sunday 14:00: the documented hole of the Quais du canal de l'Ourcq.
    sunday = datetime(2026, 11, 29, 13, 0, tzinfo=UTC)
    assert [t for t in desk.on_duty(ref.QUAIS_OURCQ, sunday) if t.tier == 1] == []
    form = call(desk, sector_id=desk.sectors[ref.QUAIS_OURCQ], received_at=sunday)
    logged = log_call(desk.database, form, actor=desk.actor, now=sunday)
    assert logged.team_on_duty is bool(desk.on_duty(ref.QUAIS_OURCQ, sunday))


def test_an_open_incident_of_the_same_sector_within_half_an_hour_may_be_the_same(
    desk: Desk,
) -> None:
    earlier = NOW - timedelta(minutes=20)
    first = log_call(desk.database, call(desk, received_at=earlier), actor=desk.actor, now=earlier)
    log_call(
        desk.database,
        call(desk, sector_id=desk.sectors[ref.EOLE], received_at=earlier),
        actor=desk.actor,
        now=earlier,
    )
    old = NOW - timedelta(minutes=45)
    log_call(desk.database, call(desk, received_at=old), actor=desk.actor, now=old)

    found = possible_duplicates(desk.database, desk.sectors[ref.STALINGRAD], NOW)

    assert [d.reference for d in found] == [first.reference]
    assert found[0].status is Status.NEW


def test_a_linked_call_appears_in_the_incidents_timeline(desk: Desk) -> None:
    first = log_call(desk.database, call(desk), actor=desk.actor, now=NOW)
    later = NOW + timedelta(minutes=4)
    second_call = call(
        desk,
        received_at=later,
        caller_service="BAC 19",
        callback_number="",
        persons=2,
        notes="Toujours sur place",
    )
    link_call(desk.database, first.incident_id, second_call, actor=desk.actor, now=later)
    with desk.database.read() as session:
        events = session.scalars(
            select(IncidentEvent).where(IncidentEvent.kind == "linked_call")
        ).all()
        assert session.scalar(select(Incident.version)) == 2
        assert len(session.scalars(select(Incident)).all()) == 1
    assert [(e.at, e.new_value) for e in events] == [
        (later, "BAC 19, Métro Stalingrad, sortie 2, 2 pers., Toujours sur place")
    ]


def test_a_call_cannot_be_linked_to_a_missing_incident(desk: Desk) -> None:
    with pytest.raises(IncidentRefused, match="no such incident"):
        link_call(desk.database, 999, call(desk), actor=desk.actor, now=NOW)
