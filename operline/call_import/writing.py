"""Writing the calls of the earlier log: incidents, timelines and fingerprints, in bulk.

An import is tens of thousands of calls: one Core ``INSERT`` executed with all the rows
of a table, the references of each year taken in one block, so the write lock is held
for seconds, not minutes. The rows go to the driver as the database stores them (instants
in UTC, as text on SQLite): through untyped columns, with no conversion per value, and
without ``RETURNING``, which SQLite would run row by row; the new ids are read back by
their references, one indexed look-up per few hundred. On SQLite the free-text index of
the history is fed once, after the incidents, as the demo's bulk load does.

The earlier log kept no time of routing: an imported call's ``routed_at`` stays empty
and its team's line stands at the call's reception. Its historical lines are nobody's at
this desk (no operator); the last line, at the instant of the import, says it was
imported and from which file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import TableClause, insert, select, update
from sqlalchemy import column as column_clause
from sqlalchemy import table as table_clause
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from operline.call_import.rows import CallRow
from operline.codes import Status
from operline.db.models import Base, ImportedCall, Incident, IncidentEvent, ReferenceCounter
from operline.db.search_index import indexed_at_the_end
from operline.incidents.events import EventKind
from operline.incidents.references import format_reference
from operline.paris_time import as_utc, to_paris


def _untyped(model: type[Base]) -> TableClause:
    """The model's table with columns of no type: values reach the driver as given."""
    table = Base.metadata.tables[model.__tablename__]
    return table_clause(table.name, *(column_clause(column.name) for column in table.columns))


_INCIDENT = _untyped(Incident)
_EVENT = _untyped(IncidentEvent)
_IMPORTED = _untyped(ImportedCall)
#: How many references one look-up names at most, well under every backend's limit.
_PER_STATEMENT = 500
_CREATED, _ASSIGNED, _STAGE = EventKind.CREATED.value, EventKind.ASSIGNED.value, "stage"
_CLOSED, _UPDATED, _IMPORTED_KIND = EventKind.CLOSED.value, "updated", EventKind.IMPORTED.value


@dataclass(frozen=True)
class ImportSource:
    """Where the calls come from, who imports them, and when."""

    file_name: str
    file_sha256: str
    operator_id: int | None
    now: datetime


def reserve_numbers(session: Session, year: int, count: int) -> int:
    """Take ``count`` reference numbers of ``year`` in one step; returns the first."""
    taken = session.execute(
        update(ReferenceCounter)
        .where(ReferenceCounter.year == year)
        .values(last_number=ReferenceCounter.last_number + count)
        .returning(ReferenceCounter.last_number)
    ).scalar_one_or_none()
    if taken is not None:
        return int(taken) - count + 1
    try:
        with session.begin_nested():  # a desk may open the year at the same instant
            session.execute(insert(ReferenceCounter).values(year=year, last_number=count))
        return 1
    except IntegrityError:
        return reserve_numbers(session, year, count)


def write_calls(
    session: Session, rows: Sequence[CallRow], on_duty: Sequence[bool], source: ImportSource
) -> list[str]:
    """Insert the calls with their timelines and fingerprints; returns their references."""
    if not rows:  # an empty parameter list would insert one row of defaults
        return []
    references = _references(session, rows)
    stored = _stored_instant(session)
    now = stored(source.now)
    with _free_text_indexed(session):
        _insert_incidents(session, rows, references, on_duty, source, stored)
    incident_ids = _incident_ids(session, references)
    events: list[dict[str, object]] = []
    for incident_id, row in zip(incident_ids, rows, strict=True):
        for line in timeline_rows(incident_id, row, source):
            line["at"] = stored(line["at"])  # type: ignore[arg-type]
            events.append(line)
    session.execute(insert(_EVENT), events)
    session.execute(
        insert(_IMPORTED),
        [
            {
                "fingerprint": row.fingerprint,
                "incident_id": incident_id,
                "file_sha256": source.file_sha256,
                "line": row.line,
                "imported_at": now,
            }
            for incident_id, row in zip(incident_ids, rows, strict=True)
        ],
    )
    return references


