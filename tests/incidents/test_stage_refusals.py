"""Every rule of the stage services, one row per refusal and per boundary, on a small desk.

One sector, two teams on duty round the clock, one retired team, one team never on duty,
a place in use and a retired one: enough for each guard of route, advance, close,
reassign and note to be met, and fast enough to run many times.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from operline.actors import Actor
from operline.changes import Changes
from operline.codes import Category, OperatorRole, Outcome, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent
from operline.incidents.events import IncidentChanged, IncidentRefused, Refusal
from operline.incidents.intake import CLOCK_TOLERANCE, NOTES_LIMIT, CallForm, log_call
from operline.incidents.stages import (
    BACKDATING_NEEDS_REASON,
    Action,
    IncidentState,
    add_note,
    advance_incident,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.roster import editing
from tests.actors import signed_in

#: When each call came in; stages follow a minute apart.
RECEIVED = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
EVERY_DAY = frozenset(range(7))


@dataclass(frozen=True)
class Desk:
    database: Database
    actor: Actor
    sector_id: int
    team_id: int
    other_team_id: int
    retired_team_id: int
    idle_team_id: int
    place_id: int
    retired_place_id: int


@pytest.fixture
def desk(sqlite_database: Database) -> Desk:
    return small_desk(sqlite_database)


def small_desk(database: Database) -> Desk:
    """The desk of these tables, for other tables of the same rules."""
    boss = signed_in(database, "Amine Benali", OperatorRole.SUPERVISOR)
    sector = editing.add_sector(
        database, editing.SectorDraft("Stalingrad"), actor=boss, now=RECEIVED
    )
    teams = [
        editing.add_team(database, editing.TeamDraft(name, "Asso", ""), actor=boss, now=RECEIVED)
        for name in ("Maraude Nord", "Maraude Sud", "Ancienne maraude", "Équipe de jour")
    ]
    for team in teams[:3]:
        editing.add_shift_pattern(
            database,
            editing.PatternDraft(team.id, 1, EVERY_DAY, time(0), time(0), None),
            actor=boss,
            now=RECEIVED,
        )
    # Never on duty at night: 08:00–09:00 Paris.
    editing.add_shift_pattern(
        database,
        editing.PatternDraft(teams[3].id, 1, EVERY_DAY, time(8), time(9), None),
        actor=boss,
        now=RECEIVED,
    )
    editing.retire_team(database, teams[2].id, actor=boss, now=RECEIVED)
    place, retired = (
        editing.add_facility(
            database, editing.FacilityDraft(name, "Accueil"), actor=boss, now=RECEIVED
        )
        for name in ("Espace de repos", "Ancien accueil")
    )
    editing.retire_facility(database, retired.id, actor=boss, now=RECEIVED)
    operator = signed_in(database, "Zoé Martin", OperatorRole.OPERATOR)
    return Desk(
        database, operator, sector.id, teams[0].id, teams[1].id, teams[2].id, teams[3].id,
        place.id, retired.id,
    )  # fmt: skip


def at(minutes: float) -> datetime:
    return RECEIVED + timedelta(minutes=minutes)


def action(desk: Desk, minutes: float, *, late: float = 0, reason: str = "") -> Action:
    """Done ``minutes`` after the call came in, recorded ``late`` minutes after that."""
    return Action(desk.actor, at(minutes), at(minutes + late), reason)


def new_call(desk: Desk) -> IncidentState:
    form = CallForm(received_at=RECEIVED, sector_id=desk.sector_id, category=Category.DISTRESS)
    logged = log_call(desk.database, form, actor=desk.actor, now=RECEIVED)
    with desk.database.read() as session:
        incident = session.get(Incident, logged.incident_id)
        assert incident is not None
        return IncidentState(
            logged.incident_id, logged.reference, Status.NEW, logged.version, None,
            RECEIVED, None, None, None, None, None, Changes(),
        )  # fmt: skip


def call_at(desk: Desk, stage: Status) -> IncidentState:
    """A call taken to ``stage``: routed at +1, acknowledged at +2, on scene at +3, closed at +4."""
    state = new_call(desk)
    if stage is Status.NEW:
        return state
    state = route_incident(
        desk.database, state.incident_id, desk.team_id, version=state.version,
        action=action(desk, 1),
    )  # fmt: skip
    for minutes, step in ((2, Status.ACKNOWLEDGED), (3, Status.ON_SCENE)):
        if stage is Status.ROUTED or (stage is Status.ACKNOWLEDGED and step is Status.ON_SCENE):
            return state
        state = advance_incident(
            desk.database, state.incident_id, step, version=state.version,
            action=action(desk, minutes),
        )  # fmt: skip
    if stage is Status.CLOSED:
        state = close_incident(
            desk.database, state.incident_id, Outcome.TAKEN_IN_CHARGE, facility_id=None,
            version=state.version, action=action(desk, 4),
        )  # fmt: skip
    return state


Attempt = Callable[[Desk, IncidentState], object]


def route(team: Callable[[Desk], int], act: Callable[[Desk], Action]) -> Attempt:
    return lambda d, s: route_incident(
        d.database, s.incident_id, team(d), version=s.version, action=act(d)
    )


def advance(stage: Status, act: Callable[[Desk], Action]) -> Attempt:
    return lambda d, s: advance_incident(
        d.database, s.incident_id, stage, version=s.version, action=act(d)
    )


def close(
    outcome: Outcome, place: Callable[[Desk], int | None], act: Callable[[Desk], Action]
) -> Attempt:
    return lambda d, s: close_incident(
        d.database, s.incident_id, outcome, facility_id=place(d), version=s.version, action=act(d)
    )


def reassign(team: Callable[[Desk], int], act: Callable[[Desk], Action]) -> Attempt:
    return lambda d, s: reassign_incident(
        d.database, s.incident_id, team(d), version=s.version, action=act(d)
    )


def team(d: Desk) -> int:
    return d.team_id


def other(d: Desk) -> int:
    return d.other_team_id


def no_place(d: Desk) -> None:
    return None


def place(d: Desk) -> int:
    return d.place_id


def soon(minutes: float, reason: str = "") -> Callable[[Desk], Action]:
    """Done at +``minutes`` and recorded then."""
    return lambda d: action(d, minutes, reason=reason)


FUTURE = CLOCK_TOLERANCE + timedelta(seconds=1)
TOO_LATE = BACKDATING_NEEDS_REASON + timedelta(seconds=1)


def ahead(minutes: float, by: timedelta) -> Callable[[Desk], Action]:
    """Done at +``minutes`` as typed, ``by`` ahead of the clock."""
    return lambda d: Action(d.actor, at(minutes), at(minutes) - by)


def behind(minutes: float, by: timedelta, reason: str = "") -> Callable[[Desk], Action]:
    """Done at +``minutes``, recorded ``by`` later."""
    return lambda d: Action(d.actor, at(minutes), at(minutes) + by, reason)


REFUSED: dict[str, tuple[Status, Attempt, Refusal]] = {
    # Route
    "route an incident already routed": (Status.ROUTED, route(other, soon(5)), Refusal.WRONG_STAGE),
    "route an incident closed": (Status.CLOSED, route(other, soon(5)), Refusal.WRONG_STAGE),
    "route to a retired team": (
        Status.NEW, route(lambda d: d.retired_team_id, soon(1)), Refusal.TEAM_UNKNOWN,
    ),
    "route to an unknown team": (Status.NEW, route(lambda d: 999, soon(1)), Refusal.TEAM_UNKNOWN),
    "route to a team off duty without a reason": (
        Status.NEW, route(lambda d: d.idle_team_id, soon(1)), Refusal.TEAM_NOT_ON_DUTY,
    ),
    "route to a team off duty with a blank reason": (
        Status.NEW, route(lambda d: d.idle_team_id, soon(1, "   ")), Refusal.TEAM_NOT_ON_DUTY,
    ),
    "route ahead of the clock": (Status.NEW, route(team, ahead(1, FUTURE)), Refusal.IN_FUTURE),
    "route before the call came in": (
        Status.NEW, route(team, behind(-1, timedelta(minutes=1), "saisie")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    "route backdated without a reason": (
        Status.NEW, route(team, behind(1, TOO_LATE)), Refusal.BACKDATED_NEEDS_REASON,
    ),
    "route backdated with a blank reason": (
        Status.NEW, route(team, behind(1, TOO_LATE, " \t")), Refusal.BACKDATED_NEEDS_REASON,
    ),
    # Advance
    "acknowledge a new incident": (
        Status.NEW, advance(Status.ACKNOWLEDGED, soon(2)), Refusal.WRONG_STAGE,
    ),
    "acknowledge twice": (
        Status.ACKNOWLEDGED, advance(Status.ACKNOWLEDGED, soon(5)), Refusal.WRONG_STAGE,
    ),
    "on scene before acknowledged": (
        Status.ROUTED, advance(Status.ON_SCENE, soon(3)), Refusal.WRONG_STAGE,
    ),
    "on scene once closed": (Status.CLOSED, advance(Status.ON_SCENE, soon(5)), Refusal.WRONG_STAGE),
    "acknowledge ahead of the clock": (
        Status.ROUTED, advance(Status.ACKNOWLEDGED, ahead(2, FUTURE)), Refusal.IN_FUTURE,
    ),
    "acknowledge before routed": (
        Status.ROUTED, advance(Status.ACKNOWLEDGED, behind(0.5, timedelta(minutes=5), "x")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    "on scene before acknowledged in time": (
        Status.ACKNOWLEDGED, advance(Status.ON_SCENE, behind(1.5, timedelta(minutes=5), "x")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    "acknowledge backdated without a reason": (
        Status.ROUTED, advance(Status.ACKNOWLEDGED, behind(2, TOO_LATE)),
        Refusal.BACKDATED_NEEDS_REASON,
    ),
    # Close
    "close twice": (
        Status.CLOSED, close(Outcome.REFUSED, no_place, soon(5)), Refusal.ALREADY_CLOSED,
    ),
    "orient without a place": (
        Status.ON_SCENE, close(Outcome.ORIENTED, no_place, soon(4)), Refusal.PLACE_NEEDED,
    ),
    "orient to a retired place": (
        Status.ON_SCENE, close(Outcome.ORIENTED, lambda d: d.retired_place_id, soon(4)),
        Refusal.PLACE_UNKNOWN,
    ),
    "orient to an unknown place": (
        Status.ON_SCENE, close(Outcome.ORIENTED, lambda d: 999, soon(4)), Refusal.PLACE_UNKNOWN,
    ),
    "a place for another outcome": (
        Status.ON_SCENE, close(Outcome.REFUSED, place, soon(4)),
        Refusal.PLACE_ONLY_FOR_ORIENTATION,
    ),
    "close ahead of the clock": (
        Status.ON_SCENE, close(Outcome.REFUSED, no_place, ahead(4, FUTURE)), Refusal.IN_FUTURE,
    ),
    "close before the team was on scene": (
        Status.ON_SCENE, close(Outcome.REFUSED, no_place, behind(2.5, timedelta(minutes=5), "x")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    "close a new call before it came in": (
        Status.NEW, close(Outcome.CANCELLED, no_place, behind(-1, timedelta(minutes=5), "x")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    "close backdated without a reason": (
        Status.ON_SCENE, close(Outcome.REFUSED, no_place, behind(4, TOO_LATE)),
        Refusal.BACKDATED_NEEDS_REASON,
    ),
    # Reassign
    "reassign without a reason": (Status.ROUTED, reassign(other, soon(3)), Refusal.REASON_NEEDED),
    "reassign with a blank reason": (
        Status.ROUTED, reassign(other, soon(3, "  ")), Refusal.REASON_NEEDED,
    ),
    "reassign a new incident": (
        Status.NEW, reassign(other, soon(3, "injoignable")), Refusal.WRONG_STAGE,
    ),
    "reassign a closed incident": (
        Status.CLOSED, reassign(other, soon(5, "injoignable")), Refusal.WRONG_STAGE,
    ),
    "reassign to the same team": (
        Status.ACKNOWLEDGED, reassign(team, soon(3, "injoignable")), Refusal.SAME_TEAM,
    ),
    "reassign to a retired team": (
        Status.ROUTED, reassign(lambda d: d.retired_team_id, soon(3, "injoignable")),
        Refusal.TEAM_UNKNOWN,
    ),
    "reassign to an unknown team": (
        Status.ROUTED, reassign(lambda d: 999, soon(3, "injoignable")), Refusal.TEAM_UNKNOWN,
    ),
    "reassign ahead of the clock": (
        Status.ROUTED, lambda d, s: reassign_incident(
            d.database, s.incident_id, d.other_team_id, version=s.version,
            action=Action(d.actor, at(3), at(3) - FUTURE, "injoignable"),
        ), Refusal.IN_FUTURE,
    ),
    "reassign before it was routed": (
        Status.ROUTED, reassign(other, behind(0.5, timedelta(minutes=5), "injoignable")),
        Refusal.BEFORE_PREVIOUS_STAGE,
    ),
    # Notes
    "an empty note": (
        Status.NEW,
        lambda d, s: add_note(d.database, s.incident_id, " \n ", actor=d.actor, now=at(1)),
        Refusal.NOTE_EMPTY,
    ),
    "a note too long": (
        Status.NEW, lambda d, s: add_note(
            d.database, s.incident_id, "x" * (NOTES_LIMIT + 1), actor=d.actor, now=at(1)
        ), Refusal.NOTE_TOO_LONG,
    ),
    "a note on no incident": (
        Status.NEW, lambda d, s: add_note(d.database, 999, "Rappel", actor=d.actor, now=at(1)),
        Refusal.NOT_FOUND,
    ),
    "a stage of no incident": (
        Status.NEW, lambda d, s: route_incident(
            d.database, 999, d.team_id, version=1, action=action(d, 1)
        ), Refusal.NOT_FOUND,
    ),
}  # fmt: skip


def snapshot(desk: Desk, incident_id: int) -> tuple[object, ...]:
    with desk.database.read() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None
        events = session.scalars(
            select(IncidentEvent.id).where(IncidentEvent.incident_id == incident_id)
        ).all()
        return (
            incident.status, incident.version, incident.assigned_team_id, incident.routed_at,
            incident.acknowledged_at, incident.on_scene_at, incident.closed_at, incident.outcome,
            incident.orientation_facility_id, tuple(events),
        )  # fmt: skip


@pytest.mark.parametrize("case", REFUSED)
def test_a_stage_the_rules_forbid_is_refused_and_nothing_is_written(desk: Desk, case: str) -> None:
    stage, attempt, refusal = REFUSED[case]
    state = call_at(desk, stage)
    before = snapshot(desk, state.incident_id)

    with pytest.raises(IncidentRefused) as refused:
        attempt(desk, state)

    assert refused.value.code is refusal
    assert snapshot(desk, state.incident_id) == before


ACCEPTED: dict[str, tuple[Status, Attempt, Status]] = {
    "route at the clock's tolerance": (
        Status.NEW, route(team, ahead(1, CLOCK_TOLERANCE)), Status.ROUTED,
    ),
    "route exactly at the backdating threshold": (
        Status.NEW, route(team, behind(1, BACKDATING_NEEDS_REASON)), Status.ROUTED,
    ),
    "route backdated with a reason": (
        Status.NEW, route(team, behind(1, timedelta(hours=1), "saisie tardive")), Status.ROUTED,
    ),
    "route at the very time the call came in": (Status.NEW, route(team, soon(0)), Status.ROUTED),
    "route to a team off duty with a reason": (
        Status.NEW, route(lambda d: d.idle_team_id, soon(1, "demande de l'équipage")),
        Status.ROUTED,
    ),
    "acknowledge at the time it was routed": (
        Status.ROUTED, advance(Status.ACKNOWLEDGED, soon(1)), Status.ACKNOWLEDGED,
    ),
    "close a new call (cancelled by the crew)": (
        Status.NEW, close(Outcome.CANCELLED, no_place, soon(1)), Status.CLOSED,
    ),
    "close at the time the team arrived": (
        Status.ON_SCENE, close(Outcome.NOT_FOUND, no_place, soon(3)), Status.CLOSED,
    ),
    "reassign at the clock's tolerance": (
        Status.ROUTED, lambda d, s: reassign_incident(
            d.database, s.incident_id, d.other_team_id, version=s.version,
            action=Action(d.actor, at(3), at(3) - CLOCK_TOLERANCE, "injoignable"),
        ), Status.ROUTED,
    ),
    "reassign at the time it was routed": (
        Status.ROUTED, reassign(other, soon(1, "injoignable")), Status.ROUTED,
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", ACCEPTED)
def test_a_stage_at_the_edge_of_a_rule_is_recorded(desk: Desk, case: str) -> None:
    stage, attempt, outcome = ACCEPTED[case]
    state = call_at(desk, stage)

    after = attempt(desk, state)

    assert isinstance(after, IncidentState)
    assert (after.status, after.version) == (outcome, state.version + 1)


def test_a_changed_incident_is_told_not_overwritten(desk: Desk) -> None:
    state = call_at(desk, Status.ROUTED)
    stale = replace(state, version=state.version - 1)
    for attempt in (
        advance(Status.ACKNOWLEDGED, soon(2)),
        close(Outcome.REFUSED, no_place, soon(2)),
        reassign(other, soon(2, "injoignable")),
    ):
        with pytest.raises(IncidentChanged, match=state.reference):
            attempt(desk, stale)


def test_advance_moves_only_to_acknowledged_or_on_scene(desk: Desk) -> None:
    state = call_at(desk, Status.ROUTED)
    for stage in (Status.NEW, Status.ROUTED, Status.CLOSED):
        with pytest.raises(ValueError, match="acknowledged or on_scene"):
            advance(stage, soon(2))(desk, state)


def test_a_reassignment_on_scene_waits_for_the_new_team_and_keeps_both_in_the_timeline(
    desk: Desk,
) -> None:
    state = call_at(desk, Status.ON_SCENE)
    reason = "x" * 400

    after = reassign(other, soon(5, reason))(desk, state)

    assert isinstance(after, IncidentState)
    assert (after.status, after.assigned_team_id) == (Status.ROUTED, desk.other_team_id)
    assert (after.routed_at, after.acknowledged_at, after.on_scene_at) == (at(5), None, None)
    assert (after.received_at, after.closed_at, after.outcome) == (RECEIVED, None, None)
    with desk.database.read() as session:
        events = session.execute(
            select(
                IncidentEvent.kind, IncidentEvent.field, IncidentEvent.old_value,
                IncidentEvent.new_value, IncidentEvent.reason, IncidentEvent.at,
                IncidentEvent.operator_id,
            )
            .where(IncidentEvent.incident_id == state.incident_id)
            .order_by(IncidentEvent.id)
        ).all()  # fmt: skip
    # The reason is kept to its column's 300 characters.
    assert [tuple(e) for e in events[-2:]] == [
        ("reassigned", "assigned_team_id", str(desk.team_id), str(desk.other_team_id),
         "x" * 300, at(5), desk.actor.operator_id),
        ("stage", "status", "on_scene", "routed", "x" * 300, at(5), desk.actor.operator_id),
    ]  # fmt: skip
    with desk.database.read() as session:
        incident = session.get(Incident, state.incident_id)
        assert incident is not None
        assert incident.updated_at == at(5)


def test_a_reassignment_still_routed_adds_no_stage_line(desk: Desk) -> None:
    state = call_at(desk, Status.ROUTED)
    reassign(other, soon(3, "injoignable"))(desk, state)
    with desk.database.read() as session:
        kinds = session.scalars(
            select(IncidentEvent.kind)
            .where(IncidentEvent.incident_id == state.incident_id)
            .order_by(IncidentEvent.id)
        ).all()
    assert kinds == ["created", "stage", "assigned", "reassigned"]


def test_each_stage_is_written_with_its_time_operator_and_reason(desk: Desk) -> None:
    state = call_at(desk, Status.NEW)
    routed = route(team, behind(1, timedelta(minutes=10), "  saisie tardive  "))(desk, state)
    assert isinstance(routed, IncidentState)
    assert (routed.assigned_team_id, routed.routed_at, routed.acknowledged_at) == (
        desk.team_id, at(1), None,
    )  # fmt: skip
    acked = advance(Status.ACKNOWLEDGED, soon(2))(desk, routed)
    assert isinstance(acked, IncidentState)
    scene = advance(Status.ON_SCENE, soon(3))(desk, acked)
    assert isinstance(scene, IncidentState)
    assert (scene.acknowledged_at, scene.on_scene_at) == (at(2), at(3))
    closed = close(Outcome.ORIENTED, place, soon(4))(desk, scene)
    assert isinstance(closed, IncidentState)
    assert (closed.status, closed.outcome, closed.closed_at) == (
        Status.CLOSED, Outcome.ORIENTED, at(4),
    )  # fmt: skip
    assert closed.reference == state.reference
    with desk.database.read() as session:
        incident = session.get(Incident, state.incident_id)
        assert incident is not None
        assert (incident.orientation_facility_id, incident.updated_at) == (desk.place_id, at(4))
        events = session.execute(
            select(
                IncidentEvent.kind, IncidentEvent.field, IncidentEvent.old_value,
                IncidentEvent.new_value, IncidentEvent.reason, IncidentEvent.at,
                IncidentEvent.operator_id,
            )
            .where(IncidentEvent.incident_id == state.incident_id)
            .order_by(IncidentEvent.id)
        ).all()  # fmt: skip
    me = desk.actor.operator_id
    assert [tuple(e) for e in events[1:]] == [
        ("stage", "status", "new", "routed", "saisie tardive", at(1), me),
        ("assigned", "assigned_team_id", None, str(desk.team_id), "saisie tardive", at(1), me),
        ("stage", "status", "routed", "acknowledged", None, at(2), me),
        ("stage", "status", "acknowledged", "on_scene", None, at(3), me),
        ("stage", "status", "on_scene", "closed", None, at(4), me),
        ("updated", "orientation_facility_id", None, str(desk.place_id), None, at(4), me),
        ("closed", "outcome", None, "oriented", None, at(4), me),
    ]  # fmt: skip


def test_a_note_at_the_limit_is_kept_stripped_even_once_closed(desk: Desk) -> None:
    state = call_at(desk, Status.CLOSED)
    add_note(
        desk.database, state.incident_id, f"  {'n' * NOTES_LIMIT}  ", actor=desk.actor, now=at(9)
    )
    with desk.database.read() as session:
        note = session.execute(
            select(IncidentEvent.new_value, IncidentEvent.at, IncidentEvent.operator_id).where(
                IncidentEvent.kind == "note"
            )
        ).one()
    assert tuple(note) == ("n" * NOTES_LIMIT, at(9), desk.actor.operator_id)


def test_a_team_on_duty_when_routed_but_not_when_the_call_came_in_needs_no_reason(
    desk: Desk,
) -> None:
    # The day team works 08:00–09:00 Paris (07:00–08:00 UTC): a call at 06:50 UTC is routed
    # to it at 07:05 UTC, as typed then.
    form = CallForm(
        received_at=datetime(2026, 11, 26, 6, 50, tzinfo=UTC),
        sector_id=desk.sector_id,
        category=Category.CARE,
    )
    early = datetime(2026, 11, 26, 7, 5, tzinfo=UTC)
    logged = log_call(desk.database, form, actor=desk.actor, now=early)
    state = route_incident(
        desk.database, logged.incident_id, desk.idle_team_id, version=logged.version,
        action=Action(desk.actor, early, early),
    )  # fmt: skip
    assert state.assigned_team_id == desk.idle_team_id


#: What the operator reads for some refusals: the call, its stage, the team, the limit.
SENTENCES: dict[str, str] = {
    "route an incident already routed": "{reference} is at stage routed: it cannot be routed now.",
    "acknowledge a new incident": "{reference} is at stage new: it cannot be acknowledged now.",
    "on scene before acknowledged": "{reference} is at stage routed: it cannot be on_scene now.",
    "reassign a closed incident": "{reference} is at stage closed: it cannot be reassigned now.",
    "close twice": "{reference} is closed.",
    "reassign to the same team": "Maraude Nord already has this call.",
    "route to a team off duty without a reason": (
        "Équipe de jour is not on duty in this sector: give a short reason."
    ),
    "a note too long": f"A note holds at most {NOTES_LIMIT} characters.",
    # 21:00 UTC is 22:00 in Paris: routed at 22:01, on scene at 22:03.
    "acknowledge before routed": "This time is before the previous stage (22:01).",
    "close before the team was on scene": "This time is before the previous stage (22:03).",
    "reassign before it was routed": "This time is before the previous stage (22:01).",
}


@pytest.mark.parametrize("case", SENTENCES)
def test_a_refusal_names_the_call_the_team_or_the_limit(desk: Desk, case: str) -> None:
    stage, attempt, _ = REFUSED[case]
    state = call_at(desk, stage)
    with pytest.raises(IncidentRefused) as refused:
        attempt(desk, state)
    assert str(refused.value) == SENTENCES[case].format(reference=state.reference)


def test_a_reassignment_counts_from_the_routing_not_from_later_stages(desk: Desk) -> None:
    # The new team may have been called before the first one acknowledged or arrived.
    state = call_at(desk, Status.ON_SCENE)
    after = reassign(other, behind(1.5, timedelta(minutes=5), "injoignable"))(desk, state)
    assert isinstance(after, IncidentState)
    assert after.routed_at == at(1.5)
