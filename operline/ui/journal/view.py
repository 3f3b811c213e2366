"""The journal of a day, the supervisor's day log: pick a Paris day, read its calls newest
first, each stage with its time and delay, and its shift handovers; supervisors correct,
sign off, print it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor, Right, consulted_since
from operline.errors import OperlineError
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.journal import DayRoster
from operline.journal_pages import DayPages, OpenedDay, open_day
from operline.paris_time import Clock, paris_date
from operline.ui import palette, shortcuts
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.desk_context import ChangeBus
from operline.ui.journal.column_widths import size_columns
from operline.ui.journal.handovers import DayHandoversPanel
from operline.ui.journal.model import JournalModel
from operline.ui.journal.supervision import DayLogSupervision
from operline.ui.messages import error_sentence
from operline.ui.refusals import action_problem
from operline.ui.shell.focus import explain_greyed
from operline.ui.table_model import INCIDENT_ID_ROLE
from operline.ui.tasks import TaskRunner


class JournalView(QWidget):
    """The day selector and the table of that day's incidents."""

    #: The day now shown (a Paris calendar day).
    day_shown = Signal(object)
    #: A sentence for the status bar: why a call could not be opened.
    notice = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        *,
        actor: Actor | Callable[[], Actor],
        clock: Clock,
        shown_at_once: bool = True,
        changes: ChangeBus | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("journalView")
        self.setAccessibleName(self.tr("Journal of a day"))
        self._runner = runner
        # Who consults the journal, asked at each consultation: the operator signed in then.
        self._actor = actor if callable(actor) else lambda: actor
        self._clock = clock
        self._day = paris_date(clock())
        self._on_today = True

        #: The roster of the day shown, read once for all its pages.
        self._day_roster = DayRoster(self._day)
        #: The pages of the day shown, read with that roster.
        self._day_pages: DayPages | None = None
        self.model = JournalModel(runner, self)
        self.model.fetch_failed.connect(self._show_problem, Qt.ConnectionType.QueuedConnection)

        self.previous_day_action = self._action(
            self.tr("&Previous day"), "previousDayAction", shortcuts.PREVIOUS_DAY
        )
        self.next_day_action = self._action(
            self.tr("&Next day"), "nextDayAction", shortcuts.NEXT_DAY
        )
        self.today_action = self._action(self.tr("&Today"), "todayAction", shortcuts.TODAY)
        self.choose_day_action = self._action(
            self.tr("&Go to a date…"), "chooseDayAction", shortcuts.CHOOSE_DAY
        )
        self.reload_action = self._action(self.tr("&Reload"), "reloadAction", shortcuts.RELOAD)
        self.previous_day_action.triggered.connect(lambda: self.show_day(self._day - _ONE_DAY))
        self.next_day_action.triggered.connect(lambda: self.show_day(self._day + _ONE_DAY))
        self.today_action.triggered.connect(lambda: self.show_day(paris_date(self._clock())))
        self.choose_day_action.triggered.connect(self._focus_date)
        self.reload_action.triggered.connect(lambda: self.show_day(self._day))
        self.supervision = DayLogSupervision(
            self, runner, actor=self._actor, clock=clock, changes=changes
        )
        #: Who handed the desk to whom that day, under the header.
        self.handovers = DayHandoversPanel(
            runner, actor=self._actor, clock=clock, changes=changes, parent=self
        )

        self._build()
        # Enter on a row opens that call, closed or not, as on the board.
        self.open_action = QAction(self.tr("Open the call"), self.table)
        self.open_action.setObjectName("openJournalCallAction")
        self.open_action.setShortcuts(shortcuts.OPEN_CALL.sequences())
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_selected)
        self.table.addAction(self.open_action)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        #: The detail opened from the journal, while it is open.
        self.detail: IncidentDetailDialog | None = None
        if shown_at_once:
            self.show_day(self._day)

    @property
    def day(self) -> date:
        return self._day

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.previous_day_action,
            self.next_day_action,
            self.today_action,
            self.choose_day_action,
            self.reload_action,
        ]

    def forget_roster(self) -> None:
        """Read the roster again for the next rows (another day, or the roster changed)."""
        self._day_roster = DayRoster(self._day)
        if self._day_pages is not None:
            self._day_pages.day_roster = self._day_roster

    def supervision_actions(self) -> list[QAction]:
        """Correct, sign off, print, save as PDF: for the menu."""
        return self.supervision.actions()

    def show_current(self) -> None:
        """Show the journal again: today if it was on today (the desk runs past midnight)."""
        self.show_day(paris_date(self._clock()) if self._on_today else self._day)

    def show_day(self, day: date) -> None:
        """Read and show the incidents of a Paris day; the consultation is audited."""
        now = self._clock()
        today = paris_date(now)
        actor = self._actor()
        # An operator opens the days that overlap the last 24 hours, no earlier one.
        since = consulted_since(actor, now) if actor.may(Right.CONSULT_HISTORY) else None
        earliest = paris_date(since) if since is not None else None
        day = min(day, today) if earliest is None else max(min(day, today), earliest)
        self._day = day
        self._on_today = day == today
        self._date_edit.blockSignals(True)
        self._date_edit.setMaximumDate(_qdate(today))
        self._date_edit.setMinimumDate(_qdate(earliest) if earliest else self._first_date)
        self._date_edit.setDate(_qdate(day))
        self._date_edit.blockSignals(False)
        why = ""
        if earliest is not None and day <= earliest:
            #: Why the previous day is greyed for an operator signed in.
            why = self.tr(
                "{name} is signed in as an operator: the days before are a supervisor's "
                "(an operator consults the last 24 hours)."
            ).format(name=actor.name)
        explain_greyed(self.previous_day_action, why, tooltip=self._previous_day_tooltip)
        self.next_day_action.setEnabled(day < today)
        self.today_action.setEnabled(day != today)
        self.supervision.update_rights()
        self.supervision.read_status(day)
        self.handovers.read(day)
        self.forget_roster()
        day_roster = self._day_roster
        # The count and the first page in one piece of work: the rows come with the count.
        self._runner.run(
            lambda database: open_day(database, day, actor=actor, now=now, day_roster=day_roster),
            self._show_opened,
            lambda error: self._refused(day, error),
            owner=self,
        )

    def _show_opened(self, opened: OpenedDay) -> None:
        if opened.day != self._day:
            return  # another day was asked meanwhile
        day, count = opened.day, opened.count
        self._day_pages = DayPages(opened, self._day_roster)
        self.model.show_rows(count, self._day_pages.read, opened.first_rows)
        # An empty day already says so in the middle of the screen.
        self._count.setText(self.tr("%n call(s)", "", count) if count else "")
        self._show_page(self.table if count else self._empty)
        if count:
            self.table.scrollToTop()
            # The cursor on the first call: Enter opens it, the arrows move from there.
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.day_shown.emit(day)

    def open_selected(self) -> None:
        """Open the call under the cursor with its timeline; the reading is audited."""
        incident_id = self.model.data(self.table.currentIndex(), INCIDENT_ID_ROLE)
        if not isinstance(incident_id, int):
            self.notice.emit(self.tr("Select a call first (arrow keys)."))
            return
        now, actor = self._clock(), self._actor()
        self._runner.run(
            lambda database: read_incident(database, incident_id, actor=actor, now=now),
            lambda detail: self._show_detail(detail, now),
            lambda error: self.notice.emit(action_problem(error)),
            owner=self,
            busy=(self.open_action,),
        )

    def _show_detail(self, detail: IncidentDetail, now: datetime) -> None:
        dialog = IncidentDetailDialog(detail, now=now, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._detail_closed)
        self.detail = dialog
        dialog.open()

    def _detail_closed(self) -> None:
        self.detail = None
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refused(self, day: date, error: OperlineError) -> None:
        if day != self._day:
            return
        self._day_pages = None
        self.model.show_rows(0, lambda _database, _start, _count: ())
        self._count.clear()
        self._show_problem(error_sentence(error))
        self.day_shown.emit(day)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Focus goes to what the page shows, so the keys keep working on an empty day.
        page = self._pages.currentWidget()
        if page is not None:
            page.setFocus(event.reason())

    def _show_page(self, page: QWidget) -> None:
        shown = self._pages.currentWidget()
        had_focus = shown is not None and shown.hasFocus()
        self._pages.setCurrentWidget(page)
        if had_focus:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build(self) -> None:
        title = QLabel(self.tr("Journal of a day"), self)
        title.setObjectName("journalTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)

        self._date_edit = QDateEdit(self)
        self._date_edit.setObjectName("journalDay")
        self._date_edit.setAccessibleName(self.tr("Day shown"))
        self._date_edit.setCalendarPopup(True)
        self._date_edit.setDisplayFormat("dddd d MMMM yyyy")
        # Typing a date reads the day once, on Enter, not at every digit.
        self._date_edit.setKeyboardTracking(False)
        self._date_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 30)
        self._date_edit.dateChanged.connect(lambda value: self.show_day(value.toPython()))
        self._first_date = self._date_edit.minimumDate()
        self._previous_day_tooltip = self.previous_day_action.toolTip()

        self._count = QLabel(self)
        self._count.setObjectName("journalCount")

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(24)
        bar.addWidget(self._button(self.previous_day_action, "◀ "))
        bar.addWidget(self._date_edit)
        bar.addWidget(self._button(self.next_day_action, "", " ▶"))
        bar.addWidget(self._button(self.today_action))
        bar.addWidget(self._button(self.reload_action))
        bar.addStretch(1)
        bar.addWidget(self._count)

        self.table = QTableView(self)
        self.table.setObjectName("journalTable")
        self.table.setAccessibleName(self.tr("Calls of the day, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes on to the next widget; the arrows move inside the table.
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        size_columns(self.table, self.model)

        self._empty = self._sentence_label("journalEmpty", self.tr("No calls that day"))
        self._problem = self._sentence_label("journalProblem", "")
        palette.styled(self._problem, "color: $problem;")

        self._pages = QStackedWidget(self)
        for page in (self.table, self._empty, self._problem):
            self._pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.supervision.header)
        layout.addWidget(self.handovers)
        layout.addWidget(self._pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _sentence_label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setAccessibleName(text or self.tr("Problem"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        # Focusable, so a screen reader reads it and the day keys still reach the window.
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
        return label

    def _action(self, text: str, name: str, shortcut: shortcuts.Shortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        shortcut.bind(action)
        self.addAction(action)
        return action

    def _button(self, action: QAction, before: str = "", after: str = "") -> QToolButton:
        # A tool button shows the action's icon text: the arrows are drawn on the
        # button only, the menu keeps the plain text.
        plain = action.text().replace("&", "")
        action.setIconText(f"{before}{plain}{after}")
        button = QToolButton(self)
        button.setObjectName(f"{action.objectName()}Button")
        button.setDefaultAction(action)
        button.setAccessibleName(plain)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _focus_date(self) -> None:
        self._date_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._date_edit.selectAll()

    def _show_problem(self, sentence: str) -> None:
        self._problem.setText(sentence)
        self._problem.setAccessibleName(sentence)
        self._show_page(self._problem)


_ONE_DAY = timedelta(days=1)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
