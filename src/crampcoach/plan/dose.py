"""Dose arithmetic: weekly progression under the 10% rule, load and session time."""

from __future__ import annotations

import math

from crampcoach.plan.knowledge import Dose

SECONDS_PER_REP = 4      # a controlled rep, up and down
SETUP_S = 20             # getting into position for an exercise


def reps_in_week(dose: Dose, weeks_on: int, max_increase: float) -> int | None:
    """Reps after `weeks_on` weeks on the exercise: `reps_step` more each week, never past
    `top_reps`, and never more than `max_increase` above the week before."""
    reps = dose.reps
    if reps is None or dose.top_reps is None:
        return reps
    for _ in range(weeks_on):
        allowed = math.floor(reps * max_increase + 1e-9)
        reps += max(0, min(dose.reps_step, allowed, dose.top_reps - reps))
    return reps


def load(sets: int, reps: int | None, hold_s: int | None) -> int:
    """Work in one session of an exercise, for comparing weeks: reps, or seconds held."""
    return sets * (reps if reps is not None else 1) * (hold_s if hold_s is not None else 1)


def work_seconds(sets: int, reps: int | None, hold_s: int | None, rest_s: int,
                 per_side: bool) -> int:
    """Rough time an exercise takes, rests included."""
    one_set = (reps or 1) * (hold_s or 0) + (reps or 0) * SECONDS_PER_REP
    if per_side:
        one_set *= 2
    return SETUP_S + sets * one_set + (sets - 1) * rest_s
