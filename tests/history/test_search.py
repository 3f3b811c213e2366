"""Searching the history: each filter and filters combined, counts, order, audit, rights."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from operline.audit import AuditAction
from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import AuditLog, Facility, Sector, Team
from operline.errors import InvalidInput
from operline.history.filters import HistoryFilter, HistoryOrder
from operline.history.search import HistorySearch, search_history
from tests.actors import COMMAND_LINE, signed_in
from tests.history import NOW, Past, store

DAY = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _search(database: Database, wanted: HistoryFilter, **options: object) -> HistorySearch:
    return search_history(database, wanted, actor=COMMAND_LINE, now=NOW, **options)  # type: ignore[arg-type]


def _found(database: Database, wanted: HistoryFilter) -> list[int]:
    found = _search(database, wanted)
    assert found.count == len(found.first_rows)  # the tests' histories fit one page
    return [row.id for row in found.first_rows]


def _ids(database: Database, model: type[Sector | Team | Facility], name: str) -> int:
    with database.read() as session:
        found = session.scalar(select(model.id).where(model.name == name))
    assert found is not None
    return found


@pytest.fixture
def history(database: Database) -> list[int]:
    """Eight calls over a week, each differing from the others by a filter or two."""
    return store(
        database,
        Past(DAY, location="Jardins d'Éole, côté rue du Département"),
        Past(
            DAY + timedelta(hours=1),
            sector="Porte de la Chapelle",
            category=Category.SHELTER,
            outcome=Outcome.ORIENTED,
            place="Halte de nuit",
            notes="Demande une mise à l'abri pour la nuit",
        ),
        Past(DAY + timedelta(hours=2), priority=Priority.URGENT, team="ELA", linked=True),
        Past(
            DAY + timedelta(days=1),
            status=Status.ROUTED,
            outcome=None,
            team_on_duty=False,
            location="Quai de la Loire",
        ),
        Past(
            DAY + timedelta(days=2),
            category=Category.SHELTER,
            outcome=Outcome.REFUSED,
            notes="Refuse l'orientation, ÉOLE plus tard",
        ),
        Past(DAY + timedelta(days=3), sector="Éole", team=None, status=Status.NEW, outcome=None),
        Past(DAY + timedelta(days=4), priority=Priority.URGENT, outcome=Outcome.NOT_FOUND),
        Past(DAY + timedelta(days=6), category=Category.WOMAN, linked=True),
    )


def test_every_call_newest_first_with_the_count(database: Database, history: list[int]) -> None:
    found = _search(database, HistoryFilter())

    assert found.count == 8
    assert [row.id for row in found.first_rows] == history[::-1]
    first = found.first_rows[-1]
    assert (first.sector, first.location, first.team) == (
        "Stalingrad",
        "Jardins d'Éole, côté rue du Département",
        "Maraude Nord",
    )
    oldest_first = _search(database, HistoryFilter(), order=HistoryOrder.OLDEST_FIRST)
    assert [row.id for row in oldest_first.first_rows] == history


def test_each_filter_lets_through_its_calls_only(database: Database, history: list[int]) -> None:
    chapelle = _ids(database, Sector, "Porte de la Chapelle")
    ela = _ids(database, Team, "ELA")
    halte = _ids(database, Facility, "Halte de nuit")
    cases = {
        HistoryFilter(sector_id=chapelle): [1],
        HistoryFilter(category=Category.SHELTER): [4, 1],
        HistoryFilter(priority=Priority.URGENT): [6, 2],
        HistoryFilter(status=Status.ROUTED): [3],
        HistoryFilter(status=Status.CLOSED): [7, 6, 4, 2, 1, 0],
        HistoryFilter(team_id=ela): [2],
        HistoryFilter(outcome=Outcome.REFUSED): [4],
        HistoryFilter(place_id=halte): [1],
        HistoryFilter(linked=True): [7, 2],
        HistoryFilter(linked=False): [6, 5, 4, 3, 1, 0],
        HistoryFilter(no_team_on_duty=True): [3],
        HistoryFilter(first_day=date(2026, 11, 21), last_day=date(2026, 11, 23)): [5, 4, 3],
        HistoryFilter(first_day=date(2026, 11, 24)): [7, 6],
        HistoryFilter(last_day=date(2026, 11, 20)): [2, 1, 0],
    }
    for wanted, positions in cases.items():
        assert _found(database, wanted) == [history[p] for p in positions], wanted


def test_filters_combine(database: Database, history: list[int]) -> None:
    stalingrad = _ids(database, Sector, "Stalingrad")
    cases = {
        HistoryFilter(category=Category.SHELTER, sector_id=stalingrad): [4],
        HistoryFilter(priority=Priority.URGENT, linked=True): [2],
        HistoryFilter(priority=Priority.URGENT, linked=False, last_day=date(2026, 11, 25)): [6],
        HistoryFilter(linked=True, text="éole"): [],
        HistoryFilter(text="eole", category=Category.SHELTER): [4],
        HistoryFilter(text="eole", first_day=date(2026, 11, 21)): [4],
        HistoryFilter(no_team_on_duty=True, status=Status.CLOSED): [],
    }
    for wanted, positions in cases.items():
        assert _found(database, wanted) == [history[p] for p in positions], wanted


def test_the_text_ignores_case_and_accents_and_reads_word_starts(
    database: Database, history: list[int]
) -> None:
    cases = {
        "eole": [4, 0],
        "ÉOLE": [4, 0],
        "Eol": [4, 0],
        "éo": [4, 0],
        "jardins d'eole": [0],
        "  quai   LOIRE ": [3],
        "abri nuit": [1],
        "departement": [0],
        "ole": [],  # not the start of a word
        "nord": [],  # the team's name is no free text
        "-,;": None,  # no word at all: every call
    }
    for typed, positions in cases.items():
        expected = history[::-1] if positions is None else [history[p] for p in positions]
        assert _found(database, HistoryFilter(text=typed)) == expected, typed


def test_the_text_follows_every_change_of_place_and_notes(
    database: Database, history: list[int]
) -> None:
    from operline.db.models import Incident

    with database.write() as session:
        corrected = session.get(Incident, history[0])
        assert corrected is not None
        corrected.location = "Rue Riquet"
        corrected.notes = "Personne orientée vers l'Espace de repos"
        session.delete(session.get(Incident, history[1]))

    assert _found(database, HistoryFilter(text="eole")) == [history[4]]
    assert _found(database, HistoryFilter(text="riquet repos")) == [history[0]]
    assert _found(database, HistoryFilter(text="abri")) == []


def test_a_search_is_audited_once_with_its_filters(database: Database, history: list[int]) -> None:
    operator = signed_in(database, "Inès Roux", OperatorRole.SUPERVISOR)

    found = search_history(
        database,
        HistoryFilter(first_day=date(2026, 11, 21), priority=Priority.URGENT, text="Nuit  d'Éole"),
        actor=operator,
        now=NOW,
    )

    with database.read() as session:
        rows = session.scalars(
            select(AuditLog).where(AuditLog.action == AuditAction.HISTORY_SEARCH.value)
        ).all()
    assert len(rows) == 1
    assert rows[0].operator_id == operator.operator_id
    assert rows[0].target == f"{found.count} calls"
    assert rows[0].details == "first_day=2026-11-21; priority=urgent; text='nuit d eole'"


def test_an_operator_searches_the_last_24_hours_and_a_supervisor_everything(
    database: Database, history: list[int]
) -> None:
    operator = signed_in(database, "Inès Roux", OperatorRole.OPERATOR)
    supervisor = signed_in(database, "Zoé Martin", OperatorRole.SUPERVISOR)

    for actor in (supervisor, COMMAND_LINE):
        assert search_history(database, HistoryFilter(), actor=actor, now=NOW).count == 8
    # Every call of the history is older than a day at NOW.
    assert search_history(database, HistoryFilter(), actor=operator, now=NOW).count == 0
    with database.read() as session:
        audited = session.scalars(
            select(AuditLog.details).where(AuditLog.operator_id == operator.operator_id)
        ).all()
    assert audited == [f"received_since={(NOW - timedelta(hours=24)).isoformat()}"]


def test_a_period_that_ends_before_it_starts_is_refused_in_one_sentence() -> None:
    with pytest.raises(InvalidInput, match=r"ends on 01/11/2026, before it starts \(03/11/2026\)"):
        HistoryFilter(first_day=date(2026, 11, 3), last_day=date(2026, 11, 1))


def test_the_demo_builds_the_text_index_and_leaves_it_kept(database: Database) -> None:
    from operline.db.models import Incident
    from operline.db.search_index import fold_for_search
    from operline.demo import fill_demo_database

    fill_demo_database(database, incidents=400, weeks=2, now=NOW)
    with database.read() as session:
        texts = session.execute(select(Incident.id, Incident.location, Incident.notes)).all()

    def having(word: str) -> int:
        return sum(
            1
            for _id, location, notes in texts
            if any(
                w.startswith(word)
                for w in re.findall(r"[^\W_]+", fold_for_search(f"{location} {notes}"))
            )
        )

    for word in ("eole", "chapelle", "nuit", "quai"):
        assert _search(database, HistoryFilter(text=word)).count == having(word) > 0, word
    with database.write() as session:
        first = session.get(Incident, texts[0][0])
        assert first is not None
        first.location = "Pont de Flandre, escalier"
    assert [row.id for row in _search(database, HistoryFilter(text="escalier")).first_rows] == [
        texts[0][0]
    ]
