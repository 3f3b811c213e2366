"""Logins: the administrator's role, and what the lockout of wrong passwords counts.

``password_hash`` exists since the first schema and stays empty until a password is set;
an operator gains how many wrong passwords were typed in a row and until when sign-ins
are refused. The role column grows to hold "administrator". SQLite rebuilds the table
(batch mode) to change the column and its check constraint.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_operator_role"), type_="check")
        batch_op.alter_column(
            "role",
            existing_type=sa.String(length=12),
            type_=sa.String(length=20),
            existing_nullable=False,
        )
        batch_op.add_column(
            sa.Column("failed_attempts", sa.Integer(), server_default=sa.text("0"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("locked_until", operline.db.types.UTCDateTime(timezone=True), nullable=True)
        )
        batch_op.create_check_constraint(
            op.f("ck_operator_role"), "role IN ('operator', 'supervisor', 'administrator')"
        )
        batch_op.create_check_constraint(
            op.f("ck_operator_failed_attempts"), "failed_attempts >= 0"
        )


def downgrade() -> None:
    with op.batch_alter_table("operator", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_operator_failed_attempts"), type_="check")
        batch_op.drop_constraint(op.f("ck_operator_role"), type_="check")
        batch_op.drop_column("locked_until")
        batch_op.drop_column("failed_attempts")
        batch_op.alter_column(
            "role",
            existing_type=sa.String(length=20),
            type_=sa.String(length=12),
            existing_nullable=False,
        )
        batch_op.create_check_constraint(
            op.f("ck_operator_role"), "role IN ('operator', 'supervisor')"
        )
