"""Keeping the call being typed on this computer, so a crash or a power cut loses nothing.

The form is written a moment after each change, and again every few seconds while
something is left unwritten; the draft goes once the call is in the database.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer

from operline.codes import Category, Priority
from operline.drafts import DraftStore
from operline.paris_time import format_paris, paris_date
from operline.ui.intake.call_form import NewCallForm

#: Quiet time after a change before the draft is written.
DEBOUNCE_MS = 700
#: The draft is written at least this often while a change is left unwritten.
AUTOSAVE_MS = 3_000


class DraftKeeper(QObject):
    """Writes the form to a ``DraftStore`` after changes; discards it when told."""

    def __init__(
        self,
        form: NewCallForm,
        store: DraftStore,
        *,
        clock: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("draftKeeper")
        self._form = form
        self.store = store
        self._clock = clock
        self._unwritten = False
        #: The last problem writing the draft (a full disk…), or None.
        self.problem: OSError | None = None
        self.debounce = QTimer(self)
        self.debounce.setObjectName("draftDebounce")
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.write)
        self.autosave = QTimer(self)
        self.autosave.setObjectName("draftAutosave")
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.write)
        self.autosave.start()
        form.changed.connect(self._changed)

    @property
    def unwritten(self) -> bool:
        return self._unwritten

    def write(self) -> None:
        """Write the form now if a change is unwritten; an emptied form leaves no draft."""
        if not self._unwritten:
            return
        try:
            if self._form.has_content():
                self.store.save(form_draft(self._form), saved_at=self._clock())
            else:
                self.store.discard()
        except OSError as error:
            # Keep trying at the next tick: the call on screen is still there.
            self.problem = error
            return
        self.problem = None
        self._unwritten = False

    def discard(self) -> None:
        """The call is in the database (or was given up): no draft any more."""
        self.debounce.stop()
        self._unwritten = False
        try:
            self.store.discard()
        except OSError as error:
            self.problem = error

    def load(self) -> tuple[datetime, dict[str, Any]] | None:
        return self.store.load()

    def describe(
        self, saved_at: datetime, fields: dict[str, Any], *, now: datetime, sector: str | None
    ) -> str:
        """The question asked about a draft found: its sector, place and time.

        ``sector`` is the name of the sector the draft chose, if it is still active; else
        the letters typed are shown.
        """
        sector = sector or " ".join(_text(fields, "sector_text").split()) or self.tr("no sector")
        place = " ".join(_text(fields, "location").split()) or self.tr("no place given")
        received = _instant(fields.get("received_at")) or saved_at
        return self.tr(
            "An unsaved call was found: {sector}, {place}, received at {received} "
            "(typed at {typed}). Resume it?"
        ).format(
            sector=sector,
            place=place,
            received=_when(received, now),
            typed=_when(saved_at, now),
        )

    def _changed(self) -> None:
        self._unwritten = True
        self.debounce.start()


def form_draft(form: NewCallForm) -> dict[str, Any]:
    """The form as a plain dict, kept on this computer until the call is saved."""
    category = form.category.category
    return {
        "received_at": form.received.instant.isoformat(),
        "received_at_typed": form.received.typed,
        "sector_id": form.sector.sector_id,
        "sector_text": form.sector.text(),
        "location": form.location.text(),
        "category": category.value if category else None,
        "priority": (Priority.URGENT if form.urgent.isChecked() else Priority.NORMAL).value,
        "persons": form.persons.value(),
        "caller_service": form.caller_service.text(),
        "callback_number": form.callback_number.text(),
        "notes": form.notes.toPlainText(),
    }


def restore_draft(form: NewCallForm, fields: dict[str, Any]) -> None:
    """Fill the form again from a draft; a value that no longer reads is left empty."""

    def fill() -> None:
        received = _instant(fields.get("received_at"))
        if received is not None:
            form.received.show_instant(received, typed=bool(fields.get("received_at_typed")))
        sector_id = fields.get("sector_id")
        form.sector.choose(sector_id if isinstance(sector_id, int) else None)
        if form.sector.sector_id is None:
            # The sector was retired or renamed meanwhile: show what was typed.
            form.sector.setText(_text(fields, "sector_text"))
            form.sector.resolve()
        form.location.setText(_text(fields, "location"))
        category = fields.get("category")
        known = {c.value for c in Category}
        form.category.set_category(Category(category) if category in known else None)
        form.urgent.setChecked(fields.get("priority") == Priority.URGENT.value)
        persons = fields.get("persons")
        form.persons.setValue(persons if isinstance(persons, int) else 1)
        form.caller_service.setText(_text(fields, "caller_service"))
        form.callback_number.setText(_text(fields, "callback_number"))
        form.notes.setPlainText(_text(fields, "notes"))

    form.fill(fill)


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def _when(instant: datetime, now: datetime) -> str:
    """The time, with its day when it is not today's."""
    if paris_date(instant) != paris_date(now):
        return format_paris(instant, "%d/%m %H:%M")
    return format_paris(instant, "%H:%M")


def _instant(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None
