"""The window shown while the database is brought up to date at start.

Copying a large SQLite file before the upgrade takes seconds; the desk sees how far it is
instead of nothing. The window appears only when there is something to do.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from operline.db.migrate import UpgradeStep

_STEPS = {
    UpgradeStep.COPYING: str(
        QT_TRANSLATE_NOOP("UpgradeProgress", "Copying the database before its upgrade…")
    ),
    UpgradeStep.UPGRADING: str(
        QT_TRANSLATE_NOOP("UpgradeProgress", "Bringing the database up to date…")
    ),
}


class UpgradeProgress(QProgressDialog):
    """A progress bar told by ``upgrade_database``; nothing to cancel: the copy must end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("upgradeProgress")
        self.setWindowTitle("Operline")
        self.setCancelButton(None)
        self.setRange(0, 100)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(420)
        self.hide()

    def __call__(self, fraction: float, step: UpgradeStep) -> None:
        if step is UpgradeStep.DONE:
            self.hide()
            return
        text = QCoreApplication.translate("UpgradeProgress", _STEPS[step])
        self.setLabelText(text)
        self.setAccessibleName(text)
        self.setValue(round(fraction * 100))
        self.show()
        # The upgrade runs before the window exists, on this thread: let the bar be drawn.
        QApplication.processEvents()
