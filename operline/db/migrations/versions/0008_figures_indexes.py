"""The figures' indexes: a sector's acknowledged calls and its places, over a period.

A sector's view and the week in charts read the delays of acknowledged calls and the
places calls came from; each had to read the rows of every call of the period. Both
indexes are partial, so only a query asking for acknowledged calls (or calls with a
place) can use them, and the history's and the board's plans stay as they were.

Nothing is added for the history: on SQLite the index on the time already ends with the
row id, so its pages newest first (time, id) read it with no sort, and its filter on
urgent calls reads the priority index with a sort of equal instants only.

On SQLite the planner's statistics are refreshed from a sample afterwards (about 30 ms
at a million calls): it weighs indexes by their statistics, one per index, and a new index
without any would be weighed by guesses against measured neighbours. PostgreSQL keeps its
statistics per column, which an index on existing columns leaves as they were.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FIGURES_INDEXES = (
    (
        "ix_incident_sector_acknowledged",
        ["sector_id", "received_at", "acknowledged_at"],
        "acknowledged_at IS NOT NULL",
    ),
    (
        "ix_incident_sector_location",
        ["sector_id", "location", "received_at"],
        "location IS NOT NULL",
    ),
)


def upgrade() -> None:
    for name, columns, where in FIGURES_INDEXES:
        op.create_index(
            name,
            "incident",
            columns,
            sqlite_where=sa.text(where),
            postgresql_where=sa.text(where),
        )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
        connection.exec_driver_sql("ANALYZE incident")


def downgrade() -> None:
    for name, _columns, _where in reversed(FIGURES_INDEXES):
        op.drop_index(name, table_name="incident")
