"""Cramps that keep coming for weeks despite the plan raise the triage level."""

from __future__ import annotations

import datetime as dt

from crampcoach.case import parse_case
from crampcoach.progress.escalation import check_escalation, window_weeks
from crampcoach.progress.knowledge import load_progress_knowledge
from crampcoach.store.weekly import IsoWeek

from .samples import MONDAY, day

CASE = parse_case({"findings": {"trigger_bridge_or_hip_thrust": True,
                                "feel_hamstrings_more_than_glutes": True}})
RULE = load_progress_knowledge().escalation


def weekly(*weeks: int) -> list[dt.date]:
    """A cramp on the Wednesday of each of these weeks after MONDAY's week."""
    return [day(7 * w + 2) for w in weeks]


def test_cramps_for_weeks_despite_the_plan_raise_triage() -> None:
    as_of = day(7 * 3 + 4)
    result = check_escalation(weekly(0, 1, 3), MONDAY, as_of, CASE)
    assert result.persists and result.raised
    assert (result.level_before, result.level_after) == ("self_care", "see_doctor")
    assert result.cramp_weeks == ["2024-W10", "2024-W11", "2024-W13"]
    assert result.says is not None and "3 of the last 4 weeks" in result.says
    assert result.reasons and "004" in result.sources
    assert result.finding == RULE.finding == "persists_despite_self_care"


def test_fewer_cramp_weeks_than_the_rule_needs_do_not_escalate() -> None:
    result = check_escalation(weekly(0, 3), MONDAY, day(7 * 3 + 4), CASE)
    assert not result.persists and not result.raised
    assert result.level_after == result.level_before == "self_care" and result.says is None


def test_cramps_before_the_plan_started_do_not_count() -> None:
    plan_start = day(7 * 2)
    result = check_escalation(weekly(0, 1, 2, 3), plan_start, day(7 * 3 + 4), CASE)
    assert result.window == ["2024-W12", "2024-W13"]
    assert result.cramp_weeks == ["2024-W12", "2024-W13"] and not result.persists


def test_old_cramp_weeks_outside_the_window_do_not_count() -> None:
    result = check_escalation(weekly(0, 1, 2), MONDAY, day(7 * 8), CASE)
    assert result.window == [str(IsoWeek.of(day(7 * w))) for w in (5, 6, 7, 8)]
    assert result.cramp_weeks == [] and not result.persists


def test_a_case_already_at_the_raised_level_is_not_reported_raised() -> None:
    already = CASE.with_answer("persists_despite_self_care", True)
    result = check_escalation(weekly(0, 1, 2), MONDAY, day(7 * 2 + 5), already)
    assert result.persists and not result.raised
    assert result.level_before == result.level_after == "see_doctor"


def test_without_a_stored_case_the_finding_alone_sets_the_level() -> None:
    result = check_escalation(weekly(0, 1, 2), MONDAY, day(7 * 2 + 5))
    assert result.persists and result.raised and result.level_after == "see_doctor"


def test_the_window_never_reaches_before_the_plan() -> None:
    assert window_weeks(MONDAY, MONDAY - dt.timedelta(days=1), 4) == []
    assert window_weeks(MONDAY, day(9), 4) == [IsoWeek(2024, 10), IsoWeek(2024, 11)]
    assert len(window_weeks(MONDAY, day(7 * 20), RULE.window_weeks)) == RULE.window_weeks
