"""What a search of the history asks for: a period of Paris days and the filters.

Every filter left at None lets every incident through; the filters combine (all must
hold). The free text is searched in the place and the notes, whatever the case and the
accents, each word as the start of a word.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from enum import StrEnum

from operline.codes import Category, Outcome, Priority, Status
from operline.db.search_index import search_words
from operline.errors import InvalidInput
from operline.paris_time import paris_day_bounds
from operline.sentences import QT_TRANSLATE_NOOP


class HistoryOrder(StrEnum):
    """The order of the rows: by the time the call came in (then by id, for equal times)."""

    NEWEST_FIRST = "newest_first"
    OLDEST_FIRST = "oldest_first"


@dataclass(frozen=True)
class HistoryFilter:
    """The incidents to list: those that meet every filter given."""

    #: First and last Paris calendar days of the period, both included.
    first_day: date | None = None
    last_day: date | None = None
    sector_id: int | None = None
    category: Category | None = None
    priority: Priority | None = None
    status: Status | None = None
    #: The team the call is (or was last) with.
    team_id: int | None = None
    outcome: Outcome | None = None
    #: The place the person was oriented to.
    place_id: int | None = None
    #: True: only calls another call was linked to; False: only calls with none.
    linked: bool | None = None
    #: Only the calls that came in while no team was on duty for their sector.
    no_team_on_duty: bool = False
    #: Words looked for in the place and the notes.
    text: str = ""
    #: The earliest reception instant searched: an operator's last 24 hours.
    received_since: datetime | None = None

    def __post_init__(self) -> None:
        if self.first_day and self.last_day and self.first_day > self.last_day:
            raise InvalidInput(
                QT_TRANSLATE_NOOP(
                    "HistoryMessages",
                    "The period ends on {last}, before it starts ({first}): "
                    "choose an end on or after the start.",
                ),
                last=f"{self.last_day:%d/%m/%Y}",
                first=f"{self.first_day:%d/%m/%Y}",
            )

    @property
    def words(self) -> tuple[str, ...]:
        """The words of the free text, as the index reads them."""
        return search_words(self.text)

    def period(self) -> tuple[datetime | None, datetime | None]:
        """The UTC instants the period starts and ends (end excluded); None when open."""
        start = paris_day_bounds(self.first_day)[0] if self.first_day else None
        end = paris_day_bounds(self.last_day)[1] if self.last_day else None
        if self.received_since is not None and (start is None or start < self.received_since):
            start = self.received_since
        return start, end

    def audit_details(self) -> str:
        """The filters as the audit log keeps them (who looked for what is traceable)."""
        parts = []
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "text":
                if self.words:
                    parts.append(f"text={' '.join(self.words)!r}")
            elif value is not None and value is not False:
                shown = value.isoformat() if isinstance(value, date) else str(value)
                parts.append(f"{field.name}={shown}")
        return "; ".join(parts) or "every call"
