"""Type-ahead of the call form: services and places of recent calls, most frequent first."""

from __future__ import annotations

from datetime import timedelta

from operline import reference_data as ref
from operline.codes import Category
from operline.incidents.intake import CallForm, log_call
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
