"""The roster as it stood: shift patterns and exceptions are ended, never deleted.

Each row gets the instants of its life in the roster: ``recorded_at`` (when it entered;
the rows already there entered when they were created) and ``retired_at`` (when it was
deleted, edited or replaced by an import; NULL while in force). Partial indexes keep the
roster in force read by index however long its history grows.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURRENT = "retired_at IS NULL"
LIFE = "retired_at IS NULL OR recorded_at <= retired_at"
TABLES = ("shift_pattern", "roster_exception")
#: Each table's link table and the column that names its row there.
LINKS = {
    "shift_pattern": ("shift_pattern_sector", "pattern_id"),
    "roster_exception": ("roster_exception_sector", "exception_id"),
}


def _instant() -> operline.db.types.UTCDateTime:
    return operline.db.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("recorded_at", _instant(), nullable=True))
            batch_op.add_column(sa.Column("retired_at", _instant(), nullable=True))
        op.execute(sa.text(f"UPDATE {table} SET recorded_at = created_at"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("recorded_at", existing_type=_instant(), nullable=False)
            batch_op.create_check_constraint(op.f(f"ck_{table}_life"), sa.text(LIFE))
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.create_index(
            "ix_shift_pattern_current",
            ["team_id"],
            unique=False,
            sqlite_where=sa.text(CURRENT),
            postgresql_where=sa.text(CURRENT),
        )
        batch_op.create_index("ix_shift_pattern_retired", ["retired_at"], unique=False)
    with op.batch_alter_table("roster_exception", schema=None) as batch_op:
        batch_op.create_index(
            "ix_roster_exception_current",
            ["ends_at"],
            unique=False,
            sqlite_where=sa.text(CURRENT),
            postgresql_where=sa.text(CURRENT),
        )


def downgrade() -> None:
    with op.batch_alter_table("roster_exception", schema=None) as batch_op:
        batch_op.drop_index("ix_roster_exception_current")
    with op.batch_alter_table("shift_pattern", schema=None) as batch_op:
        batch_op.drop_index("ix_shift_pattern_retired")
        batch_op.drop_index("ix_shift_pattern_current")
    for table in TABLES:
        # The older schema has no history: rows no longer in force are what it deleted.
        link, owner = LINKS[table]
        op.execute(
            sa.text(
                f"DELETE FROM {link} WHERE {owner} IN "
                f"(SELECT id FROM {table} WHERE retired_at IS NOT NULL)"
            )
        )
        op.execute(sa.text(f"DELETE FROM {table} WHERE retired_at IS NOT NULL"))
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f"ck_{table}_life"), type_="check")
            batch_op.drop_column("retired_at")
            batch_op.drop_column("recorded_at")
