"""The desk's automatic backups of its SQLite file, and the time of the last one in sight.

``BackupKeeper`` writes a backup on the task runner at start, then every
``backup.every_hours`` hours (``operline.db.automatic_backups``). ``LastBackupLabel``, in
the status bar, says when the last one was written: its time today, its date before; in
red and in words when it is over 24 hours old, when there is none, or when the last try
failed (one sentence, never a traceback). A PostgreSQL desk has neither: the server's
backups are pg_dump's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from operline.db.automatic_backups import (
    BackupRun,
    is_stale,
    latest_backup,
    write_automatic_backup,
)
from operline.db.engine import Database
from operline.errors import DatabaseDamaged, OperlineError
from operline.paris_time import format_paris, paris_date
from operline.settings import BACKUP_EVERY_HOURS, read_settings
from operline.ui import palette
from operline.ui.messages import error_sentence
from operline.ui.tasks import TaskRunner

# How often the label looks again at the age of the last backup (a day turns, 24 h pass).
LABEL_REFRESH_MS = 60_000
_HOUR_MS = 60 * 60 * 1000
_RED = "color: $problem; font-weight: bold;"


class LastBackupLabel(QLabel):
    """« Last backup: 14:05 », in red with words when it is too old, missing or failed."""

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastBackup")
        self._clock = clock
        self.last: datetime | None = None
        self.problem: str | None = None
        # Whether the label is in red (too old, none, or the last try failed).
        self.alarming = False
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setInterval(LABEL_REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)

    def show_backup(self, last: datetime | None) -> None:
        """The last backup written (None: there is none), the last try having worked."""
        self.last, self.problem = last, None
        self.refresh()
        self.refresh_timer.start()

    def show_failure(self, sentence: str) -> None:
        """The last try failed: say why, and since when there is no fresh backup."""
        self.problem = sentence
        self.refresh()
        self.refresh_timer.start()

    def refresh(self) -> None:
        now = self._clock()
        stale = is_stale(self.last, now)
        when = self._when(self.last, now) if self.last is not None else ""
        if self.problem is not None:
            problem = self.problem.rstrip(".")
            if self.last is None:
                text = self.tr("The automatic backup failed: {problem}; there is no backup yet.")
            elif stale:
                text = self.tr(
                    "The automatic backup failed: {problem}; last backup: {when}, more than "
                    "24 h ago."
                )
            else:
                text = self.tr("The automatic backup failed: {problem}; last backup: {when}.")
            text = text.format(problem=problem, when=when)
        elif self.last is None:
            text = self.tr("No backup of the database yet")
        elif stale:
            text = self.tr("Last backup: {when}, more than 24 h ago").format(when=when)
        else:
            text = self.tr("Last backup: {when}").format(when=when)
        self.alarming = stale or self.problem is not None
        self.setText(text)
        self.setAccessibleName(text)
        self.setToolTip(text)
        palette.styled(self, _RED if self.alarming else "")

    def _when(self, at: datetime, now: datetime) -> str:
        if paris_date(at) == paris_date(now):
            return format_paris(at, "%H:%M")
        return format_paris(at, "%d/%m/%Y %H:%M")


@dataclass(frozen=True)
class _Outcome:
    """What the worker tells: the backup written, or why not and the last one there is."""

    latest: datetime | None
    run: BackupRun | None = None
    every_hours: int | None = None
    error: OperlineError | None = None


class BackupKeeper(QObject):
    """Writes an automatic backup at start and every ``backup.every_hours`` hours."""

    #: A backup was written: carries its BackupRun.
    written = Signal(object)

    def __init__(
        self,
        runner: TaskRunner,
        label: LastBackupLabel,
        *,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("backupKeeper")
        self._runner = runner
        self._label = label
        self._clock = clock
        self.timer = QTimer(self)
        self.timer.setObjectName("backupTimer")
        self.timer.setInterval(BACKUP_EVERY_HOURS.default * _HOUR_MS)
        self.timer.timeout.connect(self.run)

    def start(self) -> None:
        """Back up now, then every N hours."""
        self.run()
        self.timer.start()

    def run(self) -> None:
        now = self._clock()

        def work(database: Database) -> _Outcome:
            path = database.sqlite_path
            assert path is not None, "PostgreSQL is backed up by pg_dump"
            try:
                every_hours = read_settings(database).every_hours
                run = write_automatic_backup(database, now=now, every_hours=every_hours)
            except DatabaseDamaged:
                raise  # the runner stops writing, and the window says what to do
            except OperlineError as error:
                found = latest_backup(path)
                return _Outcome(found.at if found is not None else None, error=error)
            return _Outcome(run.written.at, run, every_hours)

        self._runner.run(work, self._done, self._failed, owner=self)

    def read_setting(self) -> None:
        """Follow a change of ``backup.every_hours`` made at a desk."""
        self._runner.run(
            lambda database: read_settings(database).every_hours,
            self._every,
            lambda _error: None,  # the next backup reads it again
            owner=self,
        )

    def _every(self, hours: int) -> None:
        if self.timer.interval() != hours * _HOUR_MS:
            self.timer.setInterval(hours * _HOUR_MS)  # restarts it if it runs

    def _done(self, outcome: _Outcome) -> None:
        if outcome.error is not None:
            self._label.last = outcome.latest
            self._label.show_failure(error_sentence(outcome.error))
            return
        assert outcome.run is not None
        assert outcome.every_hours is not None
        self._every(outcome.every_hours)
        self._label.show_backup(outcome.latest)
        self.written.emit(outcome.run)

    def _failed(self, error: OperlineError) -> None:
        self._label.show_failure(error_sentence(error))
