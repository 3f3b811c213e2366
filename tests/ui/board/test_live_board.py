"""The live board as an operator uses it: order, ages, colours, alerts, stage keys, sectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from operline import reference_data as ref
from operline.actors import Actor
from operline.codes import Category, OperatorRole, Outcome, Priority, Status
from operline.db.engine import Database
from operline.db.models import Facility, IncidentEvent, Operator, Sector, Team
from operline.demo import fill_demo_database
from operline.errors import DatabaseError, DatabaseProblem
from operline.incidents.intake import CallForm, log_call
from operline.incidents.live_board import Alert
from operline.incidents.places import report_free_places
from operline.incidents.stages import Action, advance_incident, route_incident
from operline.incidents.timeline import read_incident
from operline.operators import OperatorInfo, active_operators
from operline.settings import write_setting
from operline.ui import palette
from operline.ui.board import live_board as live_board_module
from operline.ui.board.live_board import AGE_TICK_MS, LiveBoard
from operline.ui.board.model import BoardColumn, alert_text
from operline.ui.board.stage_dialogs import NoteDialog
from operline.ui.board.team_choices import CloseDialog, TeamDialog
from operline.ui.labels import priority_label, status_label
from tests.actors import COMMAND_LINE, WORKSTATION
from tests.incidents.conftest import NOW, Desk
from tests.ui.conftest import desk_context


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now


@dataclass
class RecordingAlarm:
    """Stands where the tray and the speaker are, and keeps what the desk was told."""

    notifications: list[tuple[str, str, bool]] = field(default_factory=list)
    rings: int = 0

    def notify(self, title: str, message: str, *, urgent: bool) -> None:
        self.notifications.append((title, message, urgent))

    def ring(self) -> None:
        self.rings += 1


def make_live_desk(database: Database) -> Desk:
    """The Paris reference data and roster, no calls yet, Wednesday 22:00 in Paris."""
    fill_demo_database(database, incidents=0, weeks=1, seed=1, now=NOW)
    with database.read() as session:
        sectors = dict(session.execute(select(Sector.name, Sector.id)).all())
        teams = dict(session.execute(select(Team.name, Team.id)).all())
        places = dict(session.execute(select(Facility.name, Facility.id)).all())
        operator = session.scalars(select(Operator).order_by(Operator.id)).first()
        assert operator is not None
        actor = Actor(operator.id, operator.name, OperatorRole(operator.role), WORKSTATION)
    return Desk(database, sectors, teams, places, operator.id, actor)


@pytest.fixture
def live_desk(database: Database) -> Desk:
    return make_live_desk(database)


def operator_of(desk: Desk) -> OperatorInfo:
    return next(o for o in active_operators(desk.database) if o.operator_id == desk.operator_id)


def log(
    desk: Desk,
    minutes_ago: float,
    priority: Priority = Priority.NORMAL,
    sector: str = ref.STALINGRAD,
    location: str = "",
) -> int:
    at = NOW - timedelta(minutes=minutes_ago)
    form = CallForm(
        received_at=at,
        sector_id=desk.sectors[sector],
        category=Category.DISTRESS,
        priority=priority,
        persons=2,
        location=location,
    )
    return log_call(desk.database, form, actor=desk.actor, now=at).incident_id


def route(desk: Desk, incident_id: int, minutes_ago: float, sector: str = ref.STALINGRAD) -> str:
    """Route with the service, as another desk would; the team's name."""
    at = NOW - timedelta(minutes=minutes_ago)
    team = desk.on_duty(sector)[0]
    route_incident(
        desk.database, incident_id, team.team_id, version=1, action=Action(desk.actor, at, at)
    )
    return team.name


