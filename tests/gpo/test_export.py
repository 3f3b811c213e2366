"""The GPO's weekly files, read back as the GPO's spreadsheet would: the contract holds."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.audit import AuditAction
from operline.codes import Category, Outcome, Priority
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.errors import InvalidInput
from operline.figures.buckets import IsoWeek
from operline.gpo import folder as folder_module
from operline.gpo.export import GpoExport, export_gpo_week, file_name
from operline.gpo.incidents import INCIDENT_COLUMNS
from operline.gpo.minimise import MASK
from operline.gpo.tally import SUMMARY_COLUMNS, WeekTally
from operline.gpo.week import week_hours
from tests.actors import COMMAND_LINE
from tests.gpo.calls import Call, paris, read_back, sectors, store

#: Wednesday 2 December 2026: week 48 (23 to 29 November) is the last complete one.
NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
W48 = IsoWeek(2026, 48)
ACTIVE = ("Stalingrad", "Éole", "Porte de la Chapelle")


def export(database: Database, week: IsoWeek, folder: Path) -> GpoExport:
    return export_gpo_week(database, week, folder, actor=COMMAND_LINE, now=NOW)


def files(folder: Path, week: IsoWeek) -> dict[str, Path]:
    return {kind: folder / file_name(week, kind) for kind in ("incidents", "summary", "hotspots")}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder the files are written to (the test's database is beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def week48(database: Database) -> Database:
    sectors(database, *ACTIVE, retired=("Forceval",))
    store(
        database,
        Call(
            paris("2026-11-23T14:05"),
            location="Rotonde de la Villette",
            priority=Priority.URGENT,
            team="Maraude Nord",
            stages=(4, 9, 31, 75),
            outcome=Outcome.ORIENTED,
            orientation="Halte de nuit",
            persons=2,
        ),
        Call(paris("2026-11-24T09:00"), location="rotonde  de la VILLETTE !", team="Maraude Nord",
             stages=(2, 20)),
        Call(paris("2026-11-25T22:00"), location="Rotonde de la Villette", team="ELA",
             stages=(1, 6, 10, 30), outcome=Outcome.TAKEN_IN_CHARGE),
        Call(paris("2026-11-27T03:10"), sector="Éole", location="Jardins d'Éole",
             category=Category.SHELTER, team_on_duty=False, stages=(3,)),
        Call(paris("2026-11-29T23:59"), sector="Éole", location="Jardins d’Éole",
             stages=(5, 12, 20, 40), outcome=Outcome.REFUSED, team="ELA"),
        # The week before (a hot spot's previous calls) and the week after: not exported.
        Call(paris("2026-11-22T23:59"), location="ROTONDE DE LA VILLETTE"),
        Call(paris("2026-11-30T00:00"), location="Rotonde de la Villette"),
    )  # fmt: skip
    return database


def test_the_three_files_are_french_excel_csv_with_the_contract_columns(
    week48: Database, out: Path
) -> None:
    result = export(week48, W48, out)

    paths = files(out, W48)
    assert [written.path for written in result.files] == list(paths.values())
    for path in paths.values():
        back = read_back(path)
        lines = back.raw[3:].split(b"\r\n")
        assert lines[-1] == b"", "every line ends with CRLF"
        assert all(b"\n" not in line and b"\r" not in line for line in lines)
        assert lines[0] == ";".join(back.header).encode()
    incidents = read_back(paths["incidents"])
    assert incidents.header == list(INCIDENT_COLUMNS)
    assert (
        ";".join(incidents.header)
        == "reference;received_at;weekday;hour;sector;location;category;priority;persons;"
        "caller_service;team;routed_at;acknowledged_at;on_scene_at;closed_at;minutes_to_route;"
        "minutes_to_acknowledge;minutes_to_on_scene;status;outcome;orientation;no_team_on_duty"
    )
    assert [r["received_at"] for r in incidents.records] == [
        "2026-11-23T14:05:00+01:00",
        "2026-11-24T09:00:00+01:00",
        "2026-11-25T22:00:00+01:00",
        "2026-11-27T03:10:00+01:00",
        "2026-11-29T23:59:00+01:00",
    ]
    first = incidents.records[0]
    assert first == {
        "reference": "OPL-2026-000001",
        "received_at": "2026-11-23T14:05:00+01:00",
        "weekday": "lundi",
        "hour": "14",
        "sector": "Stalingrad",
        "location": "Rotonde de la Villette",
        "category": "Personne en détresse / malaise",
        "priority": "Urgent",
        "persons": "2",
        "caller_service": "Commissariat du 19e",
        "team": "Maraude Nord",
        "routed_at": "2026-11-23T14:09:00+01:00",
        "acknowledged_at": "2026-11-23T14:14:00+01:00",
        "on_scene_at": "2026-11-23T14:36:00+01:00",
        "closed_at": "2026-11-23T15:20:00+01:00",
        "minutes_to_route": "4",
        "minutes_to_acknowledge": "9",
        "minutes_to_on_scene": "31",
        "status": "Clos",
        "outcome": "Orientation vers une structure",
        "orientation": "Halte de nuit",
        "no_team_on_duty": "non",
    }
    fourth = incidents.records[3]
    assert (fourth["weekday"], fourth["hour"], fourth["no_team_on_duty"]) == (
        "vendredi",
        "3",
        "oui",
    )
    assert (fourth["status"], fourth["outcome"], fourth["acknowledged_at"]) == (
        "Équipe contactée", "", "",
    )  # fmt: skip
    assert (fourth["minutes_to_acknowledge"], fourth["minutes_to_on_scene"]) == ("", "")
    assert incidents.records[4]["weekday"] == "dimanche"


def test_the_summary_has_every_active_sector_then_the_total_and_sums_the_incidents_file(
    week48: Database, out: Path
) -> None:
    export(week48, W48, out)

    paths = files(out, W48)
    incidents = read_back(paths["incidents"]).records
    summary = read_back(paths["summary"])
    assert summary.header[:16] == list(SUMMARY_COLUMNS)
    assert [r["sector"] for r in summary.records] == [*ACTIVE, "TOTAL"]
    for row in summary.records:
        mine = [r for r in incidents if row["sector"] in ("TOTAL", r["sector"])]
        assert int(row["calls"]) == len(mine)
        assert int(row["urgent"]) == sum(r["priority"] == "Urgent" for r in mine)
        assert int(row["no_team_on_duty"]) == sum(r["no_team_on_duty"] == "oui" for r in mine)
        assert int(row["routed"]) == sum(bool(r["routed_at"]) for r in mine)
        assert int(row["acknowledged"]) == sum(bool(r["acknowledged_at"]) for r in mine)
        assert int(row["closed"]) == sum(r["status"] == "Clos" for r in mine)
        assert int(row["still_open"]) == sum(r["status"] != "Clos" for r in mine)
        for outcome in Outcome:
            assert int(row[outcome.value]) == sum(r["outcome"] == outcome.label_fr for r in mine)
    by_sector = {r["sector"]: r for r in summary.records}
    # Stalingrad's calls were acknowledged after 9, 20 and 6 minutes.
    assert by_sector["Stalingrad"]["median_minutes_to_acknowledge"] == "9"
    assert by_sector["Stalingrad"]["p90_minutes_to_acknowledge"] == "18"  # 9 + 0.8 × 11, rounded
    assert by_sector["Porte de la Chapelle"]["calls"] == "0"
    assert by_sector["Porte de la Chapelle"]["median_minutes_to_acknowledge"] == ""
    assert by_sector["TOTAL"]["calls"] == "5"


def test_hot_spots_merge_spellings_and_give_the_previous_week(week48: Database, out: Path) -> None:
    export(week48, W48, out)

    hotspots = read_back(files(out, W48)["hotspots"])
    assert hotspots.header == ["sector", "location", "calls", "calls_previous_week"]
    assert hotspots.rows[1:] == [
        ["Stalingrad", "Rotonde de la Villette", "3", "1"],
        ["Éole", "Jardins d'Éole", "2", "0"],
    ]


def test_a_retired_sector_with_calls_keeps_its_row_so_the_total_still_adds_up(
    week48: Database, out: Path
) -> None:
    store(week48, Call(paris("2026-11-26T12:00"), sector="Forceval"))
    export(week48, W48, out)

    summary = read_back(files(out, W48)["summary"]).records
    assert [r["sector"] for r in summary] == [*ACTIVE, "Forceval", "TOTAL"]
    assert sum(int(r["calls"]) for r in summary[:-1]) == int(summary[-1]["calls"]) == 6


@pytest.mark.parametrize(
    ("week", "hours", "inside", "outside"),
    [
        # The clocks jump from 02:00 to 03:00 on Sunday 29 March 2026.
        (
            IsoWeek(2026, 13),
            167,
            {
                "2026-03-23T00:00:00+01:00": ("lundi", "0"),
                "2026-03-29T01:59:00+01:00": ("dimanche", "1"),
                "2026-03-29T03:00:00+02:00": ("dimanche", "3"),
                "2026-03-29T23:59:00+02:00": ("dimanche", "23"),
            },
            ("2026-03-22T23:59", "2026-03-30T00:00"),
        ),
        # They go back from 03:00 to 02:00 on Sunday 25 October 2026: 02:30 happens twice.
        (
            IsoWeek(2026, 43),
            169,
            {
                "2026-10-19T00:00:00+02:00": ("lundi", "0"),
                "2026-10-25T02:30:00+02:00": ("dimanche", "2"),
                "2026-10-25T02:30:00+01:00": ("dimanche", "2"),
                "2026-10-25T23:59:00+01:00": ("dimanche", "23"),
            },
            ("2026-10-18T23:59", "2026-10-26T00:00"),
        ),
    ],
)
def test_a_week_when_the_clocks_change_runs_from_monday_to_monday_in_paris(
    database: Database,
    out: Path,
    week: IsoWeek,
    hours: int,
    inside: dict[str, tuple[str, str]],
    outside: tuple[str, str],
) -> None:
    store(
        database,
        *(Call(datetime.fromisoformat(text).astimezone(UTC)) for text in inside),
        *(Call(paris(text)) for text in outside),
    )
    export(database, week, out)

    assert week_hours(week) == hours
    start, end = week.bounds()
    assert (end - start).total_seconds() == hours * 3600
    records = read_back(files(out, week)["incidents"]).records
    assert {r["received_at"]: (r["weekday"], r["hour"]) for r in records} == inside
    summary = read_back(files(out, week)["summary"]).records
    assert summary[-1]["calls"] == str(len(inside))


def test_an_empty_week_gives_the_headers_a_zero_summary_and_no_hot_spot(
    database: Database, out: Path
) -> None:
    sectors(database, *ACTIVE)
    result = export(database, W48, out)

    paths = files(out, W48)
    assert read_back(paths["incidents"]).rows == [list(INCIDENT_COLUMNS)]
    summary = read_back(paths["summary"]).records
    assert [r["sector"] for r in summary] == [*ACTIVE, "TOTAL"]
    assert all(r["calls"] == "0" and r["median_minutes_to_acknowledge"] == "" for r in summary)
    assert read_back(paths["hotspots"]).rows == [
        ["sector", "location", "calls", "calls_previous_week"]
    ]
    assert [(f.kind, f.rows) for f in result.files] == [
        ("incidents", 0), ("summary", 4), ("hotspots", 0),
    ]  # fmt: skip


def test_no_note_callback_number_or_operator_name_leaves_the_desk(
    database: Database, out: Path
) -> None:
    store(
        database,
        Call(
            paris("2026-11-24T10:00"),
            location="Devant le 12, rappeler le 06 12 34 56 78",
            caller_service="BAC 19 (tél. +33 6 98 76 54 32)",
            callback_number="+33611223344",
            notes="Note confidentielle: femme enceinte, 07.11.22.33.44",
        ),
        Call(paris("2026-11-24T11:00"), location="Rue de Tanger 0033612345678", notes="Secret"),
    )
    export(database, W48, out)

    text = "".join(read_back(path).raw.decode("utf-8-sig") for path in files(out, W48).values())
    for hidden in (
        "confidentielle",
        "Secret",
        "Homme allongé",
        "611223344",
        "612345678",
        "12 34 56 78",
        "98 76 54 32",
        COMMAND_LINE.name,
    ):
        assert hidden not in text  # fmt: skip
    records = read_back(files(out, W48)["incidents"]).records
    assert records[0]["location"] == f"Devant le 12, rappeler le {MASK}"
    assert records[0]["caller_service"] == f"BAC 19 (tél. {MASK})"
    assert records[1]["location"] == f"Rue de Tanger {MASK}"
    nine_digits = re.compile(r"\d(?:[ .\-]?\d){8,}")
    for record in records:
        for column in ("location", "caller_service", "sector", "team", "orientation"):
            assert not nine_digits.search(record[column])


def test_each_export_is_audited_with_the_week_rows_and_a_sha256_of_each_file(
    week48: Database, out: Path
) -> None:
    export(week48, W48, out)

    with week48.read() as session:
        audit = session.scalars(
            select(AuditLog).where(AuditLog.action == AuditAction.GPO_EXPORT.value)
        ).one()
    assert (audit.target, audit.actor, audit.at) == ("2026-W48", COMMAND_LINE.audit_name, NOW)
    details = audit.details or ""
    for kind, path in files(out, W48).items():
        rows = len(read_back(path).rows) - 1
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert f"{kind} {rows} rows sha256 {digest}" in details


def test_running_again_overwrites_the_week_and_leaves_no_temporary_file(
    week48: Database, out: Path
) -> None:
    export(week48, W48, out)
    store(week48, Call(paris("2026-11-28T12:00"), sector="Porte de la Chapelle"))
    export(week48, W48, out)

    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in files(out, W48).values())
    assert len(read_back(files(out, W48)["incidents"]).records) == 6
    with week48.read() as session:
        audits = session.scalars(
            select(AuditLog.id).where(AuditLog.action == AuditAction.GPO_EXPORT.value)
        ).all()
    assert len(audits) == 2


def test_a_failed_run_leaves_the_previous_files_untouched(
    week48: Database, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export(week48, W48, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    store(week48, Call(paris("2026-11-28T12:00")))

    def disk_full(*_: object) -> Iterator[list[object]]:
        yield ["sector", "location", "calls", "calls_previous_week"]
        raise OSError(28, "No space left on device")

    # The third file fails after the first two were written in full.
    monkeypatch.setattr(WeekTally, "hotspot_lines", disk_full)
    with pytest.raises(InvalidInput) as failed:
        export(week48, W48, out)

    assert str(failed.value) == (
        f"Operline cannot write the export into {out} (No space left on device); "
        "nothing was exported."
    )
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    with week48.read() as session:
        audits = session.scalars(
            select(AuditLog.id).where(AuditLog.action == AuditAction.GPO_EXPORT.value)
        ).all()
    assert len(audits) == 1


def test_a_failed_rename_writes_no_audit_entry(
    week48: Database, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refused(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(folder_module.os, "replace", refused)
    with pytest.raises(InvalidInput, match="Permission denied"):
        export(week48, W48, out)

    assert list(out.iterdir()) == []
    with week48.read() as session:
        assert not session.scalars(
            select(AuditLog.id).where(AuditLog.action == AuditAction.GPO_EXPORT.value)
        ).all()


def test_a_week_not_over_yet_or_a_missing_folder_is_refused_in_one_sentence(
    database: Database, out: Path
) -> None:
    with pytest.raises(InvalidInput) as unfinished:
        export(database, IsoWeek(2026, 49), out)
    assert str(unfinished.value) == (
        "The week 2026-W49 is not over yet (it ends on 07/12/2026 00:00, Paris time); "
        "the last complete week is 2026-W48."
    )
    with pytest.raises(InvalidInput) as missing:
        export(database, W48, out / "nowhere")
    assert str(missing.value) == (
        f"The folder {out / 'nowhere'} does not exist; nothing was exported."
    )
    assert list(out.iterdir()) == []


def test_a_call_closed_weeks_later_is_dated_in_its_own_offset(
    database: Database, out: Path
) -> None:
    # Received in October (summer time), closed in December (winter time).
    store(database, Call(paris("2026-10-20T10:00"), stages=(1, 2, 3, 60 * 24 * 50),
                         outcome=Outcome.NO_FOLLOW_UP))  # fmt: skip
    export(database, IsoWeek(2026, 43), out)
    record = read_back(files(out, IsoWeek(2026, 43))["incidents"]).records[0]
    assert (record["received_at"], record["closed_at"]) == (
        "2026-10-20T10:00:00+02:00",
        "2026-12-09T09:00:00+01:00",
    )
    assert (record["status"], record["outcome"]) == ("Clos", "Sans suite")
