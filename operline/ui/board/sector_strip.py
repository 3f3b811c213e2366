"""The strip above the live board: each sector, its open calls, its team on duty now.

One key per sector (Alt+1…Alt+9 in the strip's order, Alt+0 for all) or a click
filters the board; Shift beside Alt (Alt+Shift+1…) opens that sector's view. A sector
with a call in red says so on its tile, whatever sector the board is showing: a filter
must never hide a call left waiting.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from operline.incidents.board_tally import SectorCounts
from operline.incidents.live_board import SectorStrip
from operline.ui import palette, shortcuts
from operline.ui.palette import Scheme
from operline.ui.theme import desk_theme

#: Shows every sector (declared with every other key in operline.ui.shortcuts).
ALL_SECTORS_KEY = shortcuts.ALL_SECTORS.keys
#: Shows one sector, in the strip's order.
SECTOR_KEYS: tuple[str, ...] = (shortcuts.ONE_SECTOR.keys, *shortcuts.ONE_SECTOR.more)
#: Opens one sector's view, in the strip's order.
FIGURES_KEYS: tuple[str, ...] = (shortcuts.SECTOR_FIGURES.keys, *shortcuts.SECTOR_FIGURES.more)
# The size of <small> text in a rich-text label, to elide it at its true width.
_SMALL = 0.83


class _Tile(QPushButton):
    """A checkable button showing two lines of rich text: the sector, then its team."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setCheckable(True)
        # The board keeps the focus: the keys and clicks filter without taking it.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel(self)
        self.label.setObjectName(f"{name}Text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        lines = QFontMetrics(self.font()).height() * 2
        self.setMinimumHeight(lines + 14)
        self.setMinimumWidth(60)


class SectorStripBar(QWidget):
    """Tiles for all sectors and for each sector; one is checked, the board follows it."""

    #: The sector chosen (an id), or None for all sectors.
    sector_chosen = Signal(object)
    #: The view of a sector was asked for (carries its id).
    sector_view_asked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectorStrip")
        self.setAccessibleName(self.tr("Sectors"))
        self._sectors: list[SectorStrip] = []
        self._counts: dict[int, SectorCounts] = {}
        self._chosen: int | None = None
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._all = _Tile("sectorTileAll", self)
        self._all.setChecked(True)
        self._all.clicked.connect(lambda: self.choose(None))
        self._group.addButton(self._all)
        self._layout.addWidget(self._all)
        self._tiles: list[_Tile] = []

        self.key_actions: list[QAction] = []
        for number, keys in enumerate((ALL_SECTORS_KEY, *SECTOR_KEYS)):
            action = QAction(self)
            action.setObjectName(f"sectorKey{number}")
            action.setShortcut(QKeySequence(keys))
            # Active wherever the focus is inside the board this strip belongs to.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=number: self._key(n))
            self.addAction(action)
            self.key_actions.append(action)
        for number, keys in enumerate(FIGURES_KEYS, start=1):
            action = QAction(self)
            action.setObjectName(f"sectorViewKey{number}")
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _=False, n=number: self._view_key(n))
            self.addAction(action)
            self.key_actions.append(action)
        desk_theme().changed.connect(self._scheme_changed)
        self._redraw()

    @property
    def chosen(self) -> int | None:
        """The sector the board shows, or None for all."""
        return self._chosen

    def sectors(self) -> list[SectorStrip]:
        return list(self._sectors)

    def set_sectors(self, sectors: Sequence[SectorStrip]) -> None:
        """The active sectors in the desk's order, with their teams on duty now."""
        self._sectors = list(sectors)
        while len(self._tiles) < len(self._sectors):
            tile = _Tile(f"sectorTile{len(self._tiles) + 1}", self)
            position = len(self._tiles)
            tile.clicked.connect(lambda _=False, p=position: self._key(p + 1))
            self._group.addButton(tile)
            self._layout.addWidget(tile)
            self._tiles.append(tile)
        for number, tile in enumerate(self._tiles):
            tile.setVisible(number < len(self._sectors))
        if self._chosen is not None and self._chosen not in {s.sector_id for s in sectors}:
            self.choose(None)  # the sector was retired meanwhile
        self._redraw()

    def set_counts(self, counts: Mapping[int, SectorCounts]) -> None:
        """Open and late calls per sector id, as the board just read them.

        Only the tiles whose counts moved are drawn again, with the tile of all sectors:
        a stage moves one sector's counts, if any.
        """
        fresh = dict(counts)
        moved = {
            sector_id
            for sector_id in fresh.keys() | self._counts.keys()
            if fresh.get(sector_id) != self._counts.get(sector_id)
        }
        self._counts = fresh
        if not moved:
            return
        self._draw_all_sectors()
        for number, sector in enumerate(self._sectors):
            if sector.sector_id in moved:
                self._draw_sector(number, sector)

    def choose(self, sector_id: int | None) -> None:
        """Filter to one sector (None: all), as a click or a key does."""
        self._chosen = sector_id
        self._redraw()
        self.sector_chosen.emit(sector_id)

    def tile_text(self, sector_id: int | None) -> str:
        """The accessible text of a tile, as a screen reader says it."""
        tile = self._tile_of(sector_id)
        return tile.accessibleName() if tile is not None else ""

    def _key(self, number: int) -> None:
        if number == 0:
            self.choose(None)
        elif number <= len(self._sectors):
            self.choose(self._sectors[number - 1].sector_id)

    def _view_key(self, number: int) -> None:
        if number <= len(self._sectors):
            self.sector_view_asked.emit(self._sectors[number - 1].sector_id)

    def _tile_of(self, sector_id: int | None) -> _Tile | None:
        if sector_id is None:
            return self._all
        for number, sector in enumerate(self._sectors):
            if sector.sector_id == sector_id:
                return self._tiles[number]
        return None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._redraw()  # the team names are elided to the new width

    def _scheme_changed(self, _scheme: Scheme) -> None:
        self._redraw()  # the counts' colours are written into the tiles' text

    def _redraw(self) -> None:
        self._draw_all_sectors()
        for number, sector in enumerate(self._sectors):
            self._draw_sector(number, sector)
        chosen = self._tile_of(self._chosen)
        if chosen is not None:
            chosen.setChecked(True)

    def _tile_width(self) -> int:
        shown = len(self._sectors) + 1
        return max(60, (self.width() - 4 * shown) // shown - 20)

    def _draw_all_sectors(self) -> None:
        width = self._tile_width()
        total = SectorCounts(
            sum(c.open_calls for c in self._counts.values()),
            sum(c.late for c in self._counts.values()),
            sum(c.very_late for c in self._counts.values()),
        )
        parts = []
        if total.very_late:
            parts.append(self.tr("%n very late", "", total.very_late))
        if total.late:
            parts.append(self.tr("%n late", "", total.late))
        summary = " · ".join(parts) if parts else self.tr("nothing late")
        colours = palette.current()
        colour = colours.tile_very_late if parts else colours.tile_nothing_late
        second = f"<span style='color:{colour}'>{html.escape(summary)}</span>"
        self._draw(
            self._all, self.tr("All sectors"), total, ALL_SECTORS_KEY, width, summary, second
        )
        self._all.setAccessibleName(
            self.tr("All sectors: {count} open call(s), {summary}").format(
                count=total.open_calls, summary=summary
            )
        )
        self._all.setToolTip(f"{self._all.accessibleName()} ({_native(ALL_SECTORS_KEY)})")

    def _draw_sector(self, number: int, sector: SectorStrip) -> None:
        teams = [team.name for team in sector.on_duty if team.tier == 1] or [
            team.name for team in sector.on_duty
        ]
        on_duty = ", ".join(teams)
        keys = SECTOR_KEYS[number] if number < len(SECTOR_KEYS) else ""
        counts = self._counts.get(sector.sector_id, SectorCounts())
        tile = self._tiles[number]
        if on_duty:
            second = html.escape(on_duty)
        else:
            no_team = html.escape(self.tr("no team"))
            second = f"<span style='color:{palette.current().problem}'>⚠ {no_team}</span>"
        self._draw(tile, sector.name, counts, keys, self._tile_width(), on_duty or "⚠ ", second)
        spoken = self.tr("{sector}: {count} open call(s), {late} late; on duty: {team}").format(
            sector=sector.name,
            count=counts.open_calls,
            late=counts.late + counts.very_late,
            team=on_duty or self.tr("no team"),
        )
        tile.setAccessibleName(spoken)
        tile.setToolTip(f"{spoken} ({_native(keys)})" if keys else spoken)

    def _draw(
        self,
        tile: _Tile,
        name: str,
        counts: SectorCounts,
        keys: str,
        width: int,
        plain_second: str,
        second: str,
    ) -> None:
        """Line one: the sector and its calls; line two: its key and its team, elided."""
        metrics = QFontMetrics(tile.font())
        bold = QFont(tile.font())
        bold.setBold(True)
        count = str(counts.open_calls)
        late = ""
        colours = palette.current()
        if counts.very_late:
            late = f" <span style='color:{colours.tile_very_late}'>‼{counts.very_late}</span>"
        elif counts.late:
            late = f" <span style='color:{colours.tile_late}'>⚠{counts.late}</span>"
        used = metrics.horizontalAdvance(f" · {count}" + (" ‼9" if late else ""))
        head = QFontMetrics(bold).elidedText(name, Qt.TextElideMode.ElideRight, width - used)
        key_text = _native(keys) if keys else ""
        small = QFont(tile.font())
        small.setPointSizeF(small.pointSizeF() * _SMALL)
        small_metrics = QFontMetrics(small)
        room = width - small_metrics.horizontalAdvance(f"{key_text} · ")
        if small_metrics.horizontalAdvance(plain_second) > room:
            # Only plain text is elided: the coloured warnings are short.
            elided = small_metrics.elidedText(plain_second, Qt.TextElideMode.ElideRight, room)
            second = html.escape(elided)
        key_html = (
            f"<span style='color:{palette.current().quiet}'>{html.escape(key_text)}</span> · "
            if keys
            else ""
        )
        tile.label.setText(
            f"<b>{html.escape(head)}</b> · {count}{late}<br><small>{key_html}{second}</small>"
        )


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
