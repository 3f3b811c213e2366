"""What demo calls look like: when they come, from where, what they need, how they end.

Weights and short texts only; ``operline.demo.incidents`` draws from them. Locations and
notes describe public places and situations, never who a person is.
"""

from __future__ import annotations

from collections.abc import Mapping

from operline import reference_data as ref
from operline.codes import Category, Outcome, Status

# Calls per Paris hour of the day: few in the morning, most in the evening and at night.
HOUR_WEIGHTS: tuple[int, ...] = (
    *(10, 9, 8, 7, 5, 4, 3, 3, 3, 4, 4, 5),  # 00:00 – 11:59
    *(5, 6, 6, 6, 7, 7, 8, 9, 11, 12, 12, 11),  # 12:00 – 23:59
)
# Monday first; the end of the week is busier.
WEEKDAY_WEIGHTS: tuple[int, ...] = (13, 13, 14, 14, 16, 17, 14)

SECTOR_WEIGHTS: Mapping[str, int] = {
    ref.STALINGRAD: 30,
    ref.EOLE: 16,
    ref.PORTE_DE_LA_CHAPELLE: 28,
    ref.ROSA_PARKS: 12,
    ref.QUAIS_OURCQ: 10,
    ref.HORS_SECTEUR: 4,
}

DAY_CATEGORIES: Mapping[Category, int] = {
    Category.DISTRESS: 22,
    Category.SHELTER: 18,
    Category.MEDIATION: 22,
    Category.WOMAN: 8,
    Category.MINOR: 3,
    Category.CARE: 17,
    Category.OTHER: 10,
}
# At night crews mostly find people with nowhere to sleep, fewer occupations to mediate.
NIGHT_CATEGORIES: Mapping[Category, int] = {
    **DAY_CATEGORIES,
    Category.SHELTER: 34,
    Category.MEDIATION: 12,
}

URGENT_SHARE: Mapping[Category, float] = {
    Category.DISTRESS: 0.6,
    Category.SHELTER: 0.1,
    Category.MEDIATION: 0.08,
    Category.WOMAN: 0.35,
    Category.MINOR: 0.5,
    Category.CARE: 0.35,
    Category.OTHER: 0.1,
}

OUTCOME_ORDER: tuple[Outcome, ...] = (
    Outcome.TAKEN_IN_CHARGE,
    Outcome.ORIENTED,
    Outcome.REFUSED,
    Outcome.NOT_FOUND,
    Outcome.CANCELLED,
    Outcome.NO_FOLLOW_UP,
)
# Weights in OUTCOME_ORDER. A presumed minor is handed to child protection by the team,
# never oriented to a place for adults.
OUTCOMES: Mapping[Category, tuple[int, ...]] = {
    Category.DISTRESS: (40, 20, 12, 12, 8, 8),
    Category.SHELTER: (15, 45, 15, 10, 8, 7),
    Category.MEDIATION: (35, 10, 20, 15, 10, 10),
    Category.WOMAN: (25, 45, 12, 8, 5, 5),
    Category.MINOR: (60, 0, 10, 15, 8, 7),
    Category.CARE: (35, 30, 12, 10, 7, 6),
    Category.OTHER: (30, 15, 15, 15, 12, 13),
}

# Where an oriented person goes, by need and by whether the place is open (day / night).
PLACES: Mapping[tuple[Category, bool], Mapping[str, int]] = {
    (Category.WOMAN, False): {ref.HEBERGEMENT_FEMMES: 1},
    (Category.WOMAN, True): {ref.HEBERGEMENT_FEMMES: 1},
    (Category.SHELTER, False): {ref.ASSORE: 40, ref.ESPACE_DE_REPOS: 40, ref.ACCUEIL_DE_JOUR: 20},
    (Category.SHELTER, True): {ref.ESPACE_DE_REPOS: 45, ref.HALTE_DE_NUIT: 40, ref.ASSORE: 15},
    (Category.CARE, False): {
        ref.D2O: 35,
        ref.ACCUEIL_DE_JOUR: 35,
        ref.ESPACE_DE_REPOS: 20,
        ref.CURE_HORS_IDF: 10,
    },
    (Category.CARE, True): {ref.D2O: 50, ref.ESPACE_DE_REPOS: 50},
    (Category.DISTRESS, False): {ref.ESPACE_DE_REPOS: 50, ref.D2O: 40, ref.ACCUEIL_DE_JOUR: 10},
    (Category.DISTRESS, True): {ref.ESPACE_DE_REPOS: 60, ref.D2O: 40},
    (Category.MEDIATION, False): {ref.ESPACE_DE_REPOS: 60, ref.ACCUEIL_DE_JOUR: 40},
    (Category.MEDIATION, True): {ref.ESPACE_DE_REPOS: 70, ref.HALTE_DE_NUIT: 30},
    (Category.OTHER, False): {ref.ESPACE_DE_REPOS: 50, ref.ACCUEIL_DE_JOUR: 50},
    (Category.OTHER, True): {ref.ESPACE_DE_REPOS: 70, ref.HALTE_DE_NUIT: 30},
}

# Which kind of team the desk prefers to call for a need, when several are on duty.
PREFERRED_KINDS: Mapping[Category, tuple[str, ...]] = {
    Category.DISTRESS: (ref.MARAUDE_SANITAIRE, ref.MARAUDE),
    Category.CARE: (ref.MARAUDE_SANITAIRE, ref.MARAUDE),
    Category.MEDIATION: (ref.MEDIATION, ref.UASA),
    Category.SHELTER: (ref.MARAUDE,),
    Category.WOMAN: (ref.MARAUDE,),
    Category.MINOR: (ref.MARAUDE,),
    Category.OTHER: (ref.MARAUDE, ref.MEDIATION),
}

