"""Who is on duty: weekly shifts in Paris wall-clock time, with exceptions on top.

(Over 400 lines: the one answer to "who is on duty at t", kept whole so no screen differs.)

``on_duty_teams`` is the one answer to "which teams cover sector S at instant T"; routing,
the board, the week view and the gap report all read the same timeline, so they cannot
disagree. The rules the desk relies on:

- A shift belongs to the Paris day it starts. An end at or before the start crosses
  midnight; start = end lasts until the same wall time the next day (23 or 25 hours on the
  nights the clocks change).
- Daylight saving: a start or end inside the missing spring hour moves to the instant the
  clocks jump; inside the repeated autumn hour a start takes the earlier instant and an end
  the later one. A night shift that autumn night lasts one hour longer, and no instant of a
  covered night is ever left bare.
- ``valid_from`` and ``valid_until`` are dates of the day a shift starts: a shift starting on
  ``valid_until`` runs to its end, even past midnight; none starts after it.
- Every interval is half-open ``[start, end)``: at a handoff only the incoming team is on duty.
- Exceptions apply in this order. A *replace* hands the replaced team's scheduled duty (its
  tier, only where its shifts overlap the change's sectors and period) to the replacement,
  so it does nothing while the replaced team has no shift; replacements are not chained. An
  *add* puts a team on duty at the change's tier, 1 unless stated. An *off* then removes the
  team from the change's sectors and period, whatever put it on duty.
- A team absent from ``Roster.teams`` (retired) is never on duty; duty handed to it by a
  replace stays uncovered, which the gap report then shows.
- A shift or an exception may carry the instants of its life in the roster,
  ``[recorded_at, retired_at)``: it counts only for the instants inside it, so one roster
  holding every row a period saw answers each instant as the roster stood then
  (``operline.roster.store.load_roster_as_stood``). A row without them always counts.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Literal

from operline.names import fold_name
from operline.paris_time import InFold, InGap, as_utc, paris_date, paris_to_utc

ChangeKind = Literal["off", "replace", "add"]

#: How far ``since``, ``until`` and ``next_handoff`` look for the end of unbroken duty.
LOOKOUT = timedelta(weeks=5)

_WEEKDAYS = frozenset(range(7))
# The timeline of a sector is computed and kept in UTC weeks starting on this Monday.
_EPOCH = datetime(2000, 1, 3, tzinfo=UTC)
_CHUNK = timedelta(weeks=1)
_LOOKOUT_CHUNKS = LOOKOUT // _CHUNK


@dataclass(frozen=True, slots=True)
class TeamContact:
    """A team the desk can route to, and its duty phone (E.164) if it gave one."""

    team_id: int
    name: str
    phone: str | None


@dataclass(frozen=True, slots=True)
class WeeklyShift:
    """A team's recurring shift; ``weekdays`` counts from 0 = Monday, times are Paris wall time.

    ``sector_ids`` None means every sector; ``recorded_at``/``retired_at`` bound the instants
    it was part of the roster, None for no bound.
    """

    team_id: int
    tier: int
    weekdays: frozenset[int]
    start: time
    end: time
    sector_ids: frozenset[int] | None
    valid_from: date | None = None
    valid_until: date | None = None
    recorded_at: datetime | None = None
    retired_at: datetime | None = None

    def __post_init__(self) -> None:
        _check_life(self, self.recorded_at, self.retired_at)
        if not self.weekdays or not self.weekdays <= _WEEKDAYS:
            raise ValueError(f"weekdays must be a non-empty set of 0..6, not {self.weekdays}")
        if self.tier < 1:
            raise ValueError(f"tier must be 1 or more, not {self.tier}")
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("shift times are naive Paris wall-clock times")
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            raise ValueError("valid_from is after valid_until")


@dataclass(frozen=True, slots=True)
class RosterChange:
    """A team off, replaced or added for a period of UTC instants ``[starts_at, ends_at)``.

    It counts only while it was part of the roster, ``[recorded_at, retired_at)`` if given.
    """

    team_id: int
    kind: ChangeKind
    starts_at: datetime
    ends_at: datetime
    sector_ids: frozenset[int] | None
    replacement_team_id: int | None = None
    tier: int = 1
    recorded_at: datetime | None = None
    retired_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts_at", as_utc(self.starts_at))
        object.__setattr__(self, "ends_at", as_utc(self.ends_at))
        _check_life(self, self.recorded_at, self.retired_at)
        if self.starts_at >= self.ends_at:
            raise ValueError("a roster change must end after it starts")
        if self.kind not in ("off", "replace", "add"):
            raise ValueError(f"unknown roster change {self.kind!r}")
        if (self.kind == "replace") != (self.replacement_team_id is not None):
            raise ValueError("a replacement team is given exactly for a replace")
        if self.tier < 1:
            raise ValueError(f"tier must be 1 or more, not {self.tier}")


def _check_life(row: object, recorded_at: datetime | None, retired_at: datetime | None) -> None:
    if recorded_at is not None:
        object.__setattr__(row, "recorded_at", recorded_at := as_utc(recorded_at))
    if retired_at is not None:
        object.__setattr__(row, "retired_at", retired_at := as_utc(retired_at))
    if recorded_at is not None and retired_at is not None and retired_at < recorded_at:
        raise ValueError("a roster row cannot be retired before it was recorded")


def _in_force(
    start: datetime, end: datetime, recorded_at: datetime | None, retired_at: datetime | None
) -> tuple[datetime, datetime]:
    """``[start, end)`` cut to the instants the row was part of the roster (may be empty)."""
    if recorded_at is not None and recorded_at > start:
        start = recorded_at
    if retired_at is not None and retired_at < end:
        end = retired_at
    return start, end


@dataclass(frozen=True, slots=True)
class DutyTeam:
    """A team on duty at a tier, without the times."""

    team_id: int
    name: str
    phone: str | None
    tier: int


@dataclass(frozen=True, slots=True)
class OnDuty:
    """A team on duty and its unbroken duty interval at that tier, in UTC."""

    team_id: int
    name: str
    phone: str | None
    tier: int
    since: datetime
    until: datetime


@dataclass(frozen=True, slots=True)
class DutySpan:
    """A stretch of time with the same teams on duty, ordered by tier then name."""

    start: datetime
    end: datetime
    teams: tuple[DutyTeam, ...]


@dataclass(frozen=True)
class Roster:
    """Teams, weekly shifts and exceptions; queries are answered from a cache built lazily."""

    teams: Mapping[int, TeamContact]
    shifts: tuple[WeeklyShift, ...] = ()
    changes: tuple[RosterChange, ...] = ()
    _timelines: _Timelines = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_timelines", _Timelines(self))


def on_duty_teams(roster: Roster, sector_id: int, at: datetime) -> list[OnDuty]:
    """The teams on duty for a sector at an instant, ordered by tier then name."""
    return roster._timelines.on_duty(sector_id, as_utc(at))


def duty_timeline(roster: Roster, sector_id: int, start: datetime, end: datetime) -> list[DutySpan]:
    """Consecutive spans tiling ``[start, end)``, each with the teams on duty through it."""
    return roster._timelines.spans(sector_id, as_utc(start), as_utc(end))


def duty_intervals(roster: Roster, sector_id: int, start: datetime, end: datetime) -> list[OnDuty]:
    """Each team's unbroken duty at a tier within ``[start, end)``, clipped to it, by start."""
    runs: list[OnDuty] = []
    open_runs: dict[tuple[int, int], int] = {}
    for span in duty_timeline(roster, sector_id, start, end):
        still_open: dict[tuple[int, int], int] = {}
        for team in span.teams:
            key = (team.team_id, team.tier)
            index = open_runs.get(key)
            if index is None:
                index = len(runs)
                runs.append(OnDuty(*_contact(team), team.tier, span.start, span.end))
            else:
                previous = runs[index]
                runs[index] = OnDuty(*_contact(team), team.tier, previous.since, span.end)
            still_open[key] = index
        open_runs = still_open
    return sorted(runs, key=lambda run: (run.since, run.tier, fold_name(run.name)))


