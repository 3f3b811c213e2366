"""The change sequence: every write leaves one ``change_log`` row, in its own transaction.

Other desks follow the sequence (``operline.db.change_feed``) to redraw what someone else
changed. The row is written by a hook on every write session (``Database.write``), from
the rows the unit of work touched, so no service has to remember it: an incident or its
timeline line names the call and the kind of change, a roster, place, setting or operator
row says that part changed, a handover or a sign-off its Paris day. A bulk statement
whose rows are unknown says "everything changed". Only kinds and ids are stored, never
anybody's words. On PostgreSQL the same transaction sends ``NOTIFY`` with the schema, the
sequence number and the change, and takes a short lock first, so sequence numbers become
visible in their order (a follower reading "after 41" never sees 43 before 42 commits).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, delete, event, func, insert, inspect, select, text
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from operline.changes import Changes, IncidentChange
from operline.db.models import (
    ChangeLog,
    DaySignOff,
    DeskSetting,
    Facility,
    FacilityReport,
    Handover,
    Incident,
    IncidentEvent,
    Operator,
    RosterException,
    Sector,
    ShiftPattern,
    Team,
)
from operline.incidents.events import EventKind
from operline.paris_time import paris_date

#: The PostgreSQL channel each write notifies, carrying its sequence number.
CHANNEL = "operline_changes"
#: How long rows are kept: a desk away longer reads everything again.
KEPT_FOR = timedelta(days=1)
#: One write in this many prunes the rows older than ``KEPT_FOR``.
PRUNE_EVERY = 100
#: Past this many calls, a write says "everything changed" instead of listing them.
MOST_CALLS_LISTED = 500
#: The advisory lock that puts PostgreSQL's sequence numbers in commit order.
_SEQUENCE_LOCK = 720_412
#: The longest change a notification carries (PostgreSQL's payloads stop at 8000 bytes);
#: a longer one is read from its row.
NOTIFIED_CHANGES_LIMIT = 7_000
# Notifications reach every schema of the server: the payload names this one. It carries
# the change too, so a follower that saw the sequence number before redraws at once.
_NOTIFY = text(
    "SELECT pg_notify(:channel, json_build_object("
    "'schema', current_schema(), 'sequence', CAST(:sequence AS bigint),"
    " 'origin', CAST(:origin AS text), 'changes', CAST(:changes AS text)"
    ")::text)"
)

#: What a follower publishes when it cannot tell what changed: every screen reads again.
EVERYTHING = Changes(roster=True, places=True, settings=True, operators=True)

_FOUND = "operline_changes_found"

_EVENT_KINDS: dict[str, IncidentChange] = {
    EventKind.CREATED: IncidentChange.LOGGED,
    EventKind.IMPORTED: IncidentChange.LOGGED,
    EventKind.STAGE: IncidentChange.STAGE,
    EventKind.CLOSED: IncidentChange.STAGE,
    EventKind.UNDO: IncidentChange.STAGE,
    EventKind.ASSIGNED: IncidentChange.TEAM,
    EventKind.REASSIGNED: IncidentChange.TEAM,
    EventKind.NOTE: IncidentChange.NOTE,
    EventKind.LINKED_CALL: IncidentChange.LINKED,
    EventKind.UPDATED: IncidentChange.CORRECTED,
    EventKind.CORRECTED: IncidentChange.CORRECTED,
    EventKind.CORRECTED_AFTER_SIGN_OFF: IncidentChange.CORRECTED,
}
_ROSTER_TABLES = frozenset(
    {"sector", "team", "shift_pattern", "shift_pattern_sector", "roster_exception"}
)
_PLACE_TABLES = frozenset({"facility", "facility_report", "sector_neighbour"})
_OTHER_TABLES: dict[str, Changes] = {
    "desk_setting": Changes(settings=True),
    "operator": Changes(operators=True),
    "incident": EVERYTHING,
    "incident_event": EVERYTHING,
    "handover": EVERYTHING,
    "day_sign_off": EVERYTHING,
}


def record_changes_of(writer: sessionmaker[Session], origin: str) -> None:
    """Have every session of ``writer`` write its change row before it commits."""
    recorder = _Recorder(origin)
    event.listen(writer, "after_flush", _collect_flushed)
    event.listen(writer, "do_orm_execute", _collect_statement)
    event.listen(writer, "before_commit", recorder.record)
    event.listen(writer, "after_rollback", _forget)


def _found(session: Session, changes: Changes) -> None:
    if changes:
        session.info[_FOUND] = session.info.get(_FOUND, Changes()) | changes


def _collect_flushed(session: Session, _context: object) -> None:
    # A row merely touched (a value set to what it was) changed nothing others must redraw.
    modified = [row for row in session.dirty if session.is_modified(row)]
    _found(session, changes_of_rows(session.new, modified, session.deleted))


def _collect_statement(state: ORMExecuteState) -> None:
    if not (state.is_insert or state.is_update or state.is_delete):
        return
    table = getattr(getattr(state.statement, "table", None), "name", "")
    if table in _ROSTER_TABLES:
        _found(state.session, Changes(roster=True))
    elif table in _PLACE_TABLES:
        _found(state.session, Changes(places=True))
    elif table in _OTHER_TABLES:
        _found(state.session, _OTHER_TABLES[table])


def changes_of_rows(
    new: Iterable[object], dirty: Iterable[object], gone: Iterable[object]
) -> Changes:
    """What a flush changed, from the rows it wrote (their kind and ids only)."""
    incidents: dict[int, IncidentChange] = {}
    told: dict[int, IncidentChange] = {}
    flags: dict[str, bool] = {}
    handover_days: set[date] = set()
    signed_days: set[date] = set()
    for row, created in [*((row, True) for row in new), *((row, False) for row in [*dirty, *gone])]:
        if isinstance(row, Incident):
            incidents[row.id] = IncidentChange.LOGGED if created else IncidentChange.STAGE
        elif isinstance(row, IncidentEvent) and row.kind in _EVENT_KINDS:
            told[row.incident_id] = _EVENT_KINDS[row.kind]
        elif isinstance(row, (Sector, Team, ShiftPattern, RosterException)):
            flags["roster"] = True
        elif isinstance(row, (Facility, FacilityReport)):
            flags["places"] = True
        elif isinstance(row, DeskSetting):
            flags["settings"] = True
        elif isinstance(row, Operator):
            flags["operators"] = True
        elif isinstance(row, Handover):
            handover_days.add(paris_date(row.at))
        elif isinstance(row, DaySignOff):
            signed_days.add(row.day)
    # A timeline line says how the call changed better than the call's row does.
    incidents.update(told)
    return Changes(
        incidents=MappingProxyType(incidents),
        handover_days=frozenset(handover_days),
        signed_days=frozenset(signed_days),
        **flags,
    )


class _Recorder:
    """Writes a session's change row; knows the process's origin mark."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        # A database at a schema older than the sequence (being upgraded) has no table:
        # its writes are not followed. Looked for until found, then trusted.
        self.table_found = False

    def record(self, session: Session) -> None:
        # Commit flushes last after this hook: flush now so the last rows are counted too.
        session.flush()
        changes = session.info.pop(_FOUND, None)
        if not changes or not self._table_present(session):
            return
        postgres = session.get_bind().dialect.name == "postgresql"
        if postgres:
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _SEQUENCE_LOCK})
        now = datetime.now(UTC)
        sequence = session.execute(
            insert(ChangeLog)
            .values(at=now, origin=self.origin, changes=encode(changes))
            .returning(ChangeLog.id)
        ).scalar_one()
        if sequence % PRUNE_EVERY == 0:
            session.execute(delete(ChangeLog).where(ChangeLog.at < now - KEPT_FOR))
        if postgres:
            encoded = encode(changes)
            session.execute(
                _NOTIFY,
                {
                    "channel": CHANNEL,
                    "sequence": sequence,
                    "origin": self.origin,
                    "changes": encoded if len(encoded) <= NOTIFIED_CHANGES_LIMIT else None,
                },
            )

    def _table_present(self, session: Session) -> bool:
        if not self.table_found:
            self.table_found = inspect(session.connection()).has_table(ChangeLog.__tablename__)
        return self.table_found


