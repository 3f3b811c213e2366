"""Ctrl+G from anywhere: type a call's reference (or this year's number), Enter opens it.

The look-up and the reading of the call run off the GUI thread; opening a call is a
consultation of the history, audited by ``read_incident``. An unknown reference is said
in one sentence under the field, which stays open for another try.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.incidents.references import incident_id_by_reference, parse_reference
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.paris_time import Clock, to_paris
from operline.ui import palette
from operline.ui.refusals import action_problem
from operline.ui.tasks import TaskRunner


class GoToCallDialog(QDialog):
    """A field for a reference; Enter looks it up and, when found, hands the call over."""

    #: The call found and read; the dialog has closed.
    found = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        actor: Callable[[], Actor],
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("goToCallDialog")
        self.setWindowTitle(self.tr("Go to a call"))
        self.setAccessibleName(self.tr("Go to a call"))
        self._runner = runner
        self._actor = actor
        self._clock = clock

        prompt = QLabel(self.tr("Reference of the call, or its number this year:"), self)
        prompt.setObjectName("goToCallPrompt")
        self.field = QLineEdit(self)
        self.field.setObjectName("goToCallReference")
        self.field.setAccessibleName(self.tr("Reference of the call"))
        self.field.setPlaceholderText(self.tr("OPL-2026-000123 or 123"))
        self.field.setMaxLength(30)
        self.field.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 36)
        prompt.setBuddy(self.field)
        self.problem = QLabel(self)
        self.problem.setObjectName("goToCallProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.field.textEdited.connect(lambda _text: self._say(""))

        buttons = QDialogButtonBox(self)
        buttons.setObjectName("goToCallButtons")
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("goToCallOpen")
        self.open_button.setDefault(True)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.look_up)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.field.setFocus()

    def look_up(self) -> None:
        """Find the call typed in and read it; say so in one sentence if there is none."""
        typed = self.field.text().strip()
        now = self._clock()
        year = to_paris(now).year
        reference = parse_reference(typed, year=year)
        if reference is None:
            self._say(
                self.tr("Type a reference such as OPL-{year}-000123, or just its number.").format(
                    year=year
                )
            )
            return
        actor = self._actor()

        def work(database: Database) -> IncidentDetail | None:
            incident_id = incident_id_by_reference(database, reference, year=year)
            if incident_id is None:
                return None
            return read_incident(database, incident_id, actor=actor, now=now)

        self._runner.run(
            work,
            lambda detail: self._answered(reference, detail),
            self._failed,
            owner=self,
            busy=(self.open_button, self.field),
        )

    def _answered(self, reference: str, detail: IncidentDetail | None) -> None:
        if detail is None:
            self._say(self.tr("No call has the reference {reference}.").format(reference=reference))
            return
        self.accept()
        self.found.emit(detail)

    def _failed(self, error: OperlineError) -> None:
        self._say(action_problem(error))

    def _say(self, sentence: str) -> None:
        self.problem.setText(sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.setVisible(bool(sentence))
        if sentence:
            # A sentence of two lines or three: the dialog grows to show it whole.
            self.adjustSize()
            self.field.setFocus()
            self.field.selectAll()
