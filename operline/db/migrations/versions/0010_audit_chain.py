"""The audit log as a hash chain: each entry's hash, its details' digest, the chain's head.

Existing entries are chained in id order, from the all-zeros start, exactly as
``operline.audit_chain`` hashes a new one (the encoding is repeated here so this migration
keeps doing what it did whatever later code does). The head row records the last entry.

Revision ID: 0010
Revises: 0009
"""

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import operline.db.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

GENESIS_HASH = "0" * 64
BATCH = 5000

audit_log = sa.table(
    "audit_log",
    sa.column("id", sa.Integer()),
    sa.column("at", operline.db.types.UTCDateTime(timezone=True)),
    sa.column("operator_id", sa.Integer()),
    sa.column("actor", sa.String()),
    sa.column("action", sa.String()),
    sa.column("target", sa.String()),
    sa.column("details", sa.String()),
    sa.column("details_sha256", sa.String()),
    sa.column("previous_hash", sa.String()),
    sa.column("entry_hash", sa.String()),
)


def upgrade() -> None:
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("details_sha256", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column(
                "details_erased_at", operline.db.types.UTCDateTime(timezone=True), nullable=True
            )
        )
        batch_op.add_column(sa.Column("previous_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("entry_hash", sa.String(length=64), nullable=True))
    op.create_table(
        "audit_chain",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=True),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.Column("anchor_id", sa.Integer(), nullable=True),
        sa.Column("anchor_hash", sa.String(length=64), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_audit_chain_one_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_chain")),
    )
    last_id, last_hash = _chain_existing_entries(op.get_bind())
    op.execute(
        sa.text(
            "INSERT INTO audit_chain (id, last_id, last_hash, anchor_id, anchor_hash) "
            "VALUES (1, :last_id, :last_hash, NULL, :genesis)"
        ).bindparams(last_id=last_id, last_hash=last_hash, genesis=GENESIS_HASH)
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.alter_column("previous_hash", existing_type=sa.String(length=64), nullable=False)
        batch_op.alter_column("entry_hash", existing_type=sa.String(length=64), nullable=False)


def _chain_existing_entries(connection: sa.Connection) -> tuple[int | None, str]:
    previous, last_id, after = GENESIS_HASH, None, -1
    columns = (
        audit_log.c.id,
        audit_log.c.at,
        audit_log.c.operator_id,
        audit_log.c.actor,
        audit_log.c.action,
        audit_log.c.target,
        audit_log.c.details,
    )
    change = (
        sa.update(audit_log)
        .where(audit_log.c.id == sa.bindparam("entry_id"))
        .values(
            details_sha256=sa.bindparam("digest"),
            previous_hash=sa.bindparam("previous"),
            entry_hash=sa.bindparam("hash"),
        )
    )
    while True:
        rows = connection.execute(
            sa.select(*columns).where(audit_log.c.id > after).order_by(audit_log.c.id).limit(BATCH)
        ).all()
        updates = []
        for entry_id, at, operator_id, actor, action, target, details in rows:
            digest = None if details is None else hashlib.sha256(details.encode()).hexdigest()
            fields = [_instant(at), operator_id, actor, action, target, digest]
            encoded = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
            entry_hash = hashlib.sha256(previous.encode("ascii") + encoded).hexdigest()
            updates.append(
                {"entry_id": entry_id, "digest": digest, "previous": previous, "hash": entry_hash}
            )
            previous, last_id = entry_hash, entry_id
        if updates:
            connection.execute(change, updates)
        if len(rows) < BATCH:
            return last_id, previous
        after = rows[-1][0]


def _instant(at: datetime) -> str:
    aware = at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
    return aware.isoformat(timespec="microseconds")


def downgrade() -> None:
    op.drop_table("audit_chain")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_column("entry_hash")
        batch_op.drop_column("previous_hash")
        batch_op.drop_column("details_erased_at")
        batch_op.drop_column("details_sha256")