def open_board(
    qtbot: QtBot,
    desk: Desk,
    clock: Clock,
    *,
    alarm: RecordingAlarm | None = None,
    signed_in: bool = True,
) -> LiveBoard:
    operator = operator_of(desk) if signed_in else None
    board = LiveBoard(
        desk_context(desk.database, clock, lambda: operator),
        alarm=alarm if alarm is not None else RecordingAlarm(),
    )
    qtbot.addWidget(board)
    board.resize(1366, 768)
    with qtbot.waitActive(board):
        board.show()
        board.activateWindow()
    board.setFocus()
    return board


def press(
    qtbot: QtBot,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """A key pressed where the focus is, in the widget's window (shortcuts included)."""
    handle = widget.window().windowHandle()
    assert handle is not None
    qtbot.keyClick(handle, key, modifier)


def column(board: LiveBoard, which: BoardColumn) -> list[str]:
    model = board.model
    return [model.index(row, which).data() for row in range(model.rowCount())]


def selected_id(board: LiveBoard) -> int | None:
    incident = board.selected_incident()
    return incident.incident_id if incident is not None else None


def status_of(desk: Desk, incident_id: int) -> tuple[Status, int, int]:
    """Stage, version and number of timeline lines, as stored."""
    detail = read_incident(desk.database, incident_id, actor=desk.actor, now=NOW)
    return detail.status, detail.version, len(detail.timeline)


@pytest.mark.usefixtures("english")
def test_urgent_calls_first_then_the_oldest_with_ages_and_colours(
    qtbot: QtBot, live_desk: Desk
) -> None:
    normal_old = log(live_desk, 40)
    urgent_late = log(live_desk, 7, Priority.URGENT)
    urgent_fresh = log(live_desk, 2, Priority.URGENT, ref.EOLE)
    acknowledged = log(live_desk, 70, location="Rue de Tanger")
    route(live_desk, acknowledged, 69)
    advance_incident(
        live_desk.database,
        acknowledged,
        Status.ACKNOWLEDGED,
        version=2,
        action=Action(live_desk.actor, NOW - timedelta(minutes=68), NOW - timedelta(minutes=68)),
    )

    board = open_board(qtbot, live_desk, Clock(NOW))

    ids = [board.model.incident(row).incident_id for row in range(board.model.rowCount())]
    assert ids == [urgent_late, urgent_fresh, acknowledged, normal_old]
    assert column(board, BoardColumn.AGE) == ["7 min", "2 min", "1 h 10", "40 min"]
    assert column(board, BoardColumn.ALERT) == ["⚠ Late", "", "", "‼ Very late"]
    sectors = [ref.STALINGRAD, ref.EOLE, ref.STALINGRAD, ref.STALINGRAD]
    assert column(board, BoardColumn.SECTOR) == sectors
    assert column(board, BoardColumn.STAGE) == ["Received", "Received", "Acknowledged", "Received"]
    assert column(board, BoardColumn.PERSONS) == ["2"] * 4
    assert column(board, BoardColumn.LOCATION)[2] == "Rue de Tanger"
    assert column(board, BoardColumn.TEAM)[2] == live_desk.on_duty(ref.STALINGRAD)[0].name
    # The whole row takes the colour, every column of it.
    for col in BoardColumn:
        amber = board.model.index(0, col).data(Qt.ItemDataRole.BackgroundRole)
        red = board.model.index(3, col).data(Qt.ItemDataRole.BackgroundRole)
        assert amber.color() == palette.colour("late")
        assert red.color() == palette.colour("alarm")
        assert board.model.index(1, col).data(Qt.ItemDataRole.BackgroundRole) is None
    assert board.count.text() == "4 open call(s) · 2 late"
    assert board.age_timer.interval() == AGE_TICK_MS


@pytest.mark.usefixtures("english")
def test_ages_and_colours_move_with_the_clock_and_survive_a_restart(
    qtbot: QtBot, live_desk: Desk
) -> None:
    urgent = log(live_desk, 4, Priority.URGENT)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    assert board.model.alert(0) is Alert.NONE
    # The board is woken at the next change of colour, not only every 15 seconds.
    assert board.next_alert_at == NOW + timedelta(minutes=1)
    assert board.alert_timer.isActive()
    assert 55_000 <= board.alert_timer.remainingTime() <= 60_000

    clock.advance(1)
    board.refresh()
    assert board.model.alert(0) is Alert.AMBER
    assert board.next_alert_at == NOW + timedelta(minutes=6)
    clock.advance(5)
    board.refresh()
    assert column(board, BoardColumn.AGE) == ["10 min"]
    assert board.model.alert(0) is Alert.RED
    assert not board.alert_timer.isActive()  # nothing more will change by itself

    # The desk crashes and starts again a minute later: the call is red at once.
    board.close()
    clock.advance(1)
    alarm = RecordingAlarm()
    restarted = open_board(qtbot, live_desk, clock, alarm=alarm)
    assert selected_id(restarted) == urgent
    assert restarted.model.alert(0) is Alert.RED
    assert restarted.model.index(0, BoardColumn.AGE).data() == "11 min"
    # Nobody at the restarted desk had been told yet: it tells once.
    assert [urgent for _, _, urgent in alarm.notifications] == [True]
    assert alarm.rings == 1


@pytest.mark.usefixtures("english")
def test_ages_move_on_an_idle_board_without_reading_the_database(
    qtbot: QtBot, live_desk: Desk
) -> None:
    log(live_desk, 40)  # red already: no change of colour to wait for
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    assert column(board, BoardColumn.AGE) == ["40 min"]
    statements: list[str] = []
    event.listen(live_desk.database.engine, "before_cursor_execute", _count(statements))
    clock.advance(2)
    board.age_timer.timeout.emit()
    assert column(board, BoardColumn.AGE) == ["42 min"]
    assert statements == []


def _count(statements: list[str]) -> Callable[..., None]:
    return lambda _conn, _cursor, statement, *_rest: statements.append(statement)


@pytest.mark.usefixtures("english")
def test_the_desk_is_told_once_per_call_and_level(qtbot: QtBot, live_desk: Desk) -> None:
    log(live_desk, 16)  # a normal call waiting past its 15 minutes
    clock = Clock(NOW)
    alarm = RecordingAlarm()
    board = open_board(qtbot, live_desk, clock, alarm=alarm)

    assert len(alarm.notifications) == 1
    _, message, urgent = alarm.notifications[0]
    assert not urgent
    assert "waits for a team's acknowledgement (16 min)" in message
    assert alarm.rings == 0  # amber is told quietly

    board.refresh()
    clock.advance(0.25)
    board.refresh()
    assert len(alarm.notifications) == 1  # not at every refresh

    clock.advance(14)  # 30 minutes: red
    board.refresh()
    board.refresh()
    assert [n[2] for n in alarm.notifications] == [False, True]
    assert "has waited 30 min: call the next team" in alarm.notifications[1][1]
    assert alarm.rings == 1


@pytest.mark.usefixtures("english")
def test_without_a_tray_the_real_alarm_still_beeps(
    qtbot: QtBot, live_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    log(live_desk, 12, Priority.URGENT)
    operator = operator_of(live_desk)

    board = LiveBoard(desk_context(live_desk.database, Clock(NOW), lambda: operator))
    qtbot.addWidget(board)

    assert board.model.alert(0) is Alert.RED
    assert beeps == [1]


@pytest.mark.usefixtures("english")
def test_a_red_call_proposes_the_next_team_then_the_supervisor(
    qtbot: QtBot, live_desk: Desk
) -> None:
    write_setting(
        live_desk.database, "desk.supervisor_phone", "01 99 00 01 99", actor=COMMAND_LINE, now=NOW
    )
    red = log(live_desk, 35)
    team = route(live_desk, red, 34)
    fresh = log(live_desk, 1)

    board = open_board(qtbot, live_desk, Clock(NOW))

    assert selected_id(board) == red
    panel = board.next_contact
    assert panel.isVisible()
    # The team's silence counts from when it was contacted, not from the call.
    assert panel.headline.text().endswith(
        f"no answer from {team}, contacted at 21:26 (34 min ago)."
    )
    backups = [t for t in live_desk.on_duty(ref.STALINGRAD) if t.name != team]
    lines = panel.contacts.text().splitlines()
    assert lines[0].startswith(f"1. {backups[0].name} (backup")
    assert lines[-2] == "Then the supervisor on call: 01 99 00 01 99"

    press(qtbot, board, Qt.Key.Key_Down)
    assert selected_id(board) == fresh
    assert not panel.isVisible()


@pytest.mark.usefixtures("english")
def test_stage_keys_walk_a_call_from_routed_to_oriented_to_the_espace_de_repos(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 1)
    report_free_places(
        live_desk.database,
        live_desk.places[ref.ESPACE_DE_REPOS],
        3,
        actor=live_desk.actor,
        reported_at=NOW - timedelta(hours=1),
    )
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    notices: list[str] = []
    board.notice.connect(notices.append)
    first_call = live_desk.on_duty(ref.STALINGRAD)[0]

    press(qtbot, board, Qt.Key.Key_T)
    dialog = board.keys.dialog
    assert isinstance(dialog, TeamDialog)
    assert dialog.teams.currentItem().text().startswith(f"1   {first_call.name}")
    press(qtbot, dialog, Qt.Key.Key_Return)
    assert board.keys.dialog is None
    assert column(board, BoardColumn.STAGE) == ["Team contacted"]
    assert column(board, BoardColumn.TEAM) == [first_call.name]
    assert notices[-1].endswith(f"{first_call.name} contacted at 22:00.")

    routed_at = clock.advance(3)
    press(qtbot, board, Qt.Key.Key_A)
    assert notices[-1].endswith(": Acknowledged at 22:03.")
    assert column(board, BoardColumn.STAGE) == ["Acknowledged"]
    on_scene_at = clock.advance(12)
    press(qtbot, board, Qt.Key.Key_S)
    assert column(board, BoardColumn.STAGE) == ["On scene"]
    assert selected_id(board) == incident

    closed_at = clock.advance(25)
    press(qtbot, board, Qt.Key.Key_C)
    closing = board.keys.dialog
    assert isinstance(closing, CloseDialog)
    press(qtbot, closing, Qt.Key.Key_2)  # oriented
    assert closing.places.hasFocus()
    assert closing.places.item(0).text().startswith(f"1   {ref.ESPACE_DE_REPOS} — 3 free")
    press(qtbot, closing, Qt.Key.Key_1)  # the first place, reported with room
    press(qtbot, closing, Qt.Key.Key_Return)

    assert board.model.rowCount() == 0
    assert board.empty.isVisible()
    assert notices[-1].endswith(f"closed: oriented to {ref.ESPACE_DE_REPOS}.")
    detail = read_incident(live_desk.database, incident, actor=live_desk.actor, now=closed_at)
    assert (detail.status, detail.outcome, detail.facility) == (
        Status.CLOSED,
        Outcome.ORIENTED,
        ref.ESPACE_DE_REPOS,
    )
    stages = [
        (line.new_value, line.at, line.operator)
        for line in detail.timeline
        if line.kind.value == "stage"
    ]
    name = operator_of(live_desk).name
    assert stages == [
        ("routed", NOW, name),
        ("acknowledged", routed_at, name),
        ("on_scene", on_scene_at, name),
        ("closed", closed_at, name),
    ]
    assert (detail.routed_at, detail.acknowledged_at) == (NOW, routed_at)
    assert (detail.on_scene_at, detail.closed_at) == (on_scene_at, closed_at)


@pytest.mark.usefixtures("english")
def test_a_refused_step_says_why_in_one_sentence_and_changes_nothing(
    qtbot: QtBot, live_desk: Desk
) -> None:
    incident = log(live_desk, 3)
    route(live_desk, incident, 2)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW))
    reference = board.selected_incident().reference

    press(qtbot, board, Qt.Key.Key_S)

    assert board.message.isVisible()
    assert board.message.text() == (
        f"{reference} is at stage Team contacted: it cannot be marked on scene now."
    )
    assert status_of(live_desk, incident) == before
    assert column(board, BoardColumn.STAGE) == ["Team contacted"]

    press(qtbot, board, Qt.Key.Key_T)  # routing a call already routed
    assert board.keys.dialog is None
    assert board.message.text() == (
        f"{reference} is at stage Team contacted: it cannot be routed to a team now."
    )


