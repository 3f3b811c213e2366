"""Who is at the desk: every timeline line names the operator signed in.

The sign-in lists the people who may work at the desk; a few letters (accents and case
ignored) pick one, Enter signs in. The audit log keeps who signed in, when, and where.
The shift handover picks the incoming operator with the same list.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operline.actors import workstation_name
from operline.errors import InvalidInput, OperlineError
from operline.names import fold_name
from operline.operators import OperatorInfo, active_operators, sign_in
from operline.paris_time import Clock
from operline.ui import shortcuts
from operline.ui.messages import error_sentence
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
            if operator.is_supervisor:
                text = self.tr("{name} (supervisor)").format(name=operator.name)
            item = QListWidgetItem(text, self.people)
            item.setData(Qt.ItemDataRole.UserRole, operator.operator_id)
        if self.people.count():
            self.people.setCurrentRow(0)

    def _move(self, step: int) -> None:
        count = self.people.count()
        if count:
            self.people.setCurrentRow(max(0, min(count - 1, self.people.currentRow() + step)))


class OperatorSignIn(QDialog):
    """The list of people who may sign in, filtered as a name is typed."""

    #: Carries the OperatorInfo of the operator who signed in.
    signed_in = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        clock: Clock,
        session: DeskSession | None = None,
        workstation: str | None = None,
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
        self.operator: OperatorInfo | None = None

        intro = QLabel(self.tr("Who is at the desk? Type your name, then Enter."), self)
        intro.setObjectName("signInIntro")
        intro.setWordWrap(True)
        self._problem = QLabel(self)
        self._problem.setObjectName("signInProblem")
        self._problem.setWordWrap(True)
        self._problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self._problem.hide()
        self.picker = OperatorPicker(runner, parent=self)
        self.picker.picked.connect(self.sign_in_selected)
        self.picker.problem.connect(self._tell)
        self.name, self.people = self.picker.name, self.picker.people
        #: The problem shown is about the name typed: it goes once the name finds someone.
        self._about_name = False
        self.name.textChanged.connect(self._name_changed)
        self._buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.setObjectName("signInButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Sign in"))
        buttons.accepted.connect(self.sign_in_selected)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.picker, 1)
        layout.addWidget(self._problem)
        layout.addWidget(buttons)
        self.resize(420, 360)
        self.reload()
        self.name.setFocus()

    def reload(self) -> None:
        """Read again who may sign in."""
        self.picker.reload()

    def _refused(self, error: OperlineError) -> None:
        if isinstance(error, InvalidInput):
            self._tell(self.tr("This person no longer works at the desk."), about_name=True)
            self.reload()
        else:
            self._tell(error_sentence(error))

    def sign_in_selected(self) -> None:
        """Sign in the selected person; the dialog closes once the audit log has it."""
        if not self._buttons.isEnabled():
            return  # the sign-in asked is being recorded
        operator_id = self.picker.chosen()
        if operator_id is None:
            self._tell(self.tr("Nobody matches this name."), about_name=True)
            return
        workstation, now = self._workstation, self._clock()
        self._runner.run(
            lambda database: sign_in(database, operator_id, workstation=workstation, now=now),
            self._signed_in,
            self._refused,
            owner=self,
            busy=(self._buttons,),
        )

    def _signed_in(self, operator: OperatorInfo) -> None:
        self.operator = operator
        if self._session is not None:
            self._session.set_operator(operator)
        self.signed_in.emit(operator)
        self.accept()

    def _tell(self, sentence: str, *, about_name: bool = False) -> None:
        self._problem.setText("⚠ " + sentence)
        self._problem.setAccessibleName(sentence)
        self._problem.show()
        self._about_name = about_name

    def _name_changed(self) -> None:
        if self._about_name and self.picker.chosen() is not None:
            self._about_name = False
            self._problem.hide()
