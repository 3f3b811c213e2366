"""How the row under the cursor of the live board is painted."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from operline.incidents.live_board import Alert
from operline.ui.board.model import ALERT_ROLE
from operline.ui.table_model import Index

SELECTION_FRAME = QColor("#0d47a1")
_SELECTED = QStyle.StateFlag.State_Selected


class AlertRowDelegate(QStyledItemDelegate):
    """Keeps a late row's colour when it is selected, and marks the selection by a frame.

    The usual selection colour would hide the very thing the operator must see.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> None:
        # Most cells are not selected: they are told apart without asking the model.
        if not option.state & _SELECTED or index.data(ALERT_ROLE) in (None, Alert.NONE):
            super().paint(painter, option, index)
            return
        plain = QStyleOptionViewItem(option)
        plain.state &= ~QStyle.StateFlag.State_Selected
        super().paint(painter, plain, index)
        painter.save()
        pen = QPen(SELECTION_FRAME)
        pen.setWidth(3)
        painter.setPen(pen)
        rect = option.rect
        painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
        painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
        painter.restore()
