"""The tables of Operline, as typed SQLAlchemy 2.0 models.

(Over 400 lines: every table in one place, so the schema reads as one page beside its migrations.)

Every instant is a UTC ``UTCDateTime``; wall-clock shift times are naive ``Time`` values
read in Europe/Paris. Reference codes are stored as their stable codes (``operline.codes``).
No table holds a person's name or identity: the desk records what coordination needs.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    text,
)
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from operline.codes import Category, Outcome, Priority, Status
from operline.db.types import StoredDate, StoredTime, UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _one_of(column: str, codes: type[Category | Priority | Status | Outcome]) -> str:
    listed = ", ".join(f"'{code.value}'" for code in codes)
    return f"{column} IN ({listed})"


#: The incident columns the history filters on (besides the time and the free text).
HISTORY_FILTER_COLUMNS = (
    "sector_id",
    "category",
    "priority",
    "status",
    "outcome",
    "assigned_team_id",
    "orientation_facility_id",
    "team_on_duty_at_intake",
)


def _history_index(column: str, *, name: str = "", where: str = "") -> Index:
    """An index led by ``column`` and the time, carrying the other filter columns."""
    others = [other for other in HISTORY_FILTER_COLUMNS if other != column]
    name = name or f"ix_incident_{column}_received"
    if not where:
        return Index(name, column, "received_at", *others)
    condition = text(where)
    return Index(
        name, column, "received_at", *others, sqlite_where=condition, postgresql_where=condition
    )


def _when_created(context: DefaultExecutionContext) -> object:
    """A row enters the roster when it is written, unless told otherwise."""
    parameters: dict[str, object] = context.get_current_parameters()  # type: ignore[no-untyped-call]
    return parameters["created_at"]


#: The rows of the roster in force: those not retired.
_CURRENT = "retired_at IS NULL"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Sector(Base):
    """A place of the north-east where the line operates; retired, never deleted."""

    __tablename__ = "sector"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


sector_neighbour = Table(
    "sector_neighbour",
    Base.metadata,
    Column("sector_id", ForeignKey("sector.id", ondelete="CASCADE"), primary_key=True),
    Column("neighbour_id", ForeignKey("sector.id", ondelete="CASCADE"), primary_key=True),
    CheckConstraint("sector_id <> neighbour_id", name="not_itself"),
)


class Team(Base):
    """An association or hospital team the desk routes calls to."""

    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    organisation: Mapped[str] = mapped_column(String(120))
    #: Duty phone in E.164 form (+33…), or None when the team has given none.
    phone: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Facility(Base):
    """A place people can be oriented to (shelter, rest space, care unit)."""

    __tablename__ = "facility"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    capacity: Mapped[int | None] = mapped_column(Integer)
    opening_hours: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint("capacity IS NULL OR capacity >= 0", name="capacity"),)


class FacilityReport(Base):
    """How many places a facility reported free, and when."""

    __tablename__ = "facility_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    facility_id: Mapped[int] = mapped_column(ForeignKey("facility.id"))
    free_places: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))

    __table_args__ = (
        CheckConstraint("free_places >= 0", name="free_places"),
        Index("ix_facility_report_facility_reported", "facility_id", "reported_at"),
    )


shift_pattern_sector = Table(
    "shift_pattern_sector",
    Base.metadata,
    Column("pattern_id", ForeignKey("shift_pattern.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sector.id"), primary_key=True),
)


class ShiftPattern(Base):
    """A weekly shift of a team, in Paris wall-clock time; ended, never deleted.

    ``days`` is a bit set, Monday = 1 … Sunday = 64. An end at or before the start means
    the shift crosses midnight and belongs to the day it starts; start = end is 24 hours.
    ``valid_from``/``valid_until`` say on which days the shift runs; ``recorded_at`` and
    ``retired_at`` say when the row was part of the roster (see ``operline.roster.store``).
    """

    __tablename__ = "shift_pattern"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    tier: Mapped[int] = mapped_column(SmallInteger)
    days: Mapped[int] = mapped_column(SmallInteger)
    start_time: Mapped[time] = mapped_column(StoredTime)
    end_time: Mapped[time] = mapped_column(StoredTime)
    all_sectors: Mapped[bool] = mapped_column(Boolean)
    valid_from: Mapped[date | None] = mapped_column(StoredDate)
    valid_until: Mapped[date | None] = mapped_column(StoredDate)
    #: When the shift was first entered; an edit keeps it on the row that replaces it.
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: When this row entered the roster (an add, an edit, an import).
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_when_created)
    #: When this row left the roster (deleted, edited, replaced by an import); None while
    #: it is in force.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    team: Mapped[Team] = relationship()
    sectors: Mapped[list[Sector]] = relationship(secondary=shift_pattern_sector)

    __table_args__ = (
        CheckConstraint("tier IN (1, 2)", name="tier"),
        CheckConstraint("days BETWEEN 1 AND 127", name="days"),
        CheckConstraint(
            "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until",
            name="validity",
        ),
        CheckConstraint("retired_at IS NULL OR recorded_at <= retired_at", name="life"),
        Index("ix_shift_pattern_team", "team_id"),
        # The shifts in force by team (the editor's counts): only they are walked, however
        # long the history behind them.
        Index(
            "ix_shift_pattern_current",
            "team_id",
            sqlite_where=text(_CURRENT),
            postgresql_where=text(_CURRENT),
        ),
        # The rows in force (NULL) and those that left the roster after an instant: the
        # roster in force, and the roster as it stood then, without walking its history.
        Index("ix_shift_pattern_retired", "retired_at"),
    )


roster_exception_sector = Table(
    "roster_exception_sector",
    Base.metadata,
    Column("exception_id", ForeignKey("roster_exception.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sector.id"), primary_key=True),
)


class RosterException(Base):
    """A period where a team is off, replaced by another, or added; removed, never deleted."""

    __tablename__ = "roster_exception"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    kind: Mapped[str] = mapped_column(String(10))
    replacement_team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    all_sectors: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(300))
    author: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: When the exception entered the roster.
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_when_created)
    #: When it was removed; None while it is in force.
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    sectors: Mapped[list[Sector]] = relationship(secondary=roster_exception_sector)

    __table_args__ = (
        CheckConstraint("kind IN ('off', 'replace', 'add')", name="kind"),
        CheckConstraint(
            "(kind = 'replace') = (replacement_team_id IS NOT NULL)", name="replacement"
        ),
        CheckConstraint("starts_at < ends_at", name="period"),
        CheckConstraint("retired_at IS NULL OR recorded_at <= retired_at", name="life"),
        Index("ix_roster_exception_period", "ends_at", "starts_at"),
        # The exceptions in force not over yet, read by the board at every refresh.
        Index(
            "ix_roster_exception_current",
            "ends_at",
            sqlite_where=text(_CURRENT),
            postgresql_where=text(_CURRENT),
        ),
    )


class Operator(Base):
    """A person working at the desk: an operator, a supervisor or an administrator.

    Their name is their login. The password is kept only as an Argon2id hash (see
    ``operline.passwords``); wrong passwords in a row lock the account (``operline.lockout``).
    """

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    #: Wrong passwords typed since the last good one or the last lock.
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    #: Until when sign-ins are refused after too many wrong passwords.
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        CheckConstraint("role IN ('operator', 'supervisor', 'administrator')", name="role"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
    )


class ReferenceCounter(Base):
    """The last incident number given out in a year, for references like OPL-2026-000123."""

    __tablename__ = "reference_counter"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_number: Mapped[int] = mapped_column(Integer)


class Incident(Base):
    """One call from a police crew, followed from intake to its outcome."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    caller_service: Mapped[str | None] = mapped_column(String(120))
    #: Callback number in E.164 form.
    callback_number: Mapped[str | None] = mapped_column(String(20))
    sector_id: Mapped[int] = mapped_column(ForeignKey("sector.id"))
    location: Mapped[str | None] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    priority: Mapped[str] = mapped_column(String(10))
    persons: Mapped[int] = mapped_column(SmallInteger, default=1)
    notes: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(20))
    assigned_team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    #: Whether the roster had a team on duty for the sector when the call came in.
    team_on_duty_at_intake: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str | None] = mapped_column(String(20))
    orientation_facility_id: Mapped[int | None] = mapped_column(ForeignKey("facility.id"))
    routed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    on_scene_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_by_operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    #: When free text and callback number were erased at the end of retention.
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(Integer)

    sector: Mapped[Sector] = relationship()
    assigned_team: Mapped[Team | None] = relationship()
    orientation_facility: Mapped[Facility | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy reads it)

    __table_args__ = (
        CheckConstraint(_one_of("category", Category), name="category"),
        CheckConstraint(_one_of("priority", Priority), name="priority"),
        CheckConstraint(_one_of("status", Status), name="status"),
        CheckConstraint(f"outcome IS NULL OR {_one_of('outcome', Outcome)}", name="outcome"),
        CheckConstraint("persons BETWEEN 1 AND 50", name="persons"),
        CheckConstraint(
            "(status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)",
            name="closed_has_outcome",
        ),
        CheckConstraint(
            "outcome IS NULL OR outcome <> 'oriented' OR orientation_facility_id IS NOT NULL",
            name="oriented_has_facility",
        ),
        # The live board: open incidents, urgent first then oldest first.
        Index(
            "ix_incident_open",
            "priority",
            "received_at",
            sqlite_where=text("status <> 'closed'"),
            postgresql_where=text("status <> 'closed'"),
        ),
        Index("ix_incident_received", "received_at"),
        Index("ix_incident_assigned_team", "assigned_team_id"),
        # The history: each filter has an index led by its column then the time, so it
        # counts and pages newest first from the index alone; the other filter columns
        # ride along, so filters combined are checked in the index, not row by row.
        _history_index("sector_id", name="ix_incident_sector_received"),
        _history_index("category"),
        _history_index("priority"),
        _history_index("outcome"),
        _history_index("assigned_team_id", name="ix_incident_team_received"),
        _history_index(
            "orientation_facility_id",
            name="ix_incident_place_received",
            where="orientation_facility_id IS NOT NULL",
        ),
        # The figures: a sector's acknowledgement delays and its places over a period,
        # read from these alone. Partial, so only a query that says it wants acknowledged
        # calls (or calls with a place) can pick them: the history keeps its own indexes.
        Index(
            "ix_incident_sector_acknowledged",
            "sector_id",
            "received_at",
            "acknowledged_at",
            sqlite_where=text("acknowledged_at IS NOT NULL"),
            postgresql_where=text("acknowledged_at IS NOT NULL"),
        ),
        Index(
            "ix_incident_sector_location",
            "sector_id",
            "location",
            "received_at",
            sqlite_where=text("location IS NOT NULL"),
            postgresql_where=text("location IS NOT NULL"),
        ),
        # Calls that came in while no team was on duty: a few in a hundred.
        Index(
            "ix_incident_no_team_on_duty",
            "received_at",
            sqlite_where=text("team_on_duty_at_intake = 0"),
            postgresql_where=text("NOT team_on_duty_at_intake"),
        ),
    )


