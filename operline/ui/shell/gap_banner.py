"""The warning across the top of the window when a sector will soon have no team on duty.

It names the first few gaps in the desk's words ("Éole : aucune équipe de garde de 02:00 à
06:00 cette nuit"); a click, the button or Ctrl+4 opens the week view to see them all.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from operline.paris_time import to_paris
from operline.roster.board import UpcomingGap
from operline.ui import palette, shortcuts

#: How many gaps the banner names; the week view shows the rest.
GAPS_NAMED = 3

_NO_TEAM_STYLE = (
    "#gapBanner { background: $problem_strip; border-left: 6px solid $problem; }"
    " #gapBanner QLabel { color: $problem_strip_text; }"
)
_NO_PHONE_STYLE = (
    "#gapBanner { background: $caution_strip; border-left: 6px solid $caution_mark; }"
    " #gapBanner QLabel { color: $caution_strip_text; }"
)


class GapBanner(QFrame):
    """Hidden while no gap is near; else one line per gap, the most urgent first."""

    #: The user asked to see the gaps in the week view.
    open_week = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gapBanner")
        self.setAccessibleName(self.tr("Coverage warning"))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.lines: list[str] = []

        self._text = QLabel(self)
        self._text.setObjectName("gapBannerText")
        font = self._text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self._text.setFont(font)
        self._text.setWordWrap(True)

        self.week_button = QPushButton(
            self.tr("See the week ({key})").format(key=shortcuts.SHOW_WEEK.key_text()), self
        )
        self.week_button.setObjectName("gapBannerWeekButton")
        self.week_button.setAccessibleName(self.tr("See the week"))
        self.week_button.clicked.connect(self.open_week)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 10, 6)
        layout.addWidget(self._text, 1)
        layout.addWidget(self.week_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_gaps(self, gaps: list[UpcomingGap], now: datetime) -> None:
        """Show these gaps (as ``upcoming_gaps`` orders them), or hide when there are none."""
        self.lines = [gap_sentence(gap, now) for gap in gaps[:GAPS_NAMED]]
        hidden = len(gaps) - GAPS_NAMED
        if hidden > 0:
            self.lines.append(self.tr("and %n more in the week view", "", hidden))
        self._text.setText("\n".join(self.lines))
        self.setAccessibleDescription(" ".join(self.lines))
        urgent = any(gap.kind == "no_team" for gap in gaps)
        palette.styled(self, _NO_TEAM_STYLE if urgent else _NO_PHONE_STYLE)
        self.setVisible(bool(gaps))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_week.emit()
        super().mouseReleaseEvent(event)


def gap_sentence(gap: UpcomingGap, now: datetime) -> str:
    """A gap in the desk's words, as the warning and the handover say it."""
    if gap.standing:
        # A gap older than a week has no start worth telling: say that it stands.
        if gap.kind == "no_team":
            return "⚠ " + QCoreApplication.translate(
                "GapBanner", "{sector}: no first-call team, for over a week"
            ).format(sector=gap.sector)
        return "⚠ " + QCoreApplication.translate(
            "GapBanner", "{sector}: a team on duty has had no phone for over a week"
        ).format(sector=gap.sector)
    period = _period(gap, now)
    if gap.kind == "no_team":
        return "⚠ " + QCoreApplication.translate(
            "GapBanner", "{sector}: no team on duty {period}"
        ).format(sector=gap.sector, period=period)
    return "⚠ " + QCoreApplication.translate(
        "GapBanner", "{sector}: a team on duty has no phone {period}"
    ).format(sector=gap.sector, period=period)


def _period(gap: UpcomingGap, now: datetime) -> str:
    if gap.ongoing:
        return QCoreApplication.translate("GapBanner", "now, until {end}").format(
            end=_moment(gap.end, now)
        )
    start, end = to_paris(gap.start), to_paris(gap.end)
    ends_at_midnight = end.time() == time() and end.date() == start.date() + timedelta(days=1)
    if end.date() == start.date() or ends_at_midnight:
        return QCoreApplication.translate("GapBanner", "from {start} to {end} {day}").format(
            start=start.strftime("%H:%M"),
            end="24:00" if ends_at_midnight else end.strftime("%H:%M"),
            day=_day(gap.start, now),
        )
    return QCoreApplication.translate("GapBanner", "from {start} to {end}").format(
        start=_moment(gap.start, now), end=_moment(gap.end, now)
    )


def _day(instant: datetime, now: datetime) -> str:
    local, today = to_paris(instant), to_paris(now)
    night = local.hour < 6
    tonight = QCoreApplication.translate("GapBanner", "tonight")
    if local.date() == today.date():
        return tonight if night else QCoreApplication.translate("GapBanner", "today")
    if local.date() == today.date() + timedelta(days=1):
        # In the evening, the small hours ahead are "tonight", not "tomorrow".
        if night and today.hour >= 12:
            return tonight
        return QCoreApplication.translate("GapBanner", "tomorrow")
    return QLocale().toString(QDate(local.year, local.month, local.day), "dddd d MMMM")


def _moment(instant: datetime, now: datetime) -> str:
    local, today = to_paris(instant), to_paris(now).date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return clock
    if local.date() == today + timedelta(days=1):
        return QCoreApplication.translate("GapBanner", "tomorrow {time}").format(time=clock)
    day = QLocale().toString(QDate(local.year, local.month, local.day), "ddd d")
    return f"{day} {clock}"
