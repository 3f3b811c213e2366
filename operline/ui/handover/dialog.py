"""The shift handover (Ctrl+L): the outgoing operator's note, the incoming one's sign-in.

(Over 400 lines: one window, its three steps read in the order they are taken.)

One window in three steps, the summary of what is taken over always on top:
1. the outgoing operator reads it and types a short note; Ctrl+Enter hands over,
   Escape cancels and keeps them signed in;
2. the incoming operator types their name, Enter, their password, Enter: the handover is
   recorded with their sign-in, in one transaction; a wrong password records neither;
   Escape goes back to the note, nothing typed is lost;
3. the incoming operator, now signed in, reads the same summary, read again, with the
   note; Enter starts their shift.
Everything is read and written on the runner, never on the GUI thread.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.demo.accounts import demo_accounts
from operline.errors import OperlineError
from operline.handover import (
    HANDOVER_NOTE_LIMIT,
    HandedOver,
    HandoverProblem,
    HandoverRefused,
    hand_over,
    handover_note,
)
from operline.handover_summary import HandoverSummary, handover_summary
from operline.incidents.board_snapshot import BoardSnapshot
from operline.logins import SignInRefused
from operline.notes_check import identifying_text
from operline.paris_time import format_paris, paris_date
from operline.ui import palette, shortcuts
from operline.ui.desk_context import DeskContext
from operline.ui.handover.refusals import handover_problem
from operline.ui.handover.summary_view import HandoverSummaryView
from operline.ui.intake.notes_prompt import describe_flagged, select_flagged
from operline.ui.messages import error_sentence
from operline.ui.shell.demo_banner import DemoBanner
from operline.ui.shell.password_field import PasswordField
from operline.ui.shell.sign_in import DeskSession, OperatorPicker
from operline.ui.shortcuts import key_text

#: The summary is read again this often while the window is open: ages move on.
REFRESH_MS = 60_000
#: Lines of the note, and of people to choose from, in sight below the summary.
NOTE_LINES = 5


class Step(IntEnum):
    NOTE = 0
    WHO = 1
    TAKEN = 2


class HandoverDialog(QDialog):
    """The summary over the note, the incoming operator's name, then what they take over."""

    #: The handover was recorded: carries the ``HandedOver``.
    handed_over = Signal(object)

    def __init__(
        self,
        context: DeskContext,
        *,
        session: DeskSession,
        board: BoardSnapshot | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("Shift handover"))
        self.setAccessibleName(self.tr("Shift handover"))
        self._context = context
        self._session = session
        #: Who hands over: the operator signed in when the window opened.
        self.outgoing: Actor = context.actor()
        self.recorded: HandedOver | None = None
        #: The live board's last reading, then each summary's: rows unchanged are kept.
        self._board = board
        self._reading = False

        self.heading = QLabel(self)
        self.heading.setObjectName("handoverHeading")
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = HandoverSummaryView(self)
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("handoverSteps")
        self.pages.addWidget(self._note_page())
        self.pages.addWidget(self._who_page())
        self.pages.addWidget(self._taken_page())
        self.problem = QLabel(self)
        self.problem.setObjectName("handoverProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()
        self.hint = QLabel(self)
        self.hint.setObjectName("handoverHint")
        self.hint.setWordWrap(True)
        palette.styled(self.hint, "color: $quiet;")
        keep_place = self.hint.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the buttons stay where they are
        self.hint.setSizePolicy(keep_place)
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("handoverBack")
        self.back_button.setAutoDefault(False)
        self.back_button.clicked.connect(self.reject)
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("handoverNext")
        self.next_button.clicked.connect(self.go_on)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)

        # The summary takes the room; the steps below keep the height of a short note.
        lines = self.note.fontMetrics().lineSpacing() * NOTE_LINES
        self.note.setFixedHeight(lines + 12)
        self.note_read.setFixedHeight(lines + 12)
        self.picker.people.setFixedHeight(lines + 12)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.pages)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

        hand = QAction(self)
        hand.setObjectName("handOverAction")
        hand.setShortcuts(shortcuts.HAND_OVER.sequences())
        hand.triggered.connect(self.go_on)
        self.addAction(hand)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.read_summary)
        self.refresh_timer.start()

        # Within a 1366×768 screen, its title bar and a task bar.
        self.resize(1300, 680)
        self._show_step(Step.NOTE)
        self.read_summary()

    # The three steps

    def _note_page(self) -> QWidget:
        page = QWidget(self)
        self.note_warning = warning = QLabel(_reminder(), page)
        #: The note as it was when the operator was asked to remove what looks identifying.
        self._warned_about: str | None = None
        warning.setObjectName("handoverNoteWarning")
        warning.setWordWrap(True)
        palette.styled(warning, "color: $caution;")
        self.note_label = QLabel(self.tr("&Note for the next operator"), page)
        self.note = QPlainTextEdit(page)
        self.note.setObjectName("handoverNote")
        self.note.setAccessibleName(self.tr("Note for the next operator"))
        self.note.setPlaceholderText(
            self.tr("What must be followed up: calls awaited, promises made, places to call…")
        )
        self.note.setTabChangesFocus(True)
        self.note_label.setBuddy(self.note)
        self.count = QLabel(page)
        self.count.setObjectName("handoverNoteCount")
        self.note.textChanged.connect(self._count)
        under = QHBoxLayout()
        under.addWidget(warning, 1)
        under.addWidget(self.count, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)
        layout.addLayout(under)
        self._count()
        return page

    def _who_page(self) -> QWidget:
        page = QWidget(self)
        self.who_intro = QLabel(page)
        self.who_intro.setObjectName("handoverWhoIntro")
        self.who_intro.setWordWrap(True)
        self.picker = OperatorPicker(
            self._context.runner, leave_out=self.outgoing.operator_id, parent=page
        )
        # Enter on a name goes on to the password; Enter in the password hands over.
        self.picker.picked.connect(self._name_picked)
        self.picker.problem.connect(self._tell)
        self.password = PasswordField(page)
        self.password.setObjectName("handoverPassword")
        self.password.setAccessibleName(self.tr("Password of the next operator"))
        self.password.setPlaceholderText(self.tr("Your password, then Enter"))
        self.password.entered.connect(self.go_on)
        # On a demo database, whom the next person may sign in as, and their password.
        self.demo_banner = DemoBanner(page)
        self.demo_banner.setObjectName("handoverDemo")
        # A failed read leaves it hidden: the summary's own read tells what went wrong.
        self._context.runner.run(
            demo_accounts, self.demo_banner.show_accounts, lambda _error: None, owner=self
        )
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.who_intro)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.picker)
        layout.addWidget(self.password)
        return page

    def _name_picked(self) -> None:
        if self.picker.chosen() is None:
            self._tell(QCoreApplication.translate("OperatorSignIn", "Nobody matches this name."))
            return
        self.problem.hide()
        self.password.setFocus()

    def _taken_page(self) -> QWidget:
        page = QWidget(self)
        self.note_from = QLabel(page)
        self.note_from.setObjectName("handoverNoteFrom")
        bold = QFont(self.note_from.font())
        bold.setBold(True)
        self.note_from.setFont(bold)
        self.note_read = QPlainTextEdit(page)
        self.note_read.setObjectName("handoverNoteRead")
        self.note_read.setAccessibleName(self.tr("The outgoing operator's note"))
        self.note_read.setReadOnly(True)
        self.note_read.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        palette.styled(self.note_read, "background: $note_strip;")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note_from)
        layout.addWidget(self.note_read)
        layout.addStretch(1)
        return page

    @property
    def step(self) -> Step:
        return Step(self.pages.currentIndex())

    def go_on(self) -> None:
        """Ctrl+Enter or the main button: on to the next step."""
        if not self.next_button.isEnabled():
            return  # the handover asked is being recorded
        if self.step is Step.NOTE:
            try:
                handover_note(self.note.toPlainText())
            except HandoverRefused as refused:
                self._tell(handover_problem(refused))
                return
            if self._identifying_asked():
                return
            self._show_step(Step.WHO)
        elif self.step is Step.WHO:
            self._hand_over()
        else:
            self.accept()

    def reject(self) -> None:
        """Escape: from the name back to the note; from the note, nobody changes."""
        if self.step is Step.WHO:
            self._show_step(Step.NOTE)
        elif self.step is Step.TAKEN:
            self.accept()  # the incoming operator is signed in: nothing to cancel
        else:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window is Escape at the note, or the end once handed over.
        if self.step is Step.TAKEN:
            self.accept()
        else:
            super().reject()
        event.accept()

    def _show_step(self, step: Step) -> None:
        self.pages.setCurrentIndex(step)
        self.problem.hide()
        name = self.outgoing.name
        if step is Step.NOTE:
            self.heading.setText(
                self.tr("{name} hands over: what the next operator takes over").format(name=name)
            )
            self.back_button.setText(self.tr("Cancel (Esc)"))
            self.next_button.setText(
                self.tr("Hand over ({key})").format(key=shortcuts.HAND_OVER.key_text())
            )
            self.hint.setText(self.tr("Esc: {name} stays signed in.").format(name=name))
            self.hint.show()
            self.note.setFocus()
        elif step is Step.WHO:
            self.who_intro.setText(
                self.tr(
                    "Who takes over from {name}? Type your name, Enter, then your password "
                    "and Enter."
                ).format(name=name)
            )
            self.back_button.setText(self.tr("Back to the note (Esc)"))
            self.next_button.setText(self.tr("Sign in and take over (Enter)"))
            self.hint.setText(self.tr("The handover is recorded when the next operator signs in."))
            self.hint.show()
            self.picker.name.clear()
            self.password.clear()
            self.picker.reload()
            self.picker.setFocus()
        else:
            self.back_button.hide()
            self.next_button.setText(self.tr("Start my shift (Enter)"))
            self.next_button.setDefault(True)
            self.hint.hide()  # nothing left to say: an empty line would be read as nothing
            self.next_button.setFocus()

    # Reading and writing, on the runner

    def read_summary(self) -> None:
        """Read again what is taken over (at the start, every minute, once handed over)."""
        if self._reading:
            return
        self._reading = True
        now, board = self._context.clock(), self._board
        self._context.runner.run(
            lambda database: handover_summary(database, now=now, board=board),
            self._summary_read,
            self._summary_refused,
            owner=self,
        )

    def _summary_read(self, summary: HandoverSummary) -> None:
        self._reading = False
        self._board = summary.board
        self.summary.show_summary(summary)

    def _summary_refused(self, error: OperlineError) -> None:
        # The note and the sign-in matter more than the summary: the handover goes on.
        self._reading = False
        self._tell(error_sentence(error))

    def _hand_over(self) -> None:
        incoming = self.picker.chosen()
        if incoming is None:
            self._tell(QCoreApplication.translate("OperatorSignIn", "Nobody matches this name."))
            return
        note, actor, now = self.note.toPlainText(), self.outgoing, self._context.clock()
        password = self.password.text()
        self.password.clear()
        self._context.runner.run(
            lambda database: hand_over(
                database, note, actor=actor, to_operator_id=incoming, password=password, now=now
            ),
            self._handed_over,
            self._refused,
            owner=self,
            busy=(self.next_button, self.picker, self.password),
        )

    def _refused(self, error: OperlineError) -> None:
        self._tell(handover_problem(error))
        if isinstance(error, HandoverRefused) and error.problem is HandoverProblem.NOT_AT_DESK:
            self.picker.reload()
        if isinstance(error, SignInRefused):
            self.password.setFocus()  # the name stays: only the password is typed again
        else:
            self.picker.setFocus()

    def _handed_over(self, done: HandedOver) -> None:
        self.recorded = done
        self._session.set_operator(done.incoming)
        self._context.changes.publish(done.changes)
        self.handed_over.emit(done)
        handover = done.handover
        self.heading.setText(
            self.tr("{incoming} takes over from {outgoing} at {time}").format(
                incoming=handover.to_name,
                outgoing=handover.from_name,
                time=format_paris(handover.at, "%H:%M"),
            )
        )
        if handover.note:
            self.note_from.setText(self.tr("Note from {name}:").format(name=handover.from_name))
        else:
            self.note_from.setText(self.tr("{name} left no note.").format(name=handover.from_name))
        self.note_read.setPlainText(handover.note)
        self.note_read.setVisible(bool(handover.note))
        self._show_step(Step.TAKEN)
        self.read_summary()

    def _identifying_asked(self) -> bool:
        """A note that looks identifying is shown first; Ctrl+Enter again goes on."""
        text = self.note.toPlainText()
        flagged = identifying_text(text, today=paris_date(self._context.clock()))
        if not flagged or text == self._warned_about:
            return False
        self._warned_about = text
        select_flagged(self.note, flagged[0])
        self.note.setFocus(Qt.FocusReason.OtherFocusReason)
        self.note_warning.setText(
            QCoreApplication.translate(
                "NoteDialog",
                "This note seems to hold {found}: remove it, or press {keys} again to "
                "record it as it is.",
            ).format(found=describe_flagged(flagged), keys=key_text("Ctrl+Return"))
        )
        return True

    def _count(self) -> None:
        flagged = identifying_text(self.note.toPlainText(), today=paris_date(self._context.clock()))
        self.note_warning.setText(
            QCoreApplication.translate(
                "NoteDialog", "This note seems to hold {found}: remove it."
            ).format(found=describe_flagged(flagged))
            if flagged
            else _reminder()
        )
        palette.styled(
            self.note_warning,
            "color: $problem; font-weight: bold;" if flagged else "color: $caution;",
        )
        length = len(self.note.toPlainText().strip())
        self.count.setText(
            self.tr("{count} / {limit} characters").format(count=length, limit=HANDOVER_NOTE_LIMIT)
        )
        palette.styled(
            self.count, "color: $problem;" if length > HANDOVER_NOTE_LIMIT else "color: $quiet;"
        )

    def _tell(self, sentence: str) -> None:
        self.problem.setText("⚠ " + sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()


def _reminder() -> str:
    # The notes' own warning, word for word: one sentence, one translation.
    return QCoreApplication.translate(
        "NoteDialog", "No name, no identity: only what the coordination needs."
    )
