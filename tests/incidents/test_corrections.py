"""Corrections in the day log: the timeline keeps old and new values, stages stay in order.

A call of the small desk comes in at 22:00 Paris (21:00 UTC) and goes a minute a stage:
contacted 22:01, acknowledged 22:02, on scene 22:03, closed 22:04.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from operline.actors import ActionRefused, Actor
from operline.codes import Category, OperatorRole, Outcome, Status
from operline.day_sign_off import SignOffRefusal, SignOffRefused, day_status, sign_off_day
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident, IncidentEvent
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind, IncidentChanged, IncidentRefused, Refusal
from operline.incidents.timeline import read_incident
from operline.journal import journal_rows
from tests.actors import COMMAND_LINE, signed_in
from tests.incidents.test_stage_refusals import Desk, at, call_at, small_desk

DAY = date(2026, 11, 25)
#: The next morning, 08:00 Paris: the day is over, the supervisor reviews it.
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=at(0).tzinfo)


@pytest.fixture
def desk(database: Database) -> Desk:
    return small_desk(database)


@pytest.fixture
def supervisor(desk: Desk) -> Actor:
    return signed_in(desk.database, "Claire Roux", OperatorRole.SUPERVISOR)


def _events(desk: Desk, incident_id: int) -> list[tuple[str, str | None, str | None, str | None]]:
    with desk.database.read() as session:
        rows = session.execute(
            select(
                IncidentEvent.kind,
                IncidentEvent.field,
                IncidentEvent.old_value,
                IncidentEvent.new_value,
            )
            .where(IncidentEvent.incident_id == incident_id)
            .order_by(IncidentEvent.id)
        ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _count(database: Database, table: type[IncidentEvent] | type[AuditLog]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def test_a_stage_time_corrected_keeps_the_value_recorded_in_the_timeline(
    desk: Desk, supervisor: Actor
) -> None:
    state = call_at(desk, Status.ACKNOWLEDGED)
    before = _events(desk, state.incident_id)

    corrected = correct_incident(
        desk.database,
        state.incident_id,
        Correction(LogField.ACKNOWLEDGED_AT, at(5), "Heure lue sur la main courante"),
        version=state.version,
        actor=supervisor,
        now=MORNING,
    )

    assert not corrected.after_sign_off
    assert corrected.changes.incidents == {state.incident_id: "corrected"}
    # The stage line recorded at 22:02 stays; one line says what changed, and why.
    assert _events(desk, state.incident_id) == [
        *before,
        ("corrected", "acknowledged_at", "2026-11-25T21:02:00+00:00", "2026-11-25T21:05:00+00:00"),
    ]
    detail = read_incident(desk.database, state.incident_id, actor=supervisor, now=MORNING)
    assert detail.acknowledged_at == at(5)
    last = detail.timeline[-1]
    assert (last.kind, last.operator, last.reason) == (
        EventKind.CORRECTED,
        "Claire Roux",
        "Heure lue sur la main courante",
    )
    row = journal_rows(desk.database, [state.incident_id])[0]
    assert row.corrected["acknowledged_at"].original == "2026-11-25T21:02:00+00:00"
    with desk.database.read() as session:
        audited = session.scalars(
            select(AuditLog.details).where(AuditLog.action == "incident.correct")
        ).all()
    assert audited == [
        "corrected acknowledged_at: 2026-11-25T21:02:00+00:00 -> 2026-11-25T21:05:00+00:00; "
        "reason: Heure lue sur la main courante"
    ]


@pytest.mark.parametrize(
    ("field", "minutes", "refusal"),
    [
        (LogField.ROUTED_AT, 2.5, Refusal.AFTER_NEXT_STAGE),  # after the acknowledgement
        (LogField.ACKNOWLEDGED_AT, 0.5, Refusal.BEFORE_PREVIOUS_STAGE),  # before the contact
        (LogField.RECEIVED_AT, 1.5, Refusal.AFTER_NEXT_STAGE),  # received after the contact
        (LogField.ON_SCENE_AT, 3, Refusal.NO_STAGE_TIME),  # never on scene
        (LogField.ROUTED_AT, 1, Refusal.NOTHING_CHANGED),
    ],
)
def test_stage_times_stay_in_order(
    desk: Desk, supervisor: Actor, field: LogField, minutes: float, refusal: Refusal
) -> None:
    state = call_at(desk, Status.ACKNOWLEDGED)
    lines = _count(desk.database, IncidentEvent)

    with pytest.raises(IncidentRefused) as refused:
        correct_incident(
            desk.database,
            state.incident_id,
            Correction(field, at(minutes), "Erreur de saisie"),
            version=state.version,
            actor=supervisor,
            now=MORNING,
        )

    assert refused.value.code is refusal
    assert _count(desk.database, IncidentEvent) == lines


def test_a_stage_time_is_never_in_the_future(desk: Desk, supervisor: Actor) -> None:
    state = call_at(desk, Status.ACKNOWLEDGED)
    with pytest.raises(IncidentRefused) as refused:
        correct_incident(
            desk.database,
            state.incident_id,
            Correction(LogField.ACKNOWLEDGED_AT, at(30), "Erreur"),
            version=state.version,
            actor=supervisor,
            now=at(10),
        )
    assert refused.value.code is Refusal.IN_FUTURE
    assert str(refused.value) == "A time in the future cannot be recorded."


def test_a_correction_needs_a_reason_and_the_version_read(desk: Desk, supervisor: Actor) -> None:
    state = call_at(desk, Status.ROUTED)
    with pytest.raises(IncidentRefused) as refused:
        correct_incident(
            desk.database,
            state.incident_id,
            Correction(LogField.CATEGORY, Category.CARE.value, "  "),
            version=state.version,
            actor=supervisor,
            now=MORNING,
        )
    assert refused.value.code is Refusal.CORRECTION_NEEDS_REASON
    with pytest.raises(IncidentChanged):
        correct_incident(
            desk.database,
            state.incident_id,
            Correction(LogField.CATEGORY, Category.CARE.value, "Besoin mal noté"),
            version=state.version - 1,
            actor=supervisor,
            now=MORNING,
        )


def test_an_outcome_corrected_to_an_orientation_names_the_place(
    desk: Desk, supervisor: Actor
) -> None:
    state = call_at(desk, Status.CLOSED)
    oriented = Correction(LogField.OUTCOME, Outcome.ORIENTED.value, "Orientée en fait")
    with pytest.raises(IncidentRefused) as refused:
        correct_incident(
            desk.database, state.incident_id, oriented, version=state.version,
            actor=supervisor, now=MORNING,
        )  # fmt: skip
    assert refused.value.code is Refusal.PLACE_NEEDED

    correct_incident(
        desk.database,
        state.incident_id,
        Correction(LogField.OUTCOME, Outcome.ORIENTED.value, "Orientée en fait", desk.place_id),
        version=state.version,
        actor=supervisor,
        now=MORNING,
    )

    assert _events(desk, state.incident_id)[-2:] == [
        ("corrected", "outcome", "taken_in_charge", "oriented"),
        ("corrected", "orientation_facility_id", None, str(desk.place_id)),
    ]
    with desk.database.read() as session:
        incident = session.get_one(Incident, state.incident_id)
        assert (incident.outcome, incident.orientation_facility_id) == ("oriented", desk.place_id)


def test_only_a_supervisor_signed_in_corrects_or_signs_off(desk: Desk) -> None:
    state = call_at(desk, Status.ROUTED)
    correction = Correction(LogField.PERSONS, 2, "Deux personnes")
    for actor, sentence in (
        (desk.actor, "Zoé Martin is signed in as an operator: only a supervisor may correct "
         "the day log."),
        (COMMAND_LINE, "Nobody is signed in at poste-test: a supervisor signs in to correct "
         "or sign off the day log."),
    ):  # fmt: skip
        with pytest.raises(ActionRefused) as refused:
            correct_incident(
                desk.database, state.incident_id, correction, version=state.version,
                actor=actor, now=MORNING,
            )  # fmt: skip
        assert str(refused.value) == sentence
        with pytest.raises(ActionRefused):
            sign_off_day(desk.database, DAY, actor=actor, now=MORNING)
    assert day_status(desk.database, DAY).sign_offs == ()


def test_a_correction_after_the_sign_off_is_flagged_and_the_day_can_be_signed_again(
    desk: Desk, supervisor: Actor
) -> None:
    state = call_at(desk, Status.ACKNOWLEDGED)
    with pytest.raises(SignOffRefused) as early:
        sign_off_day(desk.database, DAY, actor=supervisor, now=at(30))
    assert early.value.code is SignOffRefusal.DAY_NOT_OVER

    signed = sign_off_day(desk.database, DAY, actor=supervisor, now=MORNING)
    assert [s.signed_by for s in signed.sign_offs] == ["Claire Roux"]
    assert signed.changes.signed_days == {DAY}
    assert not signed.corrected_after_sign_off
    with pytest.raises(SignOffRefused) as again:
        sign_off_day(desk.database, DAY, actor=supervisor, now=MORNING + timedelta(minutes=5))
    assert again.value.code is SignOffRefusal.ALREADY_SIGNED

    corrected = correct_incident(
        desk.database,
        state.incident_id,
        Correction(LogField.ACKNOWLEDGED_AT, at(1.5), "Acquittement plus tôt"),
        version=state.version,
        actor=supervisor,
        now=MORNING + timedelta(minutes=10),
    )

    assert corrected.after_sign_off
    assert _events(desk, state.incident_id)[-1][0] == "corrected_after_sign_off"
    status = day_status(desk.database, DAY)
    assert (status.corrected_after_sign_off, status.corrections_since) == (True, 1)
    row = journal_rows(desk.database, [state.incident_id])[0]
    assert row.corrected["acknowledged_at"].after_sign_off

    resigned = sign_off_day(
        desk.database, DAY, actor=supervisor, now=MORNING + timedelta(minutes=20)
    )
    assert [s.signed_at for s in resigned.sign_offs] == [
        MORNING,
        MORNING + timedelta(minutes=20),
    ]
    assert not resigned.corrected_after_sign_off
