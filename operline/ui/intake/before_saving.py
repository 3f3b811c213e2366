"""What the desk reads and asks before a call is saved: a time far back, a possible duplicate.

Both are read in one task on the runner when Ctrl+Enter is pressed, so the threshold is
the one the supervisors set now, and the open incidents are those open now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QMessageBox, QWidget

from operline.db.engine import Database
from operline.incidents.intake import possible_duplicates
from operline.incidents.live_board import BoardIncident, open_incidents
from operline.paris_time import format_paris, paris_date
from operline.settings import DeskSettings, read_settings


@dataclass(frozen=True)
class BeforeSaving:
    """The desk's settings, and the open incidents the call may be about, newest first."""

    settings: DeskSettings
    possible_duplicates: list[BoardIncident]


def read_before_saving(
    database: Database, sector_id: int, received_at: datetime, *, now: datetime
) -> BeforeSaving:
    """The settings, and the sector's open incidents of the half hour before the call."""
    settings = read_settings(database)
    duplicates = possible_duplicates(database, sector_id, received_at)
    if not duplicates:
        return BeforeSaving(settings, [])
    # The board's reading of them carries their priority, to show beside the call's.
    order = {duplicate.incident_id: number for number, duplicate in enumerate(duplicates)}
    shown = open_incidents(database, now=now, settings=settings, incident_ids=list(order))
    return BeforeSaving(settings, sorted(shown, key=lambda incident: order[incident.incident_id]))


class LateEntryPrompt(QMessageBox):
    """A call's time far back may be a slip (yesterday's date, a wrong hour): ask first.

    Enter and Escape go back to the time; saving takes the other button, on purpose.
    """

    def __init__(self, received_at: datetime, now: datetime, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lateEntryPrompt")
        self.setAccessibleName(self.tr("Call time far back"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Call time far back"))
        minutes = int((now - received_at).total_seconds() // 60)
        when = format_paris(received_at, "%H:%M")
        if paris_date(received_at) != paris_date(now):
            when = format_paris(received_at, "%d/%m %H:%M")
        self.setText(
            self.tr("This call was received at {when}, {hours} h {minutes:02d} ago.").format(
                when=when, hours=minutes // 60, minutes=minutes % 60
            )
        )
        self.setInformativeText(self.tr("Is this the right time? Save it with this time?"))
        self.correct_button = self.addButton(
            self.tr("Correct the time"), QMessageBox.ButtonRole.RejectRole
        )
        self.save_button = self.addButton(
            self.tr("Save with this time"), QMessageBox.ButtonRole.AcceptRole
        )
        self.correct_button.setObjectName("correctTimeButton")
        self.save_button.setObjectName("saveLateCallButton")
        self.setDefaultButton(self.correct_button)
        self.setEscapeButton(self.correct_button)

    @property
    def confirmed(self) -> bool:
        """Whether the operator chose to save with this time."""
        return self.clickedButton() is self.save_button
