"""The ladder position and the next move, replayed from logged sessions and cramps."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from crampcoach import plain_words
from crampcoach.progress.knowledge import ProgressKnowledge, load_progress_knowledge
from crampcoach.progress.ladder import LadderStart, ladder_position, ladder_start
from crampcoach.store.records import CrampRecord, SessionRecord

from .samples import HAMSTRINGS_LEAD, cramp, day, item, session

BOTTOM = LadderStart(step=1, top=6, says="")
STEP_2 = "shoulder_elevated_glute_bridge"
STEP_3 = "barbell_glute_bridge"


def rules() -> ProgressKnowledge:
    return load_progress_knowledge()


def test_three_clean_sessions_with_glutes_leading_move_up_one_step() -> None:
    position = ladder_position([session(0), session(2), session(4)], [], BOTTOM)
    assert (position.step, position.exercise, position.next_move) == (2, STEP_2, "up")
    assert [(m.from_step, m.to_step, m.day) for m in position.moves] == [(1, 2, day(4))]
    assert position.clean_sessions == 0
    assert "step 2" in position.says and plain_words.day(day(4)) in position.says
    assert day(4).isoformat() not in position.says  # the day as people write it


def test_two_clean_sessions_hold_and_say_how_many_more() -> None:
    position = ladder_position([session(0), session(2)], [], BOTTOM)
    assert (position.step, position.next_move, position.clean_sessions) == (1, "hold", 2)
    assert "2 of 3 sessions" in position.says


def test_a_cramp_in_the_current_exercise_moves_down_one_step() -> None:
    start = LadderStart(step=3, top=6, says="")
    position = ladder_position([session(0, item(STEP_3, load_kg=20.0))],
                               [cramp(0, during=STEP_3)], start)
    assert (position.step, position.exercise, position.next_move) == (2, STEP_2, "down")
    assert position.moves[-1].direction == "down" and position.moves[-1].from_step == 3
    assert "cramp during the barbell glute bridge" in position.says
    assert "latest bridge session" not in position.says  # that session is the move's reason


def test_a_cramp_at_the_bottom_step_holds_and_restarts_the_count() -> None:
    position = ladder_position([session(0), session(2), session(4)], [cramp(4)], BOTTOM)
    assert (position.step, position.next_move, position.clean_sessions) == (1, "hold", 0)
    assert "starts the count of clean sessions again" in position.says


def test_sessions_with_the_hamstrings_leading_break_the_run() -> None:
    log = [session(0), session(1), session(2, item(felt=HAMSTRINGS_LEAD)), session(3),
           session(4)]
    position = ladder_position(log, [], BOTTOM)
    assert (position.step, position.clean_sessions) == (1, 2)


def test_a_tie_between_glutes_and_hamstrings_is_not_the_glutes_leading() -> None:
    tied = [session(i, item(felt=(1, 5, 5))) for i in range(3)]
    assert ladder_position(tied, [], BOTTOM).step == 1


def test_sessions_without_felt_scores_neither_count_nor_break_the_run() -> None:
    log = [session(0), session(1, item(felt=None)), session(2), session(3, item(felt=None))]
    held = ladder_position(log, [], BOTTOM)
    assert (held.step, held.clean_sessions) == (1, 2)
    assert "Score where you feel each bridge" in held.says
    assert ladder_position([*log, session(5)], [], BOTTOM).step == 2


def test_a_cramp_in_another_exercise_of_the_session_spoils_it_without_a_move_down() -> None:
    rdl = item("romanian_deadlift", felt=None, load_kg=30.0)
    log = [session(0), session(1), session(2, item(), rdl)]
    position = ladder_position(log, [cramp(2, during="romanian_deadlift")], BOTTOM)
    assert (position.step, position.clean_sessions, position.moves) == (1, 0, [])
    assert "cramp during the romanian deadlift" in position.says


def test_before_any_session_the_start_is_explained() -> None:
    start = LadderStart(step=1, top=6, says="You start with the bodyweight bridge.")
    assert "You start with the bodyweight bridge." in ladder_position([], [], start).says


def test_a_night_cramp_does_not_spoil_the_day_s_session() -> None:
    position = ladder_position([session(0), session(1), session(2)],
                               [cramp(2, during="sleep", hour=3)], BOTTOM)
    assert position.step == 2


def test_a_cramp_in_a_step_above_the_current_one_only_breaks_the_run() -> None:
    ahead = session(1, item(STEP_3, load_kg=20.0))
    position = ladder_position([session(0), ahead, session(2), session(3)],
                               [cramp(1, during=STEP_3)], BOTTOM)
    assert (position.step, position.clean_sessions, position.moves) == (1, 2, [])
    assert position.last_session_step == 1


def test_clean_sessions_on_a_higher_step_count_one_step_at_a_time() -> None:
    log = [session(i, item(STEP_3, load_kg=20.0)) for i in range(4)]
    position = ladder_position(log, [], BOTTOM)
    assert (position.step, position.clean_sessions, position.last_session_step) == (2, 1, 3)
    assert "latest bridge session was on step 3" in position.says


def test_sessions_on_a_lower_step_neither_count_nor_break_the_run() -> None:
    start = LadderStart(step=2, top=6, says="")
    log = [session(0, item(STEP_2)), session(1, item(STEP_2)),
           session(2, item(felt=HAMSTRINGS_LEAD)), session(3, item(STEP_2))]
    assert ladder_position(log, [], start).step == 3
    assert ladder_position(log[:3], [], start).clean_sessions == 2


def test_work_above_the_plan_s_cap_is_pointed_out() -> None:
    capped = LadderStart(step=2, top=2, says="")
    position = ladder_position([session(0, item(STEP_3, load_kg=20.0))], [], capped)
    assert position.step == 2 and "does not allow step 3" in position.says


def test_the_climb_stops_below_a_rung_the_plan_blocks() -> None:
    capped = LadderStart(step=2, top=2, says="")
    position = ladder_position([session(i, item(STEP_2)) for i in range(6)], [], capped)
    assert (position.step, position.top, position.moves) == (2, 2, [])
    assert "does not allow step 3" in position.says


def test_the_top_step_says_so() -> None:
    top = LadderStart(step=6, top=6, says="")
    log = [session(i, item("single_leg_hip_thrust")) for i in range(4)]
    position = ladder_position(log, [], top)
    assert position.step == 6 and "top of the ladder" in position.says


def test_urgent_triage_stops_all_exercise() -> None:
    position = ladder_position([session(0), session(1), session(2)], [], BOTTOM,
                               stop="Go to an emergency department now.")
    assert position.next_move == "stop"
    assert position.says.startswith("No exercise for now.")


def test_the_thresholds_come_from_the_ladder_file() -> None:
    k = rules()
    ladder = k.ladder.model_copy(update={
        "move_up": k.ladder.move_up.model_copy(update={"sessions_without_cramp": 2}),
        "move_down": k.ladder.move_down.model_copy(update={"after_cramps": 2, "steps": 2}),
    })
    changed = dataclasses.replace(k, ladder=ladder)
    assert ladder_position([session(0), session(1)], [], BOTTOM, knowledge=changed).step == 2
    start = LadderStart(step=4, top=6, says="")
    one = ladder_position([], [cramp(0, during="single_leg_glute_bridge")], start,
                          knowledge=changed)
    two = ladder_position([], [cramp(0, during="single_leg_glute_bridge"),
                               cramp(1, during="single_leg_glute_bridge")], start,
                          knowledge=changed)
    assert (one.step, two.step) == (4, 2)


def test_the_glutes_need_not_lead_when_the_rule_does_not_ask() -> None:
    k = rules()
    ladder = k.ladder.model_copy(update={
        "move_up": k.ladder.move_up.model_copy(update={"glutes_main_mover": False})})
    changed = dataclasses.replace(k, ladder=ladder)
    log = [session(i, item(felt=HAMSTRINGS_LEAD)) for i in range(3)]
    assert ladder_position(log, [], BOTTOM, knowledge=changed).step == 2
    assert ladder_position(log, [], BOTTOM).step == 1


def test_store_records_are_read_as_they_are() -> None:
    def record(offset: int) -> SessionRecord:
        return SessionRecord.model_validate({"date": day(offset), "items": [
            {"exercise": "glute_bridge", "sets": 3, "reps": 12,
             "felt": {"low_back": 1, "glutes": 7, "hamstrings": 2}}]})

    sessions = [record(0), record(1), record(2), record(3)]
    cramps = [CrampRecord(occurred_at=dt.datetime.combine(day(3), dt.time(18)), side="left",
                          during=STEP_2, severity=4)]
    position = ladder_position(sessions, cramps, BOTTOM)
    assert (position.step, [m.direction for m in position.moves]) == (1, ["up", "down"])


def plan_ladder(blocked: set[int], start_step: int = 1) -> dict[str, Any]:
    return {"ladder": {"start_step": start_step, "start_says": "Start low.",
                       "rungs": [{"step": s, "blocked": s in blocked} for s in range(1, 7)]}}


def test_the_start_and_cap_come_from_the_stored_plan() -> None:
    ladder = rules().ladder
    assert ladder_start(ladder, plan_ladder({3, 4, 5, 6})) == LadderStart(1, 2, "Start low.")
    assert ladder_start(ladder, plan_ladder(set(), start_step=2)) == LadderStart(2, 6, "Start low.")
    assert ladder_start(ladder, {"ladder": None}) is None
    assert ladder_start(ladder, plan_ladder({1, 2, 3, 4, 5, 6})) is None


def test_without_a_plan_the_start_comes_from_the_answers() -> None:
    ladder = rules().ladder
    found = ladder_start(ladder, None, {"trigger_bridge_or_hip_thrust": True})
    assert found is not None and (found.step, found.top) == (1, 6)
    assert found.says == ladder.start[0].says
    plain = ladder_start(ladder, {"phase": "prevention"})  # a plan document without a ladder key
    assert plain is not None and plain.step == ladder.default_start
