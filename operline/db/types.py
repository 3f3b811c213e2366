"""Column types shared by the models.

A stored value the model cannot read back (a damaged page can hold any bytes) raises
``StoredValueError``, which the engine reports as a damaged database rather than as a
bare ``ValueError`` deep inside a screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Date, DateTime, Time
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class StoredValueError(ValueError):
    """A value read from the database that its column type cannot hold."""


def checked_result_processor(
    column_type: TypeEngine[Any], dialect: Dialect, coltype: object
) -> Callable[[Any], Any] | None:
    """The column type's result processor for ``dialect``, raising ``StoredValueError``."""
    return _checked(column_type.dialect_impl(dialect).result_processor(dialect, coltype))


def _checked(processor: Callable[[Any], Any] | None) -> Callable[[Any], Any] | None:
    if processor is None:
        return None

    def process(value: Any) -> Any:
        try:
            return processor(value)
        except StoredValueError:
            raise
        except (ValueError, TypeError, OverflowError, AssertionError) as error:
            raise StoredValueError(f"unreadable stored value {value!r}: {error}") from None

    return process


class _Checked(TypeDecorator[Any]):
    """Reads through the implementation's processor, telling damage apart."""

    cache_ok = True

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        return _checked(super().result_processor(dialect, coltype))


class StoredDate(_Checked):
    """A calendar date (``Date``) whose unreadable stored text is reported as damage."""

    impl = Date
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> date | None:
        if value is not None and not isinstance(value, date):
            raise StoredValueError(f"unreadable stored date {value!r}")
        return value


class StoredTime(_Checked):
    """A wall-clock time (``Time``) whose unreadable stored text is reported as damage."""

    impl = Time
    cache_ok = True

    def process_result_value(self, value: Any, dialect: Dialect) -> time | None:
        if value is not None and not isinstance(value, time):
            raise StoredValueError(f"unreadable stored time {value!r}")
        return value


class UTCDateTime(_Checked):
    """An instant: aware datetimes in, aware UTC datetimes out, stored as UTC.

    SQLite has no timezone type, so the value is stored there as naive UTC text, which
    also sorts in time order.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value!r} given for a UTC column")
        utc = value.astimezone(UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise StoredValueError(f"unreadable stored instant {value!r}")
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
