"""The first page: welcome, and the first administrator, created on leaving it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWizard, QWizardPage

from operline.actors import Actor
from operline.codes import OperatorRole
from operline.errors import OperlineError
from operline.logins import first_administrator
from operline.passwords import MAXIMUM_LENGTH, MINIMUM_LENGTH, is_common
from operline.ui.first_start.fields import NameField, problem_label
from operline.ui.messages import error_sentence
from operline.ui.shell.password_field import PasswordField

if TYPE_CHECKING:
    from operline.ui.first_start.wizard import FirstStartWizard


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
        self.login = NameField(self)
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
        self.problem = problem_label(self, "firstStartAdministratorProblem")
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
        if self._wizard.asking:
            return False  # Enter pressed again while the administrator is being created
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
        wizard.asking = True
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
        self._wizard.asking = False
        self.problem.hide()
        self.password.clear()
        self.confirm.clear()
        self._wizard.administrator_created(actor)
        QTimer.singleShot(0, self._wizard.next)

    def _refused(self, error: OperlineError) -> None:
        self._wizard.asking = False
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
