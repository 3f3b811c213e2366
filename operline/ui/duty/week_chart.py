"""The week chart: sectors down, the next seven Paris days across, coverage drawn as bands.

(Over 400 lines: one painted chart, its geometry and its hour cursor, read together.)

Time runs at one constant scale, so a day the clocks change is drawn 23 or 25 hours wide.
In the light scheme, first-call duty is dark blue with the teams' names, backup-only
stretches light blue, gaps red, stretches where a team on duty has no phone hatched orange
(each scheme's colours are in `operline.ui.week_colours`, read at each painting); the past
is veiled and a line marks now. The keyboard moves an hour cursor whose details show
underneath; a screen reader reads the chart as a table (`operline.ui.duty.week_cells`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QLineF,
    QLocale,
    QPointF,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from operline.paris_time import format_paris, is_ambiguous, paris_date, to_paris
from operline.phones import format_phone
from operline.roster.week import SectorWeek, WeekCoverage
from operline.ui import week_colours
from operline.ui.duty import week_cells

_HOUR = timedelta(hours=1)
_ELIDE = Qt.TextElideMode.ElideRight
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_WRAP = _LEFT | Qt.TextFlag.TextWordWrap


@dataclass(frozen=True)
class PaintedBand:
    """A rectangle the chart paints, and what it stands for."""

    sector_id: int
    kind: str  # "first_call", "backup_only", "no_team" or "no_phone"
    rect: QRectF
    start: datetime
    end: datetime
    #: The teams named in the band.
    names: tuple[str, ...] = ()


class WeekChart(QWidget):
    """The painted chart; ``band_rects`` and ``day_rects`` give its geometry."""

    cursor_moved = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weekChart")
        self.setAccessibleName(self.tr("Coverage of the coming days"))
        week_cells.install(WeekChart)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(240)
        self.coverage: WeekCoverage | None = None
        #: The row and the hour the keyboard cursor is on.
        self.cursor_row = 0
        self.cursor_at: datetime | None = None

    def set_coverage(self, coverage: WeekCoverage) -> None:
        self.coverage = coverage
        self.cursor_row = min(self.cursor_row, max(len(coverage.sectors) - 1, 0))
        if self.cursor_at is None or not coverage.start <= self.cursor_at < coverage.end:
            self.cursor_at = _hour_floor(coverage.now, coverage.start)
        self.update()
        self.cursor_moved.emit()

    # Geometry

    def _label_width(self) -> int:
        bold = QFont(self.font())
        bold.setBold(True)
        names = [s.sector for s in self.coverage.sectors] if self.coverage else []
        return max([QFontMetrics(bold).horizontalAdvance(name) for name in names] + [80]) + 20

    def _header_height(self) -> int:
        return self.fontMetrics().height() * 2 + 10

    def _plot(self) -> QRectF:
        left, top = self._label_width(), self._header_height()
        return QRectF(left, top, self.width() - left - 6, self.height() - top - 2)

    def x_of(self, instant: datetime) -> float:
        """Where an instant falls across the chart (UTC time, so DST days keep their length)."""
        assert self.coverage is not None
        plot, cover = self._plot(), self.coverage
        share = (instant - cover.start) / (cover.end - cover.start)
        return plot.left() + plot.width() * min(max(share, 0.0), 1.0)

    def instant_at(self, x: float) -> datetime:
        assert self.coverage is not None
        plot, cover = self._plot(), self.coverage
        share = min(max((x - plot.left()) / plot.width(), 0.0), 0.999999)
        return cover.start + (cover.end - cover.start) * share

    def row_rect(self, index: int) -> QRectF:
        plot = self._plot()
        count = len(self.coverage.sectors) if self.coverage else 1
        height = min(max(plot.height() / max(count, 1), 34.0), 96.0)
        return QRectF(plot.left(), plot.top() + index * height, plot.width(), height)

    def day_rects(self) -> list[QRectF]:
        """The columns of the days, left to right."""
        if self.coverage is None:
            return []
        plot = self._plot()
        return [
            QRectF(self.x_of(day.start), plot.top(), self.x_of(day.end) - self.x_of(day.start), 0)
            for day in self.coverage.days
        ]

    def band_rects(self) -> list[PaintedBand]:
        """Every band and gap painted, bands first, then gaps drawn over them."""
        painted: list[PaintedBand] = []
        if self.coverage is None:
            return painted
        for index, sector in enumerate(self.coverage.sectors):
            row = self.row_rect(index).adjusted(0, 3, 0, -3)
            for band in sector.bands:
                if band.kind != "nobody":
                    rect = self._span(row, band.start, band.end)
                    names = tuple(team.name for team in band.teams)
                    painted.append(
                        PaintedBand(sector.sector_id, band.kind, rect, band.start, band.end, names)
                    )
            for gap in sector.gaps:
                rect = self._span(row, gap.start, gap.end)
                painted.append(PaintedBand(sector.sector_id, gap.kind, rect, gap.start, gap.end))
        return painted

    def _span(self, row: QRectF, start: datetime, end: datetime) -> QRectF:
        left, right = self.x_of(start), self.x_of(end)
        return QRectF(left, row.top(), right - left, row.height())

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        colours = week_colours.week()  # the scheme in use, read at each painting
        painter.fillRect(self.rect(), QColor(colours.rows[0]))
        if self.coverage is None or not self.coverage.sectors:
            return
        cover, plot = self.coverage, self._plot()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        for index, sector in enumerate(cover.sectors):
            row = self.row_rect(index)
            row_colour = QColor(colours.rows[index % 2])
            painter.fillRect(QRectF(0, row.top(), self.width(), row.height()), row_colour)
            painter.setPen(QColor(colours.text))
            area = QRectF(8, row.top(), plot.left() - 12, row.height())
            name = painter.fontMetrics().elidedText(sector.sector, _ELIDE, int(area.width()))
            painter.drawText(area, _LEFT, name)
        bottom = self.row_rect(len(cover.sectors) - 1).bottom()
        self._paint_hours(painter, plot, bottom)
        # Gaps go over the bands, and backup-only stretches over the gaps, drawn thinner,
        # so "only a backup" reads as a light band framed in red.
        painted = self.band_rects()
        for kind in ("first_call", "no_team", "backup_only", "no_phone"):
            for band in painted:
                if band.kind == kind:
                    self._paint_band(painter, band)
        self._paint_days(painter, bottom)
        painter.setFont(self.font())
        for band in painted:
            if band.kind in ("first_call", "backup_only"):
                # A band running now is named in its part still to come, clear of the veil.
                if band.start < cover.now < band.end:
                    rect = QRectF(band.rect)
                    rect.setLeft(self.x_of(cover.now) + 2)
                    band = replace(band, rect=rect)
                self._paint_names(painter, band)
        for rect in self._nobody_rects():
            painter.setPen(QColor(colours.gap_text))
            self._paint_names(painter, PaintedBand(0, "no_team", rect, cover.start, cover.end))
        now_x = self.x_of(cover.now)
        veil = QColor(colours.past_veil)
        veil.setAlpha(colours.past_veil_alpha)
        painter.fillRect(
            QRectF(plot.left(), plot.top(), now_x - plot.left(), bottom - plot.top()), veil
        )
        painter.setPen(QPen(QColor(colours.now_line), 2))
        painter.drawLine(QPointF(now_x, plot.top() - 4), QPointF(now_x, bottom))
        self._paint_cursor(painter)

    def _nobody_rects(self) -> list[QRectF]:
        """Where no team at all is on duty from now on: where "no team" is written."""
        assert self.coverage is not None
        found = []
        for index, sector in enumerate(self.coverage.sectors):
            row = self.row_rect(index).adjusted(0, 3, 0, -3)
            for band in sector.bands:
                start = max(band.start, self.coverage.now)
                if band.kind == "nobody" and start < band.end:
                    found.append(self._span(row, start, band.end))
        return found

    def _paint_hours(self, painter: QPainter, plot: QRectF, bottom: float) -> None:
        assert self.coverage is not None
        small = QFont(self.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        painter.setFont(small)
        height = painter.fontMetrics().height()
        faint: list[QLineF] = []
        strong: list[QLineF] = []
        instant = self.coverage.start
        while instant < self.coverage.end:
            # Every UTC hour is a Paris hour: the repeated autumn hour gets its own line.
            x, hour = self.x_of(instant), to_paris(instant).hour
            (strong if hour % 6 == 0 else faint).append(QLineF(x, plot.top(), x, bottom))
            if hour % 6 == 0 and hour:
                painter.setPen(QColor(week_colours.week().hours))
                label = QRectF(x - 20, plot.top() - height - 3, 40, height)
                painter.drawText(label, Qt.AlignmentFlag.AlignCenter, f"{hour:02d}h")
            instant += _HOUR
        painter.setPen(QPen(QColor(week_colours.week().grid), 1))
        painter.drawLines(faint)
        painter.setPen(QPen(QColor(week_colours.week().grid_strong), 1))
        painter.drawLines(strong)

    def _paint_days(self, painter: QPainter, bottom: float) -> None:
        assert self.coverage is not None
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        today = paris_date(self.coverage.now)
        colours = week_colours.week()
        height = painter.fontMetrics().height() + 2
        for day, rect in zip(self.coverage.days, self.day_rects(), strict=True):
            # Two lines, one in the other: one of them stands out on the rows and the bands.
            line = QLineF(QPointF(rect.left(), 2), QPointF(rect.left(), bottom))
            painter.setPen(QPen(QColor(colours.day_line), 4))
            painter.drawLine(line)
            painter.setPen(QPen(QColor(colours.day_line_inner), 1.5))
            painter.drawLine(line)
            painter.setPen(QColor(colours.today if day.day == today else colours.text))
            label = QRectF(rect.left(), 2, rect.width(), height)
            painter.drawText(
                label, Qt.AlignmentFlag.AlignCenter, self.day_label(day.day, day.length)
            )

    def day_label(self, day: date, length: timedelta) -> str:
        """ "lun. 30/11", with the day's length when the clocks change that night."""
        text = QLocale().toString(QDate(day.year, day.month, day.day), "ddd dd/MM")
        hours = round(length / _HOUR)
        return text if hours == 24 else self.tr("{day} ({hours} h)").format(day=text, hours=hours)

    def _paint_band(self, painter: QPainter, band: PaintedBand) -> None:
        rect, colours = band.rect, week_colours.week()
        if band.kind == "no_phone":
            hatching = QColor(colours.no_phone)
            painter.fillRect(rect, QBrush(hatching, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(hatching, 2))
            painter.drawLine(rect.bottomLeft(), rect.bottomRight())
            return
        fills = {
            "first_call": colours.first_call,
            "backup_only": colours.backup_only,
            "no_team": colours.uncovered,
        }
        painter.fillRect(_inset(band), QColor(fills[band.kind]))

    def _paint_names(self, painter: QPainter, band: PaintedBand) -> None:
        """The names, one a line, where they can be read; else how many teams; else nothing."""
        if band.kind != "no_team":
            colours = week_colours.week()
            on_backup = band.kind == "backup_only"
            painter.setPen(QColor(colours.backup_text if on_backup else colours.first_call_text))
        rect, names = _inset(band), band.names or (self.tr("No team on duty"),)
        metrics = painter.fontMetrics()
        width, lines = int(rect.width()) - 8, int((rect.height() - 4) // metrics.height())
        if width < 30 or lines < 1:
            return
        area = rect.adjusted(4, 2, -4, -2)
        if len(names) == 1:
            wrapped = metrics.boundingRect(area.toRect(), _WRAP, names[0])
            if wrapped.height() <= area.height() and wrapped.width() <= width:
                painter.drawText(area, _WRAP, names[0])
                return
        shown = [metrics.elidedText(name, _ELIDE, width) for name in names]
        if len(names) <= lines and all(_readable(a, b) for a, b in zip(shown, names, strict=True)):
            painter.drawText(area, _LEFT, "\n".join(shown))
        elif len(names) > 1:
            count = self.tr("%n team(s)", "", len(names))
            if metrics.horizontalAdvance(count) <= width:
                painter.drawText(area, _LEFT, count)

    def _paint_cursor(self, painter: QPainter) -> None:
        if self.cursor_at is None or self.coverage is None or not self.coverage.sectors:
            return
        row = self.row_rect(self.cursor_row)
        left, right = self.x_of(self.cursor_at), self.x_of(self.cursor_at + _HOUR)
        frame = QRectF(left, row.top() + 1, max(right - left, 4), row.height() - 2)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        colours = week_colours.week()
        if not self.hasFocus():
            painter.setPen(QPen(QColor(colours.cursor_unfocused), 3))
            painter.drawRect(frame)
            return
        # Two rings, one dark and one light: one of them reads at 3:1 on every ground.
        painter.setPen(QPen(QColor(colours.cursor), 3))
        painter.drawRect(frame)
        painter.setPen(QPen(QColor(colours.cursor_inner), 2))
        painter.drawRect(frame.adjusted(2.5, 2.5, -2.5, -2.5))

    # Keyboard, mouse, tooltips

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.coverage is None or self.cursor_at is None:
            super().keyPressEvent(event)
            return
        steps = {
            Qt.Key.Key_Left: -_HOUR,
            Qt.Key.Key_Right: _HOUR,
            Qt.Key.Key_PageUp: -24 * _HOUR,
            Qt.Key.Key_PageDown: 24 * _HOUR,
        }
        key = Qt.Key(event.key())
        if key in steps:
            self._move_to(self.cursor_row, self.cursor_at + steps[key])
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_to(self.cursor_row + (1 if key == Qt.Key.Key_Down else -1), self.cursor_at)
        elif key == Qt.Key.Key_Home:
            self._move_to(self.cursor_row, self.coverage.now)
        else:
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        place = self.place_at(event.position())
        if place is not None:
            self._move_to(*place)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            place = self.place_at(QPointF(event.pos()))
            if place is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.describe(*place), self)
            return True
        return super().event(event)

    def place_at(self, point: QPointF) -> tuple[int, datetime] | None:
        if self.coverage is None or point.x() < self._plot().left():
            return None
        for index in range(len(self.coverage.sectors)):
            if self.row_rect(index).top() <= point.y() < self.row_rect(index).bottom():
                return index, self.instant_at(point.x())
        return None

    def _move_to(self, row: int, instant: datetime) -> None:
        assert self.coverage is not None
        cover = self.coverage
        self.cursor_row = min(max(row, 0), len(cover.sectors) - 1)
        last = cover.end - _HOUR
        self.cursor_at = _hour_floor(min(max(instant, cover.start), last), cover.start)
        self.update()
        self.cursor_moved.emit()
        week_cells.announce_cursor(self)

    def describe(self, row: int, instant: datetime) -> str:
        """Who is on duty in a sector at an instant, their phones and hours, and any gap."""
        assert self.coverage is not None
        sector: SectorWeek = self.coverage.sectors[row]
        lines = [f"{sector.sector} — {_day_and_time(instant)}"]
        for duty in sector.on_duty_at(instant):
            role = self.tr("First call") if duty.tier == 1 else self.tr("Backup")
            phone = format_phone(duty.phone) if duty.phone else self.tr("no phone")
            lines.append(
                self.tr("{role}: {team}, {phone}, {hours}").format(
                    role=role, team=duty.name, phone=phone, hours=_range(duty.since, duty.until)
                )
            )
        gaps = sector.gaps_at(instant)
        for gap in gaps:
            what = (
                self.tr("No team on duty")
                if gap.kind == "no_team"
                else self.tr("A team on duty has no phone")
            )
            lines.append(
                "⚠ "
                + self.tr("{what}: {hours}").format(what=what, hours=_range(gap.start, gap.end))
            )
        if len(lines) == 1:
            lines.append(self.tr("No team on duty"))
        return "\n".join(lines)


def _inset(band: PaintedBand) -> QRectF:
    return band.rect.adjusted(0, 6, 0, -6) if band.kind == "backup_only" else band.rect


def _readable(elided: str, name: str) -> bool:
    # A name cut to a few letters says nothing; the count of teams says more.
    return elided == name or len(elided) >= 9


def _hour_floor(instant: datetime, origin: datetime) -> datetime:
    return origin + _HOUR * ((instant - origin) // _HOUR)


def _day_and_time(instant: datetime) -> str:
    local = to_paris(instant)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "ddd dd/MM")
    if is_ambiguous(local):  # the hour the clocks go back comes twice: say which one
        which = (
            QCoreApplication.translate("WeekChart", "summer time")
            if local.dst()
            else QCoreApplication.translate("WeekChart", "winter time")
        )
        return f"{day} {local:%H:%M} ({which})"
    return f"{day} {local:%H:%M}"


def _range(start: datetime, end: datetime) -> str:
    if paris_date(start) == paris_date(end):
        return f"{_day_and_time(start)}–{format_paris(end, '%H:%M')}"
    return f"{_day_and_time(start)} – {_day_and_time(end)}"
