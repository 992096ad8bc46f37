"""The adaptive interview: screening first, never a repeat, and it knows when to stop."""

from __future__ import annotations

from typing import Literal

from hypothesis import given, settings
from hypothesis import strategies as st

from crampcoach.case import Case
from crampcoach.knowledge import load_knowledge
from crampcoach.reasoning import assess

KB = load_knowledge()
Sex = Literal["female", "male", "other"]
URGENT_FINDINGS = sorted({f for r in KB.red_flags if r.level == "urgent"
                          for f in (*r.when.all, *r.when.any)})
UNCONDITIONAL_SCREENS = [fid for _, fid in sorted(
    (f.screen.order, fid) for fid, f in KB.findings.items() if f.screen and not f.screen.when_any
)]


def next_finding(findings: dict[str, bool | None], sex: Sex | None = None) -> str | None:
    question = assess(Case(findings=findings, sex=sex)).next_question
    return question.finding if question else None


def walk(sex: Sex | None, answer: bool | None = False) -> list[str]:
    """Every question a full interview asks when each answer is `answer`."""
    findings: dict[str, bool | None] = {}
    asked: list[str] = []
    while (finding := next_finding(findings, sex)) is not None:
        assert finding not in findings, f"{finding} asked twice"
        asked.append(finding)
        findings[finding] = answer
    return asked


def test_red_flag_screening_comes_first_on_an_empty_case() -> None:
    assert len(UNCONDITIONAL_SCREENS) >= 2
    first = assess(Case()).next_question
    assert first is not None and first.screening
    assert first.finding == UNCONDITIONAL_SCREENS[0]
    assert walk(None)[: len(UNCONDITIONAL_SCREENS)] == UNCONDITIONAL_SCREENS


def test_screening_covers_clots_cauda_equina_and_muscle_breakdown() -> None:
    assert {"calf_or_thigh_swollen_warm_red", "saddle_numbness",
            "dark_urine_after_exercise"} <= set(UNCONDITIONAL_SCREENS)


def test_after_screening_the_questions_are_not_screening_questions() -> None:
    findings: dict[str, bool | None] = dict.fromkeys(UNCONDITIONAL_SCREENS, False)
    question = assess(Case(findings=findings)).next_question
    assert question is not None and not question.screening


def test_a_triggered_screen_is_asked_next() -> None:
    findings: dict[str, bool | None] = {**dict.fromkeys(UNCONDITIONAL_SCREENS, False),
                                        "back_pain": True}
    triggered = sorted((f.screen.order, fid) for fid, f in KB.findings.items()
                       if f.screen and "back_pain" in f.screen.when_any)
    assert triggered
    question = assess(Case(findings=findings)).next_question
    assert question is not None and question.screening
    assert question.finding == triggered[0][1]


def test_the_question_text_and_help_come_from_the_knowledge_base() -> None:
    question = assess(Case()).next_question
    assert question is not None
    assert question.text == KB.findings[question.finding].question
    assert question.help == KB.findings[question.finding].help


ANSWER = st.sampled_from([True, False, None])
SEX = st.sampled_from([None, "female", "male", "other"])


@settings(max_examples=60, deadline=None)
@given(findings=st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=18),
       sex=SEX)
def test_next_question_is_never_a_finding_already_answered(
    findings: dict[str, bool | None], sex: Sex | None,
) -> None:
    question = assess(Case(findings=findings, sex=sex)).next_question
    assert question is None or question.finding not in findings


@settings(max_examples=40, deadline=None)
@given(findings=st.dictionaries(st.sampled_from(sorted(KB.findings)), ANSWER, max_size=18),
       urgent=st.sampled_from(URGENT_FINDINGS))
def test_there_is_no_next_question_under_urgent(
    findings: dict[str, bool | None], urgent: str,
) -> None:
    result = assess(Case(findings={**findings, urgent: True}))
    assert result.triage.level == "urgent"
    assert result.next_question is None


@settings(max_examples=25, deadline=None)
@given(answers=st.lists(ANSWER, min_size=len(KB.findings), max_size=len(KB.findings)),
       sex=SEX)
def test_a_completely_answered_case_has_no_next_question(
    answers: list[bool | None], sex: Sex | None,
) -> None:
    findings = dict(zip(KB.findings, answers, strict=True))
    assert assess(Case(findings=findings, sex=sex)).next_question is None


def test_a_male_is_never_asked_whether_he_is_pregnant() -> None:
    assert "pregnant" not in walk("male")
    assert "pregnant" not in walk("male", answer=None)


def test_pregnancy_is_asked_of_a_female_but_skipped_for_a_male() -> None:
    # Everything else answered "no": pregnancy is the one question that could still
    # change the triage level, so a female is asked it and a male is not.
    findings: dict[str, bool | None] = dict.fromkeys(
        (f for f in KB.findings if f != "pregnant"), False)
    assert next_finding(findings, "female") == "pregnant"
    assert next_finding(findings, "male") is None


def test_after_the_red_flag_screen_the_interview_opens_with_night_cramps() -> None:
    from crampcoach.case import Case
    from crampcoach.reasoning import assess

    screened: dict[str, bool | None] = {
        f: False for f, spec in load_knowledge().findings.items()
        if spec.screen is not None and not spec.screen.when_any}
    question = assess(Case(findings=screened)).next_question
    assert question is not None and question.finding == "cramp_at_night"
    assert not question.screening


def test_night_cramps_bring_the_medicine_and_history_questions_forward() -> None:
    from crampcoach.case import Case
    from crampcoach.reasoning import assess

    screened: dict[str, bool | None] = {
        f: False for f, spec in load_knowledge().findings.items()
        if spec.screen is not None and not spec.screen.when_any}
    case = Case(findings={**screened, "cramp_at_night": True})
    screened_next = []
    while (question := assess(case).next_question) is not None and question.screening:
        screened_next.append(question.finding)
        case = case.with_answer(question.finding, False)
    assert {"takes_cramp_linked_medication", "pregnant", "kidney_condition"} <= set(screened_next)


def test_the_projects_own_labelled_cases_meet_the_bars() -> None:
    from pathlib import Path

    from crampcoach.reasoning.evaluation import evaluate, read_cases

    report = evaluate(read_cases(Path(__file__).with_name("more_cases.jsonl")))
    assert report.top1_accuracy >= 0.8 and report.top3_accuracy >= 0.95
    assert report.triage_safe == 1.0 and report.urgent_recall == 1.0
    assert report.median_questions is not None and report.median_questions <= 15


def test_pregnancy_is_not_asked_from_56_on() -> None:
    from crampcoach.reasoning.dialogue import InterviewDialogue

    def asked(age: int) -> set[str]:
        state = InterviewDialogue(Case(age=age, sex="female", findings={"cramp_at_night": True}))
        seen = set()
        while (question := state.assessment().next_question) is not None:
            seen.add(question.finding)
            state.answer(question.finding, "no")
        return seen

    assert "pregnant" in asked(32)
    assert "pregnant" not in asked(72)
