"""The three modes of an import, re-importing, references, timelines and the audit entry."""

from __future__ import annotations

import csv
import hashlib
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from operline import reference_data as ref
from operline.actors import ActionRefused
from operline.call_import.rejected import rejected_csv
from operline.codes import Category, OperatorRole
from operline.db.check import check_database
from operline.db.models import AuditLog, ImportedCall, Incident, IncidentEvent
from operline.db.search_index import matching_incident_ids, search_words
from operline.gpo.export import export_gpo_week
from operline.gpo.week import parse_week
from operline.incidents.events import EventKind
from operline.incidents.intake import CallForm, log_call
from operline.incidents.timeline import read_incident
from operline.incidents.undo import UndoRefused, undo_last_stage
from operline.sentences import english
from tests.actors import COMMAND_LINE, signed_in
from tests.call_import.conftest import NOW, Desk
from tests.call_import.test_rules import CATEGORIES

LOG = (
    "received_at;sector;category;team;acknowledged_at;closed_at;outcome;orientation\n"
    f"30/12/2024 23:50;Stalingrad;distress;{ref.FLUID_CRACK};30/12/2024 23:58;"
    "31/12/2024 00:40;oriented;Halte de nuit\n"
    "02/01/2025 10:00;Eole;autre;;;;;\n"
    "03/01/2025 11:00;Forceval;autre;;;;;\n"
    "31/12/2024 18:00;Rosa Parks;shelter;;;31/12/2024 19:00;no_follow_up;\n"
)


def _count(desk: Desk, model: type[object]) -> int:
    with desk.database.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)  # type: ignore[arg-type]


def test_by_default_one_bad_row_imports_nothing(desk: Desk) -> None:
    result = desk.run(LOG)

    assert [str(problem) for problem in result.problems] == [
        "line 4, column sector: 'Forceval' is no sector of the desk"
    ]
    assert (result.written, result.imported, result.references) == (False, 0, ())
    assert _count(desk, Incident) == 0
    assert _count(desk, AuditLog) == _audits_before(desk)


def _audits_before(desk: Desk) -> int:
    with desk.database.read() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(AuditLog).where(AuditLog.action != "calls.import")
            )
            or 0
        )


def test_skip_invalid_imports_the_valid_rows_and_returns_the_others(desk: Desk) -> None:
    result = desk.run(LOG, skip_invalid=True)

    assert (result.written, result.imported, result.skipped) == (True, 3, 0)
    assert [(record.line, record.raw[1]) for record, _ in result.rejected] == [(4, "Forceval")]
    assert _count(desk, Incident) == 3


def test_a_dry_run_counts_and_changes_nothing(desk: Desk) -> None:
    counts_before = (_count(desk, Incident), _count(desk, AuditLog), _count(desk, IncidentEvent))

    result = desk.run(LOG, dry_run=True, skip_invalid=True)

    assert (result.dry_run, result.written, result.imported, len(result.rejected)) == (
        True,
        False,
        3,
        1,
    )
    counts = (_count(desk, Incident), _count(desk, AuditLog), _count(desk, IncidentEvent))
    assert counts == counts_before


def test_references_are_numbered_in_the_paris_year_of_each_call(desk: Desk) -> None:
    result = desk.run(LOG, skip_invalid=True)

    # 31/12/2024 00:40 closes a call of 2024; 02/01/2025 is 2025's first.
    assert result.references == ("OPL-2024-000001", "OPL-2025-000001", "OPL-2024-000002")
    with desk.database.read() as session:
        stored = session.execute(
            select(Incident.reference, Incident.received_at).order_by(Incident.reference)
        ).all()
    assert [tuple(row) for row in stored] == [
        ("OPL-2024-000001", datetime(2024, 12, 30, 22, 50, tzinfo=UTC)),
        ("OPL-2024-000002", datetime(2024, 12, 31, 17, 0, tzinfo=UTC)),
        ("OPL-2025-000001", datetime(2025, 1, 2, 9, 0, tzinfo=UTC)),
    ]


def test_a_second_import_continues_the_numbering(desk: Desk) -> None:
    desk.run(LOG, skip_invalid=True)

    result = desk.run("received_at;sector;category\n05/01/2025 08:00;eole;autre\n")

    assert result.references == ("OPL-2025-000002",)


