"""A word typed in a note, a linked call and a correction is gone from every copy once the
notes' retention is over: the SQLite file and its log, the history's index, the drafts
folder, the copies before an upgrade, the automatic backups, the file a restore kept aside,
the GPO export and the day log."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from operline.audit_chain import verify_audit_chain
from operline.day_log import day_log_csv, read_day_log
from operline.db.automatic_backups import write_automatic_backup
from operline.db.engine import Database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.db.search_index import matching_incident_ids, search_words
from operline.drafts import DraftStore
from operline.figures.buckets import IsoWeek
from operline.gpo.export import export_gpo_week
from operline.history.filters import HistoryFilter
from operline.history.search import search_history
from operline.paris_time import paris_date
from operline.privacy import purge
from tests.actors import COMMAND_LINE
from tests.incidents.test_stage_refusals import RECEIVED, at, small_desk
from tests.privacy.calls import PAST_NOTES, WORD, wordy_call
from tests.test_database_upgrade import newer_app

WORDS = (WORD.encode(), WORD.lower().encode())  # the index keeps words folded


def _file_bytes(database: Database) -> bytes:
    """The SQLite file and its write-ahead log, as they lie on disk."""
    path = database.sqlite_path
    assert path is not None
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def _found_by_the_index(database: Database) -> list[int]:
    dialect = database.engine.dialect.name
    with database.read() as session:
        return list(session.scalars(matching_incident_ids(dialect, search_words(WORD))))


def _drafts_with_the_word(folder: Path) -> list[str]:
    return [
        path.name
        for path in folder.rglob("*")
        if path.is_file() and any(word in path.read_bytes() for word in WORDS)
    ]


def _typed_and_crashed(database: Database, folder: Path) -> None:
    """The call typed with the word (its draft discarded once saved), and another call a
    crash left unsaved, typed long ago."""
    typed = DraftStore(folder)
    typed.belong_to(database.name)
    typed.save({"notes": f"Homme au sol, {WORD}"}, saved_at=RECEIVED)
    typed.discard()
    typed.save({"notes": f"Appel perdu, {WORD}"}, saved_at=RECEIVED - timedelta(days=1))


def test_the_word_is_in_no_byte_of_the_sqlite_file_its_log_or_the_drafts(
    sqlite_database: Database, tmp_path: Path
) -> None:
    drafts = tmp_path / "drafts"
    desk = small_desk(sqlite_database)
    wordy_call(desk)
    _typed_and_crashed(sqlite_database, drafts)
    assert WORD.encode() in _file_bytes(sqlite_database)  # the search below can fail
    assert WORD.lower().encode() in _file_bytes(sqlite_database)
    assert _drafts_with_the_word(drafts) != []

    report = purge(sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=drafts)

    assert report.log_emptied is True
    stored = _file_bytes(sqlite_database)
    assert WORD.lower().encode() not in stored
    assert WORD.encode() not in stored
    assert _drafts_with_the_word(drafts) == []


def test_the_word_is_not_in_the_audit_trail_either_which_still_verifies(
    sqlite_database: Database, tmp_path: Path
) -> None:
    call = wordy_call(small_desk(sqlite_database))
    # A supervisor searched the history for the word read in a note.
    searched = search_history(
        sqlite_database, HistoryFilter(text=WORD), actor=call.supervisor, now=at(120)
    )
    assert searched.count == 1

    report = purge(sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    # Each write to the call (logged, linked, noted, routed, closed, corrected and back),
    # and the search.
    assert report.audit_details_erased == 8
    assert WORD.encode() not in _file_bytes(sqlite_database)
    assert verify_audit_chain(sqlite_database).intact


def test_the_word_is_out_of_the_index_and_of_every_export_after_the_purge(
    database: Database, tmp_path: Path, qapp: object
) -> None:
    desk = small_desk(database)
    call = wordy_call(desk)
    assert _found_by_the_index(database) == [call.incident_id]

    purge(database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path / "drafts")

    assert _found_by_the_index(database) == []
    exports = tmp_path / "exports"
    exports.mkdir()
    export_gpo_week(
        database, IsoWeek.of(paris_date(RECEIVED)), exports, actor=COMMAND_LINE, now=PAST_NOTES
    )
    log = read_day_log(database, paris_date(RECEIVED), actor=call.supervisor, now=PAST_NOTES)
    (exports / "journal.csv").write_bytes(day_log_csv(log))
    from operline.ui.journal.printing import write_pdf

    assert write_pdf(log, exports / "journal.pdf", printed_by="Claire Roux") >= 1
    written = sorted(path.name for path in exports.iterdir())
    assert len(written) == 5
    for path in exports.iterdir():
        assert not any(word in path.read_bytes() for word in WORDS), path.name
    # What the PDF is painted from (its text is compressed in the file).
    assert WORD not in repr(log)


def test_a_copy_taken_before_an_upgrade_is_purged_alike(
    sqlite_database: Database, tmp_path: Path
) -> None:
    wordy_call(small_desk(sqlite_database))
    upgraded = upgrade_database(sqlite_database, now=RECEIVED, migrations=newer_app(tmp_path, 1))
    copy = upgraded.backup
    assert copy is not None
    assert WORD.lower().encode() in copy.read_bytes()

    report = purge(sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    assert report.copies_purged == 1
    stored = copy.read_bytes() + _wal_of(copy)
    assert WORD.lower().encode() not in stored
    assert WORD.encode() not in stored


def _wal_of(path: Path) -> bytes:
    wal = path.with_name(path.name + "-wal")
    return wal.read_bytes() if wal.exists() else b""


def test_an_automatic_backup_and_a_file_kept_aside_by_a_restore_are_purged_alike(
    sqlite_database: Database, tmp_path: Path
) -> None:
    wordy_call(small_desk(sqlite_database))
    backup = write_automatic_backup(sqlite_database, now=at(20), every_hours=6).written.path
    path = sqlite_database.sqlite_path
    assert path is not None
    aside = path.with_name(f"{path.name}.before-restore-20261125T212000Z")
    shutil.copyfile(backup, aside)
    for copy in (backup, aside):
        assert WORD.lower().encode() in copy.read_bytes()  # the search below can fail

    dry = purge(
        sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, dry_run=True, drafts_folder=tmp_path
    )
    assert dry.backups_purged == 2
    assert WORD.encode() in backup.read_bytes()  # a dry run erases nothing
    report = purge(sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    assert report.backups_purged == 2
    assert report.copies_not_purged == 0
    for copy in (backup, aside):
        stored = copy.read_bytes() + _wal_of(copy)
        assert WORD.lower().encode() not in stored, copy.name
        assert WORD.encode() not in stored, copy.name
    # Still a sound backup, with the call in it.
    with closing(sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT COUNT(*) FROM incident").fetchone() == (1,)


def test_a_damaged_file_kept_aside_is_told_and_does_not_stop_the_purge(
    sqlite_database: Database, tmp_path: Path
) -> None:
    call = wordy_call(small_desk(sqlite_database))
    path = sqlite_database.sqlite_path
    assert path is not None
    aside = path.with_name(f"{path.name}.before-restore-20261125T212000Z")
    aside.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)

    report = purge(sqlite_database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    assert report.copies_not_purged == 1
    assert report.notes_erased == 1
    with sqlite_database.read() as session:
        incident = session.get(Incident, call.incident_id)
        assert incident is not None
        assert incident.notes is None
