"""The history: every incident, newest first, with its filters; Enter opens a call, F4
the view of its sector.

Every search runs on the runner: a filter changed while a search is on its way waits for
it, and only the answer to the latest filters is shown. A search is a consultation of
the history, audited; the pages read while scrolling are not. The table sorts by the
time the calls came in only (click its heading, or choose the order): every other
column is a filter, and sorting ten years by a name would read them all.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes, IncidentChange
from operline.codes import Category, Outcome, Status
from operline.errors import InvalidInput, OperlineError
from operline.history.choices import HistoryChoices, history_choices
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.pages import HistoryPages
from operline.history.search import HistorySearch, search_history
from operline.history.sector_of_call import sector_of_call
from operline.incidents.timeline import IncidentDetail, read_incident
from operline.paris_time import paris_date
from operline.ui import palette, shortcuts
from operline.ui.board.incident_detail import IncidentDetailDialog
from operline.ui.desk_context import DeskContext
from operline.ui.history.filter_bar import HistoryFilterBar
from operline.ui.history.landmarks import Landmarks
from operline.ui.history.model import HistoryColumn, HistoryModel
from operline.ui.labels import category_label, outcome_label, status_label
from operline.ui.messages import error_sentence
from operline.ui.refusals import action_problem
from operline.ui.table_model import INCIDENT_ID_ROLE

# Widest text a column usually holds, so widths are set without reading every row.
_SAMPLES = {
    HistoryColumn.TIME: "00/00/0000 00:00",
    HistoryColumn.REFERENCE: "OPL-0000-000000",
    HistoryColumn.SECTOR: "Porte de la Chapelle",
    HistoryColumn.TEAM: "Maraude de nuit Nord-Est",
}

Asked = tuple[HistoryFilter, HistoryOrder]


class HistoryView(QWidget):
    """The filters over the table of the incidents they let through."""

    #: A sentence for the status bar: why a call could not be opened.
    notice = Signal(str)
    #: A search's answer was shown (carries the HistorySearch).
    shown = Signal(object)
    #: The view of a sector is asked for (carries the sector's id): the selected call's.
    sector_view_asked = Signal(int)

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setAccessibleName(self.tr("History of the calls"))
        self._context = context
        self.model = HistoryModel(context.runner, self)
        self.model.fetch_failed.connect(self._show_problem, Qt.ConnectionType.QueuedConnection)
        self.filters = HistoryFilterBar(lambda: paris_date(context.clock()), self)
        self.filters.changed.connect(self.search_again)
        self.filters.leave.connect(self._to_table)
        #: The search shown, and the filters asked for that are not answered yet.
        self.search: HistorySearch | None = None
        self._wanted: Asked | None = None
        self._in_flight: Asked | None = None
        self._choices_read = False
        #: The landmarks of the pages shown, read after each search.
        self.landmarks = Landmarks(context.runner, self)
        #: The detail opened from the history, while it is open.
        self.detail: IncidentDetailDialog | None = None

        self._build()
        self.search_action = self._action(
            self.tr("&Search the history"), "searchHistoryAction", shortcuts.SEARCH_HISTORY
        )
        self.search_action.triggered.connect(self.filters.focus_search)
        self.again_action = self._action(
            self.tr("Search &again"), "searchAgainAction", shortcuts.SEARCH_AGAIN
        )
        self.again_action.triggered.connect(self.search_again)
        self.clear_action = self._action(self.tr("&Clear the filters"), "clearFiltersAction")
        self.clear_action.triggered.connect(self.filters.clear)
        self.sector_action = self._action(
            self.tr("&View of the call's sector"), "historySectorAction", shortcuts.HISTORY_SECTOR
        )
        self.sector_action.triggered.connect(self.open_sector_of_selected)
        # Enter on a row opens that call with its timeline, as on the board and the journal.
        self.open_action = QAction(self.tr("Open the call"), self.table)
        self.open_action.setObjectName("openHistoryCallAction")
        self.open_action.setShortcuts(shortcuts.OPEN_CALL.sequences())
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.triggered.connect(self.open_selected)
        self.table.addAction(self.open_action)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        context.changes.changed.connect(self._changed)

    def actions_for_menu(self) -> list[QAction]:
        return [self.search_action, self.again_action, self.clear_action, self.sector_action]

    # Searching

    def show_current(self) -> None:
        """The screen is shown: read what the filters offer once, then search."""
        if not self._choices_read:
            self._read_choices()
        self.search_again()

    def search_again(self) -> None:
        """Search with the filters as they are; the latest filters win."""
        try:
            wanted = self.filters.current_filter()
        except InvalidInput as error:
            self._show_problem(error_sentence(error))
            return
        self._wanted = (wanted, self.filters.current_order())
        if self._in_flight is None:
            self._send()

    def _send(self) -> None:
        assert self._wanted is not None
        asked = self._in_flight = self._wanted
        wanted, order = asked
        now, actor = self._context.clock(), self._context.actor()
        self._count.setText(self.tr("Searching…"))
        self._context.runner.run(
            lambda database: search_history(database, wanted, order=order, actor=actor, now=now),
            lambda found: self._answered(asked, found),
            lambda error: self._answered(asked, error),
            owner=self,
        )

    def _answered(self, asked: Asked, answer: HistorySearch | OperlineError) -> None:
        self._in_flight = None
        if self._wanted != asked:
            self._send()  # the filters changed meanwhile: only their answer is shown
            return
        if isinstance(answer, OperlineError):
            self.search = None
            self.landmarks.show(None)
            self.model.show_rows(0, lambda _database, _start, _count: ())
            self._count.clear()
            self._show_problem(error_sentence(answer))
            return
        self._show(answer)

    def _show(self, found: HistorySearch) -> None:
        self.search = found
        pages = HistoryPages(found)
        self.model.show_rows(found.count, pages.read, found.first_rows)
        count = self.tr("%Ln call(s)", "", found.count)
        if found.filter.received_since is not None:
            # An operator's search, held to the last 24 hours by the service: say so.
            count = self.tr("{count} in the last 24 hours (an operator's search)").format(
                count=count
            )
        self._count.setText(count)
        self._count.setAccessibleName(self._count.text())
        self._show_order(found.order)
        self._show_page(self.table if found.count else self._empty)
        if found.count:
            self.table.scrollToTop()
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.shown.emit(found)
        self.landmarks.show(pages)  # queued after the count and first rows shown

    def _show_order(self, order: HistoryOrder) -> None:
        # Qt draws DescendingOrder as ▲ and AscendingOrder as ▼, in every style; the desk
        # reads ▼ as newest first (the latest on top, going down in time), so the order
        # given to the header is the one that draws the arrow the list follows.
        newest = order is HistoryOrder.NEWEST_FIRST
        self.table.horizontalHeader().setSortIndicator(
            HistoryColumn.TIME,
            Qt.SortOrder.AscendingOrder if newest else Qt.SortOrder.DescendingOrder,
        )

    def _read_choices(self) -> None:
        self._context.runner.run(history_choices, self._choices, self._choices_failed, owner=self)

    def _choices(self, choices: HistoryChoices) -> None:
        self._choices_read = True
        self.filters.set_choices(choices)

    def _choices_failed(self, error: OperlineError) -> None:
        self.notice.emit(error_sentence(error))

    def _changed(self, changes: Changes) -> None:
        if changes.roster or changes.places:
            self._choices_read = False
            if self.isVisible():
                self._read_choices()
        # A stage or a note of a call in sight: its page again.
        self.model.read_again(changes.incidents)
        if IncidentChange.LOGGED in changes.incidents.values():
            self.landmarks.calls_added()

    def _sorted_by(self, section: int) -> None:
        if section == HistoryColumn.TIME:
            newest = self.filters.current_order() is HistoryOrder.NEWEST_FIRST
            self.filters.set_order(
                HistoryOrder.OLDEST_FIRST if newest else HistoryOrder.NEWEST_FIRST
            )
            return
        self._show_order(self.filters.current_order())  # the indicator back on the time
        self.notice.emit(self.tr("The history sorts by time only; the other columns have filters."))

    # Opening a call

    def open_selected(self) -> None:
        """Open the call under the cursor with its timeline; the reading is audited."""
        incident_id = self.model.data(self.table.currentIndex(), INCIDENT_ID_ROLE)
        if not isinstance(incident_id, int):
            self.notice.emit(self.tr("Select a call first (arrow keys)."))
            return
        now, actor = self._context.clock(), self._context.actor()
        self._context.runner.run(
            lambda database: read_incident(database, incident_id, actor=actor, now=now),
            lambda detail: self._show_detail(detail, now),
            lambda error: self.notice.emit(action_problem(error)),
            owner=self,
            busy=(self.open_action,),
        )

    def open_sector_of_selected(self) -> None:
        """Ask for the view of the sector the call under the cursor was logged with."""
        incident_id = self.model.data(self.table.currentIndex(), INCIDENT_ID_ROLE)
        if not isinstance(incident_id, int):
            self.notice.emit(self.tr("Select a call first (arrow keys)."))
            return
        actor = self._context.actor()
        self._context.runner.run(
            lambda database: sector_of_call(database, incident_id, actor=actor),
            self.sector_view_asked.emit,
            lambda error: self.notice.emit(action_problem(error)),
            owner=self,
            busy=(self.sector_action,),
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

    # Widgets

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Focus goes to what the screen shows, so the keys work on an empty answer too.
        page = self._pages.currentWidget()
        if page is not None:
            page.setFocus(event.reason())

    def _to_table(self) -> None:
        page = self._pages.currentWidget()
        if page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_page(self, page: QWidget) -> None:
        shown = self._pages.currentWidget()
        had_focus = shown is not None and shown.hasFocus()
        self._pages.setCurrentWidget(page)
        if had_focus:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self, sentence: str) -> None:
        self._problem.setText(sentence)
        self._problem.setAccessibleName(sentence)
        self._show_page(self._problem)

    def _build(self) -> None:
        title = QLabel(self.tr("History"), self)
        title.setObjectName("historyTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self._count = QLabel(self)
        self._count.setObjectName("historyCount")
        self._count.setAccessibleName(self.tr("Number of calls found"))
        count_font = self._count.font()
        count_font.setBold(True)
        self._count.setFont(count_font)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self._count)
        heading.addSpacing(16)
        heading.addWidget(self.filters.clear_button)

        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Calls found, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Rows of one height: the view never measures a row, so never reads one unseen.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sectionClicked.connect(self._sorted_by)
        self._size_columns()

        self._empty = self._sentence_label(
            "historyEmpty",
            self.tr("No call meets these filters. Clear the filters to see them all."),
        )
        self._problem = self._sentence_label("historyProblem", "")
        palette.styled(self._problem, "color: $problem;")
        self._pages = QStackedWidget(self)
        for page in (self.table, self._empty, self._problem):
            self._pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.filters)
        layout.addWidget(self._pages, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        QWidget.setTabOrder(self.filters.widgets_in_tab_order()[-1], self.table)

    def _sentence_label(self, name: str, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setAccessibleName(text or self.tr("Problem"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
        return label

    def _size_columns(self) -> None:
        # Widths come from sample texts and the translated labels, never from the rows.
        metrics = self.table.fontMetrics()
        samples: dict[HistoryColumn, list[str]] = {
            column: [text] for column, text in _SAMPLES.items()
        }
        samples[HistoryColumn.CATEGORY] = [category_label(Category.DISTRESS)]
        samples[HistoryColumn.PRIORITY] = []
        samples[HistoryColumn.STATUS] = [status_label(code) for code in Status]
        samples[HistoryColumn.OUTCOME] = [outcome_label(Outcome.NOT_FOUND)]
        samples[HistoryColumn.LOCATION] = []
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The place typed is the longest free text: that column takes the room left.
        header.setSectionResizeMode(HistoryColumn.LOCATION, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in HistoryColumn:
            texts = [
                *samples[column],
                str(self.model.headerData(column, Qt.Orientation.Horizontal)),
            ]
            width = max(metrics.horizontalAdvance(text) for text in texts)
            header.resizeSection(column, width + 16)

    def _action(self, text: str, name: str, shortcut: shortcuts.Shortcut | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            shortcut.bind(action)
        self.addAction(action)
        return action
