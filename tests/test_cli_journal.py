"""``operline journal --day`` in the morning routine: a PDF and a CSV, with no display."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.handover import hand_over
from tests.actors import PASSWORD, with_password
from tests.command_line import run_operline
from tests.test_day_log import _calls


def _no_display() -> dict[str, str]:
    """The environment of a script run by cron: no display, no Qt platform chosen."""
    gone = ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "OPERLINE_DATABASE_URL")
    return {name: value for name, value in os.environ.items() if name not in gone}


def _journal(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "operline", "journal", *args],
        capture_output=True,
        text=True,
        env=_no_display(),
        timeout=120,
        check=False,
    )


def test_the_day_log_is_written_as_pdf_and_csv_without_a_display(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    _calls(
        sqlite_database,
        datetime(2026, 10, 24, 22, 10, tzinfo=UTC),  # 00:10
        datetime(2026, 10, 25, 0, 30, tzinfo=UTC),  # 02:30 summer time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # 02:30 winter time
        closed_after_minutes=20,
    )
    pdf, table = tmp_path / "journal.pdf", tmp_path / "journal.csv"

    done = _journal(
        "--day", "2026-10-25", "--pdf", str(pdf), "--csv", str(table), "--db", sqlite_url
    )

    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{pdf}: 1 page(s)\n"
    (page,) = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    assert "Journal du dimanche 25 octobre 2026 — Numéro opérationnel unique" in page
    assert "Journée de 25 heures" in page
    assert "Non signé" in page
    assert "Page 1 / 1" in page
    assert page.index("OPL-2026-000001") < page.index("OPL-2026-000003")
    assert page.index("02:30 +02:00") < page.index("02:30 +01:00")
    content = table.read_bytes()
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert [row[0] for row in rows] == [
        "Référence",
        "OPL-2026-000001",
        "OPL-2026-000002",
        "OPL-2026-000003",
    ]
    assert [row[2] for row in rows[1:]] == ["00:10", "02:30 +02:00", "02:30 +01:00"]
    assert [row[14] for row in rows[1:]] == ["20", "20", "20"]  # minutes to close
    with sqlite_database.read() as session:
        audited = session.execute(
            select(AuditLog.action, AuditLog.target, AuditLog.details).order_by(AuditLog.id)
        ).all()
    assert [tuple(row) for row in audited][-4:] == [
        ("journal.view", "2026-10-25", None),
        ("handover.view", "2026-10-25", None),  # the handover notes were read with the day
        ("day.export", "2026-10-25", "csv journal.csv"),
        ("day.export", "2026-10-25", "pdf journal.pdf"),
    ]


def test_without_files_the_day_log_is_printed_as_lines(
    sqlite_database: Database, sqlite_url: str
) -> None:
    _calls(sqlite_database, datetime(2026, 3, 29, 1, 0, tzinfo=UTC))

    done = run_operline("journal", "--day", "2026-03-29", "--db", sqlite_url)

    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "2026-03-29: 1 calls, 23 hours, not signed off",
        "OPL-2026-000001;03:00;;;;;Stalingrad;;",
    ]


def test_the_day_s_handovers_are_printed_after_its_calls_and_in_its_pdf(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    _calls(sqlite_database, datetime(2026, 11, 26, 8, 0, tzinfo=UTC))
    ines = with_password(sqlite_database, "Inès Moreau", OperatorRole.OPERATOR)
    karim = with_password(sqlite_database, "Karim Haddad", OperatorRole.OPERATOR)
    hand_over(
        sqlite_database,
        "OPL-2026-000001 :\nla maraude rappelle.",
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=datetime(2026, 11, 26, 13, 5, tzinfo=UTC),
    )
    pdf = tmp_path / "journal.pdf"

    printed = run_operline("journal", "--day", "2026-11-26", "--db", sqlite_url)
    done = _journal("--day", "2026-11-26", "--pdf", str(pdf), "--db", sqlite_url)

    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.splitlines()[-1] == (
        "handover;14:05;Inès Moreau;Karim Haddad;1 open;1 late;"
        "OPL-2026-000001 : la maraude rappelle."
    )
    assert done.returncode == 0, done.stderr
    (page,) = [" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages]
    assert "Relèves du jour (1)" in page
    assert "14:05 — Inès Moreau a passé la main à Karim Haddad (poste-test)" in page
    assert "Note : « OPL-2026-000001 : la maraude rappelle. »" in page


def test_a_wrong_day_or_folder_is_one_sentence(sqlite_url: str, tmp_path: Path) -> None:
    wrong_day = run_operline("journal", "--day", "29/03/2026", "--db", sqlite_url)
    assert wrong_day.returncode == 2
    assert "'29/03/2026' is not a day (expected YYYY-MM-DD)" in wrong_day.stderr
    assert "Traceback" not in wrong_day.stderr

    missing = tmp_path / "nowhere" / "journal.pdf"
    no_folder = run_operline(
        "journal", "--day", "2026-03-29", "--pdf", str(missing), "--db", sqlite_url
    )
    assert no_folder.returncode == 2
    assert no_folder.stderr == (f"operline: --pdf: the folder {missing.parent} does not exist\n")
    assert not missing.parent.exists()
