"""How the row under the cursor of the live board is painted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from operline.incidents.live_board import Alert
from operline.ui.board.model import ALERT_ROLE
from operline.ui.table_model import Index

_SELECTED = QStyle.StateFlag.State_Selected


class AlertRowDelegate(QStyledItemDelegate):
    """Keeps a late row's colour when it is selected, and marks the selection by a frame
    in the colour of the row's words, which reads on it in every scheme.

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
        words = index.data(Qt.ItemDataRole.ForegroundRole)
        pen = QPen(words.color() if isinstance(words, QBrush) else option.palette.text().color())
        pen.setWidth(3)
        painter.setPen(pen)
        rect = option.rect
        painter.drawLine(rect.left(), rect.top() + 1, rect.right(), rect.top() + 1)
        painter.drawLine(rect.left(), rect.bottom() - 1, rect.right(), rect.bottom() - 1)
        painter.restore()