def _insert_incidents(
    session: Session,
    rows: Sequence[CallRow],
    references: Sequence[str],
    on_duty: Sequence[bool],
    source: ImportSource,
    stored: Callable[[datetime | None], object],
) -> None:
    now = stored(source.now)
    session.execute(
        insert(_INCIDENT),
        [
            {
                "reference": reference,
                "received_at": stored(row.received_at),
                "caller_service": row.caller_service,
                "callback_number": row.callback_number,
                "sector_id": row.sector_id,
                "location": row.location,
                "category": row.category.value,
                "priority": row.priority.value,
                "persons": row.persons,
                "notes": row.notes,
                "status": row.status.value,
                "assigned_team_id": row.team_id,
                "team_on_duty_at_intake": duty,
                "outcome": row.outcome.value if row.outcome is not None else None,
                "orientation_facility_id": row.facility_id,
                "routed_at": None,
                "acknowledged_at": stored(row.acknowledged_at),
                "on_scene_at": stored(row.on_scene_at),
                "closed_at": stored(row.closed_at),
                "created_by_operator_id": source.operator_id,
                "created_at": now,
                "updated_at": now,
                "anonymised_at": None,
                "version": 1,
            }
            for row, reference, duty in zip(rows, references, on_duty, strict=True)
        ],
    )


def _free_text_indexed(session: Session) -> AbstractContextManager[None]:
    """On SQLite, the free-text index fed once at the end, as the demo's bulk load does.

    Row by row, its trigger takes two thirds of the write. PostgreSQL keeps its trigger:
    turning it off would lock the incident table against every desk's reads until commit.
    """
    if session.get_bind().dialect.name == "sqlite":
        return indexed_at_the_end(session)
    return nullcontext()


def _stored_instant(session: Session) -> Callable[[datetime | None], object]:
    """How the database stores an instant, as ``UTCDateTime`` would bind it."""
    if session.get_bind().dialect.name != "sqlite":
        return lambda at: None if at is None else as_utc(at)

    def as_text(at: datetime | None) -> object:
        # SQLAlchemy's SQLite storage format for a DATETIME, of the naive UTC instant.
        if at is None:
            return None
        return as_utc(at).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")

    return as_text


def _incident_ids(session: Session, references: list[str]) -> list[int]:
    """The ids of the incidents just written, in the order of their references."""
    ids: dict[str, int] = {}
    for start in range(0, len(references), _PER_STATEMENT):
        chunk = references[start : start + _PER_STATEMENT]
        found = session.execute(
            select(Incident.reference, Incident.id).where(Incident.reference.in_(chunk))
        )
        ids.update((reference, incident_id) for reference, incident_id in found)
    return [ids[reference] for reference in references]


def _references(session: Session, rows: Sequence[CallRow]) -> list[str]:
    """Each call's reference, numbered in the year (Paris) it was received, in file order."""
    years = [to_paris(row.received_at).year for row in rows]
    next_number = {
        year: reserve_numbers(session, year, count)
        for year, count in sorted(Counter(years).items())
    }
    references = []
    for year in years:
        references.append(format_reference(year, next_number[year]))
        next_number[year] += 1
    return references


def timeline_rows(incident_id: int, row: CallRow, source: ImportSource) -> list[dict[str, object]]:
    """The lines an incident would have had, at their historical times, then the import's."""

    def line(
        at: datetime, kind: str, field: str | None, old: object, new: object, operator: int | None
    ) -> dict[str, object]:
        return {
            "incident_id": incident_id,
            "at": at,
            "operator_id": operator,
            "kind": kind,
            "field": field,
            "old_value": None if old is None else str(old),
            "new_value": None if new is None else str(new),
        }

    received = row.received_at
    lines = [line(received, _CREATED, "status", None, Status.NEW.value, None)]
    status = Status.NEW.value
    if row.team_id is not None:
        lines.append(line(received, _ASSIGNED, "assigned_team_id", None, row.team_id, None))
        status = Status.ROUTED.value
    for at, stage in ((row.acknowledged_at, "acknowledged"), (row.on_scene_at, "on_scene")):
        if at is not None:
            lines.append(line(at, _STAGE, "status", status, stage, None))
            status = stage
    if row.closed_at is not None and row.outcome is not None:
        closed = row.closed_at
        lines.append(line(closed, _STAGE, "status", status, Status.CLOSED.value, None))
        if row.facility_id is not None:
            field = "orientation_facility_id"
            lines.append(line(closed, _UPDATED, field, None, row.facility_id, None))
        lines.append(line(closed, _CLOSED, "outcome", None, row.outcome.value, None))
    lines.append(
        line(source.now, _IMPORTED_KIND, None, None, source.file_name[:500], source.operator_id)
    )
    return lines
