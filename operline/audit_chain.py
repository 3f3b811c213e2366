"""The audit log as a hash chain: how an entry is hashed, and the walk that checks them all.

Each entry stores ``entry_hash``, the SHA-256 of the previous entry's hash followed by a
canonical encoding of its own fields: the instant as UTC ISO text, the operator id, the
actor, the action, the target and the SHA-256 of the details. The chain hashes the
digest of the details, not the text, and keeps that digest in its own column: the privacy
purge may erase a details text (setting ``details_erased_at``, its mark) and the chain still
verifies, as long as the digest is intact. A details text missing without that mark, or
one that no longer matches its digest, is reported as altered.

The chain starts from an anchor: all zeros, until retention removes the oldest entries
and keeps the hash and id of the last one removed. The one ``audit_chain`` row also keeps
the last entry written, so an entry removed from the end, or one added after it outside
Operline, is noticed too. Anyone able to rewrite the whole table can recompute every hash:
the head hash that ``operline audit verify`` prints, noted elsewhere, is what proves later
that the chain was not rewritten since.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from operline.db.engine import Database
from operline.db.models import AuditChain, AuditLog
from operline.paris_time import as_utc
from operline.sentences import QT_TRANSLATE_NOOP, Sentence

#: Where a chain starts before retention has removed anything.
GENESIS_HASH = "0" * 64
#: Entries read per query by the walk.
BATCH = 5000
#: The canonical encoding's encoder: compact JSON, non-ASCII kept as UTF-8.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def details_digest(details: str | None) -> str | None:
    """The SHA-256 of a details text, as hex; None when there is none."""
    if details is None:
        return None
    return hashlib.sha256(details.encode("utf-8")).hexdigest()


def entry_fields(
    at: datetime,
    operator_id: int | None,
    actor: str,
    action: str,
    target: str | None,
    details_sha256: str | None,
) -> bytes:
    """The canonical encoding of an entry's fields: a compact JSON array in UTF-8."""
    instant = as_utc(at).isoformat(timespec="microseconds")
    fields = [instant, operator_id, actor, action, target, details_sha256]
    return _ENCODER.encode(fields).encode("utf-8")


def chain_hash(previous_hash: str, fields: bytes) -> str:
    """The hash of an entry: SHA-256 of the previous hash (hex) and its fields."""
    return hashlib.sha256(previous_hash.encode("ascii") + fields).hexdigest()


class StoredEntry(NamedTuple):
    """An audit entry as the database holds it, for the walk (a tuple: a million are made)."""

    id: int
    at: datetime
    operator_id: int | None
    actor: str
    action: str
    target: str | None
    details: str | None
    details_sha256: str | None
    details_erased_at: datetime | None
    previous_hash: str
    entry_hash: str

    def computed_hash(self) -> str:
        fields = entry_fields(
            self.at, self.operator_id, self.actor, self.action, self.target, self.details_sha256
        )
        return chain_hash(self.previous_hash, fields)

    def details_problem(self) -> Sentence | None:
        """Why the details do not agree with their digest, or None."""
        if self.details is not None:
            if details_digest(self.details) != self.details_sha256:
                return _DETAILS_ALTERED(id=self.id)
            return None
        if self.details_sha256 is not None and self.details_erased_at is None:
            return _DETAILS_REMOVED(id=self.id)
        return None


@dataclass(frozen=True)
class ChainReport:
    """What ``verify_audit_chain`` found: how much it checked, and the first problem."""

    entries: int
    first_id: int | None
    last_id: int | None
    #: The hash of the last entry checked (the anchor's when there is none).
    head_hash: str
    #: The last entry retention removed, when it removed any.
    anchor_id: int | None
    #: One sentence naming the first entry found altered, removed or inserted.
    problem: Sentence | None = None

    @property
    def intact(self) -> bool:
        return self.problem is None


_ALTERED = QT_TRANSLATE_NOOP(
    "AuditMessages", "Audit entry {id} was altered: its fields no longer match its hash."
)
_DETAILS_ALTERED = QT_TRANSLATE_NOOP(
    "AuditMessages", "Audit entry {id} was altered: its details no longer match their digest."
)
_DETAILS_REMOVED = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "Audit entry {id} was altered: its details were removed without the mark of an erasure.",
)
_INSERTED = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "Audit entry {id} was inserted: the entry after it follows the one before it.",
)
_REMOVED = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "An audit entry was removed before entry {id}: it does not follow entry {previous}.",
)
_REMOVED_AT_START = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "An audit entry was removed before entry {id}: it does not follow the start of the chain.",
)
_INSERTED_BEFORE_START = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "Audit entry {id} was inserted: the chain starts after entry {anchor}, "
    "the last one retention removed.",
)
_REMOVED_AT_END = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "The last audit entries were removed: the chain ends at entry {id}, "
    "but entry {last} was written last.",
)
_ALL_REMOVED = QT_TRANSLATE_NOOP(
    "AuditMessages", "Every audit entry was removed: entry {last} was written last."
)
_ADDED_AT_END = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "Audit entry {id} was inserted: entry {last} was the last one Operline wrote.",
)
_LAST_ALTERED = QT_TRANSLATE_NOOP(
    "AuditMessages",
    "Audit entry {id} was altered: the last entry's hash is not the one Operline wrote.",
)
_NO_HEAD = QT_TRANSLATE_NOOP(
    "AuditMessages", "The audit chain's head was removed: its start and end are unknown."
)