@pytest.mark.usefixtures("english")
def test_nobody_signed_in_records_nothing(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 3)
    route(live_desk, incident, 2)
    before = status_of(live_desk, incident)
    board = open_board(qtbot, live_desk, Clock(NOW), signed_in=False)

    press(qtbot, board, Qt.Key.Key_A)
    assert board.message.text() == "Nobody is signed in at this desk: sign in first."
    press(qtbot, board, Qt.Key.Key_Return)
    assert board.keys.dialog is None
    assert board.message.text() == "Sign in before opening a call: each opening is recorded."
    assert status_of(live_desk, incident) == before


@pytest.mark.usefixtures("english")
def test_a_call_changed_at_another_desk_is_reloaded_and_said(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 3)
    route(live_desk, incident, 2)
    board = open_board(qtbot, live_desk, Clock(NOW))
    # Another desk records the acknowledgement first.
    advance_incident(
        live_desk.database,
        incident,
        Status.ACKNOWLEDGED,
        version=2,
        action=Action(live_desk.actor, NOW, NOW),
    )

    press(qtbot, board, Qt.Key.Key_A)

    reference = board.selected_incident().reference
    assert board.message.text() == (
        f"{reference} was changed at another desk meanwhile: "
        "the call now and your entry are shown side by side."
    )
    assert column(board, BoardColumn.STAGE) == ["Acknowledged"]
    assert selected_id(board) == incident


