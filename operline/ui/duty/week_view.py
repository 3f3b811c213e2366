"""The week view: the coverage chart of the next seven days, its legend and details."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from operline.changes import Changes
from operline.errors import OperlineError
from operline.paris_time import paris_date
from operline.roster.week import WeekCoverage, week_coverage
from operline.ui import palette, week_colours
from operline.ui.desk_context import DeskContext
from operline.ui.duty.week_chart import WeekChart
from operline.ui.messages import error_sentence
from operline.ui.theme import desk_theme

DAYS_SHOWN = 7


class WeekView(QWidget):
    """The chart of the coming week, its legend and the details under the cursor."""

    def __init__(self, desk: DeskContext, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekView")
        self.setAccessibleName(self.tr("Coverage of the week"))
        self._desk = desk
        self._clock = desk.clock
        desk.changes.changed.connect(self._changed)

        title = QLabel(self.tr("Coverage of the next 7 days"), self)
        title.setObjectName("weekTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.legend = legend = QLabel(self._legend(), self)
        legend.setObjectName("weekLegend")
        legend.setTextFormat(Qt.TextFormat.RichText)
        legend.setWordWrap(True)  # large text wraps it rather than widening the window
        desk_theme().changed.connect(self._scheme_changed)

        self.chart = WeekChart(self)
        self.chart.cursor_moved.connect(self._show_details)
        self.details = QLabel(self)
        self.details.setObjectName("weekDetails")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setMinimumHeight(self.fontMetrics().height() * 5)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problem = QLabel(self)
        self.problem.setObjectName("weekProblem")
        palette.styled(self.problem, "color: $problem;")
        self.problem.setWordWrap(True)
        self.problem.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(legend)
        layout.addWidget(self.problem)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.details)
        self.setFocusProxy(self.chart)

    def refresh(self) -> None:
        """Read the coverage of the seven days from today's midnight in Paris."""
        now = self._clock()
        self._desk.runner.run(
            lambda database: week_coverage(database, paris_date(now), DAYS_SHOWN, now),
            self._show,
            self._refused,
            owner=self,
        )

    def _changed(self, changes: Changes) -> None:
        # Read when shown; a roster edited meanwhile is read again at once if it is.
        if changes.roster and self.isVisible():
            self.refresh()

    def _show(self, coverage: WeekCoverage) -> None:
        self.problem.hide()
        self.chart.set_coverage(coverage)

    def _refused(self, error: OperlineError) -> None:
        self.problem.setText(error_sentence(error))
        self.problem.show()

    def _show_details(self) -> None:
        chart = self.chart
        if chart.coverage is None or chart.cursor_at is None or not chart.coverage.sectors:
            self.details.clear()
            chart.setAccessibleDescription("")
            return
        detail = chart.describe(chart.cursor_row, chart.cursor_at)
        self.details.setText(detail)
        # The chart is painted, with no cells of its own: what is under its cursor is its
        # description, which a screen reader reads as the cursor moves.
        chart.setAccessibleDescription(detail)

    def _scheme_changed(self) -> None:
        self.legend.setText(self._legend())
        self.chart.update()

    def _legend(self) -> str:
        def swatch(colour: str, text: str) -> str:
            return f'<span style="color:{colour}">■</span> {text}'

        colours = week_colours.week()
        return "&nbsp;&nbsp;&nbsp;".join(
            [
                swatch(colours.first_call, self.tr("first-call team")),
                swatch(colours.backup_only, self.tr("backup only")),
                swatch(colours.uncovered, self.tr("no team on duty")),
                swatch(colours.no_phone, self.tr("team without a phone")),
                self.tr("← → hour, ↑ ↓ sector, PgUp PgDn day, Home now"),
            ]
        )
