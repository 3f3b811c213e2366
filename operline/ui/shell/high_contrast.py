"""View > High contrast: the desk's setting at start, then this window's own choice.

The toggle repaints the window at once and writes nothing: the shared setting
(``display.high_contrast``, in the desk settings) is what every desk opens with.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from operline.settings import DeskSettings, read_settings
from operline.ui.palette import Scheme
from operline.ui.tasks import TaskRunner
from operline.ui.theme import DeskTheme


class HighContrastAction(QAction):
    """A checkable menu entry switching the whole application to high contrast."""

    def __init__(self, theme: DeskTheme, runner: TaskRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("highContrastAction")
        self.setText(self.tr("&High contrast"))
        self.setToolTip(self.tr("White and yellow on black, for every screen of this window"))
        self.setCheckable(True)
        self._theme = theme
        self.setChecked(theme.high_contrast)
        self.toggled.connect(theme.set_high_contrast)
        theme.changed.connect(self._follow)
        runner.run(read_settings, self._desk_setting, lambda _error: None, owner=self)

    def _desk_setting(self, settings: DeskSettings) -> None:
        self.setChecked(bool(settings.high_contrast))

    def _follow(self, _scheme: Scheme) -> None:
        self.setChecked(self._theme.high_contrast)
