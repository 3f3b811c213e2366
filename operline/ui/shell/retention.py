"""The retention rules applied by the desk itself: at each start, then every day.

The purge runs on the task runner, as the computer's account (who installed the desk and
answers for its data), whoever is signed in: an operator's role could not apply it. What
it erased is told in the status bar; a problem is told there too, and tried again the
next day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from operline.actors import Actor
from operline.db.engine import Database
from operline.errors import OperlineError
from operline.privacy import PurgeReport, purge
from operline.ui.refusals import action_problem
from operline.ui.tasks import TaskRunner

#: A day between two purges while the desk stays open.
DAILY_MS = 24 * 60 * 60 * 1000


class RetentionKeeper(QObject):
    """Runs ``operline.privacy.purge`` at start and daily; says what it erased."""

    #: A sentence for the status bar.
    notice = Signal(str)
    #: A purge finished: carries its PurgeReport.
    purged = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        actor: Callable[[], Actor],
        clock: Callable[[], datetime],
        drafts_folder: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("retentionKeeper")
        self._runner = runner
        self._actor = actor
        self._clock = clock
        self._drafts_folder = drafts_folder
        self.timer = QTimer(self)
        self.timer.setObjectName("retentionTimer")
        self.timer.setInterval(DAILY_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        """Purge now, then every day."""
        self.run()
        self.timer.start()

    def run(self) -> None:
        actor, now, folder = self._actor(), self._clock(), self._drafts_folder

        def work(database: Database) -> PurgeReport:
            return purge(database, actor=actor, now=now, drafts_folder=folder)

        self._runner.run(work, self._done, self._failed, owner=self)

    def _done(self, report: PurgeReport) -> None:
        if report.erased_anything:
            self.notice.emit(
                self.tr(
                    "Retention: notes of {notes} call(s) erased, {anonymised} call(s) anonymised."
                ).format(notes=report.notes_erased, anonymised=report.incidents_anonymised)
            )
        self.purged.emit(report)

    def _failed(self, error: OperlineError) -> None:
        self.notice.emit(
            self.tr("The retention purge did not run: {problem}").format(
                problem=action_problem(error)
            )
        )
