"""Human references of incidents, OPL-2026-000123: numbered per year, never reused."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from operline.db.models import ReferenceCounter


def format_reference(year: int, number: int) -> str:
    return f"OPL-{year}-{number:06d}"


def next_reference(session: Session, year: int) -> str:
    """Take the next number of ``year`` inside the caller's write transaction."""
    taken = session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last_number=ReferenceCounter.last_number + 1)
        .returning(ReferenceCounter.last_number)
    ).scalar_one_or_none()
    if taken is not None:
        return format_reference(year, taken)
    try:
        with session.begin_nested():  # two desks may open the year at the same instant
            session.add(ReferenceCounter(year=year, last_number=1))
        return format_reference(year, 1)
    except IntegrityError:
        return next_reference(session, year)
