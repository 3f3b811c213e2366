"""The roster as it stood: imports, removals and edits never rewrite who was on duty."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from sqlalchemy import func, select

from operline.actors import system_actor
from operline.codes import Category, OperatorRole
from operline.db.engine import Database
from operline.db.models import Incident, RosterException, ShiftPattern
from operline.errors import InvalidInput
from operline.incidents.intake import CallForm, log_call
from operline.journal import DayRoster, day_incident_ids, journal_rows
from operline.paris_time import InFold, InGap, paris_to_utc
from operline.roster.csv_format import RosterRow
from operline.roster.duty import duties_as_stood, on_duty_as_stood, on_duty_in
from operline.roster.editing import (
    ExceptionDraft,
    PatternDraft,
    RosterEditRefused,
    SectorDraft,
    TeamDraft,
    add_exception,
    add_sector,
    add_shift_pattern,
    add_team,
    delete_shift_pattern,
    list_exceptions,
    list_shift_patterns,
    list_teams,
    remove_exception,
    update_shift_pattern,
)
from operline.roster.engine import on_duty_teams
from operline.roster.roster_exceptions import remove_roster_exception
from operline.roster.roster_file import export_roster, import_roster
from operline.roster.store import load_roster
from tests.actors import WORKSTATION, signed_in

CLAIRE = system_actor("Claire Dumont", WORKSTATION)
EVERY_DAY = frozenset(range(7))
#: A Monday morning, weeks away from a change of clocks.
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def paris(text: str) -> datetime:
    return paris_to_utc(datetime.fromisoformat(text), in_gap=InGap.RAISE, in_fold=InFold.RAISE)


def names(database: Database, sector_id: int, at: datetime) -> list[tuple[str, int]]:
    return [(team.name, team.tier) for team in on_duty_as_stood(database, sector_id, at)]


def now_names(database: Database, sector_id: int, at: datetime) -> list[str]:
    """Who the screens of the present roster show."""
    with database.read() as session:
        roster = load_roster(session)
    return [team.name for team in on_duty_teams(roster, sector_id, at)]


def shift(team: str, start: time, end: time, tier: int = 1) -> RosterRow:
    return RosterRow(team, "Association", "01 99 00 10 01", tier, ("Stalingrad",), EVERY_DAY,
                     start, end, None, None)  # fmt: skip


@pytest.fixture
def stalingrad(database: Database) -> int:
    return add_sector(database, SectorDraft("Stalingrad"), actor=CLAIRE, now=MONDAY).id


def add_team_with_day_shift(database: Database, sector_id: int, name: str, at: datetime) -> int:
    team_id = add_team(database, TeamDraft(name, "Association", "01 99 00 12 34"),
                       actor=CLAIRE, now=at).id  # fmt: skip
    draft = PatternDraft(team_id, 1, EVERY_DAY, time(8), time(20), frozenset({sector_id}))
    return add_shift_pattern(database, draft, actor=CLAIRE, now=at).id


def test_a_question_before_the_second_import_answers_from_the_first_roster(
    database: Database, stalingrad: int
) -> None:
    roster_a = [shift("Maraude A", time(8), time(20)), shift("ELA", time(0), time(0), tier=2)]
    roster_b = [shift("Maraude B", time(8), time(20)), shift("ELA", time(0), time(0), tier=2)]
    first_import, second_import = MONDAY, MONDAY + timedelta(days=3)
    import_roster(database, roster_a, create_sectors=False, actor=CLAIRE, now=first_import)

    result = import_roster(database, roster_b, create_sectors=False, actor=CLAIRE,
                           now=second_import, replace_all=True)  # fmt: skip

    assert (result.recorded, result.ended) == (1, 1)  # ELA's shift stays as it was
    tuesday_noon = paris("2026-11-24T12:00")
    friday_noon = paris("2026-11-27T12:00")
    assert names(database, stalingrad, tuesday_noon) == [("Maraude A", 1), ("ELA", 2)]
    assert names(database, stalingrad, friday_noon) == [("Maraude B", 1), ("ELA", 2)]
    # The present roster is B's, even for that Tuesday: the board and export show it.
    assert now_names(database, stalingrad, tuesday_noon) == ["Maraude B", "ELA"]
    assert [row.team for row in export_roster(database)] == ["ELA", "Maraude B"]
    # The import's own morning: A until the instant of the import, then B.
    assert names(database, stalingrad, second_import - timedelta(seconds=1))[0][0] == "Maraude A"
    assert names(database, stalingrad, second_import)[0][0] == "Maraude B"


def test_an_import_before_any_roster_leaves_the_time_before_it_uncovered(
    database: Database, stalingrad: int
) -> None:
    import_roster(database, [shift("Maraude A", time(0), time(0))], create_sectors=False,
                  actor=CLAIRE, now=MONDAY)  # fmt: skip

    assert names(database, stalingrad, MONDAY - timedelta(minutes=1)) == []
    assert names(database, stalingrad, MONDAY) == [("Maraude A", 1)]
    assert now_names(database, stalingrad, MONDAY - timedelta(minutes=1)) == ["Maraude A"]


def test_importing_the_same_file_again_keeps_the_rows_and_records_nothing(
    database: Database, stalingrad: int
) -> None:
    rows = [shift("Maraude A", time(8), time(20)), shift("Maraude Nuit", time(20), time(8))]
    import_roster(database, rows, create_sectors=False, actor=CLAIRE, now=MONDAY)
    before = {p.id for p in list_shift_patterns(database)}

    again = import_roster(database, rows, create_sectors=False, actor=CLAIRE,
                          now=MONDAY + timedelta(days=1))  # fmt: skip

    assert (again.recorded, again.ended) == (0, 0)
    assert {p.id for p in list_shift_patterns(database)} == before
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(ShiftPattern)) == 2


def test_a_removed_shift_still_answers_for_the_time_before_its_removal(
    database: Database, stalingrad: int
) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    removed_at = paris("2026-11-25T15:00")  # Wednesday, mid-shift

    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=removed_at)

    assert names(database, stalingrad, paris("2026-11-24T12:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-25T14:59")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-25T15:00")) == []
    assert names(database, stalingrad, paris("2026-11-26T12:00")) == []
    assert list_shift_patterns(database) == []
    assert [t.shift_patterns for t in list_teams(database)] == [0]
    # Deleting it again says it is gone, rather than ending it twice.
    with pytest.raises(RosterEditRefused):
        delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=removed_at)


def test_an_edited_shift_answers_with_its_old_hours_before_the_edit(
    database: Database, stalingrad: int
) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    [record] = list_shift_patterns(database)
    edited_at = paris("2026-11-25T10:00")

    edited = update_shift_pattern(
        database, pattern_id, PatternDraft(record.team_id, 1, EVERY_DAY, time(14), time(22),
                                           frozenset({stalingrad})),
        actor=CLAIRE, now=edited_at,
    )  # fmt: skip

    assert names(database, stalingrad, paris("2026-11-24T09:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-24T21:00")) == []
    assert names(database, stalingrad, paris("2026-11-25T09:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-25T11:00")) == []
    assert names(database, stalingrad, paris("2026-11-25T21:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-26T09:00")) == []
    assert [p.id for p in list_shift_patterns(database)] == [edited.id]
    # At 09:00 the team was on duty until the edit took it off.
    [duty] = on_duty_in(database, "stalingrad", paris("2026-11-25T09:00")).teams
    assert (duty.since, duty.until) == (paris("2026-11-25T08:00"), edited_at)


def test_an_edit_that_changes_nothing_keeps_the_row(database: Database, stalingrad: int) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    [record] = list_shift_patterns(database)

    same = update_shift_pattern(database, pattern_id, record.draft(), actor=CLAIRE,
                                now=MONDAY + timedelta(days=1))  # fmt: skip

    assert same == record
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(ShiftPattern)) == 1


def test_a_removed_exception_still_applies_to_the_time_before_its_removal(
    database: Database, stalingrad: int
) -> None:
    add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    nord = next(t.id for t in list_teams(database) if t.name == "Maraude Nord")
    off = ExceptionDraft(nord, "off", None, None, paris("2026-11-25T08:00"),
                         paris("2026-11-27T20:00"), "véhicule en panne")  # fmt: skip
    exception = add_exception(database, off, actor=CLAIRE, now=MONDAY)
    removed_at = paris("2026-11-26T10:00")

    remove_exception(database, exception.id, actor=CLAIRE, now=removed_at)

    assert names(database, stalingrad, paris("2026-11-25T12:00")) == []
    assert names(database, stalingrad, paris("2026-11-26T09:59")) == []
    assert names(database, stalingrad, paris("2026-11-26T10:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-27T12:00")) == [("Maraude Nord", 1)]
    assert list_exceptions(database, now=MONDAY, include_past=True) == []
    with pytest.raises(InvalidInput, match="already removed"):
        remove_roster_exception(database, exception.id, actor=CLAIRE, now=removed_at)


def test_an_exception_recorded_late_does_not_rewrite_the_hours_before_it(
    database: Database, stalingrad: int
) -> None:
    add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    nord = next(t.id for t in list_teams(database) if t.name == "Maraude Nord")
    recorded_at = paris("2026-11-25T12:00")
    off = ExceptionDraft(nord, "off", None, None, paris("2026-11-25T08:00"),
                         paris("2026-11-25T20:00"), "malade")  # fmt: skip

    add_exception(database, off, actor=CLAIRE, now=recorded_at)

    # At 10:00 the roster said Maraude Nord was on duty: the day log says so too.
    assert names(database, stalingrad, paris("2026-11-25T10:00")) == [("Maraude Nord", 1)]
    assert names(database, stalingrad, paris("2026-11-25T13:00")) == []


def test_the_team_on_duty_at_intake_is_read_as_the_roster_stood_then(
    database: Database, stalingrad: int
) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=paris("2026-11-25T15:00"))
    operator = signed_in(database, "Inès", OperatorRole.OPERATOR)
    # A call taken at 14:00 and entered at 15:30, after the shift was removed.
    form = CallForm(received_at=paris("2026-11-25T14:00"), sector_id=stalingrad,
                    category=Category.OTHER)  # fmt: skip

    log_call(database, form, actor=operator, now=paris("2026-11-25T15:30"))

    with database.read() as session:
        assert session.scalar(select(Incident.team_on_duty_at_intake)) is True


def test_the_day_log_asks_many_calls_at_once(database: Database, stalingrad: int) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=paris("2026-11-25T15:00"))
    questions = [
        (stalingrad, paris("2026-11-25T09:00")),
        (stalingrad, paris("2026-11-25T16:00")),
        (stalingrad, paris("2026-11-24T12:00")),
    ]

    found = duties_as_stood(database, questions)

    assert [[t.name for t in teams] for teams in found] == [["Maraude Nord"], [], ["Maraude Nord"]]
    assert found == [on_duty_as_stood(database, s, at) for s, at in questions]
    assert duties_as_stood(database, []) == []


def test_the_day_log_names_the_team_on_duty_as_the_roster_stood_then(
    database: Database, stalingrad: int
) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    operator = signed_in(database, "Inès", OperatorRole.OPERATOR)
    form = CallForm(received_at=paris("2026-11-25T14:00"), sector_id=stalingrad,
                    category=Category.OTHER)  # fmt: skip
    log_call(database, form, actor=operator, now=paris("2026-11-25T14:05"))
    # The next morning, the shift is removed from the roster.
    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=paris("2026-11-26T09:00"))

    day = date(2026, 11, 25)
    ids = day_incident_ids(database, day, actor=CLAIRE, now=paris("2026-11-26T10:00"))
    for day_roster in (DayRoster(day), None):
        [row] = journal_rows(database, ids, day_roster=day_roster)
        assert row.on_duty == ("Maraude Nord",)


@pytest.mark.parametrize(
    ("night", "changed_at", "before"),
    [
        # Spring: 02:00 becomes 03:00 on Sunday 29 March 2026; the edit lands at the jump.
        ("2026-03-28", datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "2026-03-29T01:30"),
        # Autumn: 02:00–03:00 is lived twice on 25 October 2026; asked in the second one.
        ("2026-10-24", datetime(2026, 10, 25, 3, 0, tzinfo=UTC), "2026-10-25T01:45Z"),
    ],
)
def test_a_change_recorded_on_the_night_the_clocks_change(
    database: Database, stalingrad: int, night: str, changed_at: datetime, before: str
) -> None:
    start = paris(f"{night}T12:00")
    asked = datetime.fromisoformat(before) if before.endswith("Z") else paris(before)
    team_id = add_team(database, TeamDraft("Maraude Nuit", "Association", "01 99 00 12 34"),
                       actor=CLAIRE, now=start).id  # fmt: skip
    nights = PatternDraft(team_id, 1, EVERY_DAY, time(20), time(8), frozenset({stalingrad}))
    pattern = add_shift_pattern(database, nights, actor=CLAIRE, now=start)
    # Nights now end at 01:00: already over when the edit is made.
    shorter = PatternDraft(team_id, 1, EVERY_DAY, time(20), time(1), frozenset({stalingrad}))

    update_shift_pattern(database, pattern.id, shorter, actor=CLAIRE, now=changed_at)

    assert names(database, stalingrad, paris(f"{night}T23:00")) == [("Maraude Nuit", 1)]
    assert names(database, stalingrad, asked) == [("Maraude Nuit", 1)]
    assert names(database, stalingrad, changed_at) == []
    assert now_names(database, stalingrad, asked) == []
    [duty] = on_duty_in(database, "Stalingrad", asked).teams
    assert (duty.since, duty.until) == (paris(f"{night}T20:00"), changed_at)


def test_an_import_inside_the_repeated_autumn_hour(database: Database, stalingrad: int) -> None:
    # 02:30 is lived twice on 25 October 2026: first at 00:30 UTC, then at 01:30 UTC.
    first_0215 = datetime(2026, 10, 25, 0, 15, tzinfo=UTC)
    second_0215 = datetime(2026, 10, 25, 1, 15, tzinfo=UTC)
    import_roster(database, [shift("Maraude A", time(20), time(8))], create_sectors=False,
                  actor=CLAIRE, now=paris("2026-10-20T12:00"))  # fmt: skip

    import_roster(database, [shift("Maraude B", time(20), time(8))], create_sectors=False,
                  actor=CLAIRE, now=datetime(2026, 10, 25, 0, 30, tzinfo=UTC),
                  replace_all=True)  # fmt: skip

    assert names(database, stalingrad, first_0215) == [("Maraude A", 1)]
    assert names(database, stalingrad, second_0215) == [("Maraude B", 1)]
    # Unbroken night for the desk, handed from one roster to the other at the import.
    [duty] = on_duty_in(database, "Stalingrad", second_0215).teams
    assert duty.since == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert duty.until == paris("2026-10-25T08:00")


def test_nothing_is_deleted(database: Database, stalingrad: int) -> None:
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", MONDAY)
    nord = next(t.id for t in list_teams(database) if t.name == "Maraude Nord")
    exception = add_exception(
        database,
        ExceptionDraft(nord, "off", None, frozenset({stalingrad}), MONDAY + timedelta(days=1),
                       MONDAY + timedelta(days=2), "formation"),
        actor=CLAIRE, now=MONDAY,
    )  # fmt: skip
    later = MONDAY + timedelta(hours=1)

    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=later)
    remove_exception(database, exception.id, actor=CLAIRE, now=later)

    with database.read() as session:
        patterns = session.execute(select(ShiftPattern.recorded_at, ShiftPattern.retired_at)).all()
        exceptions = session.execute(
            select(RosterException.recorded_at, RosterException.retired_at)
        ).all()
    assert [tuple(row) for row in patterns] == [(MONDAY, later)]
    assert [tuple(row) for row in exceptions] == [(MONDAY, later)]


def test_a_desk_whose_clock_runs_behind_still_ends_rows_after_they_began(
    database: Database, stalingrad: int
) -> None:
    recorded = MONDAY + timedelta(minutes=5)
    behind = MONDAY  # another desk, five minutes late
    import_roster(database, [shift("Maraude A", time(8), time(20))], create_sectors=False,
                  actor=CLAIRE, now=recorded)  # fmt: skip
    pattern_id = add_team_with_day_shift(database, stalingrad, "Maraude Nord", recorded)
    nord = next(t.id for t in list_teams(database) if t.name == "Maraude Nord")
    off = ExceptionDraft(nord, "off", None, None, MONDAY + timedelta(days=1),
                         MONDAY + timedelta(days=2), "formation")  # fmt: skip
    exception = add_exception(database, off, actor=CLAIRE, now=recorded)

    delete_shift_pattern(database, pattern_id, actor=CLAIRE, now=behind)
    import_roster(database, [shift("Maraude B", time(8), time(20))], create_sectors=False,
                  actor=CLAIRE, now=behind, replace_all=True)  # fmt: skip
    remove_exception(database, exception.id, actor=CLAIRE, now=behind)

    with database.read() as session:
        ended = (
            session.execute(
                select(ShiftPattern.retired_at).where(ShiftPattern.retired_at.is_not(None))
            )
            .scalars()
            .all()
        )
        removed = session.scalar(select(RosterException.retired_at))
    assert ended == [recorded, recorded]
    assert removed == recorded
