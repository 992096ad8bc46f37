"""The training-volume schedule: back to the last good week, then up by at most 10% a week."""

from __future__ import annotations

import math

from crampcoach.case import TrainingVolume
from crampcoach.plan.knowledge import ScheduleRules


def round_down(value: float, step: float) -> float:
    """`value` rounded down to a whole number of `step`s (never up, so a rise stays in bounds)."""
    return math.floor(value / step) * step


def starting_volume(volume: TrainingVolume, rules: ScheduleRules) -> tuple[float, float, float]:
    """(last tolerated, target, first week) for a person's volume.

    Without a last good week the schedule steps back to `drop_back` of the current volume;
    the first week never exceeds the last tolerated week, the current week or the target.
    """
    target = volume.target if volume.target is not None else volume.current
    tolerated = volume.tolerated if volume.tolerated is not None else volume.current * rules.drop_back
    tolerated = min(tolerated, volume.current)
    lowest = min(tolerated, target)
    step = rules.units[volume.unit].step
    first = round_down(lowest, step)
    return tolerated, target, first if first > 0 else lowest


def weekly_volumes(first: float, target: float, weeks: int, max_increase: float,
                   step: float) -> list[float]:
    """Week-by-week volumes from `first` to `target`: each week at most `max_increase` above the
    one before, in whole `step`s; a week holds steady when one more step would rise too much."""
    volumes = [first]
    while len(volumes) < weeks:
        before = volumes[-1]
        volumes.append(max(before, min(target, round_down(before * (1 + max_increase), step))))
    return volumes
