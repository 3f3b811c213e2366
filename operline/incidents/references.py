"""Human references of incidents, OPL-2026-000123: numbered per year, never reused."""

from __future__ import annotations

import re

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.db.models import Incident, ReferenceCounter


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


_TYPED = re.compile(r"(?:OPL[-\s]*)?(?:(\d{4})[-\s/]+)?0*(\d{1,6})", re.IGNORECASE)


def parse_reference(typed: str, *, year: int) -> str | None:
    """The reference meant by what was typed: ``OPL-2026-000123``, ``2026-123``, or ``123``.

    A bare number is one of ``year`` (the desk's Paris year); None if it is no reference.
    """
    match = _TYPED.fullmatch(typed.strip())
    if match is None:
        return None
    number = int(match.group(2))
    if number == 0:
        return None
    return format_reference(int(match.group(1) or year), number)


def find_incident_id(session: Session, reference: str) -> int | None:
    """The id of the incident with this exact reference, if any (one indexed look-up)."""
    return session.execute(
        select(Incident.id).where(Incident.reference == reference)
    ).scalar_one_or_none()


def incident_id_by_reference(database: Database, typed: str, *, year: int) -> int | None:
    """The incident a typed reference names, or None if it names none."""
    reference = parse_reference(typed, year=year)
    if reference is None:
        return None
    with database.read() as session:
        return find_incident_id(session, reference)
