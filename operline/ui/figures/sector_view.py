"""One sector at a glance, in its own window: open calls, today's log, who is on duty, its weeks.

Opened from the sector strip (Alt+Shift+digit) or by ``MainWindow.open_sector_view``.
Everything is read off the GUI thread (``operline.figures.sector_view``); a change on the
desk's bus reads again what it moved, and who is on duty is read again at the next
handoff (``live_updates``).
"""

from __future__ import annotations

import html
from datetime import datetime, timedelta

from PySide6.QtCharts import QCategoryAxis
from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from operline.errors import OperlineError
from operline.figures.ack_times import AckTimes
from operline.figures.sector_view import (
    DAYS_LOOKED_BACK,
    SectorFigures,
    SectorToday,
    sector_figures,
)
from operline.journal_pages import IdPages
from operline.paris_time import format_paris, paris_date
from operline.phones import format_phone
from operline.roster.engine import OnDuty
from operline.ui import palette
from operline.ui.board.model import BoardColumn, LiveBoardModel
from operline.ui.board.row_delegate import AlertRowDelegate
from operline.ui.desk_context import DeskContext
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.figures.charts import (
    TEXT,
    Headline,
    day_label,
    label_font,
    number_text,
    styled_set,
    vertical_bars,
)
from operline.ui.figures.live_updates import SectorViewUpdates
from operline.ui.figures.places_model import PlaceColumn, RepeatPlacesModel
from operline.ui.journal.model import JournalColumn, JournalModel
from operline.ui.messages import error_sentence

_NONE = "—"


