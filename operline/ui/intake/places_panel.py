"""Places with room tonight: capacity, places reported free, and when they were reported.

An orientation is proposed where there is room. When a place or a team tells the desk
how many places are free, the operator types the number on the place's line and Enter:
the report is recorded with the current time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont, QIntValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.changes import Changes
from operline.incidents.places import (
    PlaceRoom,
    PlacesReported,
    places_with_room,
    report_free_places,
)
from operline.paris_time import format_paris
from operline.ui import palette
from operline.ui.desk_context import DeskContext
from operline.ui.refusals import action_problem

_Index = QModelIndex | QPersistentModelIndex

#: Reports typed at another desk show up within this time.
REFRESH_MS = 60_000
#: A number is at most this long (ASSORE has over 600 places).
_DIGITS = 4


class PlaceColumn(IntEnum):
    PLACE = 0
    CAPACITY = 1
    FREE = 2
    REPORTED = 3


class PlacesModel(QAbstractTableModel):
    """Active places, with room first; the number of free places is typed in place."""

    #: The operator typed a number of free places: facility id, number.
    free_places_typed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._places: list[PlaceRoom] = []

    @property
    def places(self) -> list[PlaceRoom]:
        return list(self._places)

    def set_places(self, places: list[PlaceRoom]) -> None:
        self.beginResetModel()
        self._places = list(places)
        self.endResetModel()

    def row_of(self, facility_id: int) -> int:
        return next((n for n, p in enumerate(self._places) if p.facility_id == facility_id), -1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._places)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PlaceColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headings = {
            PlaceColumn.PLACE: self.tr("Place"),
            PlaceColumn.CAPACITY: self.tr("Capacity"),
            PlaceColumn.FREE: self.tr("Free tonight"),
            PlaceColumn.REPORTED: self.tr("Reported at"),
        }
        return headings.get(PlaceColumn(section)) if 0 <= section < len(PlaceColumn) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == PlaceColumn.FREE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._places):
            return None
        if not 0 <= index.column() < len(PlaceColumn):
            return None
        place = self._places[index.row()]
        column = PlaceColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(place, column)
        if role == Qt.ItemDataRole.EditRole and column == PlaceColumn.FREE:
            return "" if place.free_places is None else str(place.free_places)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{place.name} ({place.kind})"
        if role == Qt.ItemDataRole.ForegroundRole and column == PlaceColumn.FREE:
            colour = palette.colour({True: "fine", False: "problem", None: "quiet"}[place.has_room])
            return QBrush(colour)
        if role == Qt.ItemDataRole.FontRole and column == PlaceColumn.FREE:
            bold = QFont()
            bold.setBold(place.has_room is True)
            return bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            PlaceColumn.CAPACITY,
            PlaceColumn.FREE,
        ):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != PlaceColumn.FREE:
            return False
        text = str(value).strip()
        if not text.isdigit() or not 0 <= index.row() < len(self._places):
            return False
        # The panel records the report and reads the places again: the line changes then.
        self.free_places_typed.emit(self._places[index.row()].facility_id, int(text))
        return False

    def _text(self, place: PlaceRoom, column: PlaceColumn) -> str:
        if column == PlaceColumn.PLACE:
            return place.name
        if column == PlaceColumn.CAPACITY:
            return "—" if place.capacity is None else str(place.capacity)
        if column == PlaceColumn.FREE:
            return "?" if place.free_places is None else str(place.free_places)
        return "" if place.reported_at is None else format_paris(place.reported_at, "%H:%M")


class _FreePlacesDelegate(QStyledItemDelegate):
    """A number typed over the old one: the first digit replaces it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName("freePlacesEditor")
        editor.setValidator(QIntValidator(0, 10**_DIGITS - 1, editor))
        editor.setMaxLength(_DIGITS)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        if isinstance(editor, QLineEdit) and editor.text().strip():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class PlacesPanel(QWidget):
    """The places with room tonight; a number and Enter record a report of free places."""

    #: A report was recorded: carries the PlaceRoom.
    reported = Signal(object)
    #: A sentence for the status bar.
    notice = Signal(str)

    def __init__(self, desk: DeskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placesPanel")
        self.setAccessibleName(self.tr("Places with room tonight"))
        self._desk = desk
        self._clock = desk.clock
        self.model = PlacesModel(self)
        #: The problem shown: a reading that failed (None), or a report refused at a place.
        self._problem_place: int | None = None
        self._problem_shown = False
        self.model.free_places_typed.connect(self.report, Qt.ConnectionType.QueuedConnection)
        self._build()
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("placesRefresh")
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self._refresh_unless_typing)
        self.refresh_timer.start()
        desk.changes.changed.connect(self._changed)
        self.refresh()

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the places and their latest reports again, keeping the line in use."""
        now = self._clock()
        self._desk.runner.run(
            lambda database: places_with_room(database, now=now),
            lambda places: self._show(places, then),
            lambda error: self._tell(action_problem(error), problem=True, place=None),
            owner=self,
        )

    def _show(self, places: list[PlaceRoom], then: Callable[[], None] | None) -> None:
        if self._problem_shown and self._problem_place is None:
            self._withdraw_problem()  # the places could be read again
        current = self.current_place()
        self.model.set_places(places)
        row = self.model.row_of(current.facility_id) if current else 0
        if self.model.rowCount():
            self._go_to(max(row, 0))
        if then is not None:
            then()

    def _changed(self, changes: Changes) -> None:
        if changes.places:
            self._refresh_unless_typing()

    def current_place(self) -> PlaceRoom | None:
        row = self.table.currentIndex().row()
        places = self.model.places
        return places[row] if 0 <= row < len(places) else None

    def report(self, facility_id: int, free_places: int) -> None:
        """Record how many places are free at a place, now."""
        actor = self._desk.actor()
        now = self._clock()
        self._desk.runner.run(
            lambda database: report_free_places(
                database, facility_id, free_places, actor=actor, reported_at=now
            ),
            lambda reported: self.refresh(then=lambda: self._reported(reported, free_places, now)),
            lambda error: self._tell(action_problem(error), problem=True, place=facility_id),
            owner=self,
        )

    def _reported(self, reported: PlacesReported, free_places: int, now: datetime) -> None:
        self._desk.changes.publish(reported.changes)
        place = reported.place
        row = self.model.row_of(place.facility_id)
        if row >= 0:
            self._go_to(row)
        self._tell(
            self.tr("{place}: {count} free place(s) at {time}.").format(
                place=place.name, count=free_places, time=format_paris(now, "%H:%M")
            ),
            problem=False,
        )
        self.reported.emit(place)

    def _go_to(self, row: int) -> None:
        index = self.model.index(row, PlaceColumn.FREE)
        selection = self.table.selectionModel()
        if self.table.hasFocus():
            selection.setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            # Not highlighted while the operator works elsewhere: no line looks chosen.
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def _refresh_unless_typing(self) -> None:
        if self.table.state() != QAbstractItemView.State.EditingState:
            self.refresh()

    def _withdraw_problem(self) -> None:
        self._problem_shown = False
        self._message.hide()

    def _tell(self, sentence: str, *, problem: bool, place: int | None = None) -> None:
        self._problem_shown, self._problem_place = problem, place
        self._message.setText(("⚠ " if problem else "✔ ") + sentence)
        palette.styled(
            self._message, "color: $problem; font-weight: bold;" if problem else "color: $fine;"
        )
        self._message.setAccessibleName(sentence)
        self._message.show()
        self.notice.emit(sentence)

    def _build(self) -> None:
        heading = QLabel(self.tr("Places with room tonight"), self)
        heading.setObjectName("placesHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setObjectName("placesTable")
        self.table.setAccessibleName(self.tr("Places, capacity and free places"))
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(PlaceColumn.FREE, _FreePlacesDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        lines = self.table.verticalHeader()
        lines.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PlaceColumn.PLACE, QHeaderView.ResizeMode.Stretch)
        for column in (PlaceColumn.CAPACITY, PlaceColumn.FREE, PlaceColumn.REPORTED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentChanged.connect(self._keep_on_free_column)
        hint = QLabel(self.tr("Type the number of free places, then Enter"), self)
        hint.setObjectName("placesHint")
        hint.setWordWrap(True)
        palette.styled(hint, "color: $quiet;")
        self._message = QLabel(self)
        self._message.setObjectName("placesMessage")
        self._message.setWordWrap(True)
        self._message.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self._message)
        layout.addWidget(hint)
        self.setFocusProxy(self.table)

    def _keep_on_free_column(self, current: QModelIndex, _previous: QModelIndex) -> None:
        left = current.isValid() and (
            self.model.places[current.row()].facility_id != self._problem_place
        )
        if self._problem_shown and self._problem_place is not None and left:
            self._withdraw_problem()  # the refused report was about the place left
        # Typing a number edits the free places whatever column the cursor reached.
        if current.isValid() and current.column() != PlaceColumn.FREE:
            self.table.setCurrentIndex(current.siblingAtColumn(PlaceColumn.FREE))
