"""A call whose free text holds a distinctive word everywhere the desk copies text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from operline.actors import Actor
from operline.codes import Category, OperatorRole, Outcome
from operline.db.models import Incident
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.intake import CallForm, link_call, log_call
from operline.incidents.stages import Action, add_note, close_incident, route_incident
from tests.actors import signed_in
from tests.incidents.test_stage_refusals import RECEIVED, Desk, at

#: A word no desk would type otherwise, to look for in every byte afterwards.
WORD = "Zorglubine"


@dataclass(frozen=True)
class WordyCall:
    incident_id: int
    reference: str
    supervisor: Actor


def wordy_call(desk: Desk, *, word: str = WORD) -> WordyCall:
    """A call logged with the word in its notes, a call linked to it with the word in its
    notes, a note added, closed, then its place corrected to the word and back."""
    form = CallForm(
        received_at=RECEIVED,
        sector_id=desk.sector_id,
        category=Category.DISTRESS,
        caller_service="BAC 19",
        callback_number="01 99 00 12 34",
        location="Quai de Valmy",
        notes=f"Homme au sol, connu sous le nom de {word}",
    )
    logged = log_call(desk.database, form, actor=desk.actor, now=RECEIVED)
    linked = CallForm(
        received_at=at(1),
        sector_id=desk.sector_id,
        category=Category.DISTRESS,
        caller_service="BAC 19",
        notes=f"Rappel: {word} toujours là",
    )
    link_call(desk.database, logged.incident_id, linked, actor=desk.actor, now=at(1))
    add_note(
        desk.database, logged.incident_id, f"La maraude connaît {word}", actor=desk.actor, now=at(2)
    )
    routed = route_incident(
        desk.database, logged.incident_id, desk.team_id, version=_version(desk, logged.incident_id),
        action=Action(desk.actor, at(3), at(3)),
    )  # fmt: skip
    closed = close_incident(
        desk.database, logged.incident_id, Outcome.TAKEN_IN_CHARGE, facility_id=None,
        version=routed.version, action=Action(desk.actor, at(10), at(10)),
    )  # fmt: skip
    supervisor = signed_in(desk.database, "Claire Roux", OperatorRole.SUPERVISOR)
    # A correction by mistake, corrected back: the word is in both lines' values.
    wrong = correct_incident(
        desk.database,
        logged.incident_id,
        Correction(LogField.LOCATION, f"Passage {word}", "lieu mal noté"),
        version=closed.version,
        actor=supervisor,
        now=at(60),
    )
    correct_incident(
        desk.database,
        logged.incident_id,
        Correction(LogField.LOCATION, "Quai de Valmy", "erreur de correction"),
        version=wrong.version,
        actor=supervisor,
        now=at(61),
    )
    return WordyCall(logged.incident_id, logged.reference, supervisor)


def _version(desk: Desk, incident_id: int) -> int:
    with desk.database.read() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None
        return incident.version


#: Past the 90 days after the call was closed.
PAST_NOTES = RECEIVED + timedelta(days=91)
#: Past the two years after the call was received.
PAST_ANONYMISATION = RECEIVED + timedelta(days=2 * 366)
