"""Weekly load from the record, the 10% rule with its minimum-volume rule, and the workload ratio."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from crampcoach.training.findings import observe
from crampcoach.training.knowledge import load_training_knowledge
from crampcoach.training.load import load_rises, weekly_load, weekly_volumes, workload

from .records import MONDAY, activity, weeks_of

K = load_training_knowledge()


def test_weekly_volume_is_summed_per_sport_with_empty_weeks_listed() -> None:
    done = [activity(MONDAY, 30, 5), activity(MONDAY + dt.timedelta(days=2), 90, 30, sport="cycling"),
            activity(MONDAY + dt.timedelta(weeks=2), 45, 8)]
    weeks = weekly_load(done)
    assert [str(w.week) for w in weeks] == ["2025-W10", "2025-W11", "2025-W12"]
    first = weeks[0].sports
    assert (first["running"].minutes, first["running"].km) == (30, 5)
    assert (first["cycling"].sessions, first["cycling"].km) == (1, 30)
    assert weeks[1].sports == {} and weeks[0].total.minutes == 120


def test_a_rise_over_ten_percent_is_flagged_by_distance_and_by_time() -> None:
    rises = load_rises(weekly_load(weeks_of([30, 50])), K.load)
    assert {(r.measure, r.before, r.after, r.flagged) for r in rises} == {
        ("km", 30, 50, True), ("minutes", 180, 300, True)}


def test_exactly_ten_percent_more_is_allowed() -> None:
    rises = load_rises(weekly_load(weeks_of([30, 33])), K.load)
    assert rises and not any(r.flagged for r in rises)


def test_weeks_below_the_minimum_volume_are_not_compared() -> None:
    # 5 km in 30 minutes is below both minimums: doubling it is not a "rise" by the rule.
    assert load_rises(weekly_load(weeks_of([5, 10])), K.load) == []


def test_acute_chronic_ratio_compares_the_last_week_with_the_four_week_average() -> None:
    done = weeks_of([20, 20, 20, 40])
    last = MONDAY + dt.timedelta(weeks=3, days=6)
    ratio = workload(done, last, K.load)
    assert (ratio.acute_minutes, ratio.chronic_weekly_minutes) == (240, 150)
    assert ratio.ratio == 1.6 and ratio.high


def test_recent_weekly_volumes_list_every_week_for_every_sport() -> None:
    done = [*weeks_of([30, 32, 0, 35]), activity(MONDAY + dt.timedelta(days=3), 60, 25, sport="cycling")]
    volumes = weekly_volumes(done, MONDAY + dt.timedelta(weeks=3, days=6), weeks=4)
    assert [(v.week, v.sport, v.km) for v in volumes if v.sport == "running"] == [
        ("2025-W10", "running", 30), ("2025-W11", "running", 32), ("2025-W12", "running", 0),
        ("2025-W13", "running", 35)]
    assert [v.km for v in volumes if v.sport == "cycling"] == [25, 0, 0, 0]


# The rule in one sentence, written independently of the code: over the last `recent_weeks`
# weeks, some week's distance is more than 10% above the week before's, where that week had
# at least `minimum_km`; or the same by minutes with `minimum_minutes`.
@given(st.lists(st.integers(min_value=0, max_value=120), min_size=1, max_size=10),
       st.integers(min_value=4, max_value=8))
def test_increase_finding_is_present_exactly_when_a_recent_week_breaks_the_rule(
        kms: list[int], pace: int) -> None:
    done = weeks_of([float(km) for km in kms], runs=1, pace_min_per_km=pace)
    as_of = MONDAY + dt.timedelta(weeks=len(kms) - 1, days=6)
    recent = range(max(1, len(kms) - K.load.recent_weeks), len(kms))
    expected = any(
        (kms[i - 1] >= K.load.minimum_km and 10 * kms[i] > 11 * kms[i - 1])
        or (kms[i - 1] * pace >= K.load.minimum_minutes and 10 * kms[i] * pace > 11 * kms[i - 1] * pace)
        for i in recent)
    found = {o.finding for o in observe(done, [], as_of)}
    assert ("recent_training_increase" in found) == expected