def next_handoff(
    roster: Roster, sector_id: int, at: datetime
) -> tuple[datetime, list[OnDuty]] | None:
    """The next instant after ``at`` when who is on duty changes, and who is on duty then.

    None when nothing changes within ``LOOKOUT``.
    """
    found = roster._timelines.next_change(sector_id, as_utc(at))
    if found is None:
        return None
    return found, on_duty_teams(roster, sector_id, found)


def _contact(team: DutyTeam) -> tuple[int, str, str | None]:
    return team.team_id, team.name, team.phone


@lru_cache(maxsize=65536)
def _shift_start(local: datetime) -> datetime:
    return paris_to_utc(local, in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER)


@lru_cache(maxsize=65536)
def _shift_end(local: datetime) -> datetime:
    return paris_to_utc(local, in_gap=InGap.NEXT_VALID, in_fold=InFold.LATER)


def shift_occurrence(shift: WeeklyShift, day: date) -> tuple[datetime, datetime] | None:
    """The UTC interval of a shift starting on a Paris day, or None if it does not run then."""
    if day.weekday() not in shift.weekdays:
        return None
    if (shift.valid_from and day < shift.valid_from) or (
        shift.valid_until and day > shift.valid_until
    ):
        return None
    start = _shift_start(datetime.combine(day, shift.start))
    end_day = day if shift.end > shift.start else day + timedelta(days=1)
    end = _shift_end(datetime.combine(end_day, shift.end))
    # A shift wholly inside the missing spring hour does not happen.
    return (start, end) if start < end else None


