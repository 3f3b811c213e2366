"""The live board: every open call, the ones left waiting first in sight, all night long.

(Over 400 lines: reading, merging and drawing one table; the parts share its state.)

The board reads the open incidents (one indexed query, off the GUI thread) at start and
at the next change of colour; a change on the desk's bus (its own, or another desk's
heard from the database) reads again only the calls it names. Ages move every
``AGE_TICK_MS`` from the rows held, without a query: an idle board asks nothing. Rows
merge into those shown so the selection stays on the
same call; each row is coloured by how late it is, the desk is told once when a call
turns amber or red, and a call in red proposes whom to call next. The stage keys
(``operline.ui.board.actions``) act on the selected call.

A change that leaves its calls open and in their places is drawn from those calls
alone: their rows, the counts moved by their rows before and after, their alerts. Only
a call opening, closing, moving or entering or leaving the sector shown makes the whole
list merge again.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes
from operline.codes import Category, Priority, Status
from operline.errors import OperlineError
from operline.incidents.board_snapshot import BoardSnapshot, board_snapshot
from operline.incidents.board_tally import BoardTally
from operline.incidents.live_board import (
    Alert,
    BoardIncident,
    next_alert_change,
    open_incidents,
)
from operline.paris_time import format_paris
from operline.settings import DeskSettings
from operline.ui import palette
from operline.ui.board.actions import StageKeys
from operline.ui.board.alerts import AlertWatch, DeskAlarm, DesktopAlarm, NextContactPanel
from operline.ui.board.board_table import BoardTable
from operline.ui.board.model import BoardColumn, LiveBoardModel, alert_text
from operline.ui.board.row_delegate import AlertRowDelegate
from operline.ui.board.sector_strip import SectorStripBar
from operline.ui.board.undo_key import UndoKey
from operline.ui.desk_context import DeskContext
from operline.ui.labels import category_label, priority_label, status_label
from operline.ui.messages import error_sentence

#: Ages (shown by the minute) are redrawn this often from the rows held, with no query.
AGE_TICK_MS = 20_000
# A QTimer cannot wait for ever; it is aimed again at the end of the longest wait.
_LONGEST_WAIT_MS = 3_600_000

# Widest text a column usually holds, so widths never depend on the rows shown.
_SAMPLES = {
    BoardColumn.AGE: "12 h 59",
    BoardColumn.SECTOR: "Quais du canal de l'Ourcq",
    BoardColumn.PERSONS: "Pers.",
    BoardColumn.TEAM: "Maraude de nuit Nord-Est",
    BoardColumn.REFERENCE: "OPL-0000-000000",
}


class LiveBoard(QWidget):
    """The sector strip over the table of open calls, with the stage keys on it."""

    #: A sentence for the status bar: what was recorded, or why not.
    notice = Signal(str)
    #: The board was read again; carries the instant it shows.
    refreshed = Signal(object)
    #: The view of a sector was asked for from the strip (carries its id).
    sector_view_asked = Signal(int)

    def __init__(
        self,
        desk: DeskContext,
        *,
        alarm: DeskAlarm | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("liveBoard")
        self.setAccessibleName(self.tr("Open calls"))
        self.desk = desk
        self.clock = desk.clock
        self.operator = desk.operator
        self.settings = DeskSettings()
        #: Every open incident as last read, whatever the sector filter, in board order.
        self.incidents: list[BoardIncident] = []
        #: Where each incident id sits in ``incidents``.
        self._position: dict[int, int] = {}
        #: The strip's counts of ``incidents``, moved call by call between full reads.
        self.tally = BoardTally()
        #: The instant the board was last read for.
        self.shown_at: datetime | None = None
        #: The change of colour the single-shot timer is aimed at, if any.
        self.next_alert_at: datetime | None = None
        self._reading_failed = False
        #: The call under the cursor when a problem was said, and whether nobody was signed
        #: in then: the problem is withdrawn once the cursor leaves that call or someone signs in.
        self._problem_call: int | None = None
        self._problem_signed_out = False
        #: The last full read: the reference data and roster it holds are read again
        #: only when the database says they changed.
        self.snapshot: BoardSnapshot | None = None
        #: A full read is on the worker; another asked meanwhile waits for it.
        self._reading = False
        self._read_again = False

        self.model = LiveBoardModel(self)
        self.watch = AlertWatch(alarm if alarm is not None else DesktopAlarm(parent=self), self)
        self._build()
        self.watch.speaker = self.table
        self.keys = StageKeys(self, desk, self)
        self.undo_key = UndoKey(self, desk, self, self.keys)
        self.table.doubleClicked.connect(lambda _index: self.keys.open_detail())
        self.hint.setText(self.keys.hint())

        self.alert_timer = QTimer(self)
        self.alert_timer.setObjectName("alertTimer")
        self.alert_timer.setSingleShot(True)
        self.alert_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.alert_timer.timeout.connect(self.refresh)
        self.age_timer = QTimer(self)
        self.age_timer.setObjectName("ageTimer")
        self.age_timer.setInterval(AGE_TICK_MS)
        self.age_timer.timeout.connect(lambda: self.model.redraw_ages(self.clock()))

        desk.changes.changed.connect(self.apply_changes)
        self.refresh()
        self.age_timer.start()

    # Reading

    def refresh(self) -> None:
        """Read the settings, the sectors with their teams, and the open calls."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        now = self.clock()
        previous = self.snapshot
        self.desk.runner.run(
            lambda database: board_snapshot(database, now=now, previous=previous),
            self._board_read,
            self._reading_refused,
            owner=self,
        )

    def apply_changes(self, changes: Changes) -> None:
        """Redraw what a write changed: the calls it names are read again, no other."""
        if changes.roster or changes.settings:
            self.refresh()
            return
        if not changes.incidents or self.shown_at is None:
            return
        ids = tuple(changes.incidents)
        now = self.clock()
        settings = self.settings
        self.desk.runner.run(
            lambda database: open_incidents(database, now=now, settings=settings, incident_ids=ids),
            lambda rows: self._merge(ids, rows, now),
            self._reading_refused,
            owner=self,
        )

    def _board_read(self, snapshot: BoardSnapshot) -> None:
        self._reading = False
        self.snapshot = snapshot
        self.settings = snapshot.settings
        self.strip.set_sectors(list(snapshot.sectors))
        self._show_incidents(list(snapshot.incidents), snapshot.at)
        if self._read_again:
            self._read_again = False
            self.refresh()

    def _reading_refused(self, error: OperlineError) -> None:
        self._reading = False
        self._read_again = False
        self._show_problem(error_sentence(error))

    def _merge(self, ids: tuple[int, ...], rows: list[BoardIncident], now: datetime) -> None:
        if self._merge_in_place(ids, rows, now):
            return
        # Calls named by the change and not read back have closed: they leave the board.
        kept = [incident for incident in self.incidents if incident.incident_id not in ids]
        self._show_incidents(sorted([*kept, *rows], key=_board_order), now)

    def _merge_in_place(
        self, ids: tuple[int, ...], rows: list[BoardIncident], now: datetime
    ) -> bool:
        """Redraw calls still open that keep their places from them alone; False if not.

        Each call named must be read back (not closed), already on the board, with its
        urgency and time received (its place) and its being in the sector shown unchanged.
        """
        if len(rows) != len(ids):
            return False
        changed: list[tuple[int, BoardIncident, BoardIncident]] = []
        for fresh in rows:
            at = self._position.get(fresh.incident_id)
            if at is None:
                return False
            shown = self.incidents[at]
            if _board_order(shown) != _board_order(fresh):
                return False
            if self._in_filter(shown) != self._in_filter(fresh):
                return False
            changed.append((at, shown, fresh))
        selected = self.selected_incident()
        for _, _, fresh in changed:
            if selected is not None and fresh.incident_id == selected.incident_id:
                # The panel of whom to call next before the row: the rows' area grows or
                # shrinks with it, and while no row waits to be drawn Qt moves the rows in
                # sight (a list scrolled to its end) instead of painting each of them again.
                self._show_next_contact(fresh, self.model.alert_of(fresh))
        if not self.model.replace([fresh for _, _, fresh in changed if self._in_filter(fresh)]):
            return False
        for at, shown, fresh in changed:
            self.incidents[at] = fresh
            self.tally.replace(shown, fresh)
        self._show_counts(self.shown_at or now)
        # The other calls were looked at when they were read: their levels are told.
        self.watch.look_again(((fresh, fresh.alert) for _, _, fresh in changed), now)
        self._aim_alert_timer(now)
        return True

    def _in_filter(self, incident: BoardIncident) -> bool:
        chosen = self.strip.chosen
        return chosen is None or incident.sector_id == chosen

    def _show_incidents(self, incidents: list[BoardIncident], now: datetime) -> None:
        if self._reading_failed:
            self._reading_failed = False
            self.say("")  # the database answers again: the problem is over
        self.incidents = incidents
        self._position = {incident.incident_id: at for at, incident in enumerate(incidents)}
        self.tally = BoardTally(incidents)
        self.shown_at = now
        self._show_rows(now)
        self.watch.look(((incident, incident.alert) for incident in incidents), now)
        self._aim_alert_timer(now)
        self.refreshed.emit(now)

    # The selection

    def selected_incident(self) -> BoardIncident | None:
        index = self.table.currentIndex()
        return self.model.incident(index.row()) if index.isValid() else None

    def select_incident(self, incident_id: int) -> bool:
        """Put the cursor on an incident shown; False if the filter hides it or it closed."""
        row = self.model.row_of(incident_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def filter_sector(self, sector_id: int | None) -> None:
        """Show one sector's calls (None: all), as Alt+1… and the strip do."""
        if sector_id != self.strip.chosen:
            self.strip.choose(sector_id)  # comes back through sector_chosen

    # Telling

    def say(self, sentence: str, *, problem: bool = False) -> None:
        """Show a sentence in the board's title line and in the status bar."""
        self.message.setText(sentence)
        self.message.setAccessibleName(sentence)
        self.message.setProperty("problem", problem)
        sheet = "color: $problem; font-weight: bold;" if problem else "color: $fine;"
        if self.message.styleSheet() != sheet:  # a new sheet polishes the label again
            palette.styled(self.message, sheet)
        self.message.setVisible(bool(sentence))
        if problem:
            incident = self.selected_incident()
            self._problem_call = incident.incident_id if incident is not None else None
            self._problem_signed_out = self.operator() is None
        self.notice.emit(sentence)

    def operator_signed_in(self) -> None:
        """Someone signed in: a step refused for want of an operator no longer is."""
        if self._problem_signed_out and self.operator() is not None:
            self._withdraw_problem()

    def _withdraw_problem(self) -> None:
        if self.message.property("problem") and not self._reading_failed:
            self._problem_signed_out = False
            self.say("")

    # Building

    def _build(self) -> None:
        title = QLabel(self.tr("Open calls"), self)
        title.setObjectName("liveBoardTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.count = QLabel(self)
        self.count.setObjectName("liveBoardCount")
        self.as_of = QLabel(self)
        self.as_of.setObjectName("liveBoardTime")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(24)
        bar.addWidget(self.count)

        self.strip = SectorStripBar(self)
        self.strip.sector_chosen.connect(self._sector_chosen)
        self.strip.sector_view_asked.connect(self.sector_view_asked)
        for action in self.strip.key_actions:
            self.addAction(action)

        self.message = QLabel(self)
        self.message.setObjectName("liveBoardMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        # In the title's line, where a sentence coming or going moves neither the strip
        # nor the table (a sentence too long for it wraps, and the line grows).
        bar.addSpacing(24)
        bar.addWidget(self.message, 100)
        bar.addStretch(1)
        bar.addWidget(self.as_of)

        self.table = BoardTable(self)
        self.table.setObjectName("liveBoardTable")
        self.table.setAccessibleName(self.tr("Open calls, urgent first then oldest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes on to the next widget; the arrows move inside the table.
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        lines = self.table.verticalHeader()
        lines.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        lines.setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 12)
        self.table.setItemDelegate(AlertRowDelegate(self.table))
        # Rows stay where they are when their area grows or shrinks (the panel of whom to
        # call next comes and goes at its foot): only the rows uncovered are painted, not
        # every row in sight. Scrolling and column widths still repaint what they move.
        self.table.viewport().setAttribute(Qt.WidgetAttribute.WA_StaticContents)
        self._size_columns()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_moved())

        self.empty = QLabel(self)
        self.empty.setObjectName("liveBoardEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        empty_font = self.empty.font()
        empty_font.setPointSizeF(empty_font.pointSizeF() * 1.3)
        self.empty.setFont(empty_font)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        # Inside the table's frame, under the rows: its coming and going moves nothing else.
        self.next_contact = NextContactPanel(self.table)
        self.hint = QLabel(self)
        self.hint.setObjectName("liveBoardHint")
        self.hint.setWordWrap(True)
        palette.styled(self.hint, "color: $quiet;")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.strip)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.table)

    def _size_columns(self) -> None:
        # Widths come from sample texts and the translated labels, never from the rows.
        metrics = self.table.fontMetrics()
        bold = self.table.font()
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        samples: dict[BoardColumn, list[str]] = {
            column: [text] for column, text in _SAMPLES.items()
        }
        samples[BoardColumn.ALERT] = [alert_text(level) for level in Alert]
        samples[BoardColumn.PRIORITY] = [priority_label(code) for code in Priority]
        samples[BoardColumn.CATEGORY] = [category_label(Category.WOMAN)]
        samples[BoardColumn.STAGE] = [status_label(code) for code in Status]
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The location is the freest text: it takes the room left.
        header.setSectionResizeMode(BoardColumn.LOCATION, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, texts in samples.items():
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                *(bold_metrics.horizontalAdvance(text) for text in texts),
                header.fontMetrics().horizontalAdvance(title),
                metrics.horizontalAdvance(title),
            )
            header.resizeSection(column, width + 18)

    # Showing

    def _show_rows(self, now: datetime) -> None:
        chosen = self.strip.chosen
        shown = [incident for incident in self.incidents if self._in_filter(incident)]
        had_row = self.table.currentIndex().row()
        self.model.show(shown, now=now, settings=self.settings)
        if shown and not self.table.currentIndex().isValid():
            # The call under the cursor closed: the cursor stays at the same place.
            self._select_row(min(max(had_row, 0), len(shown) - 1))
        self._show_counts(now)
        if shown:
            self._show_page(self.table)
        else:
            sectors = {strip.sector_id: strip.name for strip in self.strip.sectors()}
            if chosen is None:
                self.empty.setText(self.tr("No open call"))
            else:
                self.empty.setText(
                    self.tr("No open call in {sector} (Alt+0: every sector)").format(
                        sector=sectors.get(chosen, "")
                    )
                )
            self.empty.setAccessibleName(self.empty.text())
            self._show_page(self.empty)
        self._selection_moved()

    def _show_counts(self, now: datetime) -> None:
        self.strip.set_counts(self.tally.per_sector())
        late = self.tally.late
        count = self.tr("%n open call(s)", "", self.tally.open_calls)
        if late:
            count += " · " + self.tr("%n late", "", late)
        self.count.setText(count)
        self.as_of.setText(self.tr("As of {time}").format(time=format_paris(now, "%H:%M")))

    def _show_page(self, page: QWidget) -> None:
        shown = self.pages.currentWidget()
        had_focus = shown is not None and shown.hasFocus()
        self.pages.setCurrentWidget(page)
        self.setFocusProxy(page)
        if had_focus:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_problem(self, sentence: str) -> None:
        # The rows shown stay (they are the last known state) and the next change heard,
        # or the database answering again, reads them; the sentence says why they stopped.
        self._reading_failed = True
        self.alert_timer.stop()
        self.say(sentence, problem=True)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _sector_chosen(self, sector_id: int | None) -> None:
        if self.shown_at is not None:
            self._show_rows(self.shown_at)
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self._select_row(0)

    def _selection_moved(self) -> None:
        incident = self.selected_incident()
        if (incident.incident_id if incident is not None else None) != self._problem_call:
            self._withdraw_problem()  # the problem was about the call the cursor left
        row = self.model.row_of(incident.incident_id) if incident is not None else None
        self._show_next_contact(incident, self.model.alert(row) if row is not None else None)

    def _show_next_contact(self, incident: BoardIncident | None, alert: Alert | None) -> None:
        """Under the board, whom to call next while the call under the cursor is red."""
        now = self.shown_at
        if incident is None or alert is not Alert.RED or now is None or self.snapshot is None:
            self.table.hide_foot()
            return
        # The roster of the last read answers: no query while the cursor moves.
        self.next_contact.propose(incident, self.snapshot.next_contact(incident), now)
        self.table.show_foot(self.next_contact)

    def _aim_alert_timer(self, now: datetime) -> None:
        self.next_alert_at = next_alert_change(self.incidents, now=now, settings=self.settings)
        if self.next_alert_at is None:
            self.alert_timer.stop()
            return
        wait = math.ceil((self.next_alert_at - now) / timedelta(milliseconds=1))
        self.alert_timer.start(max(0, min(wait, _LONGEST_WAIT_MS)))


def _board_order(incident: BoardIncident) -> tuple[int, datetime, int]:
    """The order of ``open_incidents``: urgent first, then oldest, then first logged."""
    return (0 if incident.urgent else 1, incident.received_at, incident.incident_id)
