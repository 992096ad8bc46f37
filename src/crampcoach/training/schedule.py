"""The plan's volume schedule and the training record: where the schedule starts from the
recorded weekly volume, and the recorded weeks that went over the stored schedule. Pure:
takes weekly volumes, activities and the stored plan's document."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from crampcoach import plain_words
from crampcoach.case import TrainingVolume
from crampcoach.training.knowledge import LoadRule
from crampcoach.training.load import ActivityLike, Measure, Out, WeeklyVolume, exceeds

# The latest full week and the weeks before it that judge whether it was a spike.
RECORD_WEEKS = 6
BEFORE_WEEKS = 4


class RecordedVolume(Out):
    """A schedule's starting volume read from the record, and how it was read, in words."""

    volume: TrainingVolume
    says: str


def last_full_week_end(today: dt.date) -> dt.date:
    """The Sunday that ends the latest ISO week over before `today`: on a Sunday its own week
    is still under way (a plan made that morning would otherwise start from a week with
    nothing logged yet, and ignore the record)."""
    return today - dt.timedelta(days=today.weekday() + 1)


def _totals(volumes: Sequence[WeeklyVolume], measure: Measure) -> list[tuple[dt.date, float]]:
    weeks: dict[dt.date, float] = {}
    for v in volumes:
        weeks[v.monday] = weeks.get(v.monday, 0.0) + (v.km if measure == "km" else v.minutes)
    return sorted(weeks.items())


def recorded_volume(volumes: Sequence[WeeklyVolume], rule: LoadRule) -> RecordedVolume | None:
    """The schedule's start from full recorded weeks (oldest first, every sport summed).

    Current and target: the latest week. Last good week: the latest week that rose no more
    than the rule allows over the week before it; else the median of the weeks before the
    latest. None when the latest week holds nothing.
    """
    measure: Measure = "km" if any(v.km > 0 for v in volumes) else "minutes"
    weeks = _totals(volumes, measure)
    if not weeks or weeks[-1][1] <= 0:
        return None
    monday, current = weeks[-1]
    good = next((after for (_, before), (_, after) in reversed(list(itertools.pairwise(weeks)))
                 if after > 0 and not exceeds(before, after, rule, measure)
                 and before >= _minimum(rule, measure)), None)
    earlier = [value for _, value in weeks[-1 - BEFORE_WEEKS:-1]]
    tolerated = good if good is not None else statistics.median(earlier) if earlier else current
    tolerated = round(min(tolerated, current), 1) or current
    current = round(current, 1)
    says = (f"From your training record: {current:g} {measure} in the "
            f"{plain_words.week_of(monday)}, your latest full week; your last week that rose "
            f"no more than {rule.max_weekly_increase:.0%}: {tolerated:g} {measure}.")
    return RecordedVolume(
        volume=TrainingVolume(current=current, unit=measure, target=current, tolerated=tolerated),
        says=says)


def _minimum(rule: LoadRule, measure: Measure) -> float:
    return rule.minimum_minutes if measure == "minutes" else rule.minimum_km


class OverSchedule(Out):
    """A recorded plan week whose volume went over the stored plan's schedule."""

    week: int                 # the plan's week number
    first_day: dt.date
    unit: str
    planned: float
    recorded: float


def over_schedule(activities: Sequence[ActivityLike], plan: Mapping[str, Any],
                  as_of: dt.date) -> list[OverSchedule]:
    """The plan weeks, up to `as_of`, whose recorded km or minutes beat the schedule's volume.

    Plan weeks run seven days from the plan's start; a schedule in sessions or sets is not
    something the record measures, so it gives nothing.
    """
    schedule, start = plan.get("volume"), plan.get("start")
    if not isinstance(schedule, dict) or not isinstance(start, str):
        return []
    unit = schedule.get("unit")
    if unit not in ("km", "minutes"):
        return []
    try:
        first = dt.date.fromisoformat(start)
    except ValueError:
        return []
    out = []
    for row in schedule.get("weeks") or []:
        begins = first + dt.timedelta(weeks=int(row["week"]) - 1)
        if begins > as_of:
            break
        done = [a for a in activities if begins <= a.start.date() < begins + dt.timedelta(days=7)]
        recorded = (sum((a.distance_m or 0.0) for a in done) / 1000.0 if unit == "km"
                    else sum(a.duration_s for a in done) / 60.0)
        planned = float(row["volume"])
        if recorded - planned > 1e-9 * max(1.0, planned):
            out.append(OverSchedule(week=int(row["week"]), first_day=begins, unit=unit,
                                    planned=planned, recorded=round(recorded, 1)))
    return out


def over_schedule_says(weeks: Sequence[OverSchedule]) -> list[str]:
    """One sentence per week over the schedule, for people."""
    return [f"Week {w.week} of your plan ({plain_words.week_of(w.first_day)}): "
            f"{w.recorded:g} {w.unit} recorded, over the "
            f"{w.planned:g} {w.unit} the schedule allows." for w in weeks]
