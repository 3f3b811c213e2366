"""The audit chain: an untouched chain verifies; an entry edited, removed or slipped in,
directly in the database, is named in one sentence; an erased details still verifies."""

from __future__ import annotations

import threading

import pytest
from alembic import command
from sqlalchemy import func, select, text

from operline.audit import erase_audit_details
from operline.audit_chain import GENESIS_HASH, chain_hash, entry_fields, verify_audit_chain
from operline.db.engine import Database, open_database
from operline.db.migrate import alembic_config, upgrade_database
from operline.db.models import AuditChain, AuditLog
from operline.settings import write_settings
from tests.actors import COMMAND_LINE
from tests.audit.chain import NOW, problem_of, tamper, write_entries


def test_an_untouched_chain_verifies(database: Database) -> None:
    ids = write_entries(database, 5)
    report = verify_audit_chain(database)
    assert report.intact
    assert (report.entries, report.first_id, report.last_id) == (5, ids[0], ids[-1])
    with database.read() as session:
        last_hash = session.scalar(select(AuditLog.entry_hash).where(AuditLog.id == ids[-1]))
        head = session.get(AuditChain, 1)
        assert head is not None
        assert (head.last_id, head.last_hash) == (ids[-1], last_hash)
    assert report.head_hash == last_hash


def test_an_empty_chain_verifies(database: Database) -> None:
    report = verify_audit_chain(database)
    assert report.intact
    assert (report.entries, report.head_hash) == (0, GENESIS_HASH)


def test_an_entry_edited_in_the_file_is_named(database: Database) -> None:
    ids = write_entries(database, 5)
    tamper(database, f"UPDATE audit_log SET target = '2026-01-01' WHERE id = {ids[2]}")
    assert problem_of(database) == (
        f"Audit entry {ids[2]} was altered: its fields no longer match its hash."
    )


def test_an_entry_edited_and_rehashed_breaks_the_link_of_the_next(database: Database) -> None:
    ids = write_entries(database, 5)
    # A forger who recomputes the edited entry's hash still leaves the next one pointing
    # at the old hash.
    tamper(database, f"UPDATE audit_log SET entry_hash = '{'f' * 64}' WHERE id = {ids[2]}")
    assert problem_of(database) == (
        f"Audit entry {ids[2]} was altered: its fields no longer match its hash."
    )


def test_an_entry_deleted_in_the_file_is_named(database: Database) -> None:
    ids = write_entries(database, 5)
    tamper(database, f"DELETE FROM audit_log WHERE id = {ids[2]}")
    assert problem_of(database) == (
        f"An audit entry was removed before entry {ids[3]}: it does not follow entry {ids[1]}."
    )


def test_the_first_and_the_last_entries_deleted_are_noticed(database: Database) -> None:
    ids = write_entries(database, 5)
    tamper(database, f"DELETE FROM audit_log WHERE id = {ids[-1]}")
    assert problem_of(database) == (
        f"The last audit entries were removed: the chain ends at entry {ids[-2]}, "
        f"but entry {ids[-1]} was written last."
    )
    tamper(database, f"DELETE FROM audit_log WHERE id = {ids[0]}")
    assert problem_of(database) == (
        f"An audit entry was removed before entry {ids[1]}: "
        "it does not follow the start of the chain."
    )


def _gap_after(database: Database, ids: list[int], position: int) -> list[int]:
    """Leave a gap of 100 ids after ``ids[position]`` (ids are not hashed: a chain
    renumbered whole still verifies), where a forger may slip an entry in."""
    tamper(
        database,
        f"UPDATE audit_log SET id = id + 100 WHERE id > {ids[position]}",
        "UPDATE audit_chain SET last_id = last_id + 100",
    )
    return ids[: position + 1] + [id_ + 100 for id_ in ids[position + 1 :]]


def test_ids_with_gaps_still_verify(database: Database) -> None:
    ids = _gap_after(database, write_entries(database, 5), 2)
    report = verify_audit_chain(database)
    assert report.intact
    assert (report.entries, report.last_id) == (5, ids[-1])


def test_an_entry_inserted_in_the_file_is_named(database: Database) -> None:
    ids = _gap_after(database, write_entries(database, 5), 2)
    forged = ids[2] + 1
    tamper(
        database,
        "INSERT INTO audit_log (id, at, operator_id, actor, action, target, details, "
        "details_sha256, previous_hash, entry_hash) "
        f"SELECT {forged}, at, operator_id, actor, action, '2026-01-01', details, "
        f"details_sha256, previous_hash, entry_hash FROM audit_log WHERE id = {ids[2]}",
    )
    assert problem_of(database) == (
        f"Audit entry {forged} was inserted: the entry after it follows the one before it."
    )


def test_an_entry_inserted_with_a_right_hash_is_named_by_the_next(database: Database) -> None:
    ids = _gap_after(database, write_entries(database, 5), 2)
    _forge_after(database, ids[2], ids[2] + 1)
    assert problem_of(database) == (
        f"Audit entry {ids[2] + 1} was inserted: the entry after it follows the one before it."
    )


