"""The GPO's weekly brief as a PDF: one or two A4 pages to read in the meeting.

The week's key figures against the previous week and the average of the four before, the
calls per day and sector (the week's chart), the hot spots with their trend, and the hours
when a sector had no team on duty, under the day log's foot. The figures are
``operline.gpo.brief_figures``'s, counted by the CSV export's own code.

Threads: the chart is a Qt Charts scene (Qt Widgets' graphics view), which lives on the
GUI thread only, so the brief is painted there; reading the figures and saving the file
need no Qt and go to the task runner. A window calls ``read_brief_figures`` on the
runner, ``paint_brief`` on the GUI thread with the result, then ``save_gpo_brief`` on the
runner. ``write_gpo_brief`` does the three in a row, on the GUI thread, for a caller
with no window to keep responsive; the command line paints the brief before it writes the
CSV files and saves it after them (``paint_brief_without_window``).
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QLocale,
    Qt,
    QThread,
)
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from operline.actors import Actor
from operline.db.engine import Database
from operline.figures.buckets import IsoWeek
from operline.gpo.brief import save_gpo_brief
from operline.gpo.brief_figures import BriefFigures, read_brief_figures
from operline.gpo.export import ExportedFile
from operline.ui.figures.chart_panel import ChartPanel
from operline.ui.figures.charts import day_label, number_text, styled_set, vertical_bars
from operline.ui.gpo.brief_sections import hotspot_pieces, key_figure_pieces, without_team_pieces
from operline.ui.gpo.page_pieces import (
    PageFrame,
    Piece,
    cut_into_pages,
    foot_height,
    paint_pages,
    printed_line,
)
from operline.ui.journal.page_fonts import PageFonts
from operline.ui.journal.printing import page_layout
from operline.ui.shell.language import install_language

_BODY_POINTS = 8.0
_TITLE_POINTS = 14.0
# The chart's height against the page's width.
_CHART_SHARE = 0.32


def week_dates(week: IsoWeek) -> str:
    """« du lundi 23 au dimanche 29 novembre 2026 »."""
    locale = QLocale()
    first, last = week.days[0], week.days[-1]
    pattern = "dddd d" if first.month == last.month else "dddd d MMMM"
    if first.year != last.year:
        pattern = "dddd d MMMM yyyy"
    return QCoreApplication.translate("GpoBrief", "from {start} to {end}").format(
        start=locale.toString(_qdate(first), pattern),
        end=locale.toString(_qdate(last), "dddd d MMMM yyyy"),
    )


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def title_text(figures: BriefFigures) -> str:
    """« Note hebdomadaire au GPO — semaine 48 »."""
    return QCoreApplication.translate(
        "GpoBrief", "Weekly brief for the GPO — week {number}"
    ).format(number=figures.week.week)


class BriefPages:
    """Lays out the brief on the pages of a PDF writer or a printer, then paints them."""

    def __init__(self, figures: BriefFigures, *, printed_by: str, at: datetime) -> None:
        self.figures = figures
        self.printed_by = printed_by
        self.at = at

    def paint(self, device: QPagedPaintDevice) -> int:
        """Paint every page on ``device``; returns the number of pages."""
        painter = QPainter()
        if not painter.begin(device):
            raise OSError(QCoreApplication.translate("GpoBrief", "The PDF file cannot be written."))
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            fonts = _fonts(painter, device)
            frame = PageFrame(fonts, device.width())
            panel = self._chart_panel()
            try:
                pieces = self._pieces(frame, panel)
                pages = cut_into_pages(pieces, device.height() - foot_height(fonts))
                foot = printed_line(self.figures.desk, self.at, self.printed_by)
                paint_pages(painter, device, fonts, pages, foot=foot)
            finally:
                if panel is not None:
                    panel.deleteLater()
            return len(pages)
        finally:
            painter.end()

    def _pieces(self, frame: PageFrame, panel: ChartPanel | None) -> list[Piece]:
        figures = self.figures
        fonts = frame.fonts
        head = [
            frame.text(title_text(figures), fonts.title),
            frame.text(
                f"{week_dates(figures.week)[:1].upper()}{week_dates(figures.week)[1:]}"
                f" ({figures.week}) · {figures.desk}",
                fonts.body,
            ),
        ]
        if figures.length_hours != 168:
            head.append(
                frame.text(
                    QCoreApplication.translate(
                        "GpoBrief", "A week of {hours} hours: the clocks changed."
                    ).format(hours=figures.length_hours),
                    fonts.bold,
                )
            )
        head.append(
            frame.text(
                QCoreApplication.translate(
                    "GpoBrief",
                    "Counts from the desk's log, as in the week's CSV files: "
                    "no notes, no phone numbers, no names.",
                ),
                fonts.body,
            )
        )
        chart_height = round(frame.width * _CHART_SHARE)
        return [
            *head,
            *key_figure_pieces(frame, figures),
            frame.heading(QCoreApplication.translate("GpoBrief", "Calls per day and sector")),
            frame.chart(panel, chart_height)
            if panel is not None
            else frame.text(
                QCoreApplication.translate("GpoBrief", "No call this week."), fonts.body
            ),
            *hotspot_pieces(frame, figures),
            *without_team_pieces(frame, figures),
        ]

    def _chart_panel(self) -> ChartPanel | None:
        """The calls per day and sector, stacked, a bar a day, Monday on the left; none for
        a week without calls."""
        figures = self.figures
        if not any(sector.calls for sector in figures.per_day):
            return None
        panel = ChartPanel("briefCallsPerDayChart")
        sets = []
        for number, sector in enumerate(figures.per_day):
            bars = styled_set(sector.sector, number)
            bars.append([float(count) for count in sector.calls_per_day])
            sets.append(bars)
        totals = [sum(day) for day in zip(*(s.calls_per_day for s in figures.per_day), strict=True)]
        days = [
            f"<center>{day_label(day)}<br>({number_text(total)})</center>"
            for day, total in zip(figures.days, totals, strict=True)
        ]
        # The section's heading is the chart's title; each day says its total under it.
        chart = vertical_bars("", days, sets, stacked=True)
        # Sectors' names are long: listed down the side, they are written whole.
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        panel.show_chart(chart)
        return panel


def _fonts(painter: QPainter, device: QPagedPaintDevice) -> PageFonts:
    body = QFont(painter.font())
    body.setPointSizeF(_BODY_POINTS)
    bold = QFont(body)
    bold.setBold(True)
    italic = QFont(body)
    italic.setItalic(True)
    title = QFont(body)
    title.setPointSizeF(_TITLE_POINTS)
    title.setBold(True)
    return PageFonts(body, bold, italic, title, device)


def brief_page_layout() -> QPageLayout:
    """The day log's page and margins, upright: the brief reads down, like a letter."""
    layout = page_layout()
    layout.setOrientation(QPageLayout.Orientation.Portrait)
    return layout