def verify_audit_chain(database: Database) -> ChainReport:
    """Walk the chain in id order; the first entry altered, removed or inserted, if any."""
    with database.read() as session:
        if not database.is_sqlite:
            # One snapshot for the whole walk, so a desk writing meanwhile is not an insertion
            # (SQLite's read transaction already is one).
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        head = session.get(AuditChain, 1)
        if head is None:
            return ChainReport(0, None, None, GENESIS_HASH, None, _NO_HEAD())
        return _walk(session, head)


def _walk(session: Session, head: AuditChain) -> ChainReport:
    anchor_id = head.anchor_id
    before_anchor = None
    if anchor_id is not None:
        before_anchor = session.scalar(
            select(func.min(AuditLog.id)).where(AuditLog.id <= anchor_id)
        )
    expected, before_expected = head.anchor_hash, None
    previous_id: int | None = None
    first_id: int | None = None
    count = 0

    def report(problem: Sentence | None) -> ChainReport:
        return ChainReport(count, first_id, previous_id, expected, anchor_id, problem)

    if before_anchor is not None:
        return report(_INSERTED_BEFORE_START(id=before_anchor, anchor=anchor_id))
    entries = stored_entries(session, after=anchor_id)
    for entry, following in itertools.pairwise(itertools.chain(entries, (None,))):
        assert entry is not None
        linked = entry.previous_hash == expected
        if not linked or entry.computed_hash() != entry.entry_hash:
            if following is not None and following.previous_hash == expected:
                return report(_INSERTED(id=entry.id))
            if not linked and previous_id is not None and entry.previous_hash == before_expected:
                return report(_INSERTED(id=previous_id))
            if not linked and previous_id is None:
                return report(_REMOVED_AT_START(id=entry.id))
            if not linked:
                return report(_REMOVED(id=entry.id, previous=previous_id))
            return report(_ALTERED(id=entry.id))
        details = entry.details_problem()
        if details is not None:
            return report(details)
        before_expected, expected = expected, entry.entry_hash
        previous_id = entry.id
        first_id = entry.id if first_id is None else first_id
        count += 1
    return report(_end_problem(head, previous_id, expected))


def _end_problem(head: AuditChain, last_seen: int | None, last_hash: str) -> Sentence | None:
    if head.last_id is None or head.last_id == head.anchor_id:
        if last_seen is None:
            return None
        return _ADDED_AT_END(id=last_seen, last=head.last_id)
    if last_seen is None:
        return _ALL_REMOVED(last=head.last_id)
    if last_seen < head.last_id:
        return _REMOVED_AT_END(id=last_seen, last=head.last_id)
    if last_seen > head.last_id:
        return _ADDED_AT_END(id=last_seen, last=head.last_id)
    if last_hash != head.last_hash:
        return _LAST_ALTERED(id=last_seen)
    return None


#: The columns of an entry, in the order of ``StoredEntry``.
ENTRY_COLUMNS = (
    AuditLog.id,
    AuditLog.at,
    AuditLog.operator_id,
    AuditLog.actor,
    AuditLog.action,
    AuditLog.target,
    AuditLog.details,
    AuditLog.details_sha256,
    AuditLog.details_erased_at,
    AuditLog.previous_hash,
    AuditLog.entry_hash,
)


def stored_entries(
    session: Session,
    *,
    after: int | None = None,
    between: tuple[datetime, datetime] | None = None,
) -> Iterator[StoredEntry]:
    """Every entry after id ``after`` (and written in ``[start, end)`` when ``between`` is
    given), in id order, read a batch at a time."""
    chosen = [] if between is None else [AuditLog.at >= between[0], AuditLog.at < between[1]]
    last = after if after is not None else -1
    while True:
        # Core rows: the walk needs plain values, not what the ORM builds around them.
        rows = (
            session.connection()
            .execute(
                select(*ENTRY_COLUMNS)
                .where(AuditLog.id > last, *chosen)
                .order_by(AuditLog.id)
                .limit(BATCH)
            )
            .all()
        )
        for row in rows:
            yield StoredEntry._make(row)
        if len(rows) < BATCH:
            return
        last = rows[-1][0]
