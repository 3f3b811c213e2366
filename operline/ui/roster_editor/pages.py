"""The tabs of teams, sectors and places: entries that retire but are never deleted."""

from __future__ import annotations

from PySide6.QtWidgets import QCompleter, QLineEdit, QSpinBox, QWidget

from operline.changes import Changes
from operline.db.engine import Database
from operline.phones import format_phone
from operline.roster import editing
from operline.roster.editing import (
    Check,
    FacilityDraft,
    FacilityRecord,
    SectorDraft,
    SectorRecord,
    TeamDraft,
    TeamRecord,
)
from operline.ui.roster_editor.model import Column
from operline.ui.roster_editor.page import EditorContext, EditorPage, ShowChoices
from operline.ui.tasks import Work

_NONE = "—"
#: The spin box value that stands for "no number of places given".
_NO_CAPACITY = -1


def _line_edit(parent: QWidget, name: str, accessible: str, limit: int) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setObjectName(name)
    edit.setAccessibleName(accessible)
    # A little over the column's size, so typing too much shows the problem instead of
    # silently stopping.
    edit.setMaxLength(limit + 20)
    return edit


class TeamsPage(EditorPage[TeamRecord, TeamDraft]):
    """Teams: name, organisation, duty phone; retired, never deleted."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="teamsPage", parent=parent)
        self.setAccessibleName(self.tr("Teams"))
        self.table.setAccessibleName(self.tr("Teams"))
        self.name = _line_edit(self.form_widget, "teamName", self.tr("Team name"), 120)
        self.organisation = _line_edit(
            self.form_widget, "teamOrganisation", self.tr("Organisation"), 120
        )
        self.phone = _line_edit(self.form_widget, "teamPhone", self.tr("Duty phone"), 20)
        self.phone.setPlaceholderText("01 99 00 12 34")
        self.add_field(self.tr("&Name"), self.name, "name")
        self.add_field(self.tr("&Organisation"), self.organisation, "organisation")
        self.add_field(self.tr("Duty &phone"), self.phone, "phone")
        self.watch(self.name.textChanged, "name")
        self.watch(self.organisation.textChanged, "organisation")
        self.watch(self.phone.textChanged, "phone")
        self.finish_setup(self.tr("&Retire…"), can_restore=True)
        states = [self.tr("Active"), self.tr("Retired")]
        self.size_columns([["x" * 32], ["x" * 22], ["00 00 00 00 00"], ["00"], states])

    def columns(self) -> list[Column[TeamRecord]]:
        return [
            Column(self.tr("Team"), lambda t: t.name),
            Column(self.tr("Organisation"), lambda t: t.organisation),
            Column(self.tr("Phone"), lambda t: format_phone(t.phone) if t.phone else _NONE),
            Column(self.tr("Shifts"), lambda t: str(t.shift_patterns)),
            Column(self.tr("Status"), self._status),
        ]

    def _status(self, team: TeamRecord) -> str:
        return self.tr("Active") if team.active else self.tr("Retired")

    def load(self) -> Work[list[TeamRecord]]:
        return editing.list_teams

    def record_id(self, record: TeamRecord) -> int:
        return record.id

    def is_active(self, record: TeamRecord) -> bool:
        return record.active

    def blank(self) -> TeamDraft:
        return TeamDraft("", "", "")

    def draft_of(self, record: TeamRecord) -> TeamDraft:
        return record.draft()

    def read_form(self) -> TeamDraft:
        return TeamDraft(self.name.text(), self.organisation.text(), self.phone.text())

    def fill_form(self, draft: TeamDraft, record: TeamRecord | None) -> None:
        self.name.setText(draft.name)
        self.organisation.setText(draft.organisation)
        self.phone.setText(draft.phone)

    def check(self, draft: TeamDraft, record: TeamRecord | None) -> Work[Check]:
        team_id = record.id if record is not None else None
        return lambda database: editing.check_team(database, draft, team_id=team_id)

    def store(self, draft: TeamDraft, record: TeamRecord | None) -> Work[TeamRecord]:
        return self.saving(draft, record, editing.add_team, editing.update_team)

    def remove(self, record: TeamRecord) -> Work[object]:
        return self.acting(record, editing.retire_team)

    def restore(self, record: TeamRecord) -> Work[object]:
        return self.acting(record, editing.restore_team)

    def removal_question(self, record: TeamRecord) -> str:
        return self.tr(
            "Retire {name}? The desk will no longer route calls to it and its %n weekly "
            "shift(s) will stop counting. Calls it handled keep its name.",
            "",
            record.shift_patterns,
        ).format(name=record.name)

    def form_title(self, record: TeamRecord | None) -> str:
        if record is None:
            return self.tr("New team")
        if not record.active:
            return self.tr("{name} (retired)").format(name=record.name)
        return record.name


class SectorsPage(EditorPage[SectorRecord, SectorDraft]):
    """Sectors: added, renamed (history follows the sector), retired."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="sectorsPage", parent=parent)
        self.setAccessibleName(self.tr("Sectors"))
        self.table.setAccessibleName(self.tr("Sectors"))
        self.name = _line_edit(self.form_widget, "sectorName", self.tr("Sector name"), 80)
        self.add_field(self.tr("&Name"), self.name, "name")
        self.watch(self.name.textChanged, "name")
        self.finish_setup(self.tr("&Retire…"), can_restore=True)
        self.size_columns([["x" * 34], ["00"], [self.tr("Active"), self.tr("Retired")]])

    def columns(self) -> list[Column[SectorRecord]]:
        return [
            Column(self.tr("Sector"), lambda s: s.name),
            Column(self.tr("Shifts"), lambda s: str(s.shift_patterns)),
            Column(
                self.tr("Status"), lambda s: self.tr("Active") if s.active else self.tr("Retired")
            ),
        ]

    def load(self) -> Work[list[SectorRecord]]:
        return editing.list_sectors

    def record_id(self, record: SectorRecord) -> int:
        return record.id

    def is_active(self, record: SectorRecord) -> bool:
        return record.active

    def blank(self) -> SectorDraft:
        return SectorDraft("")

    def draft_of(self, record: SectorRecord) -> SectorDraft:
        return record.draft()

    def read_form(self) -> SectorDraft:
        return SectorDraft(self.name.text())

    def fill_form(self, draft: SectorDraft, record: SectorRecord | None) -> None:
        self.name.setText(draft.name)

    def check(self, draft: SectorDraft, record: SectorRecord | None) -> Work[Check]:
        sector_id = record.id if record is not None else None
        return lambda database: editing.check_sector(database, draft, sector_id=sector_id)

    def store(self, draft: SectorDraft, record: SectorRecord | None) -> Work[SectorRecord]:
        return self.saving(draft, record, editing.add_sector, editing.update_sector)

    def remove(self, record: SectorRecord) -> Work[object]:
        return self.acting(record, editing.retire_sector)

    def restore(self, record: SectorRecord) -> Work[object]:
        return self.acting(record, editing.restore_sector)

    def removal_question(self, record: SectorRecord) -> str:
        return self.tr(
            "Retire the sector {name}? It will no longer be offered for new calls; the calls "
            "already logged there keep it."
        ).format(name=record.name)

    def form_title(self, record: SectorRecord | None) -> str:
        if record is None:
            return self.tr("New sector")
        if not record.active:
            return self.tr("{name} (retired)").format(name=record.name)
        return record.name


