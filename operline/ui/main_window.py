"""The main window of the desk: menus, the journal of a day, the database in use."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import operline
from operline.db.backup import backup_database
from operline.db.engine import Database
from operline.errors import DatabaseError, DatabaseProblem, OperlineError
from operline.paris_time import format_paris, now_utc
from operline.ui import shortcuts
from operline.ui.journal_view import Clock, JournalView
from operline.ui.messages import error_sentence

# The start-up update copies the file "before updating it"; a backup asked for from
# the menu needs its own sentence.
_BACKUP_FAILED = str(
    QT_TRANSLATE_NOOP("MainWindow", "The backup of {where} failed ({detail}); no copy was written.")
)


class MainWindow(QMainWindow):
    """Operline's window; its centre is the journal of a day for now."""

    def __init__(
        self,
        database: Database,
        *,
        actor: str,
        clock: Clock = now_utc,
        icon: QIcon | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Operline"))
        self.setAccessibleName(self.tr("Operline"))
        if icon is not None:
            self.setWindowIcon(icon)
        self._database = database
        self._clock = clock

        self.journal = JournalView(database, actor=actor, clock=clock, parent=self)
        self.setCentralWidget(self.journal)

        self._database_label = QLabel(self.tr("Database: {name}").format(name=database.name))
        self._database_label.setObjectName("databaseInUse")
        self._database_label.setAccessibleName(self._database_label.text())
        self._database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self._database_label)

        self._build_menus()
        self.journal.setFocus()

    def _build_menus(self) -> None:
        menus = self.menuBar()
        menus.setObjectName("menuBar")

        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.backup_action = self._action(self.tr("&Back up the database…"), "backupAction")
        self.backup_action.triggered.connect(self.back_up_database)
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), "quitAction", shortcuts.QUIT)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        journal_menu = menus.addMenu(self.tr("&Journal"))
        journal_menu.setObjectName("journalMenu")
        actions = self.journal.actions_for_menu()
        journal_menu.addActions(actions[:3])
        journal_menu.addAction(actions[3])
        journal_menu.addSeparator()
        journal_menu.addActions(actions[4:])

        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.setObjectName("helpMenu")
        self.shortcuts_action = self._action(
            self.tr("&Keyboard shortcuts"), "shortcutsAction", shortcuts.SHOW_SHORTCUTS
        )
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.about_action = self._action(self.tr("&About Operline"), "aboutAction")
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _action(self, text: str, name: str, shortcut: shortcuts.Shortcut | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            shortcut.bind(action)
        self.addAction(action)
        return action

    # File

    def back_up_database(self) -> None:
        """Ask where to write a copy of the database, then write it."""
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up the database"),
            str(self._suggested_backup_path()),
            self._backup_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if chosen:
            self.write_backup(Path(chosen))

    def write_backup(self, target: Path) -> bool:
        """Write the copy; tell the user the result in one sentence."""
        if target.exists():
            return self._backup_refused(
                self.tr("{path} already exists; choose a new file name for the backup.").format(
                    path=target
                )
            )
        if not target.parent.is_dir():
            return self._backup_refused(
                self.tr("The folder {path} does not exist.").format(path=target.parent)
            )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            written = backup_database(self._database, target)
        except DatabaseError as error:
            if error.problem is DatabaseProblem.BACKUP_FAILED:
                sentence = QCoreApplication.translate("MainWindow", _BACKUP_FAILED).format(
                    where=error.where, detail=error.detail
                )
            else:
                sentence = error_sentence(error)
            return self._backup_refused(sentence)
        except OperlineError as error:
            return self._backup_refused(error_sentence(error))
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr("Backup written to {path}.").format(path=written), 30_000
        )
        return True

    def _backup_refused(self, sentence: str) -> bool:
        QMessageBox.critical(self, self.tr("Backup not written"), sentence)
        return False

    def _suggested_backup_path(self) -> Path:
        stamp = format_paris(self._clock(), "%Y%m%d-%H%M")
        source = self._database.sqlite_path
        if source is not None:
            return source.with_name(f"{source.stem}-backup-{stamp}{source.suffix}")
        return Path.home() / f"operline-backup-{stamp}.dump"

    def _backup_filter(self) -> str:
        if self._database.is_sqlite:
            return self.tr("SQLite databases (*.sqlite3 *.sqlite *.db);;All files (*)")
        return self.tr("PostgreSQL dumps (*.dump);;All files (*)")

    # Help

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def about_text(self) -> str:
        return self.tr(
            "<p><b>Operline {version}</b></p>"
            "<p>The desk tool of Paris's single operational line: log police calls, route "
            "them to the field association team on duty, follow them to an outcome.</p>"
            "<p>Database in use: {name}</p>"
        ).format(version=html.escape(operline.__version__), name=html.escape(self._database.name))

    def show_about(self) -> None:
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About Operline"))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(self.about_text())
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        box.exec()


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the one table that declares them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))

        self.table = QTableWidget(len(shortcuts.ALL), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, shortcut in enumerate(shortcuts.ALL):
            self.table.setItem(row, 0, QTableWidgetItem(shortcut.key_text()))
            self.table.setItem(row, 1, QTableWidgetItem(shortcut.description()))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("shortcutsButtons")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 340)
