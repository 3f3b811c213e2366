"""The sector view and the week dashboard follow the desk's change bus, reading only what moved.

A change names the calls it touched; on the worker, their sector and reception time say
whether the screen shows them. The sector view then reads again its open calls and
today's log, with the places after a new call and this week's delays after a stage, and
redraws the rest from what it holds (today's bar is today's log counted); a correction,
which can move a call to another day or sector, reads the whole view again. The week
dashboard reads its week again when a touched call was received in it, once for a burst
of changes. Who is on duty in the sector is read again at the roster's next handoff, as
the duty board does, and after a roster change; the whole view at midnight. A screen
out of sight reads nothing: it reads afresh when shown again.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from operline.changes import Changes, IncidentChange
from operline.figures.buckets import IsoWeek
from operline.figures.sector_view import DayCalls, SectorFigures
from operline.paris_time import paris_day_bounds
from operline.sector_redraw import (
    SectorDuty,
    SectorRedraw,
    TouchedCall,
    sector_duty,
    sector_redraw,
    touched_calls,
)
from operline.ui.desk_context import DeskContext

if TYPE_CHECKING:
    from operline.ui.figures.sector_view import SectorView
    from operline.ui.figures.week_dashboard import WeekDashboard

#: A QTimer cannot wait weeks: a handoff further away re-aims the timer on the way.
LONGEST_WAIT_MS = 3_600_000
#: The changes the week's charts draw: calls, their stages and their corrections.
_DRAWN_IN_WEEK = frozenset({IncidentChange.LOGGED, IncidentChange.STAGE, IncidentChange.CORRECTED})


class SectorViewUpdates(QObject):
    """Keeps an open sector view current: the bus for its calls, a timer for its teams."""

    def __init__(self, view: SectorView, desk: DeskContext) -> None:
        super().__init__(view)
        self._view = view
        self._desk = desk
        #: The handoff the timer is aimed at, if any, and the end of the day shown.
        self.handoff_at: datetime | None = None
        self.midnight = datetime.max.replace(tzinfo=UTC)
        self.handoff_timer = QTimer(self)
        self.handoff_timer.setObjectName("sectorHandoffTimer")
        self.handoff_timer.setSingleShot(True)
        self.handoff_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.handoff_timer.timeout.connect(self._handoff_reached)
        desk.changes.changed.connect(self.apply)
        view.shown.connect(self._aim)

    def apply(self, changes: Changes) -> None:
        """Read again what ``changes`` moved in the sector shown."""
        figures = self._view.figures
        if figures is None or not self._view.isVisible():
            return
        if changes.roster:
            self.read_duty()
        if not changes.incidents:
            return
        kinds = dict(changes.incidents)
        shown = set(figures.live.today_ids)
        shown.update(incident.incident_id for incident in figures.live.open_incidents)
        sector_id = figures.sector_id
        self._desk.runner.run(
            lambda database: touched_calls(database, kinds),
            lambda found: self._touched(sector_id, kinds, shown, found),
            self._view.show_problem,
            owner=self,
        )

    def _touched(
        self,
        sector_id: int,
        kinds: dict[int, IncidentChange],
        shown: set[int],
        found: tuple[TouchedCall, ...],
    ) -> None:
        if self._view.sector_id != sector_id:
            return  # another sector is shown now
        ours = {call.incident_id for call in found if call.sector_id == sector_id}
        moved = ours | (shown & kinds.keys())  # a correction may have taken one away
        if not moved:
            return
        changed = {kinds[incident_id] for incident_id in moved}
        if IncidentChange.CORRECTED in changed:
            self._view.show_sector(sector_id)
            return
        places = IncidentChange.LOGGED in changed
        ack = IncidentChange.STAGE in changed
        now, actor = self._desk.clock(), self._desk.actor()
        self._desk.runner.run(
            lambda database: sector_redraw(
                database, sector_id, places=places, ack=ack, actor=actor, now=now
            ),
            lambda redraw: self._redraw(sector_id, redraw),
            self._view.show_problem,
            owner=self,
        )

    def _redraw(self, sector_id: int, redraw: SectorRedraw) -> None:
        figures = self._view.figures
        if figures is None or figures.sector_id != sector_id:
            return
        if not figures.days or figures.days[-1].day != redraw.live.today:
            self._view.show_sector(sector_id)  # a new day: every figure moves on
            return
        days = (*figures.days[:-1], DayCalls(redraw.live.today, len(redraw.live.today_ids)))
        updated = replace(figures, live=redraw.live, days=days)
        if redraw.places is not None:
            updated = replace(updated, places=redraw.places)
        if redraw.ack_this_week is not None:
            updated = replace(updated, ack_this_week=redraw.ack_this_week)
        self._view.redraw(updated)

    # Who is on duty

    def read_duty(self) -> None:
        """Read who is on duty in the sector now and next, and redraw them."""
        figures = self._view.figures
        if figures is None:
            return
        sector_id, now = figures.sector_id, self._desk.clock()
        self._desk.runner.run(
            lambda database: sector_duty(database, sector_id, now),
            lambda duty: self._show_duty(sector_id, duty),
            self._view.show_problem,
            owner=self,
        )

    def _show_duty(self, sector_id: int, duty: SectorDuty) -> None:
        figures = self._view.figures
        if figures is None or figures.sector_id != sector_id:
            return
        self._view.redraw(
            replace(
                figures,
                on_duty=duty.on_duty,
                handoff_at=duty.handoff_at,
                next_on_duty=duty.next_on_duty,
            )
        )

    def _aim(self, figures: SectorFigures) -> None:
        # At the next handoff, or at midnight if sooner: today's log and bar move on then.
        self.handoff_timer.stop()
        self.handoff_at = figures.handoff_at
        _, self.midnight = paris_day_bounds(figures.live.today)
        target = min(self.midnight, figures.handoff_at or self.midnight)
        wait = (target - self._desk.clock()) / timedelta(milliseconds=1)
        self.handoff_timer.start(int(min(max(wait, 0), LONGEST_WAIT_MS)))

    def _handoff_reached(self) -> None:
        figures = self._view.figures
        if figures is None:
            return
        now = self._desk.clock()
        if not self._view.isVisible():
            return  # opened again, the view reads afresh
        if now >= self.midnight:
            self._view.show_sector(figures.sector_id)  # a new day: every figure moves on
        elif self.handoff_at is not None and now >= self.handoff_at:
            self.read_duty()
        else:
            self._aim(figures)  # a long wait, cut short on the way


class WeekDashboardUpdates(QObject):
    """Reads the week shown again when a call received in it was logged, moved or corrected."""

    def __init__(self, dashboard: WeekDashboard, desk: DeskContext) -> None:
        super().__init__(dashboard)
        self._dashboard = dashboard
        self._desk = desk
        # Changes of one burst (a stage and its note, a batch) make one reading.
        self._again = QTimer(self)
        self._again.setObjectName("weekChartsAgainTimer")
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self._read_again)
        desk.changes.changed.connect(self.apply)

    def apply(self, changes: Changes) -> None:
        dashboard = self._dashboard
        kinds = {i: kind for i, kind in changes.incidents.items() if kind in _DRAWN_IN_WEEK}
        if dashboard.figures is None or not kinds or not dashboard.isVisible():
            return
        week = dashboard.week
        if IncidentChange.CORRECTED in kinds.values():
            self._again.start()  # a correction may have moved a call out of the week
            return
        self._desk.runner.run(
            lambda database: touched_calls(database, kinds),
            lambda found: self._touched(week, found),
            lambda _error: None,  # the reading itself will say what is wrong
            owner=self,
        )

    def _touched(self, week: IsoWeek, found: tuple[TouchedCall, ...]) -> None:
        start, end = week.bounds()
        if week == self._dashboard.week and any(start <= c.received_at < end for c in found):
            self._again.start()

    def _read_again(self) -> None:
        if self._dashboard.isVisible():
            self._dashboard.show_week(self._dashboard.week)
