"""The calls imported from the log kept before Operline: one fingerprint a row, once.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "imported_call",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("line", sa.Integer(), nullable=False),
        sa.Column("imported_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["incident_id"], ["incident.id"], name=op.f("fk_imported_call_incident_id_incident")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_call")),
        sa.UniqueConstraint("fingerprint", name=op.f("uq_imported_call_fingerprint")),
        sa.UniqueConstraint("incident_id", name=op.f("uq_imported_call_incident_id")),
    )


def downgrade() -> None:
    op.drop_table("imported_call")
