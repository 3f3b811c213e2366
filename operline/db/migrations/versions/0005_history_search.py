"""The history: an index per filter, and the free-text index of place and notes.

Each filter of the history gets an index led by its column then the time, carrying the
other filter columns (the sector's, which existed, is widened so); the linked calls and the
calls logged with no team on duty get small partial indexes. The free text is indexed by
FTS5 on SQLite and by a table of tsvectors on PostgreSQL, both kept in step by triggers,
and built here for the calls already stored (see ``operline.db.search_index``).

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A migration stays as it was written: the desk's definitions at this revision
# (operline.db.models, operline.db.search_index), copied rather than imported.
FILTER_COLUMNS = (
    "sector_id",
    "category",
    "priority",
    "status",
    "outcome",
    "assigned_team_id",
    "orientation_facility_id",
    "team_on_duty_at_intake",
)
HISTORY_INDEXES = (
    ("ix_incident_sector_received", "sector_id", ""),
    ("ix_incident_category_received", "category", ""),
    ("ix_incident_priority_received", "priority", ""),
    ("ix_incident_outcome_received", "outcome", ""),
    ("ix_incident_team_received", "assigned_team_id", ""),
    (
        "ix_incident_place_received",
        "orientation_facility_id",
        "orientation_facility_id IS NOT NULL",
    ),
)
# What FTS5's unicode61 remove_diacritics 2 does, for PostgreSQL's translate().
FOLD_FROM = (
    "ÀÁÂÃÄÅàáâãäåĀāĂăĄąǍǎǞǟǺǻȀȁȂȃȦȧḀḁẠạẢảẤấẦầẨẩẪẫẬậẮắẰằẲẳẴẵẶặḂḃḄḅ"
    "ḆḇÇçĆćĈĉĊċČčḈḉĎďḊḋḌḍḎḏḐḑḒḓÈÉÊËèéêëĒēĔĕĖėĘęĚěȄȅȆȇȨȩḔḕḖḗḘḙḚḛḜḝ"
    "ẸẹẺẻẼẽẾếỀềỂểỄễỆệḞḟĜĝĞğĠġĢģǦǧǴǵḠḡĤĥȞȟḢḣḤḥḦḧḨḩḪḫẖÌÍÎÏìíîïĨĩĪīĬ"
    "ĭĮįİǏǐȈȉȊȋḬḭḮḯỈỉỊịĴĵǰĶķǨǩḰḱḲḳḴḵĹĺĻļĽľḶḷḸḹḺḻḼḽḾḿṀṁṂṃÑñŃńŅņŇňǸ"
    "ǹṄṅṆṇṈṉṊṋÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒ"
    "ồỔổỖỗỘộỚớỜờỞởỠỡỢợṔṕṖṗŔŕŖŗŘřȐȑȒȓṘṙṚṛṜṝṞṟŚśŜŝŞşŠšſȘșṠṡṢṣṤṥṦṧṨṩ"
    "ẛŢţŤťȚțṪṫṬṭṮṯṰṱẗÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲųƯưǓǔǕǖǗǘǙǚǛǜȔȕȖȗṲṳṴṵṶṷṸṹ"
    "ṺṻỤụỦủỨứỪừỬửỮữỰựṼṽṾṿŴŵẀẁẂẃẄẅẆẇẈẉẘẊẋẌẍÝýÿŶŷŸȲȳẎẏẙỲỳỴỵỶỷỸỹŹźŻż"
    "ŽžẐẑẒẓẔẕẞÆÐØÞĐĦĲĿŁŊŒŦɃƂƄƇƋƑǶƘȽȠƢƤƧƬƳƵƸƼǷǄǅǇǈǊǋƎǠǢǤǮǱǲǼǾȜȢȤȻɁ"
    "ɆɈɊɌɎƁƆƉƊƏƐƓƔƗƖƜƝƟƦƩƮɄƱƲɅƷµỺỼỾȺȾ!\"#$%&'()*+,-./:;<=>?@[\\]^_`"
    "{|}~\xa0¡¢£¤¥¦§¨©«¬®¯°±´¶·¸»¿×÷̴̵̶̷̸̡̢̖̗̘̙̜̝̞̟̠̩̪̫̬̯̲̳̅̍̎̐̒̓̔̕̚"
    "̹̺̻̼͇͈͉͍͎̽̾̿̀́͂̓̈́͆͊͋͌ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a‐‑‒–—―‖‗‘’‚‛“”„‟†‡•‣․‥…‧\u2028\u2029\u202f‰‱′″‴‵‶‷‸‹›※‼‽‾‿⁀⁁⁂⁃⁄⁅⁆⁇⁈⁉⁊"
    "⁋⁌⁍⁎⁏⁐⁑⁒⁓⁔⁕⁖⁗⁘⁙⁚⁛⁜⁝⁞\u205f₠₡₢₣₤₥₦₧₨₩₪₫€₭₮₯₰₱₲₳₴₵₶₷₸₹̀́̂̃̄̆̇̈̉̊̋̌̏"
    "̧̨̛̣̤̥̦̭̮̰̱̑"
)
FOLD_TO = (
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaabbbb"
    "bbccccccccccccddddddddddddeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee"
    "eeeeeeeeeeeeeeeeffgggggggggggggghhhhhhhhhhhhhhhiiiiiiiiiiiii"
    "iiiiiiiiiiiiiiiiiijjjkkkkkkkkkkllllllllllllllmmmmmmnnnnnnnnn"
    "nnnnnnnnnooooooooooooooooooooooooooooooooooooooooooooooooooo"
    "ooooooooooooooooopppprrrrrrrrrrrrrrrrrrsssssssssssssssssssss"
    "stttttttttttttttuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"
    "uuuuuuuuuuuuuuuuvvvvwwwwwwwwwwwwwxxxxyyyyyyyyyyyyyyyyyyyzzzz"
    "zzzzzzzzßæðøþđħĳŀłŋœŧƀƃƅƈƌƒƕƙƚƞƣƥƨƭƴƶƹƽƿǆǆǉǉǌǌǝǡǣǥǯǳǳǽǿȝȣȥȼɂ"
    "ɇɉɋɍɏɓɔɖɗəɛɠɣɨɩɯɲɵʀʃʈʉʊʋʌʒμỻỽỿⱥⱦ                            "
    "                                                            "
    "                                                            "
    "                                                            "
    "                                               "
)

SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE incident_search USING fts5(location, notes, content='incident', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
)
_NEW = (
    "INSERT INTO incident_search(rowid, location, notes) VALUES (new.id, new.location, new.notes);"
)
_OLD = (
    "INSERT INTO incident_search(incident_search, rowid, location, notes) "
    "VALUES ('delete', old.id, old.location, old.notes);"
)
SQLITE_TRIGGERS = (
    f"CREATE TRIGGER IF NOT EXISTS incident_search_insert AFTER INSERT ON incident BEGIN {_NEW} END",
    f"CREATE TRIGGER IF NOT EXISTS incident_search_delete AFTER DELETE ON incident BEGIN {_OLD} END",
    "CREATE TRIGGER IF NOT EXISTS incident_search_update AFTER UPDATE OF location, notes "
    f"ON incident BEGIN {_OLD} {_NEW} END",
)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


POSTGRESQL_INDEX = (
    "CREATE TABLE incident_search (incident_id INTEGER NOT NULL, document TSVECTOR NOT NULL, "
    "CONSTRAINT pk_incident_search PRIMARY KEY (incident_id), "
    "CONSTRAINT fk_incident_search_incident_id_incident FOREIGN KEY (incident_id) "
    "REFERENCES incident (id) ON DELETE CASCADE)",
    "CREATE FUNCTION incident_search_document(location TEXT, notes TEXT) RETURNS TSVECTOR "
    "LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS $fold$ SELECT to_tsvector('simple'::regconfig, "
    "lower(translate(coalesce(location, '') || ' ' || coalesce(notes, ''), "
    f"{_quoted(FOLD_FROM)}, {_quoted(FOLD_TO)}))) $fold$",
    "CREATE FUNCTION incident_search_keep() RETURNS TRIGGER LANGUAGE plpgsql AS $keep$ BEGIN "
    "INSERT INTO incident_search (incident_id, document) "
    "VALUES (NEW.id, incident_search_document(NEW.location, NEW.notes)) "
    "ON CONFLICT (incident_id) DO UPDATE SET document = EXCLUDED.document; "
    "RETURN NULL; END $keep$",
    "CREATE TRIGGER incident_search_keep AFTER INSERT OR UPDATE OF location, notes ON incident "
    "FOR EACH ROW EXECUTE FUNCTION incident_search_keep()",
    "INSERT INTO incident_search (incident_id, document) "
    "SELECT id, incident_search_document(location, notes) FROM incident",
    "CREATE INDEX ix_incident_search_document ON incident_search USING gin (document)",
)


def upgrade() -> None:
    op.drop_index("ix_incident_sector_received", table_name="incident")
    for name, column, where in HISTORY_INDEXES:
        condition = (
            {"sqlite_where": sa.text(where), "postgresql_where": sa.text(where)} if where else {}
        )
        others = [other for other in FILTER_COLUMNS if other != column]
        op.create_index(name, "incident", [column, "received_at", *others], **condition)
    op.create_index(
        "ix_incident_no_team_on_duty",
        "incident",
        ["received_at"],
        sqlite_where=sa.text("team_on_duty_at_intake = 0"),
        postgresql_where=sa.text("NOT team_on_duty_at_intake"),
    )
    op.create_index(
        "ix_incident_event_linked_call",
        "incident_event",
        ["incident_id"],
        sqlite_where=sa.text("kind = 'linked_call'"),
        postgresql_where=sa.text("kind = 'linked_call'"),
    )
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(SQLITE_INDEX)
        for statement in SQLITE_TRIGGERS:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(
            "INSERT INTO incident_search(incident_search) VALUES ('rebuild')"
        )
        # The planner chooses among the new indexes by their statistics; a sample is enough.
        connection.exec_driver_sql("PRAGMA analysis_limit = 1000")
        connection.exec_driver_sql("ANALYZE")
    else:
        for statement in POSTGRESQL_INDEX:
            # The driver reads % as a placeholder, even with no parameters.
            connection.exec_driver_sql(statement.replace("%", "%%"))
        connection.exec_driver_sql("ANALYZE incident")
        connection.exec_driver_sql("ANALYZE incident_search")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS incident_search_{trigger}")
        connection.exec_driver_sql("DROP TABLE incident_search")
    else:
        connection.exec_driver_sql("DROP TRIGGER incident_search_keep ON incident")
        connection.exec_driver_sql("DROP FUNCTION incident_search_keep()")
        connection.exec_driver_sql("DROP TABLE incident_search")
        connection.exec_driver_sql("DROP FUNCTION incident_search_document(TEXT, TEXT)")
    op.drop_index("ix_incident_event_linked_call", table_name="incident_event")
    op.drop_index("ix_incident_no_team_on_duty", table_name="incident")
    for name, _column, _where in HISTORY_INDEXES:
        op.drop_index(name, table_name="incident")
    op.create_index("ix_incident_sector_received", "incident", ["sector_id", "received_at"])
