"""Cramps placed in their sessions: a logged cramp whose time falls inside a recorded activity
is linked to it, with how far into the session it came, the sport and the temperature."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from crampcoach.training.knowledge import TrainingKnowledge
from crampcoach.training.load import ActivityLike, Out

# No recorded session lasts longer than this, so older ones cannot hold a cramp.
LOOK_BACK = dt.timedelta(days=1)


class CrampLike(Protocol):
    @property
    def occurred_at(self) -> dt.datetime: ...


class PlacedCramp(Out):
    occurred_at: dt.datetime
    activity_start: dt.datetime
    sport: str
    minutes_into: int
    session_minutes: int
    fraction: float              # 0 at the start of the session, 1 at its end
    temperature_c: float | None
    hot: bool
    late: bool


def place_cramps(cramps: Sequence[CrampLike], activities: Sequence[ActivityLike],
                 k: TrainingKnowledge) -> list[PlacedCramp]:
    """Each cramp that happened during a recorded activity, with that activity's figures.

    A cramp up to `slack_minutes` after the recorded end still counts (the watch is often
    stopped as the cramp starts). When sessions overlap, the latest one started wins.
    """
    ordered = sorted(activities, key=lambda a: a.start)
    starts = [a.start for a in ordered]
    slack = dt.timedelta(minutes=k.clustering.slack_minutes)
    placed = []
    for cramp in cramps:
        index = bisect.bisect_right(starts, cramp.occurred_at) - 1
        # Look back over the sessions started in the day before the cramp, latest first.
        while index >= 0 and cramp.occurred_at - starts[index] <= LOOK_BACK:
            end = starts[index] + dt.timedelta(seconds=ordered[index].duration_s)
            if cramp.occurred_at <= end + slack:
                break
            index -= 1
        else:
            continue
        activity = ordered[index]
        into = cramp.occurred_at - activity.start
        fraction = min(1.0, into.total_seconds() / activity.duration_s)
        hot = (activity.temperature_c is not None
               and activity.temperature_c >= k.heat.hot_celsius)
        placed.append(PlacedCramp(
            occurred_at=cramp.occurred_at, activity_start=activity.start, sport=activity.sport,
            minutes_into=int(into.total_seconds() // 60),
            session_minutes=round(activity.duration_s / 60), fraction=round(fraction, 2),
            temperature_c=activity.temperature_c, hot=hot,
            late=fraction >= k.clustering.late_fraction))
    return placed
