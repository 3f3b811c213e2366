"""What a write changed, so each screen redraws only what it touches.

Every write service returns, beside its result, a ``Changes`` value: the incidents it
touched (by id, with the kind of change), whether the roster, the places, the settings
or the operators changed, the Paris days that gained a shift handover and the days whose
log was signed off. The window puts it on one change bus; another desk's change, heard
from the database later, will be one more source of the same values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType


class IncidentChange(StrEnum):
    """How an incident changed; the board and the journal redraw it either way."""

    LOGGED = "logged"
    LINKED = "linked"
    STAGE = "stage"
    TEAM = "team"
    NOTE = "note"
    #: A supervisor corrected a field or a stage time in the day log.
    CORRECTED = "corrected"


@dataclass(frozen=True)
class Changes:
    """The parts of the desk's data a write changed."""

    incidents: Mapping[int, IncidentChange] = field(default_factory=lambda: MappingProxyType({}))
    roster: bool = False
    places: bool = False
    settings: bool = False
    operators: bool = False
    #: Paris days whose shift handovers changed (a day log shows them).
    handover_days: frozenset[date] = frozenset()
    #: Paris days whose day log was signed off.
    signed_days: frozenset[date] = frozenset()

    @classmethod
    def of_incident(cls, incident_id: int, kind: IncidentChange) -> Changes:
        return cls(incidents=MappingProxyType({incident_id: kind}))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            incidents=MappingProxyType({**self.incidents, **other.incidents}),
            roster=self.roster or other.roster,
            places=self.places or other.places,
            settings=self.settings or other.settings,
            operators=self.operators or other.operators,
            handover_days=self.handover_days | other.handover_days,
            signed_days=self.signed_days | other.signed_days,
        )

    def __bool__(self) -> bool:
        return (
            bool(self.incidents)
            or self.roster
            or self.places
            or self.settings
            or self.operators
            or bool(self.handover_days)
            or bool(self.signed_days)
        )
