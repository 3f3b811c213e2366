"""Two supervisors correcting the same call: the second sees both corrections side by side,
keeps the first or applies their own over it; both stay in the call's timeline."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from operline.actors import Actor
from operline.codes import OperatorRole, Status
from operline.db.engine import Database
from operline.incidents.corrections import Correction, LogField, correct_incident
from operline.incidents.events import EventKind
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.ui.conflict_dialog import ConflictColumn, ConflictDialog
from operline.ui.desk_context import ChangeBus
from operline.ui.journal.model import JournalColumn
from operline.ui.journal.view import JournalView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.table_model import INCIDENT_ID_ROLE
from operline.ui.tasks import ImmediateRunner
from tests.actors import signed_in
from tests.incidents.test_stage_refusals import Desk, call_at, small_desk

DAY = date(2026, 11, 25)
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)  # 08:00 in Paris
#: 22:04 and 22:05 in Paris, the evening before.
THEIRS = datetime(2026, 11, 25, 21, 4, tzinfo=UTC)
MINE = datetime(2026, 11, 25, 21, 5, tzinfo=UTC)


class Review:
    """The day log open on Claire Roux's desk; Lucie Garnier corrects at another desk."""

    def __init__(self, qtbot: QtBot, database: Database) -> None:
        self.desk: Desk = small_desk(database)
        call_at(self.desk, Status.ACKNOWLEDGED)
        self.supervisor: Actor = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
        self.other: Actor = signed_in(database, "Lucie Garnier", OperatorRole.SUPERVISOR)
        supervisor = self.supervisor
        self.view = JournalView(
            ImmediateRunner(database),
            actor=lambda: supervisor,
            clock=lambda: MORNING,
            shown_at_once=False,
            changes=ChangeBus(),
        )
        qtbot.addWidget(self.view)
        self.view.resize(1366, 700)
        with qtbot.waitActive(self.view):
            self.view.show()
            self.view.activateWindow()
        self.view.show_day(DAY)
        self.notices: list[str] = []
        self.view.notice.connect(self.notices.append)
        found = self.view.model.index(0, 0).data(INCIDENT_ID_ROLE)
        assert isinstance(found, int)
        self.incident_id = found

    def detail(self) -> IncidentDetail:
        return read_incident(
            self.desk.database, self.incident_id, actor=self.supervisor, now=MORNING
        )


@pytest.fixture
def review(qtbot: QtBot, database: Database, french: InstalledLanguage) -> Review:
    return Review(qtbot, database)


def _correct_after_the_other_supervisor(qtbot: QtBot, review: Review) -> ConflictDialog:
    """F2 on the acknowledgement, 22:05 typed; the other desk records 22:04 first; Record."""
    view = review.view
    view.table.setCurrentIndex(view.model.index(0, JournalColumn.ACKNOWLEDGED))
    qtbot.keyClick(view.window().windowHandle(), Qt.Key.Key_F2)
    dialog = view.supervision.dialog
    assert dialog is not None
    dialog.time_edit.setDateTime(QDateTime(QDate(2026, 11, 25), QTime(22, 5)))
    qtbot.keyClicks(dialog.reason, "Heure lue sur la main courante")
    correct_incident(
        review.desk.database, review.incident_id,
        Correction(LogField.ACKNOWLEDGED_AT, THEIRS, "Appel de la maraude"),
        version=review.detail().version, actor=review.other, now=MORNING,
    )  # fmt: skip

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    assert not dialog.isVisible()  # it read the call as it was: the conflict dialog says so
    conflict = view.supervision.corrections.conflict
    assert isinstance(conflict, ConflictDialog)
    qtbot.waitExposed(conflict)
    return conflict


def _rows(dialog: ConflictDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(row, column).data() for column in ConflictColumn]
        for row in range(model.rowCount())
    ]


def test_the_second_correction_shows_both_and_escape_keeps_the_first(
    qtbot: QtBot, review: Review
) -> None:
    conflict = _correct_after_the_other_supervisor(qtbot, review)

    reference = review.detail().reference
    assert conflict.sentence.text() == (
        f"Lucie Garnier a modifié {reference} à un autre poste à 08:00, "
        "avant l'enregistrement de votre saisie."
    )
    assert _rows(conflict) == [
        ["Heure de prise en compte (diffère)", "25/11/2026 22:04", "25/11/2026 22:05"]
    ]
    assert conflict.differing_rows() == [0]
    # The day log already shows the other supervisor's correction.
    cell = review.view.model.index(0, JournalColumn.ACKNOWLEDGED).data()
    assert cell.startswith("22:04 (corrigé)")

    qtbot.keyClick(conflict.windowHandle(), Qt.Key.Key_Escape)

    assert review.view.supervision.corrections.conflict is None
    detail = review.detail()
    assert detail.acknowledged_at == THEIRS
    refused = [line for line in detail.timeline if line.kind is EventKind.CONFLICT]
    assert [(line.operator, line.field, line.new_value) for line in refused] == [
        ("Claire Roux", "acknowledged_at", MINE.isoformat())
    ]


def test_applying_my_correction_over_the_first_keeps_both_in_the_timeline(
    qtbot: QtBot, review: Review
) -> None:
    conflict = _correct_after_the_other_supervisor(qtbot, review)

    qtbot.keyClick(conflict.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert review.view.supervision.corrections.conflict is None
    detail = review.detail()
    assert detail.acknowledged_at == MINE
    corrected = [
        (line.operator, line.new_value)
        for line in detail.timeline
        if line.kind is EventKind.CORRECTED
    ]
    assert corrected == [("Lucie Garnier", THEIRS.isoformat()), ("Claire Roux", MINE.isoformat())]
    assert review.notices[-1] == (
        f"{detail.reference} corrigé\u00a0; l'historique garde la valeur enregistrée."
    )
    cell = review.view.model.index(0, JournalColumn.ACKNOWLEDGED).data()
    assert cell.startswith("22:05 (corrigé)")
