"""Shift handovers: who handed over to whom at a desk, when, and the note left.

Revision ID: 0007
Revises: 0006
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "handover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("from_operator_id", sa.Integer(), nullable=False),
        sa.Column("to_operator_id", sa.Integer(), nullable=False),
        sa.Column("workstation", sa.String(length=80), nullable=False),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column("open_calls", sa.Integer(), nullable=False),
        sa.Column("late_calls", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "from_operator_id <> to_operator_id", name=op.f("ck_handover_not_to_oneself")
        ),
        sa.CheckConstraint(
            "late_calls BETWEEN 0 AND open_calls", name=op.f("ck_handover_late_calls")
        ),
        sa.ForeignKeyConstraint(
            ["from_operator_id"],
            ["operator.id"],
            name=op.f("fk_handover_from_operator_id_operator"),
        ),
        sa.ForeignKeyConstraint(
            ["to_operator_id"], ["operator.id"], name=op.f("fk_handover_to_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handover")),
    )
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.create_index("ix_handover_at", ["at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("handover", schema=None) as batch_op:
        batch_op.drop_index("ix_handover_at")
    op.drop_table("handover")
