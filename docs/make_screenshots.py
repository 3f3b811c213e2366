"""The screenshots of the French user guide (docs/guide-fr.md), made again in one command:

    python docs/make_screenshots.py

A demo database is made in a temporary folder by the product's own demo generator, at a
fixed clock (Sunday 29 November 2026, 10:00 in Paris: the Quais du canal de l'Ourcq have
nobody on duty then). The real windows open offscreen in French, are driven into the states
the guide shows, and each is saved as a PNG in docs/images/. The same data and clock give
the same pictures, so the guide never shows a desk that no longer exists.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from operline.codes import Category, OperatorRole, Status
from operline.db.engine import Database, open_database
from operline.db.migrate import upgrade_database
from operline.db.models import Incident, Sector
from operline.demo import fill_demo_database
from operline.drafts import DraftStore
from operline.incidents.conflicts import IncidentConflict
from operline.incidents.stages import Action, advance_incident
from operline.logins import set_password
from operline.operators import OperatorInfo, acting, active_operators
from operline.ui.conflict_dialog import ConflictDialog
from operline.ui.shell.language import install_language
from operline.ui.shell.main_window import MainWindow
from operline.ui.shell.shortcuts_dialog import ShortcutsDialog
from operline.ui.shell.sign_in import DeskSession, OperatorSignIn
from operline.ui.tasks import ImmediateRunner

IMAGES = Path(__file__).parent / "images"
#: Sunday 29 November 2026, 10:00 in Paris.
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SIZE = (1280, 720)
WORKSTATION = "poste-1"
#: The password the sign-in's picture types (shown as dots).
GUIDE_PASSWORD = "quai-de-la-loire-10h"
#: Every picture this script writes, in the order it writes them.
PICTURES = (
    "tableau-appels.png",
    "fiche-appel.png",
    "personne-de-garde.png",
    "de-garde.png",
    "journal.png",
    "historique.png",
    "export-gpo.png",
    "hors-ligne.png",
    "conflit.png",
    "raccourcis.png",
    "connexion.png",
    "releve.png",
)


class SilentAlarm:
    """No notification nor beep while the pictures are made."""

    def notify(self, title: str, message: str, *, urgent: bool) -> None:
        pass

    def ring(self) -> None:
        pass


def settle(milliseconds: int = 300) -> None:
    """Let the window read, lay out and paint what it was just asked."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str) -> None:
    assert name in PICTURES, name
    settle()
    # Quality 0 is PNG's strongest compression: the pictures stay small in the repository.
    if not widget.grab().save(str(IMAGES / name), "PNG", 0):
        raise SystemExit(f"{IMAGES / name} could not be written.")
    print(IMAGES / name)


def person(database: Database, role: OperatorRole) -> OperatorInfo:
    return next(o for o in active_operators(database) if o.role is role)


def sector_id(database: Database, name: str) -> int:
    with database.read() as session:
        found = session.scalar(select(Sector.id).where(Sector.name == name))
    assert found is not None, name
    return found


def fill_call(window: MainWindow, sector: int, place: str) -> None:
    """The call form as an operator leaves it just before Ctrl+Entrée."""
    window.new_call()
    form = window.desk.form
    form.sector.choose(sector)
    form.location.setText(place)
    form.category.set_category(Category.DISTRESS)
    form.persons.setValue(1)
    form.caller_service.setText("BAC 19 - TV 412")
    form.callback_number.setText("06 12 34 56 78")
    form.notes.setPlainText("Homme allongé sur le trottoir, conscient, ne répond pas.")
    settle(1500)  # the teams on duty are read after a pause in typing


def a_conflict(database: Database, operator: OperatorInfo) -> IncidentConflict:
    """A real refusal: another desk recorded the acknowledgement first."""
    with database.read() as session:
        routed = session.scalars(
            select(Incident)
            .where(Incident.status == Status.ROUTED.value)
            .order_by(Incident.received_at.desc())
        ).first()
        assert routed is not None, "the demo leaves routed calls open"
        incident, version = routed.id, routed.version
    other = next(o for o in active_operators(database) if o.operator_id != operator.operator_id)
    advance_incident(
        database,
        incident,
        Status.ACKNOWLEDGED,
        version=version,
        action=Action(other.at("poste-2"), NOW - timedelta(minutes=1), NOW),
    )
    mine = Action(operator.at(WORKSTATION), NOW, NOW)
    try:
        advance_incident(database, incident, Status.ON_SCENE, version=version, action=mine)
    except IncidentConflict as refused:
        return refused
    raise AssertionError("a write at a stale version is refused")


