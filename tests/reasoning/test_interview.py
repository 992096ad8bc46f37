"""The adaptive interview: the warning-sign checklist first, no repeats, and it knows when to stop."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.plan import build_plan
from crampcoach.reasoning import assess
from crampcoach.reasoning.evaluation import interview_figures, parsed_cases, read_cases, walk_interview
from crampcoach.reasoning.interview import askable

KB = load_knowledge()
Sex = Literal["female", "male", "other"]
CHECKLIST = KB.screening_checklist()
# Findings that on their own make triage urgent (back pain is named by an urgent rule, but
# only beside weakness in both legs).
URGENT_FINDINGS = sorted(KB.red_flag_findings())
ALONE_SEE_DOCTOR_OR_URGENT = {f for r in KB.red_flags if r.level in ("see_doctor", "urgent")
                              and not r.when.all for f in r.when.any}
PROJECT_CASES = Path(__file__).with_name("more_cases.jsonl")


def steps_of(case: Case, reply: bool | None = False) -> list[list[str]]:
    """Every step a full interview takes when each answer is `reply`: the findings of each."""
    steps: list[list[str]] = []
    while (question := assess(case).next_question) is not None:
        step = [question.finding, *question.also]
        assert not set(step) & set(case.findings), f"{step} asks again"
        steps.append(step)
        for finding in step:
            case = case.with_answer(finding, reply)
    return steps


def test_every_warning_sign_that_alone_sends_to_a_doctor_is_on_the_checklist() -> None:
    assert set(CHECKLIST) >= ALONE_SEE_DOCTOR_OR_URGENT
    assert {"calf_or_thigh_swollen_warm_red", "saddle_numbness", "dark_urine_after_exercise",
            "breathless_or_chest_pain", "popping_sensation", "cannot_walk"} <= set(CHECKLIST)


def test_the_first_step_is_the_whole_checklist_on_one_screen() -> None:
    question = assess(Case(sex="female", age=30)).next_question
    assert question is not None and question.screening
    assert [question.finding, *question.also] == CHECKLIST
    lines = [item.finding for item in question.checklist]
    assert sorted(lines) == sorted(CHECKLIST)
    assert all(item.text == KB.findings[item.finding].checklist for item in question.checklist)
    # The lines come gathered by topic, so a long list reads in parts.
    topics = [KB.findings[f].group for f in lines]
    assert all(topics.index(t) == i or topics[i - 1] == t for i, t in enumerate(topics))


def test_the_checklist_leaves_out_what_the_persons_own_words_already_answered() -> None:
    said = "No swelling or redness in my legs, and I never felt a pop."
    question = assess(Case(text=said)).next_question
    assert question is not None
    read = set(assess(Case(text=said)).understood or {})
    assert read & set(CHECKLIST), "the reader should have picked up a warning sign"
    assert not read & {question.finding, *question.also}


def test_pregnancy_is_on_a_young_womans_checklist_but_not_a_mans_or_at_72() -> None:
    def first_step(case: Case) -> set[str]:
        question = assess(case).next_question
        assert question is not None
        return {question.finding, *question.also}

    assert "pregnant" in first_step(Case(sex="female", age=32))
    assert "pregnant" not in first_step(Case(sex="male", age=32))
    assert "pregnant" not in first_step(Case(sex="female", age=72))


def test_a_yes_on_the_checklist_that_makes_it_urgent_ends_the_interview_at_once() -> None:
    case = Case(findings={f: f == "dark_urine_after_exercise" for f in CHECKLIST})
    result = assess(case)
    assert result.triage.level == "urgent" and result.next_question is None


def test_a_pop_brings_the_tear_questions_next_as_screening() -> None:
    answered: dict[str, bool | None] = {f: f == "popping_sensation" for f in CHECKLIST}
    question = assess(Case(findings=answered)).next_question
    assert question is not None and question.screening
    assert {"weakness_after", "pain_when_sitting"} <= {question.finding, *question.also}


ANSWER = st.sampled_from([True, False, None])
SEX = st.sampled_from([None, "female", "male", "other"])


@settings(max_examples=60, deadline=None)
@given(said=st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=12),
       replies=st.lists(ANSWER, min_size=80, max_size=80), sex=SEX,
       age=st.one_of(st.none(), st.integers(min_value=10, max_value=110)))
def test_no_answer_sequence_passes_a_warning_sign_before_the_first_ordinary_question(
    said: dict[str, bool | None], replies: list[bool | None], sex: Sex | None, age: int | None,
) -> None:
    # `said` plays what the person's description already answered; then every step is
    # answered from `replies`, whatever they are.
    case = Case(findings=said, sex=sex, age=age)
    replies_left = iter(replies)
    while (result := assess(case)).next_question is not None:
        question = result.next_question
        if not question.screening:
            missed = [f for f in CHECKLIST if f not in case.findings
                      and askable(KB, f, case.findings, sex, age)]
            assert not missed, f"ordinary question {question.finding} asked before {missed}"
            return
        for finding in (question.finding, *question.also):
            case = case.with_answer(finding, next(replies_left, False))


@settings(max_examples=60, deadline=None)
@given(findings=st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=18),
       sex=SEX)
def test_next_question_is_never_a_finding_already_answered(
    findings: dict[str, bool | None], sex: Sex | None,
) -> None:
    question = assess(Case(findings=findings, sex=sex)).next_question
    assert question is None or not {question.finding, *question.also} & set(findings)


@settings(max_examples=40, deadline=None)
@given(findings=st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=18),
       urgent=st.sampled_from(URGENT_FINDINGS))
def test_there_is_no_next_question_under_urgent(
    findings: dict[str, bool | None], urgent: str,
) -> None:
    result = assess(Case(findings={**findings, urgent: True}))
    assert result.triage.level == "urgent"
    assert result.next_question is None


def test_a_completely_answered_case_has_no_next_question() -> None:
    for reply in (True, False, None):
        findings = dict.fromkeys(KB.findings, reply)
        assert assess(Case(findings=findings)).next_question is None


def test_all_no_ends_with_nothing_fits_and_no_zero_percent_cause_shown_as_likely() -> None:
    walk = walk_interview(Case(age=40, sex="male"), "no")
    result = walk.final
    assert result.unexplained is not None and result.unexplained.leading
    assert result.unexplained.probability > result.causes[0].probability
    assert "physiotherapist" in result.unexplained.says
    assert all(c.probability >= 0.05 for c in result.shown_causes())
    assert {c.id for c in result.causes} == set(KB.causes), "every cause stays in the document"


def test_when_nothing_fits_the_person_is_pointed_to_a_physiotherapist_not_self_care() -> None:
    result = walk_interview(Case(age=40, sex="male"), "no").final
    # The level is what the warning signs say; the action and the plan point to a physio.
    assert result.triage.level == "self_care"
    assert "physiotherapist" in result.triage.action
    plan = build_plan(Case(findings=result.answers), result)
    assert plan.nothing_fits and plan.see_a_professional is not None
    assert "physiotherapist" in plan.see_a_professional.who
    assert plan.causes_unclear() is not None and "physiotherapist" in plan.causes_unclear()


def test_a_clear_pattern_is_not_called_nothing_fits() -> None:
    result = assess(Case(findings={
        "trigger_bridge_or_hip_thrust": True, "feel_hamstrings_more_than_glutes": True,
        "cramp_during_exercise": True, "hard_to_feel_glutes": True}))
    assert result.unexplained is not None and not result.unexplained.leading
    assert result.top_cause() == "glute_weakness"


def test_dark_urine_after_a_hot_hard_session_puts_muscle_breakdown_first_with_the_reason() -> None:
    result = assess(Case(findings={
        "dark_urine_after_exercise": True, "cramp_in_hot_conditions": True,
        "long_or_intense_sessions": True, "heavy_sweating": True, "low_fluid_intake": True}))
    assert result.triage.level == "urgent"
    first = result.causes[0]
    assert first.id == "rhabdomyolysis"
    assert first.warning is not None and "urine" in first.warning
    assert first in result.shown_causes()


def test_the_condition_behind_a_see_a_doctor_sign_leads_even_when_unlikely() -> None:
    result = assess(Case(findings={"pain_radiates_below_knee": True, "skips_warmup": True,
                                   "cramp_early_in_session": True}))
    assert result.triage.level == "see_doctor"
    assert result.causes[0].id == "nerve_compression" and result.causes[0].warning


def test_of_two_conditions_behind_signs_of_one_level_the_likelier_leads() -> None:
    # Numb feet in a diabetic with night cramps: both the nerve-root sign and the diabetic
    # nerve sign say "see a doctor"; the diabetic nerves are the likelier, so they lead.
    result = assess(Case(findings={"numbness_or_tingling": True, "diabetes": True,
                                   "cramp_at_night": True, "frequent_cramps": True}))
    assert result.triage.level == "see_doctor"
    led = [c for c in result.causes if c.warning]
    assert [c.id for c in led[:2]] == ["systemic_condition", "nerve_compression"]
    assert led[0].probability > led[1].probability
    # Without diabetes the nerve root leads again.
    plain = assess(Case(findings={"numbness_or_tingling": True, "back_pain": True}))
    assert plain.causes[0].id == "nerve_compression"


def test_no_question_is_a_double_negative() -> None:
    for fid, finding in KB.findings.items():
        words = finding.question.lower().replace("?", "").split()
        assert not ({"not", "never"} & set(words) and words[0] in {"can", "do", "does", "is", "are"}
                    and ("not" in words[1:4])), f"{fid}: {finding.question}"


def test_sitting_most_of_the_day_is_asked_once() -> None:
    mentions = [f for f, spec in KB.findings.items() if "most of the day" in spec.question.lower()]
    assert mentions == ["sits_most_of_day"]


def test_pregnancy_is_not_asked_from_56_on() -> None:
    from crampcoach.reasoning.dialogue import InterviewDialogue

    def asked(age: int) -> set[str]:
        state = InterviewDialogue(Case(age=age, sex="female", findings={"cramp_at_night": True}))
        seen = set()
        while (question := state.assessment().next_question) is not None:
            seen.add(question.finding)
            state.answer(question.finding, "no")
        return seen

def test_self_care_failing_is_asked_together_with_whether_it_was_tried() -> None:
    question = KB.findings["persists_despite_self_care"]
    assert "tried" in question.question and "tried" in (question.checklist or "")


def test_late_in_session_is_not_asked_after_first_reps() -> None:
    case = Case(findings={**dict.fromkeys(CHECKLIST, False), "cramp_during_exercise": True,
                          "cramp_early_in_session": True})
    asked = {f for step in steps_of(case) for f in step}
    assert "cramp_late_in_session" not in asked


def test_no_trigger_question_after_cramps_do_not_come_during_exercise() -> None:
    case = Case(findings={**dict.fromkeys(CHECKLIST, False), "cramp_during_exercise": False,
                          "cramp_at_night": True})
    asked = {f for step in steps_of(case) for f in step}
    assert not asked & {"trigger_bridge_or_hip_thrust", "trigger_running_or_sprinting",
                        "cramp_late_in_session"}


def test_after_the_checklist_the_interview_opens_with_when_the_cramps_come() -> None:
    question = assess(Case(findings=dict.fromkeys(CHECKLIST, False))).next_question
    assert question is not None and not question.screening
    step = {question.finding, *question.also}
    assert "cramp_at_night" in step
    assert all(KB.findings[f].group == "timing" for f in step)


def test_the_projects_own_cases_meet_the_stopping_targets() -> None:
    from crampcoach.reasoning.evaluation import evaluate

    cases = read_cases(PROJECT_CASES)
    figures = interview_figures(parsed_cases(cases))
    assert figures.median_steps <= 8
    assert figures.agreement >= 0.95
    assert figures.urgent_median_steps is not None and figures.urgent_median_steps <= 1
    assert figures.urgent_max_steps is not None and figures.urgent_max_steps <= 3
    assert figures.all_no_median_steps <= 12
    assert figures.all_unknown_median_steps <= 15
    report = evaluate(cases, interview=False)
    assert report.top1_accuracy >= 0.95 and report.top3_accuracy >= 0.98
    assert report.triage_exact >= 0.95 and report.triage_safe == 1.0


def test_leave_one_out_variants_of_the_projects_cases_still_agree_with_their_full_case() -> None:
    from crampcoach.reasoning.evaluation import leave_one_out

    cases = read_cases(PROJECT_CASES)
    variants = leave_one_out(cases)
    assert len(variants) > 2 * len(cases)
    assert all(v.id.startswith(v.id.split("-")[0]) for v in variants)
    figures = interview_figures(parsed_cases(variants))
    # Harder than the cases themselves (a variant may lack the finding that names its
    # cause): 95% when this was written; 90% guards against a stopping rule that quits early.
    assert figures.agreement >= 0.9
    assert figures.median_steps <= 8


def test_an_urgent_result_shows_only_the_warning_signs_causes_and_no_dispute() -> None:
    result = assess(Case(age=60, sex="male", findings={
        "calf_or_thigh_swollen_warm_red": True, "recent_immobilisation_or_surgery": True,
        "low_fluid_intake": True, "trigger_bridge_or_hip_thrust": True}))
    assert result.triage.level == "urgent"
    assert [c.id for c in result.shown_causes()] == ["deep_vein_thrombosis"]
    assert result.disagreements == []
