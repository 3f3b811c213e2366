"""Telling the desk about late calls: once per call and level, quietly for amber, loudly for red."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from operline.codes import Category, Priority, Status
from operline.incidents.live_board import Alert, BoardIncident, NextContact
from operline.roster.engine import OnDuty
from operline.ui.board.alerts import AlertWatch, DesktopAlarm, NextContactPanel
from tests.incidents.conftest import NOW
from tests.ui.board.test_live_board import RecordingAlarm


def incident(
    number: int, minutes_ago: float, team: str | None = None, routed_minutes_ago: float = 0
) -> BoardIncident:
    return BoardIncident(
        incident_id=number,
        reference=f"OPL-2026-{number:06d}",
        received_at=NOW - timedelta(minutes=minutes_ago),
        priority=Priority.URGENT,
        category=Category.DISTRESS,
        status=Status.ROUTED if team else Status.NEW,
        sector_id=1,
        sector="Stalingrad",
        location=None,
        persons=1,
        team_id=7 if team else None,
        team=team,
        acknowledged_at=None,
        version=1,
        alert=Alert.NONE,
        routed_at=NOW - timedelta(minutes=routed_minutes_ago) if team else None,
    )


@pytest.mark.usefixtures("english")
def test_amber_then_red_are_each_told_once() -> None:
    alarm = RecordingAlarm()
    watch = AlertWatch(alarm)
    call = incident(1, 6)

    watch.look([(call, Alert.NONE)], NOW)
    assert alarm.notifications == []
    told = watch.look([(call, Alert.AMBER)], NOW)
    assert [a.level for a in told] == [Alert.AMBER]
    watch.look([(call, Alert.AMBER)], NOW)
    assert alarm.notifications == [
        (
            "Operline: a call waits",
            "OPL-2026-000001 (Stalingrad) waits for a team's acknowledgement (6 min).",
            False,
        )
    ]
    assert alarm.rings == 0

    watch.look([(call, Alert.RED)], NOW)
    watch.look([(call, Alert.RED)], NOW)
    assert len(alarm.notifications) == 2
    assert alarm.notifications[1] == (
        "Operline: no team has answered",
        "OPL-2026-000001 (Stalingrad) has waited 6 min: call the next team.",
        True,
    )
    assert alarm.rings == 1


@pytest.mark.usefixtures("english")
def test_several_calls_turning_red_together_make_one_notification_and_one_sound() -> None:
    alarm = RecordingAlarm()
    watch = AlertWatch(alarm)

    watch.look([(incident(1, 12), Alert.RED), (incident(2, 11), Alert.RED)], NOW)

    assert alarm.notifications == [
        (
            "Operline: no team has answered",
            "2 call(s) have waited twice the time allowed: OPL-2026-000001, OPL-2026-000002.",
            True,
        )
    ]
    assert alarm.rings == 1
    # Red said it all: amber is not told afterwards.
    watch.look([(incident(1, 12), Alert.AMBER)], NOW)
    assert len(alarm.notifications) == 1


@pytest.mark.usefixtures("english")
def test_a_closed_call_is_forgotten() -> None:
    alarm = RecordingAlarm()
    watch = AlertWatch(alarm)
    watch.look([(incident(1, 12), Alert.RED), (incident(2, 7), Alert.AMBER)], NOW)
    assert len(alarm.notifications) == 2

    watch.look([(incident(2, 7), Alert.AMBER)], NOW)  # call 1 closed

    assert watch._told == {(2, Alert.AMBER)}
    assert len(alarm.notifications) == 2


def test_the_desktop_alarm_rings_the_system_beep_even_without_a_tray(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    alarm = DesktopAlarm()

    alarm.notify("Operline", "OPL-2026-000001", urgent=True)  # no tray offscreen: no failure
    alarm.ring()

    assert beeps == [1]


@pytest.mark.usefixtures("english")
def test_with_nobody_else_on_duty_the_panel_says_so_and_names_the_supervisor(
    qtbot: QtBot,
) -> None:
    panel = NextContactPanel()
    qtbot.addWidget(panel)
    call = incident(3, 25, team="Maraude de nuit Nord-Est", routed_minutes_ago=12)

    panel.propose(call, NextContact((), ""), NOW)

    assert panel.headline.text() == (
        "OPL-2026-000003: no answer from Maraude de nuit Nord-Est, contacted at 21:48 (12 min ago)."
    )
    assert panel.contacts.text().splitlines() == [
        "No other team is on duty in Stalingrad.",
        "No supervisor number is set in the desk's settings.",
        "R: hand the call to another team",
    ]

    backup = OnDuty(9, "Fluid-Crack", "+33199000142", 2, NOW, NOW + timedelta(hours=2))
    panel.propose(incident(4, 25), NextContact((backup,), "+33199000199"), NOW)
    assert panel.headline.text() == "OPL-2026-000004: no team reached for 25 min."
    assert panel.contacts.text().splitlines() == [
        "1. Fluid-Crack (backup, until 00:00): 01 99 00 01 42",
        "Then the supervisor on call: 01 99 00 01 99",
        # Never routed: R would refuse it, T gives it to a team.
        "T: route the call to a team",
    ]
