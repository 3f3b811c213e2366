"""Small fields of the roster editor's forms: days of the week, sectors, optional dates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from operline.ui.roster_editor.texts import day_label, day_name

#: What a sector list offers: (id, name, active).
SectorChoiceItem = tuple[int, str, bool]


class DayButtons(QWidget):
    """Seven toggles, Monday to Sunday; Space toggles, the arrow keys move along."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayButtons")
        self.setAccessibleName(self.tr("Days of the week"))
        # A ticked day must stand out at a glance, whatever the desktop's style.
        self.setStyleSheet(
            "QToolButton { padding: 3px 4px; border: 1px solid palette(mid);"
            " border-radius: 3px; background: palette(base); }"
            "QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
            "QToolButton:focus { border: 2px solid palette(highlight); }"
            "QToolButton:checked:focus { border: 2px solid palette(dark); }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        widest = max(self.fontMetrics().horizontalAdvance(day_label(d)) for d in range(7))
        self.buttons: list[QToolButton] = []
        for day in range(7):
            button = QToolButton(self)
            button.setObjectName(f"dayButton{day}")
            button.setText(day_label(day))
            button.setAccessibleName(day_name(day))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setMinimumWidth(widest + 14)
            button.toggled.connect(self.changed)
            button.installEventFilter(self)
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self.setFocusProxy(self.buttons[0])

    def weekdays(self) -> frozenset[int]:
        return frozenset(day for day, button in enumerate(self.buttons) if button.isChecked())

    def set_weekdays(self, weekdays: frozenset[int]) -> None:
        for day, button in enumerate(self.buttons):
            button.blockSignals(True)
            button.setChecked(day in weekdays)
            button.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.buttons:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            if step is not None:
                index = self.buttons.index(watched) + step
                if 0 <= index < len(self.buttons):
                    self.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)


class SectorChoice(QWidget):
    """Every sector, or ticked ones; a retired sector shows only while it is ticked."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Sectors covered"))
        self.every = QCheckBox(self.tr("Every sector, new ones included"), self)
        self.every.setObjectName(f"{name}Every")
        self.every.setAccessibleName(self.tr("Every sector"))
        self.setFocusProxy(self.every)
        self._listed = QWidget(self)
        self._grid = QGridLayout(self._listed)
        self._grid.setContentsMargins(self.fontMetrics().horizontalAdvance("xxx"), 0, 0, 0)
        self._grid.setVerticalSpacing(2)
        self._boxes: dict[int, QCheckBox] = {}
        self._choices: list[SectorChoiceItem] = []
        self._shown: list[tuple[int, str]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.every)
        layout.addWidget(self._listed)
        self.every.toggled.connect(self._every_toggled)

    def set_choices(self, choices: Sequence[SectorChoiceItem]) -> None:
        """The sectors to offer; what is ticked stays ticked."""
        self._choices = list(choices)
        self._rebuild(self._ticked())

    def set_sectors(self, sector_ids: frozenset[int] | None) -> None:
        self.every.blockSignals(True)
        self.every.setChecked(sector_ids is None)
        self.every.blockSignals(False)
        self._listed.setEnabled(sector_ids is not None)
        self._rebuild(sector_ids or frozenset())

    def sector_ids(self) -> frozenset[int] | None:
        return None if self.every.isChecked() else self._ticked()

    def box(self, sector_id: int) -> QCheckBox:
        return self._boxes[sector_id]

    def _ticked(self) -> frozenset[int]:
        return frozenset(i for i, box in self._boxes.items() if box.isChecked())

    def _rebuild(self, ticked: frozenset[int]) -> None:
        shown = [
            (sector_id, name if active else self.tr("{name} (retired)").format(name=name))
            for sector_id, name, active in self._choices
            if active or sector_id in ticked
        ]
        if shown != self._shown:
            self._shown = shown
            for box in self._boxes.values():
                self._grid.removeWidget(box)
                box.hide()
                box.deleteLater()
            self._boxes = {}
            previous: QWidget = self.every
            for index, (sector_id, text) in enumerate(shown):
                box = QCheckBox(text, self._listed)
                box.setObjectName(f"{self.objectName()}Sector{sector_id}")
                box.setAccessibleName(text)
                box.toggled.connect(lambda _on: self.changed.emit())
                self._grid.addWidget(box, index // 2, index % 2)
                # Boxes made after the form would otherwise come last in the Tab order.
                QWidget.setTabOrder(previous, box)
                previous = box
                self._boxes[sector_id] = box
        for sector_id, box in self._boxes.items():
            box.blockSignals(True)
            box.setChecked(sector_id in ticked)
            box.blockSignals(False)

    def _every_toggled(self, every: bool) -> None:
        self._listed.setEnabled(not every)
        self.changed.emit()


class OptionalDate(QWidget):
    """A date that may be left out: a tick, then the date."""

    changed = Signal()

    def __init__(self, name: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.check = QCheckBox(text, self)
        self.check.setObjectName(f"{name}Set")
        self.check.setAccessibleName(text)
        self.edit = QDateEdit(self)
        self.edit.setObjectName(f"{name}Date")
        self.edit.setAccessibleName(text)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("dd/MM/yyyy")
        self.edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(self._toggled)
        self.edit.dateChanged.connect(lambda _day: self.changed.emit())

    def value(self) -> date | None:
        if not self.check.isChecked():
            return None
        day: date = self.edit.date().toPython()  # type: ignore[assignment]
        return day

    def set_value(self, day: date | None, *, otherwise: date) -> None:
        """Show a date, or none with ``otherwise`` ready in case one is ticked."""
        for widget in (self.check, self.edit):
            widget.blockSignals(True)
        self.check.setChecked(day is not None)
        self.edit.setEnabled(day is not None)
        shown = day or otherwise
        self.edit.setDate(QDate(shown.year, shown.month, shown.day))
        for widget in (self.check, self.edit):
            widget.blockSignals(False)

    def _toggled(self, on: bool) -> None:
        self.edit.setEnabled(on)
        self.changed.emit()


def note_label(name: str, parent: QWidget) -> QLabel:
    """A grey line of explanation under a field."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)
    return label
