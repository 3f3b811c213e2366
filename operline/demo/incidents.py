"""Plausible demo incidents: when the police call, from where, for what, and how it ends.

The generator is pure: given the reference data just loaded, the roster, a seeded
``random.Random`` and ``now``, it yields incidents in time order with their timeline
events, ready to insert. Routing asks the roster engine who is on duty, exactly as the
desk would, so demo data never contradicts the week view or the gap report.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Generic, TypeVar

from operline import reference_data as ref
from operline.codes import Category, Outcome, Status
from operline.demo import profile
from operline.paris_time import InFold, InGap, paris_date, paris_to_utc, to_paris
from operline.roster.engine import OnDuty, Roster, on_duty_teams

Row = dict[str, object]

_NEW, _ROUTED, _ACKNOWLEDGED, _ON_SCENE, _CLOSED = Status
_ORDER = {stage: index for index, stage in enumerate(Status)}
_WALKED = (_ROUTED, _ACKNOWLEDGED, _ON_SCENE)
# Codes looked up once: enum attribute access is slow in a loop run a million times.
_CODE: dict[Status | Category | Outcome, str] = {
    code: code.value for codes in (Status, Category, Outcome) for code in codes
}


def open_tail(count: int) -> int:
    """How many of the latest incidents are left open whatever their age: a few."""
    return min(count, 3 + count // 2000)


T = TypeVar("T")


class _Weighted(Generic[T]):
    """A weighted draw, by bisection on cumulated weights (cheaper than ``choices``)."""

    def __init__(self, pairs: Iterable[tuple[T, int]]) -> None:
        kept = [(item, weight) for item, weight in pairs if weight > 0]
        self._items = [item for item, _ in kept]
        self._cumulated = list(accumulate(weight for _, weight in kept))
        self._total = self._cumulated[-1]

    def pick(self, rng: random.Random) -> T:
        return self._items[bisect_right(self._cumulated, rng.random() * self._total)]


@dataclass(frozen=True)
class DemoSetting:
    """The reference data as loaded: database ids the incidents point to, and the roster."""

    sector_ids: Mapping[str, int]
    #: Every sector id, in the desk's sort order.
    sector_order: tuple[int, ...]
    neighbours: Mapping[int, tuple[int, ...]]
    team_kinds: Mapping[int, str]
    facility_ids: Mapping[str, int]
    #: The operators who take calls, in a fixed order for the desk rota.
    desk_operator_ids: tuple[int, ...]
    roster: Roster


@dataclass(frozen=True)
class PlannedIncident:
    """An incident row (without its reference) and its timeline rows (without incident id)."""

    year: int
    row: Row
    events: tuple[Row, ...]

    @property
    def is_open(self) -> bool:
        return self.row["status"] != Status.CLOSED.value


def draw_calls(
    rng: random.Random, count: int, weeks: int, now: datetime
) -> list[tuple[datetime, date, int]]:
    """``count`` call instants in ``[now - weeks, now)`` with their Paris day and hour, sorted."""
    start = now - timedelta(weeks=weeks)
    first, last = paris_date(start), paris_date(now)
    days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
    pick_day = _Weighted((day, profile.WEEKDAY_WEIGHTS[day.weekday()]) for day in days)
    pick_hour = _Weighted(enumerate(profile.HOUR_WEIGHTS))
    hour_starts: dict[tuple[date, int], datetime] = {}
    calls: list[tuple[datetime, date, int]] = []
    while len(calls) < count:
        day, hour = pick_day.pick(rng), pick_hour.pick(rng)
        base = hour_starts.get((day, hour))
        if base is None:
            # The missing spring hour lends its calls to the next one; harmless in a demo.
            base = paris_to_utc(
                datetime.combine(day, time(hour)), in_gap=InGap.NEXT_VALID, in_fold=InFold.EARLIER
            )
            hour_starts[(day, hour)] = base
        at = base + timedelta(seconds=rng.randrange(3600))
        if start <= at < now:
            calls.append((at, day, hour))
    calls.sort()
    return calls


class IncidentPlanner:
    """Turns call instants into whole incidents: need, routing, stages and outcome."""

    def __init__(self, setting: DemoSetting, rng: random.Random, now: datetime) -> None:
        self._setting = setting
        self._rng = rng
        self._now = now
        ids = setting.sector_ids
        self._sectors = _Weighted(
            (ids[name], weight) for name, weight in profile.SECTOR_WEIGHTS.items()
        )
        self._day_categories = _Weighted(profile.DAY_CATEGORIES.items())
        self._night_categories = _Weighted(profile.NIGHT_CATEGORIES.items())
        self._outcomes = {
            category: _Weighted(zip(profile.OUTCOME_ORDER, weights, strict=True))
            for category, weights in profile.OUTCOMES.items()
        }
        self._last_stage = {
            outcome: _Weighted(w.items()) for outcome, w in profile.LAST_STAGE.items()
        }
        callers = {caller.name: caller for caller in ref.CALLERS}
        self._callers = {
            ids[sector]: _Weighted((callers[name], weight) for name, weight in weights.items())
            for sector, weights in profile.CALLERS_BY_SECTOR.items()
        }
        self._landmarks = {ids[sector]: places for sector, places in ref.SECTOR_LANDMARKS.items()}
        self._places = {
            key: _Weighted((setting.facility_ids[name], weight) for name, weight in w.items())
            for key, w in profile.PLACES.items()
        }

    def plan(self, count: int, weeks: int) -> Iterator[PlannedIncident]:
        """``count`` incidents over the ``weeks`` before now, oldest first."""
        calls = draw_calls(self._rng, count, weeks, self._now)
        keep_open_from = count - open_tail(count)
        for index, (at, day, hour) in enumerate(calls):
            yield self._plan_one(at, day, hour, keep_open=index >= keep_open_from)

    def _plan_one(self, at: datetime, day: date, hour: int, *, keep_open: bool) -> PlannedIncident:
        rng = self._rng
        night = hour >= 20 or hour < 7
        sector_id = self._sectors.pick(rng)
        category = (self._night_categories if night else self._day_categories).pick(rng)
        urgent = rng.random() < profile.URGENT_SHARE[category]
        persons = self._persons(category)
        caller = self._callers[sector_id].pick(rng)
        callback = None
        if rng.random() >= profile.NO_CALLBACK_SHARE:
            callback = rng.choice(caller.callback_numbers)
        location = rng.choice(self._landmarks[sector_id])
        notes = rng.choice(profile.NOTES[category]) if rng.random() < profile.NOTES_SHARE else None
        on_duty = on_duty_teams(self._setting.roster, sector_id, at)
        if on_duty:
            team_id: int | None = self._pick_team(on_duty, category)
        else:
            team_id = self._backup_team(sector_id, at, category)
        outcome: Outcome | None = self._outcomes[category].pick(rng)
        last = self._last_stage[outcome].pick(rng) if outcome is not None else _NEW
        if team_id is None:
            # Nobody anywhere to call: the desk could only log the call.
            outcome, last = Outcome.NO_FOLLOW_UP, _NEW
        times, closed_at = self._stage_times(at, urgent, last, keep_open=keep_open)
        if closed_at is None:
            outcome = None
        facility_id = None
        if outcome is Outcome.ORIENTED and closed_at is not None:
            close_hour = to_paris(closed_at).hour
            facility_id = self._places[(category, close_hour >= 19 or close_hour < 7)].pick(rng)
        operator_id = self._desk_operator(day, hour)
        events = _timeline(at, times, closed_at, operator_id, team_id, outcome, facility_id)
        status = _CLOSED if closed_at is not None else max(times, key=_ORDER.__getitem__)
        row: Row = {
            "received_at": at,
            "caller_service": caller.name,
            "callback_number": callback,
            "sector_id": sector_id,
            "location": location,
            "category": _CODE[category],
            "priority": "urgent" if urgent else "normal",
            "persons": persons,
            "notes": notes,
            "status": _CODE[status],
            "assigned_team_id": team_id if _ROUTED in times else None,
            "team_on_duty_at_intake": bool(on_duty),
            "outcome": _CODE[outcome] if outcome is not None else None,
            "orientation_facility_id": facility_id,
            "routed_at": times.get(_ROUTED),
            "acknowledged_at": times.get(_ACKNOWLEDGED),
            "on_scene_at": times.get(_ON_SCENE),
            "closed_at": closed_at,
            "created_by_operator_id": operator_id,
            "created_at": times[_NEW],
            "updated_at": closed_at or times[status],
            "anonymised_at": None,
            # One update per change of stage: routing, acknowledgement, arrival, closing.
            "version": len(times) + (closed_at is not None),
        }
        return PlannedIncident(day.year, row, tuple(events))

    def _stage_times(
        self, at: datetime, urgent: bool, last: Status, *, keep_open: bool
    ) -> tuple[dict[Status, datetime], datetime | None]:
        """When each stage up to ``last`` was reached, and the closing time if closed by now."""
        rng, now = self._rng, self._now
        moment = min(at + self._delay(_NEW, urgent), now)
        times = {_NEW: moment}
        for stage in _WALKED:
            if _ORDER[stage] > _ORDER[last]:
                break
            moment += self._delay(stage, urgent)
            times[stage] = moment
        visited = last is _ON_SCENE
        closing = profile.DELAYS[(_CLOSED, urgent)] if visited else profile.CLOSE_WITHOUT_VISIT
        closed_at: datetime | None = moment + self._minutes(closing)
        if keep_open:
            kept = _Weighted(
                (s, w) for s, w in profile.OPEN_STAGES.items() if _ORDER[s] <= _ORDER[last]
            ).pick(rng)
            times = {stage: t for stage, t in times.items() if _ORDER[stage] <= _ORDER[kept]}
            closed_at = None
        if moment > now:
            # Whatever would happen after now has not happened yet: still open.
            times = {stage: t for stage, t in times.items() if t <= now}
        if closed_at is not None and closed_at > now:
            closed_at = None
        return times, closed_at

    def _persons(self, category: Category) -> int:
        rng, roll = self._rng, self._rng.random()
        if category is Category.MEDIATION:
            # Occupations of public space usually involve a group.
            if roll < 0.45:
                return 1
            return rng.randint(2, 4) if roll < 0.8 else rng.randint(5, 12)
        if roll < 0.82:
            return 1
        return 2 if roll < 0.94 else rng.randint(3, 5)

    def _pick_team(self, on_duty: Sequence[OnDuty], category: Category) -> int:
        """A team among the best tier on duty, preferring the kind the need calls for."""
        rng = self._rng
        candidates = [duty.team_id for duty in on_duty if duty.tier == on_duty[0].tier]
        if rng.random() < 0.8:
            kinds = self._setting.team_kinds
            for kind in profile.PREFERRED_KINDS[category]:
                for team_id in candidates:
                    if kinds[team_id] == kind:
                        return team_id
        return rng.choice(candidates)

    def _backup_team(self, sector_id: int, at: datetime, category: Category) -> int | None:
        """Nobody covers the sector: ask a team on duty next door, else anywhere."""
        setting = self._setting
        for other in (*setting.neighbours.get(sector_id, ()), *setting.sector_order):
            if other != sector_id:
                on_duty = on_duty_teams(setting.roster, other, at)
                if on_duty:
                    return self._pick_team(on_duty, category)
        return None

    def _desk_operator(self, day: date, hour: int) -> int | None:
        """One of the two operators of the desk shift (07–15, 15–23, 23–07) at that hour."""
        operators = self._setting.desk_operator_ids
        if not operators:
            return None
        if hour < 7:
            day, shift = day - timedelta(days=1), 2
        else:
            shift = 0 if hour < 15 else 1 if hour < 23 else 2
        # Pairs rotate every two days so everyone works every shift over a fortnight.
        slot = (day.toordinal() // 2 + shift) * 2 + self._rng.randrange(2)
        return operators[slot % len(operators)]

    def _delay(self, stage: Status, urgent: bool) -> timedelta:
        return self._minutes(profile.DELAYS[(stage, urgent)])

    def _minutes(self, spread: tuple[float, float, float]) -> timedelta:
        low, high, mode = spread
        return timedelta(seconds=round(self._rng.triangular(low, high, mode) * 60))


def _timeline(
    received_at: datetime,
    times: Mapping[Status, datetime],
    closed_at: datetime | None,
    operator_id: int | None,
    team_id: int | None,
    outcome: Outcome | None,
    facility_id: int | None,
) -> list[Row]:
    """The incident's events, one per change, as the desk's own actions would write them.

    The first line is dated when the call came in, not when it was typed in.
    """

    def event(when: datetime, kind: str, field: str, old: str | None, new: str) -> Row:
        return {
            "at": when,
            "operator_id": operator_id,
            "kind": kind,
            "field": field,
            "old_value": old,
            "new_value": new,
            "reason": None,
        }

    events = [event(received_at, "created", "status", None, _CODE[_NEW])]
    previous = _NEW
    for stage in _WALKED:
        when = times.get(stage)
        if when is None:
            break
        events.append(event(when, "stage", "status", _CODE[previous], _CODE[stage]))
        if stage is _ROUTED:
            events.append(event(when, "assigned", "assigned_team_id", None, str(team_id)))
        previous = stage
    if closed_at is not None and outcome is not None:
        events.append(event(closed_at, "stage", "status", _CODE[previous], _CODE[_CLOSED]))
        if facility_id is not None:
            place = str(facility_id)
            events.append(event(closed_at, "updated", "orientation_facility_id", None, place))
        events.append(event(closed_at, "closed", "outcome", None, _CODE[outcome]))
    return events
