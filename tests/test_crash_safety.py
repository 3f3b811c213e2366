"""Saved calls survive a desk killed at any instant, and four desks writing at once."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from operline.codes import OperatorRole
from operline.db.engine import open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident
from operline.roster.editing_sectors import SectorDraft, add_sector
from tests.actors import COMMAND_LINE, signed_in
from tests.command_line import run_operline

REPOSITORY = Path(__file__).resolve().parent.parent
REFERENCE = re.compile(r"OPL-\d{4}-\d{6}")
KILLS = 20
LOAD_DESKS = 4
LOAD_CALLS = 500


def _prepare_desk(url: str) -> list[str]:
    """A database at the app's schema with one sector and one operator: the writer's args."""
    database = open_database(url)
    try:
        now = datetime.now(UTC)
        upgrade_database(database, now=now)
        sector = add_sector(database, SectorDraft("Stalingrad"), actor=COMMAND_LINE, now=now)
        operator = signed_in(database, "Inès", OperatorRole.OPERATOR)
        assert operator.operator_id is not None
        return [url, str(operator.operator_id), str(sector.id)]
    finally:
        database.dispose()


def _writer(arguments: list[str], calls: int) -> subprocess.Popen[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY), "LANG": "C"}
    environment.pop("OPERLINE_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "tests.call_writer", *arguments, str(calls)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        cwd=REPOSITORY,
    )


def _stored_references(url: str) -> list[str]:
    database = open_database(url, must_exist=True)
    try:
        with database.read() as session:
            return list(session.scalars(select(Incident.reference)))
    finally:
        database.dispose()


def test_every_call_reported_saved_survives_kill_9(database_url: str) -> None:
    arguments = _prepare_desk(database_url)
    chance = random.Random()
    reported: list[str] = []
    for _ in range(KILLS):
        writer = _writer(arguments, 0)
        assert writer.stdout is not None
        first = writer.stdout.readline()  # started, and in the middle of its loop
        assert REFERENCE.fullmatch(first.strip()), writer.stderr.read() if writer.stderr else ""
        reported.append(first.strip())
        time.sleep(chance.uniform(0, 0.1))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        # A line cut by the kill is not a call reported saved.
        reported += [line for line in rest.split("\n")[:-1] if REFERENCE.fullmatch(line)]

    stored = _stored_references(database_url)
    assert len(reported) >= KILLS
    assert set(reported) <= set(stored)
    assert len(set(stored)) == len(stored)
    check = run_operline("db", "check", "--db", database_url)
    assert check.returncode == 0, check.stdout + check.stderr


def test_four_desks_logging_500_calls_at_once_lose_none(database_url: str) -> None:
    arguments = _prepare_desk(database_url)
    writers = [_writer(arguments, LOAD_CALLS) for _ in range(LOAD_DESKS)]
    outputs = [writer.communicate(timeout=300) for writer in writers]

    for writer, (_, errors) in zip(writers, outputs, strict=True):
        assert (writer.returncode, errors) == (0, "")
    reported = [line for out, _ in outputs for line in out.split()]
    stored = _stored_references(database_url)
    assert len(reported) == len(set(reported)) == LOAD_DESKS * LOAD_CALLS
    assert sorted(stored) == sorted(reported)
