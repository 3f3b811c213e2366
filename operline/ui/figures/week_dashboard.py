"""The week in charts: calls per day and sector, delays, outcomes, hours, calls left bare.

A chosen ISO week (Alt+Left / Alt+Right move by one), read off the GUI thread through
``operline.figures.week``. Each chart can be saved as a PNG; ``render_charts`` draws them
all onto any paint device, which is how they are printed (Ctrl+P) or written to a PDF
(Ctrl+Shift+P) on the day log's page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QDate, QLocale, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from operline.actors import Actor
from operline.errors import OperlineError
from operline.figures.buckets import IsoWeek
from operline.figures.week import WeekFigures, week_figures
from operline.paris_time import paris_date
from operline.ui import palette, shortcuts
from operline.ui.desk_context import DeskContext
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.figures.charts import (
    Headline,
    day_label,
    horizontal_bars,
    minutes,
    number_text,
    styled_set,
)
from operline.ui.figures.heat_map import HourHeatMap
from operline.ui.figures.live_updates import WeekDashboardUpdates
from operline.ui.figures.printing import (
    ChartsPage,
    lay_out_charts,
    print_charts,
    write_charts_pdf,
)
from operline.ui.labels import outcome_label
from operline.ui.messages import error_sentence


class WeekDashboard(QWidget):
    """Five charts of one ISO week, the current week first."""

    #: A sentence for the status bar.
    notice = Signal(str)
    #: The figures of a week were shown (carries the ``WeekFigures``).
    shown = Signal(object)

    def __init__(
        self,
        desk: DeskContext,
        *,
        actor: Callable[[], Actor] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("weekDashboard")
        self.setAccessibleName(self.tr("The week in charts"))
        self._desk = desk
        self._actor = actor if actor is not None else desk.actor
        self.week = IsoWeek.of(paris_date(desk.clock()))
        self._on_current = True
        #: The figures shown, once read.
        self.figures: WeekFigures | None = None

        self.previous_action = self._action(
            self.tr("&Previous week"), "previousWeekAction", shortcuts.PREVIOUS_WEEK
        )
        self.next_action = self._action(
            self.tr("&Next week"), "nextWeekAction", shortcuts.NEXT_WEEK
        )
        self.print_action = self._action(
            self.tr("Pr&int the charts…"), "printChartsAction", shortcuts.PRINT_CHARTS
        )
        self.pdf_action = self._action(
            self.tr("Save as P&DF…"), "saveChartsPdfAction", shortcuts.SAVE_CHARTS_PDF
        )
        self.print_action.triggered.connect(self.print_week)
        self.pdf_action.triggered.connect(self.ask_where_to_save_pdf)
        self.previous_action.triggered.connect(lambda: self.show_week(self.week.shifted(-1)))
        self.next_action.triggered.connect(lambda: self.show_week(self.week.shifted(1)))
        self._build()
        #: Reads the week again when a change touches it.
        self.updates = WeekDashboardUpdates(self, desk)

    # Reading

    def show_current(self) -> None:
        """Show the dashboard again: this week if it was on this week."""
        current = IsoWeek.of(paris_date(self._desk.clock()))
        self.show_week(current if self._on_current else self.week)

    def show_week(self, week: IsoWeek) -> None:
        """Read and draw the figures of an ISO week (never one after the current week)."""
        now = self._desk.clock()
        current = IsoWeek.of(paris_date(now))
        if week.monday > current.monday:
            week = current
        self.week = week
        self._on_current = week == current
        self.next_action.setEnabled(not self._on_current)
        self.this_week_button.setEnabled(not self._on_current)
        self.week_label.setText(self.week_text(week))
        self.week_label.setAccessibleName(self.week_label.text())
        actor = self._actor()
        self._desk.runner.run(
            lambda database: week_figures(database, week, actor=actor, now=now),
            self._show,
            lambda error: self._refused(week, error),
            owner=self,
        )

    def week_text(self, week: IsoWeek) -> str:
        """« Semaine 48 : du lundi 23 au dimanche 29 novembre 2026 »."""
        locale = QLocale()
        first, last = week.days[0], week.days[-1]
        start = locale.toString(QDate(first.year, first.month, first.day), "dddd d")
        if first.month != last.month:
            start = locale.toString(QDate(first.year, first.month, first.day), "dddd d MMMM")
        end = locale.toString(QDate(last.year, last.month, last.day), "dddd d MMMM yyyy")
        return self.tr("Week {number}: from {start} to {end}").format(
            number=week.week, start=start, end=end
        )

    def _refused(self, week: IsoWeek, error: OperlineError) -> None:
        if week != self.week:
            return
        sentence = error_sentence(error)
        self.summary.setText(sentence)
        palette.styled(self.summary, "color: $problem; font-weight: bold;")
        self.notice.emit(sentence)

    def _show(self, figures: WeekFigures) -> None:
        if figures.week != self.week:
            return  # another week was asked meanwhile
        self.figures = figures
        palette.styled(self.summary, "")
        hours = ""
        if figures.length_hours != 168:
            hours = " " + self.tr("(a week of {hours} hours: the clocks changed)").format(
                hours=figures.length_hours
            )
        share = figures.no_team / figures.calls * 100 if figures.calls else 0.0
        self.summary.setText(
            self.tr("%n call(s)", "", figures.calls)
            + " · "
            + self.tr("{count} with no team on duty ({share}\u00a0%)").format(
                count=number_text(figures.no_team), share=number_text(share, 1)
            )
            + hours
        )
        self._draw_per_day(figures)
        self._draw_ack(figures)
        self._draw_outcomes(figures)
        self._draw_hours(figures)
        self._draw_no_team(figures)
        self.shown.emit(figures)

    # Charts

    def _draw_per_day(self, figures: WeekFigures) -> None:
        title = self.tr("Calls per day and sector")
        if not figures.calls:
            self.per_day.show_sentence(title, self.tr("No call this week."))
            return
        # One row a day, Monday on top, as in the hour grid: Qt draws the first at the bottom.
        sets = []
        for number, sector in enumerate(figures.sectors):
            bars = styled_set(sector.sector, number)
            bars.append([float(count) for count in reversed(sector.calls_per_day)])
            sets.append(bars)
        days = [day_label(day) for day in reversed(figures.days)]
        chart = horizontal_bars(title, days, sets, stacked=True)
        # Sectors' names are long: listed down the side, they are written whole.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.per_day.show_chart(chart)

    def _draw_ack(self, figures: WeekFigures) -> None:
        # Read top to bottom: Qt draws the first category at the bottom.
        sectors = list(reversed(figures.sectors))
        median = styled_set(self.tr("Median"), 0)
        ninetieth = styled_set(self.tr("90th percentile"), 1)
        for sector in sectors:
            median.append(round(minutes(sector.ack.median), 1))
            ninetieth.append(round(minutes(sector.ack.ninetieth), 1))
        labels = [
            self.tr("{sector} (n = {count})").format(
                sector=sector.sector, count=number_text(sector.ack.acknowledged)
            )
            for sector in sectors
        ]
        title = self.tr("Time to acknowledgement per sector (minutes)")
        if not any(sector.ack.acknowledged for sector in sectors):
            self.ack.show_sentence(title, self.tr("No call acknowledged this week."))
            return
        chart = horizontal_bars(
            title,
            labels,
            [ninetieth, median],
            value_format=self.tr("@value min"),
            axis_title=self.tr("minutes"),
        )
        # Wide bars, so that each bar's minutes stay clear of the bar next to it.
        for series in chart.series():
            if isinstance(series, QAbstractBarSeries):
                series.setBarWidth(0.85)
        self.ack.show_chart(chart)

    def _draw_outcomes(self, figures: WeekFigures) -> None:
        title = self.tr("Outcomes")
        if not figures.outcomes:
            self.outcomes.show_sentence(title, self.tr("No call this week."))
            return
        total = sum(count for _, count in figures.outcomes) or 1
        shown = list(reversed(figures.outcomes))
        bars = styled_set(self.tr("Calls"), 0)
        labels = []
        for outcome, count in shown:
            name = outcome_label(outcome) if outcome is not None else self.tr("Still open")
            labels.append(f"{name} ({number_text(count / total * 100)}\u00a0%)")
            bars.append(float(count))
        self.outcomes.show_chart(horizontal_bars(title, labels, [bars]))

    def _draw_hours(self, figures: WeekFigures) -> None:
        self.heat.show_counts(
            self.tr("Calls by hour of day (Paris time) and weekday"),
            figures.days,
            figures.calls_by_hour,
            figures.hours_lived,
        )
        self.hours.show_figure(self.heat, self.heat, self.heat.title)

    def _draw_no_team(self, figures: WeekFigures) -> None:
        sectors = list(reversed(figures.sectors))
        bars = styled_set(self.tr("Calls with no team on duty"), 3)
        labels = []
        for sector in sectors:
            share = sector.no_team / sector.calls * 100 if sector.calls else 0.0
            labels.append(f"{sector.sector} ({number_text(share, 1)}\u00a0%)")
            bars.append(float(sector.no_team))
        title = self.tr("Calls with no team on duty, per sector")
        if not any(sector.no_team for sector in sectors):
            self.no_team.show_sentence(title, self.tr("No call without a team on duty this week."))
            return
        self.no_team.show_chart(horizontal_bars(title, labels, [bars]))

    # Printing

    def panels(self) -> list[ChartPanel]:
        return [self.per_day, self.hours, self.ack, self.outcomes, self.no_team]

    def render_charts(self, painter: QPainter, rect: QRectF) -> None:
        """Draw every chart of the week, with the week's title, into ``rect`` of any device."""
        lay_out_charts(
            painter, rect, f"{self.week_label.text()} — {self.summary.text()}", self.panels()
        )

    def _page(self) -> ChartsPage | None:
        if self.figures is None:
            self.notice.emit(self.tr("The charts of the week are still being read."))
            return None
        return ChartsPage(self, printed_by=self._actor().name, at=self._desk.clock())

    def save_pdf(self, path: Path) -> bool:
        """Write the charts of the week to the day log's A4 landscape page; says where."""
        page = self._page()
        if page is None:
            return False
        try:
            write_charts_pdf(page, path, title=self.week_label.text())
        except OSError:
            self.notice.emit(
                self.tr("The PDF could not be written to {path}: check the folder.").format(
                    path=path
                )
            )
            return False
        self.notice.emit(self.tr("Charts saved in {path}.").format(path=path))
        return True

    def print_week(self) -> None:
        """Print the charts of the week through the system's print dialog."""
        page = self._page()
        if page is None:
            return
        try:
            pages = print_charts(page, self)
        except OSError as error:
            self.notice.emit(str(error))
            return
        if pages:
            self.notice.emit(self.tr("The charts of the week were sent to the printer."))

    def ask_where_to_save_pdf(self) -> None:
        suggested = Path.home() / f"operline-semaine-{self.week}.pdf"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the charts as PDF"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            path = Path(chosen)
            self.save_pdf(path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf"))

    # Building

    def _build(self) -> None:
        title = Headline("weekChartsTitle", self)
        title.setText(self.tr("The week in charts"))
        self.week_label = QLabel(self)
        self.week_label.setObjectName("weekChartsWeek")
        self.this_week_button = QPushButton(self.tr("This week"), self)
        self.this_week_button.setObjectName("thisWeekButton")
        self.this_week_button.clicked.connect(
            lambda: self.show_week(IsoWeek.of(paris_date(self._desk.clock())))
        )
        self.print_button = self._button(self.print_action)
        self.pdf_button = self._button(self.pdf_action)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.pdf_button)
        # The week on a line of its own: its French name is long (« du lundi 30 novembre
        # au dimanche 6 décembre 2026 »), and with the title it would not fit 1366 pixels.
        weeks = QHBoxLayout()
        weeks.addWidget(self._button(self.previous_action, "◀ "))
        weeks.addWidget(self.week_label)
        weeks.addWidget(self._button(self.next_action, "", " ▶"))
        weeks.addWidget(self.this_week_button)
        weeks.addStretch(1)

        self.summary = QLabel(self)
        self.summary.setObjectName("weekChartsSummary")
        self.summary.setWordWrap(True)

        self.per_day = ChartPanel("callsPerDayChart", self)
        self.hours = ChartPanel("callsByHourChart", self)
        self.heat = HourHeatMap(self.hours)
        self.ack = ChartPanel("ackTimesChart", self)
        self.outcomes = ChartPanel("outcomesChart", self)
        self.no_team = ChartPanel("noTeamChart", self)
        grid_widget = QWidget(self)
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, panel in enumerate(self.panels()):
            panel.setMinimumHeight(320)
            panel.notice.connect(self.notice)
            grid.addWidget(panel, *divmod(number, 2))
        scroll = QScrollArea(self)
        scroll.setObjectName("weekChartsScroll")
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame, no Tab stop of its own
        scroll.setAccessibleName(self.tr("Charts of the week"))
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_widget)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(weeks)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        # The arrow keys scroll the charts; Alt+arrows change the week.
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFocusProxy(scroll)

    def _action(self, text: str, name: str, shortcut: shortcuts.Shortcut) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        shortcut.bind(action)
        # The week keys act while the dashboard is the screen in use.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _button(self, action: QAction, before: str = "", after: str = "") -> QToolButton:
        plain = action.text().replace("&", "")
        action.setIconText(f"{before}{plain}{after}")
        button = QToolButton(self)
        button.setObjectName(f"{action.objectName()}Button")
        button.setDefaultAction(action)
        button.setAccessibleName(plain)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button
