"""The second page: the Paris reference data, a roster file, or nothing."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from operline.changes import Changes
from operline.errors import OperlineError
from operline.first_start import RosterFileRefused, import_roster_file
from operline.paris_reference import ParisReferenceSeeded, seed_paris_reference
from operline.roster.roster_file import RosterImport
from operline.ui.first_start.fields import problem_label
from operline.ui.messages import error_sentence, translated

if TYPE_CHECKING:
    from operline.ui.first_start.wizard import FirstStartWizard


class StartWith(StrEnum):
    """What the new desk starts from."""

    PARIS = "paris"
    ROSTER_FILE = "roster_file"
    NOTHING = "nothing"


@dataclass(frozen=True)
class Started:
    """What the second page wrote: the Paris data, an imported roster, or nothing."""

    kind: StartWith
    seeded: ParisReferenceSeeded | None = None
    imported: RosterImport | None = None
    file_name: str = ""


class StartChoicePage(QWizardPage):
    """The Paris reference data, a roster file, or nothing: what the desk starts from."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("firstStartChoicePage")
        self.setTitle(self.tr("What the desk starts from"))
        self.setSubTitle(
            self.tr(
                "Whatever you choose, a supervisor changes it later under Roster > Teams, "
                "sectors, places and roster…"
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Start"))
        self.paris = QRadioButton(self.tr("The &Paris reference data"), self)
        self.paris.setObjectName("firstStartParis")
        self.paris.setAccessibleName(self.tr("Start with the Paris reference data"))
        paris_text = QLabel(
            self.tr(
                "The six sectors of north-east Paris, the teams of the line (maraudes, "
                "mediation, UASA, ELA, Fluid-Crack), the places people are oriented to and "
                "their weekly shifts. No call."
            ),
            self,
        )
        paris_text.setObjectName("firstStartParisText")
        self.roster_file = QRadioButton(self.tr("&Import a roster (CSV)"), self)
        self.roster_file.setObjectName("firstStartRosterFile")
        self.roster_file.setAccessibleName(self.tr("Import a roster CSV file"))
        self.path = QLineEdit(self)
        self.path.setObjectName("firstStartRosterPath")
        self.path.setAccessibleName(self.tr("Roster file to import"))
        self.path.setPlaceholderText(self.tr("The roster file, e.g. planning.csv"))
        self.choose = QPushButton(self.tr("C&hoose…"), self)
        self.choose.setObjectName("firstStartChooseFile")
        self.choose.setAccessibleName(self.tr("Choose the roster file"))
        self.choose.setAutoDefault(False)
        self.choose.clicked.connect(self._choose_file)
        self.nothing = QRadioButton(self.tr("Start &empty"), self)
        self.nothing.setObjectName("firstStartNothing")
        self.nothing.setAccessibleName(self.tr("Start with an empty desk"))
        nothing_text = QLabel(
            self.tr("No sector, team nor place yet: a supervisor adds them under Roster."),
            self,
        )
        nothing_text.setObjectName("firstStartNothingText")
        for text in (paris_text, nothing_text):
            text.setWordWrap(True)
            text.setIndent(24)
        self.choices = QButtonGroup(self)
        for button in (self.paris, self.roster_file, self.nothing):
            self.choices.addButton(button)
        self.paris.setChecked(True)
        self.problem = problem_label(self, "firstStartChoiceProblem")
        file_row = QHBoxLayout()
        file_row.setContentsMargins(24, 0, 0, 0)
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paris)
        layout.addWidget(paris_text)
        layout.addWidget(self.roster_file)
        layout.addLayout(file_row)
        layout.addWidget(self.nothing)
        layout.addWidget(nothing_text)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setTabOrder(self.paris, self.roster_file)
        self.setTabOrder(self.roster_file, self.path)
        self.setTabOrder(self.path, self.choose)
        self.setTabOrder(self.choose, self.nothing)
        self.choices.buttonToggled.connect(self._choice_changed)
        self._choice_changed()

    def initializePage(self) -> None:
        checked = self.choices.checkedButton()
        if checked is not None:
            checked.setFocus()

    def chosen(self) -> StartWith:
        if self.roster_file.isChecked():
            return StartWith.ROSTER_FILE
        if self.nothing.isChecked():
            return StartWith.NOTHING
        return StartWith.PARIS

    def _choice_changed(self) -> None:
        by_file = self.roster_file.isChecked()
        self.path.setEnabled(by_file)
        self.choose.setEnabled(by_file)
        self.problem.hide()

    def _choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Roster file to import"),
            self.path.text(),
            self.tr("Roster files (*.csv);;All files (*)"),
        )
        if chosen:
            self.path.setText(chosen)
            self.path.setFocus()

    def validatePage(self) -> bool:
        wizard = self._wizard
        if wizard.started is not None:
            return True
        if wizard.asking:
            return False  # Enter pressed again while the desk is being filled
        actor, now = wizard.actor, wizard.clock()
        assert actor is not None  # the first page created the administrator
        chosen = self.chosen()
        if chosen is StartWith.NOTHING:
            wizard.started = Started(StartWith.NOTHING)
            return True
        busy: tuple[QWidget, ...] = (self.paris, self.roster_file, self.nothing, self.path)
        busy += (self.choose, *wizard.action_buttons())
        if chosen is StartWith.PARIS:
            wizard.asking = True
            wizard.runner.run(
                lambda database: seed_paris_reference(database, actor=actor, now=now),
                lambda seeded: self._done(Started(StartWith.PARIS, seeded=seeded)),
                self._refused,
                owner=self,
                busy=busy,
            )
            return False
        text = self.path.text().strip()
        if not text:
            self.tell([self.tr("Choose the roster file to import, or another way to start.")])
            self.path.setFocus()
            return False
        path = Path(text).expanduser()
        wizard.asking = True
        wizard.runner.run(
            lambda database: import_roster_file(database, path, actor=actor, now=now),
            lambda imported: self._done(
                Started(StartWith.ROSTER_FILE, imported=imported, file_name=path.name)
            ),
            self._refused,
            owner=self,
            busy=busy,
        )
        return False

    def _done(self, started: Started) -> None:
        self._wizard.asking = False
        self.problem.hide()
        self._wizard.started = started
        self._wizard.changed.emit(Changes(roster=True, places=True))
        QTimer.singleShot(0, self._wizard.next)

    def _refused(self, error: OperlineError) -> None:
        self._wizard.asking = False
        if isinstance(error, RosterFileRefused):
            self.tell([translated(problem) for problem in error.problems])
            self.path.setFocus()
        else:
            self.tell([error_sentence(error)])

    def tell(self, sentences: list[str]) -> None:
        self.problem.setText("\n".join("⚠ " + sentence for sentence in sentences))
        self.problem.setAccessibleName(" ".join(sentences))
        self.problem.show()
