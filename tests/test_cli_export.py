"""``operline export gpo`` as a weekly scheduled task runs it: exit codes and one sentence."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from operline.audit import AuditAction
from operline.db.engine import Database
from operline.db.models import AuditLog
from operline.gpo.week import last_complete_week
from operline.paris_time import now_utc
from tests.command_line import run_operline
from tests.gpo.calls import Call, paris, read_back, store


def one_sentence(done: subprocess.CompletedProcess[str], expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr == f"operline: {expected}\n"
    assert done.stdout == ""


def test_the_week_is_exported_into_the_folder_given(
    sqlite_database: Database, sqlite_url: str, tmp_path: Path
) -> None:
    store(sqlite_database, Call(paris("2026-03-29T03:30")), Call(paris("2026-03-25T12:00")))
    out = tmp_path / "gpo"
    out.mkdir()

    done = run_operline(
        "export", "gpo", "--week", "2026-W13", "--out", str(out), "--db", sqlite_url
    )

    assert done.returncode == 0, done.stderr
    names = [f"operline-gpo-2026-W13-{kind}.csv" for kind in ("incidents", "summary", "hotspots")]
    assert sorted(p.name for p in out.iterdir()) == sorted(names)
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [str(out / name) for name in names]
    assert lines[0].startswith(f"{out / names[0]}: 2 rows, sha256 ")
    assert len(read_back(out / names[0]).records) == 2
    with sqlite_database.read() as session:
        audited = session.scalars(
            select(AuditLog.target).where(AuditLog.action == AuditAction.GPO_EXPORT.value)
        ).all()
    assert audited == ["2026-W13"]


def test_without_a_week_the_last_complete_one_goes_to_the_current_folder(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_operline("db", "upgrade", "--db", sqlite_url).returncode == 0
    out = tmp_path / "here"
    out.mkdir()
    monkeypatch.chdir(out)
    week = last_complete_week(now_utc())

    done = run_operline("export", "gpo", "--db", sqlite_url)

    assert done.returncode == 0, done.stderr
    assert (out / f"operline-gpo-{week}-summary.csv").is_file()


@pytest.mark.parametrize(
    ("week", "sentence"),
    [
        ("2026-13", "'2026-13' is not an ISO week (expected YYYY-Www, e.g. 2026-W13)."),
        ("semaine 13", "'semaine 13' is not an ISO week (expected YYYY-Www, e.g. 2026-W13)."),
        ("2025-W53", "2025 has no week 53 (ISO weeks run from W01 to W52 or W53)."),
        ("2026-W00", "2026 has no week 0 (ISO weeks run from W01 to W52 or W53)."),
    ],
)
def test_a_malformed_week_is_refused_in_one_sentence(
    sqlite_url: str, tmp_path: Path, week: str, sentence: str
) -> None:
    done = run_operline("export", "gpo", "--week", week, "--out", str(tmp_path), "--db", sqlite_url)
    one_sentence(done, sentence)
    assert list(tmp_path.iterdir()) == []


def test_a_week_in_the_future_is_refused_in_one_sentence(sqlite_url: str, tmp_path: Path) -> None:
    out = tmp_path / "gpo"
    out.mkdir()
    done = run_operline(
        "export", "gpo", "--week", "2999-W01", "--out", str(out), "--db", sqlite_url
    )
    one_sentence(
        done,
        "The week 2999-W01 is not over yet (it ends on 07/01/2999 00:00, Paris time); "
        f"the last complete week is {last_complete_week(now_utc())}.",
    )
    assert list(out.iterdir()) == []


def test_a_missing_out_folder_is_refused_in_one_sentence(sqlite_url: str, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    done = run_operline(
        "export", "gpo", "--week", "2026-W13", "--out", str(missing), "--db", sqlite_url
    )
    one_sentence(done, f"The folder {missing} does not exist; nothing was exported.")


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write to, not even root (who ignores permission bits)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: no way to make a folder read-only")
    if subprocess.run(["chattr", "+i", str(folder)], check=False).returncode != 0:
        pytest.skip("this file system cannot make a folder immutable")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_unwritable_out_folder_is_refused_in_one_sentence(
    sqlite_url: str, read_only_folder: Path
) -> None:
    done = run_operline(
        "export", "gpo", "--week", "2026-W13", "--out", str(read_only_folder), "--db", sqlite_url
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(
        f"operline: Operline cannot write the export into {read_only_folder} ("
    )
    assert done.stderr.endswith("); nothing was exported.\n")
    assert len(done.stderr.splitlines()) == 1
    assert list(read_only_folder.iterdir()) == []
