"""The demo filler: Paris reference data and plausible incidents, same seed same data."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from operline import reference_data as ref
from operline.codes import Category, Outcome, Status
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import (
    AuditLog,
    CallerSuggestion,
    Facility,
    Incident,
    IncidentEvent,
    LocationSuggestion,
    Operator,
    ReferenceCounter,
    Sector,
    ShiftPattern,
    Team,
)
from operline.demo import DemoSummary, fill_demo_database
from operline.errors import InvalidInput
from operline.incidents.suggestions import known_callers, known_locations
from operline.paris_time import paris_date, to_paris
from operline.roster.engine import on_duty_teams
from operline.roster.store import load_roster

# Early January, so eight weeks of history cross New Year and references restart at 1.
NOW = datetime(2027, 1, 10, 14, 30, tzinfo=UTC)
WEEKS = 8
COUNT = 300
STAGE_COLUMNS = {
    Status.ROUTED: "routed_at",
    Status.ACKNOWLEDGED: "acknowledged_at",
    Status.ON_SCENE: "on_scene_at",
    Status.CLOSED: "closed_at",
}


def fill(database: Database, *, incidents: int = COUNT, seed: int = 1) -> DemoSummary:
    return fill_demo_database(database, incidents=incidents, weeks=WEEKS, seed=seed, now=NOW)


@pytest.fixture
def second_database(tmp_path: Path) -> Iterator[Database]:
    """Another empty SQLite database, to fill side by side with the one under test."""
    opened = open_database(f"sqlite:///{tmp_path / 'second.sqlite3'}")
    upgrade_database(opened, now=NOW)
    try:
        yield opened
    finally:
        opened.dispose()


def incidents_of(database: Database) -> list[Incident]:
    with database.read() as session:
        rows = session.scalars(select(Incident).order_by(Incident.id)).all()
        session.expunge_all()
        return list(rows)


def events_by_incident(database: Database) -> dict[int, list[IncidentEvent]]:
    with database.read() as session:
        events = session.scalars(select(IncidentEvent).order_by(IncidentEvent.id)).all()
        session.expunge_all()
    grouped: dict[int, list[IncidentEvent]] = {}
    for event in events:
        grouped.setdefault(event.incident_id, []).append(event)
    return grouped


def fingerprint(database: Database) -> list[tuple[Any, ...]]:
    """Every incident and event as the desk would read them, ids replaced by names."""
    with database.read() as session:
        sectors = {key: value for key, value in session.execute(select(Sector.id, Sector.name))}
        teams = {key: value for key, value in session.execute(select(Team.id, Team.name))}
        places = {key: value for key, value in session.execute(select(Facility.id, Facility.name))}
        people = {key: value for key, value in session.execute(select(Operator.id, Operator.name))}
    rows: list[tuple[Any, ...]] = []
    events = events_by_incident(database)
    for incident in incidents_of(database):
        rows.append(
            (
                incident.reference,
                incident.received_at,
                sectors[incident.sector_id],
                incident.caller_service,
                incident.callback_number,
                incident.location,
                incident.category,
                incident.priority,
                incident.persons,
                incident.notes,
                incident.status,
                teams.get(incident.assigned_team_id or 0),
                incident.team_on_duty_at_intake,
                incident.outcome,
                places.get(incident.orientation_facility_id or 0),
                incident.routed_at,
                incident.acknowledged_at,
                incident.on_scene_at,
                incident.closed_at,
                incident.created_at,
                incident.updated_at,
                incident.version,
                people.get(incident.created_by_operator_id or 0),
            )
        )
        rows.extend(
            (e.at, e.kind, e.field, e.old_value, e.new_value, people.get(e.operator_id or 0))
            for e in events[incident.id]
        )
    return rows


def count(database: Database, model: type[Any]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_fills_reference_data_and_the_incidents_asked(database: Database) -> None:
    summary = fill(database)
    assert summary.incidents == count(database, Incident) == COUNT
    assert summary.events == count(database, IncidentEvent)
    assert summary.sectors == count(database, Sector) == 6
    assert summary.teams == count(database, Team) == len(ref.TEAMS)
    assert summary.facilities == count(database, Facility) == len(ref.FACILITIES)
    assert summary.shift_patterns == count(database, ShiftPattern) == len(ref.SHIFTS)
    assert summary.operators == count(database, Operator) == len(ref.OPERATORS)
    still_open = [i for i in incidents_of(database) if i.status != Status.CLOSED]
    assert summary.open_incidents == len(still_open) >= 3
    with database.read() as session:
        names = session.scalars(select(Sector.name).order_by(Sector.sort_order)).all()
        assert session.scalar(select(func.count()).select_from(AuditLog)) == 1
    assert names == [sector.name for sector in ref.SECTORS]


def test_same_seed_gives_the_same_incidents_on_every_backend(
    database: Database, second_database: Database
) -> None:
    fill(database, seed=7)
    fill(second_database, seed=7)
    assert fingerprint(database) == fingerprint(second_database)


def test_another_seed_gives_other_incidents(database: Database, second_database: Database) -> None:
    fill(database, seed=7)
    fill(second_database, seed=8)
    first, second = fingerprint(database), fingerprint(second_database)
    assert first != second
    assert len({row[1] for row in first} & {row[1] for row in second}) < COUNT // 10


def test_received_within_the_weeks_before_now_and_nothing_in_the_future(
    database: Database,
) -> None:
    fill(database)
    incidents = incidents_of(database)
    start = NOW - timedelta(weeks=WEEKS)
    assert all(start <= incident.received_at < NOW for incident in incidents)
    # Spread over the whole period, not bunched at one end.
    assert min(i.received_at for i in incidents) < start + timedelta(days=3)
    assert max(i.received_at for i in incidents) > NOW - timedelta(days=1)
    for incident in incidents:
        for column in ("created_at", "updated_at", *STAGE_COLUMNS.values()):
            moment = getattr(incident, column)
            assert moment is None or moment <= NOW, (incident.reference, column)


def test_stages_are_timestamped_in_order(database: Database) -> None:
    fill(database)
    reached_on_scene = 0
    for incident in incidents_of(database):
        moments = [incident.received_at, incident.created_at]
        for _stage, column in STAGE_COLUMNS.items():
            moment = getattr(incident, column)
            if moment is not None:
                moments.append(moment)
        assert moments == sorted(moments), incident.reference
        # No stage is skipped: each one set implies the earlier ones (closing may come early).
        walked = [incident.routed_at, incident.acknowledged_at, incident.on_scene_at]
        first_missing = next((n for n, m in enumerate(walked) if m is None), len(walked))
        assert all(m is None for m in walked[first_missing:]), incident.reference
        if incident.routed_at is not None:
            assert incident.assigned_team_id is not None
        else:
            assert incident.assigned_team_id is None
        reached_on_scene += incident.on_scene_at is not None
    assert 0 < reached_on_scene < COUNT


def test_urgent_calls_are_routed_faster(database: Database) -> None:
    fill(database, incidents=600)
    delays: dict[str, list[float]] = {"urgent": [], "normal": []}
    for incident in incidents_of(database):
        if incident.routed_at is not None:
            delays[incident.priority].append(
                (incident.routed_at - incident.received_at).total_seconds()
            )
    urgent = sorted(delays["urgent"])[len(delays["urgent"]) // 2]
    normal = sorted(delays["normal"])[len(delays["normal"]) // 2]
    assert urgent < normal
    assert max(delays["urgent"]) <= 15 * 60


def test_outcomes_closed_and_open_incidents(database: Database) -> None:
    fill(database)
    with database.read() as session:
        places = {key: value for key, value in session.execute(select(Facility.id, Facility.name))}
        active = set(session.scalars(select(Facility.id).where(Facility.active)).all())
    incidents = incidents_of(database)
    for incident in incidents:
        if incident.status == Status.CLOSED:
            assert incident.outcome is not None
            assert incident.closed_at is not None
        else:
            assert incident.outcome is None
            assert incident.closed_at is None
        if incident.outcome == Outcome.ORIENTED:
            assert incident.orientation_facility_id in active
            if incident.category == Category.WOMAN:
                assert places[incident.orientation_facility_id] == ref.HEBERGEMENT_FEMMES
        else:
            assert incident.orientation_facility_id is None
        if incident.category == Category.MINOR:
            assert incident.outcome != Outcome.ORIENTED
        if incident.outcome in (Outcome.CANCELLED, Outcome.NO_FOLLOW_UP):
            assert incident.on_scene_at is None
    outcomes = Counter(incident.outcome for incident in incidents)
    assert set(outcomes) == {*Outcome, None}
    assert len({incident.orientation_facility_id for incident in incidents}) >= 4
    still_open = [incident for incident in incidents if incident.status != Status.CLOSED]
    assert len(still_open) >= 3
    latest = max(incident.received_at for incident in incidents)
    assert latest in {incident.received_at for incident in still_open}


def test_assigned_team_is_the_one_the_roster_has_on_duty(database: Database) -> None:
    fill(database)
    with database.read() as session:
        roster = load_roster(session)
        sector_ids = session.scalars(select(Sector.id).order_by(Sector.sort_order)).all()
    uncovered = 0
    for incident in incidents_of(database):
        on_duty = on_duty_teams(roster, incident.sector_id, incident.received_at)
        assert incident.team_on_duty_at_intake == bool(on_duty), incident.reference
        if incident.assigned_team_id is None:
            continue
        if on_duty:
            best = [duty.team_id for duty in on_duty if duty.tier == on_duty[0].tier]
            assert incident.assigned_team_id in best, incident.reference
        else:
            uncovered += 1
            elsewhere = {
                duty.team_id
                for sector_id in sector_ids
                for duty in on_duty_teams(roster, sector_id, incident.received_at)
            }
            assert incident.assigned_team_id in elsewhere, incident.reference
    assert uncovered > 0


def test_evening_and_night_calls_outnumber_morning_calls(database: Database) -> None:
    fill(database)
    hours = Counter(to_paris(incident.received_at).hour for incident in incidents_of(database))
    evening = sum(hours[hour] for hour in range(19, 24)) / 5
    night = sum(hours[hour] for hour in range(0, 6)) / 6
    morning = sum(hours[hour] for hour in range(6, 12)) / 6
    assert evening > 1.5 * morning
    assert night > morning


def test_busiest_sectors_callers_and_crowds(database: Database) -> None:
    fill(database)
    with database.read() as session:
        names = {key: value for key, value in session.execute(select(Sector.id, Sector.name))}
    incidents = incidents_of(database)
    by_sector = Counter(names[incident.sector_id] for incident in incidents)
    ranked = [name for name, _ in by_sector.most_common()]
    assert set(ranked[:2]) == {ref.STALINGRAD, ref.PORTE_DE_LA_CHAPELLE}
    assert ranked[-1] == ref.HORS_SECTEUR
    persons = Counter(incident.persons for incident in incidents)
    assert 0.5 < persons[1] / COUNT < 0.95
    assert max(persons) >= 4
    assert len({incident.caller_service for incident in incidents}) >= 6
    assert len({incident.category for incident in incidents}) == len(Category)
    for incident in incidents:
        assert incident.callback_number is None or incident.callback_number.startswith(
            ref.FICTION_PHONE_PREFIXES
        )
        assert incident.location in ref.SECTOR_LANDMARKS[names[incident.sector_id]]
        assert incident.notes is None or len(incident.notes) <= 80
    assert any(incident.notes is None for incident in incidents)


def test_references_count_per_paris_year_in_time_order(database: Database) -> None:
    fill(database)
    incidents = sorted(incidents_of(database), key=lambda incident: incident.received_at)
    per_year: Counter[int] = Counter()
    for incident in incidents:
        year = paris_date(incident.received_at).year
        per_year[year] += 1
        assert incident.reference == f"OPL-{year}-{per_year[year]:06d}"
        assert re.fullmatch(r"OPL-\d{4}-\d{6}", incident.reference)
    assert set(per_year) == {2026, 2027}
    with database.read() as session:
        counters = {
            year: last
            for year, last in session.execute(
                select(ReferenceCounter.year, ReferenceCounter.last_number)
            )
        }
    assert counters == dict(per_year)


def test_events_tell_the_same_story_as_the_incident(database: Database) -> None:
    fill(database)
    events = events_by_incident(database)
    for incident in incidents_of(database):
        timeline = events[incident.id]
        created = timeline[0]
        assert (created.kind, created.at) == ("created", incident.received_at)
        assert created.operator_id == incident.created_by_operator_id
        status: str | None = Status.NEW.value
        stage_times: dict[str | None, datetime] = {}
        team: int | None = None
        outcome: str | None = None
        place: int | None = None
        for event in timeline[1:]:
            if event.kind == "stage":
                assert (event.field, event.old_value) == ("status", status)
                status = event.new_value
                stage_times[status] = event.at
            elif event.kind == "assigned":
                team = int(event.new_value or 0)
            elif event.kind == "closed":
                outcome = event.new_value
            elif event.kind == "updated":
                assert event.field == "orientation_facility_id"
                place = int(event.new_value or 0)
        assert status == incident.status, incident.reference
        for stage, column in STAGE_COLUMNS.items():
            assert stage_times.get(stage.value) == getattr(incident, column), incident.reference
        assert team == incident.assigned_team_id
        assert outcome == incident.outcome
        assert place == incident.orientation_facility_id
        assert [e.at for e in timeline] == sorted(e.at for e in timeline)
        assert incident.updated_at == max(incident.created_at, timeline[-1].at)
        assert incident.version == 1 + len(stage_times)


def test_refuses_a_database_that_already_holds_data(database: Database) -> None:
    fill(database, incidents=40)
    before = fingerprint(database)
    with pytest.raises(InvalidInput, match="already holds sectors, teams, places"):
        fill(database, incidents=40, seed=2)
    assert fingerprint(database) == before
    assert count(database, Sector) == 6
    assert count(database, Operator) == len(ref.OPERATORS)


@pytest.mark.parametrize(
    ("incidents", "weeks", "message"),
    [(-1, 8, "0 or more"), (10, 0, "at least 1 week")],
)
def test_refuses_impossible_sizes(
    database: Database, incidents: int, weeks: int, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        fill_demo_database(database, incidents=incidents, weeks=weeks, now=NOW)
    assert count(database, Sector) == 0


def test_no_incidents_still_loads_the_reference_data(database: Database) -> None:
    summary = fill(database, incidents=0)
    assert (summary.incidents, summary.events, summary.open_incidents) == (0, 0, 0)
    assert count(database, Team) == len(ref.TEAMS)
    assert count(database, Incident) == 0


def test_keeps_desk_staff_already_signed_up(database: Database) -> None:
    with database.write() as session:
        session.execute(
            insert(Operator).values(
                name=ref.OPERATORS[0].name, role="supervisor", password_hash="x", created_at=NOW
            )
        )
    summary = fill(database, incidents=10)
    assert summary.operators == len(ref.OPERATORS) - 1
    with database.read() as session:
        kept = session.scalar(select(Operator).where(Operator.name == ref.OPERATORS[0].name))
        assert kept is not None
        assert kept.password_hash == "x"


def test_the_next_call_after_the_demo_gets_a_fresh_id(database: Database) -> None:
    fill(database, incidents=25)
    with database.write() as session:
        sector_id = session.scalar(select(Sector.id).limit(1))
        new_id = session.execute(
            insert(Incident)
            .values(
                reference="OPL-2027-999999",
                received_at=NOW,
                sector_id=sector_id,
                category="other",
                priority="normal",
                persons=1,
                status="new",
                team_on_duty_at_intake=False,
                created_at=NOW,
                updated_at=NOW,
                version=1,
            )
            .returning(Incident.id)
        ).scalar_one()
    assert new_id == 26


@pytest.mark.parametrize(
    "now",
    [
        pytest.param(datetime(2026, 4, 2, 9, 0, tzinfo=UTC), id="clocks-went-forward"),
        pytest.param(datetime(2026, 11, 1, 9, 0, tzinfo=UTC), id="clocks-went-back"),
    ],
)
def test_history_across_a_change_of_clocks(sqlite_database: Database, now: datetime) -> None:
    fill_demo_database(sqlite_database, incidents=400, weeks=1, seed=3, now=now)
    with sqlite_database.read() as session:
        roster = load_roster(session)
    incidents = incidents_of(sqlite_database)
    assert len(incidents) == 400
    for incident in incidents:
        assert now - timedelta(weeks=1) <= incident.received_at < now
        stages = [incident.received_at, incident.created_at]
        stages += [m for c in STAGE_COLUMNS.values() if (m := getattr(incident, c)) is not None]
        assert stages == sorted(stages), incident.reference
        on_duty = on_duty_teams(roster, incident.sector_id, incident.received_at)
        assert incident.team_on_duty_at_intake == bool(on_duty)


def test_the_forms_suggestions_are_counted_from_the_demo_calls(database: Database) -> None:
    fill(database)
    with database.read() as session:
        callers = session.execute(
            select(Incident.caller_service, func.count()).group_by(Incident.caller_service)
        ).all()
        places = session.execute(
            select(Incident.sector_id, Incident.location, func.count()).group_by(
                Incident.sector_id, Incident.location
            )
        ).all()
        counted_callers = session.execute(
            select(CallerSuggestion.name, CallerSuggestion.uses)
        ).all()
        counted_places = session.execute(
            select(LocationSuggestion.sector_id, LocationSuggestion.name, LocationSuggestion.uses)
        ).all()
        busiest = session.execute(
            select(Incident.sector_id, func.count())
            .group_by(Incident.sector_id)
            .order_by(func.count().desc())
        ).first()
    assert sorted(map(tuple, counted_callers)) == sorted(map(tuple, callers))
    assert sorted(map(tuple, counted_places)) == sorted(map(tuple, places))
    assert busiest is not None
    proposed = known_locations(database, busiest[0], now=NOW)
    assert set(proposed) == {place for sector, place, _ in places if sector == busiest[0]}
    assert set(known_callers(database, now=NOW)) == {name for name, _ in callers}
