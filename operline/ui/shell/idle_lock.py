"""The idle lock: after a while without a key or a click, the window is masked.

The desk's computers are shared and stay on around the clock: when nobody has touched
the application for the minutes of the ``desk.idle_lock_minutes`` setting, its screens
are hidden behind a mask until the person signed in types their password again (a sign-in
like any other: audited, and wrong passwords count toward the lock). Someone else may
take the desk from the mask instead; the one who left is signed out. The clock is the
window's, so tests move time by hand and call ``check``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.errors import OperlineError
from operline.logins import sign_in, sign_out
from operline.operators import OperatorInfo
from operline.paris_time import Clock
from operline.settings import IDLE_LOCK_MINUTES, DeskSettings, read_settings
from operline.ui import palette
from operline.ui.messages import error_sentence
from operline.ui.shell.password_field import PasswordField
from operline.ui.shell.sign_in import DeskSession
from operline.ui.tasks import TaskRunner

#: How often the time since the last input is looked at.
CHECK_MS = 15_000
#: What a person does, as opposed to what the desk shows by itself.
_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockScreen(QDialog):
    """The mask over the window: whose desk it is, their password, or someone else."""

    #: The password typed, to check.
    unlock_asked = Signal(str)
    #: Someone else takes the desk.
    other_asked = Signal()

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.FramelessWindowHint | Qt.WindowType.Dialog)
        self.setObjectName("idleLock")
        self.setModal(True)
        self.setAccessibleName(self.tr("The desk is locked"))
        palette.styled(
            self, "QDialog#idleLock { background: $lock; } QLabel { color: $lock_text; }"
        )
        self.heading = QLabel(
            self.tr("Locked after a while without use. {name}, type your password.").format(
                name=name
            ),
            self,
        )
        self.heading.setObjectName("idleLockHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.password = PasswordField(self)
        self.password.setObjectName("idleLockPassword")
        self.password.setAccessibleName(self.tr("Password of {name}").format(name=name))
        self.password.setMaximumWidth(420)
        self.password.entered.connect(lambda: self.unlock_asked.emit(self.password.text()))
        self.problem = QLabel(self)
        self.problem.setObjectName("idleLockProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $lock_problem; font-weight: bold;")
        self.problem.hide()
        self.other = QPushButton(self.tr("Someone else takes the desk"), self)
        self.other.setObjectName("idleLockOther")
        self.other.setAutoDefault(False)
        self.other.clicked.connect(self.other_asked.emit)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.heading, self.password, self.problem, self.other):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def tell(self, sentence: str) -> None:
        self.password.clear()
        self.problem.setText("⚠ " + sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()
        self.password.setFocus()

    def reject(self) -> None:
        pass  # Escape does not lift the mask


class IdleLock(QObject):
    """Masks ``window`` after the setting's minutes without input while someone is signed in."""

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        *,
        runner: TaskRunner,
        clock: Clock,
        session: DeskSession,
        other_person: Callable[[], object],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self._clock = clock
        self._session = session
        #: What the window does when someone else takes the desk: its sign-in.
        self._other_person = other_person
        self.limit = timedelta(minutes=IDLE_LOCK_MINUTES.default)
        self.last_input: datetime = clock()
        self.screen: LockScreen | None = None
        self._masked: list[QWidget] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.read_setting()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def read_setting(self) -> None:
        """Read the minutes again (at start, and when the settings change)."""
        self._runner.run(read_settings, self._setting_read, lambda _error: None, owner=self)

    def _setting_read(self, settings: DeskSettings) -> None:
        self.limit = settings.idle_limit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT and self.screen is None:
            self.last_input = self._clock()
        return False

    def check(self) -> None:
        """Mask the window if nobody has touched it for the limit; called every few seconds."""
        if self.screen is not None or self._session.operator is None:
            return
        if self._clock() - self.last_input >= self.limit:
            self.lock()

    def lock(self) -> None:
        operator = self._session.operator
        if operator is None or self.screen is not None:
            return
        # Every window of the desk is hidden, not only covered: nothing shows behind.
        central = getattr(self._window, "centralWidget", lambda: None)()
        self._masked = [w for w in (central,) if isinstance(w, QWidget) and w.isVisible()]
        for widget in self._masked:
            widget.hide()
        screen = LockScreen(operator.name, self._window)
        screen.unlock_asked.connect(lambda password: self._unlock(operator, password))
        screen.other_asked.connect(lambda: self._hand_to_someone_else(operator))
        screen.setGeometry(self._window.geometry())
        self.screen = screen
        screen.show()
        screen.raise_()
        screen.activateWindow()
        screen.password.setFocus()
        actor = operator.at(self._session.workstation)
        now = self._clock()
        self._runner.run(
            lambda database: sign_out(database, actor, now=now, why="idle lock"),
            lambda _done: None,
            lambda _error: None,
            owner=self,
        )
        self.locked_changed.emit(True)

    def _unlock(self, operator: OperatorInfo, password: str) -> None:
        screen = self.screen
        if screen is None:
            return
        workstation, now = self._session.workstation, self._clock()
        self._runner.run(
            lambda database: sign_in(
                database, operator.name, password, workstation=workstation, now=now
            ),
            self._unlocked,
            self._refused,
            owner=screen,
            busy=(screen.password,),
        )

    def _refused(self, error: OperlineError) -> None:
        if self.screen is not None:
            self.screen.tell(error_sentence(error))

    def _unlocked(self, _actor: Actor) -> None:
        self._lift()

    def _hand_to_someone_else(self, operator: OperatorInfo) -> None:
        self._session.set_operator(None)  # signed out when the mask went up
        self._lift()
        self._other_person()

    def _lift(self) -> None:
        screen, self.screen = self.screen, None
        if screen is not None:
            screen.password.clear()
            screen.hide()
            screen.deleteLater()
        for widget in self._masked:
            widget.show()
        self._masked = []
        self.last_input = self._clock()
        self.locked_changed.emit(False)
