"""The GPO's brief as a PDF, read back: the CSV files' figures, nothing private, one A4 page."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import unicodedata
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from operline.audit import AuditAction
from operline.codes import Outcome, Priority
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.errors import InvalidInput
from operline.figures.buckets import IsoWeek
from operline.gpo import folder as folder_module
from operline.gpo.brief import brief_file_name
from operline.gpo.export import export_gpo_week, file_name
from operline.ui.gpo.brief import write_gpo_brief
from operline.ui.shell.language import InstalledLanguage
from tests.actors import COMMAND_LINE
from tests.gpo.calls import Call, paris, read_back, sectors, store
from tests.test_roster_board import Shift, fill_desk

NOW = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
W48 = IsoWeek(2026, 48)
ACTIVE = ("Stalingrad", "Éole", "Porte de la Chapelle")
NOTE = "Homme allongé, conscient"
PHONE = "+33612345678"


@pytest.fixture
def week48(database: Database) -> Database:
    fill_desk(
        database,
        sectors=ACTIVE,
        teams={"Maraude Nord": "+33140000000"},
        shifts=[Shift("Maraude Nord", "00:00", "00:00", ("Stalingrad", "Éole"))],
    )
    store(
        database,
        Call(paris("2026-11-23T14:05"), priority=Priority.URGENT, team="Maraude Nord",
             stages=(4, 9, 31, 75), outcome=Outcome.ORIENTED, orientation="Halte de nuit"),
        Call(paris("2026-11-24T09:00"), location="rotonde  de la VILLETTE !", stages=(2, 20)),
        Call(paris("2026-11-25T22:00"), stages=(1, 6, 10, 30), outcome=Outcome.TAKEN_IN_CHARGE),
        Call(paris("2026-11-27T03:10"), sector="Éole", location="Jardins d'Éole",
             team_on_duty=False, stages=(3,)),
        Call(paris("2026-11-29T23:59"), sector="Éole",
             location="Jardins d'Éole, rappeler le 06 11 22 33 44", stages=(5, 12)),
        Call(paris("2026-11-18T10:00")),  # week 47
        # Week 44, of the four averaged: two urgent calls, acknowledged after 4 and 6 minutes.
        Call(paris("2026-10-28T10:00"), priority=Priority.URGENT, stages=(1, 4)),
        Call(paris("2026-10-29T10:00"), priority=Priority.URGENT, stages=(1, 6)),
    )  # fmt: skip
    return database


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder the files are written to (the test's database is beside it)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def pdf_text(path: Path) -> list[str]:
    """Each page's text, its whitespace and ligatures made plain."""
    return [
        " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())
        for page in PdfReader(path).pages
    ]