@pytest.mark.usefixtures("english")
def test_the_cursor_stays_on_its_call_when_others_arrive_or_close(
    qtbot: QtBot, live_desk: Desk
) -> None:
    log(live_desk, 20)
    watched = log(live_desk, 10)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    press(qtbot, board, Qt.Key.Key_Down)
    assert selected_id(board) == watched
    changes: list[int] = []
    board.model.rowsInserted.connect(lambda *_: changes.append(1))
    board.model.modelReset.connect(lambda: changes.append(-1))

    clock.advance(1)
    log(live_desk, -1, Priority.URGENT)  # an urgent call comes in at another desk
    board.refresh()

    assert board.model.rowCount() == 3
    assert selected_id(board) == watched
    assert board.table.currentIndex().row() == 2
    assert changes == [1]  # one row inserted, no reset of the whole table


@pytest.mark.usefixtures("english")
def test_the_sector_strip_counts_and_filters(qtbot: QtBot, live_desk: Desk) -> None:
    stalingrad = log(live_desk, 40)
    log(live_desk, 3, sector=ref.EOLE)
    log(live_desk, 2, sector=ref.EOLE)
    board = open_board(qtbot, live_desk, Clock(NOW))
    strip = board.strip
    sectors = [s.name for s in strip.sectors()]
    assert sectors == [sector.name for sector in ref.SECTORS]
    eole_key = Qt.Key(Qt.Key.Key_1 + sectors.index(ref.EOLE))
    assert strip.tile_text(live_desk.sectors[ref.STALINGRAD]).startswith(
        "Stalingrad: 1 open call(s), 1 late; on duty: "
    )

    press(qtbot, board, eole_key, Qt.KeyboardModifier.AltModifier)
    assert column(board, BoardColumn.SECTOR) == [ref.EOLE, ref.EOLE]
    assert strip.chosen == live_desk.sectors[ref.EOLE]
    assert board.table.hasFocus()

    press(qtbot, board, Qt.Key.Key_0, Qt.KeyboardModifier.AltModifier)
    assert board.model.rowCount() == 3

    tile = board.findChild(QWidget, f"sectorTile{sectors.index(ref.STALINGRAD) + 1}")
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    assert [board.model.incident(0).incident_id] == [stalingrad]
    assert board.model.rowCount() == 1

    rosa = Qt.Key(Qt.Key.Key_1 + sectors.index(ref.ROSA_PARKS))
    press(qtbot, board, rosa, Qt.KeyboardModifier.AltModifier)
    assert board.model.rowCount() == 0
    assert board.empty.text() == "No open call in Rosa Parks (Alt+0: every sector)"


