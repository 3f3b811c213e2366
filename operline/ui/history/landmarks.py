"""The landmarks of the history's pages, read on the runner while a search is shown.

Once a search is shown (its count and first rows already on screen), the keys of every
``LANDMARK_EVERY``-th row are read a few at a time on the runner's worker, so a jump
anywhere skips fewer rows than that. A newer search replaces them; calls logged meanwhile
drop every position known, and the landmarks are read again (see ``KeysetPages``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject

from operline.errors import OperlineError
from operline.history.pages import KeysetPages
from operline.ui.tasks import TaskRunner


class Landmarks:
    """Reads the landmarks of the pages shown; the pages are touched on the worker only."""

    def __init__(self, runner: TaskRunner, owner: QObject) -> None:
        self._runner = runner
        self._owner = owner
        self._pages: KeysetPages[Any] | None = None
        self._reading = False
        #: Off, pages are read as without landmarks (to measure them).
        self.enabled = True

    @property
    def pages(self) -> KeysetPages[Any] | None:
        """The pages shown, whose landmarks these are."""
        return self._pages

    @property
    def reading(self) -> bool:
        """Whether landmarks are being read (a step is asked for)."""
        return self._reading

    def show(self, pages: KeysetPages[Any] | None) -> None:
        """These pages are shown (None: none); their landmarks read if the list is long."""
        self._pages = pages
        if pages is not None and self._wanted(pages):
            self._read(pages)

    def calls_added(self) -> None:
        """Calls were logged: the rows shown may have moved down; positions read again."""
        pages = self._pages
        if pages is None:
            return

        def forgotten(_none: None) -> None:
            if pages is self._pages and self._wanted(pages) and not self._reading:
                self._read(pages)

        self._runner.run(
            lambda _database: pages.forget_positions(),
            forgotten,
            lambda _error: None,
            owner=self._owner,
        )

    def _wanted(self, pages: KeysetPages[Any]) -> bool:
        return self.enabled and pages.count > pages.every

    def _read(self, pages: KeysetPages[Any]) -> None:
        self._reading = True

        def stepped(more: bool) -> None:
            if more and pages is self._pages:
                self._read(pages)
            else:
                self._reading = False

        def refused(_error: OperlineError) -> None:
            self._reading = False  # the pages are read as without landmarks

        self._runner.run(pages.read_landmarks, stepped, refused, owner=self._owner)
