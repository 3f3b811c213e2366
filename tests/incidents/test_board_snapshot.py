"""The board in one snapshot: the services' answers, two statements a refresh, none a stage."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from operline import reference_data as ref
from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Team
from operline.demo import fill_demo_database
from operline.incidents.board_snapshot import BoardSnapshot, board_snapshot
from operline.incidents.intake import CallForm, log_call
from operline.incidents.live_board import Alert, next_contact, open_incidents, sector_strip
from operline.incidents.stages import (
    Action,
    advance_incident,
    close_incident,
    route_incident,
)
from operline.roster import editing
from operline.roster.roster_exceptions import add_roster_exception, remove_roster_exception
from operline.settings import read_settings, write_setting
from tests.actors import COMMAND_LINE
from tests.incidents.conftest import NOW, Desk
from tests.incidents.round_trips import RoundTripRelay


def call(desk: Desk, minutes_ago: float, priority: Priority, sector: str = ref.STALINGRAD) -> int:
    at = NOW - timedelta(minutes=minutes_ago)
    form = CallForm(
        received_at=at, sector_id=desk.sectors[sector], category=Category.SHELTER, priority=priority
    )
    return log_call(desk.database, form, actor=desk.actor, now=at).incident_id


@contextmanager
def statements(database: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    event.listen(database.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(database.engine, "before_cursor_execute", note)


def selects(seen: list[str]) -> list[str]:
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def test_the_snapshot_shows_what_the_board_services_show(desk: Desk) -> None:
    call(desk, 3, Priority.NORMAL)
    call(desk, 5, Priority.URGENT)
    call(desk, 40, Priority.NORMAL, ref.EOLE)
    settings = read_settings(desk.database)
    snapshot = board_snapshot(desk.database, now=NOW)
    assert list(snapshot.incidents) == open_incidents(desk.database, now=NOW, settings=settings)
    assert list(snapshot.sectors) == sector_strip(desk.database, now=NOW)
    assert [s.name for s in snapshot.sectors] == [s.name for s in ref.SECTORS]
    counts = {s.name: s.open_incidents for s in snapshot.sectors}
    assert (counts[ref.STALINGRAD], counts[ref.EOLE], counts[ref.ROSA_PARKS]) == (2, 1, 0)
    assert snapshot.settings == settings


def test_a_refresh_reads_the_calls_again_in_two_statements(desk: Desk) -> None:
    first = board_snapshot(desk.database, now=NOW)
    assert first.incidents == ()
    incident = call(desk, 1, Priority.URGENT, ref.EOLE)
    with statements(desk.database) as seen:
        second = board_snapshot(desk.database, now=NOW, previous=first)
    assert [i.incident_id for i in second.incidents] == [incident]
    assert {s.name: s.open_incidents for s in second.sectors}[ref.EOLE] == 1
    assert len(selects(seen)) == 2
    assert second.reference is first.reference  # the roster was not read again


def test_a_new_setting_or_roster_exception_is_seen_at_the_next_refresh(desk: Desk) -> None:
    call(desk, 12, Priority.URGENT)
    before = board_snapshot(desk.database, now=NOW)
    assert before.incidents[0].alert is Alert.RED
    write_setting(desk.database, "alerts.urgent_ack_minutes", "20", actor=COMMAND_LINE, now=NOW)
    after = board_snapshot(desk.database, now=NOW, previous=before)
    assert after.settings.urgent_ack_minutes == 20
    assert after.incidents[0].alert is Alert.NONE

    on_duty = {s.name: s.on_duty for s in after.sectors}[ref.STALINGRAD]
    assert on_duty
    with desk.database.read() as session:
        first_team = session.get(Team, on_duty[0].team_id)
        assert first_team is not None
        name = first_team.name
    add_roster_exception(
        desk.database,
        team=name,
        kind="off",
        replacement=None,
        sectors=[],
        starts_at=NOW - timedelta(hours=1),
        ends_at=NOW + timedelta(hours=2),
        reason="véhicule en panne",
        actor=COMMAND_LINE,
        now=NOW,
    )
    later = board_snapshot(desk.database, now=NOW, previous=after)
    still = {s.name: s.on_duty for s in later.sectors}[ref.STALINGRAD]
    assert on_duty[0].team_id not in [team.team_id for team in still]


def test_a_removed_exception_or_an_ended_shift_is_seen_at_the_next_refresh(desk: Desk) -> None:
    # Nothing is deleted any more: the roster's version still moves with each change.
    first = board_snapshot(desk.database, now=NOW)
    team_id = {s.name: s.on_duty for s in first.sectors}[ref.STALINGRAD][0].team_id
    team = next(t for t in editing.list_teams(desk.database) if t.id == team_id)
    off = add_roster_exception(
        desk.database, team=team.name, kind="off", replacement=None, sectors=[],
        starts_at=NOW - timedelta(hours=1), ends_at=NOW + timedelta(hours=2), reason="panne",
        actor=COMMAND_LINE, now=NOW,
    )  # fmt: skip
    off_duty = board_snapshot(desk.database, now=NOW, previous=first)
    remove_roster_exception(desk.database, off.id, actor=COMMAND_LINE, now=NOW)

    back = board_snapshot(desk.database, now=NOW, previous=off_duty)

    def stalingrad(snapshot: BoardSnapshot) -> list[int]:
        return [t.team_id for t in {s.name: s.on_duty for s in snapshot.sectors}[ref.STALINGRAD]]

    assert team_id not in stalingrad(off_duty)
    assert team_id in stalingrad(back)
    for pattern in editing.list_shift_patterns(desk.database):
        if pattern.team_id == team_id:
            editing.delete_shift_pattern(desk.database, pattern.id, actor=COMMAND_LINE, now=NOW)
    ended = board_snapshot(desk.database, now=NOW, previous=back)
    assert team_id not in stalingrad(ended)


def test_whom_to_call_next_comes_from_the_snapshot_without_a_read(desk: Desk) -> None:
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
    snapshot = board_snapshot(desk.database, now=NOW)
    (shown,) = snapshot.incidents
    with statements(desk.database) as seen:
        contact = snapshot.next_contact(shown)
    assert seen == []
    settings = read_settings(desk.database)
    assert contact == next_contact(desk.database, shown, now=NOW, settings=settings)
    assert contact.supervisor_phone == "+33199007777"


@pytest.mark.postgres
def test_a_refresh_costs_at_most_three_round_trips_to_postgresql(postgres_url: str) -> None:
    filled = open_database(postgres_url)
    try:
        upgrade_database(filled, now=NOW)
        fill_demo_database(filled, incidents=50, weeks=1, seed=1, now=NOW)
    finally:
        filled.dispose()
    with RoundTripRelay(postgres_url) as relay:
        database = open_database(relay.url(postgres_url))
        try:
            first = board_snapshot(database, now=NOW)  # connects and reads the roster
            counted = relay.round_trips
            second = board_snapshot(database, now=NOW, previous=first)
            refresh = relay.round_trips - counted
        finally:
            database.dispose()
    assert second.incidents == first.incidents
    assert second.incidents
    assert 1 <= refresh <= 3


def test_a_stage_recorded_here_reaches_the_snapshot_without_a_read(desk: Desk) -> None:
    urgent = call(desk, 12, Priority.URGENT)
    other = call(desk, 3, Priority.NORMAL, ref.EOLE)
    before = board_snapshot(desk.database, now=NOW)
    team = desk.on_duty(ref.STALINGRAD)[0]
    routed = route_incident(
        desk.database, urgent, team.team_id, version=1, action=Action(desk.actor, NOW, NOW)
    )
    acknowledged = advance_incident(
        desk.database,
        urgent,
        Status.ACKNOWLEDGED,
        version=routed.version,
        action=Action(desk.actor, NOW, NOW),
    )
    with statements(desk.database) as seen:
        after = before.with_change(routed, now=NOW).with_change(acknowledged, now=NOW)
    assert seen == []
    assert after.incidents == board_snapshot(desk.database, now=NOW).incidents
    shown = next(i for i in after.incidents if i.incident_id == urgent)
    assert (shown.status, shown.team, shown.alert) == (Status.ACKNOWLEDGED, team.name, Alert.NONE)
    assert after.with_change(routed, now=NOW) is after  # a late, older state changes nothing

    closed = close_incident(
        desk.database,
        urgent,
        Outcome.TAKEN_IN_CHARGE,
        facility_id=None,
        version=acknowledged.version,
        action=Action(desk.actor, NOW, NOW),
    )
    gone = after.with_change(closed, now=NOW)
    assert [i.incident_id for i in gone.incidents] == [other]
    assert {s.name: s.open_incidents for s in gone.sectors}[ref.STALINGRAD] == 0
    assert gone.incidents == board_snapshot(desk.database, now=NOW).incidents


def test_a_call_not_on_the_board_waits_for_the_next_refresh(desk: Desk) -> None:
    before = board_snapshot(desk.database, now=NOW)
    incident = call(desk, 2, Priority.NORMAL)
    team = desk.on_duty(ref.STALINGRAD)[0]
    routed = route_incident(
        desk.database, incident, team.team_id, version=1, action=Action(desk.actor, NOW, NOW)
    )
    assert before.with_change(routed, now=NOW) is before
    refreshed = board_snapshot(desk.database, now=NOW, previous=before)
    assert [i.status for i in refreshed.incidents] == [Status.ROUTED]


def test_calls_carried_over_from_the_last_refresh_still_change_colour(desk: Desk) -> None:
    waiting = call(desk, 3, Priority.NORMAL)
    first = board_snapshot(desk.database, now=NOW)
    assert first.incidents[0].alert is Alert.NONE
    later = NOW + timedelta(minutes=13)
    second = board_snapshot(desk.database, now=later, previous=first)
    assert [(i.incident_id, i.alert) for i in second.incidents] == [(waiting, Alert.AMBER)]
    assert second.incidents == board_snapshot(desk.database, now=later).incidents
    third = board_snapshot(desk.database, now=later, previous=second)
    assert third.incidents[0] is second.incidents[0]  # unchanged: not built again
