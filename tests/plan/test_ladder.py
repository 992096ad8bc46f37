"""The glute ladder inside a plan: start, climb, and where safety stops it."""

from __future__ import annotations

from crampcoach.plan import load_plan_knowledge
from crampcoach.plan.ladder import LadderClimb, starting_step

PK = load_plan_knowledge()


def test_anyone_whose_hamstrings_cramp_in_bridges_starts_at_the_bodyweight_bridge() -> None:
    step, says = starting_step(PK.ladder, {"trigger_bridge_or_hip_thrust": True})
    assert step == 1 and PK.ladder.steps[step - 1].exercise == "glute_bridge"
    assert "bodyweight bridge" in says


def test_the_planned_climb_reaches_barbell_hip_thrusts_in_about_two_months() -> None:
    climb = LadderClimb.start(PK, {}, set())
    assert climb is not None
    steps = [climb.step_for_week(week, None).exercise for week in range(1, 13)]
    first = steps.index("barbell_hip_thrust") + 1
    assert abs(first - PK.ladder.timeline.about_weeks) <= 1


def test_a_forbidden_step_caps_the_ladder_instead_of_being_skipped() -> None:
    climb = LadderClimb.start(PK, {}, {"external_load"})
    assert climb is not None
    assert climb.cap == 2 and climb.blocked == {3, 5}
    steps = {climb.step_for_week(week, None).step for week in range(1, 20)}
    assert steps == {1, 2}


def test_the_phase_can_hold_the_ladder_low() -> None:
    climb = LadderClimb.start(PK, {}, set())
    assert climb is not None
    assert {climb.step_for_week(week, 1).step for week in range(1, 6)} == {1}
    assert climb.step_for_week(6, None).step == 2


def test_no_climb_when_even_the_first_step_is_forbidden() -> None:
    assert LadderClimb.start(PK, {}, {"hamstring_moderate"}) is None


def test_tracking_rules_are_data_the_tracker_can_read() -> None:
    rules = PK.ladder
    assert rules.move_up.sessions_without_cramp == 3 and rules.move_up.glutes_main_mover
    assert rules.move_down.after_cramps == 1 and rules.move_down.steps == 1
    assert rules.load.max_weekly_increase <= 0.10


def test_a_climb_under_way_continues_from_the_logged_step() -> None:
    climb = LadderClimb.start(PK, {"trigger_bridge_or_hip_thrust": True}, set(), from_step=4)
    assert climb is not None
    assert climb.start_step == 4 and "training log" in climb.start_says
    assert climb.step_for_week(1, None).exercise == PK.ladder.steps[3].exercise


def test_a_logged_step_above_what_safety_allows_is_held_at_the_cap() -> None:
    climb = LadderClimb.start(PK, {}, {"external_load"}, from_step=5)
    assert climb is not None
    assert climb.step_for_week(1, None).step == 2