def _forget(session: Session) -> None:
    session.info.pop(_FOUND, None)


def encode(changes: Changes) -> str:
    """The change as compact JSON: kinds and ids, no words."""
    if len(changes.incidents) > MOST_CALLS_LISTED:
        changes = EVERYTHING
    parts: dict[str, Any] = {}
    if changes.incidents:
        parts["i"] = {str(key): kind.value for key, kind in changes.incidents.items()}
    for flag, key in (("roster", "r"), ("places", "p"), ("settings", "s"), ("operators", "o")):
        if getattr(changes, flag):
            parts[key] = 1
    if changes.handover_days:
        parts["h"] = sorted(day.isoformat() for day in changes.handover_days)
    if changes.signed_days:
        parts["d"] = sorted(day.isoformat() for day in changes.signed_days)
    return json.dumps(parts, separators=(",", ":"))


def decode(encoded: str) -> Changes:
    """The ``Changes`` a row holds; a row this version cannot read says everything."""
    try:
        parts = json.loads(encoded)
        return Changes(
            incidents=MappingProxyType(
                {int(key): IncidentChange(kind) for key, kind in parts.get("i", {}).items()}
            ),
            roster="r" in parts,
            places="p" in parts,
            settings="s" in parts,
            operators="o" in parts,
            handover_days=frozenset(date.fromisoformat(day) for day in parts.get("h", [])),
            signed_days=frozenset(date.fromisoformat(day) for day in parts.get("d", [])),
        )
    except (ValueError, TypeError, AttributeError):
        return EVERYTHING


