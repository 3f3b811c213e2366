"""The ISO week of a GPO export: typed (2026-W48), stepped by key or button, dated in words.

Up and Page Up step to the next week, Down and Page Down to the one before, in the field
as in a spin box; Alt+Left and Alt+Right step from anywhere in the dialog (the week
charts' keys). Enter in the field takes the week typed. Under the field, the week's days
in Paris: « du lundi 23 novembre au dimanche 29 novembre 2026 ».
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from operline.errors import InvalidInput
from operline.figures.buckets import IsoWeek
from operline.gpo.week import parse_week, week_hours
from operline.ui import shortcuts
from operline.ui.messages import error_sentence

_STEPS = {
    Qt.Key.Key_Up: 1,
    Qt.Key.Key_PageUp: 1,
    Qt.Key.Key_Down: -1,
    Qt.Key.Key_PageDown: -1,
}


class WeekField(QLineEdit):
    """A line holding ``YYYY-Www``: the arrow keys step it, Enter takes what was typed."""

    #: Carries the step asked (+1 or -1).
    stepped = Signal(int)
    #: Enter was pressed: the text typed is to be read.
    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEPS.get(Qt.Key(event.key()))
        if step is not None and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.stepped.emit(step)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # The week typed is taken here; the dialog's default button is not pressed.
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class WeekPicker(QWidget):
    """« ◀ | 2026-W48 | ▶ » and the week's days; tells each week chosen."""

    #: Carries the ``IsoWeek`` chosen.
    week_chosen = Signal(object)
    #: Carries the sentence refusing what was typed.
    refused = Signal(str)

    def __init__(self, week: IsoWeek, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gpoWeekPicker")
        self.week = week
        self.label = QLabel(self.tr("&Week:"), self)
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.previous_button.setObjectName("gpoPreviousWeek")
        self.previous_button.setAccessibleName(self.tr("Previous week"))
        self.previous_button.setToolTip(
            self.tr("Previous week ({key})").format(key=shortcuts.PREVIOUS_WEEK.key_text())
        )
        self.previous_button.setAutoDefault(False)
        self.field = WeekField(self)
        self.field.setObjectName("gpoWeek")
        self.field.setAccessibleName(self.tr("ISO week, e.g. 2026-W48"))
        self.field.setToolTip(
            self.tr("Type a week as 2026-W48 then Enter; Up and Down step by one week.")
        )
        self.field.setMaxLength(10)
        width = self.field.fontMetrics().horizontalAdvance("2026-W48") * 2
        self.field.setFixedWidth(width)
        self.label.setBuddy(self.field)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.setObjectName("gpoNextWeek")
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.next_button.setToolTip(
            self.tr("Next week ({key})").format(key=shortcuts.NEXT_WEEK.key_text())
        )
        self.next_button.setAutoDefault(False)
        self.days = QLabel(self)
        self.days.setObjectName("gpoWeekDays")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.field)
        layout.addWidget(self.next_button)
        layout.addWidget(self.days, 1)

        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.field.stepped.connect(self.step)
        self.field.entered.connect(self.take_typed)
        self.field.editingFinished.connect(self._typed_unless_same)
        self._show(week)

    def step(self, weeks: int) -> None:
        """One week on or back from the week shown (not while an export holds the picker)."""
        if not self.isEnabled():
            return
        self.choose(self.week.shifted(weeks))

    def choose(self, week: IsoWeek) -> None:
        """Show ``week`` and tell it."""
        self._show(week)
        self.week_chosen.emit(week)

    def take_typed(self) -> None:
        """Read the week typed in the field: chosen, or refused in one sentence."""
        try:
            week = parse_week(self.field.text())
        except InvalidInput as error:
            self.refused.emit(error_sentence(error))
            return
        self.choose(week)

    def _typed_unless_same(self) -> None:
        if self.field.text().strip().upper() != str(self.week):
            self.take_typed()

    def _show(self, week: IsoWeek) -> None:
        self.week = week
        self.field.setText(str(week))
        self.days.setText(self.days_text(week))
        self.days.setAccessibleName(self.days.text())

    def days_text(self, week: IsoWeek) -> str:
        """« du lundi 23 novembre au dimanche 29 novembre 2026 » (the clocks' change told)."""
        first, last = week.days[0], week.days[-1]
        start = _day(first, "dddd d MMMM" if first.year == last.year else "dddd d MMMM yyyy")
        text = self.tr("from {start} to {end}").format(
            start=start, end=_day(last, "dddd d MMMM yyyy")
        )
        hours = week_hours(week)
        if hours != 168:
            text += " " + self.tr("(a week of {hours} hours: the clocks changed)").format(
                hours=hours
            )
        return text


def _day(day: date, pattern: str) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)
