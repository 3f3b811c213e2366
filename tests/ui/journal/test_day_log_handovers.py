"""The day's shift handovers in the day log: on screen under the header, and in its PDF."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from operline.actors import Actor
from operline.codes import OperatorRole
from operline.db.engine import Database
from operline.handover import hand_over
from operline.ui.desk_context import ChangeBus
from operline.ui.journal.view import JournalView
from operline.ui.shell.language import InstalledLanguage
from operline.ui.tasks import ImmediateRunner
from tests.actors import PASSWORD, signed_in, with_password
from tests.ui.conftest import Call, store_calls

DAY = date(2026, 11, 25)
MORNING = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


def _view(qtbot: QtBot, database: Database, boss: Actor, bus: ChangeBus) -> JournalView:
    view = JournalView(
        ImmediateRunner(database),
        actor=boss,
        clock=lambda: MORNING,
        shown_at_once=False,
        changes=bus,
    )
    qtbot.addWidget(view)
    view.resize(1366, 700)
    view.show()
    view.show_day(DAY)
    return view


def test_the_day_log_says_who_handed_over_to_whom_when_and_what_was_open(
    qtbot: QtBot, database: Database, french: InstalledLanguage, tmp_path: Path
) -> None:
    (reference,) = store_calls(database, Call(datetime(2026, 11, 25, 17, 0, tzinfo=UTC)))
    ines = with_password(database, "Inès Moreau", OperatorRole.OPERATOR)
    karim = with_password(database, "Karim Haddad", OperatorRole.OPERATOR)
    boss = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    hand_over(
        database,
        "La maraude rappelle avant 22 h.",
        actor=ines,
        to_operator_id=karim.operator_id or 0,
        password=PASSWORD,
        now=datetime(2026, 11, 25, 19, 2, tzinfo=UTC),  # 20:02 in Paris
    )
    bus = ChangeBus()
    view = _view(qtbot, database, boss, bus)

    shown = view.handovers.text()
    assert shown.startswith("Relèves du jour (1)")
    assert (
        "20:02 — Inès Moreau a passé la main à Karim Haddad (poste-test) ; "
        "appels ouverts : 1, dont en retard : 1"
    ) in shown
    assert "Note : « La maraude rappelle avant 22 h. »" in shown
    assert view.handovers.isVisible()

    # A later handover of that day, written while the log is open, shows without a reload.
    later = hand_over(
        database,
        "",
        actor=karim,
        to_operator_id=ines.operator_id or 0,
        password=PASSWORD,
        now=datetime(2026, 11, 25, 22, 30, tzinfo=UTC),
    )
    bus.publish(later.changes)
    shown = view.handovers.text()
    assert shown.startswith("Relèves du jour (2)")
    assert "23:30 — Karim Haddad a passé la main à Inès Moreau" in shown
    assert "Pas de note de relève." in shown

    view.supervision.save_pdf(tmp_path / "journal.pdf")

    (page,) = [
        " ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "journal.pdf").pages
    ]
    assert "Relèves du jour (2)" in page
    first = page.index("20:02 — Inès Moreau a passé la main à Karim Haddad")
    second = page.index("23:30 — Karim Haddad a passé la main à Inès Moreau")
    assert page.index(reference) < first < second  # after the calls, in the order written
    assert "appels ouverts : 1, dont en retard : 1" in page
    assert "Note : « La maraude rappelle avant 22 h. »" in page
    assert "Page 1 / 1" in page


def test_a_day_without_handover_says_so_on_screen_and_on_paper(
    qtbot: QtBot, database: Database, french: InstalledLanguage, tmp_path: Path
) -> None:
    store_calls(database, Call(datetime(2026, 11, 25, 17, 0, tzinfo=UTC)))
    boss = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    view = _view(qtbot, database, boss, ChangeBus())

    assert view.handovers.text() == "Aucune relève enregistrée ce jour-là."

    view.supervision.save_pdf(tmp_path / "journal.pdf")
    (page,) = [
        " ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "journal.pdf").pages
    ]
    assert "Aucune relève enregistrée ce jour-là." in page


def test_many_handovers_go_on_to_a_page_of_their_own_numbered_with_the_rest(
    qtbot: QtBot, database: Database, french: InstalledLanguage, tmp_path: Path
) -> None:
    # A day of calls filling the first page, then a long night of handovers.
    calls = [
        Call(datetime(2026, 11, 25, hour, minute, tzinfo=UTC))
        for hour in range(0, 20)
        for minute in (0, 30)
    ]
    store_calls(database, *calls)
    ines = with_password(database, "Inès Moreau", OperatorRole.OPERATOR)
    karim = with_password(database, "Karim Haddad", OperatorRole.OPERATOR)
    boss = signed_in(database, "Claire Roux", OperatorRole.SUPERVISOR)
    pair = (ines, karim)
    for number in range(24):
        giver, taker = pair[number % 2], pair[(number + 1) % 2]
        hand_over(
            database,
            f"Relève numéro {number}, rien à signaler. " * 4,
            actor=giver,
            to_operator_id=taker.operator_id or 0,
            password=PASSWORD,
            now=datetime(2026, 11, 25, 0, 2 * number + 1, tzinfo=UTC),
        )
    view = _view(qtbot, database, boss, ChangeBus())

    view.supervision.save_pdf(tmp_path / "journal.pdf")

    pages = [" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "journal.pdf").pages]
    assert len(pages) >= 2
    assert "Relève numéro 23," in pages[-1]
    assert "OPL-" not in pages[-1]  # the calls ended on an earlier page
    text = " ".join(pages)
    assert all(f"Relève numéro {number}," in text for number in range(24))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} / {len(pages)}" in page
        assert "Journal du mercredi 25 novembre 2026" in page
    # A handover and its note stay on one page.
    for number in range(24):
        holding = [page for page in pages if f"Relève numéro {number}," in page]
        assert len(holding) == 1
