"""The care phase a plan starts in, and how the phases follow one another."""

from __future__ import annotations

import pytest

from crampcoach.plan import load_plan_knowledge
from crampcoach.plan.phases import phase_by_week, starting_phase

PHASES = load_plan_knowledge().phases


@pytest.mark.parametrize(("answers", "days", "phase"), [
    ({"bruising": True}, None, "acute"),
    ({"popping_sensation": True}, 3, "acute"),
    ({"bruising": True}, 20, "subacute"),
    ({}, 1, "acute"),
    ({"tender_after_cramp": True}, 10, "subacute"),
    ({"tender_after_cramp": True}, None, "subacute"),
    ({"frequent_cramps": True}, None, "chronic"),
    ({"persists_despite_self_care": True}, 30, "chronic"),
    ({"bruising": False, "cramp_during_exercise": True}, None, "prevention"),
    ({"bruising": True}, 90, "prevention"),
])
def test_starting_phase_follows_the_signs_and_the_days_since_the_cramp(
        answers: dict[str, bool], days: int | None, phase: str) -> None:
    assert starting_phase(PHASES, answers, days)[0] == phase


def test_the_phase_comes_with_the_reason_it_was_chosen() -> None:
    _, says = starting_phase(PHASES, {"bruising": True}, None)
    assert "damage" in says


def test_acute_care_hands_over_to_recovery_and_then_prevention() -> None:
    assert phase_by_week(PHASES, "acute", 5) == [
        "acute", "subacute", "subacute", "prevention", "prevention"]
    assert phase_by_week(PHASES, "chronic", 3) == ["chronic"] * 3
    assert phase_by_week(PHASES, "acute", 1) == ["acute"]


def test_acute_phase_holds_only_gentle_care() -> None:
    acute = PHASES.phases["acute"]
    assert set(acute.families) == {"rom", "rolling", "hamstring_stretch"}
    assert acute.stretch == "gentle"
