"""The tables of Operline, as typed SQLAlchemy 2.0 models.

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
    """A weekly shift of a team, in Paris wall-clock time.

    ``days`` is a bit set, Monday = 1 … Sunday = 64. An end at or before the start means
    the shift crosses midnight and belongs to the day it starts; start = end is 24 hours.
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
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    team: Mapped[Team] = relationship()
    sectors: Mapped[list[Sector]] = relationship(secondary=shift_pattern_sector)

    __table_args__ = (
        CheckConstraint("tier IN (1, 2)", name="tier"),
        CheckConstraint("days BETWEEN 1 AND 127", name="days"),
        CheckConstraint(
            "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until",
            name="validity",
        ),
        Index("ix_shift_pattern_team", "team_id"),
    )


roster_exception_sector = Table(
    "roster_exception_sector",
    Base.metadata,
    Column("exception_id", ForeignKey("roster_exception.id", ondelete="CASCADE"), primary_key=True),
    Column("sector_id", ForeignKey("sector.id"), primary_key=True),
)


class RosterException(Base):
    """A period where a team is off, replaced by another, or added to the roster."""

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

    sectors: Mapped[list[Sector]] = relationship(secondary=roster_exception_sector)

    __table_args__ = (
        CheckConstraint("kind IN ('off', 'replace', 'add')", name="kind"),
        CheckConstraint(
            "(kind = 'replace') = (replacement_team_id IS NOT NULL)", name="replacement"
        ),
        CheckConstraint("starts_at < ends_at", name="period"),
        Index("ix_roster_exception_period", "ends_at", "starts_at"),
    )


class Operator(Base):
    """A person working at the desk: an operator or a supervisor."""

    __tablename__ = "operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint("role IN ('operator', 'supervisor')", name="role"),)


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
        Index("ix_incident_sector_received", "sector_id", "received_at"),
        Index("ix_incident_received", "received_at"),
        Index("ix_incident_assigned_team", "assigned_team_id"),
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

    __table_args__ = (Index("ix_incident_event_incident_at", "incident_id", "at"),)


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

    __table_args__ = (Index("ix_audit_log_at", "at"),)


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
