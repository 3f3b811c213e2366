"""An incident's detail names its sector, team and place, so a screen needs no second query."""

from __future__ import annotations

from datetime import timedelta

from operline import reference_data as ref
from operline.codes import Category, Outcome, Priority
from operline.incidents.intake import CallForm, log_call
from operline.incidents.stages import Action, close_incident, route_incident
from operline.incidents.timeline import read_incident
from tests.incidents.conftest import NOW, Desk


def test_the_detail_names_the_sector_the_team_and_the_place(desk: Desk) -> None:
    form = CallForm(
        received_at=NOW,
        sector_id=desk.sectors[ref.EOLE],
        category=Category.SHELTER,
        priority=Priority.NORMAL,
    )
    call = log_call(desk.database, form, actor=desk.actor, now=NOW)
    fresh = read_incident(desk.database, call.incident_id, actor=desk.actor, now=NOW)
    assert (fresh.sector, fresh.team, fresh.facility) == (ref.EOLE, None, None)

    team = desk.on_duty(ref.EOLE)[0]
    later = NOW + timedelta(minutes=1)
    state = route_incident(
        desk.database,
        call.incident_id,
        team.team_id,
        version=call.version,
        action=Action(desk.actor, later, later),
    )
    close_incident(
        desk.database,
        call.incident_id,
        Outcome.ORIENTED,
        facility_id=desk.places[ref.HALTE_DE_NUIT],
        version=state.version,
        action=Action(desk.actor, later, later),
    )
    closed = read_incident(desk.database, call.incident_id, actor=desk.actor, now=later)
    assert (closed.sector, closed.team, closed.facility) == (
        ref.EOLE,
        team.name,
        ref.HALTE_DE_NUIT,
    )
