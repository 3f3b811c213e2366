"""The day's shift handovers as the day log shows them, on screen and on paper.

One line a handover (when, who handed the desk to whom, at which workstation, how many
calls were open and late then) and the note left under it. The screen and the printed
pages use the same sentences, so what a supervisor reads is what they print.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from operline.actors import Actor
from operline.changes import Changes
from operline.errors import OperlineError
from operline.handover import DayHandover, handovers_of_day
from operline.paris_time import Clock, format_paris_clock
from operline.ui.desk_context import ChangeBus
from operline.ui.messages import error_sentence
from operline.ui.tasks import TaskRunner


def section_title() -> str:
    return QCoreApplication.translate("DayLogHandovers", "Shift handovers of the day")


def none_text() -> str:
    return QCoreApplication.translate("DayLogHandovers", "No shift handover recorded that day.")


def handover_text(handover: DayHandover) -> str:
    """« 07:02 — Inès Moreau a passé la main à Karim Haddad (poste 2) : 3 appels ouverts… »."""
    where = f" ({handover.workstation})" if handover.workstation else ""
    return QCoreApplication.translate(
        "DayLogHandovers",
        "{time} — {outgoing} handed over to {incoming}{where}; open: {open}, late: {late}",
    ).format(
        time=format_paris_clock(handover.at),
        outgoing=handover.from_name,
        incoming=handover.to_name,
        where=where,
        open=handover.open_calls,
        late=handover.late_calls,
    )


def note_text(handover: DayHandover) -> str:
    """The note left, on one line as written, or that none was left."""
    if not handover.note:
        return QCoreApplication.translate("DayLogHandovers", "No handover note.")
    return QCoreApplication.translate("DayLogHandovers", "Note: “{note}”").format(
        note=" ".join(handover.note.split())
    )


class DayHandoversPanel(QScrollArea):
    """The handovers of the day shown, under the day log's header; read off the GUI thread.

    Reading the notes is a consultation, audited by the service, like the day it sits in.
    A handover recorded on the day shown (the bus names its day) is read in at once.
    """

    def __init__(
        self,
        runner: TaskRunner,
        *,
        actor: Callable[[], Actor],
        clock: Clock,
        changes: ChangeBus | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalHandovers")
        self.setAccessibleName(section_title())
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self.day: date | None = None
        #: The handovers shown, once read.
        self.handovers: tuple[DayHandover, ...] = ()
        self.label = QLabel(self)
        self.label.setObjectName("journalHandoversText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner = QWidget(self)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.label)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Four lines in sight: a day has a few handovers; the calls keep the room.
        self.setMaximumHeight(self._height(5))
        if changes is not None:
            changes.changed.connect(self.apply_changes)

    def read(self, day: date) -> None:
        """Read and show the handovers of a Paris day."""
        self.day = day
        actor, now = self._actor(), self._clock()
        self._runner.run(
            lambda database: handovers_of_day(database, day, actor=actor, now=now),
            lambda found: self._show(day, tuple(found)),
            lambda error: self._refused(day, error),
            owner=self,
        )

    def apply_changes(self, changes: Changes) -> None:
        """A handover written on the day shown is read in."""
        if self.day is not None and self.day in changes.handover_days:
            self.read(self.day)

    def _height(self, lines: int) -> int:
        # The lines, the label's margins and the frame, whole: the last line is never cut.
        return self.fontMetrics().lineSpacing() * lines + 4 + 2 * self.frameWidth() + 8

    def text(self) -> str:
        return self.label.text()

    def _show(self, day: date, handovers: tuple[DayHandover, ...]) -> None:
        if day != self.day:
            return  # another day was asked meanwhile
        self.handovers = handovers
        lines = [f"{section_title()} ({len(handovers)})" if handovers else none_text()]
        for handover in handovers:
            lines.append(f"{handover_text(handover)}\n    {note_text(handover)}")
        text = "\n".join(lines)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setMaximumHeight(self._height(5 if handovers else 1))

    def _refused(self, day: date, error: OperlineError) -> None:
        if day != self.day:
            return
        self.handovers = ()
        self.label.setText(error_sentence(error))
