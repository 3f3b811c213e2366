"""A runner that holds the work asked until the test lets it run."""

from __future__ import annotations

from typing import Any

from operline.ui.tasks import TaskRunner, _Task


class HeldRunner(TaskRunner):
    """Keeps every task asked; ``release`` runs them in order, as the worker would."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.held: list[_Task[Any]] = []

    def _start(self, task: _Task[Any]) -> None:
        self.held.append(task)

    def release(self, count: int | None = None) -> None:
        """Run the ``count`` oldest tasks held (all of them by default)."""
        for _ in range(len(self.held) if count is None else count):
            task = self.held.pop(0)
            self._perform(task)
            self._answer(task)
