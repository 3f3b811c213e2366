"""The table of open calls, with room at the foot of its rows for the panel of whom to call next.

The panel comes and goes with the cursor and with each stage key. Laid out under the
table, it made the whole board lay itself out again, the table move and its frame, its
scroll bar and the board around it paint again. Kept inside the table's frame, under its
rows (a margin of the rows' area), it leaves the board, the headers and the columns as
they are: the rows' area alone shrinks or grows, and only the rows it uncovers are painted.

The rows' area is fitted once the events of the moment are handled, as a layout is: a
panel shown then hidden again at once (the cursor put on a red call, then a stage key)
moves no row.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTableView, QWidget


class BoardTable(QTableView):
    """A table view that can show one widget across its foot, under the rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._foot: QWidget | None = None
        self._foot_height = 0
        #: The panel's height for a width, measured once per text shown and width.
        self._measured: tuple[int, int] | None = None
        #: The panel was shown since the rows' area was last fitted: the call under the
        #: cursor is scrolled into sight above it.
        self._newly_shown = False

    def show_foot(self, panel: QWidget) -> None:
        """Show ``panel`` under the rows, as wide as they are; the call under the cursor
        stays in sight."""
        if panel.parentWidget() is not self:
            panel.setParent(self)
        if self._foot is not panel or not panel.isVisible():
            self._newly_shown = True
        self._foot = panel
        self._measured = None  # its text changed
        if self._foot_height == 0:
            # Over the last rows until the rows' area is fitted, never elsewhere.
            rows = self.viewport().geometry()
            height = min(self._wanted(rows.width(), rows.height()), rows.height())
            panel.setGeometry(rows.left(), rows.bottom() + 1 - height, rows.width(), height)
        panel.show()
        panel.raise_()
        self._fit_soon()

    def hide_foot(self) -> None:
        """Give the room of the panel back to the rows."""
        if self._foot is None:
            return
        self._foot.hide()
        self._foot = None
        self._newly_shown = False
        self._fit_soon()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self._fit_foot()
            if self._newly_shown:
                self._newly_shown = False
                current = self.currentIndex()
                if current.isValid():
                    self.scrollTo(current)
        return super().event(event)

    def updateGeometries(self) -> None:
        # QTableView sets its margins for its headers here, the foot's back to 0: put it again.
        super().updateGeometries()
        self._fit_foot()

    def _fit_soon(self) -> None:
        # Posted layout requests to one widget are merged: many changes, one fitting.
        QCoreApplication.postEvent(self, QEvent(QEvent.Type.LayoutRequest))

    def _wanted(self, width: int, whole: int) -> int:
        panel = self._foot
        if panel is None:
            return 0
        if self._measured is None or self._measured[0] != width:
            self._measured = (width, _height_for(panel, width))
        wanted = self._measured[1]
        row = max(1, self.verticalHeader().defaultSectionSize())
        # Rounded up so the rows above it are whole rows, not a sliver of one; a window
        # too small for the panel still shows a few rows.
        wanted += (whole - wanted) % row
        return max(0, min(wanted, whole - 3 * row))

    def _fit_foot(self) -> None:
        rows = self.viewport().geometry()
        height = self._wanted(rows.width(), rows.height() + self._foot_height)
        margins = self.viewportMargins()
        if margins.bottom() != height:
            self._foot_height = height
            self.setViewportMargins(margins.left(), margins.top(), margins.right(), height)
            rows = self.viewport().geometry()
        if self._foot is not None:
            self._foot.setGeometry(rows.left(), rows.bottom() + 1, rows.width(), height)


def _height_for(panel: QWidget, width: int) -> int:
    return panel.heightForWidth(width) if panel.hasHeightForWidth() else panel.sizeHint().height()
