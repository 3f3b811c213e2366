"""A write refused because another desk changed the call first: both versions, side by side.

The dialog shows only what the refusal carries (the call as it is now beside what the
person entered, field by field), so it reads nothing from the database. Escape, or Enter,
keeps the current version: the attempt is already in the call's timeline. Ctrl+Enter
applies the person's entry over the current call, by running the same step again at the
version now current; the screen that opened the dialog does that, off the GUI thread.
A step that cannot be applied again over another desk's change (an undo) opens it read
only: the current version is the one kept, and a sentence says what to do instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import IntEnum
from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from operline.db.engine import Database
from operline.incidents.conflicts import Conflict, ConflictField
from operline.paris_time import format_paris, format_paris_clock, paris_date
from operline.ui import palette, shortcuts
from operline.ui.board.incident_detail import field_label, is_time_field, value_text
from operline.ui.table_model import DeskTableModel, Index

T = TypeVar("T")
# A write to a call at the version it names: run once at the version the screen read,
# and again at the version a conflict carries when the person applies their entry.
VersionedStep = Callable[[Database, int], T]

_CONTEXT = "ConflictDialog"
_NONE = "—"


class ConflictColumn(IntEnum):
    FIELD = 0
    CURRENT = 1
    ATTEMPTED = 2


_TITLES = {
    ConflictColumn.FIELD: str(QT_TRANSLATE_NOOP("ConflictDialog", "Field")),
    ConflictColumn.CURRENT: str(QT_TRANSLATE_NOOP("ConflictDialog", "Now")),
    ConflictColumn.ATTEMPTED: str(QT_TRANSLATE_NOOP("ConflictDialog", "Your entry")),
}
#: A field whose two versions differ, said in words as well as in bold.
_DIFFERS = str(QT_TRANSLATE_NOOP("ConflictDialog", "{field} (differs)"))


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def conflict_notice(conflict: Conflict) -> str:
    """The screen's line while the dialog is open: it points to the dialog, not to a retry."""
    return QCoreApplication.translate(
        "ConflictDialog",
        "{reference} was changed at another desk meanwhile: "
        "the call now and your entry are shown side by side.",
    ).format(reference=conflict.reference)


def conflict_value(field: str, value: str | None, now: datetime) -> str:
    """A value of the conflict as the desk reads it: times in Paris, codes by their labels."""
    if value is not None and is_time_field(field):
        try:
            instant = datetime.fromisoformat(value)
        except ValueError:
            return value
        if instant.tzinfo is not None:
            return when_text(instant, now)
    return value_text(field, value)


def when_text(instant: datetime, now: datetime) -> str:
    """HH:MM in Paris on the day of ``now``, with the date on another day."""
    clock = format_paris_clock(instant)
    if paris_date(instant) == paris_date(now):
        return clock
    return f"{format_paris(instant, '%d/%m/%Y')} {clock}"