class SectorView(QDialog):
    """The window of one sector; ``show_sector`` reads and shows another."""

    #: A sentence for the status bar.
    notice = Signal(str)
    #: The sector's figures were shown (carries the ``SectorFigures``).
    shown = Signal(object)

    def __init__(self, desk: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectorView")
        self.setModal(False)
        self.setWindowTitle(self.tr("Sector"))
        self._desk = desk
        #: The sector shown (or being read), and its figures once read.
        self.sector_id: int | None = None
        self.figures: SectorFigures | None = None
        self.open_model = LiveBoardModel(self)
        self.places_model = RepeatPlacesModel(self)
        self.today_model = JournalModel(desk.runner, self)
        self._build()
        #: Follows the change bus and the roster's next handoff.
        self.updates = SectorViewUpdates(self, desk)
        self.resize(1280, 700)

    # Reading

    def show_sector(self, sector_id: int) -> None:
        """Read a sector's figures and show them (the reading is audited)."""
        self.sector_id = sector_id
        now, actor = self._desk.clock(), self._desk.actor()
        self._desk.runner.run(
            lambda database: sector_figures(database, sector_id, actor=actor, now=now),
            self._show,
            self._refused,
            owner=self,
        )

    def redraw(self, figures: SectorFigures) -> None:
        """Draw figures already read (a part of them read again after a change)."""
        self._show(figures)

    def show_problem(self, error: OperlineError) -> None:
        """Say why a reading was refused."""
        self._refused(error)

    def _refused(self, error: OperlineError) -> None:
        sentence = error_sentence(error)
        self.problem.setText(sentence)
        self.problem.setAccessibleName(sentence)
        self.problem.show()
        self.notice.emit(sentence)

    def _show(self, figures: SectorFigures) -> None:
        if figures.sector_id != self.sector_id:
            return  # another sector was asked meanwhile
        self.figures = figures
        self.problem.hide()
        self.setWindowTitle(self.tr("Sector {sector}").format(sector=figures.sector))
        self.title.setText(figures.sector)
        self.setAccessibleName(self.windowTitle())
        self.on_duty.setText(self.duty_text(figures))
        self.on_duty.setAccessibleName(self.on_duty.text())
        self._show_ack(figures)
        self.places_model.show(figures.places)
        self.places_empty.setVisible(not figures.places)
        self._draw_days(figures)
        self._show_today(figures.sector_id, figures.live)
        self.shown.emit(figures)

    def _show_today(self, sector_id: int, live: SectorToday) -> None:
        if sector_id != self.sector_id:
            return
        self.open_model.show(live.open_incidents, now=live.at, settings=live.settings)
        self.today_model.show_rows(len(live.today_ids), IdPages(live.today_ids).read)
        self.as_of.setText(self.tr("As of {time}").format(time=format_paris(live.at, "%H:%M")))
        self.lists.setTabText(
            0, self.tr("Open calls ({count})").format(count=number_text(len(live.open_incidents)))
        )
        self.lists.setTabText(
            1, self.tr("Today's log ({count})").format(count=number_text(len(live.today_ids)))
        )

    def _fit_today(self) -> None:
        self.today_table.resizeColumnsToContents()

    # Texts

    def duty_text(self, figures: SectorFigures) -> str:
        """Who is on duty now and who takes over next, as rich text."""
        now = self._teams(figures.on_duty) or self._warning(self.tr("No team on duty"))
        now_title = html.escape(self.tr("Now"))
        lines = [f"<b>{now_title}</b><br>{now}"]
        if figures.handoff_at is not None:
            names = ", ".join(html.escape(team.name) for team in figures.next_on_duty)
            after = names or self._warning(self.tr("No team"))
            when = html.escape(
                self.tr("From {time}").format(time=_when(figures.handoff_at, figures.live.at))
            )
            lines.append(f"<b>{when}</b><br>{after}")
        return "<br>".join(lines)

    def _teams(self, teams: tuple[OnDuty, ...]) -> str:
        shown = []
        for team in teams:
            phone = format_phone(team.phone) if team.phone else self.tr("no phone")
            tier = self.tr("first call") if team.tier == 1 else self.tr("backup")
            shown.append(f"{html.escape(team.name)} ({html.escape(tier)}) · {html.escape(phone)}")
        return "<br>".join(shown)

    def _warning(self, text: str) -> str:
        colour = palette.current().problem
        return f"<span style='color:{colour}; font-weight:bold'>⚠ {html.escape(text)}</span>"

    def ack_text(self, times: AckTimes) -> tuple[str, str, str]:
        """Median, 90th percentile and calls acknowledged, as the table shows them."""
        return (
            _delay(times.median),
            _delay(times.ninetieth),
            number_text(times.acknowledged),
        )

    def _show_ack(self, figures: SectorFigures) -> None:
        for row, times in ((1, figures.ack_this_week), (2, figures.ack_last_week)):
            # None: an operator signed in, whose history stops 24 hours back.
            why = (
                ""
                if times is not None
                else self.tr(
                    "Only a supervisor sees the weeks' delays: an operator consults the last "
                    "24 hours."
                )
            )
            texts = self.ack_text(times) if times is not None else (_NONE,) * 3
            for column, text in enumerate(texts, start=1):
                cell = self._ack_cells[(row, column)]
                cell.setText(text)
                cell.setEnabled(not why)
                cell.setToolTip(why)

    def _draw_days(self, figures: SectorFigures) -> None:
        bars = styled_set(self.tr("Calls"), 0)
        bars.append([float(day.calls) for day in figures.days])
        labels = [f"{day.day.day}/{day.day.month:02d}" for day in figures.days]
        chart = vertical_bars(
            self.tr("Calls per day, last {days} days").format(days=len(figures.days)),
            labels,
            [bars],
        )
        # 28 dates do not fit under 28 bars: the axis names the Mondays only, whole.
        across = chart.axes(Qt.Orientation.Horizontal)[0]
        across.setLabelsVisible(False)
        mondays = QCategoryAxis()
        mondays.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        mondays.setLabelsFont(label_font())
        mondays.setLabelsColor(TEXT)
        mondays.setRange(-0.5, len(labels) - 0.5)
        mondays.setGridLineVisible(False)
        for number, day in enumerate(figures.days):
            if day.day.weekday() == 0:
                mondays.append(day_label(day.day) + f"/{day.day.month:02d}", number)
        chart.addAxis(mondays, Qt.AlignmentFlag.AlignBottom)
        self.days_chart.show_chart(chart)

    # Building

    def _build(self) -> None:
        self.title = Headline("sectorViewTitle", self)
        self.as_of = QLabel(self)
        self.as_of.setObjectName("sectorViewTime")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.as_of)

        self.problem = QLabel(self)
        self.problem.setObjectName("sectorViewProblem")
        self.problem.setWordWrap(True)
        palette.styled(self.problem, "color: $problem; font-weight: bold;")
        self.problem.hide()

        duty_box = QGroupBox(self.tr("Teams on duty"), self)
        self.on_duty = QLabel(duty_box)
        self.on_duty.setObjectName("sectorOnDuty")
        self.on_duty.setTextFormat(Qt.TextFormat.RichText)
        self.on_duty.setWordWrap(True)
        self.on_duty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        QVBoxLayout(duty_box).addWidget(self.on_duty)

        ack_box = QGroupBox(self.tr("Time to acknowledgement"), self)
        grid = QGridLayout(ack_box)
        heads = ("", self.tr("Median"), self.tr("90th percentile"), self.tr("Acknowledged"))
        for column, text in enumerate(heads):
            head = QLabel(f"<b>{html.escape(text)}</b>", ack_box)
            grid.addWidget(head, 0, column)
        self._ack_cells: dict[tuple[int, int], QLabel] = {}
        for row, text in ((1, self.tr("This week")), (2, self.tr("Last week"))):
            grid.addWidget(QLabel(text, ack_box), row, 0)
            for column in (1, 2, 3):
                cell = QLabel(_NONE, ack_box)
                cell.setObjectName(f"ackCell{row}{column}")
                cell.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                grid.addWidget(cell, row, column)
                self._ack_cells[(row, column)] = cell

        self.days_chart = ChartPanel("sectorDaysChart", self)
        self.days_chart.notice.connect(self.notice)

        self.lists = QTabWidget(self)
        self.lists.setObjectName("sectorLists")
        self.open_table = self._table("sectorOpenTable", self.open_model, self.lists)
        self.open_table.setItemDelegate(AlertRowDelegate(self.open_table))
        # The sector is the window's; the place matters more here than the head count.
        self.open_table.hideColumn(BoardColumn.SECTOR)
        self.open_table.hideColumn(BoardColumn.PERSONS)
        # Every column as wide as its header and its cells need; the place gives way.
        fit_columns(self.open_table, BoardColumn.LOCATION)
        self.today_table = self._table("sectorTodayTable", self.today_model, self.lists)
        self.today_table.hideColumn(JournalColumn.SECTOR)
        # The teams on duty, a list of names, take the rest of the width, wrapped to fit.
        # Sized as its pages arrive (a paged list's header must not size itself on them).
        self.today_table.horizontalHeader().setResizeContentsPrecision(0)
        self.today_table.horizontalHeader().setSectionResizeMode(
            JournalColumn.ON_DUTY, QHeaderView.ResizeMode.Stretch
        )
        self.today_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.today_model.dataChanged.connect(self._fit_today)
        self.today_model.modelReset.connect(self._fit_today)
        self.today_table.setWordWrap(True)
        self.lists.addTab(self.open_table, self.tr("Open calls"))
        self.lists.addTab(self.today_table, self.tr("Today's log"))
        # A tab beside the lists, not a box beside them: the lists get the window's width.
        places_box = QWidget(self.lists)
        self.places_table = self._table("sectorPlacesTable", self.places_model, places_box)
        header = self.places_table.horizontalHeader()
        header.setSectionResizeMode(PlaceColumn.PLACE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PlaceColumn.CALLS, QHeaderView.ResizeMode.ResizeToContents)
        self.places_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.places_empty = QLabel(self.tr("No place came back twice."), places_box)
        self.places_empty.setObjectName("sectorPlacesEmpty")
        self.places_empty.hide()
        places_layout = QVBoxLayout(places_box)
        places_layout.setContentsMargins(0, 0, 0, 0)
        places_layout.addWidget(self.places_table)
        places_layout.addWidget(self.places_empty)

        self.lists.addTab(
            places_box,
            self.tr("Places that recur, last {days} days").format(days=DAYS_LOOKED_BACK),
        )

        left = QVBoxLayout()
        left.addWidget(duty_box)
        left.addWidget(ack_box)
        upper = QHBoxLayout()
        upper.addLayout(left, 2)
        upper.addWidget(self.days_chart, 3)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addLayout(upper, 1)
        layout.addWidget(self.lists, 1)

    def _table(self, name: str, model: QAbstractItemModel, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        return table


def fit_columns(table: QTableView, stretched: int | None) -> None:
    """Size each column to its header and cells; ``stretched`` (else the last) takes the rest.

    No horizontal scroll bar: the stretched column is the one elided when room runs out.
    """
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # The rows on screen only: a paged list is not read through to size its columns.
    header.setResizeContentsPrecision(0)
    if stretched is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretched, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def _delay(delay: timedelta | None) -> str:
    """A delay in minutes and seconds (« 4 min 05 s »), or a dash when there is none."""
    if delay is None:
        return _NONE
    seconds = round(delay.total_seconds())
    hours, rest = divmod(seconds, 3600)
    whole, second = divmod(rest, 60)
    if hours:
        return f"{hours} h {whole:02d} min"
    return f"{whole} min {second:02d} s"


def _when(instant: datetime, now: datetime) -> str:
    """The time of a handoff, with its day when it is not today."""
    if paris_date(instant) == paris_date(now):
        return format_paris(instant, "%H:%M")
    return format_paris(instant, "%d/%m %H:%M")
