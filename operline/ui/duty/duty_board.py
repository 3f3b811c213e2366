"""The "on duty now" board: per sector, who to call and their numbers, and the next handoff.

(Over 400 lines: one table with its handoff timer and its copy key; the model is its rows.)

The board redraws itself at the next handoff (a single-shot timer aimed at it), every
minute in case the roster changed elsewhere, and whenever it is told the roster changed.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from enum import IntEnum

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes
from operline.errors import OperlineError
from operline.paris_time import format_paris, to_paris
from operline.phones import format_phone
from operline.roster.board import SectorDutyRow, duty_board, earliest_handoff
from operline.roster.engine import OnDuty
from operline.ui import palette, shortcuts
from operline.ui.desk_context import DeskContext
from operline.ui.messages import error_sentence
from operline.ui.palette import Scheme
from operline.ui.theme import desk_theme

#: The board reads the roster again this often, for changes made at another desk.
SAFETY_REFRESH_MS = 60_000
# A QTimer cannot wait weeks; the safety refresh re-aims it long before then.
_LONGEST_WAIT_MS = 3_600_000

#: The E.164 number of the team a cell shows (or the sector's first-call team).
PHONE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The name of that team.
TEAM_ROLE = Qt.ItemDataRole.UserRole + 2

#: A sector's rows one on two, by their names in the palette.
_GROUP_BACKGROUNDS = ("base", "alternate_base")


class BoardColumn(IntEnum):
    SECTOR = 0
    FIRST_CALL = 1
    PHONE = 2
    UNTIL = 3
    BACKUP = 4
    HANDOFF = 5


# Widest text a column usually holds, so the widths do not jump at each handoff.
_SAMPLES = {
    BoardColumn.SECTOR: "Quais du canal de l'Ourcq",
    BoardColumn.FIRST_CALL: "Maraude médico-sociale Chapelle – Rosa Parks",
    BoardColumn.PHONE: "01 99 00 51 01",
    BoardColumn.UNTIL: "sam. 08:00",
    BoardColumn.BACKUP: "Fluid-Crack · 01 99 00 01 42",
}


class DutyBoard(QWidget):
    """One band of lines per active sector: first-call teams, backups, next handoff."""

    #: The board was read again; carries the instant it shows.
    refreshed = Signal(object)
    #: A sentence for the status bar (what was copied).
    notice = Signal(str)

    def __init__(self, desk: DeskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dutyBoard")
        self.setAccessibleName(self.tr("On duty now"))
        self._desk = desk
        self._clock = desk.clock
        self.rows: list[SectorDutyRow] = []
        #: The instant the board was last read for.
        self.shown_at: datetime | None = None
        #: The handoff the single-shot timer is aimed at, if any.
        self.next_refresh_at: datetime | None = None

        self.copy_phone_action = QAction(self.tr("&Copy the team's phone"), self)
        self.copy_phone_action.setObjectName("copyPhoneAction")
        shortcuts.COPY_PHONE.bind(self.copy_phone_action)
        # Only while the board has the focus: elsewhere Ctrl+C copies text as usual.
        self.copy_phone_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_phone_action.triggered.connect(self.copy_phone)
        self.addAction(self.copy_phone_action)

        self.handoff_timer = QTimer(self)
        self.handoff_timer.setObjectName("handoffTimer")
        self.handoff_timer.setSingleShot(True)
        self.handoff_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.handoff_timer.timeout.connect(self.refresh)
        self.safety_timer = QTimer(self)
        self.safety_timer.setObjectName("safetyTimer")
        self.safety_timer.setInterval(SAFETY_REFRESH_MS)
        self.safety_timer.timeout.connect(self.refresh)

        self._refill = QTimer(self)
        self._refill.setSingleShot(True)
        self._refill.setInterval(0)
        desk_theme().changed.connect(self._scheme_changed)
        self._refill.timeout.connect(self._fill_again)

        self._build()
        desk.changes.changed.connect(self._changed)
        self.refresh()
        self.safety_timer.start()

    def refresh(self) -> None:
        """Read who is on duty now and redraw; aim the timer at the next handoff."""
        now = self._clock()
        self._desk.runner.run(
            lambda database: duty_board(database, now),
            lambda rows: self._show(rows, now),
            self._refused,
            owner=self,
        )

    def _changed(self, changes: Changes) -> None:
        if changes.roster:
            self.refresh()

    def _refused(self, error: OperlineError) -> None:
        self.handoff_timer.stop()
        self.next_refresh_at = None
        self._problem.setText(error_sentence(error))
        self._problem.setAccessibleName(self._problem.text())
        self._show_page(self._problem)

    def _show(self, rows: list[SectorDutyRow], now: datetime) -> None:
        self.rows = rows
        self.shown_at = now
        self._fill(rows, now)
        self._show_page(self.table)
        shown = QLocale().toString(_qdatetime(now), "dddd d MMMM, HH:mm")
        self._as_of.setText(self.tr("As of {time}").format(time=shown))
        self._aim_timer(rows, now)
        self.refreshed.emit(now)

    def copy_phone(self) -> None:
        """Put the phone of the team in the current cell on the clipboard."""
        item = self.table.currentItem()
        team = item.data(TEAM_ROLE) if item is not None else None
        phone = item.data(PHONE_ROLE) if item is not None else None
        if not team:
            self.notice.emit(self.tr("No team in this cell: nothing was copied."))
        elif not phone:
            self.notice.emit(self.tr("{team} has no phone number.").format(team=team))
        else:
            readable = format_phone(phone)
            QGuiApplication.clipboard().setText(readable)
            self.notice.emit(
                self.tr("Phone of {team} copied: {phone}").format(team=team, phone=readable)
            )

    def _show_page(self, page: QWidget) -> None:
        shown = self._pages.currentWidget()
        had_focus = shown is not None and shown.hasFocus()
        self._pages.setCurrentWidget(page)
        # Focus given to the board goes to what it shows.
        self.setFocusProxy(page)
        if had_focus:
            page.setFocus(Qt.FocusReason.OtherFocusReason)

    # Building

    def _build(self) -> None:
        title = QLabel(self.tr("On duty now"), self)
        title.setObjectName("dutyBoardTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self._as_of = QLabel(self)
        self._as_of.setObjectName("dutyBoardTime")
        hint = QLabel(
            self.tr("Arrows: move · {copy}: copy the team's phone").format(
                copy=shortcuts.COPY_PHONE.key_text()
            ),
            self,
        )
        hint.setObjectName("dutyBoardHint")
        palette.styled(hint, "color: $quiet;")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(24)
        bar.addWidget(self._as_of)
        bar.addStretch(1)
        bar.addWidget(hint)

        self.table = QTableWidget(0, len(BoardColumn), self)
        self.table.setObjectName("dutyBoardTable")
        self.table.setAccessibleName(self.tr("Teams on duty by sector"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Sector"),
                self.tr("First call"),
                self.tr("Phone"),
                self.tr("Until"),
                self.tr("Backup"),
                self.tr("Next handoff"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab goes on to the next widget; the arrows move inside the table.
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        font = self.table.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.table.setFont(font)
        # Every line the same height: a sector's band grows by whole lines, one per team.
        lines = self.table.verticalHeader()
        lines.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        lines.setDefaultSectionSize(QFontMetrics(font).height() + 10)
        self._size_columns()

        self._problem = QLabel(self)
        self._problem.setObjectName("dutyBoardProblem")
        self._problem.setWordWrap(True)
        self._problem.setAlignment(Qt.AlignmentFlag.AlignCenter)
        palette.styled(self._problem, "color: $problem;")
        self._problem.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pages = QStackedWidget(self)
        self._pages.addWidget(self.table)
        self._pages.addWidget(self._problem)
        self.setFocusProxy(self.table)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self._pages, 1)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        # How many lines a sector takes depends on the room the next handoff has.
        header.sectionResized.connect(self._handoff_resized)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(BoardColumn.HANDOFF, QHeaderView.ResizeMode.Stretch)
        bold = QFont(self.table.font())
        bold.setBold(True)
        for column, sample in _SAMPLES.items():
            heading = self.table.horizontalHeaderItem(column)
            title = heading.text() if heading is not None else ""
            width = max(
                self.table.fontMetrics().horizontalAdvance(sample),
                header.fontMetrics().horizontalAdvance(title),
            )
            if column == BoardColumn.SECTOR:
                width = QFontMetrics(bold).horizontalAdvance(sample)
            header.resizeSection(column, width + 20)

    # Filling

    def _fill(self, rows: list[SectorDutyRow], now: datetime) -> None:
        kept = self._current_place()
        self.table.clearSpans()
        counts = [self._lines(row, now) for row in rows]
        self.table.setRowCount(sum(counts))
        line = 0
        for number, row in enumerate(rows):
            background = palette.colour(
                "problem_strip" if not row.covered else _GROUP_BACKGROUNDS[number % 2]
            )
            lines = counts[number]
            for offset in range(lines):
                for column in BoardColumn:
                    self.table.setItem(line + offset, column, _cell("", background))
            self._fill_sector(row, line, lines, now)
            self._fill_teams(row, line, now)
            line += lines
        self._restore_place(kept)

    def _fill_sector(self, row: SectorDutyRow, line: int, lines: int, now: datetime) -> None:
        sector = self._item(line, BoardColumn.SECTOR)
        sector.setText(row.sector + ("  ⚠" if row.first_call_without_phone else ""))
        _embolden(sector)
        first = row.first_call[0] if row.first_call else None
        if first is not None:
            _hold_team(sector, first)
        if not row.covered:
            sector.setBackground(QBrush(palette.colour("alarm")))
            sector.setForeground(QBrush(palette.colour("alarm_text")))
            sector.setToolTip(self.tr("No team on duty in {sector}").format(sector=row.sector))
        elif row.first_call_without_phone:
            names = ", ".join(team.name for team in row.first_call_without_phone)
            sector.setToolTip(self.tr("No phone number for {teams}").format(teams=names))
        handoff = self._item(line, BoardColumn.HANDOFF)
        handoff.setText(self._handoff_text(row, now))
        handoff.setToolTip(self._handoff_tooltip(row))
        if row.covered and not row.covered_after and row.handoff_at is not None:
            handoff.setForeground(QBrush(palette.colour("problem")))
            _embolden(handoff)
        if first is not None:
            _hold_team(handoff, first)
        if lines > 1:
            self.table.setSpan(line, BoardColumn.SECTOR, lines, 1)
            self.table.setSpan(line, BoardColumn.HANDOFF, lines, 1)
            # A screen reader reads the cells under a merged one: they say what it shows.
            for offset in range(1, lines):
                for column, shown in ((BoardColumn.SECTOR, sector), (BoardColumn.HANDOFF, handoff)):
                    self._item(line + offset, column).setData(
                        Qt.ItemDataRole.AccessibleTextRole, shown.text()
                    )

    def _fill_teams(self, row: SectorDutyRow, line: int, now: datetime) -> None:
        if not row.covered:
            nobody = self._item(line, BoardColumn.FIRST_CALL)
            nobody.setText("⚠ " + self.tr("No team on duty"))
            nobody.setForeground(QBrush(palette.colour("problem")))
            _embolden(nobody)
            self.table.setSpan(line, BoardColumn.FIRST_CALL, 1, 3)
        for offset, team in enumerate(row.first_call):
            name = self._item(line + offset, BoardColumn.FIRST_CALL)
            name.setText(team.name)
            name.setToolTip(team.name)
            _hold_team(name, team)
            self._fill_phone(self._item(line + offset, BoardColumn.PHONE), team)
            until = self._item(line + offset, BoardColumn.UNTIL)
            until.setText(_short_time(team.until, now))
            until.setToolTip(format_paris(team.until, "%d/%m/%Y %H:%M"))
            _hold_team(until, team)
        for offset, team in enumerate(row.backup):
            backup = self._item(line + offset, BoardColumn.BACKUP)
            phone = format_phone(team.phone) if team.phone else "⚠ " + self.tr("no phone")
            backup.setText(f"{team.name} · {phone}")
            backup.setToolTip(
                self.tr("{team}, backup until {time}").format(
                    team=team.name, time=_short_time(team.until, now)
                )
            )
            backup.setForeground(QBrush(palette.colour("quiet" if team.phone else "caution")))
            _hold_team(backup, team)

    def _handoff_resized(self, column: int, old: int, new: int) -> None:
        # Redrawn once the layout settles, from the rows already read: no database query.
        if column == BoardColumn.HANDOFF and not self._refill.isActive():
            self._refill.start()

    def _scheme_changed(self, _scheme: Scheme) -> None:
        self._fill_again()

    def _fill_again(self) -> None:
        if self.shown_at is not None:
            self._fill(self.rows, self.shown_at)

    def _lines(self, row: SectorDutyRow, now: datetime) -> int:
        """One line per team; two when the next handoff needs them to be read in full."""
        teams = max(len(row.first_call), len(row.backup), 1)
        room = self.table.columnWidth(BoardColumn.HANDOFF) - 12
        handoff = self.table.fontMetrics().horizontalAdvance(self._handoff_text(row, now))
        return max(teams, 2 if handoff > room else 1)

    def _item(self, line: int, column: BoardColumn) -> QTableWidgetItem:
        item = self.table.item(line, column)
        assert item is not None, "every cell of the board is filled first"
        return item

    def _fill_phone(self, item: QTableWidgetItem, team: OnDuty) -> None:
        _hold_team(item, team)
        if team.phone is not None:
            item.setText(format_phone(team.phone))
            return
        item.setText("⚠ " + self.tr("No phone"))
        item.setBackground(QBrush(palette.colour("caution_strip")))
        item.setForeground(QBrush(palette.colour("caution")))
        _embolden(item)

    def _handoff_text(self, row: SectorDutyRow, now: datetime) -> str:
        if row.handoff_at is None:
            return "—"
        at = _short_time(row.handoff_at, now)
        if row.covered and not row.covered_after:
            return self.tr("{time} → no team on duty").format(time=at)
        arriving = [team.name for team in row.arriving if team.tier == 1]
        if arriving:
            return self.tr("{time} → {teams}").format(time=at, teams=", ".join(arriving))
        backups = [team.name for team in row.arriving]
        if backups:
            return self.tr("{time} → backup: {teams}").format(time=at, teams=", ".join(backups))
        leaving = ", ".join(team.name for team in row.leaving)
        return self.tr("{time}: end of {teams}").format(time=at, teams=leaving)

    def _handoff_tooltip(self, row: SectorDutyRow) -> str:
        if row.handoff_at is None:
            return self.tr("No change in the coming weeks")
        lines = [self.tr("Handoff at {time}").format(time=format_paris(row.handoff_at))]
        if row.arriving:
            names = ", ".join(team.name for team in row.arriving)
            lines.append(self.tr("Coming on duty: {teams}").format(teams=names))
        if row.leaving:
            names = ", ".join(team.name for team in row.leaving)
            lines.append(self.tr("Going off duty: {teams}").format(teams=names))
        return "\n".join(lines)

    def _aim_timer(self, rows: list[SectorDutyRow], now: datetime) -> None:
        handoff = earliest_handoff(rows)
        self.next_refresh_at = handoff
        if handoff is None:
            self.handoff_timer.stop()
            return
        wait = math.ceil((handoff - now) / timedelta(milliseconds=1))
        self.handoff_timer.start(max(0, min(wait, _LONGEST_WAIT_MS)))

    # Keeping the cursor on the same team across redraws

    def _current_place(self) -> tuple[int, int]:
        item = self.table.currentItem()
        if item is None:
            return (0, BoardColumn.FIRST_CALL)
        return (item.row(), item.column())

    def _restore_place(self, place: tuple[int, int]) -> None:
        row = min(place[0], self.table.rowCount() - 1)
        if row >= 0:
            self.table.setCurrentCell(row, place[1])


def _cell(text: str, background: QColor) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setBackground(QBrush(background))
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


def _hold_team(item: QTableWidgetItem, team: OnDuty) -> None:
    item.setData(TEAM_ROLE, team.name)
    item.setData(PHONE_ROLE, team.phone)


def _embolden(item: QTableWidgetItem) -> None:
    font = item.font()
    font.setBold(True)
    item.setFont(font)


def _short_time(instant: datetime, now: datetime) -> str:
    """HH:MM within the coming 24 hours, else with the weekday too (Paris time)."""
    if instant - now < timedelta(hours=24):
        return format_paris(instant, "%H:%M")
    return QLocale().toString(_qdatetime(instant), "ddd HH:mm")


def _qdatetime(instant: datetime) -> QDateTime:
    local = to_paris(instant)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
