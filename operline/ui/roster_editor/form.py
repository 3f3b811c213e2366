"""A form whose fields show, right under them, what the service found wrong as one types.

Errors are red, warnings amber with a sign; what a new, untouched form still needs is said
in grey, since an empty form is no mistake yet. Each field's problems are also its
accessible description, so a screen reader reads them with the field.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from operline.roster.editing import Check, FieldProblem, Problem
from operline.ui import palette
from operline.ui.roster_editor.texts import meeting_heading, meeting_line, problem_sentence

_MEETINGS = (Problem.SAME_TEAM_OVERLAP, Problem.FIRST_CALL_OVERLAP)


@dataclass
class _Row:
    widget: QWidget
    message: QLabel
    fields: tuple[str, ...]
    touched: bool = False
    problems: list[str] = field(default_factory=list)


class CheckedForm(QWidget):
    """Labelled rows of fields, each with its problems beneath, and the others at the end."""

    #: The user changed a watched field (never while the form is being filled).
    edited = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._rows: list[_Row] = []
        self._filling = False
        #: A new entry: untouched fields' problems are said quietly.
        self.new_entry = True
        self.rows = QFormLayout()
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.general = _message_label(f"{name}Problems", self)
        outer = QVBoxLayout(self)
        outer.addLayout(self.rows)
        outer.addWidget(self.general)
        # Extra height stays below the fields instead of pulling them apart.
        outer.addStretch(1)

    def add_field(self, label: str, widget: QWidget, *fields: str) -> None:
        """A row for ``fields``: the label, then the widget with its problems beneath."""
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        message = _message_label(f"{widget.objectName()}Problem", holder)
        layout.addWidget(message)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        # Level with the widget's first line, whatever shows beneath it.
        caption.setMinimumHeight(widget.sizeHint().height())
        caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        caption.setSizePolicy(
            caption.sizePolicy().horizontalPolicy(), caption.sizePolicy().Policy.Fixed
        )
        self.rows.addRow(caption, holder)
        self._rows.append(_Row(widget, message, fields))

    def watch(self, signal: object, *fields: str) -> None:
        """``signal`` means the user changed ``fields``: mark them touched, say so."""

        def changed(*_args: object) -> None:
            if self._filling:
                return
            for row in self._rows:
                if set(row.fields) & set(fields):
                    row.touched = True
            self.edited.emit()

        signal.connect(changed)  # type: ignore[attr-defined]

    @contextmanager
    def filling(self) -> Iterator[None]:
        """Fill the fields from code: no ``edited``, and nothing counts as touched after."""
        self._filling = True
        try:
            yield
        finally:
            self._filling = False
            for row in self._rows:
                row.touched = False

    def focus_first(self) -> None:
        for row in self._rows:
            if row.widget.isEnabled():
                (row.widget.focusProxy() or row.widget).setFocus(Qt.FocusReason.ShortcutFocusReason)
                return

    def show_check(self, check: Check) -> None:
        """Each problem under its field; problems of no field at the end of the form."""
        placed: set[int] = set()
        for row in self._rows:
            lines: list[str] = []
            row.problems = []
            for problems, colour in (
                (check.errors, palette.current().problem),
                (check.warnings, ""),
            ):
                for problem in problems:
                    if problem.field in row.fields:
                        placed.add(id(problem))
                        quiet = self.new_entry and not row.touched
                        lines.append(_line(problem, colour, quiet=quiet))
                        row.problems.append(problem_sentence(problem))
            row.message.setText("<br>".join(lines))
            row.message.setVisible(bool(lines))
            row.widget.setAccessibleDescription(" ".join(row.problems))
        left = [
            (problem, colour)
            for problems, colour in (
                (check.errors, palette.current().problem),
                (check.warnings, ""),
            )
            for problem in problems
            if id(problem) not in placed
        ]
        general = [_line(p, colour, quiet=False) for p, colour in left if p.code not in _MEETINGS]
        for code in _MEETINGS:
            # Shifts met are listed under one heading: a team often meets several.
            met = [html.escape(meeting_line(p)) for p, _ in left if p.code is code]
            if met:
                listed = "".join(f"<br>&nbsp;&nbsp;• {line}" for line in met)
                heading = html.escape(meeting_heading(code))
                general.append(
                    f'<span style="color:{palette.current().caution}">⚠ {heading}{listed}</span>'
                )
        self.general.setText("<br>".join(general))
        self.general.setVisible(bool(general))
        self.general.setAccessibleDescription(" ".join(problem_sentence(p) for p, _ in left))

    def show_sentence(self, sentence: str) -> None:
        """One problem of the whole form, such as a database out of reach."""
        self.general.setText(
            f'<span style="color:{palette.current().problem}">{html.escape(sentence)}</span>'
        )
        self.general.setVisible(True)

    def problems_of(self, field_name: str) -> list[str]:
        """The sentences shown under a field, errors first."""
        for row in self._rows:
            if field_name in row.fields:
                return list(row.problems)
        return []

    def general_text(self) -> str:
        return self.general.text()


def _message_label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.hide()
    return label


def _line(problem: FieldProblem, colour: str, *, quiet: bool) -> str:
    sentence = html.escape(problem_sentence(problem))
    if not colour:
        return f'<span style="color:{palette.current().caution}">⚠ {sentence}</span>'
    return f'<span style="color:{palette.current().quiet if quiet else colour}">{sentence}</span>'
