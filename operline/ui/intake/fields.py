"""The fields of the call form that do more than a plain Qt field, for typing fast.

Type-ahead ignores accents and case ("eo" finds "Éole"); Enter moves to the next field
like Tab, taking the highlighted proposal if the list of proposals is open; the need is
chosen with its number.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from operline.codes import Category
from operline.incidents.intake import CLOCK_TOLERANCE
from operline.incidents.routing import SectorChoice, SectorSuggestions, nearest_sectors
from operline.names import fold_name
from operline.paris_time import InFold, InGap, paris_to_utc, to_paris
from operline.ui import palette
from operline.ui.labels import category_label

#: Where a proposal keeps its folded name, the form type-ahead compares against.
FOLDED_ROLE = Qt.ItemDataRole.UserRole + 1
#: Where a sector proposal keeps its id.
SECTOR_ROLE = Qt.ItemDataRole.UserRole + 2

#: The order of the needs, and the digit that picks each.
CATEGORY_ORDER: tuple[Category, ...] = (
    Category.DISTRESS,
    Category.SHELTER,
    Category.MEDIATION,
    Category.WOMAN,
    Category.MINOR,
    Category.CARE,
    Category.OTHER,
)

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
# Keys that begin a shortcut (not AltGr: it types "@" or "€" on a French keyboard).
_COMMAND_KEYS = (Qt.Key.Key_Alt, Qt.Key.Key_Control, Qt.Key.Key_Meta)
_UTC = QTimeZone.utc()


class FoldingCompleter(QCompleter):
    """Proposals matching what is typed anywhere in them, accents and case ignored."""

    def __init__(self, parent: QWidget) -> None:
        self.names = QStandardItemModel(parent)
        super().__init__(self.names, parent)
        self.setCompletionRole(FOLDED_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)  # already folded
        self.setMaxVisibleItems(8)

    def set_names(self, names: list[str], ids: list[int] | None = None) -> None:
        self.names.clear()
        for number, name in enumerate(names):
            item = QStandardItem(name)
            item.setData(fold_name(name), FOLDED_ROLE)
            if ids is not None:
                item.setData(ids[number], SECTOR_ROLE)
            item.setEditable(False)
            self.names.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold_name(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class DeskLineEdit(QLineEdit):
    """A line where Enter goes on to the next field, as Tab does, proposals list open or not.

    The open list of proposals is a window of its own that takes every key: it is closed
    as soon as Alt or Ctrl goes down, so the shortcut that follows (Alt+1, Ctrl+Enter, a
    field's Alt+letter) reaches the desk as if the list had never been open, and when
    the focus leaves the line, so that what is typed next goes where the focus went.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposals = FoldingCompleter(self)
        self.setCompleter(self.proposals)

    def setAccessibleName(self, name: str) -> None:
        """The field's name, and its list of proposals named after it (not after the app)."""
        super().setAccessibleName(name)
        popup = self.proposals.popup()
        if popup is not None:
            popup.setAccessibleName(
                QCoreApplication.translate("DeskLineEdit", "Proposals for {field}").format(
                    field=name
                )
            )

    def event(self, event: QEvent) -> bool:
        # The proposals list hands its keys here first: Tab and Enter are handled the
        # same with the list open or closed.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in _COMMAND_KEYS:
                self.close_proposals()
                return super().event(event)
            plain = not event.modifiers() & _COMMAND_MODIFIERS
            if plain and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, *_ENTER_KEYS):
                self.accept_typing()
                if event.key() in _ENTER_KEYS:
                    if self.may_leave():
                        self.focusNextChild()
                    event.accept()
                    return True
        return super().event(event)

    def may_leave(self) -> bool:
        """Whether Enter may go on to the next field with what is typed."""
        return True

    def close_proposals(self) -> None:
        """Close the list of proposals, keeping what the line shows."""
        popup = self.proposals.popup()
        if popup is not None and popup.isVisible():
            popup.hide()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # The proposals list takes the focus for a moment: that is not leaving the field.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.close_proposals()

    def accept_typing(self) -> None:
        """Close the list of proposals; the one highlighted with the arrows is the text."""
        self.close_proposals()


class SectorField(DeskLineEdit):
    """The sector, typed: a couple of letters and Enter or Tab choose it.

    Letters that name no active sector are refused on Enter: the focus stays, and the
    nearest names (or "Hors secteur", when none is near) are proposed.
    """

    #: The chosen sector's id, or None.
    chosen = Signal(object)
    #: Letters naming no sector were typed: carries the SectorSuggestions.
    refused = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sectors: list[SectorChoice] = []
        self._chosen: SectorChoice | None = None
        self.textEdited.connect(self._edited)

    @property
    def sector_id(self) -> int | None:
        return self._chosen.sector_id if self._chosen else None

    def set_sectors(self, sectors: list[SectorChoice]) -> None:
        self._sectors = list(sectors)
        self.proposals.set_names([s.name for s in sectors], [s.sector_id for s in sectors])
        if self._chosen is not None and self._chosen not in self._sectors:
            self._choose(None)

    def name_of(self, sector_id: object) -> str | None:
        """The name of an active sector, or None."""
        return next((s.name for s in self._sectors if s.sector_id == sector_id), None)

    def choose(self, sector_id: int | None) -> None:
        """Show a sector as chosen (a draft given back), or none."""
        found = next((s for s in self._sectors if s.sector_id == sector_id), None)
        self._choose(found)
        self.setText(found.name if found else "")

    def accept_typing(self) -> None:
        super().accept_typing()
        self.resolve()

    def resolve(self) -> None:
        """Choose the sector the typed letters name: exact, else starting so, else holding."""
        typed = fold_name(self.text())
        if not typed:
            self._choose(None)
            return
        folded = [(fold_name(s.name), s) for s in self._sectors]
        found = (
            next((s for name, s in folded if name == typed), None)
            or next((s for name, s in folded if name.startswith(typed)), None)
            or next((s for name, s in folded if typed in name), None)
        )
        if found is not None:
            self.setText(found.name)
        self._choose(found)

    @property
    def typed_unknown(self) -> bool:
        """Something is typed that names no sector."""
        return bool(self.text().strip()) and self._chosen is None

    def suggestions(self) -> SectorSuggestions:
        """The active sectors nearest to what is typed."""
        return nearest_sectors(self.text(), self._sectors)

    def may_leave(self) -> bool:
        if not self.typed_unknown:
            return True
        self.selectAll()  # the next letters replace the unknown name
        self.refused.emit(self.suggestions())
        return False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.resolve()

    def _edited(self, text: str) -> None:
        if self._chosen is not None and fold_name(text) != fold_name(self._chosen.name):
            self._choose(None)

    def _choose(self, sector: SectorChoice | None) -> None:
        if sector != self._chosen:
            self._chosen = sector
            self.chosen.emit(sector.sector_id if sector else None)