def words(text: str) -> str:
    """A line as it reads back from the PDF: numbers' spaces and ligatures made plain."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_the_brief_reads_back_with_the_figures_of_the_csv_files(
    french: InstalledLanguage, week48: Database, out: Path
) -> None:
    written = write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)
    export_gpo_week(week48, W48, out, actor=COMMAND_LINE, now=NOW)

    assert written.path == out / "operline-gpo-2026-W48-brief.pdf"
    assert written.kind == "brief"
    (page,) = pdf_text(written.path)
    assert written.rows == 1
    assert "Note hebdomadaire au GPO — semaine 48" in page
    assert "Du lundi 23 au dimanche 29 novembre 2026 (2026-W48)" in page
    total = read_back(out / file_name(W48, "summary")).records[-1]
    # The previous week had one call; the four before it two, both urgent, in week 44.
    previous = {"calls": "1", "urgent": "0", "no_team_on_duty": "0"}
    assert (total["calls"], total["urgent"], total["no_team_on_duty"]) == ("5", "1", "1")
    for label, column, average in (
        ("Appels", "calls", "0,5"),
        ("Appels urgents", "urgent", "0,5"),
        ("Appels sans équipe de garde", "no_team_on_duty", "0,0"),
    ):
        assert words(f"{label} {total[column]} {previous[column]} {average}") in page
    median, ninetieth = total["median_minutes_to_acknowledge"], total["p90_minutes_to_acknowledge"]
    assert (median, ninetieth) == ("10", "18")  # of 6, 9, 12 and 20 minutes
    # The previous week acknowledged no call; week 44: a median of 5, a 90th of 6.
    assert f"Délai médian de prise en compte (min) {median} — 5,0" in page
    assert f"Délai de prise en compte, 90e centile (min) {ninetieth} — 6,0" in page
    hotspots = read_back(out / file_name(W48, "hotspots")).records
    assert [spot["calls_previous_week"] for spot in hotspots] == ["1", "0", "0"]
    for rank, spot in enumerate(hotspots, start=1):
        line = f"{rank} {spot['sector']} {spot['location']} {spot['calls']}"
        assert words(f"{line} {spot['calls_previous_week']} ↑") in page
    days = (
        "lun. 23 (1)",
        "mar. 24 (1)",
        "mer. 25 (1)",
        "jeu. 26 (0)",
        "ven. 27 (1)",
        "dim. 29 (1)",
    )
    for day in days:
        assert day in page
    assert "Porte de la Chapelle 168 h Toute la semaine" in page
    assert "Une équipe de garde toute la semaine : Stalingrad, Éole." in page
    assert "Imprimé le 02/12/2026 09:00 par claire" in page
    assert "Page 1 / 1" in page


def test_no_note_phone_or_operator_name_is_printed(
    french: InstalledLanguage, week48: Database, out: Path
) -> None:
    written = write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)

    text = " ".join(pdf_text(written.path))
    assert NOTE not in text
    assert PHONE not in text
    assert "06 11 22 33 44" not in text
    assert "Jardins d'Éole, rappeler le [numéro masqué]" in text
    assert "Commissariat" not in text  # the calling service is no part of the brief


def test_the_brief_is_an_a4_page_upright_and_audited_with_its_sha256(
    english: InstalledLanguage, week48: Database, out: Path
) -> None:
    written = write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)

    box = PdfReader(written.path).pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210
    assert round(float(box.height) / 72 * 25.4) == 297
    assert "Weekly brief for the GPO — week 48" in pdf_text(written.path)[0]
    digest = hashlib.sha256(written.path.read_bytes()).hexdigest()
    assert written.sha256 == digest
    with week48.read() as session:
        audited = session.execute(
            select(AuditLog.target, AuditLog.details).where(
                AuditLog.action == AuditAction.GPO_BRIEF.value
            )
        ).all()
    assert audited == [("2026-W48", f"brief 1 pages sha256 {digest}")]
    assert sorted(p.name for p in out.iterdir()) == [brief_file_name(W48)]


def test_a_failed_run_leaves_the_earlier_brief_and_no_audit_entry(
    french: InstalledLanguage,
    week48: Database,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    earlier = write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)
    before = earlier.path.read_bytes()
    store(week48, Call(paris("2026-11-26T12:00")))

    def full_disk(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(folder_module.os, "replace", full_disk)
    with pytest.raises(InvalidInput, match="No space left on device"):
        write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)

    assert earlier.path.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [earlier.path.name]
    with week48.read() as session:
        count = session.scalars(
            select(AuditLog.id).where(AuditLog.action == AuditAction.GPO_BRIEF.value)
        ).all()
    assert len(count) == 1


def test_the_brief_is_painted_on_the_gui_thread_only(
    french: InstalledLanguage, week48: Database, out: Path
) -> None:
    refused: list[BaseException] = []

    def off_the_gui_thread() -> None:
        try:
            write_gpo_brief(week48, W48, out, actor=COMMAND_LINE, now=NOW)
        except RuntimeError as error:
            refused.append(error)

    worker = threading.Thread(target=off_the_gui_thread)
    worker.start()
    worker.join()

    assert [str(error) for error in refused] == [
        "the GPO brief is painted on the GUI thread (Qt Charts)"
    ]
    assert list(out.iterdir()) == []


def _no_display() -> dict[str, str]:
    """The environment of a scheduled task: no display, no Qt platform chosen."""
    gone = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "OPERLINE_DATABASE_URL")
    return {name: value for name, value in os.environ.items() if name not in gone}


def _export(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "operline", "export", "gpo", *args],
        capture_output=True,
        text=True,
        env=_no_display(),
        timeout=120,
        check=False,
    )


def test_export_gpo_pdf_writes_the_brief_beside_the_csv_files_without_a_display(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    sectors(sqlite_database, *ACTIVE)
    store(sqlite_database, Call(paris("2026-03-29T03:30")), Call(paris("2026-03-25T12:00")))
    out = tmp_path / "gpo"
    out.mkdir()

    done = _export("--week", "2026-W13", "--out", str(out), "--pdf", "--db", sqlite_url)

    assert done.returncode == 0, done.stderr
    brief = out / "operline-gpo-2026-W13-brief.pdf"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [*(f"operline-gpo-2026-W13-{kind}.csv" for kind in ("incidents", "summary", "hotspots")),
         brief.name]
    )  # fmt: skip
    digest = hashlib.sha256(brief.read_bytes()).hexdigest()
    assert done.stdout.splitlines()[-1] == f"{brief}: 1 page(s), sha256 {digest}"
    (page,) = pdf_text(brief)
    assert "Note hebdomadaire au GPO — semaine 13" in page
    assert "Une semaine de 167 heures : changement d'heure." in page
    total = read_back(out / "operline-gpo-2026-W13-summary.csv").records[-1]
    assert f"Appels {total['calls']} 0 0,0" in page


def test_export_gpo_pdf_in_english_and_a_failure_in_one_sentence_writing_nothing(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    sectors(sqlite_database, *ACTIVE)
    out = tmp_path / "gpo"
    out.mkdir()

    done = _export("--week", "2026-W13", "--out", str(out), "--pdf", "--lang", "en",
                   "--db", sqlite_url)  # fmt: skip
    assert done.returncode == 0, done.stderr
    (page,) = pdf_text(out / brief_file_name(IsoWeek(2026, 13)))
    assert "Weekly brief for the GPO — week 13" in page

    before = {p.name: p.read_bytes() for p in out.iterdir()}
    missing = tmp_path / "nowhere"
    done = _export("--week", "2026-W13", "--out", str(missing), "--pdf", "--db", sqlite_url)
    assert done.returncode == 2
    assert done.stderr == f"operline: The folder {missing} does not exist; nothing was exported.\n"
    assert "Traceback" not in done.stderr
    done = _export("--week", "2099-W13", "--out", str(out), "--pdf", "--lang", "en",
                   "--db", sqlite_url)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("operline: The week 2099-W13 is not over yet")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_week_without_calls_says_so_in_place_of_the_chart_and_hot_spots(
    french: InstalledLanguage, database: Database, out: Path
) -> None:
    sectors(database, *ACTIVE)
    written = write_gpo_brief(database, W48, out, actor=COMMAND_LINE, now=NOW)

    (page,) = pdf_text(written.path)
    assert "Appels 0 0 0,0" in page
    assert "Délai médian de prise en compte (min) — — —" in page
    assert "Appels par jour et par secteur Aucun appel cette semaine." in page
    assert "Aucun lieu n'a été indiqué dans un appel cette semaine." in page
    assert "Stalingrad 168 h Toute la semaine" in page


def test_hours_without_a_team_read_in_paris_time_with_the_offset_in_the_hour_lived_twice(
    french: InstalledLanguage, database: Database, out: Path
) -> None:
    # Week 43 of 2026 ends on the night the clocks go back (Sunday 25 October, 03:00 → 02:00).
    fill_desk(
        database,
        sectors=("Stalingrad",),
        teams={"Maraude Nord": "+33140000000"},
        shifts=[Shift("Maraude Nord", "08:00", "02:30", ("Stalingrad",))],
    )
    written = write_gpo_brief(database, IsoWeek(2026, 43), out, actor=COMMAND_LINE, now=NOW)

    (page,) = pdf_text(written.path)
    assert "Une semaine de 169 heures : changement d'heure." in page
    nights = "; ".join(f"{day} 02:30–08:00" for day in (
        "lun. 19/10", "mar. 20/10", "mer. 21/10", "jeu. 22/10", "ven. 23/10", "sam. 24/10"
    ))  # fmt: skip
    # The shift ends at the second 02:30: the last gap starts then, on winter time.
    assert f"Stalingrad 38,5 h {nights}; dim. 25/10 02:30 (UTC+01:00)–08:00" in page
