"""The roster editor's services on SQLite and PostgreSQL: checks, changes, history, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import select

from operline.actors import system_actor
from operline.db.engine import Database
from operline.db.models import AuditLog, Incident, Team
from operline.roster.editing import (
    Check,
    ExceptionDraft,
    FacilityDraft,
    PatternDraft,
    Problem,
    RosterEditRefused,
    SectorDraft,
    TeamDraft,
    add_exception,
    add_facility,
    add_sector,
    add_shift_pattern,
    add_team,
    check_exception,
    check_facility,
    check_sector,
    check_team,
    facility_kinds,
    list_exceptions,
    list_facilities,
    list_sectors,
    list_teams,
    remove_exception,
    restore_team,
    retire_facility,
    retire_sector,
    retire_team,
    update_facility,
    update_sector,
    update_team,
)
from operline.roster.engine import on_duty_teams
from operline.roster.store import load_roster
from tests.actors import WORKSTATION

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
ACTOR = system_actor("Claire Dumont", WORKSTATION)
KARIM = system_actor("Karim Haddad", WORKSTATION)
EVERY_DAY = frozenset(range(7))


def codes(check: Check) -> list[tuple[str, Problem]]:
    return [(problem.field, problem.code) for problem in check.errors]


def warning_codes(check: Check) -> list[tuple[str, Problem]]:
    return [(problem.field, problem.code) for problem in check.warnings]


def audit_rows(database: Database, prefix: str = "roster.") -> list[tuple[str, str, str | None]]:
    with database.read() as session:
        rows = session.execute(
            select(AuditLog.actor, AuditLog.action, AuditLog.target)
            .where(AuditLog.action.startswith(prefix))
            .order_by(AuditLog.id)
        ).all()
        return list(rows)


def team(database: Database, name: str, phone: str = "01 99 00 12 34") -> int:
    return add_team(database, TeamDraft(name, "Association", phone), actor=ACTOR, now=NOW).id


def sector(database: Database, name: str) -> int:
    return add_sector(database, SectorDraft(name), actor=ACTOR, now=NOW).id


def night(team_id: int, sectors: frozenset[int] | None, **changes: object) -> PatternDraft:
    draft = PatternDraft(team_id, 1, EVERY_DAY, time(20), time(8), sectors)
    return replace(draft, **changes)  # type: ignore[arg-type]


# Teams


def test_a_team_is_saved_with_its_phone_in_e164_and_audited(database: Database) -> None:
    saved = add_team(
        database,
        TeamDraft("  Maraude Nord ", "Association", "01 99 00 12 34"),
        actor=ACTOR,
        now=NOW,
    )

    assert (saved.name, saved.phone, saved.active) == ("Maraude Nord", "+33199001234", True)
    assert list_teams(database) == [saved]
    assert saved.draft().phone == "01 99 00 12 34"
    assert audit_rows(database) == [(ACTOR.audit_name, "roster.team.add", f"team {saved.id}")]


def test_team_names_are_required_and_unique_ignoring_case_and_accents(
    database: Database,
) -> None:
    team(database, "Équipe Éole")

    empty = check_team(database, TeamDraft("  ", "", "01 99 00 12 34"))
    clash = check_team(database, TeamDraft("equipe EOLE", "Association", ""))
    long = check_team(database, TeamDraft("x" * 121, "Association", ""))

    assert codes(empty) == [("name", Problem.REQUIRED), ("organisation", Problem.REQUIRED)]
    assert codes(clash) == [("name", Problem.NAME_TAKEN)]
    assert clash.errors[0].message == "Équipe Éole already exists."
    assert codes(long) == [("name", Problem.TOO_LONG)]
    assert long.errors[0].values == (("limit", "120"),)


def test_a_team_keeps_its_own_name_in_another_case(database: Database) -> None:
    team_id = team(database, "Maraude Nord")

    draft = TeamDraft("MARAUDE NORD", "Association", "01 99 00 12 34")
    assert check_team(database, draft, team_id=team_id).ok


def test_a_retired_team_name_asks_to_bring_the_team_back(database: Database) -> None:
    retire_team(database, team(database, "UASA binôme 3"), actor=ACTOR, now=NOW)

    check = check_team(database, TeamDraft("uasa binome 3", "Police", ""))

    assert codes(check) == [("name", Problem.NAME_TAKEN_RETIRED)]


def test_an_invalid_phone_is_refused_and_nothing_is_written(database: Database) -> None:
    draft = TeamDraft("Maraude Nord", "Association", "01 99 00")

    assert codes(check_team(database, draft)) == [("phone", Problem.PHONE_INVALID)]
    with pytest.raises(RosterEditRefused) as refused:
        add_team(database, draft, actor=ACTOR, now=NOW)

    assert [p.code for p in refused.value.errors] == [Problem.PHONE_INVALID]
    assert list_teams(database) == []
    assert audit_rows(database) == []


def test_a_team_without_phone_is_saved_with_a_warning(database: Database) -> None:
    draft = TeamDraft("UASA binôme 1", "Police municipale", "")

    check = check_team(database, draft)
    saved = add_team(database, draft, actor=ACTOR, now=NOW)

    assert check.ok
    assert warning_codes(check) == [("phone", Problem.NO_PHONE)]
    assert saved.phone is None


def test_updating_a_team_audits_what_changed_and_nothing_when_nothing_did(
    database: Database,
) -> None:
    team_id = team(database, "Maraude Nord")

    update_team(
        database, team_id, TeamDraft("Maraude Nord", "Association", "01 99 00 12 34"),
        actor=ACTOR, now=NOW,
    )  # fmt: skip
    updated = update_team(
        database, team_id, TeamDraft("Maraude Nord-Est", "Association", "01 99 00 55 66"),
        actor=KARIM, now=NOW,
    )  # fmt: skip

    assert (updated.name, updated.phone) == ("Maraude Nord-Est", "+33199005566")
    assert [action for _, action, _ in audit_rows(database)] == [
        "roster.team.add",
        "roster.team.update",
    ]
    with database.read() as session:
        details = session.scalars(
            select(AuditLog.details).where(AuditLog.action == "roster.team.update")
        ).one()
    assert "name: 'Maraude Nord' → 'Maraude Nord-Est'" in details
    assert "phone: '+33199001234' → '+33199005566'" in details


def test_a_phone_saved_before_the_check_is_kept_when_other_fields_change(
    database: Database,
) -> None:
    with database.write() as session:
        old = Team(name="Maraude", organisation="Asso", phone="+33199005101", created_at=NOW)
        session.add(old)
        session.flush()
        team_id = old.id
    [record] = list_teams(database)

    renamed = update_team(
        database, team_id, replace(record.draft(), name="Maraude de nuit"), actor=ACTOR, now=NOW
    )

    assert renamed.phone == "+33199005101"


def test_retiring_a_team_keeps_its_calls_and_takes_it_off_duty(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    team_id = team(database, "Maraude de nuit")
    add_shift_pattern(database, night(team_id, frozenset({stalingrad})), actor=ACTOR, now=NOW)
    incident_id = _store_incident(database, stalingrad, team_id)

    retired = retire_team(database, team_id, actor=ACTOR, now=NOW)

    assert (retired.active, retired.shift_patterns) == (False, 1)
    with database.read() as session:
        assert session.get(Incident, incident_id).assigned_team.name == "Maraude de nuit"
        roster = load_roster(session)
    assert on_duty_teams(roster, stalingrad, datetime(2026, 11, 27, 22, tzinfo=UTC)) == []
    assert audit_rows(database)[-1] == (ACTOR.audit_name, "roster.team.retire", f"team {team_id}")

    restore_team(database, team_id, actor=ACTOR, now=NOW)
    with database.read() as session:
        roster = load_roster(session)
    assert [d.name for d in on_duty_teams(roster, stalingrad, NOW + timedelta(hours=5))] == [
        "Maraude de nuit"
    ]


# Sectors


def test_a_renamed_sector_keeps_its_calls(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    incident_id = _store_incident(database, stalingrad, None)

    renamed = update_sector(
        database, stalingrad, SectorDraft("Stalingrad – Jaurès"), actor=ACTOR, now=NOW
    )

    assert renamed.id == stalingrad
    with database.read() as session:
        assert session.get(Incident, incident_id).sector.name == "Stalingrad – Jaurès"
    assert audit_rows(database)[-1] == (
        ACTOR.audit_name,
        "roster.sector.update",
        f"sector {stalingrad}",
    )


def test_sector_names_are_checked_and_new_sectors_go_last(database: Database) -> None:
    first = sector(database, "Éole")
    sector(database, "Rosa Parks")

    assert codes(check_sector(database, SectorDraft("eole"))) == [("name", Problem.NAME_TAKEN)]
    assert codes(check_sector(database, SectorDraft(""))) == [("name", Problem.REQUIRED)]
    assert check_sector(database, SectorDraft("EOLE"), sector_id=first).ok
    assert [s.name for s in list_sectors(database)] == ["Éole", "Rosa Parks"]


def test_retiring_a_sector_keeps_it_and_its_history(database: Database) -> None:
    forceval = sector(database, "Forceval")
    incident_id = _store_incident(database, forceval, None)

    retire_sector(database, forceval, actor=ACTOR, now=NOW)

    [kept] = list_sectors(database)
    assert (kept.name, kept.active) == ("Forceval", False)
    with database.read() as session:
        assert session.get(Incident, incident_id).sector_id == forceval
    assert audit_rows(database)[-1] == (
        ACTOR.audit_name,
        "roster.sector.retire",
        f"sector {forceval}",
    )


def test_changing_what_someone_else_removed_is_refused(database: Database) -> None:
    with pytest.raises(RosterEditRefused) as refused:
        update_sector(database, 999, SectorDraft("Nulle part"), actor=ACTOR, now=NOW)

    assert [p.code for p in refused.value.errors] == [Problem.GONE]


# Places


def test_places_are_checked_saved_updated_and_retired(database: Database) -> None:
    bad = FacilityDraft("", "", phone="12", capacity=-1, address="x" * 201)
    assert codes(check_facility(database, bad)) == [
        ("name", Problem.REQUIRED),
        ("kind", Problem.REQUIRED),
        ("address", Problem.TOO_LONG),
        ("phone", Problem.PHONE_INVALID),
        ("capacity", Problem.CAPACITY_NEGATIVE),
    ]
    draft = FacilityDraft(
        "Halte de nuit", "halte de nuit", "Paris 19e", "01 99 00 02 02", 25, "20 h – 8 h"
    )
    saved = add_facility(database, draft, actor=ACTOR, now=NOW)
    assert (saved.phone, saved.capacity) == ("+33199000202", 25)
    assert codes(check_facility(database, replace(draft, name="HALTE de nuit"))) == [
        ("name", Problem.NAME_TAKEN)
    ]

    update_facility(database, saved.id, replace(draft, capacity=None), actor=ACTOR, now=NOW)
    retire_facility(database, saved.id, actor=ACTOR, now=NOW)

    [kept] = list_facilities(database)
    assert (kept.capacity, kept.active, kept.draft().phone) == (None, False, "01 99 00 02 02")
    assert facility_kinds(database) == ["halte de nuit"]
    assert [action for _, action, _ in audit_rows(database)] == [
        "roster.facility.add",
        "roster.facility.update",
        "roster.facility.retire",
    ]


def _store_incident(database: Database, sector_id: int, team_id: int | None) -> int:
    with database.write() as session:
        incident = Incident(
            reference="OPL-2026-000001",
            received_at=NOW,
            sector_id=sector_id,
            category="distress",
            priority="normal",
            persons=1,
            status="routed" if team_id else "new",
            assigned_team_id=team_id,
            team_on_duty_at_intake=True,
            created_at=NOW,
            updated_at=NOW,
        )
        session.add(incident)
        session.flush()
        return incident.id


# Exceptions


def exception(team_id: int | None, **changes: object) -> ExceptionDraft:
    draft = ExceptionDraft(
        team_id=team_id,
        kind="off",
        replacement_team_id=None,
        sector_ids=None,
        starts_at=NOW + timedelta(hours=1),
        ends_at=NOW + timedelta(hours=13),
        reason="Véhicule en panne",
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def test_exception_fields_are_checked(database: Database) -> None:
    maraude = team(database, "Maraude")
    forceval = sector(database, "Forceval")
    retire_sector(database, forceval, actor=ACTOR, now=NOW)

    backwards = exception(maraude, ends_at=NOW, reason=" ")
    over = exception(maraude, starts_at=NOW - timedelta(days=2), ends_at=NOW - timedelta(days=1))
    replaced = exception(maraude, kind="replace", sector_ids=frozenset({forceval}))
    by_itself = exception(maraude, kind="replace", replacement_team_id=maraude)

    assert codes(check_exception(database, exception(None), now=NOW)) == [
        ("team", Problem.REQUIRED)
    ]
    assert codes(check_exception(database, backwards, now=NOW)) == [
        ("ends_at", Problem.ENDS_BEFORE_START),
        ("reason", Problem.REQUIRED),
    ]
    assert codes(check_exception(database, over, now=NOW)) == [("ends_at", Problem.ENDS_IN_PAST)]
    assert codes(check_exception(database, replaced, now=NOW)) == [
        ("replacement", Problem.REPLACEMENT_MISSING),
        ("sectors", Problem.SECTOR_RETIRED),
    ]
    assert codes(check_exception(database, by_itself, now=NOW)) == [
        ("replacement", Problem.REPLACEMENT_SELF)
    ]
    with pytest.raises(RosterEditRefused):
        add_exception(database, backwards, actor=ACTOR, now=NOW)


def test_an_exception_is_recorded_listed_and_removed_with_audit_rows(database: Database) -> None:
    stalingrad = sector(database, "Stalingrad")
    maraude, uasa = team(database, "Maraude"), team(database, "UASA binôme 2", phone="")
    draft = exception(
        maraude, kind="replace", replacement_team_id=uasa, sector_ids=frozenset({stalingrad})
    )

    check = check_exception(database, draft, now=NOW)
    saved = add_exception(database, draft, actor=ACTOR, now=NOW)

    assert warning_codes(check) == [("replacement", Problem.TEAM_NO_PHONE)]
    assert (saved.team, saved.replacement, saved.sectors, saved.author) == (
        "Maraude",
        "UASA binôme 2",
        ("Stalingrad",),
        ACTOR.name,
    )
    assert list_exceptions(database, now=NOW) == [saved]
    remove_exception(database, saved.id, actor=KARIM, now=NOW)
    assert list_exceptions(database, now=NOW, include_past=True) == []
    assert audit_rows(database, "roster.exception.") == [
        (ACTOR.audit_name, "roster.exception.add", f"exception {saved.id}"),
        (KARIM.audit_name, "roster.exception.remove", f"exception {saved.id}"),
    ]
