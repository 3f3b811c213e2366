"""Suggestions of the call form kept as counts: calling services, places by sector.

The form used to recount half a year of calls at each new call; the tables are filled
here from the calls of the 180 days before the latest one (older spellings would not be
proposed anyway), with the same faded weights the desk then adds call by call.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A migration stays as it was written: these are the desk's values at this revision
# (operline.incidents.suggestions), copied rather than imported.
LOOKBACK = timedelta(days=180)
HALF_LIFE = timedelta(days=30)
EPOCH = datetime(2024, 1, 1, tzinfo=UTC)
MAX_EXPONENT = 1000.0
BATCH = 5000

_instant = operline.db.types.UTCDateTime(timezone=True)
incident = sa.table(
    "incident",
    sa.column("received_at", _instant),
    sa.column("caller_service", sa.String),
    sa.column("sector_id", sa.Integer),
    sa.column("location", sa.String),
)


def upgrade() -> None:
    op.create_table(
        "caller_suggestion",
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("weight", sa.Double(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("last_seen", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_caller_suggestion")),
    )
    with op.batch_alter_table("caller_suggestion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_caller_suggestion_weight"), ["weight"], unique=False)
    op.create_table(
        "location_suggestion",
        sa.Column("sector_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("weight", sa.Double(), nullable=False),
        sa.Column("uses", sa.Integer(), nullable=False),
        sa.Column("last_seen", operline.db.types.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["sector_id"], ["sector.id"], name=op.f("fk_location_suggestion_sector_id_sector")
        ),
        sa.PrimaryKeyConstraint("sector_id", "name", name=op.f("pk_location_suggestion")),
    )
    with op.batch_alter_table("location_suggestion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_location_suggestion_last_seen"), ["last_seen"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_location_suggestion_sector_weight"),
            ["sector_id", "weight"],
            unique=False,
        )
    _backfill(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("location_suggestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_location_suggestion_sector_weight"))
        batch_op.drop_index(batch_op.f("ix_location_suggestion_last_seen"))
    op.drop_table("location_suggestion")
    with op.batch_alter_table("caller_suggestion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_caller_suggestion_weight"))
    op.drop_table("caller_suggestion")


Counts = dict[tuple[object, ...], tuple[float, int, datetime]]


def _backfill(connection: sa.Connection) -> None:
    latest = connection.scalar(sa.select(sa.func.max(incident.c.received_at)))
    if latest is None:
        return
    callers: Counts = {}
    locations: Counts = {}
    for at, caller, sector_id, place in _recent_calls(connection, latest - LOOKBACK):
        weight = 2.0 ** max(-MAX_EXPONENT, min(MAX_EXPONENT, (at - EPOCH) / HALF_LIFE))
        if caller:
            _count(callers, (caller,), weight, at)
        if place:
            _count(locations, (sector_id, place), weight, at)
    _insert(connection, "caller_suggestion", ("name",), callers)
    _insert(connection, "location_suggestion", ("sector_id", "name"), locations)


def _recent_calls(connection: sa.Connection, since: datetime) -> Iterator[sa.Row[Any]]:
    query = sa.select(
        incident.c.received_at, incident.c.caller_service, incident.c.sector_id, incident.c.location
    ).where(incident.c.received_at >= since)
    # Streamed: on a million calls, the rows are never all in memory at once.
    yield from connection.execute(query.execution_options(yield_per=BATCH))


def _count(counts: Counts, key: tuple[object, ...], weight: float, at: datetime) -> None:
    seen = counts.get(key)
    counts[key] = (
        (weight, 1, at) if seen is None else (seen[0] + weight, seen[1] + 1, max(seen[2], at))
    )


def _insert(connection: sa.Connection, name: str, keys: tuple[str, ...], counts: Counts) -> None:
    table = sa.table(
        name,
        *(sa.column(key) for key in keys),
        sa.column("weight", sa.Double),
        sa.column("uses", sa.Integer),
        sa.column("last_seen", _instant),
    )
    rows = [
        {**dict(zip(keys, key, strict=True)), "weight": w, "uses": n, "last_seen": last}
        for key, (w, n, last) in counts.items()
    ]
    for start in range(0, len(rows), BATCH):
        connection.execute(sa.insert(table), rows[start : start + BATCH])
