"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27 14:46:02.541735
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "facility",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("opening_hours", sa.String(length=200), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("capacity IS NULL OR capacity >= 0", name=op.f("ck_facility_capacity")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility")),
        sa.UniqueConstraint("name", name=op.f("uq_facility_name")),
    )
    op.create_table(
        "operator",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=True),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("role IN ('operator', 'supervisor')", name=op.f("ck_operator_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operator")),
        sa.UniqueConstraint("name", name=op.f("uq_operator_name")),
    )
    op.create_table(
        "reference_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_reference_counter")),
    )
    op.create_table(
        "sector",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sector")),
        sa.UniqueConstraint("name", name=op.f("uq_sector_name")),
    )
    op.create_table(
        "team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("organisation", sa.String(length=120), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team")),
        sa.UniqueConstraint("name", name=op.f("uq_team_name")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=120), nullable=True),
        sa.Column("details", sa.String(length=500), nullable=True),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_audit_log_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index("ix_audit_log_at", ["at"], unique=False)

    op.create_table(
        "facility_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("free_places", sa.Integer(), nullable=False),
        sa.Column("reported_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("free_places >= 0", name=op.f("ck_facility_report_free_places")),
        sa.ForeignKeyConstraint(
            ["facility_id"], ["facility.id"], name=op.f("fk_facility_report_facility_id_facility")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_facility_report_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility_report")),
    )
    with op.batch_alter_table("facility_report", schema=None) as batch_op:
        batch_op.create_index(
            "ix_facility_report_facility_reported", ["facility_id", "reported_at"], unique=False
        )

    op.create_table(
        "incident",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("received_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("caller_service", sa.String(length=120), nullable=True),
        sa.Column("callback_number", sa.String(length=20), nullable=True),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("priority", sa.String(length=10), nullable=False),
        sa.Column("persons", sa.SmallInteger(), nullable=False),
        sa.Column("notes", sa.String(length=500), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("assigned_team_id", sa.Integer(), nullable=True),
        sa.Column("team_on_duty_at_intake", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("orientation_facility_id", sa.Integer(), nullable=True),
        sa.Column("routed_at", operline.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("acknowledged_at", operline.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("on_scene_at", operline.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("closed_at", operline.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_by_operator_id", sa.Integer(), nullable=True),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("anonymised_at", operline.db.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "(status = 'closed') = (outcome IS NOT NULL AND closed_at IS NOT NULL)",
            name=op.f("ck_incident_closed_has_outcome"),
        ),
        sa.CheckConstraint(
            "category IN ('distress', 'shelter', 'mediation', 'woman', 'minor', 'care', 'other')",
            name=op.f("ck_incident_category"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome <> 'oriented' OR orientation_facility_id IS NOT NULL",
            name=op.f("ck_incident_oriented_has_facility"),
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('taken_in_charge', 'oriented', 'refused', 'not_found', 'cancelled', 'no_follow_up')",
            name=op.f("ck_incident_outcome"),
        ),
        sa.CheckConstraint("priority IN ('urgent', 'normal')", name=op.f("ck_incident_priority")),
        sa.CheckConstraint(
            "status IN ('new', 'routed', 'acknowledged', 'on_scene', 'closed')",
            name=op.f("ck_incident_status"),
        ),
        sa.CheckConstraint("persons BETWEEN 1 AND 50", name=op.f("ck_incident_persons")),
        sa.ForeignKeyConstraint(
            ["assigned_team_id"], ["team.id"], name=op.f("fk_incident_assigned_team_id_team")
        ),
        sa.ForeignKeyConstraint(
            ["created_by_operator_id"],
            ["operator.id"],
            name=op.f("fk_incident_created_by_operator_id_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["orientation_facility_id"],
            ["facility.id"],
            name=op.f("fk_incident_orientation_facility_id_facility"),
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sector.id"], name=op.f("fk_incident_sector_id_sector")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident")),
        sa.UniqueConstraint("reference", name=op.f("uq_incident_reference")),
    )
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.create_index("ix_incident_assigned_team", ["assigned_team_id"], unique=False)
        batch_op.create_index(
            "ix_incident_open",
            ["priority", "received_at"],
            unique=False,
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.create_index("ix_incident_received", ["received_at"], unique=False)
        batch_op.create_index(
            "ix_incident_sector_received", ["sector_id", "received_at"], unique=False
        )

    op.create_table(
        "roster_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("replacement_team_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ends_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("all_sectors", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("author", sa.String(length=80), nullable=False),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "(kind = 'replace') = (replacement_team_id IS NOT NULL)",
            name=op.f("ck_roster_exception_replacement"),
        ),
        sa.CheckConstraint(
            "kind IN ('off', 'replace', 'add')", name=op.f("ck_roster_exception_kind")
        ),
        sa.CheckConstraint("starts_at < ends_at", name=op.f("ck_roster_exception_period")),
        sa.ForeignKeyConstraint(
            ["replacement_team_id"],
            ["team.id"],
            name=op.f("fk_roster_exception_replacement_team_id_team"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_roster_exception_team_id_team")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_exception")),
    )
    with op.batch_alter_table("roster_exception", schema=None) as batch_op:
        batch_op.create_index("ix_roster_exception_period", ["ends_at", "starts_at"], unique=False)

    op.create_table(
        "sector_neighbour",
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("neighbour_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "sector_id <> neighbour_id", name=op.f("ck_sector_neighbour_not_itself")
        ),
        sa.ForeignKeyConstraint(
            ["neighbour_id"],
            ["sector.id"],
            name=op.f("fk_sector_neighbour_neighbour_id_sector"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"],
            ["sector.id"],
            name=op.f("fk_sector_neighbour_sector_id_sector"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sector_id", "neighbour_id", name=op.f("pk_sector_neighbour")),
    )
    op.create_table(
        "shift_pattern",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.SmallInteger(), nullable=False),
        sa.Column("days", sa.SmallInteger(), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.Column("all_sectors", sa.Boolean(), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("valid_until", sa.Date(), nullable=True),
        sa.Column("created_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("days BETWEEN 1 AND 127", name=op.f("ck_shift_pattern_days")),
        sa.CheckConstraint("tier IN (1, 2)", name=op.f("ck_shift_pattern_tier")),
        sa.CheckConstraint(
            "valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until",
            name=op.f("ck_shift_pattern_validity"),
        ),
        sa.ForeignKeyConstraint(
            ["team_id"], ["team.id"], name=op.f("fk_shift_pattern_team_id_team")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_pattern")),
    )
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.create_index("ix_shift_pattern_team", ["team_id"], unique=False)

    op.create_table(
        "incident_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=True),
        sa.Column("old_value", sa.String(length=500), nullable=True),
        sa.Column("new_value", sa.String(length=500), nullable=True),
        sa.Column("reason", sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_incident_event_incident_id_incident")
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_incident_event_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incident_event")),
    )
    with op.batch_alter_table("incident_event", schema=None) as batch_op:
        batch_op.create_index("ix_incident_event_incident_at", ["incident_id", "at"], unique=False)

    op.create_table(
        "roster_exception_sector",
        sa.Column("exception_id", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["exception_id"],
            ["roster_exception.id"],
            name=op.f("fk_roster_exception_sector_exception_id_roster_exception"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sector.id"], name=op.f("fk_roster_exception_sector_sector_id_sector")
        ),
        sa.PrimaryKeyConstraint(
            "exception_id", "sector_id", name=op.f("pk_roster_exception_sector")
        ),
    )
    op.create_table(
        "shift_pattern_sector",
        sa.Column("pattern_id", sa.Integer(), nullable=False),
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["pattern_id"],
            ["shift_pattern.id"],
            name=op.f("fk_shift_pattern_sector_pattern_id_shift_pattern"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sector.id"], name=op.f("fk_shift_pattern_sector_sector_id_sector")
        ),
        sa.PrimaryKeyConstraint("pattern_id", "sector_id", name=op.f("pk_shift_pattern_sector")),
    )


def downgrade() -> None:

    op.drop_table("shift_pattern_sector")
    op.drop_table("roster_exception_sector")
    with op.batch_alter_table("incident_event", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_event_incident_at")

    op.drop_table("incident_event")
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.drop_index("ix_shift_pattern_team")

    op.drop_table("shift_pattern")
    op.drop_table("sector_neighbour")
    with op.batch_alter_table("roster_exception", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_exception_period")

    op.drop_table("roster_exception")
    with op.batch_alter_table("incident", schema=None) as batch_op:
        batch_op.drop_index("ix_incident_sector_received")
        batch_op.drop_index("ix_incident_received")
        batch_op.drop_index(
            "ix_incident_open",
            sqlite_where=sa.text("status <> 'closed'"),
            postgresql_where=sa.text("status <> 'closed'"),
        )
        batch_op.drop_index("ix_incident_assigned_team")

    op.drop_table("incident")
    with op.batch_alter_table("facility_report", schema=None) as batch_op:
        batch_op.drop_index("ix_facility_report_facility_reported")

    op.drop_table("facility_report")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_at")

    op.drop_table("audit_log")
    op.drop_table("team")
    op.drop_table("sector")
    op.drop_table("reference_counter")
    op.drop_table("operator")
    op.drop_table("facility")
