"""What each cell of the day log reads, on screen and on paper alike.

A stage cell holds the stage's time and the delay since the stage before it; a corrected
value is marked « (corrigé) », or « (corrigé après signature) » once the day was signed
off, and the value first recorded is told in the cell's tooltip and the call's timeline.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from operline.codes import Status
from operline.day_log import format_delay
from operline.incidents.corrections import LogField
from operline.journal import JournalRow
from operline.paris_time import format_paris_clock, isoformat_paris
from operline.ui.labels import category_label, outcome_label, priority_label, status_label

_CONTEXT = "JournalModel"
NONE = "—"


class JournalColumn(IntEnum):
    TIME = 0
    REFERENCE = 1
    SECTOR = 2
    CATEGORY = 3
    PRIORITY = 4
    ROUTED = 5
    ACKNOWLEDGED = 6
    ON_SCENE = 7
    CLOSED = 8
    TEAM = 9
    ON_DUTY = 10
    #: The outcome of a closed call, the stage reached by one still open.
    OUTCOME = 11


#: The stage columns after the reception, in order, with the field each one shows.
STAGE_COLUMNS: dict[JournalColumn, LogField] = {
    JournalColumn.ROUTED: LogField.ROUTED_AT,
    JournalColumn.ACKNOWLEDGED: LogField.ACKNOWLEDGED_AT,
    JournalColumn.ON_SCENE: LogField.ON_SCENE_AT,
    JournalColumn.CLOSED: LogField.CLOSED_AT,
}
#: The field a correction names, for each column that shows one.
COLUMN_FIELDS: dict[JournalColumn, LogField] = {
    JournalColumn.TIME: LogField.RECEIVED_AT,
    JournalColumn.SECTOR: LogField.SECTOR,
    JournalColumn.CATEGORY: LogField.CATEGORY,
    JournalColumn.PRIORITY: LogField.PRIORITY,
    **STAGE_COLUMNS,
    JournalColumn.TEAM: LogField.TEAM,
    JournalColumn.OUTCOME: LogField.OUTCOME,
}

_TITLES = {
    JournalColumn.TIME: QT_TRANSLATE_NOOP("JournalModel", "Time"),
    JournalColumn.REFERENCE: QT_TRANSLATE_NOOP("JournalModel", "Reference"),
    JournalColumn.SECTOR: QT_TRANSLATE_NOOP("JournalModel", "Sector"),
    JournalColumn.CATEGORY: QT_TRANSLATE_NOOP("JournalModel", "Need"),
    JournalColumn.PRIORITY: QT_TRANSLATE_NOOP("JournalModel", "Priority"),
    JournalColumn.ROUTED: QT_TRANSLATE_NOOP("JournalModel", "Team contacted"),
    JournalColumn.ACKNOWLEDGED: QT_TRANSLATE_NOOP("JournalModel", "Acknowledged"),
    JournalColumn.ON_SCENE: QT_TRANSLATE_NOOP("JournalModel", "On scene"),
    JournalColumn.CLOSED: QT_TRANSLATE_NOOP("JournalModel", "Closed"),
    JournalColumn.TEAM: QT_TRANSLATE_NOOP("JournalModel", "Team"),
    JournalColumn.ON_DUTY: QT_TRANSLATE_NOOP("JournalModel", "On duty at the call"),
    JournalColumn.OUTCOME: QT_TRANSLATE_NOOP("JournalModel", "Outcome or stage"),
}
_CORRECTED = QT_TRANSLATE_NOOP("JournalModel", "(corrected)")
_CORRECTED_AFTER = QT_TRANSLATE_NOOP("JournalModel", "(corrected after sign-off)")
_NOBODY = QT_TRANSLATE_NOOP("JournalModel", "No team")


def _tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def column_title(column: JournalColumn) -> str:
    """The translated heading of a journal column."""
    return _tr(str(_TITLES[column]))


def corrected_mark(row: JournalRow, column: JournalColumn) -> str:
    """« (corrigé) » when the value shown was corrected, else empty."""
    field = COLUMN_FIELDS.get(column)
    corrected = row.corrected.get(field.value) if field is not None else None
    if corrected is None and column is JournalColumn.OUTCOME:
        corrected = row.corrected.get(LogField.PLACE.value)
    if corrected is None:
        return ""
    return _tr(str(_CORRECTED_AFTER if corrected.after_sign_off else _CORRECTED))


def value_text(row: JournalRow, column: JournalColumn) -> str:
    """The value of a cell without its correction mark or delay."""
    match column:
        case JournalColumn.TIME:
            return format_paris_clock(row.received_at)
        case JournalColumn.REFERENCE:
            return row.reference
        case JournalColumn.SECTOR:
            return row.sector
        case JournalColumn.CATEGORY:
            return category_label(row.category)
        case JournalColumn.PRIORITY:
            return priority_label(row.priority)
        case JournalColumn.TEAM:
            return row.team or NONE
        case JournalColumn.ON_DUTY:
            return ", ".join(row.teams_on_duty()) or _tr(str(_NOBODY))
        case JournalColumn.OUTCOME:
            if row.outcome is not None:
                return outcome_label(row.outcome)
            return open_stage_text(row.status)
    at = stage_time(row, column)
    return format_paris_clock(at) if at is not None else ""


def stage_time(row: JournalRow, column: JournalColumn) -> datetime | None:
    index = list(STAGE_COLUMNS).index(column)
    return row.stage_times()[index + 1]


def delay_text(row: JournalRow, column: JournalColumn) -> str:
    """For a stage column, the delay since the stage before: « +6 min »."""
    if column not in STAGE_COLUMNS:
        return ""
    delay = row.delays()[list(STAGE_COLUMNS).index(column)]
    return f"+{format_delay(delay)}" if delay is not None else ""


def cell_text(row: JournalRow, column: JournalColumn) -> str:
    """The cell as the table shows it: the value and its correction mark, then the delay
    on a line of its own in a stage column."""
    first = " ".join(part for part in (value_text(row, column), short_mark(row, column)) if part)
    delay = delay_text(row, column)
    return f"{first}\n{delay}" if delay else first


def short_mark(row: JournalRow, column: JournalColumn) -> str:
    """« (corrigé) », after a sign-off too: the table says the rest in bold and its tooltip."""
    return corrected_word() if corrected_mark(row, column) else ""


def corrected_word() -> str:
    return _tr(str(_CORRECTED))


def open_stage_text(status: Status) -> str:
    """The stage a call still open reached, where a closed call shows its outcome."""
    return QCoreApplication.translate("JournalModel", "Open: {stage}").format(
        stage=status_label(status)
    )


def corrected_after_sign_off(row: JournalRow, column: JournalColumn) -> bool:
    field = COLUMN_FIELDS.get(column)
    corrected = row.corrected.get(field.value) if field is not None else None
    return corrected is not None and corrected.after_sign_off


def tooltip_text(row: JournalRow, column: JournalColumn) -> str:
    """The cell in full, with the exact instant and, once corrected, the first value."""
    text = " ".join(
        part
        for part in (value_text(row, column), corrected_mark(row, column), delay_text(row, column))
        if part
    )
    at = row.received_at if column is JournalColumn.TIME else None
    if column in STAGE_COLUMNS:
        at = stage_time(row, column)
    if at is not None:
        text = f"{text} · {isoformat_paris(at)}"
    if column is JournalColumn.ON_DUTY and not row.team_on_duty_at_intake:
        text += "\n" + QCoreApplication.translate(
            "JournalModel", "The desk found no team on duty when it logged the call."
        )
        if row.on_duty:
            text += "\n" + QCoreApplication.translate(
                "JournalModel", "The roster as it stands names: {teams}."
            ).format(teams=", ".join(row.on_duty))
    field = COLUMN_FIELDS.get(column)
    corrected = row.corrected.get(field.value) if field is not None else None
    if corrected is not None:
        first = corrected.original
        if field is not None and field in (LogField.RECEIVED_AT, *STAGE_COLUMNS.values()) and first:
            first = format_paris_clock(datetime.fromisoformat(first))
            text += "\n" + QCoreApplication.translate(
                "JournalModel", "First recorded: {value}"
            ).format(value=first)
        text += "\n" + QCoreApplication.translate(
            "JournalModel", "Open the call (Enter) to read each correction and its reason."
        )
    return text
