"""The tab of exceptions: a team off, replaced or added for a period, in Paris time.

An exception is recorded or removed, never changed: the exceptions service keeps it that
way, so the audit log tells the whole story of a period in two rows.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateTimeEdit, QLineEdit, QWidget

from operline.names import find_by_name
from operline.paris_time import InFold, InGap, format_paris, paris_to_utc, to_paris
from operline.roster import editing
from operline.roster.editing import Check, ExceptionDraft, ExceptionKind, RosterExceptionRecord
from operline.ui.roster_editor.model import Column
from operline.ui.roster_editor.page import EditorContext, EditorPage, ShowChoices
from operline.ui.roster_editor.patterns import (
    combo_id,
    fill_team_combo,
    select_data,
    team_combo,
    teams_and_sectors,
)
from operline.ui.roster_editor.texts import kind_text
from operline.ui.roster_editor.widgets import SectorChoice
from operline.ui.tasks import Work

_KINDS: tuple[ExceptionKind, ...] = ("off", "replace", "add")
#: How long a new exception lasts until the supervisor says otherwise: one shift.
_DEFAULT_LENGTH = timedelta(hours=12)
_SHOWN = "%d/%m/%Y %H:%M"
#: In the list, where room is short: exceptions are about the weeks around now.
_SHORT = "%d/%m/%y %H:%M"


class ExceptionsPage(EditorPage[RosterExceptionRecord, ExceptionDraft]):
    """Exceptions to the weekly roster, those not over yet unless asked for all."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="exceptionsPage", parent=parent)
        self._teams: list[editing.TeamRecord] = []
        self._sectors: list[editing.SectorRecord] = []
        self.setAccessibleName(self.tr("Exceptions"))
        self.table.setAccessibleName(self.tr("Exceptions"))
        self.show_past = QCheckBox(self.tr("Show past exceptions too"), self)
        self.show_past.setObjectName("exceptionsShowPast")
        self.show_past.setAccessibleName(self.show_past.text())
        form = self.form_widget
        self.team = team_combo(form, "exceptionTeam", self.tr("Team"), self.tr("Choose a team"))
        self.kind = QComboBox(form)
        self.kind.setObjectName("exceptionKind")
        self.kind.setAccessibleName(self.tr("What changes"))
        for kind in _KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.replacement = team_combo(
            form, "exceptionReplacement", self.tr("Replaced by"), self.tr("Choose a team")
        )
        self.sectors = SectorChoice("exceptionSectors", form)
        self.starts = self._moment("exceptionStarts", self.tr("From"))
        self.ends = self._moment("exceptionEnds", self.tr("Until"))
        self.reason = QLineEdit(form)
        self.reason.setObjectName("exceptionReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. vehicle broken down"))
        self.reason.setMaxLength(320)
        self.add_field(self.tr("&Team"), self.team, "team")
        self.add_field(self.tr("&What changes"), self.kind, "kind")
        self.add_field(self.tr("Replaced &by"), self.replacement, "replacement")
        self.add_field(self.tr("&Sectors"), self.sectors, "sectors")
        self.add_field(self.tr("&From"), self.starts, "starts_at")
        self.add_field(self.tr("&Until"), self.ends, "ends_at")
        self.add_field(self.tr("&Reason"), self.reason, "reason")
        self.watch(self.team.currentIndexChanged, "team")
        self.watch(self.kind.currentIndexChanged, "kind")
        self.watch(self.replacement.currentIndexChanged, "replacement")
        self.watch(self.sectors.changed, "sectors")
        self.watch(self.starts.dateTimeChanged, "starts_at")
        self.watch(self.ends.dateTimeChanged, "ends_at")
        self.watch(self.reason.textChanged, "reason")
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.finish_setup(self.tr("&Remove…"), can_restore=False, above_list=self.show_past)
        self.show_past.toggled.connect(lambda _on: self.refresh())
        QWidget.setTabOrder(self.show_past, self.table)  # it sits above the list
        moment = ["00/00/00 00:00"]
        self.size_columns([["x" * 18], [kind_text("off"), kind_text("replace")], moment, moment])

    def _moment(self, name: str, accessible: str) -> QDateTimeEdit:
        edit = QDateTimeEdit(self.form_widget)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        # Paris wall-clock time, converted by operline.paris_time: Qt's own zone rules
        # must not move the hour typed.
        edit.setTimeZone(QTimeZone.utc())
        return edit

    def columns(self) -> list[Column[RosterExceptionRecord]]:
        return [
            Column(self.tr("Team"), lambda e: e.team),
            Column(self.tr("Change"), self._change_text),
            Column(self.tr("From"), lambda e: format_paris(e.starts_at, _SHORT)),
            Column(self.tr("Until"), lambda e: format_paris(e.ends_at, _SHORT)),
            Column(
                self.tr("Sectors"),
                lambda e: self.tr("Every sector") if e.sectors is None else ", ".join(e.sectors),
            ),
            Column(self.tr("Reason"), lambda e: e.reason),
        ]

    def _change_text(self, record: RosterExceptionRecord) -> str:
        if record.kind == "replace" and record.replacement:
            return self.tr("Replaced by {team}").format(team=record.replacement)
        return kind_text(record.kind)

    def load(self) -> Work[list[RosterExceptionRecord]]:
        now, include_past = self.context.clock(), self.show_past.isChecked()
        return lambda database: editing.list_exceptions(
            database, now=now, include_past=include_past
        )

    def load_choices(self) -> Work[ShowChoices]:
        return teams_and_sectors(self._show_choices)

    def _show_choices(
        self, teams: list[editing.TeamRecord], sectors: list[editing.SectorRecord]
    ) -> None:
        self._teams = teams
        self._sectors = sectors
        retired = self.tr("{name} (retired)")
        fill_team_combo(self.team, self._teams, combo_id(self.team), retired)
        fill_team_combo(self.replacement, self._teams, combo_id(self.replacement), retired)
        self.sectors.set_choices([(s.id, s.name, s.active) for s in self._sectors])

    def record_id(self, record: RosterExceptionRecord) -> int:
        return record.id

    def editable(self, record: RosterExceptionRecord | None) -> bool:
        return record is None

    def blank(self) -> ExceptionDraft:
        now = self.context.clock()
        next_hour = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        return ExceptionDraft(None, "off", None, None, next_hour, next_hour + _DEFAULT_LENGTH, "")

    def draft_of(self, record: RosterExceptionRecord) -> ExceptionDraft:
        teams = [(team.name, team.id) for team in self._teams]
        sectors = [(sector.name, sector.id) for sector in self._sectors]
        sector_ids = (
            None
            if record.sectors is None
            else frozenset(i for n in record.sectors if (i := find_by_name(n, sectors)))
        )
        return ExceptionDraft(
            team_id=find_by_name(record.team, teams),
            kind=record.kind,
            replacement_team_id=find_by_name(record.replacement, teams)
            if record.replacement
            else None,
            sector_ids=sector_ids,
            starts_at=record.starts_at,
            ends_at=record.ends_at,
            reason=record.reason,
        )

    def read_form(self) -> ExceptionDraft:
        kind: ExceptionKind = self.kind.currentData()
        return ExceptionDraft(
            team_id=combo_id(self.team),
            kind=kind,
            replacement_team_id=combo_id(self.replacement) if kind == "replace" else None,
            sector_ids=self.sectors.sector_ids(),
            starts_at=_instant(self.starts, InFold.EARLIER),
            ends_at=_instant(self.ends, InFold.LATER),
            reason=self.reason.text(),
        )

    def fill_form(self, draft: ExceptionDraft, record: RosterExceptionRecord | None) -> None:
        retired = self.tr("{name} (retired)")
        fill_team_combo(self.team, self._teams, draft.team_id, retired)
        fill_team_combo(self.replacement, self._teams, draft.replacement_team_id, retired)
        select_data(self.kind, draft.kind)
        self.sectors.set_sectors(draft.sector_ids)
        _show_instant(self.starts, draft.starts_at)
        _show_instant(self.ends, draft.ends_at)
        self.reason.setText(draft.reason)
        self._kind_changed()

    def _kind_changed(self) -> None:
        self.replacement.setEnabled(self.kind.currentData() == "replace")

    def check(self, draft: ExceptionDraft, record: RosterExceptionRecord | None) -> Work[Check]:
        if record is not None:
            return lambda _database: Check()  # recorded already; it can only be removed
        now = self.context.clock()
        return lambda database: editing.check_exception(database, draft, now=now)

    def store(
        self, draft: ExceptionDraft, record: RosterExceptionRecord | None
    ) -> Work[RosterExceptionRecord]:
        return self.saving(draft, None, editing.add_exception)  # recorded ones only go

    def remove(self, record: RosterExceptionRecord) -> Work[object]:
        return self.acting(record, editing.remove_exception)

    def removal_question(self, record: RosterExceptionRecord) -> str:
        return self.tr(
            "Remove the exception of {team} from {start} to {end}? The weekly shifts apply "
            "again for that period."
        ).format(
            team=record.team,
            start=format_paris(record.starts_at, _SHOWN),
            end=format_paris(record.ends_at, _SHOWN),
        )

    def form_title(self, record: RosterExceptionRecord | None) -> str:
        if record is None:
            return self.tr("New exception")
        return self.tr(
            "Exception of {team}, recorded by {author}. To change it, remove it and add another."
        ).format(team=record.team, author=record.author)


def _instant(edit: QDateTimeEdit, in_fold: InFold) -> datetime:
    shown = edit.dateTime()
    day, clock = shown.date(), shown.time()
    wall = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
    return paris_to_utc(wall, in_gap=InGap.NEXT_VALID, in_fold=in_fold)


def _show_instant(edit: QDateTimeEdit, instant: datetime) -> None:
    wall = to_paris(instant)
    edit.setDateTime(
        QDateTime(
            QDate(wall.year, wall.month, wall.day),
            QTime(wall.hour, wall.minute),
            QTimeZone.utc(),
        )
    )