def test_an_entry_added_after_the_last_is_named(database: Database) -> None:
    ids = write_entries(database, 3)
    _forge_after(database, ids[-1], ids[-1] + 1)
    assert problem_of(database) == (
        f"Audit entry {ids[-1] + 1} was inserted: entry {ids[-1]} was the last one Operline wrote."
    )


def _forge_after(database: Database, after: int, forged: int) -> None:
    """Insert an entry whose link and hash are right, as a forger who read this code would."""
    with database.read() as session:
        entry = session.get(AuditLog, after)
        assert entry is not None
    fields = entry_fields(entry.at, None, entry.actor, entry.action, "2026-01-01", None)
    at = entry.at.strftime("%Y-%m-%d %H:%M:%S.%f") + ("" if database.is_sqlite else "+00")
    tamper(
        database,
        "INSERT INTO audit_log (id, at, operator_id, actor, action, target, details, "
        "details_sha256, previous_hash, entry_hash) VALUES "
        f"({forged}, '{at}', NULL, '{entry.actor}', '{entry.action}', '2026-01-01', NULL, "
        f"NULL, '{entry.entry_hash}', '{chain_hash(entry.entry_hash, fields)}')",
    )


def test_details_erased_with_their_mark_still_verify(database: Database) -> None:
    ids = write_entries(database, 4)
    with database.write() as session:
        assert erase_audit_details(session, [ids[1]], now=NOW) == 1
    with database.read() as session:
        entry = session.get(AuditLog, ids[1])
        assert entry is not None
        assert entry.details is None
        assert entry.details_erased_at == NOW
        assert entry.details_sha256 is not None
    assert verify_audit_chain(database).intact


def test_details_edited_do_not_verify(database: Database) -> None:
    ids = write_entries(database, 4)
    tamper(database, f"UPDATE audit_log SET details = 'page 99' WHERE id = {ids[1]}")
    assert problem_of(database) == (
        f"Audit entry {ids[1]} was altered: its details no longer match their digest."
    )


def test_details_removed_without_the_mark_do_not_verify(database: Database) -> None:
    ids = write_entries(database, 4)
    tamper(database, f"UPDATE audit_log SET details = NULL WHERE id = {ids[1]}")
    assert problem_of(database) == (
        f"Audit entry {ids[1]} was altered: "
        "its details were removed without the mark of an erasure."
    )


def test_erasing_the_digest_with_the_details_does_not_verify(database: Database) -> None:
    ids = write_entries(database, 4)
    with database.write() as session:
        erase_audit_details(session, [ids[1]], now=NOW)
    tamper(database, f"UPDATE audit_log SET details_sha256 = NULL WHERE id = {ids[1]}")
    assert problem_of(database) == (
        f"Audit entry {ids[1]} was altered: its fields no longer match its hash."
    )


def test_the_upgrade_chains_the_entries_already_written(database_url: str) -> None:
    database = open_database(database_url)
    try:
        config = alembic_config()
        with database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0008")
        with database.engine.begin() as connection:
            for minute in range(7):
                connection.execute(
                    text(
                        "INSERT INTO audit_log (at, operator_id, actor, action, target, details) "
                        "VALUES (:at, NULL, 'claire (system) @ poste', 'journal.view', :day, "
                        ":details)"
                    ),
                    {
                        "at": NOW.replace(minute=minute, microsecond=123456).replace(
                            tzinfo=None if database.is_sqlite else NOW.tzinfo
                        ),
                        "day": "2026-11-27",
                        "details": None if minute % 2 else f"page {minute}",
                    },
                )
        upgrade_database(database, now=NOW)
        report = verify_audit_chain(database)
        assert report.intact
        assert report.entries == 7
        write_entries(database, 2)
        assert verify_audit_chain(database).entries == 9
    finally:
        database.dispose()


@pytest.mark.postgres
def test_two_desks_writing_at_once_do_not_fork_the_chain(postgres_url: str) -> None:
    desks = [open_database(postgres_url) for _ in range(2)]
    try:
        upgrade_database(desks[0], now=NOW)
        start = threading.Barrier(2)
        failures: list[BaseException] = []

        def desk(database: Database) -> None:
            try:
                start.wait()
                write_entries(database, 40)
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=desk, args=(database,)) for database in desks]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        report = verify_audit_chain(desks[0])
        assert report.intact, str(report.problem)
        assert report.entries == 80
        with desks[0].read() as session:
            links = session.scalar(select(func.count(func.distinct(AuditLog.previous_hash))))
        assert links == 80  # no two entries chained onto the same one
    finally:
        for database in desks:
            database.dispose()


def test_several_entries_of_one_transaction_chain_one_after_the_other(database: Database) -> None:
    write_settings(
        database,
        {"alerts.urgent_ack_minutes": "4", "audit.months_kept": "18", "desk.name": "NOU"},
        actor=COMMAND_LINE,
        now=NOW,
    )
    report = verify_audit_chain(database)
    assert report.intact
    assert report.entries == 3
