"""Starting the desk's window: application, language, database, main window.

A problem with the database is told in one translated sentence (a dialog, or stderr
in smoke mode) and gives exit status 1; the user never sees a traceback.
"""

from __future__ import annotations

import sys
from importlib.resources import files

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import operline
from operline.actors import system_user
from operline.audit_retention import prune_audit
from operline.db.change_feed import starting_sequence
from operline.db.engine import Database, open_database
from operline.db.in_use import InUseLock, hold_while_open
from operline.db.migrate import upgrade_database
from operline.errors import OperlineError
from operline.paris_time import now_utc
from operline.ui.messages import error_sentence
from operline.ui.shell.language import choose_language, install_language
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.upgrade_progress import UpgradeProgress
from operline.ui.tasks import TaskRunner, freeze_startup_objects
from operline.ui.theme import desk_theme

#: How long smoke mode waits for the main window to be painted.
SMOKE_TIMEOUT_S = 20

_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def run_gui(
    database_url: str, *, smoke: bool = False, lang: str | None = None, demo_operator: bool = False
) -> int:
    """Show the main window on a database; the exit status (0 when all went well).

    ``demo_operator``: on a demo database, sign in its operator without asking.
    """
    app = _application()
    try:
        language = install_language(choose_language(lang))
    except OperlineError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    database: Database | None = None
    runner: TaskRunner | None = None
    housekeeping: TaskRunner | None = None
    in_use: InUseLock | None = None
    try:
        try:
            database = open_database(database_url)
            # Held until the window is gone: a restore is refused meanwhile.
            in_use = hold_while_open(database)
            progress = UpgradeProgress()
            try:
                upgrade_database(database, now=now_utc(), progress=progress)
            finally:
                progress.close()
            followed_from = starting_sequence(database)  # before any screen reads
        except OperlineError as error:
            return _tell_problem(error, smoke=smoke)
        runner = TaskRunner(database)
        housekeeping = TaskRunner(database)
        prune_audit_at_start(housekeeping)
        window = MainWindow(
            database,
            runner=runner,
            housekeeping=housekeeping,
            actor=desk_actor(),
            icon=app.windowIcon(),
        )
        try:
            window.resize(1280, 720)
            window.show()
            freeze_startup_objects()
            if smoke:
                return _wait_until_painted(window, language.missing)
            QTimer.singleShot(0, lambda: window.start_shift(demo_operator=demo_operator))
            other_desks = window.follow_other_desks(start_after=followed_from)
            try:
                return app.exec()
            finally:
                other_desks.stop()  # before the database closes under it
        finally:
            # Gone with its timers before the workers stop: none asks them anything after.
            shiboken6.delete(window)
    finally:
        for worker in (runner, housekeeping):
            if worker is not None:
                worker.shut_down()  # what was asked of the database is written before it closes
        if database is not None:
            database.dispose()
        if in_use is not None:
            in_use.release()
        language.uninstall()


def prune_audit_at_start(runner: TaskRunner) -> None:
    """Apply the audit trail's retention on the worker; a failure is told on stderr only,
    as the desk works on without it and the next start tries again."""
    now = now_utc()

    def prune(database: Database) -> int:
        return prune_audit(database, now=now)

    def failed(error: OperlineError) -> None:
        print(error, file=sys.stderr)

    runner.run(prune, lambda _removed: None, failed)


def desk_actor() -> str:
    """Who consults the history, until operators sign in: the system user name."""
    return system_user()


def application_icon() -> QIcon:
    """Operline's icon, drawn from the SVG at each usual size."""
    icons = files("operline.resources") / "icons"  # one name per step, as a frozen build needs
    data = (icons / "operline.svg").read_bytes()
    icon = QIcon()
    for size in _ICON_SIZES:
        pixmap = QPixmap(size, size)
        if pixmap.loadFromData(data, "SVG"):
            icon.addPixmap(pixmap)
    if icon.isNull():  # no SVG reader in this Qt: use the pre-drawn picture
        fallback = QPixmap()
        fallback.loadFromData((icons / "operline.png").read_bytes(), "PNG")
        icon.addPixmap(fallback)
    return icon


def _application() -> QApplication:
    existing = QApplication.instance()
    # Only the program name: Qt must not read Operline's own options as its own.
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("Operline")
    app.setApplicationDisplayName("Operline")
    app.setOrganizationName("Operline")
    app.setApplicationVersion(operline.__version__)
    # The desktop entry's name (packaging/): a Wayland desktop shows its icon and name.
    app.setDesktopFileName("org.operline.Operline")
    app.setWindowIcon(application_icon())
    # Fusion paints with the palette alone, the same on every system: our colours, the
    # system's light or dark scheme, and high contrast hold everywhere.
    app.setStyle("Fusion")
    desk_theme()
    return app


def _tell_problem(error: OperlineError, *, smoke: bool) -> int:
    sentence = error_sentence(error)
    if smoke:
        print(sentence, file=sys.stderr)
    else:
        box = QMessageBox(QMessageBox.Icon.Critical, "Operline", sentence)
        box.setObjectName("startProblem")
        box.setAccessibleName(sentence)
        box.exec()
    return error.exit_code


class _PaintWatcher(QObject):
    """Ends a wait once the watched widget has been painted on an exposed window."""

    def __init__(self, watched: QWidget, loop: QEventLoop) -> None:
        super().__init__(watched)
        self._watched = watched
        self._loop = loop
        self.painted = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._watched and event.type() == QEvent.Type.Paint and not self.painted:
            handle = self._watched.window().windowHandle()
            if handle is not None and handle.isExposed():
                self.painted = True
                # Let this paint finish before leaving the loop.
                QTimer.singleShot(0, self._loop.quit)
        return False


def _wait_until_painted(window: MainWindow, missing_catalogues: list[str]) -> int:
    loop = QEventLoop()
    central = window.centralWidget()
    assert central is not None, "the main window always shows its screens"
    watcher = _PaintWatcher(central, loop)
    central.installEventFilter(watcher)
    central.update()
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(SMOKE_TIMEOUT_S * 1000)
    loop.exec()
    deadline.stop()
    central.removeEventFilter(watcher)
    window.close()
    window.deleteLater()
    if not watcher.painted:
        print(
            f"Smoke test failed: the main window was not shown and painted within "
            f"{SMOKE_TIMEOUT_S} s (Qt platform: {QApplication.platformName()}).",
            file=sys.stderr,
        )
        return 1
    if missing_catalogues:  # a build that left a translation behind speaks half English
        print(
            f"Smoke test failed: translations not found: {'; '.join(missing_catalogues)}.",
            file=sys.stderr,
        )
        return 1
    print(f"Operline {operline.__version__}: the main window was shown and painted.")
    return 0
