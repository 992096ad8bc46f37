"""Dose arithmetic: reps rise week by week, never more than 10% at a time."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crampcoach.plan.dose import load, reps_in_week, work_seconds
from crampcoach.plan.knowledge import Dose


def test_reps_rise_by_the_step_until_the_top() -> None:
    dose = Dose(sets=3, reps=10, rest_s=60, reps_step=1, top_reps=13)
    assert [reps_in_week(dose, w, 0.10) for w in range(6)] == [10, 11, 12, 13, 13, 13]


def test_small_rep_counts_do_not_rise_when_one_rep_is_more_than_ten_percent() -> None:
    dose = Dose(sets=3, reps=8, rest_s=60, reps_step=1, top_reps=12)
    assert reps_in_week(dose, 4, 0.10) == 8


def test_holds_without_reps_stay_as_they_are() -> None:
    dose = Dose(sets=2, hold_s=30, rest_s=15)
    assert reps_in_week(dose, 5, 0.10) is None


@given(start=st.integers(1, 30), step=st.integers(0, 3), extra=st.integers(0, 20),
       weeks=st.integers(0, 30), cap=st.sampled_from([0.05, 0.08, 0.10]))
def test_weekly_rise_never_passes_the_cap(start: int, step: int, extra: int, weeks: int,
                                          cap: float) -> None:
    top = min(30, start + extra)
    dose = Dose(sets=3, reps=start, rest_s=30, reps_step=step, top_reps=top)
    before = reps_in_week(dose, weeks, cap)
    after = reps_in_week(dose, weeks + 1, cap)
    assert before is not None and after is not None
    assert before <= after <= top
    assert load(3, after, None) <= load(3, before, None) * (1 + cap) + 1e-9


def test_load_counts_reps_or_seconds_held() -> None:
    assert load(3, 10, None) == 30
    assert load(2, None, 30) == 60
    assert load(2, 10, 3) == 60


def test_work_time_includes_both_sides_and_the_rests() -> None:
    one_side = work_seconds(2, None, 30, 15, per_side=False)
    both = work_seconds(2, None, 30, 15, per_side=True)
    assert one_side == 20 + 2 * 30 + 15
    assert both == 20 + 2 * 60 + 15
