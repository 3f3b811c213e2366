"""The new-call form field by field: type-ahead, needs by number, urgent, notes, time, draft."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from operline import reference_data as ref
from operline.codes import Category, Priority
from operline.db.engine import Database
from operline.incidents.events import IncidentRefused, Refusal
from operline.incidents.intake import CallForm, FieldProblem, IntakeProblem, check_call, log_call
from operline.incidents.routing import SectorChoice
from operline.ui import palette
from operline.ui.intake.call_form import NewCallForm
from operline.ui.intake.draft import form_draft, restore_draft
from operline.ui.refusals import problem_sentence, refusal_sentence
from operline.ui.shell.language import InstalledLanguage
from tests.incidents.conftest import NOW
from tests.ui.desk_helpers import (
    OFFSCREEN_POPUP_NOTICES,
    Clock,
    Keyboard,
    fill_desk,
    focused,
    open_desk_view,
)

pytestmark = pytest.mark.qt_log_ignore(*OFFSCREEN_POPUP_NOTICES)

SECTORS = [
    SectorChoice(number, name)
    for number, name in enumerate([*ref.NAMED_SECTORS, ref.HORS_SECTEUR], start=1)
]
IDS = {choice.name: choice.sector_id for choice in SECTORS}


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def form(qtbot: QtBot, clock: Clock, english: InstalledLanguage) -> NewCallForm:
    shown = NewCallForm(clock=clock)
    shown.set_sectors(SECTORS)
    qtbot.addWidget(shown)
    shown.resize(760, 680)
    with qtbot.waitActive(shown):
        shown.show()
        shown.activateWindow()
    shown.start()
    return shown


@pytest.mark.parametrize(
    ("typed", "key", "sector"),
    [
        ("eo", Qt.Key.Key_Return, ref.EOLE),
        ("éo", Qt.Key.Key_Tab, ref.EOLE),
        ("EO", Qt.Key.Key_Tab, ref.EOLE),
        ("st", Qt.Key.Key_Tab, ref.STALINGRAD),
        ("chap", Qt.Key.Key_Return, ref.PORTE_DE_LA_CHAPELLE),
        ("ourcq", Qt.Key.Key_Return, ref.QUAIS_OURCQ),
        ("rosa parks", Qt.Key.Key_Return, ref.ROSA_PARKS),
        ("hors", Qt.Key.Key_Tab, ref.HORS_SECTEUR),
    ],
)
def test_a_couple_of_letters_and_enter_or_tab_choose_the_sector(
    qtbot: QtBot, form: NewCallForm, typed: str, key: Qt.Key, sector: str
) -> None:
    chosen: list[object] = []
    form.sector_changed.connect(chosen.append)
    keys = Keyboard(qtbot, form)

    keys.type(typed)
    keys.press(key)

    assert form.sector.text() == sector
    assert form.sector_id == IDS[sector]
    assert chosen == [IDS[sector]]
    assert focused() is form.location  # on to the precise place


def test_the_open_list_proposes_every_sector_holding_the_letters(
    qtbot: QtBot, form: NewCallForm
) -> None:
    keys = Keyboard(qtbot, form)
    keys.type("ÉO")
    assert _proposed(form) == [ref.EOLE]
    form.sector.clear()

    keys.type("de")

    assert _proposed(form) == [ref.PORTE_DE_LA_CHAPELLE, ref.QUAIS_OURCQ]
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)

    assert form.sector_id == IDS[ref.QUAIS_OURCQ]


def _proposed(form: NewCallForm) -> list[str]:
    proposals = form.sector.proposals
    model = proposals.completionModel()
    return [model.index(row, 0).data() for row in range(proposals.completionCount())]


def test_letters_naming_no_sector_choose_none_and_say_so(qtbot: QtBot, form: NewCallForm) -> None:
    keys = Keyboard(qtbot, form)
    keys.type("zz")
    keys.press(Qt.Key.Key_Tab)

    assert form.sector_id is None
    assert form.sector.text() == "zz"
    problems = form.problems(check_call(form.call_form(), now=NOW))
    assert ("sector_id", IntakeProblem.SECTOR_UNKNOWN) in {(p.field, p.code) for p in problems}

    form.sector.setFocus()
    form.sector.selectAll()
    keys.type("stal")
    keys.press(Qt.Key.Key_Tab)
    assert form.sector_id == IDS[ref.STALINGRAD]


def test_changing_the_letters_of_a_chosen_sector_unchooses_it(
    qtbot: QtBot, form: NewCallForm
) -> None:
    keys = Keyboard(qtbot, form)
    keys.type("eo")
    keys.press(Qt.Key.Key_Tab)
    form.sector.setFocus()
    keys.press(Qt.Key.Key_Backspace)

    assert form.sector_id is None


@pytest.mark.parametrize(
    ("key", "category"),
    [
        (Qt.Key.Key_1, Category.DISTRESS),
        (Qt.Key.Key_2, Category.SHELTER),
        (Qt.Key.Key_4, Category.WOMAN),
        (Qt.Key.Key_5, Category.MINOR),
        (Qt.Key.Key_7, Category.OTHER),
    ],
)
def test_a_need_is_one_digit_and_the_form_goes_on(
    qtbot: QtBot, form: NewCallForm, key: Qt.Key, category: Category
) -> None:
    form.category.setFocus()
    keys = Keyboard(qtbot, form)

    keys.press(key)

    assert form.category.category is category
    assert focused() is form.urgent


def test_a_need_can_be_chosen_from_any_field_and_with_the_arrows(
    qtbot: QtBot, form: NewCallForm
) -> None:
    keys = Keyboard(qtbot, form)
    form.notes.setFocus()
    keys.press(Qt.Key.Key_6, Qt.KeyboardModifier.AltModifier)
    assert form.category.category is Category.CARE
    assert focused() is form.notes

    form.category.setFocus()
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert form.category.category is Category.OTHER
    assert focused() is form.urgent


def test_urgent_is_one_key(qtbot: QtBot, form: NewCallForm) -> None:
    keys = Keyboard(qtbot, form)
    form.urgent.setFocus()
    keys.press(Qt.Key.Key_U)
    assert form.call_form().priority is Priority.URGENT
    assert palette.current().alarm in form.urgent.styleSheet()  # red, seen at a glance
    keys.press(Qt.Key.Key_Space)
    assert form.call_form().priority is Priority.NORMAL

    form.notes.setFocus()
    keys.press(Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert form.call_form().priority is Priority.URGENT
    assert form.notes.toPlainText() == ""


def test_notes_count_their_characters_and_remind_what_not_to_write(
    qtbot: QtBot, form: NewCallForm
) -> None:
    assert form.reminder.isVisible()
    assert form.reminder.text() == "No name, no identity: only what coordination needs"
    assert form.notes_count.text() == "0 / 500"
    form.notes.setFocus()
    Keyboard(qtbot, form).type("Refus de soins", free_text=True)
    assert form.notes_count.text() == "14 / 500"

    form.notes.setPlainText("x" * 501)

    assert form.notes_count.text() == "501 / 500"
    assert palette.current().problem in form.notes_count.styleSheet()
    problems = check_call(form.call_form(), now=NOW)
    assert ("notes", IntakeProblem.TOO_LONG) in {(p.field, p.code) for p in problems}


def test_tab_leaves_the_notes_instead_of_typing_a_tab(qtbot: QtBot, form: NewCallForm) -> None:
    form.notes.setFocus()
    Keyboard(qtbot, form).press(Qt.Key.Key_Tab)

    assert form.notes.toPlainText() == ""
    assert focused() is form.save_button  # not back into « Received at », digits and all


def test_people_go_from_1_to_50(form: NewCallForm) -> None:
    assert (form.persons.minimum(), form.persons.maximum(), form.persons.value()) == (1, 50, 1)


def test_the_time_is_the_clocks_until_the_first_key_of_the_call(
    qtbot: QtBot, form: NewCallForm, clock: Clock
) -> None:
    assert form.received_at == NOW
    assert form.received.text() == "25/11/2026 22:00"

    clock.now = NOW + timedelta(minutes=12)
    form.start()  # Ctrl+N again, nothing typed yet
    assert form.received_at == NOW + timedelta(minutes=12)
    assert focused() is form.sector

    form.reset()  # the previous call was saved
    clock.now = NOW + timedelta(minutes=15)
    Keyboard(qtbot, form).type("s")
    assert form.received_at == NOW + timedelta(minutes=15)

    clock.now = NOW + timedelta(minutes=20)
    form.start()
    assert form.received_at == NOW + timedelta(minutes=15)  # the call being typed keeps it


def test_a_time_typed_by_the_operator_is_kept(form: NewCallForm, clock: Clock) -> None:
    form.received.setDateTime(form.received.dateTime().addSecs(-15 * 60))
    clock.now = NOW + timedelta(minutes=3)

    form.start()

    assert form.received_at == NOW - timedelta(minutes=15)


def test_a_draft_gives_the_same_call_back(qtbot: QtBot, form: NewCallForm, clock: Clock) -> None:
    keys = Keyboard(qtbot, form)
    keys.type("stal")
    keys.press(Qt.Key.Key_Return)
    keys.type("Rotonde", free_text=True)
    keys.press(Qt.Key.Key_Tab)
    keys.press(Qt.Key.Key_3)
    keys.press(Qt.Key.Key_U)
    form.persons.setValue(3)
    form.caller_service.setText("BAC 19")
    form.callback_number.setText("01 99 00 54 20")
    form.notes.setPlainText("Groupe sous le métro")
    typed = form.call_form()

    other = NewCallForm(clock=Clock(NOW + timedelta(hours=1)))
    qtbot.addWidget(other)
    other.set_sectors(SECTORS)
    sectors: list[object] = []
    other.sector_changed.connect(sectors.append)
    restore_draft(other, form_draft(form))

    assert other.call_form() == typed
    assert sectors[-1] == IDS[ref.STALINGRAD]


def test_a_draft_of_a_sector_retired_since_shows_what_was_typed(
    qtbot: QtBot, form: NewCallForm
) -> None:
    draft = form_draft(form) | {"sector_id": 99, "sector_text": "Forceval", "category": "gone"}

    restore_draft(form, draft)

    assert form.sector.text() == "Forceval"
    assert form.sector_id is None
    assert form.category.category is None


@pytest.mark.usefixtures("english")
def test_places_and_services_already_logged_are_proposed(
    qtbot: QtBot, database: Database, tmp_path: Path
) -> None:
    desk = fill_desk(database)
    for sector, place, caller in (
        (ref.STALINGRAD, "Rotonde de la Villette", "BAC 19"),
        (ref.STALINGRAD, "Rotonde de la Villette", "BAC 19"),
        (ref.STALINGRAD, "Quai de Valmy, écluse", "Commissariat du 10e"),
        (ref.EOLE, "Jardins d'Éole", "BAC 18"),
    ):
        form = CallForm(
            received_at=NOW - timedelta(days=2),
            sector_id=desk.sectors[sector],
            category=Category.DISTRESS,
            location=place,
            caller_service=caller,
        )
        log_call(database, form, actor=desk.actor, now=NOW)
    view = open_desk_view(qtbot, desk, Clock(NOW), tmp_path / "drafts")
    keys = Keyboard(qtbot, view)
    view.start_new_call()
    keys.type("st")
    keys.press(Qt.Key.Key_Return)

    places = view.form.location.proposals.names
    assert [places.item(row).text() for row in range(places.rowCount())] == [
        "Rotonde de la Villette",
        "Quai de Valmy, écluse",
    ]
    keys.type("ecl")
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert view.form.location.text() == "Quai de Valmy, écluse"
    assert focused() is view.form.category

    view.form.caller_service.setFocus()
    keys.type("bac")
    callers = view.form.caller_service.proposals
    assert callers.completionCount() == 2  # BAC 19 (twice) first, then BAC 18
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Tab)
    assert view.form.caller_service.text() == "BAC 19"


def test_every_field_problem_has_its_sentence() -> None:
    problems = {code: FieldProblem("notes", code, limit=500).message for code in IntakeProblem}
    assert {
        code: problem_sentence(FieldProblem("notes", code, limit=500)) for code in IntakeProblem
    } == problems


@pytest.mark.usefixtures("french")
def test_refusals_read_in_french() -> None:
    refused = IncidentRefused(Refusal.TEAM_NOT_ON_DUTY, team="Fluid-Crack")

    assert refusal_sentence(refused) == (
        "Fluid-Crack n'est pas de garde dans ce secteur\u00a0: donnez une raison courte."
    )
    assert problem_sentence(FieldProblem("notes", IntakeProblem.TOO_LONG, limit=500)) == (
        "500 caractères au plus."
    )


def test_the_save_key_reads_ctrl_entree_in_french(
    qtbot: QtBot, clock: Clock, french: InstalledLanguage
) -> None:
    shown = NewCallForm(clock=clock)
    qtbot.addWidget(shown)

    assert shown.save_button.text() == "Enregistrer l'appel (Ctrl+Entrée)"
