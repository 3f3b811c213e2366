"""The free-text index folds text as FTS5 does, on PostgreSQL too, and keeps its triggers."""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.search_index import fold_for_search, restore_sqlite_triggers, search_words

# Latin letters, their accents typed apart, punctuation and the currency signs.
_RANGES = ((0x21, 0x7F), (0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))
_SAMPLE = [
    chr(code)
    for low, high in _RANGES
    for code in range(low, high)
    if unicodedata.category(chr(code)) not in ("Cc", "Cn", "Cf", "Cs")
]


def _fts5_words(texts: list[str]) -> list[list[str]]:
    """The words SQLite's FTS5 (unicode61 remove_diacritics 2) reads in each text."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')")
    connection.executemany("INSERT INTO t(rowid, x) VALUES (?, ?)", enumerate(texts))
    words: list[list[str]] = [[] for _ in texts]
    for document, term in connection.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
        words[document].append(term)
    return words


def test_the_search_folds_every_latin_letter_and_sign_as_fts5_does() -> None:
    texts = [f"a{character}b" for character in _SAMPLE]
    assert [list(search_words(t)) for t in texts] == _fts5_words(texts)


@pytest.fixture
def postgres_database(postgres_url: str) -> Iterator[Database]:
    database = open_database(postgres_url)
    upgrade_database(database, now=datetime.now(UTC))
    try:
        yield database
    finally:
        database.dispose()


#: The one difference: PostgreSQL's parser ends a word at these, FTS5 does not ("m²").
_SUPERSCRIPTS_AND_FRACTIONS = "¹²³¼½¾"


@pytest.mark.postgres
def test_postgresql_folds_as_the_search_does(postgres_database: Database) -> None:
    sample = [c for c in _SAMPLE if c not in _SUPERSCRIPTS_AND_FRACTIONS]
    texts = [f"a{character}b Zé{character}" for character in sample]
    with postgres_database.read() as session:
        folded = session.execute(
            text(
                "SELECT tsvector_to_array(incident_search_document(x, NULL)) "
                "FROM unnest(CAST(:texts AS TEXT[])) AS x"
            ),
            {"texts": texts},
        ).scalars()
        assert [sorted(words) for words in folded] == [sorted(set(search_words(t))) for t in texts]
    assert fold_for_search("L'ŒUVRE d’Éole") == "l œuvre d eole"


def test_the_triggers_come_back_after_a_table_rebuild(sqlite_database: Database) -> None:
    with sqlite_database.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER incident_search_insert")
        restore_sqlite_triggers(connection)
        names = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).scalars()
        assert list(names) == [
            "incident_search_delete",
            "incident_search_insert",
            "incident_search_update",
        ]
