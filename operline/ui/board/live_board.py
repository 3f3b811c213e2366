"""The live board: every open call, the ones left waiting first in sight, all night long.

(Over 400 lines: reading, merging and drawing one table; the parts share its state.)

The board reads the open incidents (one indexed query, off the GUI thread) at start,
every ``REFRESH_MS`` and at the next change of colour; a change on the desk's bus reads
again only the calls it names. Rows merge into those shown so the selection stays on the
same call; each row is coloured by how late it is, the desk is told once when a call
turns amber or red, and a call in red proposes whom to call next. The stage keys
(``operline.ui.board.actions``) act on the selected call.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
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

from operline.changes import Changes
from operline.codes import Category, Priority, Status
from operline.errors import OperlineError
from operline.incidents.board_snapshot import BoardSnapshot, board_snapshot
from operline.incidents.live_board import (
    Alert,
    BoardIncident,
    NextContact,
    alert_changes_at,
    open_incidents,
)
from operline.paris_time import format_paris
from operline.settings import DeskSettings
from operline.ui.board.actions import StageKeys
from operline.ui.board.alerts import AlertWatch, DeskAlarm, DesktopAlarm, NextContactPanel
from operline.ui.board.model import AlertRowDelegate, BoardColumn, LiveBoardModel, alert_text
from operline.ui.board.sector_strip import SectorCounts, SectorStripBar
from operline.ui.board.undo_key import UndoKey
from operline.ui.desk_context import DeskContext
from operline.ui.labels import category_label, priority_label, status_label
from operline.ui.messages import error_sentence

#: The board reads the open calls again this often: ages move, and other desks' calls are
#: seen this way until the database tells each desk of the others' changes.
REFRESH_MS = 15_000
# A QTimer cannot wait for ever; the periodic refresh re-aims it long before then.
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
        #: Every open incident as last read, whatever the sector filter.
        self.incidents: list[BoardIncident] = []
        #: The instant the board was last read for.
        self.shown_at: datetime | None = None
        #: The change of colour the single-shot timer is aimed at, if any.
        self.next_alert_at: datetime | None = None
        self._reading_failed = False
        #: The last full read: the reference data and roster it holds are read again
        #: only when the database says they changed.
        self.snapshot: BoardSnapshot | None = None
        #: A full read is on the worker; another asked meanwhile waits for it.
        self._reading = False
        self._read_again = False

        self.model = LiveBoardModel(self)
        self.watch = AlertWatch(alarm if alarm is not None else DesktopAlarm(parent=self), self)
        self._build()
        self.keys = StageKeys(self)
        self.undo_key = UndoKey(self)
        self.hint.setText(self.keys.hint())

        self.alert_timer = QTimer(self)
        self.alert_timer.setObjectName("alertTimer")
        self.alert_timer.setSingleShot(True)
        self.alert_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.alert_timer.timeout.connect(self.refresh)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("refreshTimer")
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)

        desk.changes.changed.connect(self.apply_changes)
        self.refresh()
        self.refresh_timer.start()

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
        if len(rows) == len(ids) and self.model.replace(rows):
            # Every call named is still open and keeps its place: its row alone changes.
            fresh = {incident.incident_id: incident for incident in rows}
            self.incidents = [fresh.get(i.incident_id, i) for i in self.incidents]
            self._show_counts(self.shown_at or now)
            self.watch.look(((incident, incident.alert) for incident in self.incidents), now)
            self._aim_alert_timer(now)
            self._selection_moved()
            return
        # Calls named by the change and not read back have closed: they leave the board.
        kept = [incident for incident in self.incidents if incident.incident_id not in ids]
        self._show_incidents(sorted([*kept, *rows], key=_board_order), now)

    def _show_incidents(self, incidents: list[BoardIncident], now: datetime) -> None:
        if self._reading_failed:
            self._reading_failed = False
            self.say("")  # the database answers again: the problem is over
        self.incidents = incidents
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
        """Show a sentence above the table and in the status bar."""
        self.message.setText(sentence)
        self.message.setAccessibleName(sentence)
        self.message.setProperty("problem", problem)
        self.message.setStyleSheet(
            "color: #b00020; font-weight: bold;" if problem else "color: #1b5e20;"
        )
        self.message.setVisible(bool(sentence))
        self.notice.emit(sentence)

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
        self.count.setAccessibleName(self.tr("Number of open calls"))
        self.as_of = QLabel(self)
        self.as_of.setObjectName("liveBoardTime")
        self.as_of.setAccessibleName(self.tr("Time the board shows"))
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(24)
        bar.addWidget(self.count)
        bar.addStretch(1)
        bar.addWidget(self.as_of)

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

        self.table = QTableView(self)
        self.table.setObjectName("liveBoardTable")
        self.table.setAccessibleName(self.tr("Open calls, urgent first then oldest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        lines = self.table.verticalHeader()
        lines.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        lines.setDefaultSectionSize(QFontMetrics(self.table.font()).height() + 12)
        self.table.setItemDelegate(AlertRowDelegate(self.table))
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

        self.next_contact = NextContactPanel(self)
        self.hint = QLabel(self)
        self.hint.setObjectName("liveBoardHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.strip)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.next_contact)
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
        shown = [i for i in self.incidents if chosen is None or i.sector_id == chosen]
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
        self.strip.set_counts(_counts(self.incidents))
        late = sum(1 for i in self.incidents if i.alert is not Alert.NONE)
        count = self.tr("%n open call(s)", "", len(self.incidents))
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
        # The rows shown stay (they are the last known state) and the periodic
        # refresh keeps trying; the sentence says why they no longer move.
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
        now = self.shown_at
        if incident is None or now is None:
            self.next_contact.hide()
            return
        row = self.model.row_of(incident.incident_id)
        if row is None or self.model.alert(row) is not Alert.RED:
            self.next_contact.hide()
            return
        if self.snapshot is None:
            self.next_contact.hide()
            return
        # The roster of the last read answers: no query while the cursor moves.
        contact = self.snapshot.next_contact(incident)
        self._propose_contact(incident, contact, now)

    def _propose_contact(
        self, incident: BoardIncident, contact: NextContact, now: datetime
    ) -> None:
        if self.selected_incident() == incident:  # the cursor may have moved meanwhile
            self.next_contact.propose(incident, contact, now)

    def _aim_alert_timer(self, now: datetime) -> None:
        changes = [
            moment
            for incident in self.incidents
            if incident.acknowledged_at is None
            and (
                moment := alert_changes_at(
                    urgent=incident.urgent,
                    received_at=incident.received_at,
                    now=now,
                    settings=self.settings,
                )
            )
            is not None
        ]
        self.next_alert_at = min(changes) if changes else None
        if self.next_alert_at is None:
            self.alert_timer.stop()
            return
        wait = math.ceil((self.next_alert_at - now) / timedelta(milliseconds=1))
        self.alert_timer.start(max(0, min(wait, _LONGEST_WAIT_MS)))


def _board_order(incident: BoardIncident) -> tuple[int, datetime, int]:
    """The order of ``open_incidents``: urgent first, then oldest, then first logged."""
    return (0 if incident.urgent else 1, incident.received_at, incident.incident_id)


def _counts(incidents: list[BoardIncident]) -> dict[int, SectorCounts]:
    open_calls = Counter(i.sector_id for i in incidents)
    late = Counter(i.sector_id for i in incidents if i.alert is Alert.AMBER)
    very_late = Counter(i.sector_id for i in incidents if i.alert is Alert.RED)
    return {
        sector: SectorCounts(count, late[sector], very_late[sector])
        for sector, count in open_calls.items()
    }
