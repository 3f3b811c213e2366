"""Helpers of the GUI tests: the desk's language, and incidents stored with the ORM."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, select

from operline.codes import Category, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, Incident, Sector, Team
from operline.operators import OperatorInfo, acting
from operline.ui.desk_context import ChangeBus, DeskContext
from operline.ui.shell.language import InstalledLanguage, install_language, translation_file
from operline.ui.tasks import ImmediateRunner

NOW = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # 18:00 in Paris


@pytest.fixture
def french(qapp: object) -> Iterator[InstalledLanguage]:
    installed = install_language("fr")
    try:
        yield installed
    finally:
        installed.uninstall()


@pytest.fixture
def english(qapp: object) -> Iterator[InstalledLanguage]:
    installed = install_language("en")
    try:
        yield installed
    finally:
        installed.uninstall()


@dataclass(frozen=True)
class Call:
    """What a test says about an incident; the rest is filled in plausibly."""

    received_at: datetime
    category: Category = Category.DISTRESS
    priority: Priority = Priority.NORMAL
    status: Status = Status.NEW
    team: str | None = None
    outcome: Outcome | None = None
    sector: str = "Stalingrad"


def store_calls(database: Database, *calls: Call) -> list[str]:
    """Store incidents; their references, in the order given."""
    references = []
    with database.write() as session:
        sectors = {sector.name: sector for sector in session.scalars(select(Sector))}
        teams = {team.name: team for team in session.scalars(select(Team))}
        for call in calls:
            if call.sector not in sectors:
                sectors[call.sector] = Sector(name=call.sector, created_at=NOW)
                session.add(sectors[call.sector])
            if call.team is not None and call.team not in teams:
                teams[call.team] = Team(name=call.team, organisation="Association", created_at=NOW)
                session.add(teams[call.team])
        shelter = Facility(name="Halte de nuit", kind="shelter", created_at=NOW)
        if any(call.outcome is Outcome.ORIENTED for call in calls):
            session.add(shelter)
        session.flush()
        count = session.scalar(select(func.count(Incident.id))) or 0
        for number, call in enumerate(calls, start=count + 1):
            reference = f"OPL-{call.received_at.year}-{number:06d}"
            references.append(reference)
            session.add(
                Incident(
                    reference=reference,
                    received_at=call.received_at,
                    sector_id=sectors[call.sector].id,
                    category=call.category.value,
                    priority=call.priority.value,
                    persons=1,
                    status=call.status.value,
                    assigned_team_id=teams[call.team].id if call.team else None,
                    team_on_duty_at_intake=True,
                    outcome=call.outcome.value if call.outcome else None,
                    closed_at=call.received_at if call.outcome else None,
                    orientation_facility_id=(
                        shelter.id if call.outcome is Outcome.ORIENTED else None
                    ),
                    created_at=call.received_at,
                    updated_at=call.received_at,
                )
            )
    return references


@dataclass
class ModalSeen:
    """What the modal dialog that appeared said, once it was closed."""

    title: str = ""
    text: str = ""
    kind: str = ""
    widgets: list[QDialog] = field(default_factory=list)


def close_next_modal(
    *, within_ms: int = 5000, inspect: Callable[[QDialog], None] | None = None
) -> ModalSeen:
    """Read and close the next modal dialog, as a user would, from the event loop.

    Start it before the call that opens the dialog and blocks in it.
    """
    seen = ModalSeen()
    waited = [0]

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            waited[0] += 20
            if waited[0] < within_ms:
                QTimer.singleShot(20, look)
            return
        seen.widgets.append(dialog)
        seen.title = dialog.windowTitle()
        seen.kind = type(dialog).__name__
        if isinstance(dialog, QMessageBox):
            seen.text = dialog.text()
        if inspect is not None:
            inspect(dialog)
        dialog.done(0)

    QTimer.singleShot(0, look)
    return seen


DESK_SCREEN_WIDTH = 1366
MARK = "·"


class StretchedFrench(QTranslator):
    """French made 30 % longer, marked so a stretched text is easy to spot."""

    def __init__(self) -> None:
        super().__init__()
        self._data = translation_file("fr")
        assert self._data is not None
        self._french = QTranslator()
        assert self._french.load(self._data)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        french = self._french.translate(context, source, disambiguation, n) or source
        return french + MARK * (len(french) * 3 // 10)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def stretched_french(qapp: object) -> Iterator[None]:
    locale = install_language("fr")  # French dates and Qt's own French texts
    translator = StretchedFrench()
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)
        locale.uninstall()


def desk_context(
    database: Database,
    clock: Callable[[], datetime],
    operator: Callable[[], OperatorInfo | None] = lambda: None,
) -> DeskContext:
    """A desk whose database work runs at once, so a test reads the screen straight after."""

    return DeskContext(
        ImmediateRunner(database), clock, operator, ChangeBus(), lambda: acting(operator())
    )
