"""Red-flag triage: one test per rule, and the rules only ever escalate."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.knowledge import load_knowledge
from crampcoach.triage import RANK, Triage, triage

KB = load_knowledge()
# An ordinary exercise cramp: present findings that no rule looks at.
ORDINARY = {"cramp_during_exercise": True, "trigger_bridge_or_hip_thrust": True,
            "feel_hamstrings_more_than_glutes": True, "low_fluid_intake": False}
RED_FLAG_FINDINGS = sorted({f for r in KB.red_flags for f in (*r.when.all, *r.when.any)})


def triage_with(*present: str) -> Triage:
    return triage(KB, {**ORDINARY, **dict.fromkeys(present, True)})


def assert_fires(present: tuple[str, ...], level: str, rule: str, finding: str) -> None:
    result = triage_with(*present)
    assert result.level == level
    named = [r for r in result.reasons if r.rule == rule]
    assert named, f"rule {rule} not among the reasons"
    assert finding in {r.finding for r in named}
    assert all(r.says for r in named)


# ---- urgent


def test_swollen_warm_red_leg_is_urgent() -> None:
    assert_fires(("calf_or_thigh_swollen_warm_red",), "urgent", "clot_signs",
                 "calf_or_thigh_swollen_warm_red")


def test_breathlessness_or_chest_pain_is_urgent() -> None:
    assert_fires(("breathless_or_chest_pain",), "urgent", "clot_with_breathlessness",
                 "breathless_or_chest_pain")


def test_saddle_numbness_is_always_urgent() -> None:
    assert_fires(("saddle_numbness",), "urgent", "saddle_numbness", "saddle_numbness")
    # whatever else is present
    everything = tuple(f for f in KB.findings if f != "pregnant")
    assert triage_with(*everything).level == "urgent"


def test_new_bladder_or_bowel_trouble_is_urgent() -> None:
    assert_fires(("bladder_or_bowel_change",), "urgent", "bladder_or_bowel",
                 "bladder_or_bowel_change")


def test_a_leg_getting_weaker_is_urgent() -> None:
    assert_fires(("progressive_leg_weakness",), "urgent", "growing_weakness",
                 "progressive_leg_weakness")


def test_both_legs_weakening_with_back_trouble_points_to_the_spinal_nerves_first() -> None:
    both_legs = {**ORDINARY, "progressive_leg_weakness": True, "back_pain": True,
                 "one_side_only": False}
    result = triage(KB, both_legs)
    assert result.level == "urgent"
    assert result.reasons[0].rule == "weakness_in_both_legs"
    assert result.reasons[0].suspected == "cauda_equina_syndrome"
    # One leg, or sides not said: the nerve root's rule alone, at the same level.
    for one_side in (True, None):
        result = triage(KB, {**both_legs, "one_side_only": one_side})
        assert result.level == "urgent"
        assert {r.rule for r in result.reasons} == {"growing_weakness"}


def test_dark_urine_after_exercise_is_urgent() -> None:
    assert_fires(("dark_urine_after_exercise",), "urgent", "dark_urine",
                 "dark_urine_after_exercise")


def test_a_cramp_lasting_over_ten_minutes_is_urgent() -> None:
    assert_fires(("cramp_lasts_over_10_min",), "urgent", "prolonged_cramp",
                 "cramp_lasts_over_10_min")


def test_not_being_able_to_walk_after_a_cramp_is_urgent() -> None:
    assert_fires(("cannot_walk",), "urgent", "cannot_walk_after_cramp", "cannot_walk")


# ---- see a doctor


def test_a_pop_with_bruising_means_see_a_doctor() -> None:
    assert_fires(("popping_sensation", "bruising"), "see_doctor", "severe_tear_signs",
                 "popping_sensation")
    assert_fires(("popping_sensation", "pain_walking_or_straightening"), "see_doctor",
                 "severe_tear_signs", "pain_walking_or_straightening")
    assert triage_with("popping_sensation").level == "see_physio"  # a pop alone is less


def test_pain_walking_and_a_weaker_leg_with_bruising_or_swelling_mean_see_a_doctor() -> None:
    for sign in ("bruising", "swelling_back_of_thigh"):
        assert_fires(("pain_walking_or_straightening", "weakness_after", sign), "see_doctor",
                     "partial_tear_signs", "pain_walking_or_straightening")
        # Without the lost strength it is muscle damage for a physiotherapist to grade.
        assert triage_with("pain_walking_or_straightening", sign).level == "see_physio"
    assert triage_with("pain_walking_or_straightening").level == "see_physio"  # alone is less
    assert triage_with("bruising").level == "see_physio"


def test_pain_when_sitting_with_bruising_or_pain_walking_means_see_a_doctor() -> None:
    for sign in ("bruising", "pain_walking_or_straightening"):
        assert_fires(("pain_when_sitting", sign), "see_doctor", "sitting_pain_tear_signs",
                     "pain_when_sitting")


def test_pain_shooting_below_the_knee_means_see_a_doctor() -> None:
    assert_fires(("pain_radiates_below_knee",), "see_doctor", "sciatica",
                 "pain_radiates_below_knee")


def test_back_pain_after_a_disc_injury_means_see_a_doctor() -> None:
    assert_fires(("back_pain", "disc_injury_history"), "see_doctor",
                 "back_pain_with_disc_history", "disc_injury_history")
    assert triage_with("back_pain").level == "self_care"
    assert triage_with("disc_injury_history").level == "self_care"


def test_numbness_or_tingling_means_see_a_doctor() -> None:
    assert_fires(("numbness_or_tingling",), "see_doctor", "numbness", "numbness_or_tingling")


def test_numbness_with_diabetes_means_see_a_doctor_about_the_diabetic_nerves() -> None:
    assert_fires(("diabetes", "numbness_or_tingling"), "see_doctor", "diabetic_numbness",
                 "diabetes")
    # Diabetes alone is background for an ordinary cause, not a warning sign.
    assert triage_with("diabetes").level == "self_care"


def test_muscle_wasting_means_see_a_doctor() -> None:
    assert_fires(("muscle_wasting",), "see_doctor", "muscle_wasting", "muscle_wasting")


def test_frequent_night_cramps_mean_see_a_doctor() -> None:
    assert_fires(("cramp_at_night", "frequent_cramps"), "see_doctor", "sleep_disturbed",
                 "cramp_at_night")
    assert triage_with("cramp_at_night").level == "self_care"
    assert triage_with("frequent_cramps").level == "self_care"


def test_a_cramp_linked_medicine_means_see_a_doctor() -> None:
    assert_fires(("takes_cramp_linked_medication",), "see_doctor", "medication",
                 "takes_cramp_linked_medication")


def test_pregnancy_means_see_a_doctor() -> None:
    assert_fires(("pregnant",), "see_doctor", "pregnancy", "pregnant")


@pytest.mark.parametrize("finding", ["neurological_condition", "thyroid_condition",
                                     "kidney_condition", "heavy_alcohol_use"])
def test_a_medical_condition_or_heavy_drinking_means_see_a_doctor(finding: str) -> None:
    assert_fires((finding,), "see_doctor", "medical_condition", finding)


def test_cramps_that_self_care_has_not_helped_mean_see_a_doctor() -> None:
    assert_fires(("persists_despite_self_care",), "see_doctor", "not_resolving",
                 "persists_despite_self_care")


# ---- see a physiotherapist


@pytest.mark.parametrize("finding", ["bruising", "swelling_back_of_thigh", "popping_sensation"])
def test_bruising_swelling_or_a_pop_means_see_a_physio(finding: str) -> None:
    assert_fires((finding,), "see_physio", "muscle_damage", finding)


def test_lasting_tenderness_means_see_a_physio() -> None:
    assert_fires(("tender_after_cramp",), "see_physio", "lasting_damage_signs",
                 "tender_after_cramp")
    assert_fires(("tender_after_cramp", "weakness_after"), "see_physio",
                 "lasting_damage_signs", "tender_after_cramp")
    assert triage_with("weakness_after").level == "self_care"  # weakness alone is not enough


@pytest.mark.parametrize("finding", ["anterior_pelvic_tilt", "posterior_pelvic_tilt",
                                     "leg_length_difference"])
def test_pelvic_tilt_or_leg_length_difference_means_see_a_physio(finding: str) -> None:
    assert_fires((finding,), "see_physio", "alignment", finding)


# ---- completeness and general behaviour

RULE_TESTS = {
    "clot_signs": "test_swollen_warm_red_leg_is_urgent",
    "clot_with_breathlessness": "test_breathlessness_or_chest_pain_is_urgent",
    "saddle_numbness": "test_saddle_numbness_is_always_urgent",
    "bladder_or_bowel": "test_new_bladder_or_bowel_trouble_is_urgent",
    "growing_weakness": "test_a_leg_getting_weaker_is_urgent",
    "weakness_in_both_legs":
        "test_both_legs_weakening_with_back_trouble_points_to_the_spinal_nerves_first",
    "dark_urine": "test_dark_urine_after_exercise_is_urgent",
    "prolonged_cramp": "test_a_cramp_lasting_over_ten_minutes_is_urgent",
    "cannot_walk_after_cramp": "test_not_being_able_to_walk_after_a_cramp_is_urgent",
    "severe_tear_signs": "test_a_pop_with_bruising_means_see_a_doctor",
    "partial_tear_signs":
        "test_pain_walking_and_a_weaker_leg_with_bruising_or_swelling_mean_see_a_doctor",
    "sitting_pain_tear_signs": "test_pain_when_sitting_with_bruising_or_pain_walking_means_see_a_doctor",
    "sciatica": "test_pain_shooting_below_the_knee_means_see_a_doctor",
    "back_pain_with_disc_history": "test_back_pain_after_a_disc_injury_means_see_a_doctor",
    "numbness": "test_numbness_or_tingling_means_see_a_doctor",
    "diabetic_numbness": "test_numbness_with_diabetes_means_see_a_doctor_about_the_diabetic_nerves",
    "muscle_wasting": "test_muscle_wasting_means_see_a_doctor",
    "sleep_disturbed": "test_frequent_night_cramps_mean_see_a_doctor",
    "medication": "test_a_cramp_linked_medicine_means_see_a_doctor",
    "pregnancy": "test_pregnancy_means_see_a_doctor",
    "medical_condition": "test_a_medical_condition_or_heavy_drinking_means_see_a_doctor",
    "not_resolving": "test_cramps_that_self_care_has_not_helped_mean_see_a_doctor",
    "muscle_damage": "test_bruising_swelling_or_a_pop_means_see_a_physio",
    "lasting_damage_signs": "test_lasting_tenderness_means_see_a_physio",
    "alignment": "test_pelvic_tilt_or_leg_length_difference_means_see_a_physio",
}


@pytest.mark.parametrize("rule", [r.id for r in KB.red_flags])
def test_every_red_flag_rule_has_a_named_test(rule: str) -> None:
    assert rule in RULE_TESTS, f"write a named test for red-flag rule {rule!r}"
    assert callable(getattr(sys.modules[__name__], RULE_TESTS[rule], None))


def test_no_named_test_is_for_a_rule_that_is_gone() -> None:
    assert set(RULE_TESTS) <= {r.id for r in KB.red_flags}


def test_no_red_flags_means_self_care() -> None:
    result = triage(KB, ORDINARY)
    assert result.level == "self_care"
    assert result.reasons == []
    assert result.action == KB.triage_levels["self_care"].action


def test_a_red_flag_answered_no_or_unknown_does_not_fire() -> None:
    assert triage(KB, {**ORDINARY, "saddle_numbness": False}).level == "self_care"
    assert triage(KB, {**ORDINARY, "dark_urine_after_exercise": None}).level == "self_care"


def test_the_most_urgent_rule_sets_the_level_and_action() -> None:
    result = triage_with("pregnant", "bruising", "saddle_numbness")
    assert result.level == "urgent"
    assert result.reasons[0].rule == "saddle_numbness"
    assert {r.finding for r in result.reasons} == {"pregnant", "bruising", "saddle_numbness"}


ANSWER = st.sampled_from([True, False, None])


def any_case() -> st.SearchStrategy[dict[str, bool | None]]:
    return st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=30)


@settings(max_examples=300, deadline=None)
@given(case=any_case(), flag=st.sampled_from(RED_FLAG_FINDINGS))
def test_adding_a_present_red_flag_never_lowers_the_level(
    case: dict[str, bool | None], flag: str,
) -> None:
    before = triage(KB, case).level
    after = triage(KB, {**case, flag: True}).level
    assert RANK[after] >= RANK[before]


@settings(max_examples=200, deadline=None)
@given(
    ordinary=st.dictionaries(
        st.sampled_from(sorted(set(KB.findings) - set(RED_FLAG_FINDINGS))), ANSWER),
    flags=st.dictionaries(st.sampled_from(RED_FLAG_FINDINGS), st.sampled_from([False, None])),
)
def test_without_a_present_red_flag_the_level_is_self_care(
    ordinary: dict[str, bool | None], flags: dict[str, bool | None],
) -> None:
    assert triage(KB, {**ordinary, **flags}).level == "self_care"


def test_unanswered_warning_signs_make_the_level_provisional() -> None:
    from crampcoach.case import Case
    from crampcoach.reasoning import assess

    triage = assess(Case(findings={"skips_warmup": True, "saddle_numbness": False})).triage
    assert triage.level == "self_care"
    assert "saddle_numbness" not in triage.unchecked  # answered no
    assert {"calf_or_thigh_swollen_warm_red", "dark_urine_after_exercise"} <= set(triage.unchecked)
    answered_all = {f: None for f in KB.red_flag_findings()}
    assert assess(Case(findings=answered_all)).triage.unchecked == []


def test_urgent_lists_no_unchecked_signs() -> None:
    from crampcoach.case import Case
    from crampcoach.reasoning import assess

    assert assess(Case(findings={"saddle_numbness": True})).triage.unchecked == []


def test_a_document_filled_in_directly_equals_one_from_model_construct() -> None:
    from crampcoach.reasoning.assessment import Unexplained
    from crampcoach.triage import filled

    kb = load_knowledge()
    made = triage(kb, {"saddle_numbness": True, "back_pain": True})
    parts = {name: getattr(made, name) for name in Triage.model_fields}
    assert filled(Triage, dict(parts)) == Triage.model_construct(**parts)
    assert filled(Triage, dict(parts)).model_dump_json() == made.model_dump_json()
    said = {"probability": 0.2, "leading": False, "says": "nothing fits"}
    direct, constructed = filled(Unexplained, dict(said)), Unexplained.model_construct(**said)
    assert direct == constructed
    assert direct.model_fields_set == constructed.model_fields_set
    assert direct.__pydantic_private__ == constructed.__pydantic_private__