@pytest.mark.usefixtures("english")
def test_the_board_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, live_desk: Desk
) -> None:
    log(live_desk, 40)
    log(live_desk, 7, Priority.URGENT)
    clock = Clock(NOW)
    board = open_board(qtbot, live_desk, clock)
    qtmodeltester.check(board.model)
    log(live_desk, -1, Priority.URGENT, ref.EOLE)
    clock.advance(2)
    board.refresh()  # an insertion and changed rows, checked as they happen
    assert board.model.rowCount() == 3
    press(qtbot, board, Qt.Key.Key_A)  # refused: nothing changes, nothing breaks
    assert board.model.rowCount() == 3


def test_a_note_from_the_board_lands_in_the_timeline(qtbot: QtBot, live_desk: Desk) -> None:
    incident = log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))

    press(qtbot, board, Qt.Key.Key_N)
    dialog = board.keys.dialog
    assert isinstance(dialog, NoteDialog)
    qtbot.keyClicks(dialog.text, "Équipage reparti, rappeler au 17")
    press(qtbot, dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert board.keys.dialog is None
    with live_desk.database.read() as session:
        notes = session.scalars(
            select(IncidentEvent.new_value).where(
                IncidentEvent.incident_id == incident, IncidentEvent.kind == "note"
            )
        ).all()
        lines = session.scalar(select(func.count()).select_from(IncidentEvent))
    assert notes == ["Équipage reparti, rappeler au 17"]
    assert lines == 2


def test_longer_french_still_fits_the_desk_screen(
    qtbot: QtBot, live_desk: Desk, stretched_french: None
) -> None:
    log(live_desk, 40)
    board = open_board(qtbot, live_desk, Clock(NOW))

    assert board.minimumSizeHint().width() <= 1366
    metrics = board.table.fontMetrics()
    header = board.table.horizontalHeader()
    for which, texts in (
        (BoardColumn.STAGE, [status_label(code) for code in Status]),
        (BoardColumn.ALERT, [alert_text(level) for level in Alert]),
        (BoardColumn.PRIORITY, [priority_label(code) for code in Priority]),
    ):
        title = board.model.headerData(which, Qt.Orientation.Horizontal)
        assert title.endswith("·")  # the stretched translation is in use
        for text in [*texts, title]:
            assert metrics.horizontalAdvance(text) < header.sectionSize(which), text


@pytest.mark.usefixtures("english")
def test_a_database_out_of_reach_is_said_and_the_board_recovers(
    qtbot: QtBot, live_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(live_desk, 3)
    board = open_board(qtbot, live_desk, Clock(NOW))
    real = live_board_module.board_snapshot

    def unreachable(*args: object, **kwargs: object) -> object:
        raise DatabaseError(DatabaseProblem.UNREACHABLE, "db.example", "timeout")

    monkeypatch.setattr(live_board_module, "board_snapshot", unreachable)
    board.refresh()
    assert board.message.text() == "The database server db.example cannot be reached (timeout)."
    assert board.model.rowCount() == 1  # the last known calls stay in sight

    monkeypatch.setattr(live_board_module, "board_snapshot", real)
    board.refresh()
    assert board.message.isHidden()
