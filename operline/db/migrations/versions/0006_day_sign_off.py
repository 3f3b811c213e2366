"""The day log's sign-offs: who signed off a Paris day, and when; kept, never replaced.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "day_sign_off",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=False),
        sa.Column("signed_at", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_day_sign_off_operator_id_operator")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_day_sign_off")),
    )
    with op.batch_alter_table("day_sign_off", schema=None) as batch_op:
        batch_op.create_index("ix_day_sign_off_day", ["day", "signed_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("day_sign_off", schema=None) as batch_op:
        batch_op.drop_index("ix_day_sign_off_day")
    op.drop_table("day_sign_off")
