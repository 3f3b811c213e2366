"""The desk as an operator uses it on a night shift: from the phone ringing to the team called."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from operline import reference_data as ref
from operline.changes import Changes
from operline.codes import Category, Priority, Status
from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent
from operline.incidents.intake import CallForm, log_call
from operline.incidents.routing import RoutingChoices, routing_choices
from operline.paris_time import format_paris
from operline.ui import palette
from operline.ui.intake import routing_panel
from operline.ui.intake.desk_view import DeskView
from tests.incidents.conftest import NOW
from tests.ui.conftest import DESK_SCREEN_WIDTH, MARK
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    SUNDAY_MORNING,
    Clock,
    FilledDesk,
    Keyboard,
    fill_desk,
    focused,
    incident_count,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

KEY_BUDGET = 15


@pytest.fixture
def desk(database: Database) -> FilledDesk:
    return fill_desk(database)


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def view(qtbot: QtBot, desk: FilledDesk, clock: Clock, tmp_path: Path) -> DeskView:
    return open_desk_view(qtbot, desk, clock, tmp_path / "drafts")


def _incidents(database: Database) -> list[Incident]:
    with database.read() as session:
        rows = session.scalars(select(Incident).order_by(Incident.id)).all()
        session.expunge_all()
        return list(rows)


@pytest.mark.usefixtures("english")
def test_a_call_is_logged_and_routed_within_the_key_budget(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = Keyboard(qtbot, view)
    routed: list[object] = []
    view.call_routed.connect(routed.append)

    view.start_new_call()  # what Ctrl+N does in the window
    keys.counted += 1
    keys.type("st")
    keys.press(Qt.Key.Key_Return)  # Stalingrad
    assert view.form.sector_id == desk.sectors[ref.STALINGRAD]
    assert focused() is view.form.location
    keys.type("Sortie du metro, ligne 2", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)  # person in distress
    keys.press(Qt.Key.Key_U)  # urgent
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Saved: the first team on duty is selected, Enter records that it was contacted.
    assert focused() is view.routing.table
    keys.press(Qt.Key.Key_Return)

    assert keys.counted <= KEY_BUDGET
    [incident] = _incidents(desk.database)
    assert (incident.category, incident.priority, incident.location) == (
        Category.DISTRESS.value,
        Priority.URGENT.value,
        "Sortie du metro, ligne 2",
    )
    assert incident.status == Status.ROUTED.value
    assert incident.assigned_team_id == desk.teams[ref.MARAUDE_NUIT]
    assert incident.created_by_operator_id == desk.operator.operator_id
    assert incident.received_at == NOW
    assert len(routed) == 1
    outcome = view.routing.findChild(QLabel, "routingOutcome")
    assert outcome is not None
    assert f"{ref.MARAUDE_NUIT} contacted at 22:00" in outcome.text()


def _type_call(keys: Keyboard, view: DeskView, sector: str, category_key: Qt.Key) -> None:
    view.start_new_call()
    keys.type(sector)
    keys.press(Qt.Key.Key_Return)
    keys.type("Pont de Crimee", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(category_key)


def _log_earlier_call(desk: FilledDesk, minutes_ago: int, location: str) -> str:
    form = CallForm(
        received_at=NOW - timedelta(minutes=minutes_ago),
        sector_id=desk.sectors[ref.STALINGRAD],
        category=Category.SHELTER,
        location=location,
    )
    return log_call(desk.database, form, actor=desk.actor, now=NOW).reference


@pytest.mark.usefixtures("english")
def test_a_second_call_about_the_same_scene_is_linked_to_it_with_l(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    older = _log_earlier_call(desk, 25, "Rotonde")
    newer = _log_earlier_call(desk, 5, "Quai de Valmy")
    _log_earlier_call(desk, 45, "Too old to be the same call")
    linked: list[object] = []
    view.call_linked.connect(linked.append)
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "stal", Qt.Key.Key_2)

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    prompt = view.duplicate_prompt
    assert prompt is not None
    assert prompt.isVisible()
    assert [prompt.row_texts(row)[0] for row in range(3)] == ["This call", newer, older]
    assert prompt.highlighted is not None
    assert prompt.highlighted.reference == newer
    keys.press(Qt.Key.Key_Up)  # the call being typed is not one to link to
    assert prompt.highlighted is not None
    assert prompt.highlighted.reference == newer
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_L)  # link to the older one

    assert view.duplicate_prompt is None
    assert incident_count(desk.database) == 3  # no new incident
    with desk.database.read() as session:
        events = session.scalars(
            select(IncidentEvent).where(IncidentEvent.kind == "linked_call")
        ).all()
        assert [(e.incident_id, e.new_value) for e in events] == [
            (_id_of(desk, older), "Pont de Crimee")
        ]
    assert linked == [_id_of(desk, older)]
    assert f"Call linked to {older}" in view.form.status.text()
    assert not view.form.has_content()
    assert not view.keeper.store.path.exists()


@pytest.mark.usefixtures("english")
def test_the_duplicate_prompt_shows_both_calls_need_place_and_priority_side_by_side(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    older = _log_earlier_call(desk, 12, "Rotonde")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "stal", Qt.Key.Key_1)
    keys.press(Qt.Key.Key_U)  # urgent
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    prompt = view.duplicate_prompt
    assert prompt is not None
    typed, open_one = prompt.row_texts(0), prompt.row_texts(1)
    assert typed == [
        "This call",
        format_paris(NOW, "%H:%M"),
        "Person in distress / unwell",
        "Pont de Crimee",
        "Urgent",
        "being typed",
    ]
    assert open_one == [
        older,
        format_paris(NOW - timedelta(minutes=12), "%H:%M"),
        "Orientation / shelter request",
        "Rotonde",
        "Normal",
        "Received",
    ]


@pytest.mark.usefixtures("english")
def test_a_reflex_enter_on_the_duplicate_prompt_makes_a_new_incident(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    older = _log_earlier_call(desk, 10, "Rotonde")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)
    keys.press(Qt.Key.Key_U)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.duplicate_prompt is not None

    keys.press(Qt.Key.Key_Return)

    assert view.duplicate_prompt is None
    assert incident_count(desk.database) == 2
    with desk.database.read() as session:
        assert (
            session.scalars(select(IncidentEvent).where(IncidentEvent.kind == "linked_call")).all()
            == []
        )
        newest = session.scalars(select(Incident).order_by(Incident.id.desc())).first()
        assert newest is not None
        assert (newest.reference != older, newest.priority) == (True, Priority.URGENT.value)
    assert focused() is view.routing.table


def _id_of(desk: FilledDesk, reference: str) -> int:
    with desk.database.read() as session:
        found = session.scalar(select(Incident.id).where(Incident.reference == reference))
        assert found is not None
        return found


@pytest.mark.usefixtures("english")
def test_a_possible_duplicate_can_still_become_a_new_incident(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    _log_earlier_call(desk, 10, "Rotonde")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.duplicate_prompt is not None

    keys.press(Qt.Key.Key_N)

    assert view.duplicate_prompt is None
    assert incident_count(desk.database) == 2
    assert view.routing.pending is not None
    assert focused() is view.routing.table


@pytest.mark.usefixtures("french")
def test_the_duplicate_prompt_reads_in_french_and_names_its_keys(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    _log_earlier_call(desk, 10, "Rotonde")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    prompt = view.duplicate_prompt
    assert prompt is not None
    assert prompt.new_button.text() == "Nouvel appel (Entrée)"
    assert prompt.link_button.text() == (
        "Même appel\u00a0: le rattacher à l'appel en surbrillance (L)"
    )
    assert prompt.row_texts(0)[0] == "Cet appel"
    assert prompt.row_texts(0)[-1] == "en cours de saisie"


@pytest.mark.usefixtures("english")
def test_escape_from_the_duplicate_prompt_goes_back_to_the_call(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    _log_earlier_call(desk, 10, "Rotonde")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    keys.press(Qt.Key.Key_Escape)

    assert view.duplicate_prompt is None
    assert incident_count(desk.database) == 1
    assert view.form.location.text() == "Pont de Crimee"
    assert view.form.sector_id == desk.sectors[ref.STALINGRAD]
    assert focused().window() is view


@pytest.mark.usefixtures("english")
def test_nobody_on_duty_shows_the_neighbours_and_asks_a_reason(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    clock = Clock(SUNDAY_MORNING)
    view = open_desk_view(qtbot, desk, clock, tmp_path / "drafts")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "quai", Qt.Key.Key_3)

    warning = view.routing.findChild(QLabel, "routingWarning")
    assert warning is not None
    assert warning.isVisible()
    assert warning.text() == "⚠ No team on duty for this sector"
    assert palette.current().alarm in warning.styleSheet()  # red
    rows = [
        (row.name, view.routing.model.index(n, 1).data())
        for n, row in enumerate(view.routing.model.rows)
    ]
    assert rows[:2] == [
        (ref.MARAUDE_STALINGRAD, f"on duty in {ref.STALINGRAD}"),
        (ref.MARAUDE_CHAPELLE, f"on duty in {ref.ROSA_PARKS}"),
    ]
    assert (ref.MARAUDE_NUIT, "not on duty") in rows

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.routing.table
    keys.press(Qt.Key.Key_Return)  # the canal's neighbour, without a reason

    problem = view.routing.findChild(QLabel, "routingProblem")
    assert problem is not None
    assert problem.text() == (
        f"⚠ {ref.MARAUDE_STALINGRAD} is not on duty in this sector: give a short reason."
    )
    assert focused() is view.routing.reason
    [incident] = _incidents(desk.database)
    assert incident.status == Status.NEW.value
    assert not incident.team_on_duty_at_intake

    keys.type("no team on the canal on Sundays", free_text=True)
    keys.press(Qt.Key.Key_Return)

    [incident] = _incidents(desk.database)
    assert incident.status == Status.ROUTED.value
    assert incident.assigned_team_id == desk.teams[ref.MARAUDE_STALINGRAD]
    with desk.database.read() as session:
        reasons = session.scalars(
            select(IncidentEvent.reason).where(IncidentEvent.kind == "assigned")
        ).all()
    assert reasons == ["no team on the canal on Sundays"]


@pytest.mark.usefixtures("english")
def test_problems_are_shown_beside_their_fields_and_nothing_is_saved(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("zz")  # no such sector
    keys.press(Qt.Key.Key_Tab)
    view.form.callback_number.setFocus()
    keys.type("12")
    keys.press(Qt.Key.Key_Tab)  # leaving the field checks the number at once
    assert view.form.problem_shown("callback_number") == (
        "⚠ Not a phone number (e.g. 01 99 00 12 34)."
    )

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.form.problem_shown("sector_id") == (
        "⚠ No sector is called “zz”, nor anything near. "
        "A call from outside the sectors goes in “Hors secteur”."
    )
    assert view.form.problem_shown("category") == "⚠ Required."
    assert view.form.problem_shown("callback_number").startswith("⚠ Not a phone number")
    assert view.form.problem_shown("location") == ""
    assert focused() is view.form.sector  # the first field to correct
    assert incident_count(desk.database) == 0
    assert view.routing.pending is None


@pytest.mark.usefixtures("french")
def test_problems_read_in_french(qtbot: QtBot, view: DeskView, desk: FilledDesk) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    view.form.callback_number.setFocus()
    keys.type("12")

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.form.problem_shown("sector_id") == "⚠ Obligatoire."
    assert view.form.problem_shown("category") == "⚠ Obligatoire."
    assert view.form.problem_shown("callback_number") == (
        "⚠ Ce n'est pas un numéro de téléphone (par ex. 01 99 00 12 34)."
    )
    assert incident_count(desk.database) == 0


@pytest.mark.usefixtures("english")
def test_a_call_cannot_be_received_in_the_future(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)
    ahead = view.form.received.dateTime().addSecs(10 * 60)
    view.form.received.setDateTime(ahead)  # typed in the time field

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.form.problem_shown("received_at") == "⚠ A call cannot be received in the future."
    assert focused() is view.form.received
    assert incident_count(desk.database) == 0

    view.form.received.setDateTime(ahead.addSecs(-20 * 60))  # ten minutes ago
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    [incident] = _incidents(desk.database)
    assert incident.received_at == NOW - timedelta(minutes=10)


@pytest.mark.usefixtures("english")
def test_a_call_being_typed_is_not_dropped_by_a_new_call(qtbot: QtBot, view: DeskView) -> None:
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "st", Qt.Key.Key_1)

    view.start_new_call()
    prompt = view.new_call_prompt
    assert prompt is not None
    assert prompt.isVisible()
    keys.press(Qt.Key.Key_Return)  # the default keeps the call

    assert view.new_call_prompt is None
    assert view.form.location.text() == "Pont de Crimee"

    view.start_new_call()
    assert view.new_call_prompt is not None
    drop = next(b for b in view.new_call_prompt.buttons() if b.text() == "Drop it, new call")
    drop.click()

    assert not view.form.has_content()
    assert focused() is view.form.sector


@pytest.mark.usefixtures("stretched_french")
def test_longer_french_still_fits_the_desk_screen(
    qtbot: QtBot, desk: FilledDesk, tmp_path: Path
) -> None:
    clock = Clock(SUNDAY_MORNING)  # the red warning and the reason are shown too
    view = open_desk_view(qtbot, desk, clock, tmp_path / "drafts")
    keys = Keyboard(qtbot, view)
    _type_call(keys, view, "quai", Qt.Key.Key_3)
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys.press(Qt.Key.Key_Return)
    view.resize(DESK_SCREEN_WIDTH, 620)

    assert view.form.reminder.text().endswith(MARK)  # the pseudo-translation is in force
    assert view.minimumSizeHint().width() <= DESK_SCREEN_WIDTH
    assert view.minimumSizeHint().height() <= 620
    for widget in [*view.findChildren(QAbstractButton), *view.findChildren(QLabel)]:
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if widget.isVisible() and widget.text() and not wraps:
            assert widget.width() >= widget.sizeHint().width(), (widget.objectName(), widget.text())


@pytest.mark.usefixtures("english")
def test_the_teams_follow_the_time_the_call_was_received(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    assert view.routing.model.rows[0].name == ref.MARAUDE_NUIT

    # Received at 15:00, before the night team's shift.
    view.form.received.setDateTime(view.form.received.dateTime().addSecs(-7 * 3600))

    qtbot.waitUntil(lambda: view.routing.model.rows[0].name == ref.MARAUDE_STALINGRAD)
    assert ref.MARAUDE_NUIT not in [row.name for row in view.routing.model.rows]


@pytest.mark.usefixtures("english")
def test_f6_and_f7_reach_the_teams_and_the_places(qtbot: QtBot, view: DeskView) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()

    keys.press(Qt.Key.Key_F7)
    assert focused() is view.places.table
    keys.press(Qt.Key.Key_F6)
    assert focused() is view.routing.table


@pytest.mark.usefixtures("french")
def test_nobody_signed_in_cannot_save_a_call_and_keeps_what_was_typed(
    qtbot: QtBot, desk: FilledDesk, clock: Clock, tmp_path: Path
) -> None:
    view = open_desk_view(qtbot, desk, clock, tmp_path / "drafts", signed_in=False)
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)  # Stalingrad
    keys.type("Rotonde", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert incident_count(desk.database) == 0
    assert view.form.status.text().startswith("Personne n'est connecté au poste ")
    assert view.form.location.text() == "Rotonde"
    assert view.form.sector_id == desk.sectors[ref.STALINGRAD]


def test_a_call_typed_late_is_routed_to_the_teams_on_duty_now(
    qtbot: QtBot, view: DeskView, desk: FilledDesk
) -> None:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    # Received at 19:30 in Paris, typed at 22:00: the day team's shift ended at 20:00.
    view.form.received.setDateTime(view.form.received.dateTime().addSecs(-150 * 60))
    qtbot.waitUntil(lambda: view.routing.model.rows[0].name == ref.MARAUDE_STALINGRAD)
    keys.type("Rotonde", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.routing.pending is not None
    assert view.routing.model.rows[0].name == ref.MARAUDE_NUIT  # whom to call now
    with desk.database.read() as session:
        incident = session.get(Incident, view.routing.pending.incident_id)
        assert incident is not None
        assert incident.team_on_duty_at_intake  # a team was on duty when the call came in


def _count_routing_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Each reading of the routing choices by the panel, by sector."""
    reads: list[int] = []

    def counted(database: Database, sector_id: int, at: datetime) -> RoutingChoices:
        reads.append(sector_id)
        return routing_choices(database, sector_id, at)

    monkeypatch.setattr(routing_panel, "routing_choices", counted)
    return reads


def _type_a_stalingrad_call(qtbot: QtBot, view: DeskView) -> Keyboard:
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.routing.model.rowCount() > 0)
    keys.type("Rotonde", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_1)
    return keys


def test_saving_within_the_same_shift_proposes_the_teams_already_read(
    qtbot: QtBot, view: DeskView, desk: FilledDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _count_routing_reads(monkeypatch)
    keys = _type_a_stalingrad_call(qtbot, view)
    read_for_the_sector = len(reads)
    assert read_for_the_sector >= 1

    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.routing.pending is not None
    assert view.routing.model.rows[0].name == ref.MARAUDE_NUIT  # on duty at 22:00
    assert len(reads) == read_for_the_sector  # no handoff since: nothing read again


def test_a_roster_edited_meanwhile_makes_the_saved_call_read_its_teams_again(
    qtbot: QtBot, view: DeskView, desk: FilledDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads = _count_routing_reads(monkeypatch)
    keys = _type_a_stalingrad_call(qtbot, view)
    read_for_the_sector = len(reads)

    view._desk.changes.publish(Changes(roster=True))  # a supervisor edited the roster
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert view.routing.pending is not None
    assert len(reads) == read_for_the_sector + 1
