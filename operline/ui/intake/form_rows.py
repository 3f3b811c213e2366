"""How the call form lays out its fields: labels, pairs of fields, problems, keys.

Each field's problem is a red sentence right under it, so the operator reads what is
wrong where the fix is typed.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from operline.incidents.intake import FieldProblem
from operline.ui import palette
from operline.ui.refusals import problem_sentence

ERROR_STYLE = "color: $problem; font-weight: bold;"


def required_text() -> str:
    """What a screen reader says of a field that must be filled in."""
    return QCoreApplication.translate("FieldProblems", "Required")


class FieldProblems:
    """The red sentence under each field of the form, one per field at most.

    The sentence is also the field's accessible description, after "Required" on a field
    that must be filled in: a screen reader reads it with the field the focus goes to.
    """

    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._labels: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self._required: set[str] = set()

    def holding(self, field: str, widget: QWidget, *, required: bool = False) -> QWidget:
        """The field's widget with the place for its problem under it."""
        self._fields[field] = widget
        if required:
            self._required.add(field)
        self._describe(field, "")
        box = QWidget(self._owner)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(widget)
        label = QLabel(box)
        label.setObjectName(f"{field}Error")
        palette.styled(label, ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        layout.addWidget(label)
        self._labels[field] = label
        return box

    def show(self, problem: FieldProblem) -> None:
        label = self._labels.get(problem.field)
        if label is not None:
            label.setText("⚠ " + problem_sentence(problem))
            label.setAccessibleName(label.text())
            label.show()
            self._describe(problem.field, label.text())

    def show_sentence(self, field: str, sentence: str) -> None:
        """A sentence of the form's own under a field (not a service's problem)."""
        label = self._labels.get(field)
        if label is not None:
            label.setText("⚠ " + sentence)
            label.setAccessibleName(label.text())
            label.show()
            self._describe(field, label.text())

    def hide(self, field: str) -> None:
        label = self._labels.get(field)
        if label is not None:
            label.hide()
            self._describe(field, "")

    def clear(self) -> None:
        for field, label in self._labels.items():
            label.clear()
            label.hide()
            self._describe(field, "")

    def _describe(self, field: str, sentence: str) -> None:
        widget = self._fields.get(field)
        if widget is None:
            return
        parts = [required_text()] if field in self._required else []
        if sentence:
            parts.append(sentence)
        # A description of its own hides a field's placeholder from a screen reader.
        hint = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        if parts and hint:
            parts.append(hint)
        widget.setAccessibleDescription(" · ".join(parts))

    def shown(self, field: str) -> str:
        """The sentence shown under a field, or ''."""
        label = self._labels.get(field)
        return label.text() if label is not None and not label.isHidden() else ""


def buddy_label(parent: QWidget, text: str, name: str, buddy: QWidget) -> QLabel:
    """A field's label, whose underlined letter with Alt goes to the field."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setBuddy(buddy)
    return label


def side_by_side(
    parent: QWidget, first: QWidget, spacing: int, label: QLabel, second: QWidget, stretch: int
) -> QWidget:
    """Two fields on one line of the form, the second with its own label."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(first, 1 - stretch, Qt.AlignmentFlag.AlignTop)
    row.addSpacing(spacing)
    # Level with the field beside it, even when a problem shows under that field.
    label.setFixedHeight(second.sizeHint().height())
    row.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(second, 0, Qt.AlignmentFlag.AlignTop)
    if stretch:
        row.addStretch(stretch)
    holder = QWidget(parent)
    holder.setLayout(row)
    return holder


def keys_action(owner: QWidget, name: str, keys: tuple[str, ...]) -> QAction:
    """An action on keys pressed anywhere within ``owner`` (and only there)."""
    action = QAction(owner)
    action.setObjectName(name)
    action.setShortcuts([QKeySequence(key) for key in keys])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(action)
    return action


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
