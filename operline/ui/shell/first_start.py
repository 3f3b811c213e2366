"""The first start of a new desk: its first administrator, then what the desk starts from.

Shown instead of the sign-in when the database has nobody with a password and no sector.
The administrator is created (and signed in) on leaving the first page; the second page
writes the Paris reference data, imports a roster file, or leaves the desk empty; the
last one says what was done, and the desk opens signed in as that administrator. Both
pages that write are commit pages: what was written is not undone by going back.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
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

from operline.actors import Actor
from operline.changes import Changes
from operline.codes import OperatorRole
from operline.errors import OperlineError
from operline.first_start import RosterFileRefused, import_roster_file
from operline.logins import first_administrator
from operline.operators import OperatorInfo
from operline.paris_reference import ParisReferenceSeeded, seed_paris_reference
from operline.paris_time import Clock
from operline.passwords import MAXIMUM_LENGTH, MINIMUM_LENGTH, is_common
from operline.roster.roster_file import RosterImport
from operline.ui.messages import error_sentence, translated
from operline.ui.shell.password_field import PasswordField
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner

_PROBLEM_STYLE = "color: #b00020; font-weight: bold;"


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


class _NameField(QLineEdit):
    """A line whose Enter moves on to the next field, never presses the wizard's button."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.entered.emit()
            return
        super().keyPressEvent(event)


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(_PROBLEM_STYLE)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class AdministratorPage(QWizardPage):
    """Welcome, and the first administrator: a login, a password typed twice."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("firstStartAdministratorPage")
        self.setTitle(self.tr("Welcome to Operline"))
        self.setSubTitle(
            self.tr(
                "This desk is new: nobody works at it yet. Create its first administrator, "
                "who will then add the desk's people. There is no default password."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create and &continue"))
        self.login = _NameField(self)
        self.login.setObjectName("firstStartLogin")
        self.login.setAccessibleName(self.tr("Login of the first administrator"))
        self.login.setPlaceholderText(self.tr("Your name, as the desk will know you"))
        self.password = PasswordField(self)
        self.password.setObjectName("firstStartPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.confirm = PasswordField(self)
        self.confirm.setObjectName("firstStartConfirm")
        self.confirm.setAccessibleName(self.tr("Password again"))
        self.policy = QLabel(self)
        self.policy.setObjectName("firstStartPolicy")
        self.policy.setTextFormat(Qt.TextFormat.RichText)
        self.policy.setWordWrap(True)
        self.problem = _problem_label(self, "firstStartAdministratorProblem")
        form = QFormLayout()
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Again"), self.confirm)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.policy)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.setTabOrder(self.login, self.password)
        self.setTabOrder(self.password, self.confirm)
        # Enter goes from field to field, and from the last one to the next page.
        self.login.entered.connect(self.password.setFocus)
        self.password.entered.connect(self.confirm.setFocus)
        self.confirm.entered.connect(wizard.next)
        for field in (self.password, self.confirm):
            field.textChanged.connect(self._show_policy)
        self._show_policy()

    def initializePage(self) -> None:
        self.login.setFocus()

    def _show_policy(self) -> None:
        # What the service will check, told as the password is typed.
        password, shortest = self.password.text(), MINIMUM_LENGTH[OperatorRole.ADMINISTRATOR]
        rules = (
            (
                shortest <= len(password) <= MAXIMUM_LENGTH,
                self.tr("At least {shortest} characters ({length} typed)").format(
                    shortest=shortest, length=len(password)
                ),
            ),
            (
                bool(password) and not is_common(password),
                self.tr("Not one of the most common passwords (a few unrelated words do well)"),
            ),
            (
                bool(password) and password == self.confirm.text(),
                self.tr("The same password typed twice"),
            ),
        )
        lines = [f"{'✔' if met else '✗'} {text}" for met, text in rules]
        self.policy.setText("<br>".join(lines))
        self.policy.setAccessibleName(self.tr("Password rules: ") + "; ".join(lines))

    def validatePage(self) -> bool:
        if self._wizard.actor is not None:
            return True
        login, password = self.login.text(), self.password.text()
        if not login.strip():
            self.tell(self.tr("Type the login: the administrator's name, as the desk knows it."))
            self.login.setFocus()
            return False
        if password != self.confirm.text():
            self.tell(self.tr("The two passwords differ: type the same one twice."))
            self._clear_passwords()
            return False
        wizard, now = self._wizard, self._wizard.clock()
        workstation = wizard.session.workstation
        wizard.runner.run(
            lambda database: first_administrator(
                database, login, password, workstation=workstation, now=now
            ),
            self._created,
            self._refused,
            owner=self,
            busy=(self.login, self.password, self.confirm, *wizard.action_buttons()),
        )
        return False

    def _created(self, actor: Actor) -> None:
        self.problem.hide()
        self.password.clear()
        self.confirm.clear()
        self._wizard.administrator_created(actor)
        QTimer.singleShot(0, self._wizard.next)

    def _refused(self, error: OperlineError) -> None:
        self.tell(error_sentence(error))
        self._clear_passwords()

    def _clear_passwords(self) -> None:
        self.password.clear()
        self.confirm.clear()
        self.password.setFocus()

    def tell(self, sentence: str) -> None:
        self.problem.setText("⚠ " + sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()


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
        self.problem = _problem_label(self, "firstStartChoiceProblem")
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
        actor, now = wizard.actor, wizard.clock()
        assert actor is not None  # the first page created the administrator
        chosen = self.chosen()
        if chosen is StartWith.NOTHING:
            wizard.started = Started(StartWith.NOTHING)
            return True
        busy: tuple[QWidget, ...] = (self.paris, self.roster_file, self.nothing, self.path)
        busy += (self.choose, *wizard.action_buttons())
        if chosen is StartWith.PARIS:
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
        self.problem.hide()
        self._wizard.started = started
        self._wizard.changed.emit(Changes(roster=True, places=True))
        QTimer.singleShot(0, self._wizard.next)

    def _refused(self, error: OperlineError) -> None:
        if isinstance(error, RosterFileRefused):
            self.tell([translated(problem) for problem in error.problems])
            self.path.setFocus()
        else:
            self.tell([error_sentence(error)])

    def tell(self, sentences: list[str]) -> None:
        self.problem.setText("\n".join("⚠ " + sentence for sentence in sentences))
        self.problem.setAccessibleName(" ".join(sentences))
        self.problem.show()


class SummaryPage(QWizardPage):
    """What was done, before the desk opens."""

    def __init__(self, wizard: FirstStartWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setObjectName("firstStartSummaryPage")
        self.setTitle(self.tr("The desk is ready"))
        self.summary = QLabel(self)
        self.summary.setObjectName("firstStartSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        wizard = self._wizard
        assert wizard.actor is not None
        lines = [
            self.tr("{name} is the desk's administrator, signed in.").format(name=wizard.actor.name)
        ]
        started = wizard.started
        if started is not None and started.seeded is not None:
            seeded = started.seeded
            lines.append(
                self.tr(
                    "The Paris reference data is in: {sectors} sectors, {teams} teams, "
                    "{places} places and {shifts} weekly shifts."
                ).format(
                    sectors=len(seeded.sectors),
                    teams=len(seeded.teams),
                    places=len(seeded.places),
                    shifts=seeded.shift_patterns,
                )
            )
        elif started is not None and started.imported is not None:
            imported = started.imported
            lines.append(
                self.tr(
                    "{file} is imported: {shifts} weekly shifts, {teams} new teams and "
                    "{sectors} new sectors."
                ).format(
                    file=started.file_name,
                    shifts=imported.patterns,
                    teams=len(imported.teams_created),
                    sectors=len(imported.sectors_created),
                )
            )
            lines.append(
                self.tr("The places people are oriented to are added under Roster, as needed.")
            )
        else:
            lines.append(
                self.tr(
                    "The desk is empty: add its sectors, teams, places and shifts under "
                    "Roster > Teams, sectors, places and roster…"
                )
            )
        lines.append(self.tr("Next: add the desk's people with 'operline operator add NAME'."))
        text = "\n\n".join(lines)
        self.summary.setText(text)
        self.summary.setAccessibleName(text)
        wizard.button(QWizard.WizardButton.FinishButton).setFocus()


class FirstStartWizard(QWizard):
    """A new desk's first start: the administrator, what the desk starts from, a summary."""

    #: What the second page wrote, for the screens to read again.
    changed = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        clock: Clock,
        session: DeskSession,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstStartWizard")
        self.setWindowTitle(self.tr("First start of the desk"))
        self.setAccessibleName(self.tr("First start of the desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.runner = runner
        self.clock = clock
        self.session = session
        #: The administrator, once the first page created them.
        self.actor: Actor | None = None
        #: What the second page did, once it did it.
        self.started: Started | None = None
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Open the desk"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        names = {
            QWizard.WizardButton.BackButton: ("firstStartBack", self.tr("Back")),
            QWizard.WizardButton.NextButton: ("firstStartNext", self.tr("Next")),
            QWizard.WizardButton.CommitButton: ("firstStartCommit", self.tr("Go on")),
            QWizard.WizardButton.FinishButton: ("firstStartFinish", self.tr("Open the desk")),
            QWizard.WizardButton.CancelButton: ("firstStartCancel", self.tr("Cancel")),
        }
        for which, (name, accessible) in names.items():
            button = self.button(which)
            button.setObjectName(name)
            button.setAccessibleName(accessible)
        self.administrator_page = AdministratorPage(self)
        self.choice_page = StartChoicePage(self)
        self.summary_page = SummaryPage(self)
        for page in (self.administrator_page, self.choice_page, self.summary_page):
            self.addPage(page)
        self.resize(640, 480)

    def action_buttons(self) -> tuple[QWidget, ...]:
        """The buttons that move on, disabled while a page's write is in flight."""
        return tuple(
            self.button(which)
            for which in (QWizard.WizardButton.CommitButton, QWizard.WizardButton.NextButton)
        )

    def administrator_created(self, actor: Actor) -> None:
        """The first page's administrator, signed in at the desk from now on."""
        assert actor.operator_id is not None
        self.actor = actor
        self.session.set_operator(OperatorInfo(actor.operator_id, actor.name, actor.role))
