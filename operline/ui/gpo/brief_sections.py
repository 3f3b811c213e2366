"""The brief's tables: the key figures, the hot spots, the hours with no team on duty.

Numbers are written as the desk reads them (« 1 234 », « 24,5 »); a delay the week does
not have (no call acknowledged) reads « — ». Times are Paris wall-clock time; an instant
of the autumn hour lived twice carries its offset, so the two are told apart.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from operline.figures.buckets import IsoWeek
from operline.gpo.brief_figures import BriefFigures, SectorWithoutTeam, Trend
from operline.paris_time import is_ambiguous
from operline.ui.figures.charts import number_text
from operline.ui.gpo.page_pieces import Column, PageFrame, Piece

# The trend of a hot spot against the week before.
ARROWS: dict[Trend, str] = {"up": "↑", "down": "↓", "same": "="}
NONE = "—"


def key_figure_pieces(frame: PageFrame, figures: BriefFigures) -> list[Piece]:
    """The week's figures against the previous week and the average of the four before."""
    this, previous, average = figures.this_week, figures.previous, figures.average
    columns = (
        Column("", 40),
        Column(
            QCoreApplication.translate("GpoBrief", "Week {number}").format(number=this.week.week),
            20,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("GpoBrief", "Previous week ({number})").format(
                number=previous.week.week
            ),
            20,
            numeric=True,
        ),
        Column(
            QCoreApplication.translate("GpoBrief", "Average of weeks {first} to {last}").format(
                first=_number(average.weeks[0]), last=_number(average.weeks[-1])
            ),
            20,
            numeric=True,
        ),
    )
    rows = [
        [
            QCoreApplication.translate("GpoBrief", "Calls"),
            number_text(this.calls),
            number_text(previous.calls),
            number_text(average.calls, 1),
        ],
        [
            QCoreApplication.translate("GpoBrief", "Urgent calls"),
            number_text(this.urgent),
            number_text(previous.urgent),
            number_text(average.urgent, 1),
        ],
        [
            QCoreApplication.translate("GpoBrief", "Calls with no team on duty"),
            number_text(this.no_team),
            number_text(previous.no_team),
            number_text(average.no_team, 1),
        ],
        [
            QCoreApplication.translate("GpoBrief", "Median time to acknowledgement (min)"),
            _minutes(this.median_minutes),
            _minutes(previous.median_minutes),
            _minutes(average.median_minutes, 1),
        ],
        [
            QCoreApplication.translate(
                "GpoBrief", "90th percentile of time to acknowledgement (min)"
            ),
            _minutes(this.p90_minutes),
            _minutes(previous.p90_minutes),
            _minutes(average.p90_minutes, 1),
        ],
    ]
    return [
        frame.heading(QCoreApplication.translate("GpoBrief", "Key figures")),
        *frame.table(columns, rows, bold_first=True, whole=True),
    ]


def hotspot_pieces(frame: PageFrame, figures: BriefFigures) -> list[Piece]:
    """The hot spots file's places, most calls first, with their trend."""
    heading = frame.heading(
        QCoreApplication.translate("GpoBrief", "Hot spots: the places with the most calls")
    )
    if not figures.hotspots:
        return [
            heading,
            frame.text(
                QCoreApplication.translate("GpoBrief", "No place was given in a call this week."),
                frame.fonts.body,
            ),
        ]
    columns = (
        Column("#", 4, numeric=True),
        Column(QCoreApplication.translate("GpoBrief", "Sector"), 22),
        Column(QCoreApplication.translate("GpoBrief", "Place"), 43),
        Column(QCoreApplication.translate("GpoBrief", "Calls"), 9, numeric=True),
        Column(QCoreApplication.translate("GpoBrief", "Week before"), 11, numeric=True),
        Column(QCoreApplication.translate("GpoBrief", "Trend"), 11, numeric=True),
    )
    rows = [
        [
            str(rank),
            spot.sector,
            spot.location,
            number_text(spot.calls),
            number_text(spot.calls_previous_week),
            ARROWS[spot.trend],
        ]
        for rank, spot in enumerate(figures.hotspots, start=1)
    ]
    legend = QCoreApplication.translate(
        "GpoBrief", "↑ more calls than the week before, ↓ fewer, = as many."
    )
    return [
        heading,
        *frame.table(columns, rows, then=frame.text(legend, frame.fonts.body, spaced=True)),
    ]


def without_team_pieces(frame: PageFrame, figures: BriefFigures) -> list[Piece]:
    """Each active sector's hours with no team at all on duty, as the roster stood."""
    heading = frame.heading(
        QCoreApplication.translate(
            "GpoBrief", "Hours with no team on duty (as the roster stood, Paris time)"
        )
    )
    columns = (
        Column(QCoreApplication.translate("GpoBrief", "Sector"), 24),
        Column(QCoreApplication.translate("GpoBrief", "Hours"), 9, numeric=True),
        Column(QCoreApplication.translate("GpoBrief", "When"), 67),
    )
    rows = [
        [sector.sector, _hours(sector.hours), _when(sector, figures.week)]
        for sector in figures.without_team
        if sector.intervals
    ]
    covered = [sector.sector for sector in figures.without_team if not sector.intervals]
    pieces = [heading]
    if rows:
        pieces += frame.table(columns, rows, whole=True)
    if covered:
        # The sectors always covered in one line: the table keeps to the hours missing.
        text = QCoreApplication.translate("GpoBrief", "A team on duty all week: {sectors}.")
        pieces.append(
            frame.text(text.format(sectors=", ".join(covered)), frame.fonts.body, spaced=True)
        )
    if len(pieces) == 1:
        return []
    return pieces


def _number(week: IsoWeek) -> str:
    return str(week.week)


def _minutes(value: float | None, decimals: int = 0) -> str:
    return NONE if value is None else number_text(value, decimals)


def _hours(hours: float) -> str:
    decimals = 0 if hours == int(hours) else 1
    return QCoreApplication.translate("GpoBrief", "{hours} h").format(
        hours=number_text(hours, decimals)
    )


def _when(sector: SectorWithoutTeam, week: IsoWeek) -> str:
    start, end = week.bounds()
    if len(sector.intervals) == 1 and sector.intervals[0] == (start, end):
        return QCoreApplication.translate("GpoBrief", "All week")
    return "; ".join(_interval(since, until) for since, until in sector.intervals)


def _interval(since: datetime, until: datetime) -> str:
    """« lun. 23/11 08:00–20:00 », or « sam. 28/11 20:00 → dim. 29/11 06:00 »."""
    first = _day(since)
    if until.date() == since.date():
        return f"{first} {_clock(since)}–{_clock(until)}"
    if until.date().toordinal() == since.date().toordinal() + 1 and _clock(until) == "00:00":
        return f"{first} {_clock(since)}–24:00"
    return f"{first} {_clock(since)} → {_day(until)} {_clock(until)}"


def _day(instant: datetime) -> str:
    return QLocale().toString(QDate(instant.year, instant.month, instant.day), "ddd dd/MM")


def _clock(instant: datetime) -> str:
    clock = f"{instant:%H:%M}"
    if not is_ambiguous(instant):
        return clock
    offset = f"{instant:%z}"
    return f"{clock} (UTC{offset[:3]}:{offset[3:]})"
