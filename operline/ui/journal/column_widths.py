"""The widths of the day log's columns: from sample texts, never from the rows.

Measuring the rows would read the whole day. Each row holds two lines, so a stage shows
its time over its delay and a long name wraps once, between words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

from operline.codes import Category, Outcome, Status
from operline.ui.journal.cells import STAGE_COLUMNS, JournalColumn, corrected_word, open_stage_text
from operline.ui.journal.model import JournalModel
from operline.ui.labels import category_label, outcome_label

# Widest text a column usually holds, so widths are set without reading every row.
_SAMPLES = {
    JournalColumn.TIME: "00:00 +02:00",
    JournalColumn.REFERENCE: "OPL-0000-000000",
    JournalColumn.SECTOR: "Quais du canal de l'Ourcq",
    JournalColumn.TEAM: "Maraude Porte de la Chapelle",
}


def size_columns(table: QTableView, model: JournalModel) -> None:
    """Set the widths of the day log's columns and the height of its two-line rows."""
    metrics = table.fontMetrics()
    samples: dict[JournalColumn, list[str]] = {column: [text] for column, text in _SAMPLES.items()}
    corrected = corrected_word()
    corrected_samples: dict[JournalColumn, list[str]] = {column: [] for column in JournalColumn}
    corrected_samples[JournalColumn.TIME] = [f"00:00 {corrected}"]
    samples[JournalColumn.CATEGORY] = [category_label(code) for code in Category]
    samples[JournalColumn.PRIORITY] = []
    samples[JournalColumn.OUTCOME] = [outcome_label(code) for code in Outcome] + [
        open_stage_text(status) for status in Status if status.is_open
    ]
    for column in STAGE_COLUMNS:
        samples[column] = []
        corrected_samples[column] = [f"00:00 {corrected}\n+1 h 05"]
    samples[JournalColumn.ON_DUTY] = ["Maraude de nuit Nord-Est"]
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # Team names are the longest free texts: their columns share the room left.
    header.setSectionResizeMode(JournalColumn.TEAM, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(JournalColumn.ON_DUTY, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setDefaultAlignment(
        Qt.AlignmentFlag(int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap))
    )
    lines = metrics.lineSpacing() * 2
    header.setFixedHeight(lines + 10)
    table.verticalHeader().setDefaultSectionSize(lines + 8)
    # A value corrected after the sign-off reads in bold italics, wider than plain.
    emphasised = QFont(table.font())
    emphasised.setBold(True)
    emphasised.setItalic(True)
    corrected_metrics = QFontMetrics(emphasised)
    for column in JournalColumn:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        width = max(
            [
                two_line_width(metrics, title),
                *(two_line_width(metrics, text) for text in samples[column]),
                *(two_line_width(corrected_metrics, t) for t in corrected_samples[column]),
            ]
        )
        header.resizeSection(column, width + 16)


def two_line_width(metrics: QFontMetrics, text: str) -> int:
    """The narrowest width showing ``text`` on at most two lines, wrapped between words."""
    if "\n" in text:
        return max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    words = text.split(" ")
    if len(words) == 1:
        return metrics.horizontalAdvance(text)
    return min(
        max(
            metrics.horizontalAdvance(" ".join(words[:cut])),
            metrics.horizontalAdvance(" ".join(words[cut:])),
        )
        for cut in range(1, len(words))
    )
