"""The day log as a supervisor uses it: correct a call, sign off the day, save it as PDF.

The small desk's call comes in at 22:00 Paris on 25 November 2026 and goes a minute a
stage; the supervisor reviews the day the next morning at 08:00.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from operline.actors import Actor
from operline.codes import OperatorRole, Status
from operline.db.engine import Database
from operline.db.models import IncidentEvent
from operline.ui.board.incident_detail import TimelineColumn
from operline.ui.desk_context import ChangeBus
from operline.ui.journal.correction_dialog import CorrectionDialog
from operline.ui.journal.model import JournalColumn
from operline.ui.journal.view import JournalView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import ImmediateRunner
from tests.actors import signed_in
from tests.incidents.test_stage_refusals import Desk, call_at, small_desk
from tests.ui.conftest import Call, store_calls

DAY = date(2026, 11, 25)
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


@dataclass
class Who:
    """Who is signed in at the desk; a shift change replaces them."""

    actor: Actor


@dataclass(frozen=True)
class Review:
    desk: Desk
    supervisor: Actor
    who: Who
    view: JournalView


def _open_view(qtbot: QtBot, database: Database, who: Who, day: date) -> JournalView:
    view = JournalView(
        ImmediateRunner(database),
        actor=lambda: who.actor,
        clock=lambda: MORNING,
        shown_at_once=False,
        changes=ChangeBus(),
    )
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.show_day(day)
    view.table.setFocus()
    return view


@pytest.fixture
def review(qtbot: QtBot, database: Database, french: InstalledLanguage) -> Review:
    desk = small_desk(database)
    call_at(desk, Status.ACKNOWLEDGED)
    supervisor = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    who = Who(supervisor)
    return Review(desk, supervisor, who, _open_view(qtbot, database, who, DAY))


def _press(qtbot: QtBot, view: JournalView, key: Qt.Key, modifier: Qt.KeyboardModifier) -> None:
    qtbot.keyClick(view.window().windowHandle(), key, modifier)


def _correct_acknowledgement(
    qtbot: QtBot, review: Review, hour: int, minute: int
) -> CorrectionDialog:
    """F2 on the acknowledgement of the call, a new time and a reason typed, Record."""
    view = review.view
    view.table.setCurrentIndex(view.model.index(0, JournalColumn.ACKNOWLEDGED))
    _press(qtbot, view, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    dialog = view.supervision.dialog
    assert dialog is not None
    assert dialog.field_choice.currentText() == "Heure de prise en compte"
    assert dialog.recorded.text() == "25/11/2026 22:02"
    dialog.time_edit.setDateTime(QDateTime(QDate(2026, 11, 25), QTime(hour, minute)))
    qtbot.keyClicks(dialog.reason, "Heure lue sur la main courante")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def _timeline(qtbot: QtBot, view: JournalView) -> list[list[str]]:
    """Enter on the call, as the supervisor does once the dialog is closed: its timeline."""
    # Offscreen, a closed dialog hands the activation back to no window: done by hand.
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    view.table.setFocus()
    _press(qtbot, view, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    detail = view.detail
    assert detail is not None
    model = detail.timeline_model
    lines = [
        [model.index(row, column).data() for column in TimelineColumn]
        for row in range(model.rowCount())
    ]
    detail.close()
    return lines


def test_a_supervisor_corrects_a_stage_time_and_the_timeline_keeps_both(
    qtbot: QtBot, review: Review
) -> None:
    view = review.view
    cell = view.model.index(0, JournalColumn.ACKNOWLEDGED)
    assert cell.data() == "22:02\n+1 min"

    dialog = _correct_acknowledgement(qtbot, review, 22, 5)

    assert not dialog.isVisible()
    assert view.model.index(0, JournalColumn.ACKNOWLEDGED).data() == "22:05 (corrigé)\n+4 min"
    tooltip = view.model.index(0, JournalColumn.ACKNOWLEDGED).data(Qt.ItemDataRole.ToolTipRole)
    assert "Valeur d'origine\u00a0: 22:02" in tooltip
    assert view.model.index(0, JournalColumn.ON_SCENE).data() == ""
    last = _timeline(qtbot, view)[-1]
    assert last[1:] == [
        "Claire Roux",
        "Corrigé\u00a0: Heure de prise en compte",
        "25/11 22:02 → 25/11 22:05",
        "Heure lue sur la main courante",
    ]


def test_a_stage_time_out_of_order_is_refused_in_the_dialog(qtbot: QtBot, review: Review) -> None:
    dialog = _correct_acknowledgement(qtbot, review, 21, 59)  # before the call came in

    assert dialog.isVisible()
    assert dialog.problem.text() == "Cette heure est antérieure à l'étape précédente (22:01)."
    assert dialog.reason.text() == "Heure lue sur la main courante"  # nothing typed is lost


def test_an_operator_reads_the_day_log_and_the_service_refuses_their_correction(
    qtbot: QtBot, review: Review
) -> None:
    view, who = review.view, review.who
    operator = review.desk.actor
    who.actor = operator
    view.show_day(DAY)
    correct = view.supervision.correct_action
    assert not correct.isEnabled()
    assert correct.toolTip() == (
        "Zoé Martin est connecté(e) comme opérateur\u00a0: seul un superviseur peut le faire."
    )
    assert not view.supervision.sign_off_action.isEnabled()
    assert view.model.rowCount() == 1  # the log itself is there to read

    # A supervisor had the dialog open when the shift changed: the service says no.
    who.actor = review.supervisor
    view.show_day(DAY)
    lines = _count_lines(review.desk.database)
    who.actor = operator
    dialog = _correct_acknowledgement(qtbot, review, 22, 5)

    assert dialog.isVisible()
    assert dialog.problem.text() == (
        "Zoé Martin est connecté(e) comme opérateur\u00a0: seul un superviseur peut corriger "
        "le journal."
    )
    assert _count_lines(review.desk.database) == lines


def test_a_correction_after_the_sign_off_is_flagged_in_the_header_and_the_log(
    qtbot: QtBot, review: Review
) -> None:
    view = review.view
    header = view.supervision.header
    assert header.text() == "Non signé"

    _press(
        qtbot,
        view,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    prompt = view.supervision.sign_off_prompt
    assert prompt is not None
    assert header.text() == "Non signé"  # nothing signed before the answer
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not prompt.isVisible())
    view.window().activateWindow()  # what the window manager does once the question closes
    qtbot.waitUntil(lambda: view.window().isActiveWindow())

    assert header.text() == "Journal signé par Claire Roux le 26/11/2026 à 08:00"

    _correct_acknowledgement(qtbot, review, 22, 5)

    assert header.text() == (
        "Journal signé par Claire Roux le 26/11/2026 à 08:00 · "
        "Corrigé après signature (corrections depuis\u00a0: 1)"
    )
    cell = view.model.index(0, JournalColumn.ACKNOWLEDGED)
    assert cell.data() == "22:05 (corrigé)\n+4 min"
    assert cell.data(Qt.ItemDataRole.FontRole).bold()
    assert "(corrigé après signature)" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert (
        _timeline(qtbot, view)[-1][2] == "Corrigé après signature\u00a0: Heure de prise en compte"
    )


def test_signing_off_asks_first_naming_the_day_and_escape_signs_nothing(
    qtbot: QtBot, review: Review
) -> None:
    view = review.view
    _press(
        qtbot,
        view,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    prompt = view.supervision.sign_off_prompt
    assert prompt is not None
    assert prompt.windowTitle() == "Signer la journée"
    assert prompt.text() == (
        "Signer le journal du mercredi 25 novembre 2026\u00a0? Appels ce jour-là\u00a0: 1."
    )
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)

    assert view.supervision.sign_off_prompt is None
    assert view.supervision.header.text() == "Non signé"
    qtbot.waitUntil(lambda: not prompt.isVisible())
    view.window().activateWindow()
    qtbot.waitUntil(lambda: view.window().isActiveWindow())
    assert view.table.hasFocus()  # the next arrow key moves in the log


def _count_lines(database: Database) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(IncidentEvent)) or 0


def _pdf_text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_the_spring_day_log_of_23_hours_saved_as_pdf(
    qtbot: QtBot, database: Database, french: InstalledLanguage, tmp_path: Path
) -> None:
    refs = store_calls(
        database,
        Call(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)),  # 01:59, before the jump
        Call(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),  # 03:00, after it
    )
    boss = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    view = _open_view(qtbot, database, Who(boss), date(2026, 3, 29))
    assert [view.model.index(r, JournalColumn.TIME).data() for r in range(2)] == [
        "03:00",
        "01:59",
    ]

    view.supervision.save_pdf(tmp_path / "journal.pdf")

    (page,) = _pdf_text(tmp_path / "journal.pdf")
    assert "Journal du dimanche 29 mars 2026 — Numéro opérationnel unique" in page
    assert "Journée de 23 heures" in page
    assert "Non signé" in page
    assert "Page 1 / 1" in page
    assert page.index(refs[0]) < page.index(refs[1])  # on paper, in the order received


def test_the_autumn_day_log_of_25_hours_tells_its_two_half_past_two(
    qtbot: QtBot, database: Database, french: InstalledLanguage, tmp_path: Path
) -> None:
    start = datetime(2026, 10, 24, 22, 0, tzinfo=UTC)  # midnight in Paris
    # Every 25 minutes from 00:00 to 00:35 the next day, and 02:30 in either reading.
    calls = [Call(start + timedelta(minutes=25 * n)) for n in range(60)]
    calls += [Call(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))]
    calls += [Call(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))]
    refs = store_calls(database, *calls)
    boss = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    view = _open_view(qtbot, database, Who(boss), date(2026, 10, 25))
    times = [view.model.index(r, JournalColumn.TIME).data() for r in range(62)]
    assert "02:30 +02:00" in times
    assert "02:30 +01:00" in times

    view.supervision.save_pdf(tmp_path / "journal.pdf")

    pages = _pdf_text(tmp_path / "journal.pdf")
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "Journal du dimanche 25 octobre 2026" in page
        assert "Journée de 25 heures" in page
        assert f"Page {number} / {len(pages)}" in page
    text = "\n".join(pages)
    assert all(reference in text for reference in refs)
    assert text.index("02:30 +02:00") < text.index("02:30 +01:00")


def test_the_correction_dialog_is_driven_from_the_keyboard(qtbot: QtBot, review: Review) -> None:
    """F2 opens on the field to correct, Alt+N reaches « Nouvelle valeur », a refusal goes with
    the change that answers it."""
    view = review.view
    view.table.setCurrentIndex(view.model.index(0, JournalColumn.ACKNOWLEDGED))
    _press(qtbot, view, Qt.Key.Key_F2, Qt.KeyboardModifier.NoModifier)
    dialog = view.supervision.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.field_choice

    window = dialog.windowHandle()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.time_edit
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # « &Motif »
    assert dialog.focusWidget() is dialog.reason
    qtbot.keyClicks(dialog.reason, "Relu")
    qtbot.keyClick(window, Qt.Key.Key_Return)  # the time recorded, left as it was
    assert dialog.isVisible()
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "La nouvelle valeur est celle déjà enregistrée."

    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(window, Qt.Key.Key_Up)  # one step of the time section shown
    assert not dialog.problem.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_Down)  # back to the time recorded
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert dialog.problem.text() == "La nouvelle valeur est celle déjà enregistrée."
    assert dialog.problem.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # « &Champ »
    assert dialog.focusWidget() is dialog.field_choice
    qtbot.keyClick(window, Qt.Key.Key_Down)  # another field
    assert dialog.field_choice.currentText() == "Heure d'arrivée sur place"
    assert not dialog.problem.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.time_edit