#: The frame of the list of needs, in the desk's selection blue while it has the focus.
NEED_LIST_STYLE = (
    "QListWidget { border: 2px solid $mid; }"
    "QListWidget:focus { border: 2px solid $focus_frame; background: $focus_background; }"
)


class CategoryList(QListWidget):
    """The needs, numbered: a digit picks one and goes on to the next field."""

    #: The need chosen, or None.
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The focus must show: a digit typed here picks the need, elsewhere it does not.
        palette.styled(self, NEED_LIST_STYLE)
        for number, category in enumerate(CATEGORY_ORDER, start=1):
            item = QListWidgetItem(f"{number}  {category_label(category)}", self)
            item.setData(Qt.ItemDataRole.UserRole, category.value)
        rows = (len(CATEGORY_ORDER) + 1) // 2
        self.setFixedHeight(rows * (self.sizeHintForRow(0) + 2) + 2 * self.frameWidth() + 4)
        self.itemSelectionChanged.connect(lambda: self.chosen.emit(self.category))

    @property
    def category(self) -> Category | None:
        items = self.selectedItems()
        return Category(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def set_category(self, category: Category | None) -> None:
        self.clearSelection()
        if category is not None:
            row = CATEGORY_ORDER.index(category)
            self.setCurrentRow(row)
            item = self.item(row)
            if item is not None:
                item.setSelected(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        number = event.key() - Qt.Key.Key_0
        plain = not event.modifiers() & _COMMAND_MODIFIERS
        if plain and 1 <= number <= len(CATEGORY_ORDER):
            self.set_category(CATEGORY_ORDER[number - 1])
            self.focusNextChild()
            return
        if plain and event.key() in _ENTER_KEYS and self.currentRow() >= 0:
            self.set_category(CATEGORY_ORDER[self.currentRow()])
            self.focusNextChild()
            return
        super().keyPressEvent(event)


class UrgentBox(QCheckBox):
    """Urgent or not: Space or U toggles it, and an urgent call stands out in red."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.toggled.connect(self._paint)
        #: Given a digit typed here (which a box has no use for), whether it was taken.
        self.digit_typed: Callable[[int], bool] = lambda _digit: False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not event.modifiers() & _COMMAND_MODIFIERS
        if event.key() == Qt.Key.Key_U and plain:
            self.toggle()
            return
        digit = event.key() - Qt.Key.Key_0
        if plain and 0 <= digit <= 9 and self.digit_typed(digit):
            return
        if event.key() in _ENTER_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _paint(self, urgent: bool) -> None:
        palette.styled(
            self,
            "QCheckBox { color: $alarm_text; background: $alarm; font-weight: bold;"
            " padding: 2px 6px; }"
            if urgent
            else "",
        )


class NotesEdit(QPlainTextEdit):
    """Short free text; Tab leaves it, as in every other field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)


class ReceivedAtField(QDateTimeEdit):
    """When the call was received, in Paris wall time; the exact instant until edited."""

    #: The operator typed another time: carries the instant (UTC).
    edited = Signal(object)

    def __init__(self, clock: Callable[[], datetime], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._instant = clock()
        #: Whether the operator typed this time rather than taking the clock's.
        self.typed = False
        # Paris wall time, shown as it is read, never shifted by this computer's zone.
        self.setTimeZone(_UTC)
        self.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.dateTimeChanged.connect(self._changed)

    @property
    def instant(self) -> datetime:
        return self._instant

    def show_instant(self, instant: datetime, *, typed: bool = False) -> None:
        self._instant = instant
        self.typed = typed
        local = to_paris(instant)
        shown = QDateTime(
            QDate(local.year, local.month, local.day), QTime(local.hour, local.minute), _UTC
        )
        self.blockSignals(True)
        self.setDateTime(shown)
        self.blockSignals(False)

    def _changed(self, shown: QDateTime) -> None:
        day, clock_time = shown.date(), shown.time()
        wall = datetime(day.year(), day.month(), day.day(), clock_time.hour(), clock_time.minute())
        # In the autumn hour that happens twice, the later reading unless it is ahead.
        instant = paris_to_utc(wall, in_gap=InGap.NEXT_VALID, in_fold=InFold.LATER)
        if instant > self._clock() + CLOCK_TOLERANCE:
            instant = paris_to_utc(wall, in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER)
        self._instant = instant
        self.typed = True
        self.edited.emit(instant)
