"""The week chart as a screen reader reads it: a table with a cell per sector and hour.

The chart is painted, so Qt knows nothing of what it shows. This module gives it an
accessible interface of its own, role table, whose cells read what the details under the
chart say for that sector and hour: who is on duty, their phones, and any gap. Moving the
chart's cursor moves the screen reader's focus to the cell under it.

A cell has no widget of its own; it reads the chart each time it is asked, so a coverage
read again never leaves a cell saying the old one. The cells made are kept for as long as
the chart lives, because Qt's accessibility cache holds on to the cells it has been given.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, QRect
from PySide6.QtGui import QAccessible, QAccessibleEvent, QAccessibleInterface, QColor, QWindow
from PySide6.QtWidgets import QAccessibleWidget

if TYPE_CHECKING:
    from operline.ui.duty.week_chart import WeekChart

_HOUR = timedelta(hours=1)


def install(chart_type: type[WeekChart]) -> None:
    """Let Qt ask this module for the charts' accessible interface (once per process)."""
    if chart_type in _installed:
        return

    def factory(class_name: str, candidate: QObject) -> QAccessibleInterface | None:
        return WeekTable(candidate) if isinstance(candidate, chart_type) else None

    QAccessible.installFactory(factory)
    _installed.add(chart_type)


_installed: set[type[WeekChart]] = set()


def announce_cursor(chart: WeekChart) -> None:
    """Tell a listening screen reader that the focus is on the cell under the cursor."""
    if not QAccessible.isActive() or not chart.hasFocus():
        return
    index = cell_index(chart)
    if index is not None:
        event = QAccessibleEvent(chart, QAccessible.Event.Focus)
        event.setChild(index)
        QAccessible.updateAccessibility(event)


def hour_count(chart: WeekChart) -> int:
    """The hours across the chart: 168 in a week, one less or more when the clocks change."""
    cover = chart.coverage
    return (cover.end - cover.start) // _HOUR if cover is not None else 0


def cell_index(chart: WeekChart) -> int | None:
    """The number of the cell under the chart's cursor, row by row."""
    cover = chart.coverage
    if cover is None or chart.cursor_at is None or not cover.sectors:
        return None
    return chart.cursor_row * hour_count(chart) + (chart.cursor_at - cover.start) // _HOUR


class WeekTable(QAccessibleWidget):
    """The chart read as a table: a row per sector, a column per hour."""

    def __init__(self, chart: WeekChart) -> None:
        super().__init__(chart, QAccessible.Role.Table)
        self._chart = chart
        self._cells: dict[tuple[int, int], WeekCell] = {}

    def childCount(self) -> int:
        cover = self._chart.coverage
        return len(cover.sectors) * hour_count(self._chart) if cover is not None else 0

    def child(self, index: int) -> QAccessibleInterface | None:
        hours = hour_count(self._chart)
        if not 0 <= index < self.childCount():
            return None
        return self._cell(index // hours, index % hours)

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        if isinstance(child, WeekCell) and child.isValid():
            return child.row * hour_count(self._chart) + child.column
        return -1

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        chart = self._chart
        place = chart.place_at(chart.mapFromGlobal(QPoint(x, y)).toPointF())
        if place is None or chart.coverage is None:
            return None
        row, instant = place
        return self._cell(row, (instant - chart.coverage.start) // _HOUR)

    def focusChild(self) -> QAccessibleInterface | None:
        index = cell_index(self._chart)
        return self.child(index) if index is not None and self._chart.hasFocus() else None

    def _cell(self, row: int, column: int) -> WeekCell:
        key = (row, column)
        if key not in self._cells:
            self._cells[key] = WeekCell(self._chart, row, column)
        return self._cells[key]


class WeekCell(QAccessibleInterface):
    """One sector at one hour; its name is what the details would say there."""

    def __init__(self, chart: WeekChart, row: int, column: int) -> None:
        super().__init__()
        self._chart = chart
        self.row = row
        self.column = column

    def isValid(self) -> bool:
        if not shiboken6.isValid(self._chart) or self._chart.coverage is None:
            return False
        return self.row < len(self._chart.coverage.sectors) and self.column < hour_count(
            self._chart
        )

    def _instant(self) -> datetime:
        assert self._chart.coverage is not None
        return self._chart.coverage.start + self.column * _HOUR

    def object(self) -> QObject | None:
        return None

    def window(self) -> QWindow | None:
        return self._chart.window().windowHandle() if self.isValid() else None

    def parent(self) -> QAccessibleInterface | None:
        return QAccessible.queryAccessibleInterface(self._chart) if self.isValid() else None

    def child(self, index: int) -> QAccessibleInterface | None:
        return None

    def childAt(self, x: int, y: int) -> QAccessibleInterface | None:
        return None

    def childCount(self) -> int:
        return 0

    def indexOfChild(self, child: QAccessibleInterface) -> int:
        return -1

    def focusChild(self) -> QAccessibleInterface | None:
        return None

    def role(self) -> QAccessible.Role:
        return QAccessible.Role.Cell

    def text(self, kind: QAccessible.Text) -> str:
        if kind != QAccessible.Text.Name or not self.isValid():
            return ""
        # The details' lines, read as one sentence after another.
        return ". ".join(self._chart.describe(self.row, self._instant()).splitlines())

    def setText(self, kind: QAccessible.Text, text: str) -> None:
        """The cells are read, never written."""

    def rect(self) -> QRect:
        if not self.isValid():
            return QRect()
        chart = self._chart
        row = chart.row_rect(self.row)
        left, right = chart.x_of(self._instant()), chart.x_of(self._instant() + _HOUR)
        top_left = chart.mapToGlobal(QPoint(round(left), round(row.top())))
        return QRect(top_left.x(), top_left.y(), max(round(right - left), 1), round(row.height()))

    def state(self) -> QAccessible.State:
        state = QAccessible.State()
        state.focusable = True
        state.selectable = True
        if not self.isValid() or not self._chart.isVisible():
            state.invisible = True
            return state
        under_cursor = cell_index(self._chart) == self.row * hour_count(self._chart) + self.column
        state.selected = under_cursor
        state.focused = under_cursor and self._chart.hasFocus()
        return state

    def relations(
        self, match: QAccessible.RelationFlag = QAccessible.RelationFlag.AllRelations
    ) -> list[tuple[QAccessibleInterface, QAccessible.RelationFlag]]:
        return []

    def foregroundColor(self) -> QColor:
        return self._chart.palette().windowText().color()

    def backgroundColor(self) -> QColor:
        return self._chart.palette().window().color()
