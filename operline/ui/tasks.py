"""Database work off the GUI thread: one worker, results back on the GUI thread.

A screen hands the runner a function of the database; it runs on the runner's single
worker thread (one at a time, in the order asked, as SQLite serialises writers anyway),
and its result, or the ``OperlineError`` that refused it, comes back to a callback on the
GUI thread. Widgets never hold the database: the runner gives it to the work only.

While a write is in flight the widgets named ``busy`` are disabled, so nothing is
submitted twice. Once the database reports damage, the runner sends it nothing more:
every later task is refused with that same error, so what the screens show stays and
nothing is written into a damaged file. Tests swap in ``ImmediateRunner``, which does the
same on the spot.

Long work (the GPO export) can say how far it has gone: ``run_reporting`` hands it a
``Progress`` function to call on the worker, and each report reaches a callback on the
GUI thread by a queued signal, before the result does.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from operline.db.engine import Database
from operline.errors import DatabaseDamaged, OperlineError

T = TypeVar("T")
#: What runs on the worker: a function of the database.
Work = Callable[[Database], T]
Done = Callable[[T], None]
Failed = Callable[[OperlineError], None]
Busy = QWidget | QAction
#: How far work has gone: (done, total), told by the work and answered on the GUI thread.
Progress = Callable[[int, int], None]
#: Work that tells its progress: a function of the database and of where to tell it.
ReportingWork = Callable[[Database, Progress], T]


@dataclass
class _Task(Generic[T]):
    work: Work[T]
    done: Done[T]
    failed: Failed
    owner: QObject | None
    busy: Sequence[Busy]
    result: Any = None
    error: OperlineError | None = None
    unexpected: BaseException | None = None


class TaskRunner(QObject):
    """Runs database work on one worker thread and answers on the GUI thread."""

    #: Carries a finished task from the worker to the GUI thread (a queued connection).
    _finished = Signal(object)
    #: The number of tasks asked and not answered yet changed.
    pending_changed = Signal(int)
    #: The database reported damage (carries the DatabaseDamaged): nothing more is sent.
    damaged = Signal(object)
    #: Carries a report of progress to the GUI thread: where to tell it, its owner, the
    #: counts (objects: a count may pass what a C int holds).
    _progressed = Signal(object, object, object, object)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._database = database
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="operline-database")
        self._pending = 0
        #: The damage reported, once it was: every later task is refused with it.
        self.damage: DatabaseDamaged | None = None
        self._damage_told = False
        self._finished.connect(self._answer)
        self._progressed.connect(self._tell_progress)

    @property
    def database_name(self) -> str:
        return self._database.name

    @property
    def pending(self) -> int:
        return self._pending

    def run(
        self,
        work: Work[T],
        done: Done[T],
        failed: Failed,
        *,
        owner: QObject | None = None,
        busy: Sequence[Busy] = (),
    ) -> None:
        """Run ``work`` on the worker; ``done`` or ``failed`` then runs on the GUI thread.

        Nothing is answered once ``owner`` has been deleted (a closed dialog, say).
        """
        task = _Task(work, done, failed, owner, tuple(busy))
        for widget in task.busy:
            widget.setEnabled(False)
        self._pending += 1
        self.pending_changed.emit(self._pending)
        self._start(task)

    def run_reporting(
        self,
        work: ReportingWork[T],
        done: Done[T],
        failed: Failed,
        *,
        progress: Progress,
        owner: QObject | None = None,
        busy: Sequence[Busy] = (),
    ) -> None:
        """As ``run``, and each (done, total) the work tells is answered to ``progress``
        on the GUI thread, in order and before ``done`` or ``failed``."""

        def report(count: int, total: int) -> None:
            self._progressed.emit(progress, owner, count, total)

        self.run(lambda database: work(database, report), done, failed, owner=owner, busy=busy)

    def shut_down(self) -> None:
        """Let the work already asked finish, then stop the worker."""
        self._pool.shutdown(wait=True)

    def _start(self, task: _Task[Any]) -> None:
        self._pool.submit(self._work, task)

    def _work(self, task: _Task[Any]) -> None:
        self._perform(task)
        self._finished.emit(task)

    def _perform(self, task: _Task[Any]) -> None:
        if self.damage is not None:
            task.error = self.damage
            return
        try:
            task.result = task.work(self._database)
        except DatabaseDamaged as error:
            task.error = error
            self.damage = error  # before the next task starts, on this same worker
        except OperlineError as error:
            task.error = error
        except Exception as error:  # carried to the GUI thread and raised there
            task.unexpected = error

    def _answer(self, task: _Task[Any]) -> None:
        self._pending -= 1
        self.pending_changed.emit(self._pending)
        for widget in task.busy:
            if shiboken6.isValid(widget):
                widget.setEnabled(True)
        if task.owner is not None and not shiboken6.isValid(task.owner):
            return
        if task.unexpected is not None:
            raise task.unexpected  # a bug, not a refusal: Qt's handler reports it
        if self.damage is not None and not self._damage_told:
            self._damage_told = True
            self.damaged.emit(self.damage)
        if task.error is not None:
            task.failed(task.error)
        else:
            task.done(task.result)

    def _tell_progress(
        self, progress: Progress, owner: QObject | None, count: int, total: int
    ) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return
        progress(count, total)


class ImmediateRunner(TaskRunner):
    """Runs the work at once on the calling thread, for tests that need no waiting."""

    def _start(self, task: _Task[Any]) -> None:
        self._perform(task)
        self._answer(task)


def freeze_startup_objects() -> None:
    """Leave the objects made at start (Qt's wrappers, modules, the screens) out of Python's
    full collections from now on.

    A full collection holds the interpreter lock while it walks every object tracked: with
    the window built, 100 to 200 ms, run on whichever thread allocates at the time. During
    a long export that is the worker, and the GUI thread stood still as long (measured by
    ``benchmarks/bench_gpo_window.py``); what was made at start lives as long as the
    window anyway.
    """
    gc.collect()
    gc.freeze()


def on_gui_thread() -> bool:
    """Whether the calling code runs on the thread that owns the widgets."""
    return threading.current_thread() is threading.main_thread()
