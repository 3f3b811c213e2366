"""Which scheme the desk is painted in: the system's light or dark one, or high contrast.

The system's scheme is followed as it changes (``colorSchemeChanged``); high contrast is
the desk's setting at start, then the View menu's toggle. Every change repaints the whole
application at once; a screen that writes colours into its own text or items listens to
`DeskTheme.changed` and writes them again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStyleHints
from PySide6.QtWidgets import QApplication

from operline.ui import palette
from operline.ui.palette import Scheme


class DeskTheme(QObject):
    """The application's scheme, repainted as the system or the operator changes it."""

    #: The scheme changed; the application's palette and style sheets already follow it.
    changed = Signal(Scheme)

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        hints: QStyleHints = app.styleHints()
        self._system = hints.colorScheme()
        self._high_contrast = False
        hints.colorSchemeChanged.connect(self.follow_system)
        self.scheme = self._wanted()
        palette.use(palette.SCHEMES[self.scheme], app)

    @property
    def high_contrast(self) -> bool:
        return self._high_contrast

    def set_high_contrast(self, on: bool) -> None:
        """Switch high contrast on or off, at once."""
        self._high_contrast = on
        self._repaint()

    def follow_system(self, scheme: Qt.ColorScheme) -> None:
        """The system's scheme changed (or was first read): light or dark follow it."""
        self._system = scheme
        self._repaint()

    def _wanted(self) -> Scheme:
        if self._high_contrast:
            return Scheme.HIGH_CONTRAST
        if self._system == Qt.ColorScheme.Dark:
            return Scheme.DARK
        return Scheme.LIGHT

    def _repaint(self) -> None:
        wanted = self._wanted()
        if wanted is self.scheme:
            return
        self.scheme = wanted
        palette.use(palette.SCHEMES[wanted], self._app)
        self.changed.emit(wanted)


_theme: DeskTheme | None = None


def desk_theme() -> DeskTheme:
    """The application's theme, made on first use (the application must exist)."""
    global _theme
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the theme paints an application's widgets"
    if _theme is None:
        _theme = DeskTheme(app)
    return _theme
