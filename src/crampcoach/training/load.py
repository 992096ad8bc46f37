"""Training load from the record: weekly volume per sport, its change week on week, the
acute:chronic workload ratio, long sessions and hot sessions. Pure: takes activities.

Weeks are ISO weeks (Monday to Sunday) of the wall-clock start. Two measures per sport,
because either can jump on its own: minutes and kilometres. A week is compared with the
calendar week before it only when that week had at least the minimum volume of the same
sport (knowledge/training_record.yaml): percentages of a few minutes are noise, and a start
from nothing is the "returning" finding, not a rise.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from crampcoach.store.weekly import IsoWeek, weeks_between
from crampcoach.training.knowledge import LoadRule

Measure = Literal["minutes", "km"]
MEASURES: tuple[Measure, ...] = ("minutes", "km")


class ActivityLike(Protocol):
    """What load needs of an activity (a stored record or a light test double)."""

    @property
    def start(self) -> dt.datetime: ...
    @property
    def sport(self) -> str: ...
    @property
    def duration_s(self) -> int: ...
    @property
    def distance_m(self) -> float | None: ...
    @property
    def temperature_c(self) -> float | None: ...


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass
class Volume:
    sessions: int = 0
    minutes: float = 0.0
    km: float = 0.0

    def value(self, measure: Measure) -> float:
        return self.minutes if measure == "minutes" else self.km


@dataclass
class WeekLoad:
    """One ISO week: volume per sport and in all."""

    week: IsoWeek
    sports: dict[str, Volume] = field(default_factory=dict)

    @property
    def total(self) -> Volume:
        total = Volume()
        for volume in self.sports.values():
            total.sessions += volume.sessions
            total.minutes += volume.minutes
            total.km += volume.km
        return total


class LoadRise(Out):
    """One sport's change by one measure between two consecutive weeks."""

    week: str
    monday: dt.date
    sport: str
    measure: Measure
    before: float
    after: float
    rise: float          # fraction: 0.25 is 25% more than the week before
    flagged: bool        # more than the rule allows


def weekly_load(activities: Sequence[ActivityLike], start: dt.date | None = None,
                end: dt.date | None = None) -> list[WeekLoad]:
    """Every ISO week from `start` to `end` (default: the first and last activity), gaps included."""
    days = [a.start.date() for a in activities]
    first = start or min(days, default=None)
    last = end or max(days, default=None)
    if first is None or last is None or first > last:
        return []
    weeks = {week: WeekLoad(week) for week in weeks_between(first, last)}
    for activity in activities:
        found = weeks.get(IsoWeek.of(activity.start.date()))
        if found is None:
            continue
        volume = found.sports.setdefault(activity.sport, Volume())
        volume.sessions += 1
        volume.minutes += activity.duration_s / 60.0
        volume.km += (activity.distance_m or 0.0) / 1000.0
    return list(weeks.values())


def minimum(rule: LoadRule, measure: Measure) -> float:
    return rule.minimum_minutes if measure == "minutes" else rule.minimum_km


def exceeds(before: float, after: float, rule: LoadRule, measure: Measure) -> bool:
    """The 10% rule: `after` more than the allowed fraction above a big enough `before`.

    Compared with a relative tolerance, so exactly 10% more is not flagged by a rounding hair.
    """
    if before < minimum(rule, measure):
        return False
    allowed = before * (1.0 + rule.max_weekly_increase)
    return after - allowed > 1e-9 * max(1.0, allowed)


def load_rises(weeks: Sequence[WeekLoad], rule: LoadRule) -> list[LoadRise]:
    """Each sport's change, by minutes and by km, from each week to the next one."""
    rises: list[LoadRise] = []
    for before, after in itertools.pairwise(weeks):
        if before.week.next() != after.week:
            continue
        for sport in sorted(set(before.sports) | set(after.sports)):
            was, now = before.sports.get(sport, Volume()), after.sports.get(sport, Volume())
            for measure in MEASURES:
                b, a = was.value(measure), now.value(measure)
                if b < minimum(rule, measure):
                    continue
                rises.append(LoadRise(
                    week=str(after.week), monday=after.week.monday, sport=sport,
                    measure=measure, before=round(b, 1), after=round(a, 1),
                    rise=round(a / b - 1.0, 3), flagged=exceeds(b, a, rule, measure)))
    return rises


def recent_weeks(weeks: Sequence[WeekLoad], as_of: dt.date, count: int) -> list[WeekLoad]:
    """The weeks among `weeks` within the `count` ISO weeks ending with `as_of`'s week."""
    last = IsoWeek.of(as_of)
    first = IsoWeek.of(as_of - dt.timedelta(weeks=count - 1))
    return [w for w in weeks if first <= w.week <= last]


class Workload(Out):
    """Acute:chronic workload ratio by minutes: the last 7 days against the weekly average
    of the last 28 (both ending on `as_of`)."""

    as_of: dt.date
    acute_minutes: float
    chronic_weekly_minutes: float
    ratio: float | None
    high: bool


def workload(activities: Sequence[ActivityLike], as_of: dt.date, rule: LoadRule) -> Workload:
    def minutes_in(days: int) -> float:
        first = as_of - dt.timedelta(days=days - 1)
        return sum(a.duration_s for a in activities if first <= a.start.date() <= as_of) / 60

    acute, chronic = minutes_in(7), minutes_in(28) / 4
    ratio = round(acute / chronic, 2) if chronic > 0 else None
    return Workload(as_of=as_of, acute_minutes=round(acute, 1),
                    chronic_weekly_minutes=round(chronic, 1), ratio=ratio,
                    high=ratio is not None and ratio > rule.acwr_high)


class WeeklyVolume(Out):
    """One week's recorded volume of one sport (what a load-progression schedule starts from)."""

    week: str
    monday: dt.date
    sport: str
    sessions: int
    minutes: float
    km: float


def weekly_volumes(activities: Sequence[ActivityLike], as_of: dt.date,
                   weeks: int = 4) -> list[WeeklyVolume]:
    """The recorded volume per sport of the `weeks` ISO weeks ending with `as_of`'s week,
    oldest first; weeks without a sport's activities give it zeros."""
    start = IsoWeek.of(as_of - dt.timedelta(weeks=weeks - 1)).monday
    loads = weekly_load([a for a in activities if a.start.date() <= as_of], start, as_of)
    sports = sorted({sport for load in loads for sport in load.sports})
    return [
        WeeklyVolume(week=str(load.week), monday=load.week.monday, sport=sport,
                     sessions=volume.sessions, minutes=round(volume.minutes, 1),
                     km=round(volume.km, 2))
        for load in loads for sport in sports
        for volume in (load.sports.get(sport, Volume()),)
    ]
