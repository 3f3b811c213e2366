"""Checks that a database is sound: storage integrity, references, and the desk's rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, text

from operline.db.engine import Database
from operline.db.migrate import schema_state
from operline.db.stored_values import broken_rules, unreadable_rows
from operline.db.types import UTCDateTime
from operline.sentences import QT_TRANSLATE_NOOP, Sentence, Template

_COUNTED = QT_TRANSLATE_NOOP("DatabaseCheck", "{what} ({count})")
_STORAGE_DAMAGED = QT_TRANSLATE_NOOP("DatabaseCheck", "storage damaged: {finding}")


@dataclass(frozen=True)
class CheckProblem:
    """One kind of problem found, and how many rows have it."""

    what: Sentence
    count: int = 1

    @property
    def sentence(self) -> Sentence:
        """What was found, with how many rows when more than one."""
        return _COUNTED(what=self.what, count=self.count) if self.count > 1 else self.what

    def __str__(self) -> str:
        return str(self.sentence)


@dataclass(frozen=True)
class CheckReport:
    database: str
    incidents: int
    problems: tuple[CheckProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


# Each rule: what a user would call the problem, and a query counting the rows that have it.
_INCIDENT_RULES: tuple[tuple[Template, str], ...] = (
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "incidents whose stages are out of order"),
        "SELECT COUNT(*) FROM incident WHERE routed_at < received_at"
        " OR acknowledged_at < COALESCE(routed_at, received_at)"
        " OR on_scene_at < COALESCE(acknowledged_at, routed_at, received_at)"
        " OR closed_at < COALESCE(on_scene_at, acknowledged_at, routed_at, received_at)",
    ),
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "incidents whose stage has no time"),
        # The log kept before Operline noted no routing time, and not always when a team
        # acknowledged: its calls may lack them.
        "SELECT COUNT(*) FROM incident WHERE"
        " (((status IN ('routed', 'acknowledged', 'on_scene') AND routed_at IS NULL)"
        " OR (status IN ('acknowledged', 'on_scene') AND acknowledged_at IS NULL))"
        " AND NOT EXISTS (SELECT 1 FROM imported_call m WHERE m.incident_id = incident.id))"
        " OR (status = 'on_scene' AND on_scene_at IS NULL)"
        " OR (status <> 'closed' AND closed_at IS NOT NULL)",
    ),
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "incidents received in the future"),
        "SELECT COUNT(*) FROM incident WHERE received_at > :now",
    ),
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "incidents routed without a team"),
        "SELECT COUNT(*) FROM incident WHERE routed_at IS NOT NULL AND assigned_team_id IS NULL",
    ),
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "incidents without a timeline"),
        "SELECT COUNT(*) FROM incident i WHERE NOT EXISTS"
        " (SELECT 1 FROM incident_event e WHERE e.incident_id = i.id)",
    ),
    (
        QT_TRANSLATE_NOOP("DatabaseCheck", "year counters behind the references already given"),
        "SELECT COUNT(*) FROM reference_counter c WHERE c.last_number <"
        " (SELECT COUNT(*) FROM incident i WHERE i.reference LIKE"
        " 'OPL-' || CAST(c.year AS VARCHAR(4)) || '-%')",
    ),
)


def check_database(database: Database, *, now: datetime) -> CheckReport:
    """Run every check; the database is only read."""
    state = schema_state(database)
    if state.current is None:
        empty = QT_TRANSLATE_NOOP("DatabaseCheck", "the database holds no Operline data yet")
        problems = (CheckProblem(empty()),)
        return CheckReport(database.name, 0, problems)
    if not state.up_to_date:
        behind = QT_TRANSLATE_NOOP(
            "DatabaseCheck",
            "the schema is {current}, this version expects {head}: run 'operline db upgrade'",
        )
        problem = CheckProblem(behind(current=state.current, head=state.head))
        return CheckReport(database.name, 0, (problem,))
    found: list[CheckProblem] = []
    # Only reads: desks keep writing while the check runs.
    with database.errors(), database.engine.connect() as connection:
        if database.is_sqlite:
            found.extend(_sqlite_storage_problems(connection))
            if found and found[0].what.template == _STORAGE_DAMAGED:
                # Reading on would only stop at the first damaged page; say what was found.
                return CheckReport(database.name, 0, tuple(found))
        else:  # a large database may rightly take longer to read than a desk's statement
            connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        found.extend(CheckProblem(row.sentence, row.count) for row in unreadable_rows(connection))
        found.extend(CheckProblem(rule.sentence, rule.count) for rule in broken_rules(connection))
        for what, query in _INCIDENT_RULES:
            statement = text(query)
            if ":now" in query:  # compared as the stored instants are, in UTC
                statement = statement.bindparams(bindparam("now", now, type_=UTCDateTime))
            count = connection.execute(statement).scalar_one()
            if count:
                found.append(CheckProblem(what(), count))
        incidents = connection.execute(text("SELECT COUNT(*) FROM incident")).scalar_one()
    return CheckReport(database.name, incidents, tuple(found))


def _sqlite_storage_problems(connection: Connection) -> list[CheckProblem]:
    problems: list[CheckProblem] = []
    integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
    # SQLite also reports broken CHECK and NOT NULL rules there; those are told per rule
    # and per table by the reading of every stored value.
    damage = [
        finding
        for finding in integrity
        if finding != "ok" and not finding.startswith(("CHECK constraint failed", "NULL value in"))
    ]
    if damage:
        problems.append(CheckProblem(_STORAGE_DAMAGED(finding=damage[0]), len(damage)))
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = ", ".join(sorted({row[0] for row in broken}))
        pointing = QT_TRANSLATE_NOOP("DatabaseCheck", "rows pointing to missing rows in {tables}")
        problems.append(CheckProblem(pointing(tables=tables), len(broken)))
    return problems
