"""Who is at the desk: every timeline line names the operator signed in.

The sign-in asks a login (the person's name, accents and case ignored) and a password,
checked on the task runner; the refusal never says which of the two was wrong, and a
locked account is told with the time its lock ends. The audit log keeps every attempt.
The shift handover picks the incoming operator with the list of people below.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor, workstation_name
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.demo.accounts import DemoAccount, demo_accounts
from operline.errors import OperlineError
from operline.logins import first_administrator, needs_first_administrator, sign_in
from operline.names import fold_name
from operline.operators import OperatorInfo, active_operators
from operline.paris_time import Clock
from operline.passwords import MINIMUM_LENGTH
from operline.ui import palette, shortcuts
from operline.ui.messages import error_sentence
from operline.ui.shell.demo_banner import DemoBanner
from operline.ui.shell.password_field import PasswordField
from operline.ui.tasks import TaskRunner

# Declared with every other key in operline.ui.shortcuts.
SIGN_IN_KEYS = shortcuts.SIGN_IN.keys


class DeskSession(QObject):
    """The operator signed in at this desk, if any; call it to read who it is."""

    operator_changed = Signal(object)

    def __init__(self, parent: QObject | None = None, *, workstation: str | None = None) -> None:
        super().__init__(parent)
        self._operator: OperatorInfo | None = None
        # This computer, as the audit log names where each action was done.
        self.workstation = workstation or workstation_name()

    def __call__(self) -> OperatorInfo | None:
        return self._operator

    @property
    def operator(self) -> OperatorInfo | None:
        return self._operator

    def set_operator(self, operator: OperatorInfo | None) -> None:
        if operator != self._operator:
            self._operator = operator
            self.operator_changed.emit(operator)


class OperatorPicker(QWidget):
    """A name typed, the people who may sign in filtered as it is; Up, Down and Enter."""

    #: Enter was pressed in the name, or a person double-clicked.
    picked = Signal()
    #: A sentence for the host to show: nobody works at the desk yet, or a read failed.
    problem = Signal(str)

    def __init__(
        self, runner: TaskRunner, *, leave_out: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operatorPicker")
        self._runner = runner
        #: The operator not listed (the one handing over cannot take over from themselves).
        self._leave_out = leave_out
        self.name = QLineEdit(self)
        self.name.setObjectName("signInName")
        self.name.setAccessibleName(self.tr("Your name"))
        self.name.setPlaceholderText(self.tr("A few letters of your name"))
        self.people = QListWidget(self)
        self.people.setObjectName("signInPeople")
        self.people.setAccessibleName(self.tr("People who may sign in"))
        self.people.itemDoubleClicked.connect(lambda _: self.picked.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.people, 1)
        self.setFocusProxy(self.name)

        self.name.textChanged.connect(self._filter)
        self.name.installEventFilter(self)
        self._operators: list[OperatorInfo] = []

    def reload(self) -> None:
        """Read who may sign in (the host asks, once it listens to ``problem``)."""
        self._runner.run(
            active_operators,
            self._show_operators,
            lambda error: self.problem.emit(error_sentence(error)),
            owner=self,
        )

    def chosen(self) -> int | None:
        """The operator id of the person selected, if one is shown."""
        item = self.people.currentItem()
        if item is None or item.isHidden():
            return None
        return int(item.data(Qt.ItemDataRole.UserRole))

    def listed(self) -> list[str]:
        return [self.people.item(row).text() for row in range(self.people.count())]

    def _show_operators(self, operators: list[OperatorInfo]) -> None:
        # By name as the desk reads it: "Élodie" among the E, whatever the database.
        self._operators = sorted(
            (o for o in operators if o.operator_id != self._leave_out),
            key=lambda o: fold_name(o.name),
        )
        if not operators:
            # A new database: the desk's people are added from the command line.
            self.problem.emit(
                self.tr(
                    "Nobody works at this desk yet: add the operators with "
                    "'operline operator add NAME'."
                )
            )
        self._filter(self.name.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Up and Down move in the list while the name is typed; Enter picks.
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.name and pressed:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self._move(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.picked.emit()
                return True
        return super().eventFilter(watched, event)

    def _filter(self, typed: str) -> None:
        wanted = fold_name(typed)
        self.people.clear()
        for operator in self._operators:
            folded = fold_name(operator.name)
            if wanted and not any(word.startswith(wanted) for word in [folded, *folded.split()]):
                continue
            text = operator.name
            if operator.role is OperatorRole.SUPERVISOR:
                text = self.tr("{name} (supervisor)").format(name=operator.name)
            elif operator.role is OperatorRole.ADMINISTRATOR:
                text = self.tr("{name} (administrator)").format(name=operator.name)
            item = QListWidgetItem(text, self.people)
            item.setData(Qt.ItemDataRole.UserRole, operator.operator_id)
        if self.people.count():
            self.people.setCurrentRow(0)

    def _move(self, step: int) -> None:
        count = self.people.count()
        if count:
            self.people.setCurrentRow(max(0, min(count - 1, self.people.currentRow() + step)))


@dataclass(frozen=True)
class DeskLogins:
    """What the sign-in needs to know of the database before anyone types."""

    #: Nobody has a password yet: the first person creates the first administrator.
    first_administrator: bool
    #: A demo database's accounts, shown under its banner; none on a real desk.
    demo: tuple[DemoAccount, ...]


def desk_logins(database: Database) -> DeskLogins:
    return DeskLogins(needs_first_administrator(database), tuple(demo_accounts(database)))


class OperatorSignIn(QDialog):
    """A login (the person's name) and a password; or, on a new database, the first
    administrator. A demo database shows its accounts under a banner."""

    #: Carries the OperatorInfo of the operator who signed in.
    signed_in = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        clock: Clock,
        session: DeskSession | None = None,
        workstation: str | None = None,
        demo_operator: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("operatorSignIn")
        self.setWindowTitle(self.tr("Sign in"))
        self.setAccessibleName(self.tr("Sign in at the desk"))
        self._runner = runner
        self._clock = clock
        self._session = session
        self._workstation = workstation or workstation_name()
        #: Sign in the demo's operator as soon as the demo accounts are read.
        self._demo_operator = demo_operator
        self.operator: OperatorInfo | None = None
        self.first_administrator = False

        self._intro = QLabel(self.tr("Type your login (your name) and your password."), self)
        self._intro.setObjectName("signInIntro")
        self._intro.setWordWrap(True)
        self.demo_banner = DemoBanner(self)
        self.demo_banner.setObjectName("signInDemo")
        self.login = QLineEdit(self)
        self.login.setObjectName("signInLogin")
        self.login.setAccessibleName(self.tr("Login"))
        self.password = PasswordField(self)
        self.password.setObjectName("signInPassword")
        self.password.setAccessibleName(self.tr("Password"))
        self.confirm = PasswordField(self)
        self.confirm.setObjectName("signInConfirm")
        self.confirm.setAccessibleName(self.tr("Password again"))
        self._form = form = QFormLayout()
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Again"), self.confirm)
        form.setRowVisible(self.confirm, False)
        self._problem = QLabel(self)
        self._problem.setObjectName("signInProblem")
        self._problem.setWordWrap(True)
        palette.styled(self._problem, "color: $problem; font-weight: bold;")
        self._problem.hide()
        self._buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("signInButtons")
        self._ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self._ok is not None:
            self._ok.setText(self.tr("Sign in"))
            self._ok.setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        # Enter in the login goes on to the password; Enter in the last field signs in.
        self.login.returnPressed.connect(self.password.setFocus)
        self.password.entered.connect(self._password_entered)
        self.confirm.entered.connect(self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addWidget(self.demo_banner)
        layout.addLayout(form)
        layout.addWidget(self._problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(460, 280)
        self.reload()
        self.login.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Each field says what Enter does in it: the dialog's default button must not sign
        # in (and count a wrong password) as Enter leaves the login for the password.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def reload(self) -> None:
        """Read whether the desk has its administrator yet, and its demo accounts."""
        self._runner.run(
            desk_logins,
            self._show_logins,
            lambda error: self._tell(error_sentence(error)),
            owner=self,
        )

    def _show_logins(self, logins: DeskLogins) -> None:
        self.first_administrator = logins.first_administrator
        if logins.first_administrator:
            self.setWindowTitle(self.tr("First administrator"))
            self._intro.setText(
                self.tr(
                    "Nobody has a password on this desk yet. Create its first administrator: "
                    "your name as the login, and a password of at least {length} characters, "
                    "typed twice. Nobody else can create it, and no default password exists."
                ).format(length=MINIMUM_LENGTH[OperatorRole.ADMINISTRATOR])
            )
            self._form.setRowVisible(self.confirm, True)
            if self._ok is not None:
                self._ok.setText(self.tr("Create and sign in"))
        self.demo_banner.show_accounts(logins.demo)
        if logins.demo and self._demo_operator:
            account = next(a for a in logins.demo if a.role is OperatorRole.OPERATOR)
            self.login.setText(account.login)
            self.password.setText(account.password)
            # Once the dialog runs its loop: a sign-in done before it shows would not close it.
            QTimer.singleShot(0, self.submit)

    def _password_entered(self) -> None:
        if self.first_administrator:
            self.confirm.setFocus()
        else:
            self.submit()

    def submit(self) -> None:
        """Check the login and password on the task runner; closes once signed in."""
        if not self._buttons.isEnabled():
            return  # the sign-in asked is being checked
        login, password = self.login.text(), self.password.text()
        if not login.strip():
            self._tell(self.tr("Type your login: your name, as the desk knows it."))
            self.login.setFocus()
            return
        workstation, now = self._workstation, self._clock()
        if self.first_administrator:
            if password != self.confirm.text():
                self._tell(self.tr("The two passwords differ: type the same one twice."))
                self.password.clear()
                self.confirm.clear()
                self.password.setFocus()
                return
            task = lambda database: first_administrator(  # noqa: E731
                database, login, password, workstation=workstation, now=now
            )
        else:
            task = lambda database: sign_in(  # noqa: E731
                database, login, password, workstation=workstation, now=now
            )
        self._runner.run(
            task,
            self._signed_in,
            self._refused,
            owner=self,
            busy=(self._buttons, self.login, self.password, self.confirm),
        )

    def _refused(self, error: OperlineError) -> None:
        self._tell(error_sentence(error))
        self.password.clear()
        self.confirm.clear()
        self.password.setFocus()

    def _signed_in(self, actor: Actor) -> None:
        assert actor.operator_id is not None  # a person signed in
        operator = OperatorInfo(actor.operator_id, actor.name, actor.role)
        self.operator = operator
        self.password.clear()
        self.confirm.clear()
        if self._session is not None:
            self._session.set_operator(operator)
        self.signed_in.emit(operator)
        self.accept()

    def _tell(self, sentence: str) -> None:
        self._problem.setText("⚠ " + sentence)
        self._problem.setAccessibleName(sentence)
        self._problem.show()
