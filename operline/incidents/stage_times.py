"""When each stage of a call happened: in order, never ahead of now.

A stage time set at the desk or corrected later keeps the chain received, routed,
acknowledged, on scene, closed in order, and is never in the future.
"""

from __future__ import annotations

from datetime import datetime

from operline.codes import Status
from operline.db.models import Incident
from operline.incidents.events import IncidentRefused, Refusal
from operline.incidents.intake import CLOCK_TOLERANCE
from operline.paris_time import format_paris

#: The column holding each stage's time (the call's reception is ``received_at``).
STAGE_COLUMN = {
    Status.ROUTED: "routed_at",
    Status.ACKNOWLEDGED: "acknowledged_at",
    Status.ON_SCENE: "on_scene_at",
    Status.CLOSED: "closed_at",
}
#: The stages in the order a call goes through them.
STAGE_ORDER = (Status.NEW, Status.ROUTED, Status.ACKNOWLEDGED, Status.ON_SCENE, Status.CLOSED)


def _previous_time(incident: Incident, stage: Status) -> datetime:
    """The time of the latest stage recorded before ``stage``."""
    latest = incident.received_at
    for earlier, column in STAGE_COLUMN.items():
        if earlier is stage:
            break
        value = getattr(incident, column)
        if value is not None:
            latest = max(latest, value)
    return latest


def _next_time(incident: Incident, stage: Status) -> datetime | None:
    """The time of the earliest stage recorded after ``stage``, if any."""
    later = [
        value
        for following, column in STAGE_COLUMN.items()
        if STAGE_ORDER.index(following) > STAGE_ORDER.index(stage)
        and (value := getattr(incident, column)) is not None
    ]
    return min(later, default=None)


def check_stage_time(incident: Incident, stage: Status, at: datetime, now: datetime) -> None:
    """A stage's time is never ahead of now, never before the previous stage's."""
    if at > now + CLOCK_TOLERANCE:
        raise IncidentRefused(Refusal.IN_FUTURE)
    if stage is Status.NEW:
        return  # the call's reception starts the chain
    previous = _previous_time(incident, stage)
    if at < previous:
        raise IncidentRefused(
            Refusal.BEFORE_PREVIOUS_STAGE, previous=format_paris(previous, "%H:%M")
        )


def check_corrected_time(incident: Incident, stage: Status, at: datetime, now: datetime) -> None:
    """A stage time set again: the stages stay in order both ways, none ahead of now.

    ``stage`` NEW is the time the call was received.
    """
    check_stage_time(incident, stage, at, now)
    following = _next_time(incident, stage)
    if following is not None and at > following:
        raise IncidentRefused(Refusal.AFTER_NEXT_STAGE, next=format_paris(following, "%H:%M"))
