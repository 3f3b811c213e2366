"""The table of a sector's repeat places: the place, as most often typed, and its calls."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from operline.figures.places import RepeatPlace
from operline.ui.figures.charts import number_text
from operline.ui.table_model import DeskTableModel

Index = QModelIndex | QPersistentModelIndex


class PlaceColumn(IntEnum):
    PLACE = 0
    CALLS = 1


class RepeatPlacesModel(DeskTableModel):
    """A few places (ten at most): held whole."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(PlaceColumn, parent)
        self._places: list[RepeatPlace] = []

    def show(self, places: Sequence[RepeatPlace]) -> None:
        self.beginResetModel()
        self._places = list(places)
        self.endResetModel()

    def places(self) -> list[RepeatPlace]:
        return list(self._places)

    def row_total(self) -> int:
        return len(self._places)

    def title_of(self, column: PlaceColumn) -> str:
        if column is PlaceColumn.PLACE:
            return QCoreApplication.translate("RepeatPlacesModel", "Place")
        return QCoreApplication.translate("RepeatPlacesModel", "Calls")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._places):
            return None
        place = self._places[index.row()]
        column = PlaceColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return place.place if column is PlaceColumn.PLACE else number_text(place.calls)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is PlaceColumn.CALLS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
