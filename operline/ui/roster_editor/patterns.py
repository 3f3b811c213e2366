"""The tab of weekly shifts: which team, at which tier, on which days, hours and sectors."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTimeEdit, QWidget

from operline.db.engine import Database
from operline.paris_time import paris_date
from operline.roster import editing
from operline.roster.editing import Check, PatternDraft, PatternRecord
from operline.ui.roster_editor.model import Column
from operline.ui.roster_editor.page import EditorContext, EditorPage, ShowChoices
from operline.ui.roster_editor.texts import days_text, hours_text, short_date, tier_text
from operline.ui.roster_editor.widgets import (
    DayButtons,
    OptionalDate,
    SectorChoice,
    note_label,
)
from operline.ui.tasks import Work

_NONE = "—"


def team_combo(parent: QWidget, name: str, accessible: str, placeholder: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    combo.setPlaceholderText(placeholder)
    combo.setMinimumContentsLength(24)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def fill_team_combo(
    combo: QComboBox, teams: list[editing.TeamRecord], keep: int | None, retired: str
) -> None:
    """Active teams, plus ``keep`` even if retired, so an old entry still reads right.

    ``retired`` is the translated "{name} (retired)".
    """
    combo.blockSignals(True)
    combo.clear()
    for team in teams:
        if team.active or team.id == keep:
            text = team.name if team.active else retired.format(name=team.name)
            combo.addItem(text, team.id)
    select_data(combo, keep)
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value) if value is not None else -1)


def combo_id(combo: QComboBox) -> int | None:
    data = combo.currentData()
    return int(data) if data is not None else None


def teams_and_sectors(
    show: Callable[[list[editing.TeamRecord], list[editing.SectorRecord]], None],
) -> Work[ShowChoices]:
    """The work of reading the teams and sectors a form chooses from, shown by ``show``."""

    def read(database: Database) -> ShowChoices:
        teams, sectors = editing.list_teams(database), editing.list_sectors(database)
        return lambda: show(teams, sectors)

    return read


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class PatternsPage(EditorPage[PatternRecord, PatternDraft]):
    """Weekly shift patterns; deleting one ends it from now on, the past keeps it."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="patternsPage", parent=parent)
        self.setAccessibleName(self.tr("Weekly shifts"))
        self.table.setAccessibleName(self.tr("Weekly shifts"))
        form = self.form_widget
        self._teams: list[editing.TeamRecord] = []
        self.team = team_combo(form, "patternTeam", self.tr("Team"), self.tr("Choose a team"))
        self.tier = QComboBox(form)
        self.tier.setObjectName("patternTier")
        self.tier.setAccessibleName(self.tr("Tier"))
        for tier in (1, 2):
            self.tier.addItem(tier_text(tier), tier)
        self.days = DayButtons(form)
        self.start = self._time_edit("patternStart", self.tr("Start"))
        self.end = self._time_edit("patternEnd", self.tr("End"))
        hours = QWidget(form)
        hours.setObjectName("patternHours")
        row = QHBoxLayout(hours)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.start)
        row.addWidget(QLabel("→", hours))
        row.addWidget(self.end)
        self.hours_note = note_label("patternHoursNote", hours)
        row.addWidget(self.hours_note, 1)
        hours.setFocusProxy(self.start)
        self.sectors = SectorChoice("patternSectors", form)
        validity = QWidget(form)
        validity.setObjectName("patternValidity")
        row = QHBoxLayout(validity)
        row.setContentsMargins(0, 0, 0, 0)
        self.valid_from = OptionalDate("patternValidFrom", self.tr("From"), validity)
        self.valid_until = OptionalDate("patternValidUntil", self.tr("Until"), validity)
        row.addWidget(self.valid_from)
        row.addWidget(self.valid_until)
        row.addStretch(1)
        validity.setFocusProxy(self.valid_from.check)

        self.add_field(self.tr("&Team"), self.team, "team")
        self.add_field(self.tr("T&ier"), self.tier, "tier")
        self.add_field(self.tr("&Days"), self.days, "weekdays")
        self.add_field(self.tr("&Hours"), hours, "start", "end")
        self.add_field(self.tr("&Sectors"), self.sectors, "sectors")
        self.add_field(self.tr("&Validity"), validity, "valid_from", "valid_until")
        self.watch(self.team.currentIndexChanged, "team")
        self.watch(self.tier.currentIndexChanged, "tier")
        self.watch(self.days.changed, "weekdays")
        self.watch(self.start.timeChanged, "start")
        self.watch(self.end.timeChanged, "end")
        self.watch(self.sectors.changed, "sectors")
        self.watch(self.valid_from.changed, "valid_from")
        self.watch(self.valid_until.changed, "valid_until")
        self.start.timeChanged.connect(self._explain_hours)
        self.end.timeChanged.connect(self._explain_hours)
        self.finish_setup(self.tr("&Delete…"), can_restore=False)
        # From sample texts in the language shown, so "Tous les jours" is not cut.
        self.size_columns(
            [
                ["x" * 26],
                ["2"],
                [days_text(frozenset(range(days))) for days in (2, 6, 7)],
                [hours_text(time(20), time(8))],
                # Most shifts have no end date: room for one date only.
                ["00/00/0000"],
            ]
        )

    def _time_edit(self, name: str, accessible: str) -> QTimeEdit:
        edit = QTimeEdit(self.form_widget)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setDisplayFormat("HH:mm")
        return edit

    def columns(self) -> list[Column[PatternRecord]]:
        return [
            Column(self.tr("Team"), self._team_text),
            Column(self.tr("Tier"), lambda p: str(p.tier)),
            Column(self.tr("Days"), lambda p: days_text(p.weekdays)),
            Column(self.tr("Hours"), lambda p: hours_text(p.start, p.end)),
            Column(self.tr("Validity"), lambda p: self._validity(p.valid_from, p.valid_until)),
            Column(self.tr("Sectors"), self._sectors_text),
        ]

    def _retired(self) -> str:
        return self.tr("{name} (retired)")

    def _team_text(self, pattern: PatternRecord) -> str:
        return pattern.team if pattern.team_active else self._retired().format(name=pattern.team)

    def _sectors_text(self, pattern: PatternRecord) -> str:
        if pattern.sectors is None:
            return self.tr("Every sector")
        return ", ".join(pattern.sectors)

    def _validity(self, first: date | None, last: date | None) -> str:
        if first and last:
            return f"{short_date(first)} – {short_date(last)}"
        if first:
            return self.tr("from {day}").format(day=short_date(first))
        if last:
            return self.tr("until {day}").format(day=short_date(last))
        return _NONE

    def load(self) -> Work[list[PatternRecord]]:
        return editing.list_shift_patterns

    def load_choices(self) -> Work[ShowChoices]:
        return teams_and_sectors(self._show_choices)

    def _show_choices(
        self, teams: list[editing.TeamRecord], sectors: list[editing.SectorRecord]
    ) -> None:
        self._teams = teams
        fill_team_combo(self.team, self._teams, combo_id(self.team), self._retired())
        self.sectors.set_choices([(s.id, s.name, s.active) for s in sectors])

    def record_id(self, record: PatternRecord) -> int:
        return record.id

    def is_active(self, record: PatternRecord) -> bool:
        return record.team_active

    def can_remove(self, record: PatternRecord) -> bool:
        # A retired team's shift counts for nothing, but deleting it tidies the list.
        return True

    def blank(self) -> PatternDraft:
        return PatternDraft(None, 1, frozenset(), time(8), time(20), frozenset())

    def draft_of(self, record: PatternRecord) -> PatternDraft:
        return record.draft()

    def read_form(self) -> PatternDraft:
        start: time = self.start.time().toPython()  # type: ignore[assignment]
        end: time = self.end.time().toPython()  # type: ignore[assignment]
        return PatternDraft(
            team_id=combo_id(self.team),
            tier=int(self.tier.currentData()),
            weekdays=self.days.weekdays(),
            start=start,
            end=end,
            sector_ids=self.sectors.sector_ids(),
            valid_from=self.valid_from.value(),
            valid_until=self.valid_until.value(),
        )

    def fill_form(self, draft: PatternDraft, record: PatternRecord | None) -> None:
        fill_team_combo(self.team, self._teams, draft.team_id, self._retired())
        select_data(self.tier, draft.tier)
        self.days.set_weekdays(draft.weekdays)
        self.start.setTime(_qtime(draft.start))
        self.end.setTime(_qtime(draft.end))
        self.sectors.set_sectors(draft.sector_ids)
        today = paris_date(self.context.clock())
        self.valid_from.set_value(draft.valid_from, otherwise=today)
        self.valid_until.set_value(draft.valid_until, otherwise=today)
        self._explain_hours()

    def _explain_hours(self) -> None:
        start, end = self.start.time(), self.end.time()
        if start == end:
            self.hours_note.setText(self.tr("24 hours, to the same time the next day"))
        elif end < start:
            self.hours_note.setText(self.tr("ends the next day"))
        else:
            self.hours_note.clear()

    def check(self, draft: PatternDraft, record: PatternRecord | None) -> Work[Check]:
        pattern_id = record.id if record is not None else None
        return lambda database: editing.check_shift_pattern(database, draft, pattern_id=pattern_id)

    def store(self, draft: PatternDraft, record: PatternRecord | None) -> Work[PatternRecord]:
        return self.saving(draft, record, editing.add_shift_pattern, editing.update_shift_pattern)

    def remove(self, record: PatternRecord) -> Work[object]:
        return self.acting(record, editing.delete_shift_pattern)

    def removal_question(self, record: PatternRecord) -> str:
        return self.tr(
            "Delete the weekly shift of {team} ({days}, {hours})? The team will no longer be on "
            "duty then; calls already logged are not changed."
        ).format(
            team=record.team,
            days=days_text(record.weekdays),
            hours=hours_text(record.start, record.end),
        )

    def form_title(self, record: PatternRecord | None) -> str:
        if record is None:
            return self.tr("New weekly shift")
        return self.tr("Weekly shift of {team}").format(team=record.team)
