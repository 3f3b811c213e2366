"""The Paris reference data of the line: sectors, teams, places, the weekly roster, the desk.

Plain typed constants, loaded by the demo filler and reusable wherever a fresh database
needs the north-east Paris setting. Every phone number comes from the ranges the French
regulator (ARCEP) keeps out of service for works of fiction, 01 99 00 xx xx, so no
real line can ever be dialled from demo data. (The mobile range 06 39 98 is kept for
fiction too, but the phone-number library rightly calls it unallocated, so an operator
could not type it back.)
Nothing here names or describes a person the desk helps.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from types import MappingProxyType

from operline.codes import OperatorRole

#: E.164 prefix of the numbers reserved for fiction: 01 99 00 xx xx.
FICTION_PHONE_PREFIXES: tuple[str, ...] = ("+3319900",)

STALINGRAD = "Stalingrad"
EOLE = "Éole"
PORTE_DE_LA_CHAPELLE = "Porte de la Chapelle"
ROSA_PARKS = "Rosa Parks"
QUAIS_OURCQ = "Quais du canal de l'Ourcq"
HORS_SECTEUR = "Hors secteur"

NAMED_SECTORS: tuple[str, ...] = (STALINGRAD, EOLE, PORTE_DE_LA_CHAPELLE, ROSA_PARKS, QUAIS_OURCQ)

EVERY_DAY: frozenset[int] = frozenset(range(7))
MONDAY_TO_FRIDAY: frozenset[int] = frozenset(range(5))
MONDAY_TO_SATURDAY: frozenset[int] = frozenset(range(6))
SUNDAY: frozenset[int] = frozenset({6})


@dataclass(frozen=True)
class SectorSpec:
    """A sector, where it sorts in lists, and the named sectors that border it."""

    name: str
    sort_order: int
    neighbours: tuple[str, ...]


@dataclass(frozen=True)
class TeamSpec:
    """A team the desk routes to; ``kind`` says what it brings (maraude, médiation…)."""

    name: str
    organisation: str
    phone: str
    kind: str


@dataclass(frozen=True)
class FacilitySpec:
    """A place people can be oriented to, with its number of places when it has one."""

    name: str
    kind: str
    address: str
    phone: str
    capacity: int | None
    opening_hours: str
    active: bool = True


@dataclass(frozen=True)
class ShiftSpec:
    """A weekly shift of a team in Paris wall-clock time; ``sectors`` None means all.

    ``weekdays`` counts from 0 = Monday. An end at or before the start crosses midnight.
    """

    team: str
    tier: int
    weekdays: frozenset[int]
    start: time
    end: time
    sectors: tuple[str, ...] | None

    @property
    def days_mask(self) -> int:
        """The weekdays as the database stores them: Monday = 1 … Sunday = 64."""
        return sum(1 << day for day in self.weekdays)


@dataclass(frozen=True)
class OperatorSpec:
    """Someone working at the desk."""

    name: str
    role: OperatorRole


# Neighbours follow the streets: Stalingrad opens on the bassin de la Villette and the
# canal, Éole sits up the rue d'Aubervilliers towards Rosa Parks, and the boulevards des
# Maréchaux link Rosa Parks to Porte de la Chapelle. "Hors secteur" borders nothing.
SECTORS: tuple[SectorSpec, ...] = (
    SectorSpec(STALINGRAD, 10, (EOLE, QUAIS_OURCQ)),
    SectorSpec(EOLE, 20, (STALINGRAD, PORTE_DE_LA_CHAPELLE, ROSA_PARKS)),
    SectorSpec(PORTE_DE_LA_CHAPELLE, 30, (EOLE, ROSA_PARKS)),
    SectorSpec(ROSA_PARKS, 40, (EOLE, PORTE_DE_LA_CHAPELLE, QUAIS_OURCQ)),
    SectorSpec(QUAIS_OURCQ, 50, (STALINGRAD, ROSA_PARKS)),
    SectorSpec(HORS_SECTEUR, 90, ()),
)

MARAUDE = "maraude"
MARAUDE_SANITAIRE = "maraude sanitaire"
MEDIATION = "médiation"
UASA = "uasa"
HOSPITAL_LIAISON = "liaison hospitalière"

MARAUDE_STALINGRAD = "Maraude médico-sociale Stalingrad – Ourcq"
MARAUDE_CHAPELLE = "Maraude médico-sociale Chapelle – Rosa Parks"
MARAUDE_NUIT = "Maraude de nuit Nord-Est"
MARAUDE_SANITAIRE_NE = "Maraude sanitaire Nord-Est"
MEDIATION_STALINGRAD = "Médiation de rue Stalingrad – Ourcq"
MEDIATION_CHAPELLE = "Médiation de rue Chapelle – Éole"
UASA_1 = "UASA binôme 1"
UASA_2 = "UASA binôme 2"
UASA_3 = "UASA binôme 3"
ELA = "ELA – Équipe de liaison d'addictologie"
FLUID_CRACK = "Fluid-Crack"

_ASSOCIATION_RDR = "Association de réduction des risques (CAARUD)"
_ASSOCIATION_SOINS = "Association de soins de rue"
_ASSOCIATION_MEDIATION = "Association de médiation sociale"
_POLICE_MUNICIPALE = "Police municipale de Paris – UASA"

TEAMS: tuple[TeamSpec, ...] = (
    TeamSpec(MARAUDE_STALINGRAD, _ASSOCIATION_RDR, "+33199005101", MARAUDE),
    TeamSpec(MARAUDE_CHAPELLE, _ASSOCIATION_RDR, "+33199005102", MARAUDE),
    TeamSpec(MARAUDE_NUIT, _ASSOCIATION_RDR, "+33199005103", MARAUDE),
    TeamSpec(MARAUDE_SANITAIRE_NE, _ASSOCIATION_SOINS, "+33199005111", MARAUDE_SANITAIRE),
    TeamSpec(MEDIATION_STALINGRAD, _ASSOCIATION_MEDIATION, "+33199005121", MEDIATION),
    TeamSpec(MEDIATION_CHAPELLE, _ASSOCIATION_MEDIATION, "+33199005122", MEDIATION),
    TeamSpec(UASA_1, _POLICE_MUNICIPALE, "+33199005131", UASA),
    TeamSpec(UASA_2, _POLICE_MUNICIPALE, "+33199005132", UASA),
    TeamSpec(UASA_3, _POLICE_MUNICIPALE, "+33199005133", UASA),
    TeamSpec(ELA, "GHU Paris psychiatrie & neurosciences", "+33199000141", HOSPITAL_LIAISON),
    TeamSpec(FLUID_CRACK, "AP-HP", "+33199000142", HOSPITAL_LIAISON),
)

ESPACE_DE_REPOS = "Espace de repos Porte de la Chapelle"
HALTE_DE_NUIT = "Halte de nuit"
HEBERGEMENT_FEMMES = "Hébergement et prise en charge de femmes"
ACCUEIL_DE_JOUR = "Accueil de jour médicalisé"
ASSORE = "ASSORE"
D2O = "D2O – Unité d'observation et d'orientation (Sainte-Anne)"
CURE_HORS_IDF = "Cure et post-cure hors Île-de-France"
CTR = "CTR – Centre thérapeutique résidentiel"

FACILITIES: tuple[FacilitySpec, ...] = (
    FacilitySpec(
        ESPACE_DE_REPOS,
        "espace de repos",
        "Porte de la Chapelle, Paris 18e",
        "+33199000201",
        14,
        "7 j/7, horaires élargis le soir et la nuit ; 14 places de nuit",
    ),
    FacilitySpec(
        HALTE_DE_NUIT,
        "halte de nuit",
        "Paris 19e",
        "+33199000202",
        25,
        "Tous les soirs, 20 h – 8 h ; hommes",
    ),
    FacilitySpec(
        HEBERGEMENT_FEMMES,
        "hébergement",
        "Paris 18e",
        "+33199000203",
        20,
        "24 h/24, 7 j/7 ; femmes, dont femmes enceintes",
    ),
    FacilitySpec(
        ACCUEIL_DE_JOUR,
        "accueil de jour",
        "Paris 19e",
        "+33199000204",
        30,
        "Du lundi au vendredi, 9 h – 17 h ; suivi de type communauté thérapeutique",
    ),
    FacilitySpec(
        ASSORE,
        "hébergement",
        "Paris et Île-de-France",
        "+33199000205",
        610,
        "Admissions du lundi au vendredi, 9 h – 17 h",
    ),
    FacilitySpec(
        D2O,
        "soins",
        "GHU Paris, site Sainte-Anne, Paris 14e",
        "+33199000206",
        None,
        "Admissions sur orientation, 24 h/24",
    ),
    FacilitySpec(
        CURE_HORS_IDF,
        "soins résidentiels",
        "Établissements hors Île-de-France",
        "+33199000207",
        None,
        "Sur dossier, du lundi au vendredi",
    ),
    # Planned, not open yet: listed so the desk knows of it, never offered as a place.
    FacilitySpec(
        CTR,
        "soins résidentiels",
        "À venir",
        "+33199000208",
        None,
        "En projet ; attention aux femmes enceintes et mères de nouveau-nés",
        active=False,
    ),
)

_DAY_START = time(8, 0)
_NIGHT_START = time(20, 0)

# Day maraudes hand over to the night maraude at 20:00 and take back at 08:00, so every
# named sector has a tier-1 team around the clock, with one deliberate exception:
# DOCUMENTED GAP: on Sundays from 08:00 to 20:00 no team covers the Quais du canal de
# l'Ourcq (the Sunday day maraude stays around Stalingrad and Éole, and the hospital
# teams do not work on Sundays). Calls from the canal then go to a neighbouring sector's
# team, and the gap report has something real to show.
# "Hors secteur" has only the hospital liaison teams (tier 2), during their hours.
SHIFTS: tuple[ShiftSpec, ...] = (
    ShiftSpec(
        MARAUDE_STALINGRAD,
        1,
        MONDAY_TO_SATURDAY,
        _DAY_START,
        _NIGHT_START,
        (STALINGRAD, EOLE, QUAIS_OURCQ),
    ),
    ShiftSpec(MARAUDE_STALINGRAD, 1, SUNDAY, _DAY_START, _NIGHT_START, (STALINGRAD, EOLE)),
    ShiftSpec(
        MARAUDE_CHAPELLE,
        1,
        EVERY_DAY,
        _DAY_START,
        _NIGHT_START,
        (PORTE_DE_LA_CHAPELLE, ROSA_PARKS, EOLE),
    ),
    ShiftSpec(MARAUDE_NUIT, 1, EVERY_DAY, _NIGHT_START, _DAY_START, NAMED_SECTORS),
    ShiftSpec(
        MARAUDE_SANITAIRE_NE,
        1,
        MONDAY_TO_FRIDAY,
        time(9, 0),
        time(17, 0),
        (STALINGRAD, EOLE, PORTE_DE_LA_CHAPELLE, ROSA_PARKS),
    ),
    ShiftSpec(
        MEDIATION_STALINGRAD,
        1,
        MONDAY_TO_SATURDAY,
        time(10, 0),
        time(19, 0),
        (STALINGRAD, QUAIS_OURCQ),
    ),
    ShiftSpec(
        MEDIATION_CHAPELLE,
        1,
        EVERY_DAY,
        time(14, 0),
        time(22, 0),
        (PORTE_DE_LA_CHAPELLE, EOLE, ROSA_PARKS),
    ),
    # The three UASA pairs take turns two days each; Sunday is their rest day.
    ShiftSpec(UASA_1, 1, frozenset({0, 1}), time(9, 0), time(21, 0), NAMED_SECTORS),
    ShiftSpec(UASA_2, 1, frozenset({2, 3}), time(9, 0), time(21, 0), NAMED_SECTORS),
    ShiftSpec(UASA_3, 1, frozenset({4, 5}), time(9, 0), time(21, 0), NAMED_SECTORS),
    # Hospital liaison teams back up everyone, "Hors secteur" included.
    ShiftSpec(ELA, 2, MONDAY_TO_FRIDAY, time(9, 0), time(18, 0), None),
    ShiftSpec(FLUID_CRACK, 2, MONDAY_TO_SATURDAY, time(14, 0), time(0, 0), None),
)

#: Where no tier-1 team is on duty by design: (sector, weekday 0 = Monday, start, end).
DOCUMENTED_GAPS: tuple[tuple[str, int, time, time], ...] = (
    (QUAIS_OURCQ, 6, _DAY_START, _NIGHT_START),
)

OPERATORS: tuple[OperatorSpec, ...] = (
    OperatorSpec("Claire Dumont", OperatorRole.SUPERVISOR),
    OperatorSpec("Karim Haddad", OperatorRole.OPERATOR),
    OperatorSpec("Élodie Martin", OperatorRole.OPERATOR),
    OperatorSpec("Sébastien Roux", OperatorRole.OPERATOR),
    OperatorSpec("Aminata Koné", OperatorRole.OPERATOR),
    OperatorSpec("Julien Lefèvre", OperatorRole.OPERATOR),
    OperatorSpec("Inès Moreau", OperatorRole.OPERATOR),
    OperatorSpec("Nadia Belkacem", OperatorRole.ADMINISTRATOR),
)


@dataclass(frozen=True)
class CallerSpec:
    """A police service that calls the line, and the callback numbers its crews give."""

    name: str
    callback_numbers: tuple[str, ...]


COMMISSARIAT_10 = "Commissariat du 10e"
COMMISSARIAT_18 = "Commissariat du 18e"
COMMISSARIAT_19 = "Commissariat du 19e"
BAC_18 = "BAC 18"
BAC_19 = "BAC 19"
BAC_NUIT = "BAC de nuit 75N"
POLICE_MUNICIPALE = "Police municipale"
BRIGADE_FLUVIALE = "Brigade fluviale"
BRIGADE_RESEAUX = "Brigade des réseaux franciliens"

CALLERS: tuple[CallerSpec, ...] = (
    CallerSpec(COMMISSARIAT_10, ("+33199000310", "+33199005310", "+33199005311")),
    CallerSpec(COMMISSARIAT_18, ("+33199000318", "+33199005318", "+33199005319")),
    CallerSpec(COMMISSARIAT_19, ("+33199000319", "+33199005320", "+33199005321")),
    CallerSpec(BAC_18, ("+33199005418", "+33199005419")),
    CallerSpec(BAC_19, ("+33199005420", "+33199005421")),
    CallerSpec(BAC_NUIT, ("+33199005475", "+33199005476")),
    CallerSpec(POLICE_MUNICIPALE, ("+33199000500", "+33199005501", "+33199005502")),
    CallerSpec(BRIGADE_FLUVIALE, ("+33199000600", "+33199005601")),
    CallerSpec(BRIGADE_RESEAUX, ("+33199000700", "+33199005701")),
)

# Public places only: squares, streets, stations, bridges, gardens. Never a dwelling.
SECTOR_LANDMARKS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        STALINGRAD: (
            "Place de la Bataille-de-Stalingrad",
            "Rotonde de la Villette, côté bassin",
            "Sortie du métro Stalingrad, ligne 2",
            "Boulevard de la Villette, sous le métro aérien",
            "Angle rue d'Aubervilliers et boulevard de la Villette",
            "Avenue de Flandre, début de l'avenue",
            "Rue de Tanger, côté boulevard",
            "Quai de Valmy, écluse",
        ),
        EOLE: (
            "Jardins d'Éole, entrée rue d'Aubervilliers",
            "Jardins d'Éole, côté rue du Département",
            "Rue d'Aubervilliers, face aux jardins",
            "Angle rue Riquet et rue d'Aubervilliers",
            "Rue Pajol, devant la halle",
            "Rue du Département, sous le pont",
            "Rue de l'Évangile",
        ),
        PORTE_DE_LA_CHAPELLE: (
            "Porte de la Chapelle, sous le boulevard périphérique",
            "Sortie du métro Porte de la Chapelle, ligne 12",
            "Boulevard Ney, angle rue de la Chapelle",
            "Avenue de la Porte de la Chapelle",
            "Rue de la Chapelle, haut de la rue",
            "Station de tramway Porte de la Chapelle",
            "Parvis de l'Arena, Porte de la Chapelle",
            "Rue Charles-Hermite",
        ),
        ROSA_PARKS: (
            "Gare Rosa Parks, parvis",
            "Station de tramway Rosa Parks",
            "Boulevard Macdonald, sous les arbres",
            "Rue d'Aubervilliers, côté boulevard Macdonald",
            "Quai de la Gironde",
            "Rue Émile-Bollaert",
        ),
        QUAIS_OURCQ: (
            "Quai de la Loire, bassin de la Villette",
            "Quai de la Seine, bassin de la Villette",
            "Quai de l'Oise",
            "Quai de la Marne",
            "Pont de Crimée",
            "Berges du canal, côté parc de la Villette",
        ),
        HORS_SECTEUR: (
            "Gare du Nord, parvis",
            "Gare de l'Est, rue d'Alsace",
            "Métro Barbès–Rochechouart",
            "Porte de la Villette",
            "Porte d'Aubervilliers",
            "Métro Laumière, avenue Jean-Jaurès",
        ),
    }
)