class FacilitiesPage(EditorPage[FacilityRecord, FacilityDraft]):
    """Places people can be oriented to: kind, address, phone, places, opening hours."""

    #: Places are no part of the roster: the call form's list of places redraws instead.
    changes = Changes(places=True)

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, name="facilitiesPage", parent=parent)
        self.setAccessibleName(self.tr("Places"))
        self.table.setAccessibleName(self.tr("Places"))
        form = self.form_widget
        self.name = _line_edit(form, "facilityName", self.tr("Place name"), 120)
        self.kind = _line_edit(form, "facilityKind", self.tr("Kind of place"), 40)
        self.kind.setPlaceholderText(self.tr("e.g. night shelter, rest space"))
        self.kinds = QCompleter([], self.kind)
        self.kind.setCompleter(self.kinds)
        self.address = _line_edit(form, "facilityAddress", self.tr("Address"), 200)
        self.phone = _line_edit(form, "facilityPhone", self.tr("Phone"), 20)
        self.phone.setPlaceholderText("01 99 00 12 34")
        self.capacity = QSpinBox(form)
        self.capacity.setObjectName("facilityCapacity")
        self.capacity.setAccessibleName(self.tr("Number of places"))
        self.capacity.setRange(_NO_CAPACITY, 100_000)
        self.capacity.setSpecialValueText(self.tr("not given"))
        self.hours = _line_edit(form, "facilityHours", self.tr("Opening hours"), 200)
        self.add_field(self.tr("&Name"), self.name, "name")
        self.add_field(self.tr("&Kind"), self.kind, "kind")
        self.add_field(self.tr("&Address"), self.address, "address")
        self.add_field(self.tr("&Phone"), self.phone, "phone")
        self.add_field(self.tr("Capa&city"), self.capacity, "capacity")
        self.add_field(self.tr("Opening &hours"), self.hours, "opening_hours")
        for widget, name in (
            (self.name, "name"),
            (self.kind, "kind"),
            (self.address, "address"),
            (self.phone, "phone"),
            (self.hours, "opening_hours"),
        ):
            self.watch(widget.textChanged, name)
        self.watch(self.capacity.valueChanged, "capacity")
        self.finish_setup(self.tr("&Retire…"), can_restore=True)
        states = [self.tr("Open"), self.tr("Retired")]
        self.size_columns([["x" * 32], ["x" * 14], ["000"], ["00 00 00 00 00"], states])

    def columns(self) -> list[Column[FacilityRecord]]:
        return [
            Column(self.tr("Place"), lambda f: f.name),
            Column(self.tr("Kind"), lambda f: f.kind),
            Column(self.tr("Capacity"), lambda f: _NONE if f.capacity is None else str(f.capacity)),
            Column(self.tr("Phone"), lambda f: format_phone(f.phone) if f.phone else _NONE),
            Column(
                self.tr("Status"), lambda f: self.tr("Open") if f.active else self.tr("Retired")
            ),
        ]

    def load(self) -> Work[list[FacilityRecord]]:
        return editing.list_facilities

    def load_choices(self) -> Work[ShowChoices]:
        def read(database: Database) -> ShowChoices:
            kinds = editing.facility_kinds(database)
            return lambda: self.kinds.model().setStringList(kinds)  # type: ignore[attr-defined]

        return read

    def record_id(self, record: FacilityRecord) -> int:
        return record.id

    def is_active(self, record: FacilityRecord) -> bool:
        return record.active

    def blank(self) -> FacilityDraft:
        return FacilityDraft("", "")

    def draft_of(self, record: FacilityRecord) -> FacilityDraft:
        return record.draft()

    def read_form(self) -> FacilityDraft:
        capacity = self.capacity.value()
        return FacilityDraft(
            self.name.text(),
            self.kind.text(),
            self.address.text(),
            self.phone.text(),
            None if capacity == _NO_CAPACITY else capacity,
            self.hours.text(),
        )

    def fill_form(self, draft: FacilityDraft, record: FacilityRecord | None) -> None:
        self.name.setText(draft.name)
        self.kind.setText(draft.kind)
        self.address.setText(draft.address)
        self.phone.setText(draft.phone)
        self.capacity.setValue(_NO_CAPACITY if draft.capacity is None else draft.capacity)
        self.hours.setText(draft.opening_hours)

    def check(self, draft: FacilityDraft, record: FacilityRecord | None) -> Work[Check]:
        facility_id = record.id if record is not None else None
        return lambda database: editing.check_facility(database, draft, facility_id=facility_id)

    def store(self, draft: FacilityDraft, record: FacilityRecord | None) -> Work[FacilityRecord]:
        return self.saving(draft, record, editing.add_facility, editing.update_facility)

    def remove(self, record: FacilityRecord) -> Work[object]:
        return self.acting(record, editing.retire_facility)

    def restore(self, record: FacilityRecord) -> Work[object]:
        return self.acting(record, editing.restore_facility)

    def removal_question(self, record: FacilityRecord) -> str:
        return self.tr(
            "Retire {name}? It will no longer be offered for orientations; the calls "
            "already oriented there keep it."
        ).format(name=record.name)

    def form_title(self, record: FacilityRecord | None) -> str:
        if record is None:
            return self.tr("New place")
        if not record.active:
            return self.tr("{name} (retired)").format(name=record.name)
        return record.name
