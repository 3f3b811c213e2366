"""Type-ahead of the call form: services and places of recent calls, the most used lately first."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import event, select

from operline import reference_data as ref
from operline.codes import Category
from operline.db.models import CallerSuggestion, LocationSuggestion
from operline.incidents.intake import CallForm, link_call, log_call
from operline.incidents.suggestions import known_callers, known_locations
from tests.incidents.conftest import NOW, Desk


def test_services_and_places_already_seen_are_proposed_most_frequent_first(desk: Desk) -> None:
    calls = [
        ("BAC 19", ref.STALINGRAD, "Rotonde de Stalingrad", 1),
        ("BAC 19", ref.STALINGRAD, "Métro Stalingrad", 2),
        ("Commissariat du 18e", ref.STALINGRAD, "Métro Stalingrad", 3),
        ("", ref.EOLE, "Jardins d'Éole", 4),
        ("Ancien service", ref.STALINGRAD, "Vieux lieu", 24 * 200),
    ]
    for caller, sector, place, hours_ago in calls:
        at = NOW - timedelta(hours=hours_ago)
        form = CallForm(
            received_at=at,
            sector_id=desk.sectors[sector],
            category=Category.OTHER,
            caller_service=caller,
            location=place,
        )
        log_call(desk.database, form, actor=desk.actor, now=at)
    assert known_callers(desk.database, now=NOW) == ["BAC 19", "Commissariat du 18e"]
    stalingrad = known_locations(desk.database, desk.sectors[ref.STALINGRAD], now=NOW)
    assert stalingrad == ["Métro Stalingrad", "Rotonde de Stalingrad"]
    assert known_locations(desk.database, desk.sectors[ref.EOLE], now=NOW) == ["Jardins d'Éole"]


def _log(desk: Desk, caller: str, place: str, at: datetime, sector: str = ref.STALINGRAD) -> None:
    form = CallForm(
        received_at=at,
        sector_id=desk.sectors[sector],
        category=Category.OTHER,
        caller_service=caller,
        location=place,
    )
    log_call(desk.database, form, actor=desk.actor, now=at)


def test_a_call_just_logged_is_proposed_at_the_next_one(desk: Desk) -> None:
    _log(desk, "BAC 75N", "Rue d'Aubervilliers", NOW)
    assert known_callers(desk.database, now=NOW) == ["BAC 75N"]
    sector = desk.sectors[ref.STALINGRAD]
    assert known_locations(desk.database, sector, now=NOW) == ["Rue d'Aubervilliers"]
    assert known_locations(desk.database, desk.sectors[ref.EOLE], now=NOW) == []


def test_a_call_linked_to_an_open_one_counts_its_service_and_place(desk: Desk) -> None:
    form = CallForm(received_at=NOW, sector_id=desk.sectors[ref.EOLE], category=Category.OTHER)
    logged = log_call(desk.database, form, actor=desk.actor, now=NOW)
    later = NOW + timedelta(minutes=5)
    linked = CallForm(
        received_at=later,
        sector_id=desk.sectors[ref.EOLE],
        category=None,
        caller_service="Police municipale",
        location="Rue d'Aubervilliers",
    )
    link_call(desk.database, logged.incident_id, linked, actor=desk.actor, now=later)
    assert known_callers(desk.database, now=later) == ["Police municipale"]
    eole = desk.sectors[ref.EOLE]
    assert known_locations(desk.database, eole, now=later) == ["Rue d'Aubervilliers"]


def test_a_new_spelling_overtakes_an_old_one_used_more_but_long_ago(desk: Desk) -> None:
    for day in range(12):  # the old name, every day four to five months ago
        _log(desk, "Commissariat 18", "Metro Stalingrad", NOW - timedelta(days=150 - day))
    for day in range(4):  # the new one, four calls this week
        _log(desk, "Commissariat du 18e", "Métro Stalingrad", NOW - timedelta(days=day))
    # Counting calls would keep the old spellings first for months (12 against 4).
    assert known_callers(desk.database, now=NOW) == ["Commissariat du 18e", "Commissariat 18"]
    stalingrad = desk.sectors[ref.STALINGRAD]
    assert known_locations(desk.database, stalingrad, now=NOW) == [
        "Métro Stalingrad",
        "Metro Stalingrad",
    ]


def test_a_spelling_unseen_for_half_a_year_is_no_longer_proposed_then_forgotten(
    desk: Desk,
) -> None:
    _log(desk, "Ancien service", "Vieux lieu", NOW - timedelta(days=200))
    _log(desk, "BAC 19", "Rotonde", NOW - timedelta(days=170))
    assert known_callers(desk.database, now=NOW) == ["BAC 19"]
    stalingrad = desk.sectors[ref.STALINGRAD]
    assert known_locations(desk.database, stalingrad, now=NOW) == ["Rotonde"]
    # The next call logged deletes what nobody is offered any more.
    _log(desk, "BAC 19", "Rotonde", NOW)
    with desk.database.read() as session:
        callers = session.scalars(select(CallerSuggestion.name)).all()
        places = session.execute(select(LocationSuggestion.name, LocationSuggestion.uses)).all()
    assert callers == ["BAC 19"]
    assert [tuple(place) for place in places] == [("Rotonde", 2)]


def test_suggestions_never_read_the_calls_themselves(desk: Desk) -> None:
    """Their cost must not grow with the history: one indexed read of the small tables."""
    _log(desk, "BAC 19", "Rotonde", NOW)
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement.lower())

    event.listen(desk.database.engine, "before_cursor_execute", seen)
    try:
        known_callers(desk.database, now=NOW)
        known_locations(desk.database, desk.sectors[ref.STALINGRAD], now=NOW)
    finally:
        event.remove(desk.database.engine, "before_cursor_execute", seen)
    reads = [s for s in statements if s.lstrip().startswith("select")]
    assert len(reads) == 2
    assert not any(re.search(r"\bincident\b", statement) for statement in reads)
