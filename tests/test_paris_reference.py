"""Seeding a new desk with the Paris reference data: sectors, teams, places and shifts only."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operline import reference_data as ref
from operline.actors import ActionRefused
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog, Facility, Incident, Operator, Sector, ShiftPattern, Team
from operline.errors import InvalidInput
from operline.first_start import RosterFileRefused, import_roster_file, is_first_start
from operline.logins import first_administrator
from operline.paris_reference import seed_paris_reference
from operline.roster.duty import on_duty_in
from tests.actors import PASSWORD, signed_in

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def count(database: Database, model: type[object]) -> int:
    with database.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0  # type: ignore[arg-type]


def audited(database: Database) -> list[tuple[str, str | None]]:
    with database.read() as session:
        return [(row.action, row.target) for row in session.scalars(select(AuditLog))]


def test_the_paris_reference_data_goes_in_audited_without_a_call_or_a_person(
    database: Database,
) -> None:
    admin = first_administrator(database, "Nadia Belkacem", PASSWORD, workstation="p1", now=NOW)
    before = audited(database)

    seeded = seed_paris_reference(database, actor=admin, now=NOW)

    assert seeded.sectors == tuple(s.name for s in ref.SECTORS)
    assert seeded.teams == tuple(t.name for t in ref.TEAMS)
    assert seeded.places == tuple(p.name for p in ref.FACILITIES)
    assert seeded.shift_patterns == len(ref.SHIFTS)
    assert count(database, Sector) == 6
    assert count(database, Team) == len(ref.TEAMS)
    assert count(database, Facility) == len(ref.FACILITIES)
    assert count(database, ShiftPattern) == len(ref.SHIFTS)
    assert count(database, Incident) == 0
    assert count(database, Operator) == 1  # the demo's staff stays in the demo
    added = [entry for entry in audited(database) if entry not in before]
    kinds = [action for action, _ in added]
    assert kinds.count("roster.sector.add") == 6
    assert kinds.count("roster.team.add") == len(ref.TEAMS)
    assert kinds.count("roster.facility.add") == len(ref.FACILITIES)
    assert kinds.count("roster.pattern.add") == len(ref.SHIFTS)
    # The roster works: a night maraude covers Stalingrad on a Tuesday at 23:00 Paris.
    duty = on_duty_in(database, "Stalingrad", datetime(2026, 12, 1, 22, 0, tzinfo=UTC))
    assert ref.MARAUDE_NUIT in [team.name for team in duty.teams]
    assert not is_first_start(database)


def test_seeding_twice_is_refused_and_changes_nothing(database: Database) -> None:
    admin = first_administrator(database, "Nadia Belkacem", PASSWORD, workstation="p1", now=NOW)
    seed_paris_reference(database, actor=admin, now=NOW)
    entries = count(database, AuditLog)

    with pytest.raises(InvalidInput, match="already holds sectors, teams, places and shift"):
        seed_paris_reference(database, actor=admin, now=NOW)

    assert count(database, Sector) == 6
    assert count(database, AuditLog) == entries


def test_an_operator_may_not_seed(database: Database) -> None:
    operator = signed_in(database, "Karim Haddad", OperatorRole.OPERATOR)
    with pytest.raises(ActionRefused):
        seed_paris_reference(database, actor=operator, now=NOW)
    assert count(database, Sector) == 0


def test_a_first_start_is_an_empty_database_without_an_administrator(database: Database) -> None:
    assert is_first_start(database)
    admin = first_administrator(database, "Nadia Belkacem", PASSWORD, workstation="p1", now=NOW)
    assert not is_first_start(database)
    assert admin.role is OperatorRole.ADMINISTRATOR


ROSTER = (
    "team;organisation;phone;tier;sectors;days;start;end;valid_from;valid_until\n"
    "Maraude Nord;Association;01 99 00 51 01;1;Stalingrad|Éole;lun-dim;08:00;20:00;;\n"
)


def test_a_roster_file_creates_its_teams_and_sectors(database: Database, tmp_path: Path) -> None:
    admin = first_administrator(database, "Nadia Belkacem", PASSWORD, workstation="p1", now=NOW)
    path = tmp_path / "planning.csv"
    path.write_text(ROSTER, encoding="utf-8")

    result = import_roster_file(database, path, actor=admin, now=NOW)

    assert (result.patterns, result.teams_created) == (1, ("Maraude Nord",))
    assert sorted(result.sectors_created) == ["Stalingrad", "Éole"]


def test_a_bad_roster_file_tells_each_problem_with_the_file_s_name(
    database: Database, tmp_path: Path
) -> None:
    admin = first_administrator(database, "Nadia Belkacem", PASSWORD, workstation="p1", now=NOW)
    path = tmp_path / "planning.csv"
    path.write_text(ROSTER.replace("08:00", "8h").replace("lun-dim", "lundi"), encoding="utf-8")

    with pytest.raises(RosterFileRefused) as refused:
        import_roster_file(database, path, actor=admin, now=NOW)

    told = [str(problem) for problem in refused.value.problems]
    assert len(told) == 2
    assert all(sentence.startswith("planning.csv, line 2, column ") for sentence in told)
    assert count(database, Sector) == 0
