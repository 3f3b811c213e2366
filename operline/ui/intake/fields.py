"""The fields of the call form that do more than a plain Qt field, for typing fast.

Type-ahead ignores accents and case ("eo" finds "Éole"); Enter moves to the next field
like Tab, taking the highlighted proposal if the list of proposals is open; the need is
chosen with its number.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import (
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
    QAction,
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QCompleter,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from operline.codes import Category
from operline.incidents.intake import CLOCK_TOLERANCE, FieldProblem
from operline.incidents.routing import SectorChoice
from operline.names import fold_name
from operline.paris_time import InFold, InGap, paris_to_utc, to_paris
from operline.ui.labels import category_label
from operline.ui.refusals import problem_sentence

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
_UTC = QTimeZone.utc()
ERROR_STYLE = "color: #b00020; font-weight: bold;"


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
    """A line where Enter goes on to the next field, as Tab does, proposals list open or not."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proposals = FoldingCompleter(self)
        self.setCompleter(self.proposals)

    def event(self, event: QEvent) -> bool:
        # The proposals list hands its keys here first: Tab and Enter are handled the
        # same with the list open or closed.
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            plain = not event.modifiers() & _COMMAND_MODIFIERS
            if plain and event.key() in (Qt.Key.Key_Tab, *_ENTER_KEYS):
                self.accept_typing()
                if event.key() in _ENTER_KEYS:
                    self.focusNextChild()
                    event.accept()
                    return True
        return super().event(event)

    def accept_typing(self) -> None:
        """Close the list of proposals; the one highlighted with the arrows is the text."""
        popup = self.proposals.popup()
        if popup is not None:
            popup.hide()


class SectorField(DeskLineEdit):
    """The sector, typed: a couple of letters and Enter or Tab choose it."""

    #: The chosen sector's id, or None.
    chosen = Signal(object)

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

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # The proposals list takes the focus for a moment: that is not leaving the field.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.resolve()

    def _edited(self, text: str) -> None:
        if self._chosen is not None and fold_name(text) != fold_name(self._chosen.name):
            self._choose(None)

    def _choose(self, sector: SectorChoice | None) -> None:
        if sector != self._chosen:
            self._chosen = sector
            self.chosen.emit(sector.sector_id if sector else None)


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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_U and not event.modifiers() & _COMMAND_MODIFIERS:
            self.toggle()
            return
        if event.key() in _ENTER_KEYS and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.focusNextChild()
            return
        super().keyPressEvent(event)

    def _paint(self, urgent: bool) -> None:
        self.setStyleSheet(
            "QCheckBox { color: white; background: #b71c1c; font-weight: bold; padding: 2px 6px; }"
            if urgent
            else ""
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


class FieldProblems:
    """The red sentence under each field of the form, one per field at most."""

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._labels: dict[str, QLabel] = {}

    def holding(self, field: str, widget: QWidget) -> QWidget:
        """The field's widget with the place for its problem under it."""
        box = QWidget(self._owner)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = QLabel(box)
        label.setObjectName(f"{field}Error")
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        self._labels[field] = label
        return box

    def show(self, problem: FieldProblem) -> None:
        label = self._labels.get(problem.field)
        if label is not None:
            label.setText("⚠ " + problem_sentence(problem))
            label.setAccessibleName(label.text())
            label.show()

    def hide(self, field: str) -> None:
        label = self._labels.get(field)
        if label is not None:
            label.hide()

    def clear(self) -> None:
        for label in self._labels.values():
            label.clear()
            label.hide()

    def shown(self, field: str) -> str:
        """The sentence shown under a field, or ''."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def buddy_label(parent: QWidget, text: str, name: str, buddy: QWidget) -> QLabel:
    """A field's label, whose underlined letter with Alt goes to the field."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setBuddy(buddy)
    return label


def side_by_side(
    parent: QWidget, first: QWidget, spacing: int, label: QLabel, second: QWidget, stretch: int
) -> QWidget:
    """Two fields on one line of the form, the second with its own label."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1 - stretch, Qt.AlignmentFlag.AlignTop)
    row.addSpacing(spacing)
    # Level with the field beside it, even when a problem shows under that field.
    label.setFixedHeight(second.sizeHint().height())
    row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(second, 0, Qt.AlignmentFlag.AlignTop)
    if stretch:
        row.addStretch(stretch)
    holder = QWidget(parent)
    holder.setLayout(row)
    return holder


def keys_action(owner: QWidget, name: str, keys: tuple[str, ...]) -> QAction:
    """An action on keys pressed anywhere within ``owner`` (and only there)."""
    action = QAction(owner)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(action)
    return action
