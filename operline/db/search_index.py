"""The free-text index of the history: where a call was and its notes, found whatever the
case and accents ("eole" finds "Éole", "eol" too: every word typed is a prefix).

SQLite keeps it in an FTS5 table (tokenizer ``unicode61 remove_diacritics 2``) over the
incident table; PostgreSQL in a table of ``tsvector`` under a GIN index. On both, triggers
on ``incident`` keep it in step with every insert and every change of ``location`` or
``notes``: no writer (the call form, a correction, the anonymisation, a bulk load) can
forget it, and it is built for existing calls by migration 0005.

PostgreSQL folds the text with ``translate()`` through the very table FTS5 applies, kept
below, instead of the ``unaccent`` extension (which a hosted server or a schema per test
may not allow) or ``operline.names``' NFKD folding (which folds more than FTS5 does, ß or
superscripts for instance): the same words find the same calls on both backends, but
for one thing: PostgreSQL's parser ends a word at a superscript or a fraction (m², ½),
FTS5 does not. The folding is computed by the database itself: the trigger needs no
Python. (A database whose character type is C lowers no letter beyond the Latin ones the
table lists: Greek or Cyrillic capitals then match on SQLite only.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.orm import Session

#: What FTS5's ``unicode61 remove_diacritics 2`` makes of the Latin letters that it
#: changes (other than A-Z, which every database lowers): letter -> the letters folded to
#: it. Read from SQLite itself; ``tests/test_search_index.py`` checks it still agrees.
_LETTERS = {
    "a": "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặ",
    "b": "ḂḃḄḅḆḇ",
    "c": "ÇçĆćĈĉĊċČčḈḉ",
    "d": "ĎďḊḋḌḍḎḏḐḑḒḓ",
    "e": "ÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝẸẹẺẻẼẽẾếỀềỂểỄễỆệ",
    "f": "Ḟḟ",
    "g": "ĜĝĞğĠġĢģǦǧǴǵḠḡ",
    "h": "ĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖ",
    "i": "ÌÍÎÏìíîïĨĩĪīĬĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊị",
    "j": "Ĵĵǰ",
    "k": "ĶķǨǩḰḱḲḳḴḵ",
    "l": "ĹĺĻļĽľḶḷḸḹḺḻḼḽ",
    "m": "ḾḿṀṁṂṃ",
    "n": "ÑñŃńŅņŇňǸǹṄṅṆṇṈṉṊṋ",
    "o": "ÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ",
    "p": "ṔṕṖṗ",
    "r": "ŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟ",
    "s": "ŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩẛ",
    "t": "ŢţŤťȚțṪṫṬṭṮṯṰṱẗ",
    "u": "ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹṺṻỤụỦủỨứỪừỬửỮữỰự",
    "v": "ṼṽṾṿ",
    "w": "ŴŵẀẁẂẃẄẅẆẇẈẉẘ",
    "x": "ẊẋẌẍ",
    "y": "ÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹ",
    "z": "ŹźŻżŽžẐẑẒẓẔẕ",
    "ß": "ẞ",
    "æ": "Æ",
    "ð": "Ð",
    "ø": "Ø",
    "þ": "Þ",
    "đ": "Đ",
    "ħ": "Ħ",
    "ĳ": "Ĳ",
    "ŀ": "Ŀ",
    "ł": "Ł",
    "ŋ": "Ŋ",
    "œ": "Œ",
    "ŧ": "Ŧ",
    "ƀ": "Ƀ",
    "ƃ": "Ƃ",
    "ƅ": "Ƅ",
    "ƈ": "Ƈ",
    "ƌ": "Ƌ",
    "ƒ": "Ƒ",
    "ƕ": "Ƕ",
    "ƙ": "Ƙ",
    "ƚ": "Ƚ",
    "ƞ": "Ƞ",
    "ƣ": "Ƣ",
    "ƥ": "Ƥ",
    "ƨ": "Ƨ",
    "ƭ": "Ƭ",
    "ƴ": "Ƴ",
    "ƶ": "Ƶ",
    "ƹ": "Ƹ",
    "ƽ": "Ƽ",
    "ƿ": "Ƿ",
    "ǆ": "Ǆǅ",
    "ǉ": "Ǉǈ",
    "ǌ": "Ǌǋ",
    "ǝ": "Ǝ",
    "ǡ": "Ǡ",
    "ǣ": "Ǣ",
    "ǥ": "Ǥ",
    "ǯ": "Ǯ",
    "ǳ": "Ǳǲ",
    "ǽ": "Ǽ",
    "ǿ": "Ǿ",
    "ȝ": "Ȝ",
    "ȣ": "Ȣ",
    "ȥ": "Ȥ",
    "ȼ": "Ȼ",
    "ɂ": "Ɂ",
    "ɇ": "Ɇ",
    "ɉ": "Ɉ",
    "ɋ": "Ɋ",
    "ɍ": "Ɍ",
    "ɏ": "Ɏ",
    "ɓ": "Ɓ",
    "ɔ": "Ɔ",
    "ɖ": "Ɖ",
    "ɗ": "Ɗ",
    "ə": "Ə",
    "ɛ": "Ɛ",
    "ɠ": "Ɠ",
    "ɣ": "Ɣ",
    "ɨ": "Ɨ",
    "ɩ": "Ɩ",
    "ɯ": "Ɯ",
    "ɲ": "Ɲ",
    "ɵ": "Ɵ",
    "ʀ": "Ʀ",
    "ʃ": "Ʃ",
    "ʈ": "Ʈ",
    "ʉ": "Ʉ",
    "ʊ": "Ʊ",
    "ʋ": "Ʋ",
    "ʌ": "Ʌ",
    "ʒ": "Ʒ",
    "μ": "µ",
    "ỻ": "Ỻ",
    "ỽ": "Ỽ",
    "ỿ": "Ỿ",
    "ⱥ": "Ⱥ",
    "ⱦ": "Ⱦ",
}
#: Punctuation, symbols and spaces where FTS5 ends a word.
_SEPARATORS = (
    "!\"#$%&'()*+,-./:;<=>?@[\\"
    "]^_`{|}~\u00a0¡¢£¤¥¦§¨©«¬®¯°±"
    "´¶·¸»¿×÷\u0305\u030d\u030e\u0310\u0312\u0313\u0314\u0315\u0316\u0317\u0318\u0319\u031a\u031c\u031d\u031e"
    "\u031f\u0320\u0321\u0322\u0329\u032a\u032b\u032c\u032f\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u0339\u033a\u033b\u033c\u033d\u033e\u033f\u0340"
    "\u0341\u0342\u0343\u0344\u0345\u0346\u0347\u0348\u0349\u034a\u034b\u034c\u034d\u034e\u034f\u0350\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358"
    "\u0359\u035a\u035b\u035c\u035d\u035e\u035f\u0360\u0361\u0362\u0363\u0364\u0365\u0366\u0367\u0368\u0369\u036a\u036b\u036c\u036d\u036e\u036f\u2000"
    "\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a‐‑‒–—―‖‗‘’‚‛“”"
    "„‟†‡•‣․‥…‧\u2028\u2029\u202f‰‱′″‴‵‶‷‸‹›"
    "※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊⁋⁌⁍⁎⁏⁐⁑⁒"
    "⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞\u205f₠₡₢₣₤₥₦₧₨₩₪"
    "₫€₭₮₯₰₱₲₳₴₵₶₷₸₹"
)
#: Accents typed apart from their letter (e then ́), which FTS5 drops.
_REMOVED = (
    "\u0300\u0301\u0302\u0303\u0304\u0306\u0307\u0308\u0309\u030a\u030b\u030c"
    "\u030f\u0311\u031b\u0323\u0324\u0325\u0326\u0327\u0328\u032d\u032e\u0330"
    "\u0331"
)

#: The FTS5 table (SQLite) or the table of tsvectors (PostgreSQL), by the same name.
INDEX_TABLE = "incident_search"
#: Tables of the index, which the models do not describe (FTS5 keeps its own beside it).
INDEX_TABLES = frozenset(
    {INDEX_TABLE, *(f"{INDEX_TABLE}_{part}" for part in ("data", "idx", "docsize", "config"))}
)
#: At most this many words are looked up at once: each is one more pass over the index.
MAX_WORDS = 8

_FOLD = str.maketrans(
    {
        **{ch: letter for letter, chars in _LETTERS.items() for ch in chars},
        **dict.fromkeys(_SEPARATORS, " "),
        **dict.fromkeys(_REMOVED),
    }
)
_WORD = re.compile(r"[^\W_]+")

#: The arguments of PostgreSQL's ``translate()`` doing what ``_FOLD`` does.
POSTGRESQL_FOLD_FROM = "".join(chars for chars in _LETTERS.values()) + _SEPARATORS + _REMOVED
POSTGRESQL_FOLD_TO = "".join(letter * len(chars) for letter, chars in _LETTERS.items()) + (
    " " * len(_SEPARATORS)
)

# What keeps the SQLite index in step; the same as migration 0005 creates, so that a
# later migration rebuilding the incident table (which drops its triggers) loses nothing.
_SQLITE_NEW = (
    f"INSERT INTO {INDEX_TABLE}(rowid, location, notes) VALUES (new.id, new.location, new.notes);"
)
_SQLITE_OLD = (
    f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rowid, location, notes) "
    "VALUES ('delete', old.id, old.location, old.notes);"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_insert AFTER INSERT ON incident "
    f"BEGIN {_SQLITE_NEW} END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_delete AFTER DELETE ON incident "
    f"BEGIN {_SQLITE_OLD} END",
    f"CREATE TRIGGER IF NOT EXISTS {INDEX_TABLE}_update AFTER UPDATE OF location, notes "
    f"ON incident BEGIN {_SQLITE_OLD} {_SQLITE_NEW} END",
)


def fold_for_search(text: str) -> str:
    """Text as the index reads it: no accents, lower case, punctuation turned to spaces."""
    return text.translate(_FOLD).lower()


def search_words(text: str) -> tuple[str, ...]:
    """The words of a search as typed, folded, each once, in order, at most ``MAX_WORDS``."""
    words = dict.fromkeys(_WORD.findall(fold_for_search(text)))
    return tuple(words)[:MAX_WORDS]


def matching_incident_ids(dialect: str, words: Sequence[str]) -> sa.Select[tuple[int]]:
    """The ids of the incidents whose place or notes hold every word.

    A word of two letters or more is a prefix ("eol" finds "Éole"); a single letter or
    digit is a whole word, or it would match nearly every call.
    """
    if not words:
        raise ValueError("a text search needs at least one word")
    if dialect == "sqlite":
        index = sa.table(INDEX_TABLE, sa.column("rowid", sa.Integer), sa.column(INDEX_TABLE))
        query = " ".join(f'"{word}"*' if len(word) > 1 else f'"{word}"' for word in words)
        return sa.select(index.c.rowid).where(index.c[INDEX_TABLE].op("MATCH")(query))
    documents = sa.table(INDEX_TABLE, sa.column("incident_id", sa.Integer), sa.column("document"))
    terms = " & ".join(f"'{word}':*" if len(word) > 1 else f"'{word}'" for word in words)
    matched = documents.c.document.op("@@")(
        sa.func.to_tsquery(sa.literal_column("'simple'::regconfig"), terms)
    )
    return sa.select(documents.c.incident_id).where(matched)


#: The SQLite triggers, by name.
SQLITE_TRIGGER_NAMES = tuple(f"{INDEX_TABLE}_{event}" for event in ("insert", "delete", "update"))
_POSTGRESQL_TRIGGER = f"{INDEX_TABLE}_keep"


@contextmanager
def indexed_at_the_end(session: Session) -> Iterator[None]:
    """Index the incidents inserted meanwhile once, at the end, not each as it comes.

    For a bulk load (the demo's million calls): the triggers are off inside the caller's
    write transaction only, so no other writer ever sees them off, and a failure rolls
    it all back. Incidents may only be added meanwhile, not changed.
    """
    connection = session.connection()
    first = (session.scalar(sa.text("SELECT max(id) FROM incident")) or 0) + 1
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        for name in SQLITE_TRIGGER_NAMES:
            connection.exec_driver_sql(f"DROP TRIGGER {name}")
    else:
        # The desk's statement timeout guards the window against a stuck server; a bulk load
        # of a million calls is one long statement by design, in this transaction only.
        connection.exec_driver_sql("SET LOCAL statement_timeout = 0")
        connection.exec_driver_sql(f"ALTER TABLE incident DISABLE TRIGGER {_POSTGRESQL_TRIGGER}")
    yield
    added = {"first": first}
    if sqlite:
        restore_sqlite_triggers(connection)
        connection.execute(
            sa.text(
                f"INSERT INTO {INDEX_TABLE}(rowid, location, notes) "
                "SELECT id, location, notes FROM incident WHERE id >= :first"
            ),
            added,
        )
    else:
        connection.exec_driver_sql(f"ALTER TABLE incident ENABLE TRIGGER {_POSTGRESQL_TRIGGER}")
        connection.execute(
            sa.text(
                f"INSERT INTO {INDEX_TABLE} (incident_id, document) "
                "SELECT id, incident_search_document(location, notes) FROM incident "
                "WHERE id >= :first"
            ),
            added,
        )


def restore_sqlite_triggers(connection: Connection) -> None:
    """Put back the triggers of the SQLite index if a table rebuild dropped them.

    Alembic's batch mode rebuilds a table by copying it and dropping the old one, and
    SQLite drops a table's triggers with it; the index itself keeps its rows.
    """
    present = connection.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (INDEX_TABLE,)
    ).first()
    if present is not None:
        for statement in SQLITE_TRIGGERS:
            connection.exec_driver_sql(statement)


def described_by_models(name: str | None, type_: str, _parents: object) -> bool:
    """Alembic's ``include_name``: the index's tables are no model's, leave them be."""
    return not (type_ == "table" and name in INDEX_TABLES)
