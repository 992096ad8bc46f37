"""Where the plan's volume schedule starts from the record, and weeks over the stored schedule."""

from __future__ import annotations

import datetime as dt
import itertools

from crampcoach.case import Case
from crampcoach.plan import PlanOptions, build_plan
from crampcoach.reasoning import assess
from crampcoach.training.knowledge import load_training_knowledge
from crampcoach.training.load import weekly_volumes
from crampcoach.training.schedule import (
    last_full_week_end,
    over_schedule,
    recorded_volume,
)

from .records import MONDAY, activity, weeks_of

RULE = load_training_knowledge().load
RUNNER = Case(age=38, findings={
    "recent_training_increase": True, "trigger_running_or_sprinting": True,
    "cramp_during_exercise": True, "cramp_late_in_session": False,
})
LAST_SUNDAY = MONDAY + dt.timedelta(weeks=6, days=-1)


def test_the_latest_full_week_ends_on_the_sunday_before_today() -> None:
    assert last_full_week_end(dt.date(2026, 11, 26)) == dt.date(2026, 11, 22)
    assert last_full_week_end(dt.date(2026, 11, 23)) == dt.date(2026, 11, 22)
    # On a Sunday its own week is still under way.
    assert last_full_week_end(dt.date(2026, 11, 29)) == dt.date(2026, 11, 22)


def test_a_spike_after_steady_weeks_starts_from_the_last_steady_week() -> None:
    volumes = weekly_volumes(weeks_of([30, 30, 30, 30, 30, 50]), LAST_SUNDAY, 6)
    found = recorded_volume(volumes, RULE)
    assert found is not None
    assert (found.volume.current, found.volume.tolerated, found.volume.target) == (50, 30, 50)
    assert found.volume.unit == "km"
    assert "From your training record: 50 km" in found.says and ": 30 km." in found.says


def test_without_a_steady_week_the_median_of_the_weeks_before_is_the_last_good_one() -> None:
    volumes = weekly_volumes(weeks_of([10, 20, 30, 40, 60, 90]), LAST_SUNDAY, 6)
    found = recorded_volume(volumes, RULE)
    assert found is not None and found.volume.tolerated == 35  # median of 20, 30, 40, 60


def test_without_distances_the_record_gives_minutes() -> None:
    runs = [activity(MONDAY + dt.timedelta(weeks=w, days=1), minutes) for w, minutes in
            enumerate([120, 120, 120, 120, 120, 200])]
    found = recorded_volume(weekly_volumes(runs, LAST_SUNDAY, 6), RULE)
    assert found is not None
    assert (found.volume.unit, found.volume.current, found.volume.tolerated) == ("minutes", 200, 120)


def test_an_empty_latest_week_gives_no_start() -> None:
    assert recorded_volume(weekly_volumes(weeks_of([30, 30, 30, 30, 30, 0]), LAST_SUNDAY, 6),
                           RULE) is None


def test_a_plan_from_the_record_starts_at_the_steady_week_and_rises_ten_percent_at_most() -> None:
    found = recorded_volume(weekly_volumes(weeks_of([30, 30, 30, 30, 30, 50]), LAST_SUNDAY, 6),
                            RULE)
    assert found is not None
    plan = build_plan(RUNNER, assess(RUNNER), PlanOptions(
        weeks=8, training_volume=found.volume, volume_from=found.says))
    assert plan.volume is not None and plan.volume.from_record == found.says
    volumes = [w.volume for w in plan.volume.weeks]
    assert volumes[0] <= 30
    assert all(after <= before * 1.1 + 1e-9 for before, after in itertools.pairwise(volumes))


def test_a_recorded_week_over_the_schedule_is_flagged_and_one_within_it_is_not() -> None:
    plan = {"start": MONDAY.isoformat(), "volume": {"unit": "km", "weeks": [
        {"week": 1, "volume": 30}, {"week": 2, "volume": 33}, {"week": 3, "volume": 36}]}}
    over = over_schedule(weeks_of([30, 40, 20]), plan, MONDAY + dt.timedelta(weeks=3))
    assert [(w.week, w.planned, w.recorded) for w in over] == [(2, 33, 40)]


def test_a_schedule_in_sessions_is_not_compared_with_the_record() -> None:
    plan = {"start": MONDAY.isoformat(), "volume": {"unit": "sessions", "weeks": [
        {"week": 1, "volume": 1}]}}
    assert over_schedule(weeks_of([30]), plan, MONDAY + dt.timedelta(weeks=1)) == []
