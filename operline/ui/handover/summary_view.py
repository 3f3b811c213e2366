"""The summary of a shift handover: the open calls (late first), the gaps, the places.

The calls are drawn by the live board's own model, so a call red on the board is red
here, with the same words and columns; the gaps are told in the gap warning's words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.handover_summary import HANDOVER_GAP_WINDOW, HandoverSummary
from operline.paris_time import format_paris
from operline.ui import palette
from operline.ui.board.model import BoardColumn, LiveBoardModel
from operline.ui.board.row_delegate import AlertRowDelegate
from operline.ui.shell.gap_banner import gap_sentence

#: Rows of calls always in sight; the table takes the room the window has left.
CALL_ROWS_SHOWN = 5
#: Lines of the gaps' and the places' lists in sight.
LIST_LINES_SHOWN = 4

_LATE = "color: $problem;"


class HandoverSummaryView(QWidget):
    """What the next operator takes over, as read at an instant."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoverSummary")
        self.setAccessibleName(self.tr("What the next operator takes over"))
        self.summary: HandoverSummary | None = None

        self.calls_title = self._title("handoverCallsTitle")
        self.as_of = QLabel(self)
        self.as_of.setObjectName("handoverAsOf")
        palette.styled(self.as_of, "color: $quiet;")
        self.model = LiveBoardModel(self)
        self.calls = QTableView(self)
        self.calls.setObjectName("handoverCalls")
        self.calls.setAccessibleName(self.tr("Open calls, late ones first"))
        self.calls.setModel(self.model)
        self.calls.setItemDelegate(AlertRowDelegate(self.calls))
        self.calls.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.calls.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.calls.setWordWrap(False)
        self.calls.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.calls.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys belong to the note
        lines = self.calls.verticalHeader()
        lines.hide()
        lines.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        row_height = QFontMetrics(self.calls.font()).height() + 10
        lines.setDefaultSectionSize(row_height)
        header = self.calls.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BoardColumn.LOCATION, QHeaderView.ResizeMode.Stretch)
        self.calls.setMinimumHeight(
            header.sizeHint().height() + CALL_ROWS_SHOWN * row_height + 2 * self.calls.frameWidth()
        )

        self.gaps_title = self._title("handoverGapsTitle")
        self.gaps = self._list("handoverGaps", self.tr("Coverage gaps"))
        self.places_title = self._title("handoverPlacesTitle")
        self.places = self._list("handoverPlaces", self.tr("Places full or not reported"))

        bar = QHBoxLayout()
        bar.addWidget(self.calls_title)
        bar.addStretch(1)
        bar.addWidget(self.as_of)
        below = QGridLayout()
        below.addWidget(self.gaps_title, 0, 0)
        below.addWidget(self.places_title, 0, 1)
        below.addWidget(self.gaps, 1, 0)
        below.addWidget(self.places, 1, 1)
        below.setColumnStretch(0, 3)
        below.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.calls, 1)
        layout.addSpacing(6)
        layout.addLayout(below)

    def show_summary(self, summary: HandoverSummary) -> None:
        """Show a fresh reading; the calls merge into those shown, as on the board."""
        self.summary = summary
        self.as_of.setText(
            self.tr("As it stood at {time}").format(time=format_paris(summary.at, "%H:%M"))
        )
        self._show_calls(summary)
        self._show_gaps(summary)
        self._show_places(summary)

    def call_lines(self) -> list[tuple[str, str]]:
        """Each call shown, top to bottom: its reference and its alert's words."""
        return [
            (
                str(self.model.index(row, BoardColumn.REFERENCE).data()),
                str(self.model.index(row, BoardColumn.ALERT).data()),
            )
            for row in range(self.model.rowCount())
        ]

    def gap_lines(self) -> list[str]:
        return [self.gaps.item(row).text() for row in range(self.gaps.count())]

    def place_lines(self) -> list[str]:
        return [self.places.item(row).text() for row in range(self.places.count())]

    def _show_calls(self, summary: HandoverSummary) -> None:
        self.model.show(summary.calls, now=summary.at, settings=summary.settings)
        count, late = len(summary.calls), summary.late_calls
        if not count:
            title = self.tr("No open call")
        elif late:
            title = self.tr("Open calls: {count}, {late} of them late")
        else:
            title = self.tr("Open calls: {count}, none late")
        self.calls_title.setText(title.format(count=count, late=late))
        palette.styled(self.calls_title, _LATE if late else "")
        self.calls.setVisible(bool(count))

    def _show_gaps(self, summary: HandoverSummary) -> None:
        hours = round(HANDOVER_GAP_WINDOW.total_seconds() / 3600)
        self.gaps_title.setText(
            self.tr("Coverage gaps in the next {hours} hours").format(hours=hours)
        )
        self.gaps.clear()
        for gap in summary.gaps:
            colour = palette.colour("problem" if gap.kind == "no_team" else "caution")
            self._line(self.gaps, gap_sentence(gap, summary.at), colour, bold=True)
        if not summary.gaps:
            self._line(
                self.gaps,
                self.tr("None: every sector has a first-call team that can be phoned."),
                palette.colour("fine"),
            )

    def _show_places(self, summary: HandoverSummary) -> None:
        since = format_paris(summary.reports_since, "%H:%M")
        self.places_title.setText(
            self.tr("Places full or not reported since {time}").format(time=since)
        )
        self.places.clear()
        for place in summary.full_places:
            at = format_paris(place.reported_at, "%H:%M") if place.reported_at else "?"
            text = self.tr("{place}: full (reported at {time})").format(place=place.name, time=at)
            self._line(self.places, text, palette.colour("problem"), bold=True)
        for place in summary.unreported_places:
            text = self.tr("{place}: no report").format(place=place.name)
            self._line(self.places, text, palette.colour("quiet"))
        if summary.places_with_room:
            text = self.tr("Places with room: {count}").format(count=summary.places_with_room)
            self._line(self.places, text, palette.colour("fine"))

    def _title(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        label.setFont(font)
        return label

    def _list(self, name: str, accessible: str) -> QListWidget:
        shown = QListWidget(self)
        shown.setObjectName(name)
        shown.setAccessibleName(accessible)
        shown.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        shown.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        shown.setWordWrap(True)
        line = QFontMetrics(shown.font()).height() + 6
        shown.setFixedHeight(LIST_LINES_SHOWN * line + 2 * shown.frameWidth() + 4)
        return shown

    @staticmethod
    def _line(shown: QListWidget, text: str, colour: QColor, *, bold: bool = False) -> None:
        item = QListWidgetItem(text, shown)
        item.setForeground(QBrush(colour))
        if bold:
            font = QFont(shown.font())
            font.setBold(True)
            item.setFont(font)
