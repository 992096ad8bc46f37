"""progress_summary: cramps per week, ladder step over time, shares, load and escalation."""

from __future__ import annotations

import datetime as dt

from crampcoach import DISCLAIMER
from crampcoach.case import parse_case
from crampcoach.progress.summary import ProgressContext, progress_summary
from crampcoach.store.records import CrampRecord, SessionRecord

from .samples import MONDAY, cramp, day, item, session

SELF_CARE = parse_case({"findings": {"trigger_bridge_or_hip_thrust": True}})
URGENT = parse_case({"findings": {"saddle_numbness": True}})


def test_cramps_are_counted_per_iso_week_with_quiet_weeks_as_zero() -> None:
    summary = progress_summary([session(0)], [cramp(1), cramp(2, severity=8), cramp(15)])
    assert [(w.week, w.cramps, w.worst_cramp) for w in summary.weeks] == [
        ("2024-W10", 2, 8), ("2024-W11", 0, None), ("2024-W12", 1, 5)]
    assert (summary.sessions, summary.cramps) == (1, 3)
    assert (summary.first_day, summary.as_of) == (MONDAY, day(15))
    assert summary.disclaimer == DISCLAIMER


def test_ladder_step_over_time_follows_the_moves() -> None:
    log = [session(0), session(1), session(2),                       # week 1: up to step 2
           session(8, item("shoulder_elevated_glute_bridge"))]       # week 2
    cramps = [cramp(8, during="shoulder_elevated_glute_bridge")]     # ...and back down
    summary = progress_summary(log, cramps, as_of=day(7 * 3))
    assert [(w.week, w.ladder_step) for w in summary.weeks] == [
        ("2024-W10", 2), ("2024-W11", 1), ("2024-W12", 1), ("2024-W13", 1)]
    assert summary.ladder is not None
    assert [m.direction for m in summary.ladder.moves] == ["up", "down"]


def test_weekly_shares_and_the_waterfall_verdict_are_in_the_summary() -> None:
    log = [session(0, item(felt=(3, 2, 5))), session(7, item(felt=(3, 3, 4)))]
    summary = progress_summary(log, [])
    first, second = summary.weeks
    assert first.shares is not None and first.shares.hamstrings == 0.5
    assert second.shares is not None and second.shares.hamstrings == 0.4
    assert summary.waterfalls.status == "toward"


def test_weekly_load_rise_is_flagged_in_the_summary() -> None:
    log = [session(0, item(sets=3, reps=10)), session(7, item(sets=3, reps=10)),
           session(8, item(sets=3, reps=10))]
    summary = progress_summary(log, [])
    assert [(w.reps, w.reps_change, w.load_flagged) for w in summary.weeks] == [
        (30, None, False), (60, 1.0, True)]
    assert [f.week for f in summary.load_flags] == ["2024-W11"]
    assert summary.max_weekly_increase == 0.1 and "10%" in summary.load_rule


def test_records_after_as_of_are_left_out() -> None:
    summary = progress_summary([session(0), session(20)], [cramp(21)], as_of=day(6))
    assert (summary.sessions, summary.cramps, len(summary.weeks)) == (1, 0, 1)


def test_cramps_for_weeks_despite_the_plan_raise_triage_in_the_summary() -> None:
    context = ProgressContext(case=SELF_CARE, plan_started=MONDAY)
    summary = progress_summary([session(0)], [cramp(2), cramp(9), cramp(16)], context)
    assert summary.escalation is not None and summary.escalation.raised
    assert summary.triage_level == "see_doctor"
    assert summary.ladder is not None and summary.ladder.next_move != "stop"


def test_without_a_plan_the_first_session_starts_the_escalation_count() -> None:
    summary = progress_summary([session(9)], [cramp(2), cramp(9), cramp(16)])
    assert summary.escalation is not None
    assert summary.escalation.since == day(9) and not summary.escalation.persists


def test_urgent_triage_stops_the_ladder_and_gives_no_training_advice() -> None:
    hamstrings_lead = [session(0, item(felt=(2, 3, 6)))]
    assert progress_summary(hamstrings_lead, []).waterfalls.advice is not None
    summary = progress_summary(hamstrings_lead, [], ProgressContext(case=URGENT))
    assert summary.triage_level == "urgent" and summary.triage_action
    assert summary.ladder is not None and summary.ladder.next_move == "stop"
    assert summary.ladder.says.startswith("No exercise for now.")
    assert summary.waterfalls.advice is None


def test_a_plan_without_ladder_work_shows_no_ladder() -> None:
    summary = progress_summary([session(0)], [], ProgressContext(plan_document={"ladder": None}))
    assert summary.ladder is None and summary.weeks[0].ladder_step is None


def test_scores_given_only_outside_the_bridges_are_named_not_asked_for_again() -> None:
    log = [session(0, item("romanian_deadlift", felt=(1, 3, 6)), item("romanian_deadlift", felt=None))]
    summary = progress_summary(log, [])
    assert summary.waterfalls.status == "other_scores"
    assert "romanian deadlift" in summary.waterfalls.says.lower()
    assert "Log them" not in summary.waterfalls.says
    # A bridge score afterwards is split as usual.
    later = progress_summary([*log, session(1, item(felt=(2, 5, 3)))], [])
    assert later.waterfalls.status == "one_period"


def test_a_plan_without_bridges_does_not_ask_for_bridge_scores() -> None:
    summary = progress_summary([session(0, item("romanian_deadlift", felt=None))], [],
                               ProgressContext(plan_document={"ladder": None}))
    assert summary.waterfalls.status == "not_in_plan"
    assert "0-10" not in summary.waterfalls.says


def test_nothing_logged_gives_an_empty_summary() -> None:
    summary = progress_summary([], [])
    assert (summary.weeks, summary.first_day, summary.escalation) == ([], None, None)
    assert summary.waterfalls.status == "no_scores"
    assert summary.ladder is not None and summary.ladder.step == 1


def test_store_records_and_light_records_give_the_same_summary() -> None:
    light = [session(0, item(felt=(2, 6, 3), load_kg=20.0)), session(3)]
    records = [SessionRecord.model_validate({"date": s.date, "items": [
        {"exercise": i.exercise, "sets": i.sets, "reps": i.reps, "load_kg": i.load_kg,
         "felt": None if i.felt is None else {"low_back": i.felt.low_back,
                                              "glutes": i.felt.glutes,
                                              "hamstrings": i.felt.hamstrings}}
        for i in s.items]}) for s in light]
    cramps = [CrampRecord(occurred_at=dt.datetime.combine(day(3), dt.time(7)), side="both",
                          during="sleep", severity=3)]
    assert progress_summary(records, cramps) == progress_summary(light, [cramp(3, "sleep", 7, 3)])
