"""Undoing the last step of a call: each step taken back, and each refusal, in one table."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from operline.actors import ActionRefused
from operline.codes import OperatorRole, Outcome, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent
from operline.errors import InvalidInput
from operline.incidents.conflicts import ConflictField, IncidentConflict
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind, IncidentChanged
from operline.incidents.stages import (
    Action,
    IncidentState,
    add_note,
    advance_incident,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.incidents.undo import UndoRefusal, UndoRefused, undo_last_stage
from operline.paris_time import to_paris
from operline.settings import DeskSettings, write_setting
from tests.actors import COMMAND_LINE, signed_in
from tests.incidents.test_stage_refusals import Desk, action, at, call_at, new_call, small_desk


@pytest.fixture
def desk(sqlite_database: Database) -> Desk:
    return small_desk(sqlite_database)


#: The undo window of a desk whose supervisor never changed it: five minutes.
UNDO_WINDOW = DeskSettings().undo_window


def _row(desk: Desk, incident_id: int) -> Incident:
    with desk.database.read() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None
        session.expunge(incident)
        return incident


def _fields(incident: Incident) -> tuple[object, ...]:
    return (
        incident.status,
        incident.assigned_team_id,
        incident.routed_at,
        incident.acknowledged_at,
        incident.on_scene_at,
        incident.closed_at,
        incident.outcome,
        incident.orientation_facility_id,
    )


def _undo(desk: Desk, state: IncidentState, minutes: float) -> IncidentState:
    return undo_last_stage(
        desk.database, state.incident_id, version=state.version, actor=desk.actor, now=at(minutes)
    )


Step = Callable[[Desk, IncidentState], IncidentState]


def _route(desk: Desk, state: IncidentState) -> IncidentState:
    return route_incident(
        desk.database, state.incident_id, desk.team_id, version=state.version,
        action=action(desk, 10),
    )  # fmt: skip


def _advance(stage: Status) -> Step:
    def step(desk: Desk, state: IncidentState) -> IncidentState:
        return advance_incident(
            desk.database, state.incident_id, stage, version=state.version,
            action=action(desk, 10),
        )  # fmt: skip

    return step


def _close_oriented(desk: Desk, state: IncidentState) -> IncidentState:
    return close_incident(
        desk.database, state.incident_id, Outcome.ORIENTED, facility_id=desk.place_id,
        version=state.version, action=action(desk, 10),
    )  # fmt: skip


def _reassign(desk: Desk, state: IncidentState) -> IncidentState:
    return reassign_incident(
        desk.database, state.incident_id, desk.other_team_id, version=state.version,
        action=action(desk, 10, reason="Maraude Nord injoignable"),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("start", "step", "field", "undone_value", "back_value"),
    [
        (Status.NEW, _route, "status", "routed", "new"),
        (Status.ROUTED, _advance(Status.ACKNOWLEDGED), "status", "acknowledged", "routed"),
        (Status.ACKNOWLEDGED, _advance(Status.ON_SCENE), "status", "on_scene", "acknowledged"),
        (Status.ON_SCENE, _close_oriented, "status", "closed", "on_scene"),
        (Status.ROUTED, _close_oriented, "status", "closed", "routed"),
        (Status.ROUTED, _reassign, "assigned_team_id", "other", "team"),
        (Status.ON_SCENE, _reassign, "assigned_team_id", "other", "team"),
    ],
    ids=[
        "route",
        "acknowledged",
        "on-scene",
        "close-on-scene",
        "close-routed",
        "reassign-routed",
        "reassign-on-scene",
    ],
)
def test_each_step_undone_puts_the_call_back_as_it_was(
    desk: Desk, start: Status, step: Step, field: str, undone_value: str, back_value: str
) -> None:
    state = call_at(desk, start)
    before = _fields(_row(desk, state.incident_id))
    stepped = step(desk, state)
    assert _fields(_row(desk, state.incident_id)) != before

    undone = _undo(desk, stepped, 12)

    assert _fields(_row(desk, state.incident_id)) == before
    assert undone.status is Status(before[0])
    assert undone.version > stepped.version
    assert state.incident_id in undone.changes.incidents
    with desk.database.read() as session:
        last = session.scalars(
            select(IncidentEvent)
            .where(IncidentEvent.incident_id == state.incident_id)
            .order_by(IncidentEvent.id.desc())
        ).first()
    assert last is not None
    names = {"team": str(desk.team_id), "other": str(desk.other_team_id)}
    assert (last.kind, last.field, last.operator_id, last.at) == (
        EventKind.UNDO.value,
        field,
        desk.actor.operator_id,
        at(12),
    )
    assert (last.old_value, last.new_value) == (
        names.get(undone_value, undone_value),
        names.get(back_value, back_value),
    )


def _refused(desk: Desk, state: IncidentState, minutes: float) -> UndoRefusal:
    with pytest.raises(UndoRefused) as refused:
        _undo(desk, state, minutes)
    assert str(refused.value).startswith(state.reference)
    return refused.value.code


def test_a_new_call_has_nothing_to_undo(desk: Desk) -> None:
    assert _refused(desk, new_call(desk), 1) is UndoRefusal.NOTHING


def test_a_step_is_undone_once_not_the_one_before(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)  # routed at +1, acknowledged at +2
    undone = _undo(desk, acknowledged, 3)
    assert _refused(desk, undone, 3.5) is UndoRefusal.NOTHING
    assert _row(desk, undone.incident_id).status == Status.ROUTED.value


@pytest.mark.parametrize(
    ("after", "refusal"),
    [
        (timedelta(seconds=1), None),
        (UNDO_WINDOW, None),
        (UNDO_WINDOW + timedelta(seconds=1), UndoRefusal.TOO_LATE),
        (timedelta(hours=3), UndoRefusal.TOO_LATE),
    ],
    ids=["at-once", "at-the-window", "a-second-late", "hours-late"],
)
def test_the_window_counts_from_when_the_step_was_recorded(
    desk: Desk, after: timedelta, refusal: UndoRefusal | None
) -> None:
    routed = call_at(desk, Status.ROUTED)
    # Acknowledged 10 minutes ago, typed in now (+20) with the reason it is late.
    acknowledged = advance_incident(
        desk.database, routed.incident_id, Status.ACKNOWLEDGED, version=routed.version,
        action=action(desk, 10, late=10, reason="oubli"),
    )  # fmt: skip
    now = at(20) + after
    if refusal is None:
        undo_last_stage(
            desk.database, routed.incident_id, version=acknowledged.version, actor=desk.actor,
            now=now,
        )  # fmt: skip
        assert _row(desk, routed.incident_id).status == Status.ROUTED.value
    else:
        with pytest.raises(UndoRefused) as refused:
            undo_last_stage(
                desk.database, routed.incident_id, version=acknowledged.version,
                actor=desk.actor, now=now,
            )  # fmt: skip
        assert refused.value.code is refusal
        assert "22:20" in str(refused.value)  # recorded at 21:20 UTC, 22:20 in Paris
        assert _row(desk, routed.incident_id).status == Status.ACKNOWLEDGED.value


@pytest.mark.parametrize(
    ("minutes", "after", "allowed"),
    [(2, 2, True), (2, 2.5, False), (5, 5.5, False), (20, 19, True), (20, 21, False)],
    ids=["2-in", "2-late", "default-late", "20-in", "20-late"],
)
def test_the_window_is_the_one_the_supervisor_set(
    desk: Desk, minutes: int, after: float, allowed: bool
) -> None:
    if minutes != UNDO_WINDOW / timedelta(minutes=1):
        write_setting(
            desk.database, "desk.undo_minutes", str(minutes), actor=COMMAND_LINE, now=at(0)
        )
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)  # recorded at +2
    if allowed:
        assert _undo(desk, acknowledged, 2 + after).status is Status.ROUTED
        return
    with pytest.raises(UndoRefused) as refused:
        _undo(desk, acknowledged, 2 + after)
    assert refused.value.code is UndoRefusal.TOO_LATE
    assert str(refused.value).endswith(f"a step can be undone for {minutes} minutes only.")
    assert _row(desk, acknowledged.incident_id).status == Status.ACKNOWLEDGED.value


def test_a_window_out_of_reason_is_refused_in_one_sentence(desk: Desk) -> None:
    for wrong in ("0", "61", "cinq"):
        with pytest.raises(InvalidInput, match=r"desk\.undo_minutes"):
            write_setting(desk.database, "desk.undo_minutes", wrong, actor=COMMAND_LINE, now=at(0))


#: 23:58 in Paris (22:58 UTC in winter): the step is recorded the day before the undo.
BEFORE_MIDNIGHT = datetime(2026, 11, 25, 22, 58, tzinfo=UTC)


@pytest.mark.parametrize(
    ("minutes_after", "allowed"), [(4, True), (5, True), (6, False)], ids=["4", "5", "6"]
)
def test_the_window_runs_across_midnight_in_paris(
    desk: Desk, minutes_after: int, allowed: bool
) -> None:
    routed = call_at(desk, Status.ROUTED)
    acknowledged = advance_incident(
        desk.database, routed.incident_id, Status.ACKNOWLEDGED, version=routed.version,
        action=Action(desk.actor, BEFORE_MIDNIGHT, BEFORE_MIDNIGHT),
    )  # fmt: skip
    now = BEFORE_MIDNIGHT + timedelta(minutes=minutes_after)
    assert to_paris(now).date() != to_paris(BEFORE_MIDNIGHT).date()
    if allowed:
        undone = undo_last_stage(
            desk.database, routed.incident_id, version=acknowledged.version, actor=desk.actor,
            now=now,
        )  # fmt: skip
        assert undone.status is Status.ROUTED
        assert undone.acknowledged_at is None
    else:
        with pytest.raises(UndoRefused) as refused:
            undo_last_stage(
                desk.database, routed.incident_id, version=acknowledged.version,
                actor=desk.actor, now=now,
            )  # fmt: skip
        assert refused.value.code is UndoRefusal.TOO_LATE
        assert "23:58" in str(refused.value)


def test_only_who_recorded_the_step_may_undo_it(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)
    colleague = signed_in(desk.database, "Karim Haddad", OperatorRole.SUPERVISOR)
    with pytest.raises(UndoRefused) as refused:
        undo_last_stage(
            desk.database, acknowledged.incident_id, version=acknowledged.version,
            actor=colleague, now=at(3),
        )  # fmt: skip
    assert refused.value.code is UndoRefusal.NOT_YOURS
    assert desk.actor.name in str(refused.value)


def test_a_call_changed_meanwhile_is_not_undone(desk: Desk) -> None:
    routed = call_at(desk, Status.ROUTED)
    acknowledged = advance_incident(
        desk.database, routed.incident_id, Status.ACKNOWLEDGED, version=routed.version,
        action=action(desk, 2),
    )  # fmt: skip
    with pytest.raises(IncidentChanged):
        _undo(desk, routed, 3)  # the version seen before the acknowledgement
    assert _row(desk, routed.incident_id).version == acknowledged.version


def test_an_undo_refused_for_a_conflict_shows_what_it_would_have_put_back(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)  # acknowledged at +2 by this desk
    colleague = signed_in(desk.database, "Karim Haddad", OperatorRole.OPERATOR)
    on_scene = advance_incident(
        desk.database, acknowledged.incident_id, Status.ON_SCENE, version=acknowledged.version,
        action=Action(colleague, at(2.5), at(2.5)),
    )  # fmt: skip

    with pytest.raises(IncidentConflict) as refused:
        _undo(desk, acknowledged, 3)  # this desk still shows the call acknowledged

    conflict = refused.value.conflict
    assert (conflict.version, conflict.changed_by) == (on_scene.version, "Karim Haddad")
    # What taking back this desk's acknowledgement would have left, beside the call now.
    assert conflict.fields == (
        ConflictField("status", "on_scene", "routed"),
        ConflictField("acknowledged_at", at(2).isoformat(), None),
    )
    row = _row(desk, acknowledged.incident_id)
    assert (row.status, row.version) == (Status.ON_SCENE.value, on_scene.version)
    with desk.database.read() as session:
        lines = session.scalars(
            select(IncidentEvent).where(
                IncidentEvent.incident_id == acknowledged.incident_id,
                IncidentEvent.kind == EventKind.CONFLICT.value,
            )
        ).all()
        assert {(line.operator_id, line.field, line.new_value) for line in lines} == {
            (desk.actor.operator_id, "status", "routed"),
            (desk.actor.operator_id, "acknowledged_at", None),
        }


def test_an_undo_refused_after_a_correction_names_the_step_it_would_have_taken_back(
    desk: Desk,
) -> None:
    routed = call_at(desk, Status.ROUTED)
    supervisor = signed_in(desk.database, "Karim Haddad", OperatorRole.SUPERVISOR)
    corrected = correct_incident(
        desk.database, routed.incident_id,
        Correction(LogField.ROUTED_AT, at(0.5), "Heure lue sur le journal radio"),
        version=routed.version, actor=supervisor, now=at(2),
    )  # fmt: skip

    with pytest.raises(IncidentConflict) as refused:
        _undo(desk, routed, 3)

    assert refused.value.conflict.fields == (
        ConflictField("status", "routed", "new"),
        ConflictField("routed_at", at(0.5).isoformat(), None),
        ConflictField("assigned_team_id", "Maraude Nord", None),
    )
    assert _row(desk, routed.incident_id).routed_at == at(0.5)  # the correction stands
    assert corrected.reference == routed.reference


def test_nobody_signed_in_undoes_nothing(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)
    with pytest.raises(ActionRefused):
        undo_last_stage(
            desk.database, acknowledged.incident_id, version=acknowledged.version,
            actor=COMMAND_LINE, now=at(3),
        )  # fmt: skip


def test_a_note_after_the_step_leaves_it_undoable(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)
    add_note(desk.database, acknowledged.incident_id, "Rappel", actor=desk.actor, now=at(2.5))
    undone = _undo(desk, acknowledged, 3)
    assert undone.status is Status.ROUTED


def test_an_undo_after_an_undone_step_restores_the_times_of_the_steps_still_standing(
    desk: Desk,
) -> None:
    # Routed at +1, acknowledged at +2 by mistake and undone, then handed over at +10:
    # undoing the handover gives back the routing at +1 and no acknowledgement.
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)
    routed = _undo(desk, acknowledged, 3)
    reassigned = _reassign(desk, routed)
    back = _undo(desk, reassigned, 11)
    row = _row(desk, back.incident_id)
    assert (row.status, row.assigned_team_id, row.routed_at, row.acknowledged_at) == (
        Status.ROUTED.value,
        desk.team_id,
        at(1),
        None,
    )


def test_an_undo_after_a_correction_keeps_what_the_supervisor_corrected(desk: Desk) -> None:
    acknowledged = call_at(desk, Status.ACKNOWLEDGED)  # routed at +1, acknowledged at +2
    supervisor = signed_in(desk.database, "Karim Haddad", OperatorRole.SUPERVISOR)
    corrected = correct_incident(
        desk.database, acknowledged.incident_id,
        Correction(LogField.ROUTED_AT, at(0.5), "Heure lue sur le journal radio"),
        version=acknowledged.version, actor=supervisor, now=at(2.5),
    )  # fmt: skip
    assert corrected.version > acknowledged.version

    undone = undo_last_stage(
        desk.database, acknowledged.incident_id, version=corrected.version,
        actor=desk.actor, now=at(3),
    )  # fmt: skip

    row = _row(desk, undone.incident_id)
    assert (row.status, row.acknowledged_at) == (Status.ROUTED.value, None)
    assert row.routed_at == at(0.5)  # as corrected, not as first recorded
    assert row.assigned_team_id == desk.team_id


def test_an_undo_of_a_route_after_a_correction_of_its_time_takes_the_route_back(
    desk: Desk,
) -> None:
    routed = call_at(desk, Status.ROUTED)
    supervisor = signed_in(desk.database, "Karim Haddad", OperatorRole.SUPERVISOR)
    corrected = correct_incident(
        desk.database, routed.incident_id,
        Correction(LogField.ROUTED_AT, at(0.5), "Heure lue sur le journal radio"),
        version=routed.version, actor=supervisor, now=at(2),
    )  # fmt: skip

    undo_last_stage(
        desk.database, routed.incident_id, version=corrected.version,
        actor=desk.actor, now=at(3),
    )  # fmt: skip

    row = _row(desk, routed.incident_id)
    assert (row.status, row.routed_at, row.assigned_team_id) == (Status.NEW.value, None, None)
