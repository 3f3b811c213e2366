"""The list of every keyboard shortcut (F1), read from the one table that declares them.

Two columns side by side (the window's and the call form's keys, then the board's, the
journal's and the roster editor's), so the whole list fits a 1366×768 screen unscrolled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from operline.ui import shortcuts


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut, read from the one table that declares them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))

        halves = (
            shortcuts.ALL[: shortcuts.SECOND_COLUMN],
            shortcuts.ALL[shortcuts.SECOND_COLUMN :],
        )
        #: The two tables, first the one on the left.
        self.tables = [
            self._table(half, f"shortcutsTable{n or ''}") for n, half in enumerate(halves)
        ]
        # Both tables are as tall as the longer one, so their lines stay level.
        height = max(_full_height(table) for table in self.tables)
        columns = QHBoxLayout()
        for table in self.tables:
            table.setFixedHeight(height)
            columns.addWidget(table, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("shortcutsButtons")
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)

    @property
    def table(self) -> QTableWidget:
        return self.tables[0]

    def listed(self) -> list[tuple[str, str]]:
        """The keys and actions shown, left column first."""
        return [
            (_text(table, row, 0), _text(table, row, 1))
            for table in self.tables
            for row in range(table.rowCount())
        ]

    def _table(self, listed: Sequence[shortcuts.Shortcut], name: str) -> QTableWidget:
        table = QTableWidget(len(listed), 2, self)
        table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        table.setObjectName(name)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 4)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        for row, shortcut in enumerate(listed):
            table.setItem(row, 0, QTableWidgetItem(shortcut.key_text()))
            table.setItem(row, 1, QTableWidgetItem(shortcut.description()))
        table.resizeColumnsToContents()
        # As wide as its texts: the stretched last column never cuts an action short.
        widths = table.columnWidth(0) + table.columnWidth(1)
        table.setMinimumWidth(widths + 2 * table.frameWidth() + 4)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table


def _full_height(table: QTableWidget) -> int:
    rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
    return rows + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()


def _text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    return item.text() if item is not None else ""
