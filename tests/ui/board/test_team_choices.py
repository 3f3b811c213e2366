"""The board's team lists come from the call form's routing choices: neighbours first."""

from __future__ import annotations

from operline import reference_data as ref
from operline.codes import Category
from operline.db.engine import Database
from operline.incidents.intake import CallForm, log_call
from operline.incidents.live_board import open_incidents
from operline.incidents.routing import routing_choices
from operline.settings import DeskSettings
from operline.ui.board.team_choices import team_choices
from tests.ui.desk_helpers import SUNDAY_MORNING, fill_desk


def test_a_call_nobody_covers_proposes_the_neighbours_teams_before_the_rest(
    sqlite_database: Database,
) -> None:
    desk = fill_desk(sqlite_database, SUNDAY_MORNING)
    quais = desk.sectors[ref.QUAIS_OURCQ]
    form = CallForm(received_at=SUNDAY_MORNING, sector_id=quais, category=Category.SHELTER)
    log_call(sqlite_database, form, actor=desk.actor, now=SUNDAY_MORNING)
    (incident,) = open_incidents(sqlite_database, now=SUNDAY_MORNING, settings=DeskSettings())

    choices = team_choices(sqlite_database, incident, now=SUNDAY_MORNING, routing=True)

    expected = routing_choices(sqlite_database, quais, SUNDAY_MORNING)
    nearby = [team.team_id for duty in expected.neighbours for team in duty.teams]
    assert nearby, "a neighbour of the canal has a team on duty on Sunday morning"
    here = [choice.team_id for choice in choices if choice.on_duty]
    assert here == [team.team_id for team in expected.on_duty]
    assert all(team.tier > 1 for team in expected.on_duty)  # only backups cover it then
    # The neighbours' teams come right after, not marked on duty here (a reason is asked).
    following = choices[len(here) : len(here) + len(nearby)]
    assert [choice.team_id for choice in following] == nearby
    assert not any(choice.on_duty for choice in following)
    assert len({choice.team_id for choice in choices}) == len(choices)