def _covers(sector_ids: frozenset[int] | None, sector_id: int) -> bool:
    return sector_ids is None or sector_id in sector_ids


@dataclass
class _Piece:
    team_id: int
    tier: int
    start: datetime
    end: datetime


# The teams on duty as sorted (team_id, tier) pairs: plain values the garbage collector skips.
_StateKey = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Chunk:
    """One UTC week of a sector: ``states[i]`` holds over ``[bounds[i], bounds[i + 1])``.

    Neighbouring states always differ, so every inner bound is a change of who is on duty.
    """

    bounds: tuple[datetime, ...]
    states: tuple[tuple[DutyTeam, ...], ...]
    keys: tuple[_StateKey, ...]


class _Timelines:
    """Per-sector timelines of a roster, computed a week at a time and kept."""

    def __init__(self, roster: Roster) -> None:
        self._roster = roster
        # Each exception over the instants it was part of the roster, once for every week.
        self._changes = tuple(_changes_in_force(roster.changes))
        self._by_weekday: dict[int, tuple[tuple[WeeklyShift, ...], ...]] = {}
        self._chunks: dict[tuple[int, int], _Chunk] = {}
        self._runs: dict[tuple[int, int, int], tuple[tuple[datetime, datetime], ...]] = {}
        self._duty_teams: dict[tuple[int, int], DutyTeam] = {}
        self._states: dict[_StateKey, tuple[DutyTeam, ...]] = {}
        # The desk reads "Équipe" next to "Emmaüs", not after "Z".
        by_name = sorted(
            roster.teams.values(), key=lambda t: (fold_name(t.name), t.name, t.team_id)
        )
        self._name_rank = {team.team_id: rank for rank, team in enumerate(by_name)}

    def on_duty(self, sector_id: int, at: datetime) -> list[OnDuty]:
        number = (at - _EPOCH) // _CHUNK
        chunk = self._chunk(sector_id, number)
        index = bisect_right(chunk.bounds, at) - 1
        state = chunk.states[index]
        # Only the plain (since, until) pairs are kept: millions of small objects held for a
        # long demo run would make every garbage collection crawl.
        runs = self._runs.get((sector_id, number, index))
        if runs is None:
            runs = tuple(
                self._run(sector_id, number, index, (team.team_id, team.tier)) for team in state
            )
            self._runs[(sector_id, number, index)] = runs
        return [
            OnDuty(team.team_id, team.name, team.phone, team.tier, since, until)
            for team, (since, until) in zip(state, runs, strict=True)
        ]

    def spans(self, sector_id: int, start: datetime, end: datetime) -> list[DutySpan]:
        result: list[DutySpan] = []
        last_key: _StateKey | None = None
        number = (start - _EPOCH) // _CHUNK
        while start < end:
            chunk = self._chunk(sector_id, number)
            first = bisect_right(chunk.bounds, start) - 1
            for index in range(first, len(chunk.states)):
                lo = max(chunk.bounds[index], start)
                hi = min(chunk.bounds[index + 1], end)
                if lo >= hi:
                    break
                if result and last_key == chunk.keys[index]:
                    result[-1] = DutySpan(result[-1].start, hi, result[-1].teams)
                else:
                    result.append(DutySpan(lo, hi, chunk.states[index]))
                last_key = chunk.keys[index]
            start = chunk.bounds[-1]
            number += 1
        return result

    def next_change(self, sector_id: int, at: datetime) -> datetime | None:
        number = (at - _EPOCH) // _CHUNK
        chunk = self._chunk(sector_id, number)
        index = bisect_right(chunk.bounds, at) - 1
        current = chunk.keys[index]
        if index + 1 < len(chunk.states):
            return chunk.bounds[index + 1]
        for later in range(number + 1, number + 1 + _LOOKOUT_CHUNKS):
            chunk = self._chunk(sector_id, later)
            if chunk.keys[0] != current:
                return chunk.bounds[0]
            if len(chunk.states) > 1:
                return chunk.bounds[1]
        return None

    def _run(
        self, sector_id: int, number: int, index: int, key: tuple[int, int]
    ) -> tuple[datetime, datetime]:
        """Where the unbroken duty ``key``, holding in a chunk's state, starts and ends.

        A run reaching past ``_LOOKOUT_CHUNKS`` whole weeks either side is cut there, so a cut
        run always spans more than ``LOOKOUT``.
        """
        chunk, first, earlier = self._chunk(sector_id, number), index, number
        while True:
            while first > 0 and key in chunk.keys[first - 1]:
                first -= 1
            if first > 0 or earlier == number - _LOOKOUT_CHUNKS:
                break
            before = self._chunk(sector_id, earlier - 1)
            if key not in before.keys[-1]:
                break
            chunk, first, earlier = before, len(before.keys) - 1, earlier - 1
        since = chunk.bounds[first]
        chunk, last, later = self._chunk(sector_id, number), index, number
        while True:
            while last + 1 < len(chunk.keys) and key in chunk.keys[last + 1]:
                last += 1
            if last + 1 < len(chunk.keys) or later == number + _LOOKOUT_CHUNKS:
                break
            after = self._chunk(sector_id, later + 1)
            if key not in after.keys[0]:
                break
            chunk, last, later = after, 0, later + 1
        return since, chunk.bounds[last + 1]

    def _chunk(self, sector_id: int, number: int) -> _Chunk:
        chunk = self._chunks.get((sector_id, number))
        if chunk is None:
            start = _EPOCH + number * _CHUNK
            chunk = self._build(sector_id, start, start + _CHUNK)
            self._chunks[(sector_id, number)] = chunk
        return chunk

    def _build(self, sector_id: int, start: datetime, end: datetime) -> _Chunk:
        pieces = self._pieces(sector_id, start, end)
        changes: dict[datetime, list[tuple[tuple[int, int], int]]] = {start: [], end: []}
        for piece in pieces:
            key = (piece.team_id, piece.tier)
            changes.setdefault(piece.start, []).append((key, 1))
            changes.setdefault(piece.end, []).append((key, -1))
        bounds: list[datetime] = []
        keys: list[_StateKey] = []
        counts: dict[tuple[int, int], int] = {}
        for instant in sorted(changes)[:-1]:
            for key, step in changes[instant]:
                counts[key] = counts.get(key, 0) + step
            best: dict[int, int] = {}
            for (team_id, tier), count in counts.items():
                if count > 0 and tier < best.get(team_id, tier + 1):
                    best[team_id] = tier
            state = tuple(sorted(best.items()))
            if not keys or keys[-1] != state:
                bounds.append(instant)
                keys.append(state)
        bounds.append(end)
        return _Chunk(tuple(bounds), tuple(self._ordered(key) for key in keys), tuple(keys))

    def _ordered(self, key: _StateKey) -> tuple[DutyTeam, ...]:
        # A sector goes through few distinct states; sharing them keeps the cache small.
        found = self._states.get(key)
        if found is None:
            rank = self._name_rank
            found = tuple(
                self._duty_team(team_id, tier)
                for team_id, tier in sorted(key, key=lambda pair: (pair[1], rank[pair[0]]))
            )
            self._states[key] = found
        return found

    def _duty_team(self, team_id: int, tier: int) -> DutyTeam:
        found = self._duty_teams.get((team_id, tier))
        if found is None:
            contact = self._roster.teams[team_id]
            found = DutyTeam(team_id, contact.name, contact.phone, tier)
            self._duty_teams[(team_id, tier)] = found
        return found

    def _pieces(self, sector_id: int, start: datetime, end: datetime) -> list[_Piece]:
        """Every stretch of duty touching ``[start, end)`` in a sector, exceptions applied."""
        roster = self._roster
        scheduled: list[_Piece] = []
        by_weekday = self._shifts_by_weekday(sector_id)
        # A shift lasts at most 25 hours, so one starting two days before can still run.
        day, last_day = paris_date(start) - timedelta(days=2), paris_date(end)
        while day <= last_day:
            for shift in by_weekday[day.weekday()]:
                occurrence = shift_occurrence(shift, day)
                if occurrence is None:
                    continue
                lo, hi = occurrence
                if shift.recorded_at is not None or shift.retired_at is not None:
                    lo, hi = _in_force(lo, hi, shift.recorded_at, shift.retired_at)
                if lo < end and hi > start and lo < hi:
                    scheduled.append(_Piece(shift.team_id, shift.tier, lo, hi))
            day += timedelta(days=1)
        changes = sorted(
            (
                change
                for change in self._changes
                if change.starts_at < end
                and change.ends_at > start
                and _covers(change.sector_ids, sector_id)
            ),
            key=lambda change: change.starts_at,
        )
        handed: list[_Piece] = []
        for change in changes:
            if change.kind == "replace":
                assert change.replacement_team_id is not None
                scheduled = _cut(scheduled, change, handed, change.replacement_team_id)
        pieces = scheduled + handed
        for change in changes:
            if change.kind == "add":
                pieces.append(_Piece(change.team_id, change.tier, change.starts_at, change.ends_at))
        for change in changes:
            if change.kind == "off":
                pieces = _cut(pieces, change, [], None)
        return [
            _Piece(piece.team_id, piece.tier, max(piece.start, start), min(piece.end, end))
            for piece in pieces
            if piece.team_id in roster.teams and piece.start < end and piece.end > start
        ]

    def _shifts_by_weekday(self, sector_id: int) -> tuple[tuple[WeeklyShift, ...], ...]:
        found = self._by_weekday.get(sector_id)
        if found is None:
            found = tuple(
                tuple(
                    shift
                    for shift in self._roster.shifts
                    if weekday in shift.weekdays and _covers(shift.sector_ids, sector_id)
                )
                for weekday in range(7)
            )
            self._by_weekday[sector_id] = found
        return found


def _changes_in_force(changes: tuple[RosterChange, ...]) -> list[RosterChange]:
    """The exceptions with their period cut to their life in the roster; none left empty."""
    found = []
    for change in changes:
        if change.recorded_at is None and change.retired_at is None:
            found.append(change)
            continue
        start, end = _in_force(
            change.starts_at, change.ends_at, change.recorded_at, change.retired_at
        )
        if start < end:
            found.append(replace(change, starts_at=start, ends_at=end))
    return found


def _cut(
    pieces: list[_Piece], change: RosterChange, handed: list[_Piece], to_team: int | None
) -> list[_Piece]:
    """Remove the change's period from the changed team's pieces; hand it over if told to."""
    kept: list[_Piece] = []
    for piece in pieces:
        lo, hi = max(piece.start, change.starts_at), min(piece.end, change.ends_at)
        if piece.team_id != change.team_id or lo >= hi:
            kept.append(piece)
            continue
        if piece.start < lo:
            kept.append(_Piece(piece.team_id, piece.tier, piece.start, lo))
        if hi < piece.end:
            kept.append(_Piece(piece.team_id, piece.tier, hi, piece.end))
        if to_team is not None:
            handed.append(_Piece(to_team, piece.tier, lo, hi))
    return kept