class ConflictModel(DeskTableModel):
    """One row per field of the refused write: the field, its value now, the value entered."""

    def __init__(self, fields: tuple[ConflictField, ...], now: datetime, parent: Any = None):
        super().__init__(ConflictColumn, parent)
        self._fields = fields
        self._now = now
        self._bold = QFont()
        self._bold.setBold(True)

    def row_total(self) -> int:
        return len(self._fields)

    def title_of(self, column: ConflictColumn) -> str:
        return _tr(_TITLES[column])

    def field_at(self, row: int) -> ConflictField:
        return self._fields[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._fields):
            return None
        if not 0 <= index.column() < len(ConflictColumn):
            return None
        field = self._fields[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(field, ConflictColumn(index.column()))
        if role == Qt.ItemDataRole.FontRole and field.differs:
            return self._bold
        return None

    def _text(self, field: ConflictField, column: ConflictColumn) -> str:
        match column:
            case ConflictColumn.FIELD:
                name = field_label(field.field)
                return _tr(_DIFFERS).format(field=name) if field.differs else name
            case ConflictColumn.CURRENT:
                return conflict_value(field.field, field.current, self._now)
            case ConflictColumn.ATTEMPTED:
                return conflict_value(field.field, field.attempted, self._now)


class ConflictDialog(QDialog):
    """The call as another desk left it beside the person's entry; keep one, or apply theirs.

    "Apply my entry" closes it and calls ``apply`` with the version now current, for the
    screen to run its step again; Escape keeps the call as it is now. Without ``apply`` the
    dialog only shows both versions, with ``advice`` saying why and what to do instead.
    """

    def __init__(
        self,
        conflict: Conflict,
        *,
        now: datetime,
        apply: Callable[[int], None] | None,
        advice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setObjectName("conflictDialog")
        title = self.tr("Call changed at another desk")
        self.setWindowTitle(title)
        self.setAccessibleName(title)

        self.sentence = QLabel(self._sentence(now), self)
        self.sentence.setObjectName("conflictSentence")
        self.sentence.setAccessibleName(self.sentence.text())
        self.sentence.setWordWrap(True)
        font = self.sentence.font()
        font.setBold(True)
        self.sentence.setFont(font)
        self.legend = QLabel(
            self.tr(
                "Your entry was not saved; it stays in the call's timeline. Rows in bold, "
                "marked “differs”, are those where the two versions differ."
            ),
            self,
        )
        if advice:
            self.legend.setText(f"{self.legend.text()} {advice}")
        self.legend.setObjectName("conflictLegend")
        self.legend.setAccessibleName(self.legend.text())
        self.legend.setWordWrap(True)

        self.model = ConflictModel(conflict.fields, now, self)
        self.table = QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move inside
        self.table.setObjectName("conflictTable")
        self.table.setAccessibleName(self.tr("The call now, beside your entry, field by field"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.buttons = QDialogButtonBox(self)
        self.buttons.setObjectName("conflictButtons")
        self.keep_button = QPushButton(self.tr("Keep the current version"), self)
        self.keep_button.setObjectName("keepCurrentButton")
        self.keep_button.setAccessibleName(self.keep_button.text())
        self.keep_button.setToolTip(self.tr("Escape"))
        self.apply_button = QPushButton(self.tr("Apply my entry"), self)
        self.apply_button.setObjectName("applyMineButton")
        self.apply_button.setAccessibleName(self.apply_button.text())
        self.apply_button.setAutoDefault(False)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_action = QAction(self.apply_button.text(), self)
        self.apply_action.setObjectName("applyMineAction")
        self.apply_button.setToolTip(shortcuts.APPLY_MINE.key_text())
        if apply is None:
            self.apply_button.hide()
            self.apply_button.setEnabled(False)
            self.apply_action.setEnabled(False)
            keys = self.tr("Escape: keep the current version")
        else:
            version = conflict.version
            self.accepted.connect(lambda: apply(version))
            shortcuts.APPLY_MINE.bind(self.apply_action)
            self.apply_action.triggered.connect(self.apply_button.click)
            self.addAction(self.apply_action)
            keys = self.tr("Escape: keep the current version · {apply}: apply my entry").format(
                apply=shortcuts.APPLY_MINE.key_text()
            )
        self.keys = QLabel(keys, self)
        self.keys.setObjectName("conflictKeys")
        self.keys.setAccessibleName(self.keys.text())
        self.keys.setWordWrap(True)
        palette.styled(self.keys, "color: $quiet;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(self.legend)
        layout.addWidget(self.table)
        layout.addWidget(self.keys)
        layout.addWidget(self.buttons)
        layout.insertSpacing(1, 4)
        self._fit_table()
        width = self._width()
        # The wrapped sentences at the width shown, not at their narrowest: no gaps between.
        height = layout.heightForWidth(width) if layout.hasHeightForWidth() else -1
        self.resize(width, height if height > 0 else self.sizeHint().height())
        self.table.setFocus()
        # On the first row that differs: the one to read first, and its bold left visible.
        differing = self.differing_rows()
        if differing:
            self.table.selectRow(differing[0])

    def differing_rows(self) -> list[int]:
        return [row for row, field in enumerate(self.conflict.fields) if field.differs]

    def _sentence(self, now: datetime) -> str:
        conflict = self.conflict
        if conflict.changed_by and conflict.changed_at is not None:
            return self.tr(
                "{who} changed {reference} at another desk at {time}, before your entry was saved."
            ).format(
                who=conflict.changed_by,
                reference=conflict.reference,
                time=when_text(conflict.changed_at, now),
            )
        return self.tr(
            "{reference} was changed at another desk before your entry was saved."
        ).format(reference=conflict.reference)

    def _fit_table(self) -> None:
        """As tall as its few rows (one per field written), so nothing scrolls or gapes."""
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.model.rowCount()))
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + rows + 2 * self.table.frameWidth() + 2)

    def _width(self) -> int:
        columns = sum(self.table.columnWidth(column) for column in ConflictColumn)
        return max(560, min(900, columns + 80))
