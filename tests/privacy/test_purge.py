"""The retention purge: notes erased 90 days after closure, calls anonymised after 2 years."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.actors import ActionRefused
from operline.audit import AuditAction
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Handover, Incident, IncidentEvent
from operline.drafts import DraftStore
from operline.handover import hand_over
from operline.privacy import purge, years_before
from operline.settings import NOTES_DAYS, SettingRefused, write_setting
from tests.actors import COMMAND_LINE, PASSWORD, signed_in, with_password
from tests.incidents.test_stage_refusals import RECEIVED, Desk, small_desk
from tests.privacy.calls import PAST_ANONYMISATION, PAST_NOTES, WORD, wordy_call


@pytest.fixture
def desk(database: Database) -> Desk:
    return small_desk(database)


def _incident(database: Database, incident_id: int) -> Incident:
    with database.read() as session:
        incident = session.get(Incident, incident_id)
        assert incident is not None
        session.expunge(incident)
        return incident


def _texts(database: Database, incident_id: int) -> list[tuple[str, str | None, str | None]]:
    with database.read() as session:
        rows = session.execute(
            select(IncidentEvent.kind, IncidentEvent.old_value, IncidentEvent.new_value)
            .where(IncidentEvent.incident_id == incident_id)
            .order_by(IncidentEvent.id)
        ).all()
    return [(kind, old, new) for kind, old, new in rows]


def _with_word(database: Database, incident_id: int) -> list[str]:
    return [
        kind
        for kind, old, new in _texts(database, incident_id)
        if WORD in (old or "") or WORD in (new or "")
    ]


def test_notes_of_a_call_closed_more_than_90_days_ago_are_erased_everywhere(
    desk: Desk, tmp_path: Path
) -> None:
    call = wordy_call(desk)
    assert _with_word(desk.database, call.incident_id) == [
        "linked_call", "note", "corrected", "corrected",
    ]  # fmt: skip

    report = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    assert (report.notes_erased, report.timeline_lines_erased) == (1, 4)
    assert report.incidents_anonymised == 0
    incident = _incident(desk.database, call.incident_id)
    assert incident.notes is None
    assert _with_word(desk.database, call.incident_id) == []
    # What coordination and the figures need stays until the anonymisation.
    assert incident.location == "Quai de Valmy"
    assert incident.callback_number == "+33199001234"
    assert incident.anonymised_at is None
    kinds = [kind for kind, _, _ in _texts(desk.database, call.incident_id)]
    assert kinds.count("corrected") == 2  # the lines stay, without the text


def test_a_call_closed_less_than_90_days_ago_keeps_its_notes(desk: Desk, tmp_path: Path) -> None:
    call = wordy_call(desk)

    report = purge(
        desk.database,
        actor=COMMAND_LINE,
        now=PAST_NOTES - timedelta(days=2),
        drafts_folder=tmp_path,
    )

    assert not report.erased_anything
    assert WORD in (_incident(desk.database, call.incident_id).notes or "")
    assert len(_with_word(desk.database, call.incident_id)) == 4


def test_a_dry_run_counts_the_same_and_erases_nothing(desk: Desk, tmp_path: Path) -> None:
    call = wordy_call(desk)

    counted = purge(
        desk.database, actor=COMMAND_LINE, now=PAST_NOTES, dry_run=True, drafts_folder=tmp_path
    )

    assert counted.dry_run
    assert (counted.notes_erased, counted.timeline_lines_erased) == (1, 4)
    assert len(_with_word(desk.database, call.incident_id)) == 4
    done = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)
    assert (done.notes_erased, done.timeline_lines_erased) == (1, 4)
    again = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)
    assert not again.erased_anything


def test_a_call_older_than_two_years_is_anonymised(desk: Desk, tmp_path: Path) -> None:
    call = wordy_call(desk)

    report = purge(
        desk.database, actor=COMMAND_LINE, now=PAST_ANONYMISATION, drafts_folder=tmp_path
    )

    assert report.incidents_anonymised == 1
    incident = _incident(desk.database, call.incident_id)
    assert (incident.location, incident.callback_number, incident.notes) == (None, None, None)
    assert incident.sector_id == desk.sector_id  # the place reduced to its sector
    assert incident.caller_service == "BAC 19"
    assert incident.anonymised_at is not None
    with desk.database.read() as session:
        reasons = session.scalars(
            select(IncidentEvent.reason).where(IncidentEvent.incident_id == call.incident_id)
        ).all()
    assert set(reasons) == {None}
    assert _with_word(desk.database, call.incident_id) == []


def test_the_purge_is_audited_with_its_counts_and_a_dry_run_is_not(
    desk: Desk, tmp_path: Path
) -> None:
    wordy_call(desk)

    def purges() -> list[str | None]:
        with desk.database.read() as session:
            return list(
                session.scalars(
                    select(AuditLog.details).where(
                        AuditLog.action == AuditAction.PRIVACY_PURGE.value
                    )
                )
            )

    purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, dry_run=True, drafts_folder=tmp_path)
    assert purges() == []
    purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)
    (details,) = purges()
    assert details is not None
    assert details.startswith("notes erased: 1; timeline lines erased: 4; anonymised: 0")


def test_an_operator_may_not_purge(desk: Desk, tmp_path: Path) -> None:
    wordy_call(desk)
    operator = signed_in(desk.database, "Léa Petit", OperatorRole.OPERATOR)

    with pytest.raises(ActionRefused):
        purge(desk.database, actor=operator, now=PAST_NOTES, drafts_folder=tmp_path)


def test_the_retention_follows_its_settings_within_their_bounds(desk: Desk, tmp_path: Path) -> None:
    call = wordy_call(desk)
    write_setting(desk.database, NOTES_DAYS.key, "30", actor=COMMAND_LINE, now=RECEIVED)

    report = purge(
        desk.database, actor=COMMAND_LINE, now=RECEIVED + timedelta(days=31), drafts_folder=tmp_path
    )

    assert report.notes_erased == 1
    assert _incident(desk.database, call.incident_id).notes is None
    for refused in ("29", "366", "un an"):
        with pytest.raises(SettingRefused):
            write_setting(desk.database, NOTES_DAYS.key, refused, actor=COMMAND_LINE, now=RECEIVED)
    with pytest.raises(SettingRefused):
        write_setting(
            desk.database, "privacy.anonymise_after_years", "6", actor=COMMAND_LINE, now=RECEIVED
        )


def test_a_draft_older_than_the_notes_retention_is_removed(desk: Desk, tmp_path: Path) -> None:
    old, recent = DraftStore(tmp_path / "old"), DraftStore(tmp_path / "recent")
    for store, typed in ((old, PAST_NOTES - timedelta(days=91)), (recent, PAST_NOTES)):
        store.belong_to(desk.database.name)
        store.save({"notes": WORD}, saved_at=typed)

    removed = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=old.folder)
    kept = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=recent.folder)

    assert removed.drafts_removed == 1
    assert list(old.folder.iterdir()) == []
    assert kept.drafts_removed == 0
    assert recent.load() is not None


def test_two_years_back_from_the_29th_of_february() -> None:
    leap = datetime(2028, 2, 29, 12, 0, tzinfo=UTC)

    assert years_before(leap, 2) == datetime(2026, 2, 28, 12, 0, tzinfo=UTC)


def test_every_sqlite_connection_overwrites_what_it_frees(sqlite_database: Database) -> None:
    with sqlite_database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA secure_delete").scalar() == 1


def test_a_note_left_at_a_change_of_shift_is_erased_after_the_same_delay(
    desk: Desk, tmp_path: Path
) -> None:
    incoming = with_password(desk.database, "Karim Haddad", OperatorRole.OPERATOR)
    assert incoming.operator_id is not None
    hand_over(
        desk.database,
        f"Rappeler la maraude pour {WORD}",
        actor=desk.actor,
        to_operator_id=incoming.operator_id,
        password=PASSWORD,
        now=RECEIVED,
    )

    early = purge(desk.database, actor=COMMAND_LINE, now=RECEIVED + timedelta(days=89),
                  drafts_folder=tmp_path)  # fmt: skip
    report = purge(desk.database, actor=COMMAND_LINE, now=PAST_NOTES, drafts_folder=tmp_path)

    assert (early.handover_notes_erased, report.handover_notes_erased) == (0, 1)
    with desk.database.read() as session:
        assert list(session.scalars(select(Handover.note))) == [None]
