"""render(plan, fmt): every format, and one clear error for a bad format or page."""

from __future__ import annotations

import json

import pytest

from crampcoach import DISCLAIMER
from crampcoach.case import Case, TrainingVolume
from crampcoach.errors import InputError
from crampcoach.export import BINARY, FORMATS, render
from crampcoach.plan import Plan, PlanOptions, build_plan
from crampcoach.plan.models import NO_LIKELY_CAUSE
from crampcoach.reasoning import assess

from .plans import START, glute_plan, urgent_plan


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_and_binary_ones_are_bytes(fmt: str) -> None:
    out = render(glute_plan(weeks=2), fmt)
    assert isinstance(out, bytes) == (fmt in BINARY)
    assert len(out) > 500


def test_json_is_the_plan_document() -> None:
    plan = glute_plan()
    out = render(plan, "json")
    assert isinstance(out, str)
    assert json.loads(out) == plan.to_contract()


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_readable_formats_show_triage_doses_ladder_advice_and_disclaimer(fmt: str) -> None:
    out = render(glute_plan(), fmt)
    assert isinstance(out, str)
    flat = " ".join(out.split())
    assert "Bodyweight glute bridge" in out
    assert "3 × 10 reps" in out
    assert "Barbell hip thrust" in out
    assert "disagree" in out.lower()
    assert " ".join(DISCLAIMER.split()) in flat


def test_markdown_has_the_week_table_and_the_sources() -> None:
    out = render(glute_plan(), "md")
    assert isinstance(out, str)
    assert "| Exercise | Wk 1" in out
    assert "## Sources" in out and "Hamstring Muscle Cramps During Hip Thrusts" in out


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_urgent_plans_say_what_to_do_now_and_hold_no_exercise(fmt: str) -> None:
    plan = urgent_plan()
    out = render(plan, fmt)
    assert isinstance(out, str)
    flat = " ".join(out.replace("&amp;", "&").split())
    for step in plan.what_to_do_now:
        assert step in flat
    assert "Bodyweight glute bridge" not in out


def test_unknown_format_or_page_is_one_clear_error() -> None:
    with pytest.raises(InputError) as caught:
        render(glute_plan(), "docx")
    assert caught.value.field == "--format" and "html" in caught.value.message
    with pytest.raises(InputError) as caught:
        render(glute_plan(), "pdf", page="a5")
    assert caught.value.field == "--page"


def _care_plan() -> Plan:
    """A plan with every new element: acute care, routine, habits and a volume schedule."""
    case = Case(findings={"recent_training_increase": True, "cramp_during_exercise": True,
                          "sits_most_of_day": True, "tight_hip_flexors": True,
                          "tender_after_cramp": True, "bruising": True},
                days_since_last_cramp=1,
                training_volume=TrainingVolume(current=50, unit="km", tolerated=30))
    return build_plan(case, assess(case), PlanOptions(weeks=3, start=START))


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_human_formats_show_routine_habits_volume_and_acute_care(fmt: str) -> None:
    plan = _care_plan()
    assert plan.recovery and plan.habits and plan.volume
    out = " ".join(str(render(plan, fmt)).split())  # the text format wraps lines
    for habit in plan.habits:
        assert habit.title in out and habit.target in out
    assert "33 km" in out and "36 km" in out
    assert plan.recovery.return_to_run[0] in out and "physiotherapist" in out
    if plan.routine:
        assert all(i.name in out for i in plan.routine.items)
    # Causes in plain words, never their ids.
    assert "training_load_spike" not in out.replace("[for training_load_spike]", "")


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_plan_with_no_likely_cause_says_so_instead_of_an_empty_list(fmt: str) -> None:
    case = Case()
    plan = build_plan(case, assess(case), PlanOptions(weeks=2, start=START))
    assert plan.likely_causes() == []
    out = render(plan, fmt)
    assert isinstance(out, str)
    assert " ".join(NO_LIKELY_CAUSE.split()) in " ".join(out.replace("&#39;", "'").split())
    assert NO_LIKELY_CAUSE not in " ".join(str(render(glute_plan(), fmt)).split())


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_the_session_warm_up_names_no_cause_the_person_has_ruled_out(fmt: str) -> None:
    case = Case(findings={"trigger_bridge_or_hip_thrust": True, "hard_to_feel_glutes": True,
                          "skips_warmup": False, "cramp_late_in_session": False,
                          "cramp_early_in_session": False, "long_or_intense_sessions": False})
    plan = build_plan(case, assess(case), PlanOptions(weeks=2, start=START))
    assert "inadequate_warmup" not in {c.id for c in plan.likely_causes()}
    assert any(i.kind == "warmup" for s in plan.sessions() for i in s.items)
    out = " ".join(str(render(plan, fmt)).split()).lower()
    assert "for cold muscles from too little warm-up" not in out
    assert "warm up first" in out or "a warm start to every session" in out