def test_importing_the_same_calls_again_adds_nothing(desk: Desk) -> None:
    desk.run(LOG, skip_invalid=True)
    incidents, events = _count(desk, Incident), _count(desk, IncidentEvent)
    # The same log saved again by another spreadsheet: Windows-1252, commas, columns moved.
    again = "\r\n".join(
        [
            "sector,received_at,category,team,acknowledged_at,closed_at,outcome,orientation",
            f"STALINGRAD,2024-12-30T23:50,Personne en détresse / malaise,{ref.FLUID_CRACK},"
            "2024-12-30T23:58,2024-12-31T00:40,Orientation vers une structure,halte de nuit",
            "éole,02/01/2025 10:00,Other,,,,,",
        ]
    ).encode("cp1252")

    result = desk.run(again)

    assert (result.imported, result.skipped, result.references) == (0, 2, ())
    assert (_count(desk, Incident), _count(desk, IncidentEvent)) == (incidents, events)
    assert _count(desk, ImportedCall) == incidents


def test_an_imported_call_has_a_timeline_at_its_historical_times_marked_imported(
    desk: Desk,
) -> None:
    result = desk.run(LOG, skip_invalid=True)
    with desk.database.read() as session:
        incident_id = session.scalars(
            select(Incident.id).where(Incident.reference == result.references[0])
        ).one()

    detail = read_incident(desk.database, incident_id, actor=COMMAND_LINE, now=NOW)

    lines = [(line.at, line.kind, line.old_value, line.new_value) for line in detail.timeline]
    received = datetime(2024, 12, 30, 22, 50, tzinfo=UTC)
    acknowledged = datetime(2024, 12, 30, 22, 58, tzinfo=UTC)
    closed = datetime(2024, 12, 30, 23, 40, tzinfo=UTC)
    assert lines == [
        (received, EventKind.CREATED, None, "new"),
        (received, EventKind.ASSIGNED, None, ref.FLUID_CRACK),
        (acknowledged, EventKind.STAGE, "routed", "acknowledged"),
        (closed, EventKind.STAGE, "acknowledged", "closed"),
        (closed, EventKind.UPDATED, None, ref.HALTE_DE_NUIT),
        (closed, EventKind.CLOSED, None, "oriented"),
        (NOW, EventKind.IMPORTED, None, "journal-2024.csv"),
    ]
    assert [line.operator for line in detail.timeline] == [None] * 7
    assert (detail.status.value, detail.routed_at, detail.team) == (
        "closed",
        None,
        ref.FLUID_CRACK,
    )


def test_no_undo_reaches_into_an_imported_history(desk: Desk) -> None:
    supervisor = signed_in(desk.database, "Inès", OperatorRole.SUPERVISOR)
    result = desk.run(LOG, actor=supervisor, skip_invalid=True)
    with desk.database.read() as session:
        incident = session.scalars(
            select(Incident).where(Incident.reference == result.references[0])
        ).one()

    with pytest.raises(UndoRefused, match="has no step to undo"):
        undo_last_stage(
            desk.database, incident.id, version=incident.version, actor=supervisor, now=NOW
        )


def test_the_import_is_audited_with_the_file_its_sha256_and_its_counts(desk: Desk) -> None:
    desk.run(LOG, skip_invalid=True)
    result = desk.run(LOG, skip_invalid=True)

    with desk.database.read() as session:
        audits = session.execute(
            select(AuditLog.actor, AuditLog.target, AuditLog.details)
            .where(AuditLog.action == "calls.import")
            .order_by(AuditLog.id)
        ).all()
    sha256 = hashlib.sha256(LOG.encode()).hexdigest()
    assert result.file_sha256 == sha256
    assert [tuple(audit) for audit in audits] == [
        (
            COMMAND_LINE.audit_name,
            "journal-2024.csv",
            f"sha256={sha256}; 3 imported, 0 skipped (imported before), 1 rejected",
        ),
        (
            COMMAND_LINE.audit_name,
            "journal-2024.csv",
            f"sha256={sha256}; 0 imported, 3 skipped (imported before), 1 rejected",
        ),
    ]


def test_an_operator_may_not_import(desk: Desk) -> None:
    operator = signed_in(desk.database, "Paul", OperatorRole.OPERATOR)

    with pytest.raises(ActionRefused, match="only a supervisor may import the earlier call log"):
        desk.run(LOG, actor=operator)
    assert _count(desk, Incident) == 0


