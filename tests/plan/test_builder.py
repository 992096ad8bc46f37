"""build_plan: the glute programme, doses, advice and the safety rules."""

from __future__ import annotations

import itertools
import re
from datetime import date

import pytest
from pydantic import ValidationError

from crampcoach import DISCLAIMER
from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.plan import Plan, PlanOptions, build_plan, load_plan_knowledge
from crampcoach.plan.builder import likely_causes, session_days
from crampcoach.plan.dose import load
from crampcoach.reasoning import assess

from .cases import DVT_CASE, GLUTE_CASE, STRAIN_CASE, assessed, assessment

PK = load_plan_knowledge()
KB = load_knowledge()
WORK_KINDS = {"activation", "strength"}


def glute_plan(weeks: int = 8) -> Plan:
    case, a = assessed(GLUTE_CASE)
    return build_plan(case, a, PlanOptions(weeks=weeks, start=date(2025, 3, 3)))


def tagged(plan: Plan, tag: str) -> set[str]:
    return {e for e in plan.exercise_ids() if tag in PK.exercises[e].tags}


# -- the glute programme ---------------------------------------------------------------

def test_glute_weakness_gets_the_ladder_from_the_bodyweight_bridge() -> None:
    plan = glute_plan()
    assert plan.ladder is not None
    assert plan.ladder.start_step == 1
    first = plan.weeks[0].sessions[0]
    assert "glute_bridge" in {i.exercise for i in first.items}
    assert [r.exercise for r in plan.ladder.rungs] == [
        "glute_bridge", "shoulder_elevated_glute_bridge", "barbell_glute_bridge",
        "single_leg_glute_bridge", "barbell_hip_thrust", "single_leg_hip_thrust"]


def test_barbell_hip_thrusts_come_after_about_two_months() -> None:
    plan = glute_plan(weeks=12)
    assert plan.ladder is not None
    week = next(r.planned_week for r in plan.ladder.rungs if r.exercise == "barbell_hip_thrust")
    assert week is not None and 7 <= week <= 10
    first_thrust = min(s.week for s in plan.sessions()
                       for i in s.items if i.exercise == "barbell_hip_thrust")
    assert first_thrust == week


def test_ladder_climbs_one_step_at_a_time() -> None:
    steps = [next(i.ladder_step for i in w.sessions[0].items if i.ladder_step)
             for w in glute_plan(weeks=12).weeks]
    assert steps[0] == 1
    assert all(b - a in (0, 1) for a, b in itertools.pairwise(steps))


def test_glute_plan_has_activation_exercises_and_hip_dominant_hinges() -> None:
    ids = glute_plan().exercise_ids()
    assert {"side_lying_clam", "side_lying_abduction", "x_band_walk",
            "quadruped_hip_extension", "bird_dog"} <= ids
    assert {"back_extension", "romanian_deadlift"} <= ids


def test_the_hip_flexor_stretch_comes_right_before_the_activation_work() -> None:
    hamstring_stretches = 0
    for session in glute_plan().sessions():
        kinds = [i.kind for i in session.items]
        names = [i.exercise for i in session.items]
        assert "hip_flexor_stretch" in names
        hamstring_stretches += bool({"standing_hamstring_stretch", "seated_forward_bend"} & set(names))
        first_main = min(k for k, kind in enumerate(kinds) if kind in WORK_KINDS)
        assert kinds[first_main - 1] == "stretch"
        assert all(kind != "stretch" for kind in kinds[first_main:])
    assert hamstring_stretches, "the hamstring stretch takes turns with the hinge"


def test_bridges_carry_the_forefoot_feet_flat_cue() -> None:
    bridge = next(i for s in glute_plan().sessions() for i in s.items
                  if i.exercise == "glute_bridge")
    assert any("flat" in c and "front of the foot" in c for c in bridge.cues)
    assert any("heels" in m for m in bridge.mistakes)


