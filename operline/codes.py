"""Reference codes of an incident: stable codes stored in the database, French labels.

The codes never change once data exists; the labels are what the desk and the GPO read.
The GUI shows them through Qt translation (see ``operline.ui.labels``), whose French
entries must match the labels below.
"""

from __future__ import annotations

from enum import StrEnum


class Priority(StrEnum):
    URGENT = "urgent"
    NORMAL = "normal"

    @property
    def label_fr(self) -> str:
        return _PRIORITY_FR[self]


class Category(StrEnum):
    DISTRESS = "distress"
    SHELTER = "shelter"
    MEDIATION = "mediation"
    WOMAN = "woman"
    MINOR = "minor"
    CARE = "care"
    OTHER = "other"

    @property
    def label_fr(self) -> str:
        return _CATEGORY_FR[self]


class Status(StrEnum):
    NEW = "new"
    ROUTED = "routed"
    ACKNOWLEDGED = "acknowledged"
    ON_SCENE = "on_scene"
    CLOSED = "closed"

    @property
    def label_fr(self) -> str:
        return _STATUS_FR[self]

    @property
    def is_open(self) -> bool:
        return self is not Status.CLOSED


class Outcome(StrEnum):
    TAKEN_IN_CHARGE = "taken_in_charge"
    ORIENTED = "oriented"
    REFUSED = "refused"
    NOT_FOUND = "not_found"
    CANCELLED = "cancelled"
    NO_FOLLOW_UP = "no_follow_up"

    @property
    def label_fr(self) -> str:
        return _OUTCOME_FR[self]


class OperatorRole(StrEnum):
    """Who a person is at the desk; each role holds the rights of the one before it."""

    OPERATOR = "operator"
    SUPERVISOR = "supervisor"
    #: People, roles and settings: the one who runs the desk's accounts.
    ADMINISTRATOR = "administrator"


_PRIORITY_FR = {Priority.URGENT: "Urgent", Priority.NORMAL: "Normal"}

_CATEGORY_FR = {
    Category.DISTRESS: "Personne en détresse / malaise",
    Category.SHELTER: "Demande d'orientation / mise à l'abri",
    Category.MEDIATION: "Médiation (occupation de l'espace public)",
    Category.WOMAN: "Femme / femme enceinte",
    Category.MINOR: "Mineur présumé",
    Category.CARE: "Besoin de soins",
    Category.OTHER: "Autre",
}

_STATUS_FR = {
    Status.NEW: "Reçu",
    Status.ROUTED: "Équipe contactée",
    Status.ACKNOWLEDGED: "Pris en compte",
    Status.ON_SCENE: "Sur place",
    Status.CLOSED: "Clos",
}

_OUTCOME_FR = {
    Outcome.TAKEN_IN_CHARGE: "Prise en charge par l'équipe",
    Outcome.ORIENTED: "Orientation vers une structure",
    Outcome.REFUSED: "Refus de la personne",
    Outcome.NOT_FOUND: "Personne non trouvée",
    Outcome.CANCELLED: "Annulé par l'équipage",
    Outcome.NO_FOLLOW_UP: "Sans suite",
}

#: The stages an incident passes through, in order.
STAGES: tuple[Status, ...] = tuple(Status)
