"""Telling the desk a call waits too long: a notification, a sound, whom to call next.

The colours come from stored times (``alert_for``), so they are right after a restart.
The desk is told once per incident and per level, not at every refresh: a ringing that
never stops is a ringing nobody hears.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QIcon
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from operline.codes import Status
from operline.incidents.live_board import Alert, BoardIncident, NextContact
from operline.paris_time import format_paris
from operline.phones import format_phone
from operline.ui import palette, shortcuts
from operline.ui.board.model import age_text
from operline.ui.shortcuts import key_text


class DeskAlarm(Protocol):
    """What can reach an operator who is not looking at the board."""

    def notify(self, title: str, message: str, *, urgent: bool) -> None: ...

    def ring(self) -> None: ...


class DesktopAlarm(QObject):
    """The system tray's notification when there is a tray, and the system's beep."""

    def __init__(self, icon: QIcon | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("desktopAlarm")
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon or QIcon(), self)
            self._tray.setToolTip(self.tr("Operline"))

    def notify(self, title: str, message: str, *, urgent: bool) -> None:
        if self._tray is None:
            return  # no tray on this desktop: the board's colours and the beep remain
        if not self._tray.isVisible():
            self._tray.show()
        level = (
            QSystemTrayIcon.MessageIcon.Critical if urgent else QSystemTrayIcon.MessageIcon.Warning
        )
        self._tray.showMessage(title, message, level, 20_000)

    def ring(self) -> None:
        # PySide6-Essentials ships no QtMultimedia: the system beep is the sound we have.
        QApplication.beep()


@dataclass(frozen=True)
class Announcement:
    """Incidents that just reached a level, told together."""

    level: Alert
    incidents: tuple[BoardIncident, ...]


class AlertWatch(QObject):
    """Decides when the desk is told: an incident reaching amber or red, once each."""

    def __init__(self, alarm: DeskAlarm, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertWatch")
        self.alarm = alarm
        #: Where a screen reader hears the words told: a colour alone says nothing to it.
        self.speaker: QWidget | None = None
        #: The words last told, in order, as a screen reader was given them.
        self.spoken: list[str] = []
        self._told: set[tuple[int, Alert]] = set()

    def look(
        self, levels: Iterable[tuple[BoardIncident, Alert]], now: datetime
    ) -> list[Announcement]:
        """Tell the desk about the incidents newly amber or red; return what was told.

        ``levels`` holds every open incident: one absent has closed and is forgotten.
        """
        seen = list(levels)
        still_open = {incident.incident_id for incident, _ in seen}
        # A closed incident is forgotten: the set stays as small as the board.
        self._told = {(i, level) for i, level in self._told if i in still_open}
        return self._tell(seen, now)

    def look_again(
        self, levels: Iterable[tuple[BoardIncident, Alert]], now: datetime
    ) -> list[Announcement]:
        """``look`` at the few incidents a change named, all still open, the others as
        they were: what the others reached was told when they were last looked at."""
        return self._tell(list(levels), now)

    def _tell(self, seen: list[tuple[BoardIncident, Alert]], now: datetime) -> list[Announcement]:
        fresh: dict[Alert, list[BoardIncident]] = {Alert.AMBER: [], Alert.RED: []}
        for incident, level in seen:
            if level is Alert.NONE or (incident.incident_id, level) in self._told:
                continue
            self._told.add((incident.incident_id, level))
            if level is Alert.RED:
                # Red says all amber would have said: amber is not told afterwards.
                self._told.add((incident.incident_id, Alert.AMBER))
            fresh[level].append(incident)
        told = [Announcement(level, tuple(found)) for level, found in fresh.items() if found]
        for announcement in sorted(told, key=lambda a: a.level is not Alert.RED):
            title, message = self._words(announcement, now)
            self.alarm.notify(title, message, urgent=announcement.level is Alert.RED)
            self._speak(f"{title}. {message}", urgent=announcement.level is Alert.RED)
        if fresh[Alert.RED]:
            self.alarm.ring()
        return told

    def _speak(self, words: str, *, urgent: bool) -> None:
        if self.speaker is None:
            return
        self.spoken = [*self.spoken[-9:], words]
        event = QAccessibleAnnouncementEvent(self.speaker, words)
        if urgent:
            event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)

    def _words(self, announcement: Announcement, now: datetime) -> tuple[str, str]:
        incidents = announcement.incidents
        count = len(incidents)
        first = incidents[0]
        references = ", ".join(incident.reference for incident in incidents)
        if announcement.level is Alert.RED:
            title = self.tr("Operline: no team has answered")
            if count > 1:
                many = self.tr(
                    "%n call(s) have waited twice the time allowed: {references}.", "", count
                )
                return title, many.format(references=references)
            one = self.tr("{reference} ({sector}) has waited {age}: call the next team.")
        else:
            title = self.tr("Operline: a call waits")
            if count > 1:
                many = self.tr(
                    "%n call(s) wait for a team's acknowledgement: {references}.", "", count
                )
                return title, many.format(references=references)
            one = self.tr("{reference} ({sector}) waits for a team's acknowledgement ({age}).")
        age = age_text(first.age(now))
        return title, one.format(reference=first.reference, sector=first.sector, age=age)


class NextContactPanel(QFrame):
    """For a call in red: the next teams to call, then the supervisor (the board shows it
    at the foot of its rows)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextContactPanel")
        self.setAccessibleName(self.tr("Whom to call next"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        palette.styled(
            self, "#nextContactPanel { border: 2px solid $problem; background: $problem_strip; }"
        )
        self.headline = QLabel(self)
        self.headline.setObjectName("nextContactHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.contacts = QLabel(self)
        self.contacts.setObjectName("nextContactList")
        self.contacts.setWordWrap(True)
        self.contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.headline)
        layout.addWidget(self.contacts)
        layout.addStretch(1)  # room given beyond its lines stays under them
        self.hide()

    def _next_step(self, incident: BoardIncident) -> str:
        """The key that gives the call to the next team at its stage: never routed, T."""
        if incident.status is Status.NEW:
            return self.tr("{key}: route the call to a team").format(
                key=key_text(shortcuts.ROUTE.keys)
            )
        return self.tr("{key}: hand the call to another team").format(
            key=key_text(shortcuts.REASSIGN.keys)
        )

    def propose(self, incident: BoardIncident, contact: NextContact, now: datetime) -> None:
        """Say whom to call for this incident, tier 2 first, the supervisor last."""
        if incident.team and incident.routed_at is not None:
            # The wait that matters is the team's, counted from when it was contacted.
            headline = self.tr(
                "{reference}: no answer from {team}, contacted at {time} ({age} ago)."
            ).format(
                reference=incident.reference,
                team=incident.team,
                time=format_paris(incident.routed_at, "%H:%M"),
                age=age_text(now - incident.routed_at),
            )
        else:
            headline = self.tr("{reference}: no team reached for {age}.").format(
                reference=incident.reference, age=age_text(incident.age(now))
            )
        lines = []
        for number, team in enumerate(contact.teams, start=1):
            phone = format_phone(team.phone) if team.phone else self.tr("no phone")
            tier = self.tr("backup") if team.tier != 1 else self.tr("first call")
            until = format_paris(team.until, "%H:%M")
            lines.append(
                self.tr("{number}. {team} ({tier}, until {until}): {phone}").format(
                    number=number, team=team.name, tier=tier, until=until, phone=phone
                )
            )
        if not lines:
            lines.append(
                self.tr("No other team is on duty in {sector}.").format(sector=incident.sector)
            )
        if contact.supervisor_phone:
            lines.append(
                self.tr("Then the supervisor on call: {phone}").format(
                    phone=format_phone(contact.supervisor_phone)
                )
            )
        else:
            lines.append(self.tr("No supervisor number is set in the desk's settings."))
        lines.append(self._next_step(incident))
        self.headline.setText(headline)
        self.contacts.setText("\n".join(lines))
        self.setAccessibleDescription(f"{headline}\n" + "\n".join(lines))
