"""What every screen of the desk is given: the runner, the clock, who acts, the change bus.

Only the application opens the database; screens reach it through the runner, off the
GUI thread, and learn what changed from the bus instead of reading everything again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from operline.actors import Actor
from operline.changes import Changes
from operline.operators import OperatorSource
from operline.paris_time import Clock
from operline.ui.tasks import TaskRunner


class ChangeBus(QObject):
    """One signal carrying what each write changed, to every screen that listens."""

    changed = Signal(object)

    def publish(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)


@dataclass(frozen=True)
class DeskContext:
    """The desk as a screen sees it."""

    runner: TaskRunner
    clock: Clock
    operator: OperatorSource
    changes: ChangeBus
    #: Who the services are told acts now: the operator signed in at this workstation,
    #: else the system user, who may consult but neither log nor follow a call.
    actor: Callable[[], Actor]

    @property
    def database_name(self) -> str:
        return self.runner.database_name
