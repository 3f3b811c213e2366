"""The supervisor's part of the day log: its header, corrections, sign-off, print and PDF.

The journal is the day log for supervisors, read-only for operators: correcting a call
and signing off the day are greyed for anyone else, with the reason in the tooltip, and
the services refuse them anyway. Everything goes through the desk's runner; what a write
changed goes on the change bus, and the header and rows redraw from it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QMessageBox

from operline.actors import Actor, Right
from operline.changes import Changes
from operline.day_log import DayLog, read_day_log, record_export
from operline.day_sign_off import (
    DayStatus,
    SignOffRefused,
    day_status,
    sign_off_day,
)
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.paris_time import Clock
from operline.ui import palette, shortcuts
from operline.ui.desk_context import ChangeBus
from operline.ui.journal.correction_dialog import CorrectionDialog
from operline.ui.journal.day_corrections import DayLogCorrections
from operline.ui.journal.printing import (
    DayLogPages,
    corrected_after_text,
    page_layout,
    sign_off_text,
    write_pdf,
)
from operline.ui.messages import error_sentence
from operline.ui.refusals import action_problem
from operline.ui.shell.focus import explain_greyed
from operline.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from operline.ui.journal.view import JournalView


def sign_off_problem(error: OperlineError) -> str:
    if isinstance(error, SignOffRefused):
        return error_sentence(error)  # declared in operline.day_sign_off
    return action_problem(error)


class DayLogSupervision(QObject):
    """Header, actions and dialogs of the day log, on a journal view."""

    def __init__(
        self,
        view: JournalView,
        runner: TaskRunner,
        *,
        actor: Callable[[], Actor],
        clock: Clock,
        changes: ChangeBus | None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self._changes = changes
        #: The question of Ctrl+Shift+S, while it is asked.
        self.sign_off_prompt: QMessageBox | None = None
        self.status: DayStatus | None = None
        self.header = QLabel(view)
        self.header.setObjectName("journalSignOff")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.correct_action = self._action(
            QCoreApplication.translate("DayLog", "&Correct the call…"),
            "correctCallAction",
            shortcuts.CORRECT_CALL,
        )
        self.sign_off_action = self._action(
            QCoreApplication.translate("DayLog", "&Sign off the day"),
            "signOffDayAction",
            shortcuts.SIGN_OFF_DAY,
        )
        self.print_action = self._action(
            QCoreApplication.translate("DayLog", "Pr&int the day log…"),
            "printDayAction",
            shortcuts.PRINT_DAY,
        )
        self.pdf_action = self._action(
            QCoreApplication.translate("DayLog", "Save as P&DF…"),
            "saveDayPdfAction",
            shortcuts.SAVE_DAY_PDF,
        )
        self._tooltips = {
            action: action.toolTip() for action in (self.correct_action, self.sign_off_action)
        }
        self.corrections = DayLogCorrections(
            view,
            runner,
            self.correct_action,
            actor=actor,
            clock=clock,
            publish=self._publish,
            signed_off=lambda: self.status is not None and self.status.last is not None,
        )
        self.correct_action.triggered.connect(self.corrections.correct_selected)
        self.sign_off_action.triggered.connect(self.sign_off)
        self.print_action.triggered.connect(self.print_day)
        self.pdf_action.triggered.connect(lambda: self.save_pdf())
        if changes is not None:
            changes.changed.connect(self.apply_changes)
        self.update_rights()

    @property
    def dialog(self) -> CorrectionDialog | None:
        """The correction dialog, while it is open."""
        return self.corrections.dialog

    def actions(self) -> list[QAction]:
        return [self.correct_action, self.sign_off_action, self.print_action, self.pdf_action]

    def _action(self, text: str, name: str, shortcut: shortcuts.Shortcut) -> QAction:
        action = QAction(text, self._view)
        action.setObjectName(name)
        shortcut.bind(action)
        self._view.addAction(action)
        return action

    # Rights and header

    def update_rights(self) -> None:
        """Grey what only a supervisor signed in may do, saying why."""
        actor = self._actor()
        for action, right in (
            (self.correct_action, Right.CORRECT_LOG),
            (self.sign_off_action, Right.SIGN_OFF_DAY),
        ):
            if actor.may(right):
                why = ""
            elif actor.is_person:
                why = QCoreApplication.translate(
                    "DayLog", "{name} is signed in as an operator: only a supervisor may do this."
                )
            else:
                why = QCoreApplication.translate(
                    "DayLog", "Nobody is signed in: a supervisor signs in ({key}) to do this."
                )
            why = why.format(name=actor.name, key=shortcuts.SIGN_IN.key_text())
            explain_greyed(action, why, tooltip=self._tooltips[action])

    def read_status(self, day: date) -> None:
        self._runner.run(
            lambda database: day_status(database, day),
            self._show_status,
            lambda error: self.header.setText(error_sentence(error)),
            owner=self,
        )

    def _show_status(self, status: DayStatus) -> None:
        if status.day != self._view.day:
            return
        self.status = status
        log = DayLog(status.day, "", status, (), self._clock())
        parts = [sign_off_text(log)]
        if status.corrected_after_sign_off:
            parts.append(corrected_after_text(log))
        text = " · ".join(parts)
        self.header.setText(text)
        self.header.setAccessibleName(text)
        flagged = status.corrected_after_sign_off
        palette.styled(self.header, "font-weight: bold; color: $caution;" if flagged else "")

    def apply_changes(self, changes: Changes) -> None:
        """Rows a write changed are read again; a sign-off of the day shown redraws its head."""
        if changes.roster:
            self._view.forget_roster()
        model = self._view.model
        shown = [i for i in changes.incidents if model.row_of(i) is not None]
        if shown:
            model.read_again(shown)
        if shown or self._view.day in changes.signed_days:
            self.read_status(self._view.day)

    def _publish(self, changes: Changes) -> None:
        if self._changes is not None:
            self._changes.publish(changes)
        else:
            self.apply_changes(changes)

    # Sign-off

    def sign_off(self) -> None:
        """Ask, naming the day and its calls, then sign it off in the supervisor's name."""
        if self.sign_off_prompt is not None:
            return
        day = self._view.day
        box = QMessageBox(self._view)
        box.setObjectName("signOffPrompt")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(QCoreApplication.translate("DayLog", "Sign off the day"))
        when = QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM yyyy")
        box.setText(
            QCoreApplication.translate(
                "DayLog", "Sign off the day log of {day}? Calls that day: {calls}."
            ).format(day=when, calls=self._view.model.rowCount())
        )
        box.setInformativeText(
            QCoreApplication.translate(
                "DayLog",
                "A correction made afterwards stays possible, flagged in the log and its header.",
            )
        )
        sign = box.addButton(
            QCoreApplication.translate("DayLog", "Sign off"), QMessageBox.ButtonRole.AcceptRole
        )
        cancel = box.addButton(
            QCoreApplication.translate("DayLog", "Cancel"), QMessageBox.ButtonRole.RejectRole
        )
        sign.setObjectName("signOffButton")
        box.setDefaultButton(sign)
        box.setEscapeButton(cancel)

        def answered(button: QAbstractButton) -> None:
            self.sign_off_prompt = None
            self._view.table.setFocus()
            if button is sign:
                self._sign_off(day)

        box.buttonClicked.connect(answered)
        self.sign_off_prompt = box
        box.open()

    def _sign_off(self, day: date) -> None:
        actor, now = self._actor(), self._clock()
        self._runner.run(
            lambda database: sign_off_day(database, day, actor=actor, now=now),
            self._signed,
            lambda error: self._view.notice.emit(sign_off_problem(error)),
            owner=self,
            busy=(self.sign_off_action,),
        )

    def _signed(self, status: DayStatus) -> None:
        self._show_status(status)
        self._publish(status.changes)
        self._view.notice.emit(sign_off_text(DayLog(status.day, "", status, (), self._clock())))

    # Print and PDF

    def print_day(self) -> None:
        """Print the day shown, through the system's print dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        dialog = QPrintDialog(printer, self._view)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self._with_log(
            lambda log: DayLogPages(log, printed_by=self._actor().name).paint(printer), "print"
        )

    def save_pdf(self, path: Path | None = None) -> None:
        """Save the day shown as a PDF; asks where unless told."""
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self._view,
                QCoreApplication.translate("DayLog", "Save the day log as PDF"),
                str(Path.home() / f"journal-{self._view.day.isoformat()}.pdf"),
                QCoreApplication.translate("DayLog", "PDF files (*.pdf)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        target = path
        self._with_log(
            lambda log: write_pdf(log, target, printed_by=self._actor().name), f"pdf {path.name}"
        )

    def _with_log(self, paint: Callable[[DayLog], int], what: str) -> None:
        # The whole day is read off the GUI thread; painting needs the GUI thread's fonts.
        day, actor, now = self._view.day, self._actor(), self._clock()

        def read(database: Database) -> DayLog:
            log = read_day_log(database, day, actor=actor, now=now)
            record_export(database, log, what, actor=actor, now=now)
            return log

        def painted(log: DayLog) -> None:
            try:
                pages = paint(log)
            except OSError as error:
                self._view.notice.emit(str(error))
                return
            self._view.notice.emit(
                QCoreApplication.translate("DayLog", "Day log of {day}: {pages} page(s).").format(
                    day=f"{day:%d/%m/%Y}", pages=pages
                )
            )

        self._runner.run(
            read, painted, lambda error: self._view.notice.emit(error_sentence(error)), owner=self
        )
