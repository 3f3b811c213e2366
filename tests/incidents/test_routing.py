"""Whom a call can go to: the sector's teams, the neighbours', backups anywhere, the rest."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import insert

from operline import reference_data as ref
from operline.db.models import ShiftPattern, sector_neighbour, shift_pattern_sector
from operline.incidents.routing import intake_sectors, routing_choices
from operline.roster.engine import next_handoff
from operline.roster.store import load_roster
from tests.incidents.conftest import NOW, Desk

#: Sunday 29 November 2026, 10:00 in Paris: the documented gap of the canal.
SUNDAY_MORNING = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def _names(teams: tuple[object, ...]) -> list[str]:
    return [team.name for team in teams]  # type: ignore[attr-defined]


def test_sectors_come_in_the_desks_order(desk: Desk) -> None:
    assert [s.name for s in intake_sectors(desk.database)] == [
        *ref.NAMED_SECTORS,
        ref.HORS_SECTEUR,
    ]


def test_a_covered_sector_lists_its_own_teams_first_call_first(desk: Desk) -> None:
    choices = routing_choices(desk.database, desk.sectors[ref.STALINGRAD], NOW)

    assert not choices.nobody_on_duty
    assert [(t.name, t.tier) for t in choices.on_duty] == [
        (ref.MARAUDE_NUIT, 1),
        (ref.FLUID_CRACK, 2),
    ]
    assert _names(choices.first_call) == [ref.MARAUDE_NUIT]
    # Every other active team stays reachable, once, never the ones already listed.
    listed = _names(choices.on_duty) + _names(choices.other_teams)
    assert sorted(listed) == sorted(team.name for team in ref.TEAMS)


def test_an_uncovered_sector_shows_the_neighbours_teams(desk: Desk) -> None:
    choices = routing_choices(desk.database, desk.sectors[ref.QUAIS_OURCQ], SUNDAY_MORNING)

    assert choices.nobody_on_duty
    assert [(n.sector, _names(n.teams)) for n in choices.neighbours] == [
        (ref.STALINGRAD, [ref.MARAUDE_STALINGRAD]),
        (ref.ROSA_PARKS, [ref.MARAUDE_CHAPELLE]),
    ]
    assert ref.MARAUDE_STALINGRAD not in _names(choices.other_teams)
    assert ref.MARAUDE_NUIT in _names(choices.other_teams)


def test_neighbours_stored_one_way_count_both_ways(desk: Desk) -> None:
    # Hors secteur borders nothing; say only that Éole borders it.
    with desk.database.write() as session:
        session.execute(
            insert(sector_neighbour).values(
                sector_id=desk.sectors[ref.EOLE], neighbour_id=desk.sectors[ref.HORS_SECTEUR]
            )
        )
    choices = routing_choices(desk.database, desk.sectors[ref.HORS_SECTEUR], SUNDAY_MORNING)

    assert [n.sector for n in choices.neighbours] == [ref.EOLE]


def test_backup_teams_on_duty_elsewhere_are_offered(desk: Desk) -> None:
    with desk.database.write() as session:
        pattern = ShiftPattern(
            team_id=desk.teams[ref.ELA],
            tier=2,
            days=64,  # Sundays
            start_time=time(9, 0),
            end_time=time(18, 0),
            all_sectors=False,
            created_at=NOW,
        )
        session.add(pattern)
        session.flush()
        session.execute(
            insert(shift_pattern_sector).values(
                pattern_id=pattern.id, sector_id=desk.sectors[ref.PORTE_DE_LA_CHAPELLE]
            )
        )

    choices = routing_choices(desk.database, desk.sectors[ref.QUAIS_OURCQ], SUNDAY_MORNING)

    assert [(t.name, t.tier) for t in choices.backups] == [(ref.ELA, 2)]
    assert ref.ELA not in _names(choices.other_teams)


def test_the_choices_hold_until_the_first_handoff_in_any_sector(desk: Desk) -> None:
    choices = routing_choices(desk.database, desk.sectors[ref.STALINGRAD], NOW)
    with desk.database.read() as session:
        roster = load_roster(session)
    handoffs = [
        found[0]
        for sector_id in desk.sectors.values()
        if (found := next_handoff(roster, sector_id, NOW)) is not None
    ]

    assert choices.holds_until == min(handoffs)
    assert choices.holds_at(NOW)
    assert choices.holds_at(min(handoffs) - timedelta(seconds=1))
    assert not choices.holds_at(min(handoffs))  # the teams may differ from then on
    assert not choices.holds_at(NOW - timedelta(minutes=1))  # before the answer's instant
    later = routing_choices(desk.database, desk.sectors[ref.STALINGRAD], min(handoffs))
    assert later.holds_until is None or later.holds_until > min(handoffs)
