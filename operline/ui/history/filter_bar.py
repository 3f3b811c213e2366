"""The filters of the history, every one reachable by Tab from the search field (Ctrl+F).

Each change is told at once (``changed``); the screen searches again. A list offers
"every …" first, then its codes or names; the period is a choice of usual spans or two
dates; the free text is looked for in the place and the notes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from operline.codes import Category, Outcome, Priority, Status
from operline.history.choices import Choice, HistoryChoices
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.ui.labels import category_label, outcome_label, priority_label, status_label

#: Longest free text searched: a few words.
TEXT_LIMIT = 100


class Period(Enum):
    EVERYTHING = "everything"
    TODAY = "today"
    LAST_7_DAYS = "last_7_days"
    LAST_30_DAYS = "last_30_days"
    THIS_YEAR = "this_year"
    CHOSEN = "chosen"


class HistoryFilterBar(QWidget):
    """The search field, the period, the order and one list a filter."""

    #: A filter changed.
    changed = Signal()
    #: Enter or Down in the search field: the table is wanted.
    leave = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyFilters")
        self.setAccessibleName(self.tr("Filters of the history"))
        self._today = today

        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName(self.tr("Search the place and the notes"))
        self.search.setPlaceholderText(
            self.tr("Place or notes; accents and capitals do not matter")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMaxLength(TEXT_LIMIT)
        self.search.textChanged.connect(lambda _text: self.changed.emit())
        self.search.returnPressed.connect(self.leave.emit)

        self.period = self._combo(
            "historyPeriod",
            self.tr("Period"),
            [
                (self.tr("All the history"), Period.EVERYTHING),
                (self.tr("Today"), Period.TODAY),
                (self.tr("Last 7 days"), Period.LAST_7_DAYS),
                (self.tr("Last 30 days"), Period.LAST_30_DAYS),
                (self.tr("This year"), Period.THIS_YEAR),
                (self.tr("Dates chosen"), Period.CHOSEN),
            ],
            every=None,
        )
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.first_day = self._date_edit("historyFirstDay", self.tr("First day"))
        self.last_day = self._date_edit("historyLastDay", self.tr("Last day"))
        self.order = self._combo(
            "historyOrder",
            self.tr("Order"),
            [
                (self.tr("Newest first"), HistoryOrder.NEWEST_FIRST),
                (self.tr("Oldest first"), HistoryOrder.OLDEST_FIRST),
            ],
            every=None,
        )

        self.sector = self._combo("historySector", self.tr("Sector"), [], self.tr("Every sector"))
        self.category = self._combo(
            "historyCategory",
            self.tr("Need"),
            [(category_label(code), code) for code in Category],
            self.tr("Every need"),
        )
        self.priority = self._combo(
            "historyPriority",
            self.tr("Priority"),
            [(priority_label(code), code) for code in Priority],
            self.tr("Every priority"),
        )
        self.status = self._combo(
            "historyStatus",
            self.tr("Stage"),
            [(status_label(code), code) for code in Status],
            self.tr("Every stage"),
        )
        self.team = self._combo("historyTeam", self.tr("Team"), [], self.tr("Every team"))
        self.outcome = self._combo(
            "historyOutcome",
            self.tr("Outcome"),
            [(outcome_label(code), code) for code in Outcome],
            self.tr("Every outcome"),
        )
        self.place = self._combo("historyPlace", self.tr("Oriented to"), [], self.tr("Every place"))
        self.linked = self._combo(
            "historyLinked",
            self.tr("Other calls"),
            [
                (self.tr("Another call linked"), True),
                (self.tr("No other call"), False),
            ],
            self.tr("With or without"),
        )
        self.no_team_on_duty = QCheckBox(self.tr("Only calls with no team on duty"), self)
        self.no_team_on_duty.setObjectName("historyNoTeamOnDuty")
        self.no_team_on_duty.setAccessibleName(self.tr("Only calls with no team on duty"))
        self.no_team_on_duty.setToolTip(
            self.tr("Calls that came in while the roster had no team on duty for their sector")
        )
        self.no_team_on_duty.toggled.connect(lambda _on: self.changed.emit())
        self.clear_button = QPushButton(self.tr("Clear the filters"), self)
        self.clear_button.setObjectName("historyClear")
        self.clear_button.clicked.connect(self.clear)

        self._lay_out()
        self._period_chosen()

    # What the desk asks for

    def current_filter(self) -> HistoryFilter:
        first, last = self._days()
        return HistoryFilter(
            first_day=first,
            last_day=last,
            sector_id=self.sector.currentData(),
            category=_code(Category, self.category),
            priority=_code(Priority, self.priority),
            status=_code(Status, self.status),
            team_id=self.team.currentData(),
            outcome=_code(Outcome, self.outcome),
            place_id=self.place.currentData(),
            linked=self.linked.currentData(),
            no_team_on_duty=self.no_team_on_duty.isChecked(),
            text=self.search.text(),
        )

    def current_order(self) -> HistoryOrder:
        return HistoryOrder(self.order.currentData())

    def set_order(self, order: HistoryOrder) -> None:
        self.order.setCurrentIndex(self.order.findData(order))

    def set_choices(self, choices: HistoryChoices) -> None:
        """Offer these sectors, teams and places; the ones chosen stay chosen."""
        with _quiet(self):
            for combo, names in (
                (self.sector, choices.sectors),
                (self.team, choices.teams),
                (self.place, choices.places),
            ):
                _refill(combo, names, self.tr("{name} (retired)"))

    def clear(self) -> None:
        """Every filter back to "every"; the period to the whole history."""
        with _quiet(self):
            self.search.clear()
            for combo in self._lists():
                combo.setCurrentIndex(0)
            self.no_team_on_duty.setChecked(False)
        self._period_chosen()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def widgets_in_tab_order(self) -> list[QWidget]:
        return [
            self.search,
            self.no_team_on_duty,
            self.period,
            self.first_day,
            self.last_day,
            self.sector,
            self.category,
            self.priority,
            self.status,
            self.team,
            self.outcome,
            self.place,
            self.linked,
            self.order,
            self.clear_button,
        ]

    # Inside

    def _days(self) -> tuple[date | None, date | None]:
        period = self.period.currentData()
        today = self._today()
        match period:
            case Period.TODAY:
                return today, today
            case Period.LAST_7_DAYS:
                return today - timedelta(days=6), today
            case Period.LAST_30_DAYS:
                return today - timedelta(days=29), today
            case Period.THIS_YEAR:
                return today.replace(month=1, day=1), today
            case Period.CHOSEN:
                return _day(self.first_day), _day(self.last_day)
        return None, None

    def _period_chosen(self) -> None:
        chosen = self.period.currentData() is Period.CHOSEN
        today = self._today()
        with _quiet(self):
            for edit in (self.first_day, self.last_day):
                edit.setMaximumDate(_qdate(today))
                edit.setEnabled(chosen)
            if not chosen:
                first, last = self._days()
                self.first_day.setDate(_qdate(first or today.replace(month=1, day=1)))
                self.last_day.setDate(_qdate(last or today))
            self.last_day.setMinimumDate(self.first_day.date())
        self.changed.emit()

    def _dates_changed(self) -> None:
        # The last day never comes before the first: the end follows the start.
        self.last_day.setMinimumDate(self.first_day.date())
        self.changed.emit()

    def _combo(
        self,
        name: str,
        label: str,
        items: Sequence[tuple[str, Any]],
        every: str | None,
    ) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(label)
        combo.setProperty("label", label)
        if every is not None:
            combo.addItem(every, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        if name != "historyPeriod":
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def _date_edit(self, name: str, label: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(label)
        edit.setProperty("label", label)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        # Typing a date searches once, on Enter or on leaving the field, not at each digit.
        edit.setKeyboardTracking(False)
        edit.setMinimumDate(QDate(2000, 1, 1))
        edit.dateChanged.connect(lambda _date: self._dates_changed())
        return edit

    def _lists(self) -> list[QComboBox]:
        return [
            self.period,
            self.order,
            self.sector,
            self.category,
            self.priority,
            self.status,
            self.team,
            self.outcome,
            self.place,
            self.linked,
        ]

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        search_label = QLabel(self.tr("Search"), self)
        search_label.setBuddy(self.search)
        search_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(search_label, 0, 0)
        # The search shares its line with the check box, under two pairs each: in large
        # text the check box's sentence would otherwise widen the last pair's columns.
        grid.addWidget(self.search, 0, 1, 1, 3)
        # Four label and field pairs a line.
        lines: list[list[QWidget]] = [
            [],
            [self.period, self.first_day, self.last_day, self.sector],
            [self.category, self.priority, self.status, self.team],
            [self.outcome, self.place, self.linked, self.order],
        ]
        for line, widgets in enumerate(lines):
            for pair, widget in enumerate(widgets):
                label = QLabel(str(widget.property("label")), self)
                label.setBuddy(widget)
                label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(label, line, 2 * pair)
                grid.addWidget(widget, line, 2 * pair + 1)
        grid.addWidget(self.no_team_on_duty, 0, 4, 1, 4)
        for pair in range(4):
            grid.setColumnStretch(2 * pair + 1, 1)
        previous: QWidget | None = None
        for widget in self.widgets_in_tab_order():
            if previous is not None:
                QWidget.setTabOrder(previous, widget)
            previous = widget


class _quiet:
    """Changes made by the code itself, not the user: ``changed`` is not told."""

    def __init__(self, bar: HistoryFilterBar) -> None:
        self._bar = bar

    def __enter__(self) -> None:
        self._was = self._bar.blockSignals(True)
        self._blocked = [w for w in self._bar.widgets_in_tab_order() if not w.blockSignals(True)]

    def __exit__(self, *_exc: object) -> None:
        for widget in self._blocked:
            widget.blockSignals(False)
        self._bar.blockSignals(self._was)


def _refill(combo: QComboBox, choices: Sequence[Choice], retired: str) -> None:
    chosen = combo.currentData()
    every = combo.itemText(0)
    combo.clear()
    combo.addItem(every, None)
    for choice in choices:
        combo.addItem(choice.name if choice.active else retired.format(name=choice.name), choice.id)
    found = combo.findData(chosen)
    combo.setCurrentIndex(max(found, 0))


C = TypeVar("C", Category, Priority, Status, Outcome)


def _code(codes: type[C], combo: QComboBox) -> C | None:
    # Qt keeps a code as the text it is: it comes back a plain string.
    chosen = combo.currentData()
    return None if chosen is None else codes(chosen)


def _day(edit: QDateEdit) -> date:
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
