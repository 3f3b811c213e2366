"""The preview before saving says what the GPO's files will say, cell for cell."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.actors import ActionRefused
from operline.audit import AuditAction
from operline.codes import OperatorRole, Outcome, Priority
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.errors import InvalidInput
from operline.gpo import incidents as incidents_module
from operline.gpo.export import export_gpo_week
from operline.gpo.preview import GpoPreview, HotSpot, preview_gpo_week
from operline.gpo.tally import SUMMARY_COLUMNS
from tests.actors import COMMAND_LINE, signed_in
from tests.gpo.calls import Call, paris, read_back, sectors, store
from tests.gpo.test_export import ACTIVE, NOW, W48, files


def preview(database: Database, **keywords: object) -> GpoPreview:
    return preview_gpo_week(database, W48, actor=COMMAND_LINE, now=NOW, **keywords)  # type: ignore[arg-type]


@pytest.fixture
def busy_week(database: Database) -> Database:
    """A week with places typed many ways, a formula-like place, a retired sector's calls."""
    sectors(database, *ACTIVE, retired=("Forceval",))
    calls = [
        Call(
            paris("2026-11-23T08:00") + timedelta(minutes=7 * number),
            sector=ACTIVE[number % 3],
            location=("Rotonde de la Villette", "rotonde de la  villette", "=Quai 12", None)[
                number % 4
            ],
            priority=Priority.URGENT if number % 5 == 0 else Priority.NORMAL,
            team="Maraude Nord" if number % 2 else None,
            stages=((3, 11, 30, 50) if number % 3 else (2,)) if number % 2 else (),
            outcome=(Outcome.ORIENTED if number % 3 == 1 else Outcome.REFUSED)
            if number % 2 and number % 3
            else None,
            orientation="Halte de nuit" if number % 2 and number % 3 == 1 else None,
            team_on_duty=number % 7 != 0,
        )
        for number in range(60)
    ]
    calls.append(Call(paris("2026-11-26T12:00"), sector="Forceval", location="Rue Forceval"))
    calls += [Call(paris("2026-11-18T10:00"), location="ROTONDE DE LA VILLETTE")] * 3
    store(database, *calls)
    return database


def test_the_preview_holds_the_summary_and_hot_spots_files_cell_for_cell(
    busy_week: Database, tmp_path: Path
) -> None:
    shown = preview(busy_week)
    export_gpo_week(busy_week, W48, tmp_path, actor=COMMAND_LINE, now=NOW)
    paths = files(tmp_path, W48)

    summary = read_back(paths["summary"]).rows
    assert list(shown.summary_columns) == summary[0] == list(SUMMARY_COLUMNS)
    assert [list(row) for row in shown.summary] == summary[1:]
    assert [row[0] for row in shown.summary] == [*ACTIVE, "Forceval", "TOTAL"]
    assert shown.calls == 61
    hotspots = read_back(paths["hotspots"]).rows[1:]
    assert [
        [spot.sector, spot.location, str(spot.calls), str(spot.calls_previous_week)]
        for spot in shown.hotspots
    ] == hotspots
    assert HotSpot("Stalingrad", "Rotonde de la Villette", 10, 3) in shown.hotspots
    assert any(spot.location == "'=Quai 12" for spot in shown.hotspots)


def test_an_empty_week_previews_every_active_sector_at_zero(database: Database) -> None:
    sectors(database, *ACTIVE)
    shown = preview(database)
    assert [row[:2] for row in shown.summary] == [(name, "0") for name in (*ACTIVE, "TOTAL")]
    assert shown.hotspots == ()


def test_the_preview_is_audited_as_a_consultation_naming_the_week(busy_week: Database) -> None:
    preview(busy_week)
    with busy_week.read() as session:
        rows = session.execute(
            select(AuditLog.target, AuditLog.details).where(
                AuditLog.action == AuditAction.GPO_PREVIEW.value
            )
        ).all()
    assert [tuple(row) for row in rows] == [("2026-W48", "61 calls")]


def test_an_operator_may_not_preview_and_nothing_is_audited(busy_week: Database) -> None:
    operator = signed_in(busy_week, "Inès Martin", OperatorRole.OPERATOR)
    with pytest.raises(ActionRefused):
        preview_gpo_week(busy_week, W48, actor=operator, now=NOW)
    with busy_week.read() as session:
        audited = session.scalars(
            select(AuditLog.id).where(AuditLog.action == AuditAction.GPO_PREVIEW.value)
        ).all()
    assert audited == []


def test_a_week_not_over_is_refused_in_one_sentence(busy_week: Database) -> None:
    with pytest.raises(InvalidInput, match="is not over yet"):
        preview_gpo_week(busy_week, W48.shifted(1), actor=COMMAND_LINE, now=NOW)


def test_progress_is_told_from_zero_to_the_week_s_calls(
    busy_week: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(incidents_module, "PROGRESS_EVERY", 25)
    told: list[tuple[int, int]] = []
    preview(busy_week, progress=lambda done, total: told.append((done, total)))
    assert told == [(0, 61), (25, 61), (50, 61), (61, 61)]

    written: list[tuple[int, int]] = []
    export_gpo_week(
        busy_week,
        W48,
        tmp_path,
        actor=COMMAND_LINE,
        now=NOW,
        progress=lambda done, total: written.append((done, total)),
    )
    assert written == told
