"""Following a call to closure: each stage timed, named, refused when it cannot be."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from operline import reference_data as ref
from operline.codes import Category, Outcome, Priority, Status
from operline.db.models import IncidentEvent, Operator
from operline.incidents.events import IncidentChanged, IncidentRefused, Refusal
from operline.incidents.intake import CallForm, LoggedCall, log_call
from operline.incidents.stages import (
    Action,
    IncidentState,
    add_note,
    advance_incident,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.incidents.timeline import read_incident
from tests.incidents.conftest import NOW, Desk


def logged(desk: Desk, sector: str = ref.STALINGRAD) -> LoggedCall:
    form = CallForm(
        received_at=NOW,
        sector_id=desk.sectors[sector],
        category=Category.DISTRESS,
        priority=Priority.URGENT,
    )
    return log_call(desk.database, form, actor=desk.actor, now=NOW)


def act(desk: Desk, minutes: float, reason: str = "", late: float = 0) -> Action:
    """An action done ``minutes`` after the call, recorded ``late`` minutes after that."""
    at = NOW + timedelta(minutes=minutes)
    return Action(desk.actor, at, at + timedelta(minutes=late), reason)


def routed(desk: Desk) -> IncidentState:
    call = logged(desk)
    team = desk.on_duty(ref.STALINGRAD)[0]
    return route_incident(
        desk.database, call.incident_id, team.team_id, version=1, action=act(desk, 1)
    )


def test_a_call_followed_to_an_orientation_keeps_every_stage_in_its_timeline(
    desk: Desk,
) -> None:
    state = routed(desk)
    state = advance_incident(
        desk.database,
        state.incident_id,
        Status.ACKNOWLEDGED,
        version=state.version,
        action=act(desk, 3),
    )
    state = advance_incident(
        desk.database,
        state.incident_id,
        Status.ON_SCENE,
        version=state.version,
        action=act(desk, 12),
    )
    state = close_incident(
        desk.database,
        state.incident_id,
        Outcome.ORIENTED,
        facility_id=desk.places[ref.ESPACE_DE_REPOS],
        version=state.version,
        action=act(desk, 40),
    )
    assert (state.status, state.outcome) == (Status.CLOSED, Outcome.ORIENTED)
    assert state.closed_at == NOW + timedelta(minutes=40)

    detail = read_incident(desk.database, state.incident_id, actor=desk.actor, now=NOW)
    with desk.database.read() as session:
        operator = session.get(Operator, desk.operator_id)
        assert operator is not None
    lines = [(line.kind, line.field, line.new_value, line.at - NOW) for line in detail.timeline]
    team = desk.on_duty(ref.STALINGRAD)[0].name
    assert lines == [
        ("created", "status", "new", timedelta(0)),
        ("stage", "status", "routed", timedelta(minutes=1)),
        ("assigned", "assigned_team_id", team, timedelta(minutes=1)),
        ("stage", "status", "acknowledged", timedelta(minutes=3)),
        ("stage", "status", "on_scene", timedelta(minutes=12)),
        ("stage", "status", "closed", timedelta(minutes=40)),
        ("updated", "orientation_facility_id", ref.ESPACE_DE_REPOS, timedelta(minutes=40)),
        ("closed", "outcome", "oriented", timedelta(minutes=40)),
    ]
    assert {line.operator for line in detail.timeline} == {operator.name}


@pytest.mark.parametrize(
    ("stage", "from_status"),
    [(Status.ACKNOWLEDGED, "new"), (Status.ON_SCENE, "new")],
)
def test_a_stage_out_of_turn_is_refused(desk: Desk, stage: Status, from_status: str) -> None:
    call = logged(desk)
    with pytest.raises(IncidentRefused) as refused:
        advance_incident(desk.database, call.incident_id, stage, version=1, action=act(desk, 1))
    assert refused.value.code is Refusal.WRONG_STAGE
    assert refused.value.values["status"] == from_status
    assert "cannot be" in str(refused.value)


def test_a_closed_incident_cannot_be_closed_again(desk: Desk) -> None:
    call = logged(desk)
    state = close_incident(
        desk.database,
        call.incident_id,
        Outcome.CANCELLED,
        facility_id=None,
        version=1,
        action=act(desk, 1),
    )
    with pytest.raises(IncidentRefused, match="is closed"):
        close_incident(
            desk.database,
            call.incident_id,
            Outcome.NOT_FOUND,
            facility_id=None,
            version=state.version,
            action=act(desk, 2),
        )


def test_an_orientation_needs_a_place_and_only_an_orientation_has_one(desk: Desk) -> None:
    call = logged(desk)
    with pytest.raises(IncidentRefused) as refused:
        close_incident(
            desk.database,
            call.incident_id,
            Outcome.ORIENTED,
            facility_id=None,
            version=1,
            action=act(desk, 1),
        )
    assert refused.value.code is Refusal.PLACE_NEEDED
    with pytest.raises(IncidentRefused) as refused:
        close_incident(
            desk.database,
            call.incident_id,
            Outcome.REFUSED,
            facility_id=desk.places[ref.HALTE_DE_NUIT],
            version=1,
            action=act(desk, 1),
        )
    assert refused.value.code is Refusal.PLACE_ONLY_FOR_ORIENTATION


def test_times_are_never_in_the_future_nor_before_the_previous_stage(desk: Desk) -> None:
    state = routed(desk)
    future = Action(desk.actor, NOW + timedelta(minutes=30), NOW + timedelta(minutes=5))
    with pytest.raises(IncidentRefused) as refused:
        advance_incident(
            desk.database,
            state.incident_id,
            Status.ACKNOWLEDGED,
            version=state.version,
            action=future,
        )
    assert refused.value.code is Refusal.IN_FUTURE
    before = Action(desk.actor, NOW, NOW + timedelta(minutes=1), "saisie tardive")
    with pytest.raises(IncidentRefused) as refused:
        advance_incident(
            desk.database,
            state.incident_id,
            Status.ACKNOWLEDGED,
            version=state.version,
            action=before,
        )
    assert refused.value.code is Refusal.BEFORE_PREVIOUS_STAGE


def test_a_time_set_back_needs_a_reason_which_the_timeline_keeps(desk: Desk) -> None:
    state = routed(desk)
    with pytest.raises(IncidentRefused) as refused:
        advance_incident(
            desk.database,
            state.incident_id,
            Status.ACKNOWLEDGED,
            version=state.version,
            action=act(desk, 3, late=10),
        )
    assert refused.value.code is Refusal.BACKDATED_NEEDS_REASON
    advance_incident(
        desk.database,
        state.incident_id,
        Status.ACKNOWLEDGED,
        version=state.version,
        action=act(desk, 3, late=10, reason="appel de l'équipe noté après coup"),
    )
    with desk.database.read() as session:
        reasons = session.scalars(
            select(IncidentEvent.reason).where(IncidentEvent.reason.is_not(None))
        ).all()
    assert reasons == ["appel de l'équipe noté après coup"]


def test_a_change_made_at_another_desk_is_not_overwritten(desk: Desk) -> None:
    state = routed(desk)
    advance_incident(
        desk.database,
        state.incident_id,
        Status.ACKNOWLEDGED,
        version=state.version,
        action=act(desk, 2),
    )
    with pytest.raises(IncidentChanged, match="changed at another desk"):
        close_incident(
            desk.database,
            state.incident_id,
            Outcome.NOT_FOUND,
            facility_id=None,
            version=state.version,
            action=act(desk, 3),
        )


def test_routing_to_a_team_off_duty_needs_a_reason(desk: Desk) -> None:
    call = logged(desk)
    on_duty = {t.team_id for t in desk.on_duty(ref.STALINGRAD)}
    off_duty = next(team_id for team_id in desk.teams.values() if team_id not in on_duty)
    with pytest.raises(IncidentRefused) as refused:
        route_incident(desk.database, call.incident_id, off_duty, version=1, action=act(desk, 1))
    assert refused.value.code is Refusal.TEAM_NOT_ON_DUTY
    state = route_incident(
        desk.database,
        call.incident_id,
        off_duty,
        version=1,
        action=act(desk, 1, reason="équipe de garde injoignable"),
    )
    assert (state.status, state.assigned_team_id) == (Status.ROUTED, off_duty)


def test_reassignment_needs_a_reason_and_the_timeline_keeps_both_teams(desk: Desk) -> None:
    state = routed(desk)
    state = advance_incident(
        desk.database,
        state.incident_id,
        Status.ACKNOWLEDGED,
        version=state.version,
        action=act(desk, 2),
    )
    backup = next(t for t in desk.on_duty(ref.STALINGRAD) if t.team_id != state.assigned_team_id)
    with pytest.raises(IncidentRefused) as refused:
        reassign_incident(
            desk.database,
            state.incident_id,
            backup.team_id,
            version=state.version,
            action=act(desk, 5),
        )
    assert refused.value.code is Refusal.REASON_NEEDED
    first_team = state.assigned_team_id
    state = reassign_incident(
        desk.database,
        state.incident_id,
        backup.team_id,
        version=state.version,
        action=act(desk, 5, reason="équipe rappelée sur une urgence"),
    )
    assert (state.status, state.assigned_team_id, state.acknowledged_at) == (
        Status.ROUTED,
        backup.team_id,
        None,
    )
    detail = read_incident(desk.database, state.incident_id, actor=desk.actor, now=NOW)
    reassigned = [line for line in detail.timeline if line.kind == "reassigned"]
    first_name = next(name for name, team_id in desk.teams.items() if team_id == first_team)
    assert [(line.old_value, line.new_value, line.reason) for line in reassigned] == [
        (first_name, backup.name, "équipe rappelée sur une urgence")
    ]
    assert detail.timeline[-1].new_value == "routed"


def test_a_note_is_added_to_the_timeline_even_once_closed(desk: Desk) -> None:
    call = logged(desk)
    close_incident(
        desk.database,
        call.incident_id,
        Outcome.NO_FOLLOW_UP,
        facility_id=None,
        version=1,
        action=act(desk, 1),
    )
    later = NOW + timedelta(minutes=2)
    add_note(desk.database, call.incident_id, "  Équipage rappelé  ", actor=desk.actor, now=later)
    with pytest.raises(IncidentRefused, match="empty"):
        add_note(desk.database, call.incident_id, "   ", actor=desk.actor, now=NOW)
    detail = read_incident(desk.database, call.incident_id, actor=desk.actor, now=NOW)
    assert detail.timeline[-1].new_value == "Équipage rappelé"


def test_a_team_on_duty_when_the_call_came_in_is_routed_after_its_handoff_without_reason(
    desk: Desk,
) -> None:
    came_in = NOW - timedelta(hours=2, minutes=2)  # 19:58 in Paris, before the 20:00 handoff
    routed_at = NOW - timedelta(hours=1, minutes=59)  # 20:01
    leaving = {t.team_id for t in desk.on_duty(ref.STALINGRAD, came_in)} - {
        t.team_id for t in desk.on_duty(ref.STALINGRAD, routed_at)
    }
    assert leaving, "the demo roster hands over at 20:00"
    form = CallForm(
        received_at=came_in, sector_id=desk.sectors[ref.STALINGRAD], category=Category.OTHER
    )
    call = log_call(desk.database, form, actor=desk.actor, now=came_in)
    state = route_incident(
        desk.database,
        call.incident_id,
        min(leaving),
        version=call.version,
        action=Action(desk.actor, routed_at, routed_at),
    )
    assert state.status is Status.ROUTED


def test_after_a_reassignment_delays_count_from_the_new_team_contacted(desk: Desk) -> None:
    state = routed(desk)
    backup = next(t for t in desk.on_duty(ref.STALINGRAD) if t.team_id != state.assigned_team_id)
    state = reassign_incident(
        desk.database,
        state.incident_id,
        backup.team_id,
        version=state.version,
        action=act(desk, 10, reason="pas de réponse"),
    )
    assert state.routed_at == NOW + timedelta(minutes=10)
    with pytest.raises(IncidentRefused) as refused:
        advance_incident(
            desk.database,
            state.incident_id,
            Status.ACKNOWLEDGED,
            version=state.version,
            action=act(desk, 5, late=6, reason="noté après coup"),
        )
    assert refused.value.code is Refusal.BEFORE_PREVIOUS_STAGE
    detail = read_incident(desk.database, state.incident_id, actor=desk.actor, now=NOW)
    routed_lines = [line.at for line in detail.timeline if line.new_value == "routed"]
    assert routed_lines[0] == NOW + timedelta(minutes=1)  # the first contact stays on record
