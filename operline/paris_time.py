"""Paris wall-clock time, the only place where local time and UTC meet.

Instants are stored and compared in UTC. The desk thinks in Europe/Paris wall-clock time,
where one spring hour does not exist and one autumn hour happens twice; every conversion
from wall time to an instant says how it resolves those two cases, never by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from operline.sentences import QT_TRANSLATE_NOOP, Template

PARIS = ZoneInfo("Europe/Paris")
#: Instants the desk accepts from users: far enough for any history or plan, and far
#: from datetime's limits, so adding weeks or changing zone never overflows.
FIRST_YEAR = 1900
LAST_YEAR = 9000

#: Where "now" comes from: ``now_utc`` at the desk, a hand-moved clock in tests.
Clock = Callable[[], datetime]


class InGap(Enum):
    """What a wall-clock time inside the missing spring hour means."""

    RAISE = "raise"
    #: The first instant that exists after the gap (the moment the clocks jump).
    NEXT_VALID = "next_valid"


class InFold(Enum):
    """Which of the two instants a wall-clock time of the repeated autumn hour means."""

    RAISE = "raise"
    EARLIER = "earlier"
    LATER = "later"


class TimeProblem(ValueError):
    """A time given as text that names no instant Operline can use, and why."""

    def __init__(self, template: Template, /, **values: object) -> None:
        self.sentence = template(**values)
        super().__init__(str(self.sentence))


class LocalTimeError(TimeProblem):
    """A Paris wall-clock time that does not name exactly one instant."""

    def __init__(self, local: datetime, kind: str) -> None:
        self.local = local
        self.kind = kind
        if kind == "nonexistent":
            template = QT_TRANSLATE_NOOP(
                "ParisTime",
                "{local} does not exist in Paris: the clocks jump forward one hour that night",
            )
        else:
            template = QT_TRANSLATE_NOOP(
                "ParisTime",
                "{local} happens twice in Paris: the clocks go back one hour that night; "
                "give a UTC offset (+02:00 or +01:00)",
            )
        super().__init__(template, local=f"{local:%Y-%m-%d %H:%M}")


def now_utc() -> datetime:
    """The current instant, timezone-aware, in UTC."""
    return datetime.now(UTC)


def as_utc(instant: datetime) -> datetime:
    """The same instant expressed in UTC; a naive datetime is refused."""
    if instant.tzinfo is None or instant.utcoffset() is None:
        raise ValueError(f"naive datetime {instant!r}: instants must carry a timezone")
    return instant.astimezone(UTC)


def to_paris(instant: datetime) -> datetime:
    """The Paris wall-clock reading of an instant (aware, in Europe/Paris)."""
    return as_utc(instant).astimezone(PARIS)


def is_nonexistent(local: datetime) -> bool:
    """Whether a naive Paris wall-clock time falls in the missing spring hour."""
    attempt = local.replace(tzinfo=PARIS)
    back = attempt.astimezone(UTC).astimezone(PARIS).replace(tzinfo=None)
    return back != local.replace(tzinfo=None)


def is_ambiguous(local: datetime) -> bool:
    """Whether a naive Paris wall-clock time falls in the repeated autumn hour."""
    naive = local.replace(tzinfo=None)
    first = naive.replace(tzinfo=PARIS, fold=0).utcoffset()
    second = naive.replace(tzinfo=PARIS, fold=1).utcoffset()
    return first != second and not is_nonexistent(naive)


def paris_to_utc(local: datetime, *, in_gap: InGap, in_fold: InFold) -> datetime:
    """The UTC instant of a naive Paris wall-clock time, resolving DST cases as told."""
    if local.tzinfo is not None:
        raise ValueError("paris_to_utc takes a naive wall-clock time")
    if is_nonexistent(local):
        if in_gap is InGap.RAISE:
            raise LocalTimeError(local, "nonexistent")
        return _end_of_gap(local)
    if is_ambiguous(local):
        if in_fold is InFold.RAISE:
            raise LocalTimeError(local, "ambiguous")
        fold = 0 if in_fold is InFold.EARLIER else 1
        return local.replace(tzinfo=PARIS, fold=fold).astimezone(UTC)
    return local.replace(tzinfo=PARIS).astimezone(UTC)


def _end_of_gap(local: datetime) -> datetime:
    """The instant the clocks jump, for a wall-clock time inside the spring gap."""
    before = local.replace(tzinfo=PARIS, fold=0).utcoffset()
    after = local.replace(tzinfo=PARIS, fold=1).utcoffset()
    assert before is not None
    assert after is not None
    low = (local - max(before, after)).replace(tzinfo=UTC)
    high = (local - min(before, after)).replace(tzinfo=UTC)
    # The jump lies between the two readings; halve down to the second.
    while high - low > timedelta(seconds=1):
        middle = low + (high - low) / 2
        if middle.astimezone(PARIS).utcoffset() == low.astimezone(PARIS).utcoffset():
            low = middle
        else:
            high = middle
    return high.replace(microsecond=0)


def paris_day_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC instants where a Paris calendar day starts and ends (23 to 25 hours)."""
    start = paris_to_utc(
        datetime.combine(day, time()), in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER
    )
    end = paris_to_utc(
        datetime.combine(day + timedelta(days=1), time()),
        in_gap=InGap.NEXT_VALID,
        in_fold=InFold.EARLIER,
    )
    return start, end


