"""Reading every stored value back through the model, to find damage SQL cannot see.

A few overwritten bytes can leave SQLite's structure sound while a value no longer reads
as its column's type (an instant that is not a date, a count that is text, a code the
desk does not know). Each table is read raw, and each value goes through its column's
type as the desk would read it, and through the table's declared rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Connection,
    Float,
    Integer,
    Numeric,
    String,
    Table,
    text,
)

from operline.db.models import Base
from operline.db.types import StoredValueError, checked_result_processor
from operline.sentences import QT_TRANSLATE_NOOP, Sentence

_BATCH = 5000
_IDS_SHOWN = 5


@dataclass(frozen=True)
class UnreadableRows:
    """Rows of one table holding values the model cannot read."""

    table: str
    count: int
    first_ids: tuple[str, ...]

    @property
    def sentence(self) -> Sentence:
        shown = ", ".join(self.first_ids)
        more = ", …" if self.count > len(self.first_ids) else ""
        unreadable = QT_TRANSLATE_NOOP(
            "DatabaseCheck",
            "stored values that cannot be read back in table {table} (rows {rows})",
        )
        return unreadable(table=self.table, rows=shown + more)

    def __str__(self) -> str:
        return str(self.sentence)


@dataclass(frozen=True)
class BrokenRule:
    """Rows of one table that break one of its declared rules (a CHECK constraint)."""

    table: str
    rule: str
    count: int

    @property
    def sentence(self) -> Sentence:
        breaking = QT_TRANSLATE_NOOP(
            "DatabaseCheck", "rows of table {table} breaking its rule {rule}"
        )
        return breaking(table=self.table, rule=self.rule)

    def __str__(self) -> str:
        return str(self.sentence)


def unreadable_rows(connection: Connection) -> list[UnreadableRows]:
    """Every table whose rows hold a value its column type cannot read back."""
    found = []
    for table in Base.metadata.sorted_tables:
        readers = [_reader(column, connection) for column in table.columns]
        key = [index for index, column in enumerate(table.columns) if column.primary_key]
        count, first_ids = 0, list[str]()
        for row in _raw_rows(connection, table):
            if all(read(value) for read, value in zip(readers, row, strict=True)):
                continue
            count += 1
            if len(first_ids) < _IDS_SHOWN:
                first_ids.append("/".join(str(row[index]) for index in key))
        if count:
            found.append(UnreadableRows(table.name, count, tuple(first_ids)))
    return found


def broken_rules(connection: Connection) -> list[BrokenRule]:
    """The declared rules of each table that some rows break (damage gets past them)."""
    found = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if not isinstance(constraint, CheckConstraint):
                continue
            condition = str(constraint.sqltext)
            query = f'SELECT COUNT(*) FROM "{table.name}" WHERE NOT ({condition})'
            count = connection.execute(text(query)).scalar_one()
            if count:
                found.append(BrokenRule(table.name, str(constraint.name or condition), count))
    return found


def _raw_rows(connection: Connection, table: Table) -> Iterator[tuple[Any, ...]]:
    columns = ", ".join(f'"{column.name}"' for column in table.columns)
    result = connection.exec_driver_sql(f'SELECT {columns} FROM "{table.name}"')
    while batch := result.fetchmany(_BATCH):
        yield from (tuple(row) for row in batch)


def _reader(column: Column[Any], connection: Connection) -> Callable[[Any], bool]:
    """Whether a raw value reads back as the column's type says."""
    column_type = column.type
    # A number's processor depends on the driver's type code, which a raw read does not
    # carry (PostgreSQL's refuses to be built without it): the value's kind is checked.
    processor = (
        None
        if isinstance(column_type, Numeric | Float)
        else checked_result_processor(column_type, connection.dialect, None)
    )
    nullable = bool(column.nullable)
    length = column_type.length if isinstance(column_type, String) else None

    def readable(value: Any) -> bool:
        if value is None:
            return nullable
        if processor is not None:
            try:
                value = processor(value)
            except StoredValueError:
                return False
        if isinstance(column_type, Boolean):
            return value in (0, 1)
        if isinstance(column_type, Integer):
            return isinstance(value, int)
        if isinstance(column_type, String):
            return isinstance(value, str) and (length is None or len(value) <= length)
        if isinstance(column_type, Numeric | Float):
            return isinstance(value, int | float | Decimal) and not isinstance(value, bool)
        return True

    return readable