CALLERS_BY_SECTOR: Mapping[str, Mapping[str, int]] = {
    ref.STALINGRAD: {
        ref.COMMISSARIAT_19: 4,
        ref.COMMISSARIAT_10: 2,
        ref.BAC_19: 3,
        ref.POLICE_MUNICIPALE: 3,
        ref.BAC_NUIT: 1,
    },
    ref.EOLE: {
        ref.COMMISSARIAT_18: 3,
        ref.COMMISSARIAT_19: 2,
        ref.BAC_18: 3,
        ref.POLICE_MUNICIPALE: 3,
    },
    ref.PORTE_DE_LA_CHAPELLE: {
        ref.COMMISSARIAT_18: 4,
        ref.BAC_18: 4,
        ref.POLICE_MUNICIPALE: 2,
        ref.BAC_NUIT: 1,
    },
    ref.ROSA_PARKS: {
        ref.COMMISSARIAT_19: 3,
        ref.COMMISSARIAT_18: 1,
        ref.BAC_19: 2,
        ref.POLICE_MUNICIPALE: 2,
        ref.BRIGADE_RESEAUX: 1,
    },
    ref.QUAIS_OURCQ: {
        ref.COMMISSARIAT_19: 3,
        ref.BRIGADE_FLUVIALE: 3,
        ref.POLICE_MUNICIPALE: 2,
        ref.BAC_19: 1,
    },
    ref.HORS_SECTEUR: {
        ref.COMMISSARIAT_10: 2,
        ref.COMMISSARIAT_18: 2,
        ref.COMMISSARIAT_19: 1,
        ref.BRIGADE_RESEAUX: 2,
        ref.POLICE_MUNICIPALE: 2,
        ref.BAC_NUIT: 1,
    },
}

# Short, factual, about the situation; never who the person is.
NOTES: Mapping[Category, tuple[str, ...]] = {
    Category.DISTRESS: (
        "Personne allongée au sol, consciente",
        "Malaise signalé par des passants",
        "Personne très agitée, l'équipage reste à distance",
        "Répond peu aux questions",
        "Équipage sur place en attendant l'équipe",
    ),
    Category.SHELTER: (
        "Demande une mise à l'abri pour la nuit",
        "Sans solution d'hébergement ce soir",
        "Dort sur place depuis plusieurs nuits",
        "Demande où dormir, accepte une orientation",
    ),
    Category.MEDIATION: (
        "Groupe installé sous l'auvent",
        "Occupation d'un hall d'immeuble, plainte de riverains",
        "Tentes installées sur le trottoir",
        "Regroupement près de la sortie du métro",
        "Tension avec des commerçants",
    ),
    Category.WOMAN: (
        "Femme seule, dit être enceinte",
        "Femme seule la nuit, demande un lieu sûr",
        "Femme avec un bébé",
    ),
    Category.MINOR: (
        "Paraît très jeune",
        "Dit avoir moins de 18 ans",
    ),
    Category.CARE: (
        "Plaie à la jambe, pansement à refaire",
        "Demande un traitement",
        "Pieds abîmés, ne peut plus marcher longtemps",
        "Tousse beaucoup",
    ),
    Category.OTHER: (
        "Demande à parler à une équipe",
        "Seringues abandonnées signalées",
        "Déjà signalé plus tôt dans la journée",
    ),
}
NOTES_SHARE = 0.65
NO_CALLBACK_SHARE = 0.04

# Stage delays in minutes: (low, high, most likely), urgent calls first.
DELAYS: Mapping[tuple[Status, bool], tuple[float, float, float]] = {
    (Status.NEW, True): (0.3, 2.0, 0.8),
    (Status.NEW, False): (0.5, 4.0, 1.5),
    (Status.ROUTED, True): (1.0, 8.0, 2.0),
    (Status.ROUTED, False): (2.0, 30.0, 6.0),
    (Status.ACKNOWLEDGED, True): (1.0, 10.0, 2.0),
    (Status.ACKNOWLEDGED, False): (2.0, 40.0, 8.0),
    (Status.ON_SCENE, True): (5.0, 35.0, 12.0),
    (Status.ON_SCENE, False): (10.0, 120.0, 35.0),
    (Status.CLOSED, True): (10.0, 150.0, 40.0),
    (Status.CLOSED, False): (10.0, 150.0, 40.0),
}
# Closing without a visit: the crew calls back to cancel, or the team says it cannot go.
CLOSE_WITHOUT_VISIT = (5.0, 90.0, 20.0)

# How far an incident got before it was closed, for outcomes that may stop early.
LAST_STAGE: Mapping[Outcome, Mapping[Status, int]] = {
    Outcome.TAKEN_IN_CHARGE: {Status.ON_SCENE: 1},
    Outcome.ORIENTED: {Status.ON_SCENE: 1},
    Outcome.REFUSED: {Status.ON_SCENE: 85, Status.ACKNOWLEDGED: 15},
    Outcome.NOT_FOUND: {Status.ON_SCENE: 70, Status.ACKNOWLEDGED: 30},
    Outcome.CANCELLED: {Status.NEW: 20, Status.ROUTED: 50, Status.ACKNOWLEDGED: 30},
    Outcome.NO_FOLLOW_UP: {Status.ROUTED: 40, Status.ACKNOWLEDGED: 60},
}
OPEN_STAGES: Mapping[Status, int] = {
    Status.NEW: 1,
    Status.ROUTED: 2,
    Status.ACKNOWLEDGED: 2,
    Status.ON_SCENE: 2,
}