def paris_week_bounds(day: date) -> tuple[datetime, datetime]:
    """The UTC bounds of the Monday-to-Sunday Paris week that contains ``day``."""
    monday = day - timedelta(days=day.weekday())
    start, _ = paris_day_bounds(monday)
    _, end = paris_day_bounds(monday + timedelta(days=6))
    return start, end


def paris_date(instant: datetime) -> date:
    """The Paris calendar day an instant belongs to."""
    return to_paris(instant).date()


def parse_instant(text: str, *, in_fold: InFold = InFold.RAISE) -> datetime:
    """An ISO 8601 instant with an offset, or a Paris wall-clock time without one.

    A wall-clock time inside the spring gap is refused; one inside the autumn fold is
    refused unless ``in_fold`` chooses.
    """
    try:
        parsed = datetime.fromisoformat(text.strip())
    except ValueError:
        raise TimeProblem(
            QT_TRANSLATE_NOOP(
                "ParisTime",
                "{text} is not a date and time "
                "(expected e.g. 2026-03-29T02:30 or 2026-03-29T02:30+01:00)",
            ),
            text=repr(text),
        ) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise TimeProblem(
            QT_TRANSLATE_NOOP(
                "ParisTime", "{text} is out of the years Operline handles ({first} to {last})"
            ),
            text=repr(text.strip()),
            first=FIRST_YEAR,
            last=LAST_YEAR,
        )
    if parsed.tzinfo is not None:
        return as_utc(parsed)
    return paris_to_utc(parsed, in_gap=InGap.RAISE, in_fold=in_fold)


def format_paris(instant: datetime, pattern: str = "%d/%m/%Y %H:%M") -> str:
    """An instant as the desk reads it, in Paris wall-clock time."""
    return to_paris(instant).strftime(pattern)


def isoformat_paris(instant: datetime) -> str:
    """An instant in ISO 8601 with its Paris offset, e.g. 2026-10-25T02:30:00+01:00."""
    return to_paris(instant).isoformat(timespec="seconds")


def format_paris_clock(instant: datetime) -> str:
    """An instant's Paris clock time, HH:MM, with its offset inside the repeated autumn
    hour (02:30 +02:00, then 02:30 +01:00), where the clock alone names two instants."""
    local = to_paris(instant)
    text = local.strftime("%H:%M")
    if is_ambiguous(local.replace(tzinfo=None)):
        offset = local.strftime("%z")
        text += f" {offset[:3]}:{offset[3:]}"
    return text
