"""The main window of the desk: open calls, call form, on duty, week, journal, history, charts.
Each sector's view opens in its own window.

(Over 400 lines: it wires every screen, menu and window-wide key of the desk in one place.)

The seven screens sit in tabs reached by Ctrl+1 … Ctrl+7; Ctrl+N starts a call from
anywhere. A warning across the top names the coverage gaps of the coming day whatever
screen is shown, and the status bar names the operator signed in and, on SQLite, the time
of the last automatic backup.
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import operline
from operline.actors import Actor, Right, system_actor
from operline.db.backup import backup_database
from operline.db.engine import Database
from operline.drafts import DraftStore, default_drafts_folder
from operline.errors import OperlineError
from operline.first_start import is_first_start
from operline.incidents.timeline import IncidentDetail
from operline.operators import OperatorInfo
from operline.paris_time import Clock, format_paris, now_utc
from operline.roster.board import upcoming_gaps
from operline.ui import palette, shortcuts
from operline.ui.board.alerts import DeskAlarm, DesktopAlarm
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.board.live_board import LiveBoard
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.duty.duty_board import DutyBoard
from operline.ui.duty.week_view import WeekView
from operline.ui.figures.sector_view import SectorView
from operline.ui.figures.week_dashboard import WeekDashboard
from operline.ui.first_start import FirstStartWizard
from operline.ui.gpo.export_dialog import GpoExportDialog
from operline.ui.handover.dialog import HandoverDialog
from operline.ui.history.view import HistoryView
from operline.ui.intake.desk_view import DeskView
from operline.ui.journal.view import JournalView
from operline.ui.messages import error_sentence
from operline.ui.roster_editor.editor import RosterEditorDialog
from operline.ui.shell.backups import BackupKeeper, LastBackupLabel
from operline.ui.shell.focus import DeskKeyboard, explain_greyed
from operline.ui.shell.gap_banner import GapBanner
from operline.ui.shell.go_to_call import GoToCallDialog
from operline.ui.shell.high_contrast import HighContrastAction
from operline.ui.shell.idle_lock import IdleLock
from operline.ui.shell.other_desks import OfflineBanner, OtherDesks
from operline.ui.shell.retention import RetentionKeeper
from operline.ui.shell.settings_dialog import SettingsDialog
from operline.ui.shell.shortcuts_dialog import ShortcutsDialog
from operline.ui.shell.sign_in import DeskSession, OperatorSignIn
from operline.ui.tasks import TaskRunner
from operline.ui.theme import desk_theme


class MainWindow(QMainWindow):
    """Operline's window: the gap warning over seven screens, the open calls first."""

    def __init__(
        self,
        database: Database,
        *,
        runner: TaskRunner,
        actor: str,
        housekeeping: TaskRunner | None = None,
        clock: Clock = now_utc,
        icon: QIcon | None = None,
        session: DeskSession | None = None,
        drafts: DraftStore | None = None,
        alarm: DeskAlarm | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Operline"))
        self.setAccessibleName(self.tr("Operline"))
        if icon is not None:
            self.setWindowIcon(icon)
        # Only the backup's file dialog needs to know where the database is.
        self._database = database
        self._runner = runner
        # The retention purge and the backups can hold a worker for minutes on a big
        # database: on a worker of their own, a call being saved never waits behind them.
        self._housekeeping = housekeeping if housekeeping is not None else runner
        self._clock = clock
        self._actor = actor
        self.session = session if session is not None else DeskSession(self)
        self.changes = ChangeBus(self)
        self.context = DeskContext(runner, clock, self.session, self.changes, self.who_acts)

        self.banner = GapBanner(self)
        self.damage_banner = QLabel(self)
        self.damage_banner.setObjectName("damageBanner")
        self.damage_banner.setWordWrap(True)
        palette.styled(
            self.damage_banner,
            "background: $alarm; color: $alarm_text; font-weight: bold; padding: 8px;",
        )
        self.damage_banner.hide()
        runner.damaged.connect(self._database_damaged)
        if self._housekeeping is not runner:
            self._housekeeping.damaged.connect(self._database_damaged)
        self.offline_banner = OfflineBanner(self)
        #: The other desks' changes, once ``follow_other_desks`` started following them.
        self.other_desks: OtherDesks | None = None
        self.calls = LiveBoard(
            self.context,
            alarm=alarm if alarm is not None else DesktopAlarm(icon, self),
            parent=self,
        )
        self.desk = DeskView(
            self.context,
            drafts=drafts if drafts is not None else DraftStore(default_drafts_folder()),
            parent=self,
        )
        # The retention rules, applied at start and daily, as the computer's account.
        self.retention = RetentionKeeper(
            self._housekeeping,
            actor=lambda: system_actor(self._actor, self.session.workstation),
            clock=clock,
            drafts_folder=self.desk.keeper.store.folder,
            parent=self,
        )
        self.board = DutyBoard(self.context, parent=self)
        self.week = WeekView(self.context, parent=self)
        # Reading the journal is a consultation of the history, audited: only when shown.
        self.journal = JournalView(
            runner,
            actor=self.who_acts,
            clock=clock,
            shown_at_once=False,
            changes=self.changes,
            parent=self,
        )
        # Searching the history is audited too: it searches when first shown.
        self.history = HistoryView(self.context, parent=self)
        # The charts are a consultation too: read when shown.
        self.charts = WeekDashboard(self.context, parent=self)
        # The window of a sector's view, once opened.
        self.sector_view: SectorView | None = None
        self.screens = QTabWidget(self)
        self.screens.setObjectName("screens")
        self.screens.setAccessibleName(self.tr("Screens"))
        self.screens.setDocumentMode(True)
        self._screen_tabs = [
            (self.calls, self.tr("Open calls"), shortcuts.SHOW_CALLS),
            (self.desk, self.tr("Call form"), shortcuts.SHOW_DESK),
            (self.board, self.tr("On duty"), shortcuts.SHOW_BOARD),
            (self.week, self.tr("Week"), shortcuts.SHOW_WEEK),
            (self.journal, self.tr("Journal"), shortcuts.SHOW_JOURNAL),
            (self.history, self.tr("History"), shortcuts.SHOW_HISTORY),
            (self.charts, self.tr("Charts"), shortcuts.SHOW_CHARTS),
        ]
        for page, title, key in self._screen_tabs:
            self.screens.addTab(page, f"{title}  ({key.key_text()})")
        central = QWidget(self)
        central.setObjectName("centre")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.damage_banner)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.screens, 1)
        self.setCentralWidget(central)

        self._database_label = QLabel(self.tr("Database: {name}").format(name=database.name))
        self._database_label.setObjectName("databaseInUse")
        self._database_label.setAccessibleName(self._database_label.text())
        self._database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._operator_label = QLabel(self)
        self._operator_label.setObjectName("operatorSignedIn")
        self.statusBar().setObjectName("statusBar")
        self.statusBar().addPermanentWidget(self._operator_label)
        self.statusBar().addPermanentWidget(self._database_label)
        # SQLite only: a PostgreSQL server's backups are pg_dump's, and the bar says nothing.
        self.last_backup = LastBackupLabel(clock, self)
        self.backups: BackupKeeper | None = None
        if database.is_sqlite:
            self.backups = BackupKeeper(
                self._housekeeping, self.last_backup, clock=clock, parent=self
            )
            self.statusBar().addPermanentWidget(self.last_backup)
        else:
            self.last_backup.hide()

        self._build_menus()
        self.session.operator_changed.connect(self._operator_changed)
        # The window is masked after a while without input, until the password is typed.
        self.idle_lock = IdleLock(
            self, runner=runner, clock=clock, session=self.session, other_person=self.sign_in
        )
        self.changes.changed.connect(
            lambda changes: self.idle_lock.read_setting() if changes.settings else None
        )
        if self.backups is not None:
            backups = self.backups
            self.changes.changed.connect(
                lambda changes: backups.read_setting() if changes.settings else None
            )
        self._operator_changed(self.session.operator)
        for screen in (self.board, self.calls, self.desk, self.journal, self.history, self.charts):
            screen.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.retention.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.calls.sector_view_asked.connect(self.open_sector_view)
        self.history.sector_view_asked.connect(self.open_sector_view)
        self.board.refreshed.connect(self._board_refreshed)
        self.banner.open_week.connect(self.show_week)
        self.screens.currentChanged.connect(self._screen_changed)
        self._board_refreshed(self.board.shown_at or clock())
        self.keyboard = DeskKeyboard(
            self,
            self.screens.currentWidget,
            lambda reason: self.statusBar().showMessage(reason, 15_000),
        )
        #: The dialogs of Ctrl+G and the call it opened, while they are open.
        self.go_to_dialog: GoToCallDialog | None = None
        self.detail_dialog: IncidentDetailDialog | None = None
        #: The shift handover of Ctrl+L, while it is open.
        self.handover_dialog: HandoverDialog | None = None
        #: File > Export for the GPO, while it is open.
        self.gpo_dialog: GpoExportDialog | None = None
        #: The first start of a new desk, while it is open.
        self.first_start_wizard: FirstStartWizard | None = None
        self.calls.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Whatever the answer, the call being typed is on disk before anything closes.
        self.desk.keeper.write()
        if self.desk.form.has_content():
            answer = QMessageBox.question(
                self,
                self.tr("Quit Operline"),
                self.tr(
                    "A call is being typed and not saved. It is kept on this computer and "
                    "will be offered back at the next start. Quit anyway?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.other_desks is not None:
            self.other_desks.stop()
        super().closeEvent(event)

    def follow_other_desks(self, start_after: int | None = None) -> OtherDesks:
        """Start hearing the other desks' changes (on a thread of their own).

        ``start_after``: the sequence number read before the window was built, so a
        change made while the screens first read is heard (redrawn twice at worst).
        """
        if self.other_desks is None:
            self.other_desks = OtherDesks(
                self._database,
                self.changes,
                self.offline_banner,
                lambda: self.calls.shown_at,
                start_after=start_after,
                parent=self,
            )
            # A read that failed meanwhile left the board as it stood: read it whole again.
            self.other_desks.back_online.connect(self.calls.refresh)
            self.other_desks.start()
        return self.other_desks

    # Screens

    def show_calls(self) -> None:
        self.screens.setCurrentWidget(self.calls)

    def show_desk(self) -> None:
        self.screens.setCurrentWidget(self.desk)

    def new_call(self) -> None:
        """Ctrl+N from anywhere: the call form, empty and ready, or the call being typed."""
        self.show_desk()
        self.desk.start_new_call()

    def show_board(self) -> None:
        self.screens.setCurrentWidget(self.board)

    def show_week(self) -> None:
        self.screens.setCurrentWidget(self.week)

    def show_journal(self) -> None:
        self.screens.setCurrentWidget(self.journal)

    def show_history(self) -> None:
        self.screens.setCurrentWidget(self.history)

    def show_charts(self) -> None:
        if not self.show_charts_action.isEnabled():
            return  # an operator signed in: greyed, the tooltip says why
        self.screens.setCurrentWidget(self.charts)

    def open_sector_view(self, sector_id: int) -> None:
        """Open (or bring forward) the window of a sector's view, read afresh."""
        if self.sector_view is None:
            self.sector_view = SectorView(self.context, parent=self)
            self.sector_view.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        self.sector_view.show_sector(sector_id)
        self.sector_view.show()
        self.sector_view.raise_()
        self.sector_view.activateWindow()

    def _screen_changed(self, index: int) -> None:
        page = self.screens.widget(index)
        if page is self.calls:
            self.calls.refresh()
        elif page is self.journal:
            self.journal.show_current()
        elif page is self.history:
            self.history.show_current()
        elif page is self.charts:
            self.charts.show_current()
        elif page is self.board:
            self.board.refresh()
        elif page is self.week:
            self.week.refresh()
        if page is not None:
            page.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _board_refreshed(self, now: datetime) -> None:
        # The warning and the week move with the board: at each handoff and every minute.
        self._runner.run(
            lambda database: upcoming_gaps(database, now),
            lambda gaps: self.banner.show_gaps(gaps, now),
            lambda _error: self.banner.show_gaps([], now),  # the board tells the problem
            owner=self,
        )
        if self.screens.currentWidget() is self.week:
            self.week.refresh()

    def _database_damaged(self, error: OperlineError) -> None:
        # Writing on would spread the damage: the runner sends nothing more, the screens
        # keep what they show, and the desk is told what to do, once and in sight.
        sentence = " ".join(
            (
                error_sentence(error),
                self.tr(
                    "Operline writes nothing more to it; the calls shown stay in sight. "
                    "Note new calls on paper, close Operline and restore the last good backup."
                ),
            )
        )
        self.damage_banner.setText(sentence)
        self.damage_banner.setAccessibleName(sentence)
        self.damage_banner.show()

    def _build_menus(self) -> None:
        menus = self.menuBar()
        menus.setObjectName("menuBar")

        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.setObjectName("fileMenu")
        self.backup_action = self._action(self.tr("&Back up the database…"), "backupAction")
        self.backup_action.triggered.connect(self.back_up_database)
        file_menu.addAction(self.backup_action)
        # A greyed entry's tooltip says why it is greyed.
        file_menu.setToolTipsVisible(True)
        self.gpo_export_action = self._action(self.tr("E&xport for the GPO…"), "gpoExportAction")
        self._gpo_export_tooltip = self.tr(
            "The week's calls, summary and hot spots as CSV files for the GPO"
        )
        self.gpo_export_action.triggered.connect(self.export_for_the_gpo)
        file_menu.addAction(self.gpo_export_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), "quitAction", shortcuts.QUIT)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        calls_menu = menus.addMenu(self.tr("&Calls"))
        calls_menu.setObjectName("callsMenu")
        self.new_call_action = self._action(
            self.tr("&New call"), "newCallAction", shortcuts.NEW_CALL
        )
        self.new_call_action.triggered.connect(self.new_call)
        calls_menu.addAction(self.new_call_action)
        self.go_to_call_action = self._action(
            self.tr("&Go to a call…"), "goToCallAction", shortcuts.GO_TO_CALL
        )
        self.go_to_call_action.triggered.connect(self.go_to_call)
        calls_menu.addAction(self.go_to_call_action)
        calls_menu.addSeparator()
        self.sign_in_action = self._action(
            self.tr("&Change of operator…"), "signInAction", shortcuts.SIGN_IN
        )
        self.sign_in_action.triggered.connect(self.change_operator)
        calls_menu.addAction(self.sign_in_action)

        roster_menu = menus.addMenu(self.tr("&Roster"))
        roster_menu.setObjectName("rosterMenu")
        # A greyed entry's tooltip says why it is greyed.
        roster_menu.setToolTipsVisible(True)
        self.edit_roster_action = self._action(
            self.tr("&Teams, sectors, places and roster…"),
            "editRosterAction",
            shortcuts.EDIT_ROSTER,
        )
        self._edit_roster_tooltip = self.edit_roster_action.toolTip()
        self.edit_roster_action.triggered.connect(self.edit_roster)
        roster_menu.addAction(self.edit_roster_action)
        self.settings_action = self._action(self.tr("Desk &settings…"), "settingsAction")
        self._settings_tooltip = self.tr("Alert delays, the supervisor on call, late calls")
        self.settings_action.triggered.connect(self.edit_settings)
        roster_menu.addAction(self.settings_action)

        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.setObjectName("viewMenu")
        self.show_calls_action = self._action(
            self.tr("Open &calls"), "showCallsAction", shortcuts.SHOW_CALLS
        )
        self.show_calls_action.triggered.connect(self.show_calls)
        self.show_desk_action = self._action(
            self.tr("Call &form"), "showDeskAction", shortcuts.SHOW_DESK
        )
        self.show_desk_action.triggered.connect(self.show_desk)
        self.show_board_action = self._action(
            self.tr("&On duty now"), "showBoardAction", shortcuts.SHOW_BOARD
        )
        self.show_board_action.triggered.connect(self.show_board)
        self.show_week_action = self._action(
            self.tr("The &week"), "showWeekAction", shortcuts.SHOW_WEEK
        )
        self.show_week_action.triggered.connect(self.show_week)
        self.show_journal_action = self._action(
            self.tr("The &journal"), "showJournalAction", shortcuts.SHOW_JOURNAL
        )
        self.show_journal_action.triggered.connect(self.show_journal)
        self.show_history_action = self._action(
            self.tr("The &history"), "showHistoryAction", shortcuts.SHOW_HISTORY
        )
        self.show_history_action.triggered.connect(self.show_history)
        self.show_charts_action = self._action(
            self.tr("The week in c&harts"), "showChartsAction", shortcuts.SHOW_CHARTS
        )
        self.show_charts_action.triggered.connect(self.show_charts)
        self._charts_tooltip = self.show_charts_action.toolTip()
        view_menu.addActions(
            [
                self.show_calls_action,
                self.show_desk_action,
                self.show_board_action,
                self.show_week_action,
                self.show_journal_action,
                self.show_history_action,
                self.show_charts_action,
            ]
        )
        view_menu.addSeparator()
        self.high_contrast_action = HighContrastAction(desk_theme(), self._runner, self)
        view_menu.addAction(self.high_contrast_action)
        for page, _, key in self._screen_tabs:
            self.screens.setTabToolTip(self.screens.indexOf(page), key.description())

        journal_menu = menus.addMenu(self.tr("&Journal"))
        journal_menu.setObjectName("journalMenu")
        actions = self.journal.actions_for_menu()
        for action in actions:
            # The day keys act on the journal only while it is the screen in use.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        journal_menu.addActions(actions[:3])
        journal_menu.addAction(actions[3])
        journal_menu.addSeparator()
        journal_menu.addActions(actions[4:])
        journal_menu.addSeparator()
        journal_menu.setToolTipsVisible(True)
        for action in self.journal.supervision_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            journal_menu.addAction(action)

        history_menu = menus.addMenu(self.tr("H&istory"))
        history_menu.setObjectName("historyMenu")
        for action in self.history.actions_for_menu():
            # Ctrl+F and F5 act on the history only while it is the screen in use.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            history_menu.addAction(action)

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

    # Operators and roster

    def start_shift(self, *, demo_operator: bool = False) -> None:
        """At start: the retention purge and a backup (off the GUI thread), who is at the
        desk, then any call a crash left unsaved.

        ``demo_operator``: a demo database's operator is signed in without typing.
        """
        self.retention.start()
        if self.backups is not None:
            self.backups.start()  # after the purge: the backup holds nothing it erased
        # A brand new desk gets its first start; any other, the sign-in (which tells a
        # database it cannot read).
        self._runner.run(
            is_first_start,
            lambda first: self._open_desk(first=first, demo_operator=demo_operator),
            lambda _error: self._open_desk(first=False, demo_operator=demo_operator),
            owner=self,
        )

    def _open_desk(self, *, first: bool, demo_operator: bool) -> None:
        if first:
            self.first_start()
        else:
            self.sign_in(demo_operator=demo_operator)
        if self.desk.offer_saved_draft():
            self.show_desk()
        # The keyboard comes back to the desk once the prompts are closed.
        self.activateWindow()
        self.raise_()

    def sign_in(self, *, demo_operator: bool = False) -> OperatorInfo | None:
        """Ask who works at the desk now (at start and at each change of shift)."""
        dialog = OperatorSignIn(
            self._runner,
            clock=self._clock,
            session=self.session,
            workstation=self.session.workstation,
            demo_operator=demo_operator,
            parent=self,
        )
        dialog.exec()
        return self.session.operator

    def first_start(self) -> OperatorInfo | None:
        """A new desk: its first administrator and what it starts from, in a wizard."""
        wizard = FirstStartWizard(
            self._runner, clock=self._clock, session=self.session, parent=self
        )
        wizard.changed.connect(self.changes.publish)
        self.first_start_wizard = wizard
        try:
            wizard.exec()
        finally:
            self.first_start_wizard = None
            wizard.deleteLater()
        return self.session.operator

    def change_operator(self) -> None:
        """Ctrl+L: the handover when someone is signed in, else the sign-in alone."""
        if self.session.operator is None:
            self.sign_in()
            return
        if self.handover_dialog is not None:
            self.handover_dialog.raise_()
            return
        # The board's last reading: the calls it holds are not built again.
        dialog = HandoverDialog(
            self.context, session=self.session, board=self.calls.snapshot, parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "handover_dialog", None))
        self.handover_dialog = dialog
        dialog.open()

    def _operator_changed(self, operator: OperatorInfo | None) -> None:
        self.calls.operator_signed_in()
        # Teams, sectors and the roster are a supervisor's to change.
        if operator is None:
            why = self.tr("Nobody is signed in: a supervisor signs in ({key}) to edit the roster.")
        elif not operator.is_supervisor:
            why = self.tr(
                "{name} is signed in as an operator: only a supervisor may edit the roster."
            )
        else:
            why = ""
        explain_greyed(
            self.edit_roster_action,
            why.format(key=shortcuts.SIGN_IN.key_text(), name=operator.name if operator else ""),
            tooltip=self._edit_roster_tooltip,
        )
        if operator is None:
            why_settings = self.tr(
                "Nobody is signed in: an administrator signs in ({key}) to change the desk's "
                "settings."
            )
        elif not operator.may(Right.EDIT_SETTINGS):
            why_settings = self.tr(
                "{name} is not an administrator: only an administrator may change the settings."
            )
        else:
            why_settings = ""
        explain_greyed(
            self.settings_action,
            why_settings.format(
                key=shortcuts.SIGN_IN.key_text(), name=operator.name if operator else ""
            ),
            tooltip=self._settings_tooltip,
        )
        if operator is None:
            why_export = self.tr(
                "Nobody is signed in: a supervisor signs in ({key}) to export the week for the GPO."
            )
        elif not operator.is_supervisor:
            why_export = self.tr(
                "{name} is signed in as an operator: only a supervisor may export the week "
                "for the GPO."
            )
        else:
            why_export = ""
        explain_greyed(
            self.gpo_export_action,
            why_export.format(
                key=shortcuts.SIGN_IN.key_text(), name=operator.name if operator else ""
            ),
            tooltip=self._gpo_export_tooltip,
        )
        self._explain_charts(operator)
        self.journal.supervision.update_rights()
        if operator is None:
            text = self.tr("Nobody signed in ({key})").format(key=shortcuts.SIGN_IN.key_text())
        else:
            text = self.tr("Operator: {name}").format(name=operator.name)
        self._operator_label.setText(text)
        self._operator_label.setAccessibleName(text)

    def _explain_charts(self, operator: OperatorInfo | None) -> None:
        # The week's charts read the history beyond the last 24 hours: a supervisor's.
        why = ""
        if operator is not None and not operator.is_supervisor:
            why = self.tr(
                "{name} is signed in as an operator: only a supervisor may open the week in "
                "charts (an operator consults the last 24 hours)."
            ).format(name=operator.name)
        explain_greyed(self.show_charts_action, why, tooltip=self._charts_tooltip)
        index = self.screens.indexOf(self.charts)
        if why and self.screens.currentIndex() == index:
            self.show_calls()
        self.screens.setTabEnabled(index, not why)
        self.screens.setTabToolTip(index, why or shortcuts.SHOW_CHARTS.description())

    def who_acts(self) -> Actor:
        """Who the services are told acts: the operator signed in, else the system user.

        The system user may consult the journal, never log nor follow a call.
        """
        operator = self.session.operator
        if operator is not None:
            return operator.at(self.session.workstation)
        return system_actor(self._actor, self.session.workstation)

    def edit_settings(self) -> None:
        """The desk's shared settings, for the administrator signed in."""
        operator = self.session.operator
        if operator is None or not operator.may(Right.EDIT_SETTINGS):
            return  # the entry is greyed then, and says why; the service refuses anyway
        dialog = SettingsDialog(
            self.context, actor=operator.at(self.session.workstation), parent=self
        )
        dialog.exec()

    def go_to_call(self) -> None:
        """Ctrl+G from anywhere: a reference typed in, then the call and its timeline."""
        if self.go_to_dialog is not None:
            self.go_to_dialog.raise_()
            return
        dialog = GoToCallDialog(self._runner, actor=self.who_acts, clock=self._clock, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.found.connect(self._show_call)
        dialog.finished.connect(lambda _result: setattr(self, "go_to_dialog", None))
        self.go_to_dialog = dialog
        dialog.open()

    def _show_call(self, detail: IncidentDetail) -> None:
        dialog = IncidentDetailDialog(detail, now=self._clock(), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "detail_dialog", None))
        self.detail_dialog = dialog
        dialog.open()

    def edit_roster(self) -> None:
        """The roster editor in its own window; each change it saves goes on the change bus."""
        operator = self.session.operator
        if operator is None:  # the menu entry is greyed then; the services refuse anyway
            return
        dialog = RosterEditorDialog(
            self.context, actor=operator.at(self.session.workstation), parent=self
        )
        dialog.exec()

    # File

    def export_for_the_gpo(self) -> None:
        """The week's files for the GPO, previewed then saved, for the supervisor signed in."""
        operator = self.session.operator
        if operator is None or not operator.is_supervisor:
            return  # the entry is greyed then, and says why; the services refuse anyway
        if self.gpo_dialog is not None:
            self.gpo_dialog.raise_()
            self.gpo_dialog.activateWindow()
            return
        dialog = GpoExportDialog(
            self.context, actor=operator.at(self.session.workstation), parent=self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: setattr(self, "gpo_dialog", None))
        self.gpo_dialog = dialog
        dialog.open()

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

    def write_backup(self, target: Path) -> None:
        """Write the copy off the GUI thread; tell the user the result in one sentence."""
        if target.exists():
            self._backup_refused(
                self.tr("{path} already exists; choose a new file name for the backup.").format(
                    path=target
                )
            )
            return
        if not target.parent.is_dir():
            self._backup_refused(
                self.tr("The folder {path} does not exist.").format(path=target.parent)
            )
            return
        self.statusBar().showMessage(self.tr("Writing the backup to {path}…").format(path=target))
        self._runner.run(
            lambda database: backup_database(database, target),
            self._backup_written,
            lambda error: self._backup_refused(error_sentence(error)),
            owner=self,
            busy=(self.backup_action,),
        )

    def _backup_written(self, written: Path) -> None:
        self.statusBar().showMessage(
            self.tr("Backup written to {path}.").format(path=written), 30_000
        )

    def _backup_refused(self, sentence: str) -> None:
        self.statusBar().clearMessage()
        QMessageBox.critical(self, self.tr("Backup not written"), sentence)

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