def test_the_rejected_file_holds_the_rows_as_read_with_their_reason(desk: Desk) -> None:
    content = (
        "received_at,sector,category,notes\r\n"
        '02/01/2025 10:00,Forceval,bagarre,"un, deux"\r\n'
        "02/01/2025 11:00,eole\r\n"
        "02/01/2025 12:00,eole,autre,ok\r\n"
    )
    result = desk.run(content, skip_invalid=True)

    written = rejected_csv(
        result.header, result.separator, result.rejected, lambda s: s.told(english)
    )

    assert written.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(written.decode("utf-8-sig")), delimiter=","))
    assert rows == [
        ["received_at", "sector", "category", "notes", "reason"],
        [
            "02/01/2025 10:00",
            "Forceval",
            "bagarre",
            "un, deux",
            "column sector: 'Forceval' is no sector of the desk; column category: 'bagarre' "
            "is not one of: " + CATEGORIES,
        ],
        ["02/01/2025 11:00", "eole", "", "", "2 fields, expected 4"],
    ]
    assert result.imported == 1


def test_the_readmes_example_imports_as_it_is(desk: Desk) -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Importing the earlier call log", 1)[1]
    example = next(block for block in section.split("```")[1::2] if "received_at;" in block)

    result = desk.run(example.strip() + "\n")

    assert (result.imported, result.problems, result.warnings) == (2, (), ())


def test_imported_places_and_notes_are_found_by_the_history_search(desk: Desk) -> None:
    desk.run(
        "received_at;sector;category;location;notes\n"
        "23/11/2024 14:05;eole;autre;Jardins d'Éole, entrée rue d'Aubervilliers;\n"
        "23/11/2024 15:05;eole;autre;Quai;tente installée\n"
    )
    intake = signed_in(desk.database, "Lina", OperatorRole.OPERATOR)
    later = log_call(
        desk.database,
        CallForm(NOW, desk.sectors[ref.EOLE], Category.OTHER, location="Jardins d'Eole"),
        actor=intake,
        now=NOW,
    )

    def found(text: str) -> list[str]:
        with desk.database.read() as session:
            dialect = session.get_bind().dialect.name
            ids = matching_incident_ids(dialect, search_words(text))
            return sorted(session.scalars(select(Incident.reference).where(Incident.id.in_(ids))))

    assert found("eole aubervilliers") == ["OPL-2024-000001"]
    assert found("tente") == ["OPL-2024-000002"]
    # The index is kept by its triggers again for the calls logged after the import.
    assert found("jardins") == ["OPL-2024-000001", later.reference]


def test_imported_calls_keep_to_the_rules_the_database_check_reads(desk: Desk) -> None:
    desk.run(LOG, skip_invalid=True)
    # Still with a team, acknowledged or on scene: the earlier log has no routing time.
    desk.run(
        "received_at;sector;category;team;acknowledged_at;on_scene_at\n"
        f"20/11/2026 10:00;eole;autre;{ref.ELA};20/11/2026 10:10;\n"
        f"20/11/2026 11:00;eole;autre;{ref.ELA};;20/11/2026 11:30\n"
        f"20/11/2026 12:00;eole;autre;{ref.ELA};;\n"
    )

    report = check_database(desk.database, now=NOW)

    assert [str(problem) for problem in report.problems] == []
    with desk.database.read() as session:
        statuses = session.scalars(
            select(Incident.status).where(Incident.closed_at.is_(None)).order_by(Incident.id)
        ).all()
    assert statuses == ["new", "acknowledged", "on_scene", "routed"]


def test_imported_calls_go_into_the_gpo_export_of_their_week(desk: Desk, tmp_path: Path) -> None:
    desk.run(LOG, skip_invalid=True)

    export = export_gpo_week(
        desk.database, parse_week("2025-W01"), tmp_path, actor=COMMAND_LINE, now=NOW
    )

    incidents = next(f for f in export.files if f.path.name.endswith("-incidents.csv"))
    rows = list(
        csv.DictReader(io.StringIO(incidents.path.read_text(encoding="utf-8-sig")), delimiter=";")
    )
    assert [
        (row["reference"], row["minutes_to_route"], row["minutes_to_acknowledge"]) for row in rows
    ] == [
        ("OPL-2024-000001", "", "8"),
        ("OPL-2024-000002", "", ""),
        ("OPL-2025-000001", "", ""),
    ]
