"""Done means: every dev case gets a plan with what it must hold and nothing it must not."""

from __future__ import annotations

from typing import Any

from crampcoach.case import parse_case
from crampcoach.plan import PlanOptions, build_plan
from crampcoach.plan.loader import load_plan_knowledge
from crampcoach.reasoning import assess


def test_every_dev_case_plan_includes_and_excludes_what_it_should(
        dev_cases: list[dict[str, Any]]) -> None:
    assert len(dev_cases) >= 10
    for entry in dev_cases:
        case = parse_case(entry["case"])
        assessment = assess(case)
        plan = build_plan(case, assessment, PlanOptions(weeks=12))
        ids = plan.exercise_ids()
        expect = entry["expect"]
        missing = set(expect["plan_must_include"]) - ids
        forbidden = set(expect["plan_must_exclude"]) & ids
        assert not missing, f"{entry['id']} lacks {missing}"
        assert not forbidden, f"{entry['id']} holds {forbidden}"
        if assessment.triage.level == "urgent":
            assert ids == set(), f"{entry['id']} is urgent but holds exercise"
            assert plan.what_to_do_now
        if assessment.triage.level != "self_care":
            assert plan.see_a_professional is not None, entry["id"]


def test_every_non_urgent_dev_case_gets_exercise_unless_its_cause_waits_for_a_doctor(
        dev_cases: list[dict[str, Any]]) -> None:
    """A plan without exercise is allowed only where the leading cause is one a doctor must
    examine first (an irritated nerve): then it says who to see."""
    modules = load_plan_knowledge().modules.modules
    for entry in dev_cases:
        case = parse_case(entry["case"])
        assessment = assess(case)
        plan = build_plan(case, assessment)
        if plan.triage == "urgent" or plan.exercise_ids():
            continue
        leading = assessment.causes[0].id
        module = modules.get(leading)
        assert module is not None and module.treatment == "guidance" and not module.routine, (
            f"{entry['id']} holds no exercise though its leading cause {leading} can train")
        assert plan.see_a_professional is not None, entry["id"]
