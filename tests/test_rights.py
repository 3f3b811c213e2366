"""Rights live in the services: each guarded service refuses an actor whose role may not act.

Every refused call is made on a desk where the same call by a supervisor (or an operator
signed in) succeeds, and must leave every table as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operline.actors import ActionRefused, Actor, Right, system_actor
from operline.codes import Category, OperatorRole, Outcome, Status
from operline.day_log import read_day_log
from operline.day_sign_off import sign_off_day
from operline.db.engine import Database
from operline.db.models import AuditLog, Base, IncidentEvent, Sector
from operline.figures.buckets import IsoWeek
from operline.figures.sector_view import DAYS_LOOKED_BACK, sector_figures
from operline.figures.week import week_figures
from operline.gpo.brief import save_gpo_brief
from operline.gpo.brief_figures import read_brief_figures
from operline.gpo.export import export_gpo_week
from operline.gpo.preview import preview_gpo_week
from operline.handover import hand_over
from operline.history.filters import HistoryFilter
from operline.history.search import search_history
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.intake import CallForm, link_call, log_call
from operline.incidents.places import report_free_places
from operline.incidents.stages import (
    Action,
    add_note,
    advance_incident,
    close_incident,
    reassign_incident,
    route_incident,
)
from operline.incidents.timeline import read_incident
from operline.journal import day_incident_ids
from operline.lockout import unlock_operator
from operline.logins import set_password
from operline.operators import add_operator, set_operator_active, set_role
from operline.paris_time import paris_date
from operline.roster import editing
from operline.roster.roster_exceptions import add_roster_exception, remove_roster_exception
from operline.settings import write_setting
from tests.actors import COMMAND_LINE, PASSWORD, WORKSTATION, signed_in, with_password

NOW = datetime(2026, 11, 25, 21, 0, tzinfo=UTC)
EVERY_DAY = frozenset(range(7))


@dataclass(frozen=True)
class Desk:
    """One of everything a guarded service acts on, and who may act."""

    database: Database
    supervisor: Actor
    operator: Actor
    administrator: Actor
    sector_id: int
    team_id: int
    other_team_id: int
    facility_id: int
    pattern_id: int
    exception_id: int
    #: A new call, a routed one and one on scene, each at version 1, 2 and 4.
    new_call: int
    routed_call: int
    on_scene_call: int
    #: Where the week's files for the GPO are written.
    export_folder: Path


@pytest.fixture
def desk(sqlite_database: Database, tmp_path: Path) -> Desk:
    return build_desk(sqlite_database, tmp_path)


def build_desk(database: Database, export_folder: Path) -> Desk:
    """One of everything a guarded service acts on, in ``database``."""
    supervisor = with_password(database, "Amine Benali", OperatorRole.SUPERVISOR)
    operator = signed_in(database, "Zoé Martin", OperatorRole.OPERATOR)
    administrator = signed_in(database, "Nadia Belkacem", OperatorRole.ADMINISTRATOR)
    with_password(database, "Karim Haddad", OperatorRole.OPERATOR)
    sector = editing.add_sector(
        database, editing.SectorDraft("Stalingrad"), actor=supervisor, now=NOW
    )
    team, other = (
        editing.add_team(
            database, editing.TeamDraft(name, "Association", ""), actor=supervisor, now=NOW
        )
        for name in ("Maraude Nord", "Maraude Sud")
    )
    place = editing.add_facility(
        database, editing.FacilityDraft("Halte de nuit", "Hébergement"), actor=supervisor, now=NOW
    )
    pattern = editing.add_shift_pattern(
        database,
        editing.PatternDraft(team.id, 1, EVERY_DAY, time(0), time(0), None),
        actor=supervisor,
        now=NOW,
    )
    exception = editing.add_exception(
        database,
        editing.ExceptionDraft(
            other.id, "add", None, None, NOW + timedelta(days=1), NOW + timedelta(days=2), "Renfort"
        ),
        actor=supervisor,
        now=NOW,
    )
    form = CallForm(received_at=NOW, sector_id=sector.id, category=Category.DISTRESS)
    calls = [log_call(database, form, actor=operator, now=NOW).incident_id for _ in range(3)]
    for incident_id, stages in zip(calls[1:], (1, 3), strict=True):
        route_incident(database, incident_id, team.id, version=1, action=Action(operator, NOW, NOW))
        for version, stage in enumerate((Status.ACKNOWLEDGED, Status.ON_SCENE)[: stages - 1]):
            advance_incident(
                database, incident_id, stage, version=version + 2, action=Action(operator, NOW, NOW)
            )
    return Desk(
        database, supervisor, operator, administrator, sector.id, team.id, other.id, place.id,
        pattern.id, exception.id, *calls, export_folder,
    )  # fmt: skip


def counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


Service = Callable[[Desk, Actor], object]

#: What only a supervisor may do, each with the right it needs.
SUPERVISOR_ONLY: dict[str, tuple[Right, Service]] = {
    "add_team": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.add_team(
            d.database, editing.TeamDraft("ELA", "GHU", ""), actor=a, now=NOW
        ),
    ),
    "update_team": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.update_team(
            d.database, d.team_id, editing.TeamDraft("Maraude N.", "Asso", ""), actor=a, now=NOW
        ),
    ),
    "retire_team": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.retire_team(d.database, d.other_team_id, actor=a, now=NOW),
    ),
    "restore_team": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.restore_team(d.database, d.team_id, actor=a, now=NOW),
    ),
    "add_sector": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.add_sector(d.database, editing.SectorDraft("Éole"), actor=a, now=NOW),
    ),
    "update_sector": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.update_sector(
            d.database, d.sector_id, editing.SectorDraft("Stalingrad – Jaurès"), actor=a, now=NOW
        ),
    ),
    "retire_sector": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.retire_sector(d.database, d.sector_id, actor=a, now=NOW),
    ),
    "restore_sector": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.restore_sector(d.database, d.sector_id, actor=a, now=NOW),
    ),
    "add_facility": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.add_facility(
            d.database, editing.FacilityDraft("ASSORE", "Logement"), actor=a, now=NOW
        ),
    ),
    "update_facility": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.update_facility(
            d.database,
            d.facility_id,
            editing.FacilityDraft("Halte", "Hébergement"),
            actor=a,
            now=NOW,
        ),
    ),
    "retire_facility": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.retire_facility(d.database, d.facility_id, actor=a, now=NOW),
    ),
    "restore_facility": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.restore_facility(d.database, d.facility_id, actor=a, now=NOW),
    ),
    "add_shift_pattern": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.add_shift_pattern(
            d.database,
            editing.PatternDraft(d.other_team_id, 2, EVERY_DAY, time(8), time(20), None),
            actor=a,
            now=NOW,
        ),
    ),
    "update_shift_pattern": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.update_shift_pattern(
            d.database,
            d.pattern_id,
            editing.PatternDraft(d.team_id, 2, EVERY_DAY, time(0), time(0), None),
            actor=a,
            now=NOW,
        ),
    ),
    "delete_shift_pattern": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.delete_shift_pattern(d.database, d.pattern_id, actor=a, now=NOW),
    ),
    "add_exception": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.add_exception(
            d.database,
            editing.ExceptionDraft(
                d.team_id,
                "off",
                None,
                None,
                NOW + timedelta(hours=1),
                NOW + timedelta(hours=2),
                "Formation",
            ),
            actor=a,
            now=NOW,
        ),
    ),
    "remove_exception": (
        Right.EDIT_ROSTER,
        lambda d, a: editing.remove_exception(d.database, d.exception_id, actor=a, now=NOW),
    ),
    "add_roster_exception": (
        Right.EDIT_ROSTER,
        lambda d, a: add_roster_exception(
            d.database,
            team="Maraude Nord",
            kind="off",
            replacement=None,
            sectors=[],
            starts_at=NOW + timedelta(hours=1),
            ends_at=NOW + timedelta(hours=2),
            reason="Formation",
            actor=a,
            now=NOW,
        ),
    ),
    "remove_roster_exception": (
        Right.EDIT_ROSTER,
        lambda d, a: remove_roster_exception(d.database, d.exception_id, actor=a, now=NOW),
    ),
    "correct_incident": (
        Right.CORRECT_LOG,
        lambda d, a: correct_incident(
            d.database,
            d.routed_call,
            Correction(LogField.RECEIVED_AT, NOW - timedelta(minutes=5), "Heure mal saisie"),
            version=2,
            actor=a,
            now=NOW + timedelta(minutes=1),
        ),
    ),
    "sign_off_day": (
        Right.SIGN_OFF_DAY,
        lambda d, a: sign_off_day(d.database, date(2026, 11, 24), actor=a, now=NOW),
    ),
    "export_gpo_week": (
        Right.EXPORT,
        lambda d, a: export_gpo_week(
            d.database, IsoWeek(2026, 47), d.export_folder, actor=a, now=NOW
        ),
    ),
    "preview_gpo_week": (
        Right.EXPORT,
        lambda d, a: preview_gpo_week(d.database, IsoWeek(2026, 47), actor=a, now=NOW),
    ),
    "read_brief_figures": (
        Right.EXPORT,
        lambda d, a: read_brief_figures(d.database, IsoWeek(2026, 47), actor=a, now=NOW),
    ),
    "save_gpo_brief": (
        Right.EXPORT,
        lambda d, a: save_gpo_brief(
            d.database, IsoWeek(2026, 47), b"%PDF-1.4", d.export_folder, pages=1, actor=a, now=NOW
        ),
    ),
}

#: What only an administrator may do: the people, their roles, passwords and locks, and
#: the settings. A supervisor is refused them as an operator is.
ADMINISTRATOR_ONLY: dict[str, tuple[Right, Service]] = {
    "write_setting": (
        Right.EDIT_SETTINGS,
        lambda d, a: write_setting(d.database, "alerts.urgent_ack_minutes", "3", actor=a, now=NOW),
    ),
    "add_operator": (
        Right.MANAGE_OPERATORS,
        lambda d, a: add_operator(
            d.database, "Inès Moreau", OperatorRole.OPERATOR, actor=a, now=NOW
        ),
    ),
    "retire_operator": (
        Right.MANAGE_OPERATORS,
        lambda d, a: set_operator_active(d.database, "Zoé Martin", False, actor=a, now=NOW),
    ),
    "restore_operator": (
        Right.MANAGE_OPERATORS,
        lambda d, a: set_operator_active(d.database, "Zoé Martin", True, actor=a, now=NOW),
    ),
    "set_role": (
        Right.MANAGE_OPERATORS,
        lambda d, a: set_role(d.database, "Zoé Martin", OperatorRole.SUPERVISOR, actor=a, now=NOW),
    ),
    "set_password": (
        Right.MANAGE_OPERATORS,
        lambda d, a: set_password(d.database, "Karim Haddad", PASSWORD, actor=a, now=NOW),
    ),
    "unlock_operator": (
        Right.MANAGE_OPERATORS,
        lambda d, a: unlock_operator(d.database, "Karim Haddad", actor=a, now=NOW),
    ),
}

#: What only a supervisor signed in may do: the system user is refused it too.
SUPERVISOR_IN_PERSON = ("correct_incident", "sign_off_day")


def _action(actor: Actor) -> Action:
    return Action(actor, NOW + timedelta(minutes=1), NOW + timedelta(minutes=1))


#: What only a person signed in may do: the timeline names who did it.
PERSON_ONLY: dict[str, Service] = {
    "log_call": lambda d, a: log_call(
        d.database, CallForm(NOW, d.sector_id, Category.CARE), actor=a, now=NOW
    ),
    "link_call": lambda d, a: link_call(
        d.database, d.new_call, CallForm(NOW, d.sector_id, None), actor=a, now=NOW
    ),
    "route_incident": lambda d, a: route_incident(
        d.database, d.new_call, d.team_id, version=1, action=_action(a)
    ),
    "advance_incident": lambda d, a: advance_incident(
        d.database, d.routed_call, Status.ACKNOWLEDGED, version=2, action=_action(a)
    ),
    "close_incident": lambda d, a: close_incident(
        d.database,
        d.on_scene_call,
        Outcome.TAKEN_IN_CHARGE,
        facility_id=None,
        version=4,
        action=_action(a),
    ),
    "reassign_incident": lambda d, a: reassign_incident(
        d.database,
        d.routed_call,
        d.other_team_id,
        version=2,
        action=Action(a, NOW + timedelta(minutes=1), NOW + timedelta(minutes=1), "Injoignable"),
    ),
    "add_note": lambda d, a: add_note(d.database, d.new_call, "Rappel", actor=a, now=NOW),
    "report_free_places": lambda d, a: report_free_places(
        d.database, d.facility_id, 2, actor=a, reported_at=NOW
    ),
    "hand_over": lambda d, a: hand_over(
        d.database,
        "RAS",
        actor=a,
        to_operator_id=d.supervisor.operator_id or 0,
        password=PASSWORD,
        now=NOW,
    ),
}


@pytest.mark.parametrize("name", SUPERVISOR_ONLY)
def test_an_operator_is_refused_what_only_a_supervisor_may_do(desk: Desk, name: str) -> None:
    right, service = SUPERVISOR_ONLY[name]
    before = counts(desk.database)

    with pytest.raises(ActionRefused) as refused:
        service(desk, desk.operator)

    assert refused.value.right is right
    assert str(refused.value).startswith(
        "Zoé Martin is signed in as an operator: only a supervisor may "
    )
    assert counts(desk.database) == before
    service(desk, desk.supervisor)  # the same call by a supervisor goes through


@pytest.mark.parametrize("name", ADMINISTRATOR_ONLY)
@pytest.mark.parametrize("who", ["operator", "supervisor"])
def test_only_an_administrator_manages_people_and_settings(desk: Desk, name: str, who: str) -> None:
    right, service = ADMINISTRATOR_ONLY[name]
    actor = desk.operator if who == "operator" else desk.supervisor
    before = counts(desk.database)

    with pytest.raises(ActionRefused) as refused:
        service(desk, actor)

    assert refused.value.right is right
    assert str(refused.value).startswith(
        f"{actor.name} is not an administrator: only an administrator may "
    )
    assert counts(desk.database) == before
    service(desk, desk.administrator)  # the same call by an administrator goes through
    assert COMMAND_LINE.may(right)  # the command line is the administrator's tool


@pytest.mark.parametrize("name", PERSON_ONLY)
def test_nobody_signed_in_can_log_route_or_follow_a_call(desk: Desk, name: str) -> None:
    service = PERSON_ONLY[name]
    before = counts(desk.database)

    with pytest.raises(ActionRefused) as refused:
        service(desk, COMMAND_LINE)

    assert str(refused.value) == (
        f"Nobody is signed in at {WORKSTATION}: sign in to log or follow a call."
    )
    assert counts(desk.database) == before
    service(desk, desk.operator)  # an operator signed in may
    assert counts(desk.database) != before


@pytest.mark.parametrize("name", SUPERVISOR_IN_PERSON)
def test_the_system_user_neither_corrects_nor_signs_off_the_day_log(desk: Desk, name: str) -> None:
    right, service = SUPERVISOR_ONLY[name]
    before = counts(desk.database)

    with pytest.raises(ActionRefused) as refused:
        service(desk, COMMAND_LINE)

    assert refused.value.right is right
    assert str(refused.value) == (
        f"Nobody is signed in at {WORKSTATION}: a supervisor signs in to correct or sign off "
        "the day log."
    )
    assert counts(desk.database) == before


def test_an_operator_consults_the_history_in_their_own_name(desk: Desk) -> None:
    """The audit row and the timeline name the same operator, by the same id."""
    read_incident(desk.database, desk.new_call, actor=desk.operator, now=NOW)
    day_incident_ids(desk.database, NOW.date(), actor=desk.operator, now=NOW)
    with desk.database.read() as session:
        audited = session.execute(
            select(AuditLog.operator_id, AuditLog.actor, AuditLog.action)
            .where(AuditLog.action.in_(("incident.view", "journal.view")))
            .order_by(AuditLog.id)
        ).all()
        timeline = session.scalars(
            select(IncidentEvent.operator_id).where(IncidentEvent.incident_id == desk.new_call)
        ).all()
    label = f"Zoé Martin (#{desk.operator.operator_id}) @ {WORKSTATION}"
    assert audited == [
        (desk.operator.operator_id, label, "incident.view"),
        (desk.operator.operator_id, label, "journal.view"),
    ]
    assert timeline == [desk.operator.operator_id]


def test_the_command_line_acts_as_an_administrator_who_is_nobody_at_the_desk() -> None:
    actor = system_actor("  ", "")
    assert (actor.name, actor.workstation, actor.operator_id) == ("unknown", "?", None)
    assert actor.may(Right.EDIT_ROSTER)
    assert actor.may(Right.MANAGE_OPERATORS)
    assert not actor.may(Right.HANDLE_CALLS)
    assert actor.audit_name == "unknown (system) @ ?"
    with pytest.raises(ValueError, match="has a name"):
        Actor(1, " ", OperatorRole.OPERATOR, WORKSTATION)


def test_every_right_is_an_administrator_s_and_each_role_holds_the_one_before() -> None:
    administrator = Actor(3, "Nadia", OperatorRole.ADMINISTRATOR, WORKSTATION)
    supervisor = Actor(1, "Amine", OperatorRole.SUPERVISOR, WORKSTATION)
    operator = Actor(2, "Zoé", OperatorRole.OPERATOR, WORKSTATION)
    assert all(administrator.may(right) for right in Right)
    assert {right for right in Right if not supervisor.may(right)} == {
        Right.MANAGE_OPERATORS,
        Right.EDIT_SETTINGS,
    }
    assert {right for right in Right if operator.may(right)} == {
        Right.HANDLE_CALLS,
        Right.CONSULT_HISTORY,
    }


#: Half past midnight in Paris, the night of 25 to 26 November.
AFTER_MIDNIGHT = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Night:
    """Calls received over three days, read by an operator and a supervisor."""

    database: Database
    operator: Actor
    supervisor: Actor
    #: Received 2 hours before ``AFTER_MIDNIGHT`` (the evening before), 2 days before,
    #: and 3 days before.
    evening_call: int
    two_days_old: int
    three_days_old: int


@pytest.fixture
def night(database: Database) -> Night:
    supervisor = signed_in(database, "Amine Benali", OperatorRole.SUPERVISOR)
    operator = signed_in(database, "Zoé Martin", OperatorRole.OPERATOR)
    sector = editing.add_sector(
        database, editing.SectorDraft("Stalingrad"), actor=supervisor, now=AFTER_MIDNIGHT
    )
    calls = []
    for age in (timedelta(hours=2), timedelta(days=2), timedelta(days=3)):
        received = AFTER_MIDNIGHT - age
        form = CallForm(received_at=received, sector_id=sector.id, category=Category.DISTRESS)
        calls.append(log_call(database, form, actor=operator, now=received).incident_id)
    for old in calls[1:]:  # closed: only the board's open calls stay at hand
        closed_at = AFTER_MIDNIGHT - timedelta(days=1)
        action = Action(operator, closed_at, closed_at)
        close_incident(database, old, Outcome.NOT_FOUND, facility_id=None, version=1, action=action)
    return Night(database, operator, supervisor, *calls)


ARCHIVE_REFUSED = (
    "Zoé Martin is signed in as an operator: only a supervisor may consult the history "
    "beyond the last 24 hours (older calls, earlier days, the week figures)."
)


def test_an_operator_opens_a_call_of_the_last_24_hours_across_midnight(night: Night) -> None:
    detail = read_incident(
        night.database, night.evening_call, actor=night.operator, now=AFTER_MIDNIGHT
    )
    assert paris_date(detail.received_at) < paris_date(AFTER_MIDNIGHT)  # the day before


def test_an_operator_is_refused_a_call_received_two_days_ago(night: Night) -> None:
    before = counts(night.database)
    with pytest.raises(ActionRefused) as refused:
        read_incident(night.database, night.two_days_old, actor=night.operator, now=AFTER_MIDNIGHT)
    assert str(refused.value) == ARCHIVE_REFUSED
    assert counts(night.database) == before  # nothing audited: nothing was shown
    detail = read_incident(
        night.database, night.two_days_old, actor=night.supervisor, now=AFTER_MIDNIGHT
    )
    assert detail.incident_id == night.two_days_old


def test_an_operator_s_history_search_is_clamped_to_the_last_24_hours(night: Night) -> None:
    week = HistoryFilter(first_day=paris_date(AFTER_MIDNIGHT) - timedelta(days=7))
    found = search_history(night.database, week, actor=night.operator, now=AFTER_MIDNIGHT)
    assert [row.id for row in found.first_rows] == [night.evening_call]
    assert found.count == 1
    everything = search_history(
        night.database, HistoryFilter(), actor=night.operator, now=AFTER_MIDNIGHT
    )
    assert everything.count == 1
    supervised = search_history(night.database, week, actor=night.supervisor, now=AFTER_MIDNIGHT)
    assert supervised.count == 3


def test_an_operator_opens_the_days_of_the_last_24_hours_only(night: Night) -> None:
    today = paris_date(AFTER_MIDNIGHT)
    yesterday = today - timedelta(days=1)
    assert day_incident_ids(
        night.database, yesterday, actor=night.operator, now=AFTER_MIDNIGHT
    ) == (night.evening_call,)
    three_days_ago = today - timedelta(days=3)
    with pytest.raises(ActionRefused) as refused:
        day_incident_ids(night.database, three_days_ago, actor=night.operator, now=AFTER_MIDNIGHT)
    assert str(refused.value) == ARCHIVE_REFUSED
    with pytest.raises(ActionRefused):
        read_day_log(night.database, three_days_ago, actor=night.operator, now=AFTER_MIDNIGHT)
    assert day_incident_ids(
        night.database, three_days_ago, actor=night.supervisor, now=AFTER_MIDNIGHT
    ) == (night.three_days_old,)


def test_the_week_figures_are_a_supervisor_s(night: Night) -> None:
    week = IsoWeek.of(paris_date(AFTER_MIDNIGHT))
    with pytest.raises(ActionRefused) as refused:
        week_figures(night.database, week, actor=night.operator, now=AFTER_MIDNIGHT)
    assert str(refused.value) == ARCHIVE_REFUSED
    figures = week_figures(night.database, week, actor=night.supervisor, now=AFTER_MIDNIGHT)
    assert figures.calls >= 1


def test_an_operator_s_sector_view_keeps_today_and_leaves_the_past_weeks_out(
    night: Night,
) -> None:
    with night.database.read() as session:
        sector_id = session.scalar(select(Sector.id).where(Sector.name == "Stalingrad"))
    assert sector_id is not None
    shown = sector_figures(night.database, sector_id, actor=night.operator, now=AFTER_MIDNIGHT)
    today = paris_date(AFTER_MIDNIGHT)
    assert [day.day for day in shown.days] == [today - timedelta(days=1), today]
    assert [day.calls for day in shown.days] == [1, 0]
    assert shown.live.today == today
    assert shown.ack_this_week is None
    assert shown.ack_last_week is None
    supervised = sector_figures(
        night.database, sector_id, actor=night.supervisor, now=AFTER_MIDNIGHT
    )
    assert len(supervised.days) == DAYS_LOOKED_BACK
    assert supervised.ack_last_week is not None


def test_an_operator_still_opens_an_old_call_left_open_on_the_board(night: Night) -> None:
    with night.database.read() as session:
        sector_id = session.scalar(select(Sector.id).where(Sector.name == "Stalingrad"))
    assert sector_id is not None
    received = AFTER_MIDNIGHT - timedelta(days=2)
    form = CallForm(received_at=received, sector_id=sector_id, category=Category.SHELTER)
    still_open = log_call(night.database, form, actor=night.operator, now=received).incident_id
    detail = read_incident(night.database, still_open, actor=night.operator, now=AFTER_MIDNIGHT)
    assert detail.status is Status.NEW
