"""Plans built from one module per cause: each plan treats the person's own leading cause,
in sessions of at most five items, with the habits, routine, schedule and acute care it needs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crampcoach.case import Case, TrainingVolume, parse_case
from crampcoach.plan import Plan, PlanOptions, build_plan, load_plan_knowledge
from crampcoach.plan.schedule import starting_volume, weekly_volumes
from crampcoach.reasoning import assess

from .cases import GLUTE_CASE, STRAIN_CASE

PK = load_plan_knowledge()
MORE_CASES = Path(__file__).resolve().parents[1] / "reasoning" / "more_cases.jsonl"

FOOTBALLER = Case(age=24, sex="male", findings={
    "cramp_late_in_session": True, "cramp_during_exercise": True, "long_or_intense_sessions": True,
    "trigger_running_or_sprinting": True, "trigger_bridge_or_hip_thrust": False,
})
RUNNER = Case(age=38, findings={
    "recent_training_increase": True, "trigger_running_or_sprinting": True,
    "cramp_during_exercise": True, "cramp_late_in_session": False,
}, training_volume=TrainingVolume(current=50, unit="km", tolerated=30))
OFFICE = Case(age=45, findings={
    "sits_most_of_day": True, "tight_hip_flexors": True, "cramp_while_sitting_or_resting": True,
    "cramp_during_exercise": False,
})
HOT = Case(findings={"cramp_in_hot_conditions": True, "heavy_sweating": True,
                     "low_fluid_intake": False, "cramp_during_exercise": True})


def plan_for(case: Case, weeks: int = 8) -> Plan:
    return build_plan(case, assess(case), PlanOptions(weeks=weeks))


def every_why(plan: Plan) -> set[str]:
    """The causes every element of the plan says it answers."""
    whys = {i.why for s in plan.sessions() for i in s.items}
    whys |= {i.why for i in plan.routine.items} if plan.routine else set()
    whys |= {h.why for h in plan.habits} | {g.why for g in plan.guidance}
    whys |= {w.why for w in plan.volume.weeks} if plan.volume else set()
    return whys | ({plan.recovery.why} if plan.recovery else set())


def all_cases(dev_cases: list[dict[str, Any]]) -> list[tuple[str, Case]]:
    more = [json.loads(line) for line in MORE_CASES.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return [(e["id"], parse_case(e["case"])) for e in [*dev_cases, *more]]


# -- the leading cause is treated ------------------------------------------------------------

def test_every_self_care_plan_has_an_element_for_its_leading_cause(
        dev_cases: list[dict[str, Any]]) -> None:
    checked = 0
    for name, case in all_cases(dev_cases):
        assessment = assess(case)
        if assessment.triage.level != "self_care":
            continue
        plan = build_plan(case, assessment, PlanOptions(weeks=8))
        assert assessment.causes[0].id in every_why(plan), name
        checked += 1
    assert checked >= 12


def test_where_training_is_the_treatment_it_holds_half_of_every_session(
        dev_cases: list[dict[str, Any]]) -> None:
    checked = 0
    for name, case in all_cases(dev_cases):
        assessment = assess(case)
        lead = assessment.causes[0].id
        module = PK.modules.modules.get(lead)
        if assessment.triage.level != "self_care" or module is None or module.treatment != "training":
            continue
        plan = build_plan(case, assessment, PlanOptions(weeks=8))
        sessions = [s for s in plan.sessions() if s.phase in ("chronic", "prevention")]
        assert sessions, name
        for session in sessions:
            answering = sum(i.why == lead for i in session.items)
            assert 2 * answering >= len(session.items), (name, session.plan_day)
        checked += 1
    assert checked >= 4


def test_no_session_of_any_case_holds_more_than_five_items(dev_cases: list[dict[str, Any]]) -> None:
    for name, case in all_cases(dev_cases):
        for session in plan_for(case, weeks=12).sessions():
            assert len(session.items) <= PK.phases.session.max_items == 5, name


def test_a_glute_plan_and_a_fatigue_or_load_spike_plan_share_under_half_their_exercises() -> None:
    glute = plan_for(GLUTE_CASE).session_exercise_ids()
    for other in (FOOTBALLER, RUNNER):
        theirs = plan_for(other).session_exercise_ids()
        shared = glute & theirs
        assert 2 * len(shared) < min(len(glute), len(theirs)), shared


def test_the_footballer_trains_for_the_end_of_the_match_not_the_glute_ladder() -> None:
    plan = plan_for(FOOTBALLER)
    assert plan.ladder is None
    kinds = {i.kind for s in plan.sessions() for i in s.items}
    assert "conditioning" in kinds
    assert {"pacing", "late_session_fuel", "rest_between_hard_days"} <= {h.id for h in plan.habits}
    assert all(h.why == "muscle_fatigue" for h in plan.habits)


def test_every_session_shows_its_minutes_and_every_week_its_total() -> None:
    for plan in (plan_for(GLUTE_CASE), plan_for(FOOTBALLER)):
        for week in plan.weeks:
            assert week.minutes == sum(s.minutes for s in week.sessions) > 0


# -- load spike: a volume schedule ---------------------------------------------------------

def test_the_load_spike_runner_drops_back_and_rebuilds_week_by_week() -> None:
    plan = plan_for(RUNNER)
    assert plan.volume is not None
    volumes = [w.volume for w in plan.volume.weeks]
    assert volumes[0] == 30 and volumes[-1] == 50
    assert plan.volume.reached_week is not None and plan.volume.reached_week <= 8
    assert all(w.why == "training_load_spike" for w in plan.volume.weeks)
    # Strength sessions take the place of some running: no running drills on top of it.
    assert not {i.kind for s in plan.sessions() for i in s.items} & {"conditioning"}
    assert all(len(w.sessions) <= 2 for w in plan.weeks)


def test_without_a_weekly_volume_the_plan_says_it_needs_one() -> None:
    case = RUNNER.model_copy(update={"training_volume": None})
    plan = plan_for(case)
    assert plan.volume is None and plan.volume_needed


def test_options_give_the_volume_when_the_case_does_not() -> None:
    case = RUNNER.model_copy(update={"training_volume": None})
    volume = TrainingVolume(current=300, unit="minutes", target=330)
    plan = build_plan(case, assess(case), PlanOptions(weeks=6, training_volume=volume))
    assert plan.volume is not None and plan.volume.unit == "minutes"
    week = plan.volume.weeks[0]
    assert week.volume == 210  # no last good week given: back to 70% of now
    assert week.sport == week.volume - plan.weeks[0].minutes


UNITS = st.sampled_from(sorted(PK.modules.schedule.units))
AMOUNTS = st.floats(min_value=0.5, max_value=5000, allow_nan=False, allow_infinity=False)


@given(current=AMOUNTS, target=st.none() | AMOUNTS, tolerated=st.none() | AMOUNTS, unit=UNITS,
       weeks=st.integers(min_value=1, max_value=52))
def test_no_scheduled_week_rises_over_ten_percent_and_it_starts_at_a_tolerated_week(
        current: float, target: float | None, tolerated: float | None, unit: str, weeks: int) -> None:
    rules = PK.modules.schedule
    volume = TrainingVolume(current=current, unit=unit, target=target,  # type: ignore[arg-type]
                            tolerated=tolerated)
    last_good, goal, first = starting_volume(volume, rules)
    volumes = weekly_volumes(first, goal, weeks, rules.max_weekly_increase, rules.units[unit].step)
    assert len(volumes) == weeks
    assert 0 < volumes[0] <= last_good <= current
    if tolerated is not None:
        assert volumes[0] <= tolerated
    for before, after in itertools.pairwise(volumes):
        assert before <= after <= before * (1 + rules.max_weekly_increase) + 1e-9
        assert after <= max(goal, volumes[0])


def test_a_schedule_reaches_its_target_when_there_is_time() -> None:
    rules = PK.modules.schedule
    volumes = weekly_volumes(30, 50, 12, rules.max_weekly_increase, rules.units["km"].step)
    assert volumes[:7] == [30, 33, 36, 39.5, 43, 47, 50]
    assert volumes[-1] == 50


# -- tightness and sitting: a daily routine --------------------------------------------------

def test_the_office_worker_gets_a_short_daily_routine_and_sitting_breaks() -> None:
    plan = plan_for(OFFICE)
    assert plan.routine is not None
    assert plan.routine.minutes <= 10
    assert "hip_flexor_stretch" in {i.exercise for i in plan.routine.items}
    assert plan.routine.why == "tight_hip_flexors"
    breaks = next(h for h in plan.habits if h.id == "sitting_breaks")
    assert breaks.when == "daily" and breaks.why == "tight_hip_flexors"


def test_a_habit_names_only_stretches_the_daily_routine_holds() -> None:
    # Short hamstrings from sitting, no tight hip flexors: the breaks from sitting point to
    # the routine's own stretches, never to a hip flexor stretch the routine does not hold.
    plan = plan_for(Case(findings={"tight_hamstrings": True, "sits_most_of_day": True,
                                   "tight_hip_flexors": False}))
    assert plan.routine is not None
    held = {i.exercise for i in plan.routine.items}
    assert "hip_flexor_stretch" not in held
    breaks = next(h for h in plan.habits if h.id == "sitting_breaks")
    assert "hip flexor" not in breaks.text.lower()


# -- fluids, salt, carbohydrate and heat: habits with targets and grades ---------------------

def test_heat_and_fluid_habits_carry_targets_grades_and_their_cause() -> None:
    plan = plan_for(HOT)
    assert plan.likely_causes()[0].id == "heat_humidity"
    habits = {h.id: h for h in plan.habits}
    assert {"heat_acclimatisation", "drink_to_thirst", "sweat_rate_check",
            "sodium_for_salty_sweaters"} <= set(habits)
    assert habits["heat_acclimatisation"].why == "heat_humidity"
    assert "10-14 days" in habits["heat_acclimatisation"].title
    likely = {c.id for c in plan.likely_causes()}
    for habit in plan.habits:
        assert habit.why in likely
        assert any(ch.isdigit() for ch in habit.target), habit.id
        assert habit.evidence.grade and habit.sources


def test_salt_is_only_for_heavy_or_hot_weather_sweaters() -> None:
    case = Case(findings={"low_mineral_diet": True, "heavy_sweating": False,
                          "cramp_in_hot_conditions": False})
    plan = plan_for(case)
    assert "sodium_for_salty_sweaters" not in {h.id for h in plan.habits}


# -- acute strain ----------------------------------------------------------------------------

def test_an_acute_strain_cools_and_moves_the_knee_before_any_static_stretch() -> None:
    case = STRAIN_CASE.model_copy(update={"days_since_last_cramp": 1})
    plan = plan_for(case)
    assert plan.phase == "acute"
    first_days = [s for s in plan.sessions() if s.plan_day <= 2]
    assert first_days and all(
        {i.kind for i in s.items} == {"mobility"} for s in first_days)
    assert "rice_first_days" in {h.id for h in plan.habits}
    for session in plan.sessions():
        kinds = [i.kind for i in session.items]
        if "stretch" in kinds and "mobility" in kinds:
            assert kinds.index("mobility") < kinds.index("stretch")


def test_an_acute_strain_has_return_to_run_checks_and_a_named_physio_referral() -> None:
    plan = plan_for(STRAIN_CASE.model_copy(update={"days_since_last_cramp": 1}))
    assert plan.recovery is not None and plan.recovery.why == "muscle_strain"
    assert plan.recovery.rice_hours == 48
    assert len(plan.recovery.return_to_run) >= 3
    assert "physiotherapist" in plan.recovery.refer_who
    assert str(plan.recovery.refer_after_days) in {"7"} or "week" in plan.recovery.refer_says
    loaded = {e for e in plan.exercise_ids()
              if {"hinge", "external_load", "running"} & set(PK.exercises[e].tags)}
    assert not loaded
    # Who to see says as soon as the triage does: a strain is examined within days.
    assert plan.see_a_professional is not None
    assert plan.see_a_professional.when == "within days"


# -- nerve and pelvis: what to avoid, who to see ---------------------------------------------

@pytest.mark.parametrize(("findings", "cause", "who"), [
    ({"pain_radiates_below_knee": True, "back_pain": True, "disc_injury_history": True},
     "nerve_compression", "doctor"),
    ({"leg_length_difference": True, "one_side_only": True, "anterior_pelvic_tilt": True},
     "pelvic_malalignment", "physiotherapist"),
])
def test_nerve_and_pelvic_causes_say_what_to_avoid_and_who_to_see(
        findings: dict[str, bool], cause: str, who: str) -> None:
    plan = plan_for(Case(findings=findings))
    assert cause in {c.id for c in plan.likely_causes()}
    guidance = next(g for g in plan.guidance if g.why == cause)
    assert guidance.avoid and who in guidance.see


# -- safety across every case ----------------------------------------------------------------

def test_plan_safety_holds_on_every_dev_and_more_case(dev_cases: list[dict[str, Any]]) -> None:
    for name, case in all_cases(dev_cases):
        assessment = assess(case)
        plan = build_plan(case, assessment, PlanOptions(weeks=12))
        if assessment.triage.level == "urgent":
            assert plan.exercise_ids() == set() and plan.habits == [] and plan.routine is None, name
            assert plan.volume is None, name
        strain = {r.id for r in plan.restrictions} & {"suspected_strain", "suspected_tear"}
        if strain:
            tags = {t for e in plan.exercise_ids() for t in PK.exercises[e].tags}
            assert not tags & {"external_load", "hinge", "hamstring_high", "running"}, name
        if assessment.triage.level != "self_care":
            assert plan.see_a_professional is not None, name


def test_the_warm_up_habit_names_its_exercise_unless_a_restriction_rules_it_out() -> None:
    cold = Case(findings={"skips_warmup": True, "cramp_during_exercise": True})
    habit = next(h for h in plan_for(cold).habits if h.id == "warmup_before_sport")
    assert habit.why == "inadequate_warmup"
    assert habit.exercise == "dynamic_warmup" and habit.item is not None
    bruised = Case(findings={**cold.findings, "bruising": True})
    plan = plan_for(bruised)
    habit = next(h for h in plan.habits if h.id == "warmup_before_sport")
    assert habit.exercise is None and "dynamic_warmup" not in plan.exercise_ids()


def test_a_plan_without_sessions_guides_its_routine_or_warm_up() -> None:
    routine = plan_for(OFFICE).practice_session()
    assert routine is not None and routine.title == "Daily routine"
    warm = plan_for(Case(findings={"skips_warmup": True})).practice_session()
    assert warm is not None and [i.exercise for i in warm.items] == ["dynamic_warmup"]


@given(weights=st.lists(st.floats(min_value=0.05, max_value=1.0), min_size=1, max_size=5),
       caps=st.lists(st.integers(min_value=1, max_value=5), min_size=5, max_size=5),
       budget=st.integers(min_value=1, max_value=7), warmup=st.integers(min_value=0, max_value=1),
       warmup_answers_lead=st.booleans(), lead_half=st.booleans())
def test_session_shares_fit_the_budget_and_leave_the_lead_half(
        weights: list[float], caps: list[int], budget: int, warmup: int,
        warmup_answers_lead: bool, lead_half: bool) -> None:
    from crampcoach.plan.builder import _Group, share_items

    weights = sorted(weights, reverse=True)
    groups = [_Group(f"cause{i}", w, [["family"]] * caps[i]) for i, w in enumerate(weights)]
    counts = share_items(groups, budget, warmup, warmup_answers_lead, lead_half)
    assert all(0 <= c <= cap for c, cap in zip(counts, caps, strict=False))
    assert sum(counts) <= budget
    if lead_half:
        lead = counts[0] + (warmup if warmup_answers_lead else 0)
        assert 2 * lead >= sum(counts) + warmup or counts[1:] == [0] * (len(counts) - 1)
        assert counts[0] == min(caps[0], budget) or sum(counts) == budget
    else:  # shares follow the weights and fill what the slots allow
        assert sum(counts) == min(budget, sum(caps[:len(groups)]))
