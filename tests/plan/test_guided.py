"""The guided session: picking the day, walking through the items, the record at the end."""

from __future__ import annotations

import io
from datetime import date

import pytest
from rich.console import Console

from crampcoach.cli.guided import pick_session, run_session
from crampcoach.errors import InputError
from crampcoach.plan import PlanOptions, build_plan

from .cases import DVT_CASE, GLUTE_CASE, assessed

CASE, ASSESSMENT = assessed(GLUTE_CASE)
PLAN = build_plan(CASE, ASSESSMENT, PlanOptions(weeks=2, start=date(2025, 3, 3)))


def quiet() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=100, color_system=None), out


def test_the_first_session_is_the_default() -> None:
    assert pick_session(PLAN, None) == PLAN.sessions()[0]


def test_a_rest_day_is_refused_naming_the_next_session_days() -> None:
    with pytest.raises(InputError) as caught:
        pick_session(PLAN, 2)
    assert caught.value.field == "--day"
    assert "rest day" in caught.value.message and "3" in caught.value.message


def test_a_day_outside_the_plan_is_refused() -> None:
    with pytest.raises(InputError, match="day 1 to day 14"):
        pick_session(PLAN, 15)


def test_an_urgent_plan_has_no_session_to_guide() -> None:
    case, a = assessed(DVT_CASE)
    with pytest.raises(InputError, match="no exercise") as caught:
        pick_session(build_plan(case, a), None)
    assert caught.value.field == "session"  # not an option the person never gave
    assert "medical help today" in caught.value.message


def test_without_waiting_the_session_runs_through_and_records_every_item() -> None:
    session = pick_session(PLAN, 3)
    console, out = quiet()
    slept: list[float] = []
    record = run_session(PLAN, session, console, wait=False, ask=None, sleep=slept.append,
                         today=date(2025, 3, 5))
    assert slept == []
    assert [i["exercise"] for i in record["items"]] == [i.exercise for i in session.items]
    assert record["plan_week"] == 1 and record["plan_day"] == 3
    assert record["date"] == "2025-03-05"
    shown = out.getvalue()
    for item in session.items:
        assert item.name in shown
        assert item.cues[0][:30] in shown.replace("\n", " ")


def test_waiting_counts_down_every_hold_and_rest() -> None:
    session = pick_session(PLAN, 1)
    stretch = next(i for i in session.items if i.kind == "stretch")
    console, _ = quiet()
    slept: list[float] = []
    scores = {"glutes": "7", "hamstrings": "2", "lower back": "1"}

    def ask(prompt: str) -> str:
        return next((v for k, v in scores.items() if f"feel your {k}" in prompt), "")

    record = run_session(PLAN, session, console, wait=True, sleep=slept.append, ask=ask,
                         today=date(2025, 3, 3))
    holds = sum(i.sets * (i.hold_s or 0) * (2 if i.per_side else 1)
                for i in session.items if i.reps is None)
    rests = sum((i.sets - 1) * i.rest_s for i in session.items)
    assert len(slept) == holds + rests
    assert stretch.hold_s == 30
    ladder = next(i for i in record["items"] if i["exercise"] == "glute_bridge")
    assert ladder["felt"] == {"glutes": 7, "hamstrings": 2, "low_back": 1}


def test_a_score_that_is_not_0_to_10_is_named_and_asked_again_keeping_the_others() -> None:
    session = pick_session(PLAN, 1)
    console, _ = quiet()
    answers = iter(["7", "x", "12", "2", "1"])
    prompts: list[str] = []

    def ask(prompt: str) -> str:
        prompts.append(prompt)
        return next(answers)

    record = run_session(PLAN, session, console, wait=False, ask=ask, today=date(2025, 3, 3))
    ladder = next(i for i in record["items"] if i["exercise"] == "glute_bridge")
    assert ladder["felt"] == {"glutes": 7, "hamstrings": 2, "low_back": 1}
    assert "'x' is not a score" in prompts[2] and "'12' is not a score" in prompts[3]


def test_enter_skips_the_felt_scores() -> None:
    session = pick_session(PLAN, 1)
    console, _ = quiet()
    record = run_session(PLAN, session, console, wait=False, ask=lambda _: "",
                         today=date(2025, 3, 3))
    ladder = next(i for i in record["items"] if i["exercise"] == "glute_bridge")
    assert "felt" not in ladder


def test_the_record_is_a_valid_training_log_session() -> None:
    from crampcoach.store import records

    session = pick_session(PLAN, None)
    console, _ = quiet()
    record = run_session(PLAN, session, console, wait=False, ask=None, today=date(2025, 3, 3))
    stored = records.SessionRecord.model_validate(record)
    assert [i.exercise for i in stored.items] == [i.exercise for i in session.items]
