"""``operline privacy purge [--dry-run]`` tells what it erases, and erases it."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from operline.db.engine import Database
from operline.db.models import Incident, IncidentEvent
from operline.paris_time import now_utc
from tests.command_line import run_operline
from tests.incidents.test_stage_refusals import small_desk
from tests.privacy.calls import WORD, wordy_call


def _closed_long_ago(database: Database) -> None:
    """The call came in and was closed 100 days before today."""
    back = now_utc() - timedelta(days=100)
    with database.write() as session:
        session.execute(
            update(Incident).values(
                received_at=back,
                routed_at=back,
                closed_at=back + timedelta(minutes=10),
                created_at=back,
                updated_at=back,
            )
        )
        session.execute(update(IncidentEvent).values(at=back))


def _word_kept(database: Database) -> bool:
    with database.read() as session:
        notes = session.scalars(select(Incident.notes)).all()
    return any(WORD in (note or "") for note in notes)


def test_a_dry_run_counts_then_the_purge_erases_and_says_what(
    database: Database, database_url: str
) -> None:
    desk = small_desk(database)
    wordy_call(desk)
    _closed_long_ago(database)

    dry = run_operline("privacy", "purge", "--dry-run", "--db", database_url)

    assert dry.returncode == 0, dry.stderr
    lines = dry.stdout.splitlines()
    assert lines[0] == "Dry run: nothing was erased. It would erase:"
    assert lines[1].startswith("notes of 1 call(s) closed before ")
    assert lines[2] == "free text of 4 timeline line(s)"
    assert lines[3].startswith("0 call(s) received before ")
    assert lines[4] == "0 draft(s) of unsaved calls on this computer"
    assert _word_kept(database)

    done = run_operline("privacy", "purge", "--db", database_url)

    assert done.returncode == 0, done.stderr
    erased = done.stdout.splitlines()
    assert erased[0] == "Erased:"
    assert erased[1].startswith("notes of 1 call(s) closed before ")
    assert erased[2] == "free text of 4 timeline line(s)"
    assert not _word_kept(database)


def test_the_purge_speaks_french(database: Database, database_url: str) -> None:
    done = run_operline("privacy", "purge", "--dry-run", "--lang", "fr", "--db", database_url)

    assert done.returncode == 0, done.stderr
    assert (
        done.stdout.splitlines()[0]
        == "Essai à blanc\u00a0: rien n'a été effacé. Seraient effacés\u00a0:"
    )
