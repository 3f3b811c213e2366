"""The live board reads its open calls in one query of plain columns, names resolved."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import event

from operline import reference_data as ref
from operline.codes import Category, Priority, Status
from operline.incidents.intake import CallForm, log_call
from operline.incidents.live_board import Alert, open_incidents, sector_strip
from operline.incidents.stages import Action, route_incident
from operline.settings import DeskSettings
from tests.incidents.conftest import NOW, Desk


def test_the_board_reads_every_open_call_in_one_query(desk: Desk) -> None:
    ids = []
    for minutes, sector in ((40, ref.STALINGRAD), (3, ref.EOLE)):
        at = NOW - timedelta(minutes=minutes)
        form = CallForm(
            received_at=at,
            sector_id=desk.sectors[sector],
            category=Category.CARE,
            priority=Priority.NORMAL,
            persons=3,
            location="Rue de Tanger",
        )
        ids.append(log_call(desk.database, form, actor=desk.actor, now=at).incident_id)
    team = desk.on_duty(ref.STALINGRAD)[0]
    at = NOW - timedelta(minutes=39)
    route_incident(
        desk.database, ids[0], team.team_id, version=1, action=Action(desk.actor, at, at)
    )
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(desk.database.engine, "before_cursor_execute", count)
    try:
        board = open_incidents(desk.database, now=NOW, settings=DeskSettings())
    finally:
        event.remove(desk.database.engine, "before_cursor_execute", count)

    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 1
    first, second = board
    assert (first.incident_id, first.sector, first.team, first.team_id) == (
        ids[0],
        ref.STALINGRAD,
        team.name,
        team.team_id,
    )
    assert (first.status, first.version, first.alert) == (Status.ROUTED, 2, Alert.RED)
    assert (first.category, first.persons, first.location) == (Category.CARE, 3, "Rue de Tanger")
    assert (second.sector, second.team, second.status, second.alert) == (
        ref.EOLE,
        None,
        Status.NEW,
        Alert.NONE,
    )
    assert second.received_at == NOW - timedelta(minutes=3)


def test_the_strip_counts_open_calls_from_the_index_of_open_calls(desk: Desk) -> None:
    statements: list[tuple[str, object]] = []

    def catch(*args: object) -> None:
        statement = str(args[2])
        if "count(" in statement.lower():
            statements.append((statement, args[3]))

    event.listen(desk.database.engine, "before_cursor_execute", catch)
    try:
        strip = sector_strip(desk.database, now=NOW)
    finally:
        event.remove(desk.database.engine, "before_cursor_execute", catch)

    assert {s.name: s.open_incidents for s in strip}[ref.STALINGRAD] == 0
    [(statement, parameters)] = statements
    if not desk.database.is_sqlite:
        return  # PostgreSQL plans from its statistics; the benchmark checks it
    with desk.database.engine.connect() as connection:
        cursor = connection.connection.cursor()
        cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters)
        plan = " ".join(str(row[-1]) for row in cursor.fetchall())
    assert "ix_incident_open" in plan
