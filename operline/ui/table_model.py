"""What every table of the desk shares: rows to read and select, titled columns."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

#: The incident id behind a row, in every table of incidents.
INCIDENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DeskTableModel(QAbstractTableModel):
    """A flat table whose columns are an ``IntEnum``; subclasses give rows and titles."""

    def __init__(self, columns: type[IntEnum], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = columns

    def row_total(self) -> int:
        raise NotImplementedError

    def title_of(self, column: Any) -> str:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.row_total()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    # No ``flags`` of our own: Qt's (enabled, selectable, no children) is what a desk
    # table needs, and a view asks it of every cell it paints, twice.

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self.title_of(self._columns(section))
        return None
