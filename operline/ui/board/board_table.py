"""The table of open calls, with room at the foot of its rows for the panel of whom to call next.

The panel comes and goes with the cursor and with each stage key. Laid out under the
table, it made the whole board lay itself out again, the table move and its frame, its
scroll bar and the board around it paint again. Kept inside the table's frame, under its
rows (a margin of the rows' area), it leaves the board, the headers and the columns as
they are: the rows' area alone shrinks or grows, and only the rows it uncovers are painted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTableView, QWidget


class BoardTable(QTableView):
    """A table view that can show one widget across its foot, under the rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._foot: QWidget | None = None
        self._foot_height = 0
        #: The panel's height for a width, measured once per text shown and width.
        self._measured: tuple[int, int] | None = None

    def show_foot(self, panel: QWidget) -> None:
        """Show ``panel`` under the rows, as wide as they are; the call under the cursor
        stays in sight."""
        if panel.parentWidget() is not self:
            panel.setParent(self)
        newly = self._foot is not panel or not panel.isVisible()
        self._foot = panel
        self._measured = None  # its text changed
        self._fit_foot()
        panel.show()
        panel.raise_()
        current = self.currentIndex()
        if newly and current.isValid():
            self.scrollTo(current)

    def hide_foot(self) -> None:
        """Give the room of the panel back to the rows."""
        if self._foot is None:
            return
        self._foot.hide()
        self._foot = None
        self._fit_foot()

    def updateGeometries(self) -> None:
        # QTableView sets its margins for its headers here, the foot's back to 0: put it again.
        super().updateGeometries()
        self._fit_foot()

    def _fit_foot(self) -> None:
        panel = self._foot
        rows = self.viewport().geometry()
        height = 0
        if panel is not None:
            if self._measured is None or self._measured[0] != rows.width():
                self._measured = (rows.width(), _height_for(panel, rows.width()))
            wanted = self._measured[1]
            whole = rows.height() + self._foot_height
            row = max(1, self._row())
            # Rounded up so the rows above it are whole rows, not a sliver of one; a window
            # too small for the panel still shows a few rows.
            wanted += (whole - wanted) % row
            height = max(0, min(wanted, whole - 3 * row))
        margins = self.viewportMargins()
        if margins.bottom() != height:
            self._foot_height = height
            self.setViewportMargins(margins.left(), margins.top(), margins.right(), height)
            rows = self.viewport().geometry()
        if panel is not None:
            panel.setGeometry(rows.left(), rows.bottom() + 1, rows.width(), height)

    def _row(self) -> int:
        return self.verticalHeader().defaultSectionSize()


def _height_for(panel: QWidget, width: int) -> int:
    return panel.heightForWidth(width) if panel.hasHeightForWidth() else panel.sizeHint().height()