def test_hip_thrust_carries_the_cues_and_mistakes_of_seed_001() -> None:
    thrust = next(i for s in glute_plan(weeks=10).sessions() for i in s.items
                  if i.exercise == "barbell_hip_thrust")
    text = " ".join(thrust.cues).lower()
    assert "glutes" in text and "squeeze" in text
    assert any("hamstrings dominate" in m for m in thrust.mistakes)
    assert "001" in thrust.sources
    assert thrust.load_note and "10%" in thrust.load_note


def test_no_session_holds_more_than_five_items_with_the_warm_up() -> None:
    assert PK.phases.session.max_items == 5
    for session in glute_plan(weeks=12).sessions():
        assert len(session.items) <= 5


def test_activation_drills_take_turns_instead_of_stacking_up() -> None:
    sessions = glute_plan(weeks=4).sessions()
    drills = [[i.exercise for i in s.items if i.kind == "activation"] for s in sessions]
    assert all(len(d) <= 1 for d in drills)
    assert len({d[0] for d in drills if d}) == len(PK.family("glute_activation"))


def test_activation_work_tapers_once_the_glutes_kick_in() -> None:
    taper = PK.ladder.activation_taper
    before, after = [], []
    for session in glute_plan(weeks=12).sessions():
        step = next((i.ladder_step for i in session.items if i.ladder_step), 0)
        activation = sum(i.kind == "activation" for i in session.items)
        (after if step >= taper.from_step else before).append(activation)
    assert before and all(a == 1 for a in before)
    assert after and 0 < sum(after) <= -(-len(after) // taper.every)


def test_sessions_with_strength_work_start_with_a_warm_up() -> None:
    for session in glute_plan().sessions():
        if any(i.kind == "strength" for i in session.items):
            assert session.items[0].exercise == "dynamic_warmup"


def test_weekly_load_of_an_exercise_rises_by_at_most_ten_percent() -> None:
    cap = PK.ladder.load.max_weekly_increase
    by_week: dict[tuple[str, int], int] = {}
    for s in glute_plan(weeks=16).sessions():
        for i in s.items:
            by_week[(i.exercise, s.week)] = load(i.sets, i.reps, i.hold_s)
    rises = [(by_week[(e, w)], by_week[(e, w + 1)]) for e, w in by_week if (e, w + 1) in by_week]
    assert rises, "some exercise must appear in consecutive weeks"
    assert any(after > before for before, after in rises)
    assert all(after <= before * (1 + cap) + 1e-9 for before, after in rises)


def test_every_item_names_the_cause_it_answers_and_its_sources() -> None:
    plan = glute_plan()
    causes = {c.id for c in plan.causes}
    for session in plan.sessions():
        for item in session.items:
            assert item.why in causes
            assert item.why in PK.exercises[item.exercise].answers
            assert item.reason and item.sources and item.cues
            assert item.reps is not None or item.hold_s is not None


def test_stretches_are_static_thirty_second_holds() -> None:
    for session in glute_plan().sessions():
        for item in session.items:
            if item.kind == "stretch":
                assert item.hold_s == 30 and item.reps is None
                assert any("bouncing" in c for c in item.cues)


def test_sessions_are_dated_from_the_start_and_spread_over_the_week() -> None:
    plan = glute_plan(weeks=2)
    days = [s.plan_day for s in plan.sessions()]
    assert days == [1, 3, 6, 8, 10, 13]
    assert plan.sessions()[0].date == date(2025, 3, 3)
    assert plan.sessions()[-1].date == date(2025, 3, 15)
    assert session_days(1) == [0] and session_days(7) == list(range(7))


def test_sessions_per_week_option_overrides_the_phase() -> None:
    case, a = assessed(GLUTE_CASE)
    plan = build_plan(case, a, PlanOptions(weeks=3, sessions_per_week=2))
    assert [len(w.sessions) for w in plan.weeks] == [2, 2, 2]
    assert plan.sessions_per_week == 2


def test_plan_options_are_strict() -> None:
    with pytest.raises(ValidationError):
        PlanOptions(weeks=0)
    with pytest.raises(ValidationError):
        PlanOptions(weeks=53)
    with pytest.raises(ValidationError):
        PlanOptions.model_validate({"weeks": 8, "colour": "red"})
    with pytest.raises(ValidationError):
        PlanOptions.model_validate({"weeks": "8"})


def test_building_a_plan_is_pure() -> None:
    case, a = assessed(GLUTE_CASE)
    options = PlanOptions(weeks=6, start=date(2025, 1, 6))
    assert build_plan(case, a, options) == build_plan(case, a, options)


def test_plan_json_has_the_contract_keys() -> None:
    doc = glute_plan().to_contract()
    assert {"phase", "weeks", "advice", "see_a_professional", "disclaimer"} <= set(doc)
    assert doc["disclaimer"] == DISCLAIMER
    item = doc["weeks"][0]["sessions"][0]["items"][0]  # type: ignore[index]
    assert {"exercise", "sets", "cues", "why", "sources"} <= set(item)
    assert "reps" in item or "hold_s" in item


# -- causes and phases -----------------------------------------------------------------

def test_likely_causes_are_the_probable_ones_and_the_strong_top_few() -> None:
    a = assessment({"glute_weakness": 0.8, "tight_hip_flexors": 0.35, "muscle_fatigue": 0.32,
                    "low_flexibility": 0.31})
    likely = likely_causes(PK.phases.selection, a.causes)
    assert list(likely) == ["glute_weakness", "tight_hip_flexors", "muscle_fatigue"]


def test_warm_up_problem_gets_the_dynamic_warm_up_but_no_ladder() -> None:
    case = Case(findings={"skips_warmup": True, "cramp_during_exercise": True})
    plan = build_plan(case, assessment({"inadequate_warmup": 0.8}, answers=case.findings))
    assert "dynamic_warmup" in plan.exercise_ids()
    assert plan.ladder is None
    assert not plan.exercise_ids() & {s.exercise for s in PK.ladder.steps}


def test_recent_cramp_with_bruising_starts_in_the_acute_phase() -> None:
    case, a = assessed(STRAIN_CASE)
    plan = build_plan(case, a)
    assert plan.phase == "acute"
    assert [w.phase for w in plan.weeks[:4]] == ["acute", "subacute", "subacute", "prevention"]
    first = {i.exercise for i in plan.weeks[0].sessions[0].items}
    assert "knee_bend_straighten_rom" in first
    assert "rice" in {a.topic for a in plan.advice}


# -- advice ----------------------------------------------------------------------------

def test_hydration_advice_shows_the_disagreement_and_the_evidence_grade() -> None:
    case = Case(findings={"low_fluid_intake": True, "heavy_sweating": True})
    plan = build_plan(case, assessment({"dehydration": 0.8, "heat_humidity": 0.5},
                                       answers=case.findings))
    hydration = next(a for a in plan.advice if a.topic == "hydration")
    assert hydration.disagreement is not None
    assert "001" in hydration.disagreement.sources_against
    assert hydration.evidence.grade == "mixed"


def test_diet_advice_shows_the_disagreement_and_the_evidence_grade() -> None:
    plan = build_plan(Case(), assessment({"electrolyte_deficit": 0.7}))
    diet = next(a for a in plan.advice if a.topic == "electrolytes_diet")
    assert diet.disagreement is not None and "001" in diet.disagreement.sources_against
    assert diet.evidence.grade == "weak"
    assert "coconut water" in diet.text


def test_every_plan_carries_the_safety_notes() -> None:
    topics = {a.topic for a in glute_plan().advice}
    assert {"during_a_cramp", "no_overdrinking", "no_quinine", "pickle_juice",
            "painkillers"} <= topics


# -- safety ----------------------------------------------------------------------------

def test_suspected_strain_gets_nothing_loaded_and_no_stretch_into_pain() -> None:
    case, a = assessed(STRAIN_CASE)
    plan = build_plan(case, a, PlanOptions(weeks=12))
    ids = plan.exercise_ids()
    assert not ids & {"barbell_glute_bridge", "barbell_hip_thrust", "romanian_deadlift",
                      "single_leg_hip_thrust", "single_leg_glute_bridge"}
    assert not tagged(plan, "external_load")
    stretches = [i for s in plan.sessions() for i in s.items if i.kind == "stretch"]
    assert stretches
    for item in stretches:
        assert item.intensity == "gentle"
        assert any("never into pain" in c for c in item.cues)
    assert "suspected_strain" in {r.id for r in plan.restrictions}


@pytest.mark.parametrize("finding", ["bruising", "popping_sensation"])
def test_bruising_or_a_pop_alone_means_no_loading(finding: str) -> None:
    # Even when the reasoning does not rate a strain likely, the finding itself restricts.
    case = Case(findings={finding: True, "trigger_bridge_or_hip_thrust": True})
    plan = build_plan(case, assessment({"glute_weakness": 0.9}, answers=case.findings),
                      PlanOptions(weeks=12))
    assert not tagged(plan, "external_load")
    assert not tagged(plan, "hamstring_high")


def test_a_muscle_tender_after_a_cramp_is_never_loaded_in_any_week() -> None:
    # A runner whose causes are fluid and fatigue: the endurance work must not bring a
    # hamstring load (bridge walk-outs) into the later weeks while a strain is suspected.
    case = Case(findings={"tender_after_cramp": True, "low_fluid_intake": True,
                          "cramp_late_in_session": True, "long_or_intense_sessions": True,
                          "trigger_running_or_sprinting": True})
    plan = build_plan(case, assess(case), PlanOptions(weeks=8))
    assert "suspected_strain" in {r.id for r in plan.restrictions}
    assert plan.sessions()
    for tag in ("external_load", "hamstring_high", "hinge", "running"):
        assert not tagged(plan, tag), tag
    assert not plan.exercise_ids() & {"bridge_walkout", "single_leg_glute_bridge",
                                      "single_leg_romanian_deadlift"}


def test_tear_red_flag_reason_means_no_loading() -> None:
    a = assessment({"glute_weakness": 0.7, "muscle_strain": 0.1}, level="see_physio",
                   reasons=[("muscle_damage", "swelling_back_of_thigh")])
    plan = build_plan(Case(), a, PlanOptions(weeks=12))
    assert not tagged(plan, "external_load")
    assert plan.exercise_ids(), "a physio-level plan still holds safe work"


def test_a_pop_with_pain_keeps_the_plan_to_gentle_movement_until_seen() -> None:
    case = Case(findings={"popping_sensation": True, "bruising": True,
                          "pain_walking_or_straightening": True})
    a = assessment({"muscle_strain": 0.99}, level="see_doctor",
                   reasons=[("severe_tear_signs", "popping_sensation")], answers=case.findings)
    plan = build_plan(case, a)
    assert plan.exercise_ids() == {"knee_bend_straighten_rom"}
    assert len(plan.weeks) == 2
    assert plan.see_a_professional is not None
    # The milder restrictions still hold, but what they say is not said twice.
    assert [r.id for r in plan.restrictions] == ["suspected_tear"]


def test_urgent_plan_holds_no_exercise_only_what_to_do_now() -> None:
    case, a = assessed(DVT_CASE)
    assert a.triage.level == "urgent"
    plan = build_plan(case, a)
    assert plan.weeks == [] and plan.exercise_ids() == set()
    assert plan.advice == [] and plan.ladder is None
    assert plan.what_to_do_now and plan.what_to_do_now[0] == a.triage.action
    assert any("massage" in step for step in plan.what_to_do_now)
    assert plan.see_a_professional is not None
    assert "clot" in plan.see_a_professional.who
    assert plan.disclaimer == DISCLAIMER


@pytest.mark.parametrize(("level", "rule", "finding", "who"), [
    ("see_physio", "alignment", "anterior_pelvic_tilt", "physiotherapist"),
    ("see_doctor", "medication", "takes_cramp_linked_medication", "pharmacist"),
    ("see_doctor", "sciatica", "pain_radiates_below_knee", "doctor"),
])
def test_above_self_care_the_plan_names_who_to_see_and_why(
        level: str, rule: str, finding: str, who: str) -> None:
    a = assessment({"glute_weakness": 0.6}, level=level,  # type: ignore[arg-type]
                   reasons=[(rule, finding)], answers={finding: True})
    pro = build_plan(Case(findings={finding: True}), a).see_a_professional
    assert pro is not None and pro.level == level
    assert who in pro.who
    assert pro.why == a.triage.reasons[0].says
    assert pro.when


def test_who_to_see_follows_the_condition_that_leads_among_signs_of_one_level() -> None:
    # A diabetic's numb feet with night cramps: the diabetic nerves lead the assessment over
    # a nerve root, so the referral is the medical cause's, and its reason comes first.
    case = Case(findings={"numbness_or_tingling": True, "diabetes": True, "cramp_at_night": True,
                          "frequent_cramps": True})
    a = assess(case)
    assert a.causes[0].id == "systemic_condition"
    pro = build_plan(case, a).see_a_professional
    assert pro is not None and pro.level == "see_doctor"
    refer = KB.causes["systemic_condition"].refer
    assert refer is not None and pro.who == refer.who
    assert pro.why.startswith("With diabetes")


def test_self_care_plan_sends_nobody_elsewhere() -> None:
    assert glute_plan().see_a_professional is None


def test_doctor_level_plans_hold_no_weights_until_seen() -> None:
    a = assessment({"glute_weakness": 0.8}, level="see_doctor",
                   reasons=[("medication", "takes_cramp_linked_medication")])
    plan = build_plan(Case(), a, PlanOptions(weeks=12))
    assert plan.exercise_ids()
    assert not tagged(plan, "external_load")


NEGATION = re.compile(r"\b(never|not|no|avoid|don't|do not)\b", re.IGNORECASE)


def test_no_text_advises_forcing_a_stretch() -> None:
    texts = []
    for ex in PK.exercises.values():
        texts += [ex.summary, *ex.how, *(c.text for c in ex.cues), *(a.why for a in ex.answers.values())]
    texts += [a.text for a in PK.advice.values()]
    texts += [r.says for r in PK.safety.restrictions]
    forcing = [t for t in texts if re.search(r"\bforc", t, re.IGNORECASE)]
    assert forcing, "the during-a-cramp advice must mention forcing, to forbid it"
    for text in forcing:
        sentence = next(s for s in re.split(r"(?<=[.;])\s+", text) if re.search(r"forc", s, re.I))
        assert NEGATION.search(sentence), text
    during = PK.advice["during_a_cramp"]
    assert during.safety and "never force" in during.text.lower()


def test_an_exercise_answers_the_cause_whose_module_put_it_there() -> None:
    # Tight hip flexors are likelier here than weak glutes: the bridge is there for the glutes,
    # the daily hip flexor stretch for the hip flexors.
    case = Case(findings={"tight_hip_flexors": True, "sits_most_of_day": True,
                          "trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True})
    a = assess(case)
    probabilities = {c.id: c.probability for c in a.causes}
    assert probabilities["tight_hip_flexors"] > probabilities["glute_weakness"]
    plan = build_plan(case, a, PlanOptions(weeks=2, start=date(2025, 3, 3)))
    whys = {i.exercise: i.why for s in plan.sessions() for i in s.items}
    assert whys["glute_bridge"] == "glute_weakness"
    assert plan.routine is not None
    assert {i.exercise: i.why for i in plan.routine.items}["hip_flexor_stretch"] == "tight_hip_flexors"


def test_a_plan_stored_before_modules_habits_and_schedules_still_loads() -> None:
    doc = glute_plan().to_contract()
    for key in ("modules", "routine", "habits", "volume", "volume_needed", "recovery", "guidance"):
        doc.pop(key)
    for week in doc["weeks"]:  # type: ignore[attr-defined]
        week.pop("minutes")
    doc["ladder"].pop("pace")  # type: ignore[union-attr]
    old = Plan.model_validate(doc)
    assert old.habits == [] and old.routine is None and old.weeks[0].minutes == 0
    assert old.exercise_ids() == glute_plan().session_exercise_ids()