def paint_brief(figures: BriefFigures, *, printed_by: str, at: datetime) -> tuple[bytes, int]:
    """The brief as the bytes of a PDF file, and its number of pages. On the GUI thread."""
    _check_gui_thread()
    content = QByteArray()
    buffer = QBuffer(content)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setPageLayout(brief_page_layout())
    writer.setTitle(f"{title_text(figures)} ({figures.week})")
    writer.setCreator("Operline")
    pages = BriefPages(figures, printed_by=printed_by, at=at).paint(writer)
    del writer  # the file is complete once its writer is gone
    buffer.close()
    return bytes(content.data()), pages


def write_gpo_brief(
    database: Database, week: IsoWeek, folder: Path, *, actor: Actor, now: datetime
) -> ExportedFile:
    """Read, paint and save the week's brief into ``folder``; audited. On the GUI thread.

    The chart is painted with Qt Charts, which belongs to the GUI thread: a window should
    rather read and save on its task runner (``read_brief_figures``, ``save_gpo_brief``)
    and only paint here (``paint_brief``).
    """
    _check_gui_thread()
    figures = read_brief_figures(database, week, actor=actor, now=now)
    pdf, pages = paint_brief(figures, printed_by=actor.name, at=now)
    return save_gpo_brief(database, week, pdf, folder, pages=pages, actor=actor, now=now)


def paint_brief_without_window(
    database: Database, week: IsoWeek, *, actor: Actor, now: datetime, lang: str
) -> tuple[bytes, int]:
    """Read and paint the week's brief from a program with no window (the command line),
    in ``lang``: the PDF's bytes and pages, for ``save_gpo_brief``."""
    # No display in a script: Qt paints the PDF offscreen unless told otherwise.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt Charts are Qt Widgets: they need a QApplication, not only a QGuiApplication.
    application = QApplication.instance() or QApplication(["operline"])
    installed = install_language(lang)
    try:
        figures = read_brief_figures(database, week, actor=actor, now=now)
        return paint_brief(figures, printed_by=actor.name, at=now)
    finally:
        installed.uninstall()
        del application


def _check_gui_thread() -> None:
    application = QCoreApplication.instance()
    if application is None or QThread.currentThread() is not application.thread():
        raise RuntimeError("the GPO brief is painted on the GUI thread (Qt Charts)")