@dataclass(frozen=True)
class Notification:
    """What a PostgreSQL notification says: which schema, which change row, from whom."""

    schema: str
    sequence: int
    origin: str
    #: The change itself; None when it was too long to carry (read it from its row).
    changes: Changes | None


def read_notification(payload: str) -> Notification | None:
    """The notification a payload holds; None for one this version cannot read.

    Versions before the change was carried sent ``schema:sequence``: read as a change
    to fetch from its row, so a desk not upgraded yet is still followed.
    """
    try:
        parts = json.loads(payload)
        changes = parts["changes"]
        return Notification(
            schema=str(parts["schema"]),
            sequence=int(parts["sequence"]),
            origin=str(parts["origin"]),
            changes=None if changes is None else decode(str(changes)),
        )
    except (ValueError, TypeError, KeyError):
        schema, _, sequence = payload.rpartition(":")
        if not schema or not sequence.isdigit():
            return None
        return Notification(schema, int(sequence), origin="", changes=None)


@dataclass(frozen=True)
class HeardChanges:
    """What the sequence holds after a point: up to where, and what others changed."""

    last: int
    changes: Changes


def latest_sequence(connection: Connection) -> int:
    """The last sequence number written (0 for none): where a desk starts following."""
    return int(connection.execute(select(func.coalesce(func.max(ChangeLog.id), 0))).scalar_one())


def changes_since(connection: Connection, after: int, *, origin: str) -> HeardChanges:
    """The changes other processes than ``origin`` wrote after ``after``, merged.

    If the row ``after`` itself was pruned, some rows the desk needed are gone too: it
    is told everything changed.
    """
    rows = connection.execute(
        select(ChangeLog.id, ChangeLog.origin, ChangeLog.changes)
        .where(ChangeLog.id >= after)
        .order_by(ChangeLog.id)
    ).all()
    if not rows:
        return HeardChanges(after, Changes())
    merged = Changes()
    if after > 0 and rows[0].id != after:
        merged = EVERYTHING
    for row in rows:
        if row.id > after and row.origin != origin:
            merged = merged | decode(row.changes)
    return HeardChanges(rows[-1].id, merged)
