"""The wizard itself, and its last page: what was done, before the desk opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget, QWizard, QWizardPage

from operline.actors import Actor
from operline.operators import OperatorInfo
from operline.paris_time import Clock
from operline.ui.first_start.administrator_page import AdministratorPage
from operline.ui.first_start.start_choice_page import StartChoicePage, Started
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner


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
        #: A page's write is on the task runner: moving on waits for its answer.
        self.asking = False
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
