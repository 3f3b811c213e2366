"""Every rule a row of the earlier log must follow, each problem told by line and column."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select, update

from operline import reference_data as ref
from operline.db.models import Incident, Sector
from tests.call_import.conftest import Desk, problems_of

#: The categories and outcomes a refusal lists, as codes and French labels.
CATEGORIES = (
    "distress « Personne en détresse / malaise », shelter « Demande d'orientation / mise à "
    "l'abri », mediation « Médiation (occupation de l'espace public) », woman « Femme / femme "
    "enceinte », minor « Mineur présumé », care « Besoin de soins », other « Autre »"
)
OUTCOMES = (
    "taken_in_charge « Prise en charge par l'équipe », oriented « Orientation vers une "
    "structure », refused « Refus de la personne », not_found « Personne non trouvée », "
    "cancelled « Annulé par l'équipage », no_follow_up « Sans suite »"
)


def _one(desk: Desk, header: str, row: str) -> list[str]:
    result = desk.run(f"{header}\n{row}\n")
    assert not result.written or not result.rejected
    return problems_of(result)


def test_a_valid_row_has_no_problem_and_gets_its_values(desk: Desk) -> None:
    header = (
        "received_at;sector;location;category;priority;persons;caller_service;caller_phone;"
        "team;acknowledged_at;on_scene_at;closed_at;outcome;orientation;notes"
    )
    row = (
        "23/11/2024 14:05;porte de la chapelle;Sortie métro;Personne en détresse / malaise;"
        "Urgent;3;BAC 18;01 99 00 12 34;fluid-crack;23/11/2024 14:15;23/11/2024 14:40;"
        "23/11/2024 15:10;Orientation vers une structure;halte de nuit;calme"
    )

    result = desk.run(f"{header}\n{row}\n")

    assert (result.imported, result.problems) == (1, ())
    with desk.database.read() as session:
        incident = session.scalars(select(Incident)).one()
        values = (
            incident.received_at,
            incident.sector_id,
            incident.location,
            incident.category,
            incident.priority,
            incident.persons,
            incident.caller_service,
            incident.callback_number,
            incident.assigned_team_id,
            incident.acknowledged_at,
            incident.on_scene_at,
            incident.closed_at,
            incident.status,
            incident.outcome,
            incident.orientation_facility_id,
            incident.notes,
            incident.routed_at,
        )
    assert values == (
        datetime(2024, 11, 23, 13, 5, tzinfo=UTC),
        desk.sectors[ref.PORTE_DE_LA_CHAPELLE],
        "Sortie métro",
        "distress",
        "urgent",
        3,
        "BAC 18",
        "+33199001234",
        desk.teams[ref.FLUID_CRACK],
        datetime(2024, 11, 23, 13, 15, tzinfo=UTC),
        datetime(2024, 11, 23, 13, 40, tzinfo=UTC),
        datetime(2024, 11, 23, 14, 10, tzinfo=UTC),
        "closed",
        "oriented",
        desk.places[ref.HALTE_DE_NUIT],
        "calme",
        None,  # the earlier log kept no routing time: none is made up
    )


def test_priority_defaults_to_normal_and_persons_to_one(desk: Desk) -> None:
    desk.run("received_at;sector;category;priority;persons\n23/11/2024 14:05;Eole;autre;;\n")

    with desk.database.read() as session:
        incident = session.scalars(select(Incident)).one()
    assert (incident.priority, incident.persons, incident.status) == ("normal", 1, "new")


def test_sector_team_and_place_are_matched_ignoring_case_and_accents(desk: Desk) -> None:
    result = desk.run(
        "received_at;sector;category;team;closed_at;outcome;orientation\n"
        "23/11/2024 14:05;ÉOLE;AUTRE;ela – équipe de liaison d'addictologie;"
        "23/11/2024 15:05;oriented;HEBERGEMENT ET PRISE EN CHARGE DE FEMMES\n"
    )

    assert result.problems == ()
    with desk.database.read() as session:
        incident = session.scalars(select(Incident)).one()
    assert incident.sector_id == desk.sectors[ref.EOLE]
    assert incident.assigned_team_id == desk.teams[ref.ELA]
    assert incident.orientation_facility_id == desk.places[ref.HEBERGEMENT_FEMMES]


@pytest.mark.parametrize(
    ("header", "row", "expected"),
    [
        (
            "received_at;sector;category",
            ";eole;autre",
            "line 2, column received_at: required",
        ),
        (
            "received_at;sector;category",
            "23/11/2024 14:05;;autre",
            "line 2, column sector: required",
        ),
        (
            "received_at;sector;category",
            "23/11/2024 14:05;eole;",
            "line 2, column category: required",
        ),
        (
            "received_at;sector;category",
            "23/11/2024 14:05;Forceval;autre",
            "line 2, column sector: 'Forceval' is no sector of the desk",
        ),
        (
            "received_at;sector;category",
            "23/11/2024 14:05;eole;bagarre",
            "line 2, column category: 'bagarre' is not one of: " + CATEGORIES,
        ),
        (
            "received_at;sector;category;priority",
            "23/11/2024 14:05;eole;autre;très urgent",
            "line 2, column priority: 'très urgent' is not one of: "
            "urgent « Urgent », normal « Normal »",
        ),
        (
            "received_at;sector;category;persons",
            "23/11/2024 14:05;eole;autre;0",
            "line 2, column persons: '0' is not a whole number from 1 to 50",
        ),
        (
            "received_at;sector;category;persons",
            "23/11/2024 14:05;eole;autre;2,5",
            "line 2, column persons: '2,5' is not a whole number from 1 to 50",
        ),
        (
            "received_at;sector;category;team",
            "23/11/2024 14:05;eole;autre;Maraude inconnue",
            "line 2, column team: 'Maraude inconnue' is no team of the desk",
        ),
        (
            "received_at;sector;category;closed_at",
            "23/11/2024 14:05;eole;autre;23/11/2024 15:05",
            "line 2, column outcome: required when closed_at is given",
        ),
        (
            "received_at;sector;category;outcome",
            "23/11/2024 14:05;eole;autre;refused",
            "line 2, column outcome: an outcome needs closed_at",
        ),
        (
            "received_at;sector;category;closed_at;outcome",
            "23/11/2024 14:05;eole;autre;23/11/2024 15:05;oriented",
            "line 2, column orientation: required when the outcome is oriented",
        ),
        (
            "received_at;sector;category;closed_at;outcome;orientation",
            "23/11/2024 14:05;eole;autre;23/11/2024 15:05;oriented;Hôtel du Nord",
            "line 2, column orientation: 'Hôtel du Nord' is no place of the desk",
        ),
        (
            "received_at;sector;category;closed_at;outcome;orientation",
            "23/11/2024 14:05;eole;autre;23/11/2024 15:05;refused;Halte de nuit",
            "line 2, column orientation: only an orientation names a place",
        ),
        (
            "received_at;sector;category;closed_at;outcome",
            "23/11/2024 14:05;eole;autre;23/11/2024 15:05;perdu",
            "line 2, column outcome: 'perdu' is not one of: " + OUTCOMES,
        ),
        (
            "received_at;sector;category;acknowledged_at",
            "23/11/2024 14:05;eole;autre;23/11/2024 14:10",
            "line 2, column team: required when acknowledged_at is given",
        ),
        (
            "received_at;sector;category;caller_phone",
            "23/11/2024 14:05;eole;autre;12",
            "line 2, column caller_phone: '12' is not a valid phone number",
        ),
        (
            "received_at;sector;category;location",
            "23/11/2024 14:05;eole;autre;" + "x" * 201,
            "line 2, column location: longer than 200 characters",
        ),
    ],
)
def test_each_rule_is_told_by_line_and_column(
    desk: Desk, header: str, row: str, expected: str
) -> None:
    assert _one(desk, header, row) == [expected]


def test_stage_times_must_come_in_order(desk: Desk) -> None:
    problems = _one(
        desk,
        "received_at;sector;category;team;acknowledged_at;on_scene_at;closed_at;outcome",
        "23/11/2024 14:05;eole;autre;ELA – Équipe de liaison d'addictologie;"
        "23/11/2024 14:00;23/11/2024 14:30;23/11/2024 14:20;refused",
    )

    assert problems == [
        "line 2, column acknowledged_at: '23/11/2024 14:00' is before received_at "
        "(23/11/2024 14:05)",
        "line 2, column closed_at: '23/11/2024 14:20' is before on_scene_at (23/11/2024 14:30)",
    ]


def test_no_time_may_be_in_the_future(desk: Desk) -> None:
    problems = _one(
        desk,
        "received_at;sector;category;closed_at;outcome",
        "25/11/2026 22:30;eole;autre;26/11/2026 08:00;cancelled",
    )

    assert problems == [
        "line 2, column received_at: '25/11/2026 22:30' is in the future",
        "line 2, column closed_at: '26/11/2026 08:00' is in the future",
    ]


def test_the_missing_spring_hour_is_an_error(desk: Desk) -> None:
    problems = _one(desk, "received_at;sector;category", "30/03/2025 02:15;eole;autre")

    assert problems == [
        "line 2, column received_at: 2025-03-30 02:15 does not exist in Paris: the clocks "
        "jump forward one hour that night"
    ]


def test_the_repeated_autumn_hour_is_read_as_the_first_with_a_warning(desk: Desk) -> None:
    result = desk.run("received_at;sector;category\n26/10/2025 02:15;eole;autre\n")

    assert result.imported == 1
    assert [str(warning) for warning in result.warnings] == [
        "line 2, column received_at: 26/10/2025 02:15 happens twice in Paris (the clocks go "
        "back that night): read as the first, 2025-10-26T02:15:00+02:00"
    ]
    with desk.database.read() as session:
        received = session.scalars(select(Incident.received_at)).one()
    assert received == datetime(2025, 10, 26, 0, 15, tzinfo=UTC)


@pytest.mark.parametrize("character", ["\x00", "\x1b", "\x7f", "\u2028"])
def test_control_characters_are_refused_in_any_column(desk: Desk, character: str) -> None:
    problems = _one(
        desk, "received_at;sector;category;notes", f"23/11/2024 14:05;eole;autre;ok{character}"
    )

    code = f"U+{ord(character):04X}"
    assert problems == [
        f"line 2, column notes: character 3 is an invisible control character ({code})"
    ]


def test_tabs_and_line_breaks_are_text_like_any_other(desk: Desk) -> None:
    result = desk.run('received_at;sector;category;notes\n23/11/2024 14:05;eole;autre;"a\tb\nc"\n')

    assert result.problems == ()
    with desk.database.read() as session:
        assert session.scalars(select(Incident.notes)).one() == "a\tb\nc"


def test_every_problem_of_a_row_is_told_in_the_order_of_its_columns(desk: Desk) -> None:
    problems = _one(
        desk, "category;sector;received_at;persons", "bagarre;Forceval;30/03/2025 02:15;x"
    )

    assert [problem.split(":")[0] for problem in problems] == [
        "line 2, column received_at",
        "line 2, column sector",
        "line 2, column category",
        "line 2, column persons",
    ]


def test_the_same_call_twice_in_a_file_is_a_problem_of_the_second(desk: Desk) -> None:
    result = desk.run(
        "received_at;sector;category\n23/11/2024 14:05;eole;autre\n23/11/2024 14:05;Éole;Other\n"
    )

    assert problems_of(result) == ["line 3: the same call as line 2"]


def test_a_sector_retired_since_still_names_the_calls_it_had(desk: Desk) -> None:
    with desk.database.write() as session:
        session.execute(update(Sector).where(Sector.name == ref.ROSA_PARKS).values(active=False))

    result = desk.run("received_at;sector;category\n23/11/2024 14:05;rosa parks;autre\n")

    assert result.problems == ()
    with desk.database.read() as session:
        assert session.scalars(select(Incident.sector_id)).one() == desk.sectors[ref.ROSA_PARKS]
