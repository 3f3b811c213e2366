"""The stage dialogs that choose from a list: the team to route or hand a call to, and
the outcome of a closed call with its place. Digits pick an entry, Enter records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QListWidgetItem, QWidget

from operline.codes import Outcome
from operline.db.engine import Database
from operline.incidents.live_board import BoardIncident
from operline.incidents.places import PlaceRoom
from operline.incidents.routing import routing_choices
from operline.paris_time import Clock, format_paris
from operline.phones import format_phone
from operline.roster.engine import OnDuty, TeamContact
from operline.ui import palette
from operline.ui.board.stage_dialogs import (
    OUTCOME_KEYS,
    Closing,
    KeyedList,
    StageDialog,
    Submit,
    TimeFields,
)
from operline.ui.labels import outcome_label


@dataclass(frozen=True)
class TeamChoice:
    """A team the call can go to; ``tier`` and ``until`` when it is on duty now."""

    team_id: int
    name: str
    phone: str | None
    tier: int | None = None
    until: datetime | None = None

    @property
    def on_duty(self) -> bool:
        return self.tier is not None


@dataclass(frozen=True)
class TeamChange:
    team_id: int
    at: datetime
    reason: str


def team_choices(
    database: Database,
    incident: BoardIncident,
    *,
    now: datetime,
    routing: bool,
) -> list[TeamChoice]:
    """The teams a call can go to, from the same choices as the call form's routing panel.

    On duty in its sector first (routing proposes the first-call teams first, handing a
    call over the backups first), then those on duty in the neighbouring sectors and the
    backups elsewhere, then every other team; only the first are marked on duty here.
    """
    choices_now = routing_choices(database, incident.sector_id, now)
    here = sorted(
        choices_now.on_duty,
        key=lambda team: (team.tier if routing else (team.tier != 2, team.tier), team.name),
    )
    nearby = [team for duty in choices_now.neighbours for team in duty.teams]
    choices: list[TeamChoice] = []
    seen: set[int | None] = {incident.team_id}
    for team in here:
        if team.team_id not in seen:
            seen.add(team.team_id)
            choices.append(TeamChoice(team.team_id, team.name, team.phone, team.tier, team.until))
    elsewhere: list[OnDuty | TeamContact] = [
        *nearby,
        *choices_now.backups,
        *choices_now.other_teams,
    ]
    for other in elsewhere:
        if other.team_id not in seen:
            seen.add(other.team_id)
            choices.append(TeamChoice(other.team_id, other.name, other.phone))
    return choices


class TeamDialog(StageDialog[TeamChange]):
    """Choose a team: those on duty first (as proposed), then the others, marked."""

    def __init__(
        self,
        title: str,
        incident: BoardIncident,
        choices: Sequence[TeamChoice],
        clock: Clock,
        submit: Submit[TeamChange],
        *,
        reason_required: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, incident, submit, parent)
        self.setObjectName("teamDialog")
        self.teams = KeyedList(self)
        self.teams.setObjectName("teamChoices")
        self.teams.setAccessibleName(self.tr("Team"))
        # The teams that are not on duty in the call's sector: they need a reason.
        self._off_duty = {choice.team_id for choice in choices if not choice.on_duty}
        for number, choice in enumerate(choices, start=1):
            prefix = f"{number}   " if number <= 9 else "     "
            item = QListWidgetItem(prefix + self._team_text(choice))
            item.setData(Qt.ItemDataRole.UserRole, choice.team_id)
            if not choice.on_duty:
                item.setForeground(QBrush(palette.colour("quiet")))
            self.teams.addItem(item)
        rows = max(1, min(len(choices), 8))
        self.teams.setMinimumHeight(self.teams.sizeHintForRow(0) * rows + 6)
        self.form.addRow(self.tr("&Team (1–9)"), self.teams)
        self.fields = TimeFields(self, clock)
        if reason_required:
            self.fields.reason_edit.setPlaceholderText(
                self.tr("Required: why the call goes to another team")
            )
            label = self.form.labelForField(self.fields.reason_edit)
            if isinstance(label, QLabel):
                label.setText(self.tr("&Reason (required)"))
        else:
            self.fields.reason_edit.setPlaceholderText(
                self.tr("Needed for a team not on duty, or a time set back")
            )
        if choices:
            self.teams.setCurrentRow(0)  # the team proposed first
        self.teams.setFocus()

    def choice(self) -> TeamChange | None:
        item = self.teams.chosen()
        if item is None:
            self.refuse(self.tr("Choose a team (keys 1 to 9, or the arrows)."), self.teams)
            return None
        team_id = int(item.data(Qt.ItemDataRole.UserRole))
        stage_time = self.fields.stage_time()
        if team_id in self._off_duty and not stage_time.reason:
            # The reason the desk will most likely ask for takes the focus at once, not
            # once it answers: what the operator types meanwhile is not lost in the list.
            self.fields.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        return TeamChange(team_id, stage_time.at, stage_time.reason)

    def _team_text(self, choice: TeamChoice) -> str:
        phone = format_phone(choice.phone) if choice.phone else self.tr("no phone")
        if choice.tier is None or choice.until is None:
            duty = self.tr("not on duty")
        elif choice.tier == 1:
            duty = self.tr("first call until {time}").format(
                time=format_paris(choice.until, "%H:%M")
            )
        else:
            duty = self.tr("backup until {time}").format(time=format_paris(choice.until, "%H:%M"))
        return f"{choice.name} · {phone} · {duty}"


class CloseDialog(StageDialog[Closing]):
    """Close with an outcome (one digit each); an orientation names its place."""

    def __init__(
        self,
        incident: BoardIncident,
        places: Sequence[PlaceRoom],
        clock: Clock,
        submit: Submit[Closing],
        parent: QWidget | None = None,
    ) -> None:
        title = QCoreApplication.translate("CloseDialog", "Close the call")
        super().__init__(title, incident, submit, parent)
        self.setObjectName("closeDialog")
        self.outcomes = KeyedList(self)
        self.outcomes.setObjectName("closeOutcomes")
        self.outcomes.setAccessibleName(self.tr("Outcome"))
        for number, outcome in enumerate(OUTCOME_KEYS, start=1):
            item = QListWidgetItem(f"{number}   {outcome_label(outcome)}")
            item.setData(Qt.ItemDataRole.UserRole, outcome.value)
            self.outcomes.addItem(item)
        self.outcomes.setFixedHeight(self.outcomes.sizeHintForRow(0) * len(OUTCOME_KEYS) + 6)
        self.places = KeyedList(self)
        self.places.setObjectName("closePlaces")
        self.places.setAccessibleName(self.tr("Place the person was oriented to"))
        for number, place in enumerate(places, start=1):
            item = QListWidgetItem(f"{number}   {self._place_text(place)}")
            item.setData(Qt.ItemDataRole.UserRole, place.facility_id)
            self.places.addItem(item)
        shown = max(1, min(self.places.count(), 9))
        self.places.setFixedHeight(self.places.sizeHintForRow(0) * shown + 6)
        self.form.addRow(self.tr("&Outcome (1–6)"), self.outcomes)
        self.form.addRow(self.tr("&Place (1–{last})").format(last=shown), self.places)
        self.fields = TimeFields(self, clock)
        self.outcomes.itemSelectionChanged.connect(self._outcome_changed)
        self.outcomes.itemActivated.connect(self._outcome_picked)
        self.places.setEnabled(False)
        self.outcomes.setFocus()

    def outcome(self) -> Outcome | None:
        item = self.outcomes.chosen()
        return Outcome(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def choice(self) -> Closing | None:
        outcome = self.outcome()
        if outcome is None:
            self.refuse(self.tr("Choose the outcome (keys 1 to 6)."), self.outcomes)
            return None
        place = self.places.chosen()
        facility_id = None
        if outcome is Outcome.ORIENTED:
            if place is None:
                self.refuse(self.tr("Choose the place the person was oriented to."), self.places)
                return None
            facility_id = int(place.data(Qt.ItemDataRole.UserRole))
        stage_time = self.fields.stage_time()
        return Closing(outcome, facility_id, stage_time.at, stage_time.reason)

    def _outcome_changed(self) -> None:
        # No place is chosen for the operator: Enter on a place nobody picked is refused.
        self.places.setEnabled(self.outcome() is Outcome.ORIENTED)

    def _outcome_picked(self, item: QListWidgetItem) -> None:
        if Outcome(item.data(Qt.ItemDataRole.UserRole)) is Outcome.ORIENTED:
            self.places.setFocus()

    def _place_text(self, place: PlaceRoom) -> str:
        if place.free_places is None:
            room = self.tr("room not known tonight")
        elif place.free_places == 0:
            room = self.tr("full")
        elif place.capacity is not None:
            room = self.tr("{free} free of {capacity}").format(
                free=place.free_places, capacity=place.capacity
            )
        else:
            room = self.tr("{free} free").format(free=place.free_places)
        return f"{place.name} — {room}"
