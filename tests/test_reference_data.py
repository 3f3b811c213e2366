"""The Paris reference data: names the desk expects, capacities, fiction-only phones, coverage."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest

from operline import reference_data as ref
from operline.codes import OperatorRole
from operline.paris_time import InFold, InGap, paris_to_utc, to_paris
from operline.phones import normalise_phone
from operline.roster.engine import Roster, TeamContact, WeeklyShift, on_duty_teams

E164_FRANCE = re.compile(r"\+33[1-9]\d{8}")


def test_sectors_are_exactly_the_named_ones_in_desk_order() -> None:
    ordered = sorted(ref.SECTORS, key=lambda sector: sector.sort_order)
    assert [sector.name for sector in ordered] == [
        "Stalingrad",
        "Éole",
        "Porte de la Chapelle",
        "Rosa Parks",
        "Quais du canal de l'Ourcq",
        "Hors secteur",
    ]


def test_neighbours_are_mutual_and_only_between_named_sectors() -> None:
    neighbours = {sector.name: set(sector.neighbours) for sector in ref.SECTORS}
    assert neighbours[ref.HORS_SECTEUR] == set()
    for name, around in neighbours.items():
        assert name not in around
        assert around <= set(ref.NAMED_SECTORS)
        for other in around:
            assert name in neighbours[other], f"{other} does not border {name} back"
    assert all(neighbours[name] for name in ref.NAMED_SECTORS)


def test_places_carry_the_capacities_of_the_plan() -> None:
    capacity = {place.name: place.capacity for place in ref.FACILITIES}
    assert capacity["Espace de repos Porte de la Chapelle"] == 14
    assert capacity["Halte de nuit"] == 25
    assert capacity["Hébergement et prise en charge de femmes"] == 20
    assert capacity["Accueil de jour médicalisé"] == 30
    assert capacity["ASSORE"] == 610
    d2o = next(place for place in ref.FACILITIES if place.name.startswith("D2O"))
    assert "Sainte-Anne" in d2o.name
    espace = next(place for place in ref.FACILITIES if place.name == ref.ESPACE_DE_REPOS)
    assert "nuit" in espace.opening_hours
    assert "hommes" in next(p for p in ref.FACILITIES if p.name == ref.HALTE_DE_NUIT).opening_hours


def test_the_planned_residential_centre_is_listed_but_not_offered() -> None:
    ctr = next(place for place in ref.FACILITIES if place.name.startswith("CTR"))
    assert not ctr.active
    assert all(place.active for place in ref.FACILITIES if place is not ctr)


def test_teams_of_the_plan_with_their_organisations() -> None:
    organisation = {team.name: team.organisation for team in ref.TEAMS}
    assert organisation[ref.ELA] == "GHU Paris psychiatrie & neurosciences"
    assert organisation[ref.FLUID_CRACK] == "AP-HP"
    uasa = [team for team in ref.TEAMS if team.kind == ref.UASA]
    assert [team.name for team in uasa] == ["UASA binôme 1", "UASA binôme 2", "UASA binôme 3"]
    assert all("Police municipale" in team.organisation for team in uasa)
    kinds = {team.kind for team in ref.TEAMS}
    assert {ref.MARAUDE, ref.MARAUDE_SANITAIRE, ref.MEDIATION} <= kinds


def _every_phone() -> list[str]:
    phones = [team.phone for team in ref.TEAMS] + [place.phone for place in ref.FACILITIES]
    return phones + [number for caller in ref.CALLERS for number in caller.callback_numbers]


@pytest.mark.parametrize("phone", _every_phone())
def test_every_phone_is_e164_and_reserved_for_fiction(phone: str) -> None:
    assert E164_FRANCE.fullmatch(phone), phone
    assert phone.startswith(ref.FICTION_PHONE_PREFIXES), phone
    assert normalise_phone(phone) == phone  # an operator can type it back


def test_no_two_teams_share_a_duty_phone() -> None:
    phones = [team.phone for team in ref.TEAMS]
    assert len(set(phones)) == len(phones)


def test_desk_has_operators_and_one_supervisor() -> None:
    roles = [operator.role for operator in ref.OPERATORS]
    assert roles.count(OperatorRole.SUPERVISOR) == 1
    assert roles.count(OperatorRole.OPERATOR) >= 4
    names = [operator.name for operator in ref.OPERATORS]
    assert len(set(names)) == len(names)


def test_shifts_name_known_teams_and_sectors() -> None:
    teams = {team.name for team in ref.TEAMS}
    sectors = {sector.name for sector in ref.SECTORS}
    for shift in ref.SHIFTS:
        assert shift.team in teams
        assert shift.tier in (1, 2)
        assert shift.sectors is None or set(shift.sectors) <= sectors
        assert 1 <= shift.days_mask <= 127
    assert {shift.team for shift in ref.SHIFTS} == teams


def test_landmarks_for_every_sector() -> None:
    assert set(ref.SECTOR_LANDMARKS) == {sector.name for sector in ref.SECTORS}
    assert all(len(places) >= 5 for places in ref.SECTOR_LANDMARKS.values())


def _reference_roster() -> tuple[Roster, dict[str, int]]:
    team_ids = {team.name: index for index, team in enumerate(ref.TEAMS, start=1)}
    sector_ids = {sector.name: index for index, sector in enumerate(ref.SECTORS, start=1)}
    teams = {
        team_ids[team.name]: TeamContact(team_ids[team.name], team.name, team.phone)
        for team in ref.TEAMS
    }
    shifts = tuple(
        WeeklyShift(
            team_id=team_ids[shift.team],
            tier=shift.tier,
            weekdays=shift.weekdays,
            start=shift.start,
            end=shift.end,
            sector_ids=None
            if shift.sectors is None
            else frozenset(sector_ids[name] for name in shift.sectors),
        )
        for shift in ref.SHIFTS
    )
    return Roster(teams=teams, shifts=shifts), sector_ids


def _in_documented_gap(sector: str, instant: datetime) -> bool:
    local = to_paris(instant)
    return any(
        sector == gap_sector and local.weekday() == weekday and start <= local.time() < end
        for gap_sector, weekday, start, end in ref.DOCUMENTED_GAPS
    )


@pytest.mark.parametrize(
    "monday",
    [
        pytest.param(date(2026, 1, 12), id="winter-week"),
        pytest.param(date(2026, 3, 23), id="clocks-go-forward"),
        pytest.param(date(2026, 10, 19), id="clocks-go-back"),
    ],
)
def test_named_sectors_have_a_tier_one_team_around_the_clock_but_the_documented_gap(
    monday: date,
) -> None:
    roster, sector_ids = _reference_roster()
    start = paris_to_utc(
        datetime.combine(monday, datetime.min.time()),
        in_gap=InGap.RAISE,
        in_fold=InFold.RAISE,
    )
    uncovered: list[str] = []
    gap_checked = 0
    for step in range(7 * 24 * 4):
        instant = start + timedelta(minutes=15 * step)
        for name in ref.NAMED_SECTORS:
            tier_one = [d for d in on_duty_teams(roster, sector_ids[name], instant) if d.tier == 1]
            if _in_documented_gap(name, instant):
                gap_checked += 1
                assert not tier_one, f"the documented gap at {name} is covered after all"
            elif not tier_one:
                uncovered.append(f"{name} {to_paris(instant):%a %H:%M}")
    assert uncovered == []
    assert gap_checked == 12 * 4


def test_hors_secteur_relies_on_the_hospital_teams_only() -> None:
    roster, sector_ids = _reference_roster()
    tuesday_afternoon = paris_to_utc(
        datetime(2026, 1, 13, 15, 0), in_gap=InGap.RAISE, in_fold=InFold.RAISE
    )
    on_duty = on_duty_teams(roster, sector_ids[ref.HORS_SECTEUR], tuesday_afternoon)
    assert {duty.name for duty in on_duty} == {ref.ELA, ref.FLUID_CRACK}
    assert {duty.tier for duty in on_duty} == {2}
    sunday_night = paris_to_utc(
        datetime(2026, 1, 18, 3, 0), in_gap=InGap.RAISE, in_fold=InFold.RAISE
    )
    assert on_duty_teams(roster, sector_ids[ref.HORS_SECTEUR], sunday_night) == []


def test_handoffs_at_eight_and_twenty() -> None:
    roster, sector_ids = _reference_roster()
    stalingrad = sector_ids[ref.STALINGRAD]

    def names_at(hour: int, minute: int) -> set[str]:
        at = paris_to_utc(
            datetime(2026, 1, 14, hour, minute), in_gap=InGap.RAISE, in_fold=InFold.RAISE
        )
        return {duty.name for duty in on_duty_teams(roster, stalingrad, at)}

    assert ref.MARAUDE_NUIT in names_at(7, 59)
    assert ref.MARAUDE_NUIT not in names_at(8, 0)
    assert ref.MARAUDE_STALINGRAD in names_at(8, 0)
    assert ref.MARAUDE_STALINGRAD not in names_at(20, 0)
    assert ref.MARAUDE_NUIT in names_at(20, 0)