class IncidentEvent(Base):
    """One line of an incident's timeline: append-only, never updated."""

    __tablename__ = "incident_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"))
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    kind: Mapped[str] = mapped_column(String(30))
    field: Mapped[str | None] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(String(500))
    new_value: Mapped[str | None] = mapped_column(String(500))
    reason: Mapped[str | None] = mapped_column(String(300))

    __table_args__ = (
        Index("ix_incident_event_incident_at", "incident_id", "at"),
        # The history's "linked or not": the few incidents another call was linked to.
        Index(
            "ix_incident_event_linked_call",
            "incident_id",
            sqlite_where=text("kind = 'linked_call'"),
            postgresql_where=text("kind = 'linked_call'"),
        ),
    )


class AuditLog(Base):
    """Who did or consulted what, and when: append-only."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("operator.id"))
    #: The person or program behind the action when no operator is signed in.
    actor: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(40))
    target: Mapped[str | None] = mapped_column(String(120))
    details: Mapped[str | None] = mapped_column(String(500))
    #: SHA-256 of ``details`` (None when there were none): the chain hashes this digest,
    #: so the privacy purge may erase the text and the chain still verifies.
    details_sha256: Mapped[str | None] = mapped_column(String(64))
    #: When the privacy purge erased ``details``: the mark that makes its absence lawful.
    details_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The previous entry's ``entry_hash`` (or the chain's anchor), as it was when written.
    previous_hash: Mapped[str] = mapped_column(String(64))
    #: SHA-256 of ``previous_hash`` and this entry's fields (``operline.audit_chain``).
    entry_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_log_at", "at"),)


class AuditChain(Base):
    """The audit chain's one row: its last entry, and the anchor it starts from.

    Every audit write locks this row first, so two desks never chain onto the same entry;
    the anchor is the last entry retention removed, from which ``audit verify`` starts.
    """

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_id: Mapped[int | None] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    anchor_id: Mapped[int | None] = mapped_column(Integer)
    anchor_hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)


class Handover(Base):
    """A change of operator at a desk: who handed over to whom, when, and the note left.

    Written when the incoming operator signs in, with the calls still open then.
    """

    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    to_operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    workstation: Mapped[str] = mapped_column(String(80))
    #: The outgoing operator's note; None when they left none.
    note: Mapped[str | None] = mapped_column(String(500))
    open_calls: Mapped[int] = mapped_column(Integer)
    #: Open calls amber or red at the handover.
    late_calls: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("from_operator_id <> to_operator_id", name="not_to_oneself"),
        CheckConstraint("late_calls BETWEEN 0 AND open_calls", name="late_calls"),
        # A day's handovers, for the day log.
        Index("ix_handover_at", "at"),
    )


class DeskSetting(Base):
    """A setting shared by every desk of the database (see ``operline.settings``)."""

    __tablename__ = "desk_setting"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(80))


class CallerSuggestion(Base):
    """A calling service typed on calls, with its use faded by age, for the form's type-ahead.

    Kept up to date by the write that logs a call, so the form never recounts the history.
    """

    __tablename__ = "caller_suggestion"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    #: Recency-weighted uses, on a scale where ordering is the same at any time (see
    #: ``operline.incidents.suggestions``).
    weight: Mapped[float] = mapped_column(Double)
    uses: Mapped[int] = mapped_column(Integer)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)

    # Read in weight order, stopping at the form's limit, whatever the number of names;
    # no index on last_seen, which the planner would prefer and then sort every name.
    # Forgetting faded names scans the table: calling services are a few police units.
    __table_args__ = (Index("ix_caller_suggestion_weight", "weight"),)


class LocationSuggestion(Base):
    """A place typed on calls of a sector, with its use faded by age, for the type-ahead."""

    __tablename__ = "location_suggestion"

    sector_id: Mapped[int] = mapped_column(ForeignKey("sector.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    weight: Mapped[float] = mapped_column(Double)
    uses: Mapped[int] = mapped_column(Integer)
    last_seen: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (
        # The form reads a sector's places in weight order and stops at its limit, however
        # many places were typed in half a year; the window on last_seen filters on the way.
        Index("ix_location_suggestion_sector_weight", "sector_id", "weight"),
        # Forgetting the places unseen for half a year.
        Index("ix_location_suggestion_last_seen", "last_seen"),
    )


class DaySignOff(Base):
    """A supervisor signed off the day log of a Paris calendar day: append-only.

    A day signed again after corrections keeps every earlier sign-off: the last one is the
    day's, the earlier ones tell what was signed before the corrections.
    """

    __tablename__ = "day_sign_off"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(StoredDate)
    operator_id: Mapped[int] = mapped_column(ForeignKey("operator.id"))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (Index("ix_day_sign_off_day", "day", "signed_at"),)


class ImportedCall(Base):
    """A row of the call log kept before Operline, imported as an incident: append-only.

    The fingerprint is that of the row's values as read, so importing a file again (or
    the same rows in another file) adds no incident twice.
    """

    __tablename__ = "imported_call"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), unique=True)
    #: The SHA-256 of the file it came from, as the import's audit entry names it.
    file_sha256: Mapped[str] = mapped_column(String(64))
    line: Mapped[int] = mapped_column(Integer)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ChangeLog(Base):
    """The change sequence: one row per write, so every desk hears what the others did.

    ``id`` is the sequence a desk follows (never reused: SQLite's AUTOINCREMENT); the row
    holds only kinds of change and ids (``operline.db.change_log`` encodes them), never a
    person's words, and is pruned after a day. ``origin`` is the process that wrote it,
    which already redrew what it changed.
    """

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    origin: Mapped[str] = mapped_column(String(16))
    changes: Mapped[str] = mapped_column(String)

    __table_args__ = (Index("ix_change_log_at", "at"), {"sqlite_autoincrement": True})