def make_pictures(database: Database, drafts: Path) -> None:
    runner = ImmediateRunner(database)
    session = DeskSession(workstation=WORKSTATION)
    window = MainWindow(
        database,
        runner=runner,
        actor="operline",
        clock=lambda: NOW,
        session=session,
        drafts=DraftStore(drafts),
        alarm=SilentAlarm(),
    )
    window.resize(*SIZE)
    window.show()
    supervisor = person(database, OperatorRole.SUPERVISOR)
    session.set_operator(supervisor)
    if window.backups is not None:
        window.backups.start()
    shots: list[tuple[str, Callable[[], QWidget]]] = [
        ("tableau-appels.png", lambda: _screen(window, window.show_calls)),
        ("fiche-appel.png", lambda: _form(window, database, "Stalingrad", "Rue d'Aubervilliers")),
        (
            "personne-de-garde.png",
            lambda: _form(window, database, "Quais du canal de l'Ourcq", "Quai de la Loire"),
        ),
        ("de-garde.png", lambda: _screen(window, window.show_board)),
        ("journal.png", lambda: _screen(window, window.show_journal)),
        ("historique.png", lambda: _screen(window, window.show_history)),
        ("export-gpo.png", lambda: _gpo(window)),
        ("hors-ligne.png", lambda: _offline(window)),
        ("conflit.png", lambda: _conflict(window, database, supervisor)),
        ("raccourcis.png", lambda: _shortcuts(window)),
        ("connexion.png", lambda: _sign_in(window, database)),
        ("releve.png", lambda: _handover(window)),
    ]
    assert tuple(name for name, _ in shots) == PICTURES
    for name, show in shots:
        save(show(), name)
    window.desk.form.reset()
    window.close()


def _screen(window: MainWindow, show: Callable[[], None]) -> QWidget:
    show()
    return window


def _form(window: MainWindow, database: Database, sector: str, place: str) -> QWidget:
    window.desk.form.reset()
    fill_call(window, sector_id(database, sector), place)
    return window


def _gpo(window: MainWindow) -> QWidget:
    window.show_calls()
    window.export_for_the_gpo()
    dialog = window.gpo_dialog
    assert dialog is not None
    dialog.resize(*SIZE)
    # The folder remembered on this computer would differ from one machine to the next.
    dialog.folder.setText("~/GPO")
    settle(1500)
    return dialog


def _offline(window: MainWindow) -> QWidget:
    if window.gpo_dialog is not None:
        window.gpo_dialog.close()
    window.show_calls()
    window.offline_banner.show_offline(NOW - timedelta(minutes=3))
    return window


def _conflict(window: MainWindow, database: Database, operator: OperatorInfo) -> QWidget:
    window.offline_banner.hide()
    refused = a_conflict(database, operator)
    dialog = ConflictDialog(refused.conflict, now=NOW, apply=lambda _version: None, parent=window)
    dialog.show()
    return dialog


def _shortcuts(window: MainWindow) -> QWidget:
    dialog = ShortcutsDialog(window)
    dialog.show()
    return dialog


def _sign_in(window: MainWindow, database: Database) -> QWidget:
    # A real desk's sign-in: the person has set a password of their own (the demo's
    # accounts, shown under a banner, would be drawn afresh each time).
    operator = person(database, OperatorRole.OPERATOR)
    set_password(
        database, operator.name, GUIDE_PASSWORD, actor=acting(operator, WORKSTATION), now=NOW
    )
    dialog = OperatorSignIn(
        ImmediateRunner(database), clock=lambda: NOW, workstation=WORKSTATION, parent=window
    )
    dialog.show()
    dialog.login.setText(operator.name)
    dialog.password.setFocus()
    QTest.keyClicks(dialog.password, GUIDE_PASSWORD)
    return dialog


def _handover(window: MainWindow) -> QWidget:
    window.show_calls()
    window.change_operator()
    dialog = window.handover_dialog
    assert dialog is not None
    dialog.note.setPlainText(
        "L'équipe de nuit rappelle vers 11 h. Halte de nuit pleine depuis 8 h."
    )
    return dialog


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    # A blinking text cursor would be drawn in one run and not the next.
    app.setCursorFlashTime(0)
    language = install_language("fr")
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="operline-guide-") as folder:
        here = Path.cwd()
        os.chdir(folder)  # the status bar names the database: a short name, the same each time
        database = open_database("sqlite:///demo.sqlite3")
        try:
            upgrade_database(database, now=NOW)
            fill_demo_database(database, incidents=2000, weeks=8, seed=1, now=NOW)
            make_pictures(database, Path(folder) / "drafts")
        finally:
            database.dispose()
            os.chdir(here)
    language.uninstall()
    return 0


if __name__ == "__main__":
    sys.exit(main())
