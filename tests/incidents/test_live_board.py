"""The live board: order, colours from stored times, the sector strip, who to call next."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from operline import reference_data as ref
from operline.codes import Category, Outcome, Priority, Status
from operline.errors import InvalidInput
from operline.incidents.events import IncidentRefused
from operline.incidents.intake import CallForm, log_call
from operline.incidents.live_board import (
    Alert,
    alert_changes_at,
    alert_for,
    next_contact,
    open_incidents,
    sector_strip,
)
from operline.incidents.places import places_with_room, report_free_places
from operline.incidents.stages import Action, advance_incident, close_incident, route_incident
from operline.settings import DeskSettings, read_settings, write_setting
from tests.actors import COMMAND_LINE
from tests.incidents.conftest import NOW, Desk

SETTINGS = DeskSettings()


def call(desk: Desk, minutes_ago: float, priority: Priority, sector: str = ref.STALINGRAD) -> int:
    at = NOW - timedelta(minutes=minutes_ago)
    form = CallForm(
        received_at=at, sector_id=desk.sectors[sector], category=Category.SHELTER, priority=priority
    )
    return log_call(desk.database, form, actor=desk.actor, now=at).incident_id


@pytest.mark.parametrize(
    ("urgent", "waited", "expected"),
    [
        (True, 4, Alert.NONE),
        (True, 5, Alert.AMBER),
        (True, 9, Alert.AMBER),
        (True, 10, Alert.RED),
        (False, 14, Alert.NONE),
        (False, 15, Alert.AMBER),
        (False, 30, Alert.RED),
    ],
)
def test_a_call_left_unacknowledged_turns_amber_then_red(
    urgent: bool, waited: int, expected: Alert
) -> None:
    received = NOW - timedelta(minutes=waited)
    level = alert_for(
        urgent=urgent, received_at=received, acknowledged_at=None, now=NOW, settings=SETTINGS
    )
    assert level is expected
    acknowledged = alert_for(
        urgent=urgent, received_at=received, acknowledged_at=NOW, now=NOW, settings=SETTINGS
    )
    assert acknowledged is Alert.NONE


def test_the_next_change_of_colour_is_known_in_advance() -> None:
    received = NOW - timedelta(minutes=7)
    assert alert_changes_at(urgent=True, received_at=received, now=NOW, settings=SETTINGS) == (
        received + timedelta(minutes=10)
    )
    late = NOW - timedelta(minutes=11)
    assert alert_changes_at(urgent=True, received_at=late, now=NOW, settings=SETTINGS) is None


def test_thresholds_are_settings(desk: Desk) -> None:
    write_setting(desk.database, "alerts.urgent_ack_minutes", "2", actor=COMMAND_LINE, now=NOW)
    settings = read_settings(desk.database)
    assert settings.urgent_ack_minutes == 2
    received = NOW - timedelta(minutes=3)
    level = alert_for(
        urgent=True, received_at=received, acknowledged_at=None, now=NOW, settings=settings
    )
    assert level is Alert.AMBER
    with pytest.raises(InvalidInput, match="not between 1 and 240"):
        write_setting(desk.database, "alerts.urgent_ack_minutes", "0", actor=COMMAND_LINE, now=NOW)


def test_the_board_shows_urgent_first_then_oldest_with_colours_from_stored_times(
    desk: Desk,
) -> None:
    normal_old = call(desk, 40, Priority.NORMAL)
    urgent_recent = call(desk, 2, Priority.URGENT)
    urgent_late = call(desk, 7, Priority.URGENT)
    closed = call(desk, 50, Priority.URGENT)
    close_incident(
        desk.database,
        closed,
        Outcome.CANCELLED,
        facility_id=None,
        version=1,
        action=Action(desk.actor, NOW - timedelta(minutes=45), NOW, "saisie après coup"),
    )
    board = open_incidents(desk.database, now=NOW, settings=SETTINGS)
    assert [(b.incident_id, b.alert) for b in board] == [
        (urgent_late, Alert.AMBER),
        (urgent_recent, Alert.NONE),
        (normal_old, Alert.RED),
    ]
    # A restart reads the same times, and so shows the same colours later on.
    later = open_incidents(desk.database, now=NOW + timedelta(minutes=4), settings=SETTINGS)
    assert [b.alert for b in later] == [Alert.RED, Alert.AMBER, Alert.RED]


def test_an_acknowledged_call_stays_on_the_board_without_alert(desk: Desk) -> None:
    incident = call(desk, 30, Priority.URGENT)
    team = desk.on_duty(ref.STALINGRAD)[0]
    state = route_incident(
        desk.database,
        incident,
        team.team_id,
        version=1,
        action=Action(desk.actor, NOW - timedelta(minutes=29), NOW, "saisie après coup"),
    )
    advance_incident(
        desk.database,
        incident,
        Status.ACKNOWLEDGED,
        version=state.version,
        action=Action(desk.actor, NOW - timedelta(minutes=28), NOW, "saisie après coup"),
    )
    (shown,) = open_incidents(desk.database, now=NOW, settings=SETTINGS)
    assert (shown.status, shown.alert, shown.team) == (Status.ACKNOWLEDGED, Alert.NONE, team.name)


def test_the_board_filters_to_one_sector(desk: Desk) -> None:
    call(desk, 3, Priority.NORMAL, ref.EOLE)
    stalingrad = call(desk, 3, Priority.NORMAL)
    only = open_incidents(
        desk.database, now=NOW, settings=SETTINGS, sector_id=desk.sectors[ref.STALINGRAD]
    )
    assert [b.incident_id for b in only] == [stalingrad]


def test_the_sector_strip_counts_open_calls_and_names_who_is_on_duty(desk: Desk) -> None:
    call(desk, 3, Priority.NORMAL)
    call(desk, 5, Priority.URGENT)
    call(desk, 5, Priority.URGENT, ref.EOLE)
    strip = {s.name: s for s in sector_strip(desk.database, now=NOW)}
    assert list(strip) == [s.name for s in ref.SECTORS]
    assert (strip[ref.STALINGRAD].open_incidents, strip[ref.EOLE].open_incidents) == (2, 1)
    assert strip[ref.ROSA_PARKS].open_incidents == 0
    assert strip[ref.STALINGRAD].on_duty == tuple(desk.on_duty(ref.STALINGRAD))


def test_when_a_team_does_not_answer_the_backup_then_the_supervisor_are_proposed(
    desk: Desk,
) -> None:
    write_setting(
        desk.database, "desk.supervisor_phone", "01 99 00 77 77", actor=COMMAND_LINE, now=NOW
    )
    incident = call(desk, 12, Priority.URGENT)
    first = desk.on_duty(ref.STALINGRAD)[0]
    route_incident(
        desk.database,
        incident,
        first.team_id,
        version=1,
        action=Action(desk.actor, NOW - timedelta(minutes=11), NOW, "saisie après coup"),
    )
    (shown,) = open_incidents(desk.database, now=NOW, settings=read_settings(desk.database))
    assert shown.alert is Alert.RED
    contact = next_contact(desk.database, shown, now=NOW, settings=read_settings(desk.database))
    assert first.team_id not in [t.team_id for t in contact.teams]
    assert contact.teams
    assert contact.teams[0].tier == 2
    assert contact.supervisor_phone == "+33199007777"


def test_places_reported_with_room_come_first(desk: Desk) -> None:
    halte = desk.places[ref.HALTE_DE_NUIT]
    repos = desk.places[ref.ESPACE_DE_REPOS]
    report_free_places(
        desk.database, halte, 0, actor=desk.actor, reported_at=NOW - timedelta(hours=1)
    )
    report_free_places(
        desk.database, repos, 3, actor=desk.actor, reported_at=NOW - timedelta(hours=2)
    )
    report_free_places(
        desk.database, repos, 5, actor=desk.actor, reported_at=NOW - timedelta(hours=20)
    )
    places = places_with_room(desk.database, now=NOW)
    assert (places[0].name, places[0].free_places) == (ref.ESPACE_DE_REPOS, 3)
    assert (places[-1].name, places[-1].free_places) == (ref.HALTE_DE_NUIT, 0)
    assert all(p.free_places is None for p in places[1:-1])
    with pytest.raises(IncidentRefused, match="from 0 to the capacity"):
        report_free_places(desk.database, halte, 26, actor=desk.actor, reported_at=NOW)


def test_a_report_from_yesterday_says_nothing_about_tonight(desk: Desk) -> None:
    repos = desk.places[ref.ESPACE_DE_REPOS]
    yesterday = datetime(2026, 11, 24, 21, 0, tzinfo=UTC)
    report_free_places(desk.database, repos, 4, actor=desk.actor, reported_at=yesterday)
    place = next(p for p in places_with_room(desk.database, now=NOW) if p.facility_id == repos)
    assert place.free_places is None
    assert place.has_room is None


def test_whom_to_call_next_lists_first_call_teams_before_backups(desk: Desk) -> None:
    sector = next(
        name for name in desk.sectors if {1, 2} <= {team.tier for team in desk.on_duty(name)}
    )
    here = {team.team_id for team in desk.on_duty(sector)}
    # The call went to a team from elsewhere: every team on duty here is still to call.
    elsewhere = next(team_id for team_id in desk.teams.values() if team_id not in here)
    form = CallForm(received_at=NOW, sector_id=desk.sectors[sector], category=Category.DISTRESS)
    incident = log_call(desk.database, form, actor=desk.actor, now=NOW).incident_id
    route_incident(
        desk.database,
        incident,
        elsewhere,
        version=1,
        action=Action(desk.actor, NOW, NOW, "the sector's teams did not answer"),
    )
    (shown,) = open_incidents(desk.database, now=NOW, settings=read_settings(desk.database))

    contact = next_contact(desk.database, shown, now=NOW, settings=read_settings(desk.database))

    tiers = [team.tier for team in contact.teams]
    assert {team.team_id for team in contact.teams} == here
    assert tiers == sorted(tiers)
    assert tiers[0] == 1
